"""Reminders in the SQLite file: read them, write them, nothing else.

Reads never create the file: `ReminderStore.existing` returns None when
there is none yet. Writes go through `transaction()` (BEGIN IMMEDIATE), so
a read-modify-write such as `done` cannot interleave with another process.
`next_due_utc` is stored and indexed, so `due` is one range query.
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
from ally.errors import NotFoundError
from ally.reminders.model import (
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


class ReminderStore:
    """The reminders table of one database file."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._depth = 0

    @classmethod
    def create(cls, path: Path) -> ReminderStore:
        """The store, creating the file if this is the first write."""
        return cls(db.connect(path), path)

    @classmethod
    def existing(cls, path: Path) -> ReminderStore | None:
        """The store if the file exists; None (and nothing created) if not."""
        conn = db.open_existing(path)
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
        return self._with_history([_reminder(rows[0])])[0]

    def by_uid(self, uid: str) -> Reminder | None:
        rows = self._rows(f"SELECT {COLUMNS} FROM reminders WHERE uid = ?", (uid,))
        return self._with_history([_reminder(rows[0])])[0] if rows else None

    def reminders(self, *, finished: bool = False, history: bool = False) -> list[Reminder]:
        """Open reminders by next due time (then finished ones, if asked), oldest id first."""
        where = "" if finished else "WHERE next_due_utc IS NOT NULL"
        found = [
            _reminder(row)
            for row in self._rows(
                f"SELECT {COLUMNS} FROM reminders {where} "
                "ORDER BY next_due_utc IS NULL, next_due_utc, id"
            )
        ]
        return self._with_history(found) if history else found

    def due(self, now: datetime) -> list[Reminder]:
        """Open reminders whose next due time has come, earliest first (an index range scan)."""
        rows = self._rows(
            f"SELECT {COLUMNS} FROM reminders WHERE next_due_utc <= ? ORDER BY next_due_utc, id",
            (utc_text(now),),
        )
        return [_reminder(row) for row in rows]

    def next_up(self) -> Reminder | None:
        """The open reminder due soonest."""
        rows = self._rows(
            f"SELECT {COLUMNS} FROM reminders WHERE next_due_utc IS NOT NULL "
            "ORDER BY next_due_utc, id LIMIT 1"
        )
        return _reminder(rows[0]) if rows else None

    def _with_history(self, found: list[Reminder]) -> list[Reminder]:
        if not found:
            return found
        events: dict[int, list[Event]] = {}
        sql = "SELECT reminder_id, kind, at, due_local, note FROM reminder_events"
        params: tuple[Any, ...] = ()
        if len(found) == 1:
            sql, params = f"{sql} WHERE reminder_id = ?", (found[0].id,)
        for row in self._rows(f"{sql} ORDER BY id", params):
            events.setdefault(row[0], []).append(
                Event(
                    kind=cast(EventKind, row[1]),
                    at=from_utc_text(row[2]),
                    due=from_wall_text(row[3]) if row[3] else None,
                    note=row[4],
                )
            )
        return [replace(r, history=tuple(events.get(r.id or 0, ()))) for r in found]

    # Writing: call inside `transaction()`; each call also works on its own.

    def insert(self, reminder: Reminder) -> Reminder:
        """Store a new reminder (keeping its id if it has one) and return it with its id."""
        with self.transaction():
            values = _values(reminder)
            cursor = self.conn.execute(
                f"INSERT INTO reminders ({COLUMNS}) VALUES ({', '.join('?' * len(values))})",
                values,
            )
            stored = replace(reminder, id=cursor.lastrowid)
            self._write_history(stored)
        return stored

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

    def delete(self, reminder_id: int) -> Reminder:
        with self.transaction():
            found = self.get(reminder_id)
            self.conn.execute("DELETE FROM reminder_events WHERE reminder_id = ?", (reminder_id,))
            self.conn.execute("DELETE FROM reminders WHERE id = ?", (reminder_id,))
        return found

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
    return Reminder(
        id=rid,
        uid=uid,
        text=text,
        about=about,
        zone=zone,
        start=from_wall_text(start),
        every=every,
        rrule=rrule,
        from_done=bool(from_done),
        due=from_wall_text(due) if due else None,
        following=from_utc_text(following) if following else None,
        snoozed_until=from_utc_text(snoozed) if snoozed else None,
        status=cast(Status, status),
        created=from_utc_text(created),
        updated=from_utc_text(updated),
        notified=from_utc_text(notified) if notified else None,
    )
