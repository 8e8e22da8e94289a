"""What `ally remind sync` remembers between runs, in the SQLite file (schema 3).

The calendar it syncs with, the server's sync token and the time of the last
good run; and per reminder uid, where its object lives (href), its ETag, the
item both sides held after the last sync and that object's text. Written
only at the end of a run, in the same transaction as the reminders it
changed, so an interrupted run leaves no trace.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from ally import db
from ally.reminders.calendar_item import Item, from_json, to_json
from ally.reminders.model import from_utc_text, utc_text
from ally.reminders.store import ReminderStore


@dataclass(frozen=True)
class Account:
    calendar_url: str
    sync_token: str | None = None
    last_synced: datetime | None = None


@dataclass(frozen=True)
class Synced:
    """A reminder's calendar object as of the last sync."""

    href: str
    etag: str | None
    item: Item
    data: bytes


def account(store: ReminderStore) -> Account | None:
    with db.sqlite_errors(store.path):
        row = store.conn.execute(
            "SELECT calendar_url, sync_token, last_synced FROM sync_account WHERE id = 1"
        ).fetchone()
    if row is None:
        return None
    return Account(row[0], row[1], from_utc_text(row[2]) if row[2] else None)


def objects(store: ReminderStore) -> dict[str, Synced]:
    with db.sqlite_errors(store.path):
        rows = store.conn.execute("SELECT uid, href, etag, synced, data FROM sync_objects")
        found = {}
        for uid, href, etag, synced, data in rows:
            try:
                item = from_json(json.loads(synced))
            except (ValueError, KeyError, TypeError):
                continue  # unreadable: as if never synced, so both sides are compared afresh
            found[uid] = Synced(href, etag, item, data.encode("utf-8"))
    return found


def save_account(store: ReminderStore, value: Account) -> None:
    with store.transaction():
        store.conn.execute(
            "INSERT OR REPLACE INTO sync_account (id, calendar_url, sync_token, last_synced) "
            "VALUES (1, ?, ?, ?)",
            (
                value.calendar_url,
                value.sync_token,
                utc_text(value.last_synced) if value.last_synced else None,
            ),
        )


def record(store: ReminderStore, uid: str, synced: Synced) -> None:
    with store.transaction():
        store.conn.execute(
            "INSERT OR REPLACE INTO sync_objects (uid, href, etag, synced, data) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                uid,
                synced.href,
                synced.etag,
                json.dumps(to_json(synced.item), ensure_ascii=False),
                synced.data.decode("utf-8", "replace"),
            ),
        )


def forget(store: ReminderStore, uid: str) -> None:
    with store.transaction():
        store.conn.execute("DELETE FROM sync_objects WHERE uid = ?", (uid,))


def forget_all(store: ReminderStore) -> None:
    """Start afresh with another calendar: nothing synced with it yet."""
    with store.transaction():
        store.conn.execute("DELETE FROM sync_objects")
        store.conn.execute("DELETE FROM sync_account")
