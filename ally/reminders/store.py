"""Reminders in the SQLite file: read them, write them, nothing else.

Reads never create the file: `ReminderStore.existing` returns None when
there is none yet. Writes go through `transaction()` (BEGIN IMMEDIATE), so
a read-modify-write such as `done` cannot interleave with another process.
`next_due_utc` is stored and indexed, so `due` is one range query.

A row ally cannot read (a value changed by hand or by another program) is
left out of lists and recorded in `problems`, so one bad row never hides the
others; asking for it by id is a DataFileError naming the column.

Numbers are handed out by ally from SQLite's sequence, one after the last
one ally gave; an imported reminder keeps its number when it is free but
never moves the sequence, so a file with "id": 9223372036854775807 cannot
use up the numbers of every later reminder.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, cast

from ally import db
from ally.errors import DataFileError, NotFoundError
from ally.reminders.model import (
    STATUSES,
    Event,
    EventKind,
    Reminder,
    Status,
    from_utc_text,
    from_wall_text,
    utc_text,
    wall_text,
)

COLUMNS = (
    "id, uid, text, about, zone, start_local, every, rrule, from_done, due_local, "
    "following_utc, snoozed_until_utc, next_due_utc, status, created, updated, notified_utc"
)
# SQLite's largest integer: the last id there can be.
TOP_ID = 2**63 - 1


class Unreadable(ValueError):
    """A stored value that is not what ally wrote there."""

    def __init__(self, reminder_id: Any, column: str, value: Any) -> None:
        shown = repr(value) if len(repr(value)) <= 60 else f"{repr(value)[:57]}..."
        super().__init__(f"reminder {reminder_id} cannot be read: its {column} is {shown}")
        self.reminder_id = reminder_id


class ReminderStore:
    """The reminders table of one database file."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._depth = 0
        # Rows left out of what was read ("reminder 2 cannot be read: ...").
        self.problems: list[Unreadable] = []

    @classmethod
    def create(cls, path: Path) -> ReminderStore:
        """The store, creating the file if this is the first write."""
        return cls(db.connect(path), path)

    @classmethod
    def existing(cls, path: Path, *, write: bool = False) -> ReminderStore | None:
        """The store if the file exists; None (and nothing created) if not.

        Read-only unless `write`: reading works in a read-only folder or on a full disk.
        """
        conn = db.open_existing(path, write=write)
        return None if conn is None else cls(conn, path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> ReminderStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[ReminderStore]:
        """All writes inside happen together or not at all. Nested use joins the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        with db.transaction(self.conn, self.path):
            self._depth = 1
            try:
                yield self
            finally:
                self._depth = 0

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with db.sqlite_errors(self.path):
            return cast(list[sqlite3.Row], self.conn.execute(sql, tuple(params)).fetchall())

    # Reading

    def get(self, reminder_id: int) -> Reminder:
        rows = self._rows(f"SELECT {COLUMNS} FROM reminders WHERE id = ?", (reminder_id,))
        if not rows:
            raise NotFoundError(f"no reminder {reminder_id}", hint="see: ally remind list --all")
        return self._one(rows[0])

    def by_uid(self, uid: str) -> Reminder | None:
        rows = self._rows(f"SELECT {COLUMNS} FROM reminders WHERE uid = ?", (uid,))
        return self._one(rows[0]) if rows else None

    def reminders(self, *, finished: bool = False, history: bool = False) -> list[Reminder]:
        """Open reminders by next due time (then finished ones, if asked), oldest id first."""
        where = "" if finished else "WHERE next_due_utc IS NOT NULL"
        found = self._readable(
            self._rows(
                f"SELECT {COLUMNS} FROM reminders {where} "
                "ORDER BY next_due_utc IS NULL, next_due_utc, id"
            )
        )
        return self._with_history(found) if history else found

    def due(self, now: datetime) -> list[Reminder]:
        """Open reminders whose next due time has come, earliest first (an index range scan)."""
        rows = self._rows(
            f"SELECT {COLUMNS} FROM reminders WHERE next_due_utc <= ? ORDER BY next_due_utc, id",
            (utc_text(now),),
        )
        return self._readable(rows)

    def next_up(self) -> Reminder | None:
        """The open reminder due soonest (rows are read one at a time, not all)."""
        with db.sqlite_errors(self.path):
            rows = self.conn.execute(
                f"SELECT {COLUMNS} FROM reminders WHERE next_due_utc IS NOT NULL "
                "ORDER BY next_due_utc, id"
            )
            for row in rows:
                found = self._readable([row])
                if found:
                    return found[0]
        return None

    def _one(self, row: sqlite3.Row) -> Reminder:
        """One row asked for by id or uid: unreadable is an error naming it."""
        try:
            return self._with_history([_reminder(row)], strict=True)[0]
        except Unreadable as exc:
            raise DataFileError(
                f"{exc} (in {self.path})",
                hint=f"see it with: ally remind list --all; remove it with: "
                f"ally remind remove {exc.reminder_id}",
            ) from None

    def _readable(self, rows: Iterable[sqlite3.Row]) -> list[Reminder]:
        found = []
        for row in rows:
            try:
                found.append(_reminder(row))
            except Unreadable as exc:
                self.problems.append(exc)
        return found

    def _with_history(self, found: list[Reminder], *, strict: bool = False) -> list[Reminder]:
        if not found:
            return found
        events: dict[int, list[Event]] = {}
        broken: set[int] = set()
        sql = "SELECT reminder_id, kind, at, due_local, note FROM reminder_events"
        params: tuple[Any, ...] = ()
        if len(found) == 1:
            sql, params = f"{sql} WHERE reminder_id = ?", (found[0].id,)
        for row in self._rows(f"{sql} ORDER BY id", params):
            try:
                event = _event(row)
            except Unreadable as exc:
                if strict:
                    raise
                if row[0] not in broken:
                    self.problems.append(exc)
                broken.add(row[0])
                continue
            events.setdefault(row[0], []).append(event)
        return [
            replace(r, history=tuple(events.get(r.id or 0, ())))
            for r in found
            if r.id not in broken
        ]

    # Writing: call inside `transaction()`; each call also works on its own.

    def insert(self, reminder: Reminder) -> Reminder:
        """Store a new reminder (keeping its id if it has one) and return it with its id.

        A new reminder gets the next number ally has not given yet. A kept id
        (from an import) leaves that sequence where it was.
        """
        with self.transaction():
            sequence = self._sequence()
            rid = reminder.id if reminder.id is not None else self._next_id(sequence)
            stored = replace(reminder, id=rid)
            values = _values(stored)
            self.conn.execute(
                f"INSERT INTO reminders ({COLUMNS}) VALUES ({', '.join('?' * len(values))})",
                values,
            )
            if reminder.id is not None and reminder.id > sequence:
                # SQLite moved the sequence up to the kept id: put it back.
                self.conn.execute(
                    "UPDATE sqlite_sequence SET seq = ? WHERE name = 'reminders'", (sequence,)
                )
            self._write_history(stored)
        return stored

    def _sequence(self) -> int:
        rows = self.conn.execute(
            "SELECT seq FROM sqlite_sequence WHERE name = 'reminders'"
        ).fetchall()
        return int(rows[0][0]) if rows and isinstance(rows[0][0], int) else 0

    def _next_id(self, sequence: int) -> int:
        """The first free number after `sequence`; below it only if the top was reached."""
        start = sequence if sequence < TOP_ID else 0
        found = self.conn.execute(
            "SELECT min(n) FROM (SELECT ? + 1 AS n UNION ALL "
            "SELECT id + 1 FROM reminders WHERE id > ? AND id < ?) "
            "WHERE n NOT IN (SELECT id FROM reminders)",
            (start, start, TOP_ID),
        ).fetchone()[0]
        if found is None:
            raise DataFileError(f"{self.path} has no reminder numbers left")
        return int(found)

    def save(self, reminder: Reminder) -> Reminder:
        """Replace a stored reminder (found by id) and its history.

        Save only what `get` returned (it carries the full history): the
        history stored is exactly `reminder.history`.
        """
        with self.transaction():
            values = _values(reminder)[1:]
            names = COLUMNS.split(", ")[1:]
            assignments = ", ".join(f"{name} = ?" for name in names)
            cursor = self.conn.execute(
                f"UPDATE reminders SET {assignments} WHERE id = ?", (*values, reminder.id)
            )
            if cursor.rowcount == 0:
                raise NotFoundError(f"no reminder {reminder.id}")
            self._write_history(reminder)
        return reminder

    def mark_notified(self, reminder: Reminder, occurrence: datetime) -> None:
        """Remember the occurrence last notified, so the next run does not send it again."""
        with self.transaction():
            self.conn.execute(
                "UPDATE reminders SET notified_utc = ? WHERE id = ?",
                (utc_text(occurrence), reminder.id),
            )

    def delete(self, reminder_id: int) -> str:
        """Delete a reminder and its history (even one that cannot be read); returns its text."""
        with self.transaction():
            rows = self._rows("SELECT text FROM reminders WHERE id = ?", (reminder_id,))
            if not rows:
                raise NotFoundError(
                    f"no reminder {reminder_id}", hint="see: ally remind list --all"
                )
            self.conn.execute("DELETE FROM reminder_events WHERE reminder_id = ?", (reminder_id,))
            self.conn.execute("DELETE FROM reminders WHERE id = ?", (reminder_id,))
        text = rows[0][0]
        return text if isinstance(text, str) else ""

    def id_taken(self, reminder_id: int) -> bool:
        rows = self._rows("SELECT 1 FROM reminders WHERE id = ?", (reminder_id,))
        return bool(rows)

    def _write_history(self, reminder: Reminder) -> None:
        self.conn.execute("DELETE FROM reminder_events WHERE reminder_id = ?", (reminder.id,))
        self.conn.executemany(
            "INSERT INTO reminder_events (reminder_id, kind, at, due_local, note) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (
                    reminder.id,
                    e.kind,
                    utc_text(e.at),
                    wall_text(e.due, reminder.tz) if e.due else None,
                    e.note,
                )
                for e in reminder.history
            ],
        )


def _optional_utc(moment: datetime | None) -> str | None:
    return utc_text(moment) if moment else None


def _values(r: Reminder) -> tuple[Any, ...]:
    return (
        r.id,
        r.uid,
        r.text,
        r.about,
        r.zone,
        wall_text(r.start, r.tz),
        r.every,
        r.rrule,
        int(r.from_done),
        wall_text(r.due, r.tz) if r.due else None,
        _optional_utc(r.following),
        _optional_utc(r.snoozed_until),
        _optional_utc(r.next_due_utc),
        r.status,
        utc_text(r.created),
        utc_text(r.updated),
        _optional_utc(r.notified),
    )


def _reminder(row: sqlite3.Row | tuple[Any, ...]) -> Reminder:
    """A stored row as a Reminder; Unreadable naming the first value that is not ally's."""
    (
        rid,
        uid,
        text,
        about,
        zone,
        start,
        every,
        rrule,
        from_done,
        due,
        following,
        snoozed,
        _next_due,
        status,
        created,
        updated,
        notified,
    ) = row

    def read(column: str, value: Any, parse: Any, *, optional: bool = False) -> Any:
        if value is None and optional:
            return None
        try:
            if not isinstance(value, str):
                raise TypeError
            return parse(value)
        except (ValueError, TypeError, OverflowError, KeyError):
            raise Unreadable(rid, column, value) from None

    def same(value: str) -> str:
        return value

    reminder = Reminder(
        id=rid,
        uid=read("uid", uid, same),
        text=read("text", text, same),
        about=read("about", about, same, optional=True),
        zone=read("zone", zone, _zone_name),
        start=read("start_local", start, from_wall_text),
        every=read("every", every, same, optional=True),
        rrule=read("rrule", rrule, same, optional=True),
        from_done=bool(from_done),
        due=read("due_local", due, from_wall_text, optional=True),
        following=read("following_utc", following, from_utc_text, optional=True),
        snoozed_until=read("snoozed_until_utc", snoozed, from_utc_text, optional=True),
        status=read("status", status, _status),
        created=read("created", created, from_utc_text),
        updated=read("updated", updated, from_utc_text),
        notified=read("notified_utc", notified, from_utc_text, optional=True),
    )
    try:
        reminder.next_due_utc  # noqa: B018 - a wall time the zone cannot place is unreadable too
    except (ValueError, OverflowError):
        raise Unreadable(rid, "due_local", due) from None
    return reminder


def _event(row: sqlite3.Row | tuple[Any, ...]) -> Event:
    reminder_id, kind, at, due, note = row
    if kind not in ("done", "skipped"):
        raise Unreadable(reminder_id, "history", kind)
    try:
        return Event(
            kind=cast(EventKind, kind),
            at=from_utc_text(at),
            due=from_wall_text(due) if due else None,
            note=note if note is None or isinstance(note, str) else str(note),
        )
    except (ValueError, TypeError, OverflowError):
        raise Unreadable(reminder_id, "history", at) from None


def _zone_name(name: str) -> str:
    """The name, if it is a time zone this machine knows."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(name) from None
    return name


def _status(value: str) -> Status:
    for status in STATUSES:
        if value == status:
            return status
    raise ValueError(value)
