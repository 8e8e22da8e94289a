"""JSON export and import: everything round-trips, and importing twice duplicates nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from itertools import count
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ally.errors import UsageError
from ally.reminders.actions import complete, plan_new, skip, snooze
from ally.reminders.interchange import (
    entries_of,
    export_document,
    merge,
    read_entries,
    reminder_json,
    write_atomically,
)
from ally.reminders.model import Reminder
from ally.reminders.store import ReminderStore
from ally.reminders.when import read_when

NOW = datetime(2026, 11, 25, 21, 50, tzinfo=UTC)


def uids() -> Callable[[], str]:
    numbers = count(1)
    return lambda: f"new-{next(numbers)}"


def made(words: str, when: str, zone: str = "Europe/London", **extra: object) -> Reminder:
    reading = read_when(when, NOW, ZoneInfo(zone))
    return plan_new(words, reading, now=NOW, zone=zone, uid=f"uid-{words}", **extra).reminder  # type: ignore[arg-type]


def filled(store: ReminderStore) -> list[Reminder]:
    weekly = store.insert(made("Check in with Sam", "sunday 6pm", every="sunday", about="Sam"))
    store.save(complete(store.get(weekly.id or 0), NOW, "lovely chat, 20 min"))
    store.save(skip(store.get(weekly.id or 0), NOW))
    gap = store.insert(made("Gap", "2027-03-07 02:30", "America/New_York", every="week"))
    store.insert(made("Walk", "tomorrow 8am", every="3 days", from_done=True))
    once = store.insert(made("Call the GP", "tomorrow 10am"))
    store.save(complete(store.get(once.id or 0), NOW, None))
    later = store.insert(made("Snoozed", "now"))
    reading = read_when("in 2 hours", NOW, ZoneInfo("Europe/London"))
    store.save(snooze(store.get(later.id or 0), reading, NOW))
    assert gap.id
    return store.reminders(finished=True, history=True)


def test_json_round_trips_everything(tmp_path: Path) -> None:
    source = ReminderStore.create(tmp_path / "a.sqlite3")
    originals = filled(source)
    document = json.loads(json.dumps(export_document(originals, NOW)))
    target = ReminderStore.create(tmp_path / "b.sqlite3")
    incoming = read_entries(entries_of(document), now=NOW, default_zone="UTC", new_uid=uids())
    report = merge(target, incoming)
    assert (report.added, report.updated, report.unchanged) == (5, 0, 0)
    assert target.reminders(finished=True, history=True) == originals


def test_importing_the_same_file_twice_changes_nothing(tmp_path: Path) -> None:
    store = ReminderStore.create(tmp_path / "a.sqlite3")
    originals = filled(store)
    document = export_document(originals, NOW)
    incoming = read_entries(entries_of(document), now=NOW, default_zone="UTC", new_uid=uids())
    assert merge(store, incoming).unchanged == 5
    assert merge(store, incoming).unchanged == 5
    assert store.reminders(finished=True, history=True) == originals


def test_a_known_uid_is_updated_in_place(tmp_path: Path) -> None:
    store = ReminderStore.create(tmp_path / "a.sqlite3")
    saved = store.insert(made("Old text", "tomorrow 9am"))
    entry = {**reminder_json(saved), "text": "New text", "id": 99}
    [incoming] = read_entries([entry], now=NOW, default_zone="UTC", new_uid=uids())
    assert merge(store, [incoming]).updated == 1
    assert [(r.id, r.text) for r in store.reminders()] == [(saved.id, "New text")]


def test_entries_without_id_or_uid_get_new_ones_and_a_free_id_is_kept(tmp_path: Path) -> None:
    store = ReminderStore.create(tmp_path / "a.sqlite3")
    store.insert(made("Existing", "tomorrow 9am"))
    entries = [
        {"text": "Minimal", "next_due": "2027-01-05T18:00:00+00:00", "every": "weekday"},
        {"text": "Wants id 1", "id": 1, "next_due": "2027-01-06T18:00:00Z"},
        {"text": "Wants id 7", "id": 7, "due_local": "2027-01-07T09:00:00"},
    ]
    incoming = read_entries(entries, now=NOW, default_zone="Europe/London", new_uid=uids())
    assert [r.uid for r in incoming] == ["new-1", "new-2", "new-3"]
    merge(store, incoming)
    found = {r.text: r for r in store.reminders()}
    assert found["Wants id 7"].id == 7
    assert found["Wants id 1"].id not in (None, 1)
    minimal = found["Minimal"]
    assert (minimal.rrule, minimal.every) == ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "weekday")
    assert minimal.zone == "Europe/London"


def test_an_entry_off_its_rule_is_aligned_to_it() -> None:
    entry = {"text": "x", "due_local": "2027-01-09T09:00:00", "every": "weekday"}  # a Saturday
    [r] = read_entries([entry], now=NOW, default_zone="UTC", new_uid=uids())
    assert r.due == datetime(2027, 1, 11, 9)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"next_due": "2027-01-05T18:00:00Z"}, "needs some text"),
        ({"text": "x"}, "has no time"),
        ({"text": "x", "next_due": "soon"}, "not an ISO 8601 time"),
        ({"text": "x", "next_due": "2027-01-05T18:00Z", "timezone": "Mars/Base"}, "time zone"),
        ({"text": "x", "next_due": "2027-01-05T18:00Z", "every": "hourly-ish"}, "repeat rule"),
        ({"text": "x", "next_due": "2027-01-05T18:00Z", "rrule": "FREQ=HOURLY"}, "daily"),
        ({"text": "x", "next_due": "2027-01-05T18:00Z", "status": "maybe"}, "unknown status"),
        ({"text": "x", "next_due": "2027-01-05T18:00Z", "id": "three"}, "positive whole"),
        ("just a string", "not a JSON object"),
    ],
)
def test_a_bad_entry_is_named_and_nothing_is_written(
    tmp_path: Path, entry: object, message: str
) -> None:
    good = {"text": "fine", "next_due": "2027-01-05T18:00:00Z"}
    with pytest.raises(UsageError, match=message) as caught:
        read_entries([good, entry], now=NOW, default_zone="UTC", new_uid=uids())
    assert caught.value.message.startswith("entry 2:")


def test_two_entries_with_one_uid_are_refused() -> None:
    twice = {"uid": "same", "text": "x", "next_due": "2027-01-05T18:00:00Z"}
    with pytest.raises(UsageError, match="same uid"):
        read_entries([twice, twice], now=NOW, default_zone="UTC", new_uid=uids())


def test_other_json_is_refused() -> None:
    with pytest.raises(UsageError):
        entries_of({"format": "something-else", "reminders": []})
    with pytest.raises(UsageError):
        entries_of({"hello": 1})


def test_write_atomically_replaces_whole_and_private(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]  # no temp file left


def test_json_keys_are_the_contract() -> None:
    shape = reminder_json(replace(made("x", "sunday 6pm", every="sunday"), id=1))
    for key in ("id", "uid", "text", "about", "every", "rrule", "next_due", "created", "done"):
        assert key in shape
    assert shape["next_due"] == "2026-11-29T18:00:00+00:00"
    assert shape["every"] == "sunday" and shape["rrule"] == "FREQ=WEEKLY;BYDAY=SU"
