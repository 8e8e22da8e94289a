"""Calendar objects for sync: written and read back with icalendar; settings checked."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ally.errors import UsageError
from ally.reminders.calendar_item import Item, item_of, summary_of
from ally.reminders.ics_objects import Unusable, build, patch, read
from ally.reminders.model import Reminder
from ally.reminders.sync_config import check_url

from conftest import invoke

NOW = datetime(2026, 11, 25, 21, 50, tzinfo=UTC)
ZONES = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"]
RULES = [
    None,
    "FREQ=WEEKLY;BYDAY=SU",
    "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1",  # as rrule_key spells them
]
TEXT = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=80).map(
    summary_of
)


@st.composite
def items(draw: st.DrawFn) -> Item:
    kind = draw(st.sampled_from(["event", "todo"]))
    return Item(
        kind=kind,
        summary=draw(TEXT),
        zone=draw(st.sampled_from(ZONES)),
        start=draw(st.datetimes(datetime(2000, 1, 1), datetime(2090, 12, 31))).replace(
            microsecond=0
        ),
        rrule=draw(st.sampled_from(RULES)),
        about=draw(st.one_of(st.none(), st.sampled_from(["Sam", "Mum and Dad", "Dr. Okafor"]))),
        status=draw(st.sampled_from(["open", "done", "skipped"])) if kind == "todo" else "open",
    )


@settings(max_examples=150, deadline=None)
@given(item=items())
def test_what_is_written_reads_back_the_same(item: Item) -> None:
    data = build("uid-1@ally", item, now=NOW, created=NOW)
    found = read(data, default_zone="Europe/Paris")
    assert found is not None
    assert found.uid == "uid-1@ally"
    assert found.item == item
    # And a patch that changes nothing keeps it the same.
    again = read(patch(data, "uid-1@ally", item, now=NOW), default_zone="Europe/Paris")
    assert again is not None and again.item == item


def test_an_event_has_its_rule_an_alarm_and_a_zone_the_calendar_can_read() -> None:
    item = Item("event", "Pay rent", "Europe/London", datetime(2027, 1, 31, 9), RULES[2], "Sam")
    cal = icalendar.Calendar.from_ical(build("u-1", item, now=NOW))
    (event,) = cal.walk("VEVENT")
    assert str(event["UID"]) == "u-1"
    assert event.get("RRULE").to_ical() == b"FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert [str(t["TZID"]) for t in cal.walk("VTIMEZONE")] == ["Europe/London"]
    (alarm,) = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert str(event["X-ALLY-ABOUT"]) == "Sam"


def test_a_todo_has_a_due_time_and_a_status() -> None:
    item = Item("todo", "Walk", "UTC", datetime(2027, 1, 5, 8), status="done", completed=NOW)
    (todo,) = icalendar.Calendar.from_ical(build("t-1", item, now=NOW)).walk("VTODO")
    assert str(todo["STATUS"]) == "COMPLETED"
    assert todo.decoded("DUE") == datetime(2027, 1, 5, 8, tzinfo=UTC)
    assert todo.decoded("COMPLETED") == NOW


PHONE_EVENT = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\n"
    b"BEGIN:VEVENT\r\nUID:p-1\r\nDTSTAMP:20261120T100000Z\r\n"
    b"DTSTART;TZID=America/New_York:20261206T180000\r\nDURATION:PT1H\r\n"
    b"RRULE:FREQ=WEEKLY;BYDAY=SU\r\nEXDATE;TZID=America/New_York:20261213T180000\r\n"
    b"SUMMARY:Call Mum\r\nLOCATION:Kitchen\r\nX-PHONE-COLOUR:blue\r\n"
    b"BEGIN:VALARM\r\nACTION:AUDIO\r\nTRIGGER:-PT10M\r\nEND:VALARM\r\n"
    b"END:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_reading_a_phone_event_notes_single_occurrence_changes() -> None:
    found = read(PHONE_EVENT, default_zone="UTC")
    assert found is not None
    assert found.item == Item(
        "event", "Call Mum", "America/New_York", datetime(2026, 12, 6, 18), "FREQ=WEEKLY;BYDAY=SU"
    )
    assert found.notes and "single occurrences" in found.notes[0]


def test_a_patch_keeps_what_the_phone_added() -> None:
    found = read(PHONE_EVENT, default_zone="UTC")
    assert found is not None
    renamed = replace(found.item, summary="Call Mum and Dad")
    event = icalendar.Calendar.from_ical(patch(PHONE_EVENT, "p-1", renamed, now=NOW)).walk(
        "VEVENT"
    )[0]
    assert str(event["SUMMARY"]) == "Call Mum and Dad"
    assert str(event["LOCATION"]) == "Kitchen"
    assert str(event["X-PHONE-COLOUR"]) == "blue"
    assert "EXDATE" in event and "DURATION" in event and "DTEND" not in event
    assert [str(a["ACTION"]) for a in event.walk("VALARM")] == ["AUDIO"]
    # A new time makes the single-occurrence changes of the old series meaningless.
    moved = replace(found.item, start=datetime(2026, 12, 6, 19))
    event = icalendar.Calendar.from_ical(patch(PHONE_EVENT, "p-1", moved, now=NOW)).walk("VEVENT")[
        0
    ]
    assert "EXDATE" not in event and str(event["LOCATION"]) == "Kitchen"


def test_dates_without_a_zone_or_time_are_read_in_the_default_zone() -> None:
    floating = PHONE_EVENT.replace(b"DTSTART;TZID=America/New_York:", b"DTSTART:")
    found = read(floating, default_zone="Europe/London")
    assert found is not None and (found.item.zone, found.item.start.hour) == ("Europe/London", 18)
    all_day = PHONE_EVENT.replace(
        b"DTSTART;TZID=America/New_York:20261206T180000", b"DTSTART;VALUE=DATE:20261206"
    )
    found = read(all_day, default_zone="Europe/London")
    assert found is not None and found.item.start == datetime(2026, 12, 6, 9)


def test_an_until_in_utc_is_kept_as_a_wall_time_and_written_back_in_utc() -> None:
    data = PHONE_EVENT.replace(b"BYDAY=SU\r\n", b"BYDAY=SU;UNTIL=20270101T000000Z\r\n")
    found = read(data, default_zone="UTC")
    assert found is not None and found.item.rrule == "FREQ=WEEKLY;UNTIL=20261231T190000;BYDAY=SU"
    written = icalendar.Calendar.from_ical(build("p-1", found.item, now=NOW)).walk("VEVENT")[0]
    assert b"UNTIL=20270101T000000Z" in written["RRULE"].to_ical()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not a calendar", "not iCalendar"),
        (PHONE_EVENT.replace(b"FREQ=WEEKLY;BYDAY=SU", b"FREQ=HOURLY"), "repeat"),
        (PHONE_EVENT.replace(b"DTSTART;TZID=America/New_York:20261206T180000\r\n", b""), "date"),
    ],
)
def test_what_ally_cannot_follow_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(Unusable, match=reason):
        read(data, default_zone="UTC")


def test_a_journal_is_not_a_reminder() -> None:
    journal = PHONE_EVENT.replace(b"VEVENT", b"VJOURNAL")
    assert read(journal, default_zone="UTC") is None


def test_a_finished_reminder_leaves_the_event_calendar_but_stays_as_a_task() -> None:
    done = Reminder(
        uid="u",
        text="Ask how it went",
        zone="Etc/UTC",
        start=datetime(2027, 1, 1, 9),
        due=None,
        created=NOW,
        updated=NOW,
        status="done",
    )
    assert item_of(done, "event") is None
    task = item_of(done, "todo")
    assert task is not None and (task.status, task.zone) == ("done", "UTC")


@pytest.mark.parametrize(
    "url",
    [
        "https://sam:secret@caldav.example.org/",
        "https://sam@caldav.example.org/",
        "http://caldav.example.org/dav/",
        "ftp://caldav.example.org/",
        "caldav.example.org",
    ],
)
def test_refused_urls(url: str) -> None:
    with pytest.raises(UsageError):
        check_url(url)


def test_accepted_urls() -> None:
    assert check_url("https://caldav.example.org/dav/")
    assert check_url("http://127.0.0.1:5232/")
    assert check_url("http://[::1]:5232/")
    assert check_url("http://localhost:5232/")
    assert check_url("http://caldav.example.org/", allow_http=True)


def test_config_refuses_a_password_in_the_url_and_writes_nothing(ally_home: object) -> None:
    result = invoke("config", "set", "sync.url", "https://sam:secret@caldav.example.org/")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "secret" not in result.stderr
    assert invoke("config", "show", "--json").stdout.count("sync.url") == 0
    assert invoke("config", "set", "sync.as", "todo").exit_code == 0
    assert invoke("config", "set", "sync.as", "meeting").exit_code == 2
