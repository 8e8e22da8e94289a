"""Copies of reminders kept so that nothing is lost for good by accident.

A copy is kept when a reminder is removed (here, or in the calendar by a
sync) and when a sync conflict replaces one version with another. Each copy
is the reminder's full JSON (the export's shape, history included), so it
comes back exactly: `restore_removed` brings a removed reminder back under
its old number, `restore_version` puts an earlier version back in place.

Works on the reminder store's connection, inside its transactions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime

from ally import db
from ally.errors import AllyError, NotFoundError
from ally.reminders.interchange import read_entry, reminder_json
from ally.reminders.model import Reminder, from_utc_text, utc_text
from ally.reminders.store import ReminderStore

REMOVED = "removed"
REMOVED_IN_CALENDAR = "removed in the calendar"


@dataclass(frozen=True)
class Kept:
    """One kept copy: `number` counts a reminder's copies from 1, oldest first."""

    number: int
    row: int
    reminder_id: int
    kept: datetime
    reason: str
    reminder: Reminder

    @property
    def removal(self) -> bool:
        return self.reason in (REMOVED, REMOVED_IN_CALENDAR)


def keep(store: ReminderStore, reminder: Reminder, reason: str, now: datetime) -> None:
    """Keep a copy of a reminder as it is now."""
    assert reminder.id is not None
    with store.transaction():
        store.conn.execute(
            "INSERT INTO reminder_versions (reminder_id, uid, kept, reason, data) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                reminder.id,
                reminder.uid,
                utc_text(now),
                reason,
                json.dumps(reminder_json(reminder), ensure_ascii=False),
            ),
        )


def remove(
    store: ReminderStore, reminder_id: int, now: datetime, reason: str = REMOVED
) -> Reminder:
    """Remove a reminder, keeping a copy to restore."""
    with store.transaction():
        found = store.get(reminder_id)
        keep(store, found, reason, now)
        store.delete(reminder_id)
    return found


def forget(store: ReminderStore, reminder_id: int) -> None:
    """Delete every copy kept of a reminder."""
    with store.transaction():
        store.conn.execute("DELETE FROM reminder_versions WHERE reminder_id = ?", (reminder_id,))


def kept_for(store: ReminderStore, reminder_id: int) -> list[Kept]:
    with db.sqlite_errors(store.path):
        rows = store.conn.execute(
            "SELECT id, reminder_id, kept, reason, data FROM reminder_versions "
            "WHERE reminder_id = ? ORDER BY id",
            (reminder_id,),
        ).fetchall()
    return [
        Kept(
            number=n,
            row=row[0],
            reminder_id=row[1],
            kept=from_utc_text(row[2]),
            reason=row[3],
            reminder=_reminder(row[4], reminder_id),
        )
        for n, row in enumerate(rows, start=1)
    ]


def latest_removed(store: ReminderStore, uid: str) -> Kept | None:
    """The copy kept when the reminder with this uid was last removed, if any."""
    with db.sqlite_errors(store.path):
        row = store.conn.execute(
            "SELECT reminder_id FROM reminder_versions WHERE uid = ? AND reason IN (?, ?) "
            "ORDER BY id DESC LIMIT 1",
            (uid, REMOVED, REMOVED_IN_CALENDAR),
        ).fetchone()
    if row is None:
        return None
    copies = [k for k in kept_for(store, row[0]) if k.removal and k.reminder.uid == uid]
    return copies[-1] if copies else None


def restore_removed(store: ReminderStore, reminder_id: int, now: datetime) -> Reminder:
    """Bring a removed reminder back, under its old number."""
    with store.transaction():
        if store.id_taken(reminder_id):
            raise AllyError(
                f"reminder {reminder_id} has not been removed",
                hint=f"its earlier versions: ally remind restore {reminder_id} --list",
            )
        copies = [k for k in kept_for(store, reminder_id) if k.removal]
        if not copies:
            raise NotFoundError(f"no removed reminder {reminder_id} to restore")
        last = copies[-1]
        if store.by_uid(last.reminder.uid) is not None:
            raise AllyError(f"reminder {reminder_id} is back already under another number")
        restored = store.insert(replace(last.reminder, id=reminder_id, updated=now))
        store.conn.execute("DELETE FROM reminder_versions WHERE id = ?", (last.row,))
    return restored


def restore_version(store: ReminderStore, reminder_id: int, number: int, now: datetime) -> Reminder:
    """Put kept version `number` of a reminder back; the current version is kept in turn."""
    with store.transaction():
        current = store.get(reminder_id)
        copies = kept_for(store, reminder_id)
        if not 1 <= number <= len(copies):
            raise NotFoundError(
                f"reminder {reminder_id} has no kept version {number}",
                hint=f"see: ally remind restore {reminder_id} --list",
            )
        chosen = copies[number - 1].reminder
        keep(store, current, f"replaced by version {number}", now)
        restored = replace(
            chosen,
            id=current.id,
            uid=current.uid,
            created=current.created,
            updated=now,
            notified=current.notified,
            history=current.history,
        )
        store.save(restored)
    return restored


def _reminder(data: str, reminder_id: int) -> Reminder:
    try:
        entry = json.loads(data)
        now = from_utc_text(entry["updated"])
        return read_entry(entry, now=now, default_zone="UTC", new_uid=lambda: entry["uid"])
    except (ValueError, KeyError, TypeError, AllyError) as exc:
        raise AllyError(f"a kept copy of reminder {reminder_id} cannot be read ({exc})") from None
