"""Reading WHEN: each ambiguity is settled one way and pinned here.

"Now" is Wednesday 25 November 2026, 21:50 in London (GMT).
"""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
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


def test_reading_times_loads_no_date_library() -> None:
    probe = (
        "import sys\n"
        "from datetime import datetime, UTC\n"
        "from zoneinfo import ZoneInfo\n"
        "from ally.reminders.when import read_when\n"
        "now = datetime(2026, 11, 25, 21, 50, tzinfo=UTC)\n"
        "for t in ['2027-01-05 18:00', 'tomorrow 6pm', 'next friday 9am', '18:00', 'now',\n"
        "          'in 2 hours', 'sunday', 'dec 5', 'tomorrow morning', 'sunday evening']:\n"
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


# Silent misreads (issues 11 and 15): a number after a weekday is an hour, never a day
# of a month; "at 6" is the next 06:00 or 18:00; impossible times are refused.

EVENING = datetime(2026, 11, 25, 21, 50, tzinfo=UTC)  # Wed 21:50 GMT
MORNING = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # Wed 10:00 GMT


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("at 6", EVENING, "Thu 2026-11-26 06:00"),
        ("at 6", MORNING, "Wed 2026-11-25 18:00"),
        ("tomorrow at 6", EVENING, "Thu 2026-11-26 06:00"),
        ("tomorrow 6", EVENING, "Thu 2026-11-26 06:00"),
        ("sunday 6", EVENING, "Sun 2026-11-29 06:00"),
        ("saturday 7", EVENING, "Sat 2026-11-28 07:00"),
        ("friday 3", EVENING, "Fri 2026-11-27 03:00"),
        ("wednesday 6", MORNING, "Wed 2026-11-25 18:00"),  # today, and 06:00 has passed
        ("wednesday 6", EVENING, "Wed 2026-12-02 06:00"),  # both passed today: next week
        ("sunday at 11", EVENING, "Sun 2026-11-29 11:00"),
        ("at 18", EVENING, "Thu 2026-11-26 18:00"),  # 13-23 is on the 24-hour clock
        ("sunday at six", EVENING, "Sun 2026-11-29 06:00"),
        ("6 o'clock", MORNING, "Wed 2026-11-25 18:00"),
    ],
)
def test_a_bare_hour_is_the_first_of_its_two_times_from_now(
    text: str, now: datetime, expected: str
) -> None:
    reading = read_when(text, now, LONDON)
    assert reading.wall.strftime("%a %Y-%m-%d %H:%M") == expected
    if "18" in text:
        return  # on the 24-hour clock: nothing to say
    hour = reading.wall.hour % 12
    other = f"{hour}pm" if reading.wall.hour < 12 else f"{hour}am"
    assert any("is read as" in n and other in n for n in reading.notes), reading.notes


@pytest.mark.parametrize(
    "text",
    [
        "tomorrow 25pm",
        "tomorrow 13pm",
        "tomorrow 99:99",
        "in 3 days 99:99",
        "sunday 25pm",
        "tomorrow 25:00",
        "25:00",
        "12:60",
        "0am",
        "at 24",
        "sunday at 30",
        "friday 6:75pm",
    ],
)
def test_impossible_times_of_day_are_refused_the_same_way(text: str) -> None:
    with pytest.raises(UsageError, match="is not a time of day"):
        read_when(text, NOW, LONDON)


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        ("tomorrow at 6 with sam", "with sam"),
        ("tomorrow 6pm please", "please"),
        ("sometime next week", "sometime next week"),
        ("friday at half six", "at half six"),
        ("6", "6"),
        ("in ten", None),
        ("soon", "soon"),
    ],
)
def test_text_not_understood_whole_is_refused_saying_what_was_read(
    text: str, unread: str | None
) -> None:
    with pytest.raises(UsageError) as caught:
        read_when(text, NOW, LONDON)
    message = caught.value.message
    assert text in message
    if unread is not None:
        assert repr(unread) in message
    assert caught.value.hint and "e.g." in caught.value.hint


def test_the_part_that_was_understood_is_said() -> None:
    with pytest.raises(UsageError) as caught:
        read_when("tomorrow at 6 with sam", NOW, LONDON)
    assert "'tomorrow at 6' reads as Thu 26 Nov 2026 06:00" in caught.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in ½ hour", "Wed 2026-11-25 22:20"),
        ("in half an hour", "Wed 2026-11-25 22:20"),
        ("in 1½ hours", "Wed 2026-11-25 23:20"),
        ("in an hour and a half", "Wed 2026-11-25 23:20"),
        ("in 1.5 hours", "Wed 2026-11-25 23:20"),
        ("in 2 hours and 15 minutes", "Thu 2026-11-26 00:05"),
        ("in ten minutes", "Wed 2026-11-25 22:00"),
        ("in a week", "Wed 2026-12-02 09:00"),
        ("in 2 weeks at 6pm", "Wed 2026-12-09 18:00"),
        ("in 3 days at 7pm", "Sat 2026-11-28 19:00"),
        ("in a month", "Fri 2026-12-25 09:00"),
    ],
)
def test_durations_are_read_exactly(text: str, expected: str) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "now", "expected", "note"),
    [
        # At 20:09, "tonight" is later tonight: the next full hour, and said so.
        ("tonight", datetime(2026, 11, 25, 20, 9, tzinfo=UTC), "Wed 2026-11-25 21:00", "21:00"),
        (
            "this evening",
            datetime(2026, 11, 25, 20, 9, tzinfo=UTC),
            "Wed 2026-11-25 21:00",
            "21:00",
        ),
        ("tonight", MORNING, "Wed 2026-11-25 20:00", "20:00"),
        ("this evening", MORNING, "Wed 2026-11-25 18:00", "18:00"),
        ("tonight at 9", MORNING, "Wed 2026-11-25 21:00", None),
        ("tonight at 11:30pm", EVENING, "Wed 2026-11-25 23:30", None),
        ("tomorrow evening at 7", EVENING, "Thu 2026-11-26 19:00", None),
        ("tomorrow morning at 7", EVENING, "Thu 2026-11-26 07:00", None),
        ("sunday evening", EVENING, "Sun 2026-11-29 18:00", "18:00"),
        ("friday night", EVENING, "Fri 2026-11-27 20:00", "20:00"),
        ("this afternoon", MORNING, "Wed 2026-11-25 15:00", "15:00"),
        ("6 in the evening", MORNING, "Wed 2026-11-25 18:00", None),
        ("midnight tonight", EVENING, "Thu 2026-11-26 00:00", None),
    ],
)
def test_parts_of_the_day(text: str, now: datetime, expected: str, note: str | None) -> None:
    reading = read_when(text, now, LONDON)
    assert reading.wall.strftime("%a %Y-%m-%d %H:%M") == expected
    if note is not None:
        assert any(note in n for n in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("text", "now"),
    [
        ("this morning", EVENING),
        ("this afternoon", EVENING),
        ("tomorrow morning at 7pm", EVENING),
        ("tonight at 3", EVENING),
    ],
)
def test_a_part_of_the_day_that_has_passed_or_does_not_fit_is_refused(
    text: str, now: datetime
) -> None:
    with pytest.raises(UsageError):
        read_when(text, now, LONDON)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 dec", "Sat 2026-12-05 09:00"),
        ("december 5th 6pm", "Sat 2026-12-05 18:00"),
        ("the 5th of december at 6pm", "Sat 2026-12-05 18:00"),
        ("on dec 5 2027", "Sun 2027-12-05 09:00"),
        ("nov 1", "Mon 2027-11-01 09:00"),  # passed this year: next year, and said
        ("saturday 5 dec", "Sat 2026-12-05 09:00"),
        ("2027-01-05 at 6pm", "Tue 2027-01-05 18:00"),
        ("6pm on friday", "Fri 2026-11-27 18:00"),
        ("the day after tomorrow", "Fri 2026-11-27 09:00"),
        ("friday 6.30pm", "Fri 2026-11-27 18:30"),
    ],
)
def test_dates_with_month_names(text: str, expected: str) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("feb 30", "30 Feb"),
        ("sunday 5 dec", "5 Dec 2026 is a Saturday"),
        ("friday the 13th 6pm", "13 Dec 2026 is a Sunday"),
        ("tomorrow friday", "two days"),
        ("next week", "which day"),
    ],
)
def test_dates_that_cannot_be_are_refused(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        read_when(text, NOW, LONDON)


def test_a_24_hour_time_without_a_leading_zero_says_how_it_was_read() -> None:
    notes = read_when("friday 6:30", NOW, LONDON).notes
    assert any("06:30" in n and "6:30pm" in n for n in notes), notes


# A generated check: weekday, number and time phrases never land on a day or month
# the words did not name, and every accepted phrase agrees with its own words.

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@st.composite
def weekday_phrases(draw: st.DrawFn) -> tuple[str, int, int | None, int | None]:
    day = draw(st.sampled_from(range(7)))
    name = WEEKDAYS[day]
    name = draw(st.sampled_from([name, name[:3], name.capitalize(), name.upper()]))
    mod = draw(st.sampled_from(["", "this ", "next ", "on ", "coming "]))
    hour = draw(st.integers(min_value=-1, max_value=40))
    minute = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=99)))
    half = draw(st.sampled_from(["", "am", "pm", " pm"]))
    at = draw(st.sampled_from(["", "at "]))
    clock = f"{hour}" + (f":{minute:02d}" if minute is not None else "") + half
    first = draw(st.booleans())
    text = f"{at}{clock} {mod}{name}" if first else f"{mod}{name} {at}{clock}"
    return text, day, hour, minute


@settings(max_examples=300, deadline=None)
@given(
    phrase=weekday_phrases(),
    now=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2030, 12, 31)),
)
def test_weekday_and_number_phrases_mean_their_words_or_are_refused(
    phrase: tuple[str, int, int | None, int | None], now: datetime
) -> None:
    text, day, hour, minute = phrase
    moment = now.replace(tzinfo=UTC)
    try:
        reading = read_when(text, moment, LONDON)
    except UsageError:
        return
    wall = reading.wall
    today = moment.astimezone(LONDON).replace(tzinfo=None)
    assert wall.weekday() == day
    assert timedelta(0) <= wall.date() - today.date() <= timedelta(days=14)
    assert hour is not None and wall.hour in (hour, hour % 12, hour % 12 + 12)
    assert wall.minute == (minute or 0)
    named = {m for m in MONTHS if m.lower() in text.lower()}
    shown = {wall.strftime("%b")}
    for note in reading.notes:
        assert {m for m in MONTHS if f" {m}" in note} <= shown | named, note


POOL = st.sampled_from(
    [
        *("at", "on", "in", "the", "of", "this", "next", "after", "and", "a", "half", "an"),
        *("today", "tomorrow", "tonight", "now", "noon", "midnight", "o'clock", "am", "pm"),
        *("morning", "evening", "night", "sunday", "fri", "dec", "march", "week", "weeks"),
        *("days", "hours", "minutes", "month", "six", "12", "0", "7", "31", "99", "5th"),
        *("6pm", "13pm", "18:00", "25:00", "6.30pm", "1.5", "½", "2027-02-29", "1/2", "-1"),
        *("2027", "99999999999999999999", "99999999", "zzz", ",", "!", "years"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(words=st.lists(POOL, min_size=1, max_size=6), hours=st.integers(0, 24 * 366))
def test_any_words_are_read_or_refused_never_crash(words: list[str], hours: int) -> None:
    now = NOW + timedelta(hours=hours)
    text = " ".join(words)
    try:
        reading = read_when(text, now, LONDON)
    except UsageError as exc:
        assert exc.message and exc.exit_code == 2
        return
    assert 1900 <= reading.wall.year <= 2200
    assert reading.wall.second == 0


LINE_WORDS = st.sampled_from(
    [
        *("Call", "Sam", "my", "brother", "text", "every", "other", "sunday", "evening", "at"),
        *("6", "7pm", "25:00", "on", "the", "1st", "of", "month", "first", "monday", "tomorrow"),
        *("in", "2", "days", "weeks", "0", "-1", "for", "morning", "and", "thu", ",", "second"),
        "½",
    ]
)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(LINE_WORDS, min_size=1, max_size=8))
def test_any_line_is_split_or_refused_and_the_split_reads_back(words: list[str]) -> None:
    from ally.reminders.rules import parse_every
    from ally.reminders.when import split_line

    line = " ".join(words)
    try:
        found = split_line(line)
    except UsageError as exc:
        assert exc.message
        return
    if found is None:
        return
    assert found.text and found.text in line
    assert found.at or found.every
    if found.every:
        parse_every(found.every)
    if found.at:
        try:
            read_when(found.at, NOW, LONDON)
        except UsageError as exc:  # a time, but one that cannot be read from now
            assert exc.message
