"""The .ics export: RFC 5545 lines that calendar apps take, checked line by line and by a parser."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from ally.reminders.actions import complete, plan_new
from ally.reminders.ical import calendar, fold, text, vtimezone
from ally.reminders.model import Reminder
from ally.reminders.when import read_when

from conftest import assert_golden

NOW = datetime(2026, 11, 25, 21, 50, tzinfo=UTC)


def reminder(
    rid: int, words: str, when: str, zone: str, every: str | None = None, about: str | None = None
) -> Reminder:
    reading = read_when(when, NOW, ZoneInfo(zone))
    plan = plan_new(
        words, reading, now=NOW, zone=zone, uid=f"ally-test-{rid}", every=every, about=about
    )
    return replace(plan.reminder, id=rid)


def examples() -> list[Reminder]:
    return [
        reminder(1, "Check in with Sam", "sunday 6pm", "Europe/London", "sunday", "Sam"),
        reminder(2, "Pay the rent", "2027-01-31 09:00", "America/New_York", "month"),
        reminder(
            3, "Book the GP; ask about sleep, meds\nand the letter", "2027-01-05 10:00", "UTC"
        ),
        reminder(
            4,
            "Écrire à Zoë: « ça va ? » " * 4 + "— a long note to test folding 🌱",
            "tomorrow 8am",
            "Asia/Kolkata",
            "3 days",
        ),
    ]


def test_the_export_matches_the_golden_file() -> None:
    assert_golden("remind_export.ics", calendar(examples(), now=NOW))


def test_lines_end_in_crlf_and_fit_in_75_octets() -> None:
    data = calendar(examples(), now=NOW)
    assert data.endswith("\r\n")
    lines = data.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines)  # something was folded


def test_folding_never_splits_a_character_and_unfolds_back() -> None:
    line = "SUMMARY:" + "é🌱a" * 40
    pieces = fold(line)
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert pieces[0] + "".join(p[1:] for p in pieces[1:]) == line


def test_text_is_escaped_and_control_characters_dropped() -> None:
    assert text("a,b;c\\d\ne\x1b[31m") == "a\\,b\\;c\\\\d\\ne[31m"


def test_a_calendar_parser_reads_every_event_with_its_rule_alarm_and_zone() -> None:
    cal = icalendar.Calendar.from_ical(calendar(examples(), now=NOW))
    assert str(cal["METHOD"]) == "PUBLISH"
    events = list(cal.walk("VEVENT"))
    assert [str(e["UID"]) for e in events] == [f"ally-test-{n}" for n in (1, 2, 3, 4)]
    first = events[0]
    assert first.decoded("DTSTART") == datetime(2026, 11, 29, 18, tzinfo=ZoneInfo("Europe/London"))
    assert first["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=SU"
    assert first.decoded("DTSTAMP") == NOW
    assert [a["ACTION"] for a in first.walk("VALARM")] == ["DISPLAY"]
    assert first.decoded("DTEND") - first.decoded("DTSTART") == timedelta(minutes=15)
    assert str(events[2]["SUMMARY"]) == "Book the GP; ask about sleep, meds and the letter"
    assert "meds\nand" in str(events[2]["DESCRIPTION"])
    assert events[2].decoded("DTSTART") == datetime(2027, 1, 5, 10, tzinfo=UTC)
    zones = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    assert zones == {"Europe/London", "America/New_York", "Asia/Kolkata"}


@pytest.mark.parametrize(
    "zone",
    ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "America/Sao_Paulo"],
)
def test_each_vtimezone_gives_the_same_offsets_as_the_zone_database(zone: str) -> None:
    lines = vtimezone(ZoneInfo(zone), 2025)  # as exported for events from 2026 on
    component = icalendar.Calendar.from_ical(
        "BEGIN:VCALENDAR\r\n" + "\r\n".join(lines) + "\r\nEND:VCALENDAR\r\n"
    ).walk("VTIMEZONE")[0]
    ours = component.to_tz(lookup_tzid=False)
    real = ZoneInfo(zone)
    for month in range(1, 12 * 12, 5):  # past 2038, where RDATE-based zones stop
        moment = datetime(2026 + month // 12, month % 12 + 1, 15, 12)
        assert ours.utcoffset(moment) == real.utcoffset(moment), moment


def test_vtimezone_uses_yearly_rules_not_lists_of_dates() -> None:
    lines = vtimezone(ZoneInfo("America/New_York"), 2026)
    assert "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU" in lines
    assert "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU" in lines
    assert not any(line.startswith("RDATE") for line in lines)


def test_private_export_has_neutral_titles_and_no_text_or_names() -> None:
    data = calendar(examples(), now=NOW, private=True)
    assert "Sam" not in data and "rent" not in data and "GP" not in data
    assert data.count("SUMMARY:Reminder\r\n") == 4
    assert "DESCRIPTION:Reminder\r\n" in data  # the alarm still says something
    assert "ally-test-1" in data  # stable UIDs all the same


def test_only_open_reminders_are_exported() -> None:
    finished = complete(examples()[2], NOW, None)
    data = calendar([examples()[0], finished], now=NOW)
    assert data.count("BEGIN:VEVENT") == 1


def test_a_snoozed_one_off_is_exported_at_its_snooze_time() -> None:
    one_off = replace(examples()[2], snoozed_until=datetime(2027, 1, 6, 10, tzinfo=UTC))
    assert "DTSTART:20270106T100000Z" in calendar([one_off], now=NOW)


# The end of the calendar (issue 11, item 5): year 9999 is a time ally can hold.


@pytest.mark.parametrize(
    "zone", ["Europe/London", "America/New_York", "UTC", "Australia/Lord_Howe"]
)
@pytest.mark.parametrize("wall", [datetime(9999, 12, 31, 23, 55), datetime(9999, 1, 1, 0, 0)])
def test_a_reminder_in_year_9999_exports(zone: str, wall: datetime) -> None:
    from ally.reminders.actions import with_due

    r = Reminder(
        id=1, uid="late", text="far away", zone=zone, start=wall, due=None, created=NOW, updated=NOW
    )
    ics = calendar([with_due(r, wall)], now=NOW)
    parsed = icalendar.Calendar.from_ical(ics)
    [event] = [c for c in parsed.walk("VEVENT")]
    assert event.decoded("dtstart").replace(tzinfo=None) == wall
    if "DTEND" in event:
        assert event.decoded("dtend") > event.decoded("dtstart")
    else:  # no later minute to end on: a duration instead (RFC 5545 allows either)
        assert event.decoded("duration") == timedelta(minutes=15)


def test_the_cli_exports_a_stored_year_9999_reminder(tmp_path: object) -> None:
    import os
    import sqlite3
    from pathlib import Path

    from conftest import invoke

    source = Path(str(tmp_path)) / "late.json"
    source.write_text(
        '[{"text": "t", "next_due": "2199-12-31T23:50:00Z", "timezone": "Europe/London"}]'
    )
    assert invoke("remind", "import", str(source), env={"ALLY_NOW": NOW.isoformat()}).exit_code == 0
    # ally keeps times up to 2200 now; a file written by an earlier version may hold later
    conn = sqlite3.connect(Path(os.environ["ALLY_HOME"]) / "ally.sqlite3")
    with conn:
        for column in ("start_local", "due_local", "next_due_utc"):
            conn.execute(f"UPDATE reminders SET {column} = replace({column}, '2199', '9999')")
    conn.close()
    result = invoke("remind", "export", "--format", "ics", env={"ALLY_NOW": NOW.isoformat()})
    assert result.exit_code == 0, result.stderr
    assert "DTSTART;TZID=Europe/London:99991231T235000" in result.stdout
