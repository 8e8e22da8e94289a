"""A reminder as its calendar sees it: the fields `ally remind sync` keeps equal on both sides.

Two copies of a reminder are "the same" when their `Item`s are equal, however
the iCalendar text differs (folding, property order, a server's own
additions). Comparing items rather than text is what lets a sync tell a real
change from noise.

- An event (the default) shows a reminder that is still to come. Its start
  is DTSTART: the rule's first occurrence for a repeat, the due time for a
  one-off. Marking a repeat done in ally does not change the event; a
  finished reminder leaves the calendar (`item_of` returns None).
- A to-do (`--as todo`) is a task: its start is DTSTART and DUE, the pending
  occurrence, and it has a status, so "done" on the phone is done in ally.
  Finished reminders stay, as completed (or cancelled, when skipped) tasks.

Pure: no clock, no iCalendar library (see `ics_objects` for the text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from ally.reminders.model import Reminder, from_utc_text, one_line, utc_text

Kind = Literal["event", "todo"]
KINDS: tuple[Kind, ...] = ("event", "todo")
ItemStatus = Literal["open", "done", "skipped"]
UTC_NAMES = frozenset(
    {"UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Universal", "Zulu", "GMT0"}
)
UNTITLED = "(no title)"


@dataclass(frozen=True)
class Item:
    """What a calendar object says about a reminder. Equal items need no sync."""

    kind: Kind
    summary: str
    zone: str  # IANA name; every spelling of UTC is "UTC"
    start: datetime  # wall time in `zone`
    rrule: str | None = None  # as `rrule_key` spells it
    about: str | None = None
    status: ItemStatus = "open"  # events are always open
    # When it was completed and last changed, as the object says: not compared.
    completed: datetime | None = field(default=None, compare=False)
    modified: datetime | None = field(default=None, compare=False)


def zone_key(zone: str) -> str:
    """One spelling per zone, so that Etc/UTC here and Z in the calendar are equal."""
    return "UTC" if zone in UTC_NAMES else zone


def item_of(reminder: Reminder, kind: Kind) -> Item | None:
    """The calendar item for a reminder; None when it has no place in the calendar."""
    if kind == "event":
        if reminder.status != "open" or reminder.due is None:
            return None
        start = reminder.start if reminder.rrule else reminder.due
        status: ItemStatus = "open"
    else:
        start = reminder.due or reminder.start
        status = reminder.status
    return Item(
        kind=kind,
        summary=summary_of(reminder.text),
        zone=zone_key(reminder.zone),
        start=start.replace(microsecond=0),
        rrule=rrule_key(reminder.rrule),
        about=reminder.about,
        status=status,
        modified=reminder.updated,
    )


def rrule_key(rrule: str | None) -> str | None:
    """One spelling per rule: its parts in RFC 5545 order (calendars reorder them freely)."""
    if rrule is None:
        return None
    from ally.reminders.rules import RRULE_KEYS, join_parts, rrule_parts

    parts = rrule_parts(rrule)
    order = {key: n for n, key in enumerate(RRULE_KEYS)}
    return join_parts(dict(sorted(parts.items(), key=lambda kv: order.get(kv[0], len(order)))))


def summary_of(text: str) -> str:
    """A reminder's text as a one-line title (what SUMMARY holds)."""
    return one_line(text) or UNTITLED


def to_json(item: Item) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "summary": item.summary,
        "zone": item.zone,
        "start": item.start.isoformat(timespec="seconds"),
        "rrule": item.rrule,
        "about": item.about,
        "status": item.status,
        "completed": utc_text(item.completed) if item.completed else None,
    }


def from_json(data: dict[str, Any]) -> Item:
    kind = data["kind"]
    status = data.get("status", "open")
    if kind not in KINDS or status not in ("open", "done", "skipped"):
        raise ValueError(f"not a calendar item: {data!r}")
    completed = data.get("completed")
    return Item(
        kind=kind,
        summary=data["summary"],
        zone=data["zone"],
        start=datetime.fromisoformat(data["start"]),
        rrule=data.get("rrule"),
        about=data.get("about"),
        status=status,
        completed=from_utc_text(completed) if completed else None,
    )
