"""The reminder store: what goes in comes out, and due is a query, not a computation."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ally.errors import NotFoundError
from ally.reminders.actions import complete, plan_new
from ally.reminders.model import Reminder
from ally.reminders.store import ReminderStore
from ally.reminders.when import read_when

NOW = datetime(2026, 11, 25, 21, 50, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")


def new(text: str, when: str, every: str | None = None, uid: str | None = None) -> Reminder:
    reading = read_when(when, NOW, LONDON)
    plan = plan_new(
        text, reading, now=NOW, zone="Europe/London", uid=uid or text, every=every, about="Sam"
    )
    return plan.reminder


@pytest.fixture
def store(tmp_path: Path) -> ReminderStore:
    return ReminderStore.create(tmp_path / "ally.sqlite3")


def test_a_reminder_comes_back_as_it_went_in(store: ReminderStore) -> None:
    reminder = new("Check in with Sam", "sunday 6pm", "sunday")
    saved = store.insert(reminder)
    assert saved.id == 1
    assert store.get(1) == saved


def test_history_is_kept_with_notes(store: ReminderStore) -> None:
    saved = store.insert(new("Check in with Sam", "sunday 6pm", "sunday"))
    done = store.save(complete(store.get(saved.id or 0), NOW, "a good talk"))
    again = store.get(saved.id or 0)
    assert again == done
    assert [(e.kind, e.note) for e in again.history] == [("done", "a good talk")]


def test_list_is_by_next_due_and_leaves_out_finished_unless_asked(store: ReminderStore) -> None:
    later = store.insert(new("Later", "2027-01-05 18:00"))
    sooner = store.insert(new("Sooner", "tomorrow 9am"))
    finished = store.insert(new("Finished", "tomorrow 10am"))
    store.save(complete(store.get(finished.id or 0), NOW, None))
    assert [r.text for r in store.reminders()] == ["Sooner", "Later"]
    assert [r.text for r in store.reminders(finished=True)] == ["Sooner", "Later", "Finished"]
    assert later.id and sooner.id


def test_due_returns_only_what_has_come(store: ReminderStore) -> None:
    store.insert(new("Tomorrow", "tomorrow 9am"))
    store.insert(new("Now", "now"))
    assert [r.text for r in store.due(NOW)] == ["Now"]
    assert store.next_up() is not None


def test_ids_are_never_reused(store: ReminderStore) -> None:
    first = store.insert(new("One", "tomorrow 9am"))
    second = store.insert(new("Two", "tomorrow 9am"))
    store.delete(second.id or 0)
    third = store.insert(new("Three", "tomorrow 9am"))
    assert (first.id, second.id, third.id) == (1, 2, 3)


def test_missing_ids_are_not_found(store: ReminderStore) -> None:
    with pytest.raises(NotFoundError):
        store.get(42)
    with pytest.raises(NotFoundError):
        store.delete(42)


def test_a_failed_transaction_writes_nothing(store: ReminderStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.insert(new("One", "tomorrow 9am"))
        raise RuntimeError("interrupted")
    assert store.reminders() == []


def test_many_inserts_in_one_transaction(store: ReminderStore) -> None:
    base = new("Many", "tomorrow 9am")
    with store.transaction():
        for n in range(500):
            store.insert(replace(base, uid=f"u-{n}"))
    assert len(store.reminders()) == 500


def test_notified_is_remembered_per_occurrence(store: ReminderStore) -> None:
    saved = store.insert(new("Now", "now"))
    assert saved.next_due_utc is not None
    store.mark_notified(saved, saved.next_due_utc)
    assert store.get(saved.id or 0).notified == saved.next_due_utc
