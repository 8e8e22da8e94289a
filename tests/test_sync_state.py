"""Sync state and kept versions in the SQLite file (schema 3)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_remind_db import schema_at, tables

from ally import db
from ally.errors import AllyError
from ally.reminders import sync_state, versions
from ally.reminders.calendar_item import Item
from ally.reminders.model import Reminder
from ally.reminders.store import ReminderStore

from conftest import invoke

NOW = datetime(2026, 11, 25, 21, 50, tzinfo=UTC)
SYNC_TABLES = {"sync_account", "sync_objects", "reminder_versions"}


@pytest.mark.parametrize("version", range(db.SCHEMA_VERSION))
def test_every_earlier_schema_gains_the_sync_tables(tmp_path: Path, version: int) -> None:
    path = tmp_path / "ally.sqlite3"
    schema_at(path, version)
    conn = db.connect(path)
    assert tables(conn) >= SYNC_TABLES
    assert conn.execute("SELECT count(*) FROM sync_objects").fetchone() == (0,)
    conn.close()


def test_a_blank_file_has_them(tmp_path: Path) -> None:
    path = tmp_path / "ally.sqlite3"
    path.write_bytes(b"")
    conn = db.connect(path)
    assert tables(conn) >= SYNC_TABLES
    conn.close()


def reminder(text: str = "Check in with Sam") -> Reminder:
    return Reminder(
        uid=f"uid-{text}",
        text=text,
        zone="Europe/London",
        start=datetime(2027, 1, 5, 18),
        due=datetime(2027, 1, 5, 18),
        created=NOW,
        updated=NOW,
        about="Sam",
    )


def test_sync_state_round_trips(tmp_path: Path) -> None:
    item = Item("event", "Check in", "Europe/London", datetime(2027, 1, 5, 18), "FREQ=WEEKLY")
    with ReminderStore.create(tmp_path / "ally.sqlite3") as store:
        assert sync_state.account(store) is None and sync_state.objects(store) == {}
        sync_state.save_account(store, sync_state.Account("https://x/cal/", "tok-1", NOW))
        sync_state.record(store, "u", sync_state.Synced("https://x/cal/u.ics", '"e1"', item, b"D"))
    with ReminderStore.create(tmp_path / "ally.sqlite3") as store:
        assert sync_state.account(store) == sync_state.Account("https://x/cal/", "tok-1", NOW)
        assert sync_state.objects(store) == {
            "u": sync_state.Synced("https://x/cal/u.ics", '"e1"', item, b"D")
        }
        sync_state.forget_all(store)
        assert sync_state.objects(store) == {} and sync_state.account(store) is None


def test_a_removed_reminder_comes_back_whole_under_its_number(tmp_path: Path) -> None:
    with ReminderStore.create(tmp_path / "ally.sqlite3") as store:
        kept = store.insert(reminder())
        store.insert(reminder("Another"))
        before = store.get(kept.id or 0)
        versions.remove(store, kept.id or 0, NOW)
        assert not store.id_taken(kept.id or 0)
        back = versions.restore_removed(store, kept.id or 0, NOW)
        assert back.id == kept.id
        assert store.get(kept.id or 0) == before
        with pytest.raises(AllyError, match="has not been removed"):
            versions.restore_removed(store, kept.id or 0, NOW)


def test_cli_remove_restore_and_forget() -> None:
    env = {"ALLY_NOW": "2026-11-25T21:50:00+00:00"}
    assert invoke("remind", "add", "Call Mum", "--at", "2027-01-05 18:00", env=env).exit_code == 0
    removed = invoke("remind", "remove", "1", env=env)
    assert removed.stdout == "Removed reminder 1: Call Mum\n"
    assert "ally remind restore 1" in removed.stderr
    assert invoke("remind", "list").stdout.startswith("No reminders")
    restored = invoke("remind", "restore", "1", env=env)
    assert restored.exit_code == 0 and restored.stdout == "Restored reminder 1: Call Mum\n"
    assert "Call Mum" in invoke("remind", "list").stdout
    assert invoke("remind", "remove", "1", "--forget", env=env).exit_code == 0
    gone = invoke("remind", "restore", "1", env=env)
    assert gone.exit_code == 1 and gone.stderr.startswith("Error: no removed reminder 1")


def test_restore_list_on_a_reminder_with_no_kept_versions(ally_home: Path) -> None:
    env = {"ALLY_NOW": "2026-11-25T21:50:00+00:00"}
    invoke("remind", "add", "Call Mum", "--at", "2027-01-05 18:00", env=env)
    shown = invoke("remind", "restore", "1", "--list")
    assert shown.exit_code == 0 and "No versions" in shown.stdout
    conn = sqlite3.connect(ally_home / "ally.sqlite3")
    assert conn.execute("SELECT count(*) FROM reminder_versions").fetchone() == (0,)
    conn.close()
