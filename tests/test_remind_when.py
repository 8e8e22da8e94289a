"""Reading WHEN: each ambiguity is settled one way and pinned here.

"Now" is Wednesday 25 November 2026, 21:50 in London (GMT).
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ally.errors import UsageError
from ally.reminders.when import clock_time, read_when

from conftest import PYTHON

NOW = datetime(2026, 11, 25, 21, 50, 28, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")


def read(text: str, now: datetime = NOW, zone: ZoneInfo = LONDON) -> str:
    return read_when(text, now, zone).wall.strftime("%a %Y-%m-%d %H:%M")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The examples.
        ("tomorrow 6pm", "Thu 2026-11-26 18:00"),
        ("in 3 days", "Sat 2026-11-28 09:00"),  # a date with no time gets 09:00
        ("next friday 9am", "Fri 2026-11-27 09:00"),  # "next friday" = the coming Friday
        ("2027-01-05 18:00", "Tue 2027-01-05 18:00"),
        ("sunday", "Sun 2026-11-29 09:00"),
        # Weekdays.
        ("friday", "Fri 2026-11-27 09:00"),
        ("this friday", "Fri 2026-11-27 09:00"),
        ("friday after next", "Fri 2026-12-04 09:00"),
        ("wednesday 11pm", "Wed 2026-11-25 23:00"),  # today, the time is still ahead
        ("wednesday 9pm", "Wed 2026-12-02 21:00"),  # today's has passed: next week
        ("next wednesday", "Wed 2026-12-02 09:00"),  # "next" is never today
        ("6pm next friday", "Fri 2026-11-27 18:00"),
        ("sun 18:00", "Sun 2026-11-29 18:00"),
        # Clock times alone: the next time the clock shows it.
        ("23:00", "Wed 2026-11-25 23:00"),
        ("6pm", "Thu 2026-11-26 18:00"),
        ("at noon", "Thu 2026-11-26 12:00"),
        ("midnight", "Thu 2026-11-26 00:00"),
        ("12am", "Thu 2026-11-26 00:00"),
        ("12:30pm", "Thu 2026-11-26 12:30"),
        # Relative.
        ("now", "Wed 2026-11-25 21:50"),
        ("in 2 hours", "Wed 2026-11-25 23:50"),
        ("in 45 minutes", "Wed 2026-11-25 22:35"),
        ("today 11pm", "Wed 2026-11-25 23:00"),
        ("tomorrow", "Thu 2026-11-26 09:00"),
        # ISO.
        ("2027-01-05", "Tue 2027-01-05 09:00"),
        ("2027-01-05T18:00", "Tue 2027-01-05 18:00"),
        ("2027-07-05T18:00+01:00", "Mon 2027-07-05 18:00"),  # BST is +01:00
        ("2027-01-05T18:00Z", "Tue 2027-01-05 18:00"),
        # Free text through dateparser.
        ("dec 5", "Sat 2026-12-05 09:00"),
        ("5 december 7pm", "Sat 2026-12-05 19:00"),
        ("tomorrow morning", "Thu 2026-11-26 09:00"),
    ],
)
def test_times_are_read_as_documented(text: str, expected: str) -> None:
    assert read(text) == expected


def test_next_weekday_says_how_it_was_read() -> None:
    notes = read_when("next friday 9am", NOW, LONDON).notes
    assert any("coming Friday, 27 Nov" in n and "friday after next" in n for n in notes)


def test_a_missing_time_of_day_is_echoed() -> None:
    assert "no time given, so 09:00" in read_when("sunday", NOW, LONDON).notes
    assert read_when("sunday 6pm", NOW, LONDON).notes == ()


def test_an_offset_is_converted_to_the_zone_and_said() -> None:
    reading = read_when("2027-01-05T18:00+01:00", NOW, LONDON)
    assert reading.wall == datetime(2027, 1, 5, 17, 0)
    assert reading.notes == ("2027-01-05T18:00+01:00 is 17:00 in Europe/London",)


def test_the_same_words_mean_local_wall_time_in_the_zone_given() -> None:
    assert read("tomorrow 6pm", zone=ZoneInfo("America/New_York")) == "Thu 2026-11-26 18:00"
    # 21:50 in London is 16:50 in New York: 6pm today is still ahead there.
    assert read("6pm", zone=ZoneInfo("America/New_York")) == "Wed 2026-11-25 18:00"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no time given"),
        ("blah", "cannot read 'blah'"),
        ("1/2/2027", "ambiguous"),
        ("5.1.2027", "ambiguous"),
        ("every sunday", "is a repeat, not a time"),
        ("2027-02-30 10:00", "not a real date"),
    ],
)
def test_unreadable_times_are_usage_errors_that_say_why(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message) as caught:
        read_when(text, NOW, LONDON)
    assert caught.value.exit_code == 2


def test_a_failed_parse_is_fast_because_only_english_is_loaded() -> None:
    # Not a timing assertion: check the parser is built with English only.
    import dateparser.date

    real = dateparser.date.DateDataParser
    seen: dict[str, object] = {}

    class Spy(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            seen.update(kwargs)
            super().__init__(*args, **kwargs)

    dateparser.date.DateDataParser = Spy
    try:
        with pytest.raises(UsageError):
            read_when("zzz qqq", NOW, LONDON)
    finally:
        dateparser.date.DateDataParser = real
    assert seen["languages"] == ["en"]


def test_iso_and_simple_times_do_not_load_dateparser() -> None:
    probe = (
        "import sys\n"
        "from datetime import datetime, UTC\n"
        "from zoneinfo import ZoneInfo\n"
        "from ally.reminders.when import read_when\n"
        "now = datetime(2026, 11, 25, 21, 50, tzinfo=UTC)\n"
        "for t in ['2027-01-05 18:00', 'tomorrow 6pm', 'next friday 9am', '18:00', 'now',\n"
        "          'in 2 hours', 'sunday']:\n"
        "    read_when(t, now, ZoneInfo('Europe/London'))\n"
        "print('dateparser' in sys.modules, 'dateutil' in sys.modules)\n"
    )
    out = subprocess.run([PYTHON, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@given(
    hour=st.integers(min_value=0, max_value=23),
    minute=st.integers(min_value=0, max_value=59),
)
def test_any_24_hour_clock_time_reads_back(hour: int, minute: int) -> None:
    parsed = clock_time(f"{hour}:{minute:02d}")
    assert parsed is not None and (parsed.hour, parsed.minute) == (hour, minute)
    half = "am" if hour < 12 else "pm"
    twelve = hour % 12 or 12
    assert clock_time(f"{twelve}:{minute:02d}{half}") == parsed


@given(moment=st.datetimes(min_value=datetime(2027, 1, 1), max_value=datetime(2040, 1, 1)))
def test_any_future_iso_time_reads_as_itself_to_the_minute(moment: datetime) -> None:
    text = moment.strftime("%Y-%m-%d %H:%M")
    assert read_when(text, NOW, LONDON).wall == moment.replace(second=0, microsecond=0)
