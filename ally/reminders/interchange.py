"""Reminders as JSON: the shape `--json` prints, the export file, and importing it back.

One dictionary shape serves `list --json`, `due --json` and the export, so
a script sees the same keys everywhere. The export round-trips everything:
wall times are written as given (`start_local`, `due_local`) next to their
instants, so a time on a clock-change day comes back exactly.

Importing matches reminders by `uid`: importing the same file twice adds
nothing. A known uid is updated to the file's version; an unknown one is
added, keeping its `id` when that id is free (without moving the numbers new
reminders get). Entries without a uid or id get new ones. The whole file is
checked before anything is written, within limits: the file's size, the
number of entries, each string's length and kind (no lone surrogates), and
how deeply it nests.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ally.errors import AllyError, UsageError
from ally.reminders import rules
from ally.reminders.actions import checked_about, checked_text, with_due
from ally.reminders.model import (
    MAX_EVERY,
    MAX_FIELD,
    MAX_HISTORY,
    MAX_NOTE,
    MAX_UID,
    STATUSES,
    Event,
    EventKind,
    Reminder,
    Status,
    checked_string,
    wall_text,
)
from ally.reminders.schedule import (
    checked_year,
    first_at_or_after,
    in_zone,
    to_utc,
    to_wall,
    zone_named,
)
from ally.reminders.store import ReminderStore

FORMAT = "ally-reminders"
VERSION = 1
# An export of 20,000 reminders with their history is about 15 MB.
MAX_IMPORT_BYTES = 64 * 2**20
MAX_ENTRIES = 100_000
# SQLite's integers: an id outside them cannot be stored.
TOP_ID = 2**63 - 1


def parse_document(raw: bytes, source: str) -> Any:
    """The JSON of an import file, or UsageError saying why not (never a traceback)."""
    import json

    if len(raw) > MAX_IMPORT_BYTES:
        raise UsageError(
            f"{source} is larger than {MAX_IMPORT_BYTES // 2**20} MB, the most ally imports"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{source} is not UTF-8 text (at byte {exc.start})") from None
    hint = "ally imports its own export: ally remind export --format json"
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(
            f"{source} is not JSON ({exc.msg}, line {exc.lineno})", hint=hint
        ) from None
    except RecursionError:
        raise UsageError(f"{source} nests too deeply to be an ally export", hint=hint) from None
    except ValueError as exc:  # a number too long to read, for one
        raise UsageError(f"{source} cannot be read as JSON ({exc})", hint=hint) from None


def iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def reminder_json(r: Reminder, *, history: bool = True) -> dict[str, Any]:
    """The contract shape of one reminder (keys named in the issue are promises).

    `history=False` leaves out "done" and "skipped" (for `due`, which does not load them).
    """
    tz = r.tz
    shape: dict[str, Any] = {
        "id": r.id,
        "uid": r.uid,
        "text": r.text,
        "about": r.about,
        "every": r.every,
        "rrule": r.rrule,
        "from_done": r.from_done,
        "timezone": r.zone,
        "status": r.status,
        "next_due": iso(r.next_due),
        "snoozed_until": iso(r.snoozed_until.astimezone(tz) if r.snoozed_until else None),
        "start": iso(in_zone(r.start, tz)),
        "start_local": wall_text(r.start, tz),
        "due_local": wall_text(r.due, tz) if r.due else None,
        "created": iso(r.created),
        "updated": iso(r.updated),
        "last_notified": iso(r.notified),
    }
    if not history:
        return shape
    return {
        **shape,
        "done": [
            {"at": iso(e.at), "note": e.note, "due": iso(in_zone(e.due, tz) if e.due else None)}
            for e in r.history
            if e.kind == "done"
        ],
        "skipped": [
            {"at": iso(e.at), "due": iso(in_zone(e.due, tz) if e.due else None)}
            for e in r.history
            if e.kind == "skipped"
        ],
    }


def export_document(reminders: Iterable[Reminder], now: datetime) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": iso(now),
        "reminders": [reminder_json(r) for r in reminders],
    }


@dataclass(frozen=True)
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0


def entries_of(document: Any) -> list[Any]:
    """The reminder entries of an export document (or of a bare JSON array)."""
    if isinstance(document, dict) and isinstance(document.get("reminders"), list):
        if document.get("format", FORMAT) != FORMAT:
            shown = str(document.get("format"))[:40]
            raise UsageError(f"not an ally reminders file (format {shown!r})")
        document = document["reminders"]
    if not isinstance(document, list):
        raise UsageError('expected a JSON array of reminders or an object with "reminders"')
    if len(document) > MAX_ENTRIES:
        raise UsageError(f"the file has more than {MAX_ENTRIES} reminders, the most ally imports")
    return list(document)


def read_entries(
    entries: list[Any], *, now: datetime, default_zone: str, new_uid: Callable[[], str]
) -> list[Reminder]:
    """Every entry as a reminder, checked; UsageError naming the first bad entry."""
    found: list[Reminder] = []
    seen: dict[str, int] = {}
    for n, entry in enumerate(entries, start=1):
        try:
            reminder = read_entry(entry, now=now, default_zone=default_zone, new_uid=new_uid)
            reminder.next_due_utc  # noqa: B018 - the instant it is stored under must exist too
        except UsageError as exc:
            raise UsageError(f"entry {n}: {exc.message}", hint=exc.hint) from None
        except OverflowError:
            raise UsageError(
                f"entry {n}: a time in it falls outside the years 1 to 9999 in its time zone"
            ) from None
        except ValueError as exc:  # a repeat that runs off the end of the calendar, say
            raise UsageError(f"entry {n}: its times cannot be worked out ({exc})") from None
        if reminder.uid in seen:
            raise UsageError(f"entry {n} has the same uid as entry {seen[reminder.uid]}")
        seen[reminder.uid] = n
        found.append(reminder)
    return found


def read_entry(
    entry: Any, *, now: datetime, default_zone: str, new_uid: Callable[[], str]
) -> Reminder:
    if not isinstance(entry, dict):
        raise UsageError("is not a JSON object")
    zone = zone_named(_string(entry, "timezone") or default_zone)
    due = _wall(entry, "due_local", "next_due", zone)
    start = _wall(entry, "start_local", "start", zone) or due
    status = _status(_string(entry, "status") or ("open" if due else "done"))
    if start is None:
        raise UsageError('has no time: give "next_due" (ISO 8601) or "due_local"')
    if status == "open" and due is None:
        due = start
    rrule = _string(entry, "rrule")
    every = _string(entry, "every", MAX_EVERY)
    if rrule is not None:  # an empty one is refused, not taken for "no repeat"
        rrule = rules.checked_rrule(rrule)
    elif every:
        rrule = rules.rrule_for(rules.parse_every(every), start.date())
        every = rules.parse_every(every).phrase
    if rrule and not every:
        every = rules.describe(rrule)
    from_done = bool(entry.get("from_done", False))
    if from_done and not rrule:
        raise UsageError('"from_done" needs a repeat ("every" or "rrule")')
    reminder = Reminder(
        id=_id(entry),
        uid=_string(entry, "uid", MAX_UID) or new_uid(),
        text=checked_text(_string(entry, "text") or ""),
        about=checked_about(_string(entry, "about")),
        zone=zone.key,
        start=start,
        due=None,
        every=every if rrule else None,
        rrule=rrule,
        from_done=from_done,
        status=status,
        created=_instant(entry, "created") or now,
        updated=_instant(entry, "updated") or now,
        notified=_instant(entry, "last_notified"),
        history=_history(entry, zone),
    )
    if rrule and due is not None:
        # A hand-written entry may start off the rule ("weekday" on a Saturday): align it.
        start = first_at_or_after(rrule, start, to_utc(start, zone), zone) or start
        due = first_at_or_after(rrule, start, to_utc(due, zone), zone) or due
        reminder = replace(reminder, start=start)
    scheduled = with_due(reminder, due if status == "open" else None)
    return replace(scheduled, snoozed_until=_instant(entry, "snoozed_until") if due else None)


def _status(value: str) -> Status:
    for status in STATUSES:
        if value == status:
            return status
    raise UsageError(f"unknown status {value!r} (open, done or skipped)")


def _string(entry: dict[str, Any], key: str, limit: int = MAX_FIELD) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise UsageError(f'"{key}" must be a string')
    return checked_string(value, f'"{key}"', limit)


def _id(entry: dict[str, Any]) -> int | None:
    value = entry.get("id")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= TOP_ID:
        raise UsageError(f'"id" must be a positive whole number, at most {TOP_ID}')
    return value


def _parse(text: str, key: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f'"{key}" is not an ISO 8601 time: {text!r}') from None
    return checked_year(moment, f'"{key}" ({text})')


def _instant(entry: dict[str, Any], key: str) -> datetime | None:
    text = _string(entry, key)
    if not text:
        return None
    moment = _parse(text, key)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _wall(entry: dict[str, Any], local: str, instant: str, zone: Any) -> datetime | None:
    """A wall time from its exact local form, else from an ISO instant read in the zone."""
    text = _string(entry, local)
    if text:
        # An offset here marks the second of a repeated time (see model.wall_text).
        moment = _parse(text, local)
        wall = to_wall(moment, zone) if moment.tzinfo else moment
        return wall.replace(microsecond=0)
    text = _string(entry, instant)
    if not text:
        return None
    moment = _parse(text, instant)
    if moment.tzinfo is None:
        return moment.replace(microsecond=0)
    return to_wall(moment, zone).replace(microsecond=0)


def _history(entry: dict[str, Any], zone: Any) -> tuple[Event, ...]:
    events: list[Event] = []
    kinds: tuple[EventKind, ...] = ("done", "skipped")
    for kind in kinds:
        items = entry.get(kind) or []
        if not isinstance(items, list):
            raise UsageError(f'"{kind}" must be a list')
        if len(events) + len(items) > MAX_HISTORY:
            raise UsageError(f'"done" and "skipped" hold more than {MAX_HISTORY} records')
        for item in items:
            if not isinstance(item, dict):
                raise UsageError(f'each "{kind}" entry must be an object')
            at = _instant(item, "at")
            if at is None:
                raise UsageError(f'each "{kind}" entry needs "at"')
            note = _string(item, "note", MAX_NOTE) if kind == "done" else None
            due = _wall(item, "due_local", "due", zone)
            events.append(Event(kind=kind, at=at, due=due, note=note))
    return tuple(sorted(events, key=lambda e: e.at))


def merge(store: ReminderStore, incoming: list[Reminder]) -> ImportReport:
    """Add or update each reminder by uid, in one transaction."""
    added = updated = unchanged = 0
    with store.transaction():
        for reminder in incoming:
            existing = store.by_uid(reminder.uid)
            if existing is None:
                keep_id = reminder.id is not None and not store.id_taken(reminder.id)
                store.insert(reminder if keep_id else replace(reminder, id=None))
                added += 1
            elif replace(reminder, id=existing.id) == existing:
                unchanged += 1
            else:
                store.save(replace(reminder, id=existing.id))
                updated += 1
    return ImportReport(added=added, updated=updated, unchanged=unchanged)


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file whole or not at all (temp file + rename), readable by the user only.

    Through a symbolic link, the file it points to is replaced and the link
    kept. Something that is not a file (a pipe, /dev/stdout, a device) is
    written into as it is: replacing it would be wrong, and as root, harmful.
    """
    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_file():
        try:
            with target.open("wb") as out:
                out.write(data)
        except OSError as exc:
            raise AllyError(f"cannot write {path}: {exc.strerror}") from None
        return
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise AllyError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise AllyError(f"cannot write {path}: {exc.strerror}") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
