"""What a reminder is: its text, its schedule kept as wall time + zone + RRULE, its history.

`due` is the wall time of the occurrence waiting to be done; `next_due` is
when it next shows up: the snooze time if snoozed, else that occurrence.
The store keeps `next_due` as a precomputed UTC column so listing what is
due never expands a rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal
from zoneinfo import ZoneInfo

from ally.errors import UsageError
from ally.reminders.schedule import in_zone, is_second, to_utc

Status = Literal["open", "done", "skipped"]
EventKind = Literal["done", "skipped"]
STATUSES: tuple[Status, ...] = ("open", "done", "skipped")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Lone surrogates: what Python makes of bytes that are not UTF-8 (in arguments), or
# what a JSON "\ud800" decodes to. Neither can be stored or shown as text.
_SURROGATE = re.compile("[\ud800-\udfff]")

# How much text each field holds, in characters: enough for what it is for, and a
# bound on what a file or a slip of the keyboard can make ally store and print.
MAX_TEXT = 2000  # the reminder itself
MAX_ABOUT = 200  # who it is about
MAX_NOTE = 2000  # a note on how it went
MAX_UID = 255  # an import's own identifier (RFC 5545 asks for no more)
MAX_EVERY = 200  # the repeat as words
MAX_FIELD = 2000  # any other string in an import
MAX_HISTORY = 10_000  # done and skipped records on one reminder


@dataclass(frozen=True)
class Event:
    """One occurrence dealt with: done (with an optional note) or skipped."""

    kind: EventKind
    at: datetime  # aware, UTC
    due: datetime | None = None  # wall time of the occurrence it dealt with
    note: str | None = None


@dataclass(frozen=True)
class Reminder:
    uid: str
    text: str
    zone: str  # IANA name, e.g. "Europe/London"
    start: datetime  # wall time: the first occurrence, the anchor of the rule
    due: datetime | None  # wall time of the pending occurrence; None once finished
    created: datetime  # aware, UTC
    updated: datetime  # aware, UTC
    id: int | None = None
    about: str | None = None
    every: str | None = None  # the rule as the user would say it: "sunday", "2 weeks"
    rrule: str | None = None  # the same rule in RFC 5545, e.g. "FREQ=WEEKLY;BYDAY=SU"
    from_done: bool = False  # count the next occurrence from when the last was done
    following: datetime | None = None  # aware, UTC: the occurrence after `due`, if any
    snoozed_until: datetime | None = None  # aware, UTC
    status: Status = "open"
    notified: datetime | None = None  # aware, UTC: the occurrence a notification was sent for
    history: tuple[Event, ...] = field(default=())

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    @property
    def recurring(self) -> bool:
        return self.rrule is not None

    @property
    def next_due(self) -> datetime | None:
        """When it next shows up, as an aware datetime in the reminder's zone."""
        if self.due is None:
            return None
        if self.snoozed_until is not None:
            return self.snoozed_until.astimezone(self.tz)
        return in_zone(self.due, self.tz)

    @property
    def next_due_utc(self) -> datetime | None:
        if self.due is None:
            return None
        return self.snoozed_until or to_utc(self.due, self.tz)

    def is_due(self, now: datetime) -> bool:
        moment = self.next_due_utc
        return moment is not None and moment <= now


def utc_text(moment: datetime) -> str:
    """A fixed-width UTC timestamp that sorts as text: 2026-11-29T18:00:00Z."""
    utc = moment.astimezone(UTC)
    # Not strftime: its %Y writes year 1 as "1", which neither sorts nor reads back.
    return f"{utc.year:04d}-{utc:%m-%dT%H:%M:%S}Z"


def from_utc_text(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def wall_text(wall: datetime, zone: ZoneInfo | None = None) -> str:
    """A wall time as stored: 2026-11-29T18:00:00 (no offset: it is read in the zone).

    The one exception: the second of a time that happens twice (01:30 after
    the clocks go back, `fold=1`) carries the offset it has then,
    2027-11-07T01:30:00-05:00, so that it reads back as that instant.
    """
    if zone is not None and is_second(wall, zone):
        return in_zone(wall, zone).replace(microsecond=0).isoformat(timespec="seconds")
    return wall.replace(microsecond=0, fold=0).isoformat(timespec="seconds")


def from_wall_text(text: str, zone: ZoneInfo | None = None) -> datetime:
    """A stored wall time; one with an offset is the instant it names, on the zone's clock.

    Without a zone, an offset is ally's own mark of the second of a repeated
    time (see `wall_text`).
    """
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        return moment
    if zone is not None:
        return moment.astimezone(zone).replace(tzinfo=None)
    return moment.replace(tzinfo=None, fold=1)


def human_time(moment: datetime) -> str:
    """How a time is shown to people: Sun 29 Nov 2026 18:00 GMT."""
    return f"{moment:%a} {moment.day} {moment:%b %Y %H:%M} {moment.tzname() or ''}".rstrip()


def one_line(text: str) -> str:
    """User text for places without a terminal renderer: one line, no control characters."""
    return " ".join(_CONTROL.sub(" ", text).split())


def checked_string(value: str, what: str, limit: int = MAX_FIELD) -> str:
    """The value if it is text ally can store and show, within `limit` characters."""
    if _SURROGATE.search(value):
        raise UsageError(
            f"{what} is not valid text: it has bytes that are not UTF-8",
            hint="write it again in UTF-8",
        )
    if len(value) > limit:
        raise UsageError(f"{what} is longer than {limit} characters ({len(value)})")
    return value
