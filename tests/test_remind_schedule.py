"""Schedules keep their wall time through clock changes and their day through short months."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ally.reminders.rules import parse_every, rrule_for
from ally.reminders.schedule import (
    clock_change_note,
    first_after,
    first_at_or_after,
    in_zone,
    latest_passed,
    next_walls,
    to_utc,
    to_wall,
)

NEW_YORK = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")


def occurrences(rrule: str, start: datetime, zone: ZoneInfo, count: int) -> list[datetime]:
    return [start, *next_walls(rrule, start, start, zone, count - 1)]


def test_weekly_1800_in_new_york_stays_1800_across_the_march_2027_change() -> None:
    start = datetime(2027, 3, 7, 18, 0)  # Sunday, EST
    walls = occurrences("FREQ=WEEKLY;BYDAY=SU", start, NEW_YORK, 3)
    assert walls[1] == datetime(2027, 3, 14, 18, 0)  # the day the clocks change
    shown = [in_zone(w, NEW_YORK) for w in walls]
    assert [s.strftime("%H:%M %Z") for s in shown] == ["18:00 EST", "18:00 EDT", "18:00 EDT"]
    # Same wall time, so the instants are a week minus the lost hour apart.
    assert to_utc(walls[1], NEW_YORK) - to_utc(walls[0], NEW_YORK) == timedelta(days=7, hours=-1)


def test_weekly_1800_in_london_stays_1800_across_both_changes_of_2027() -> None:
    spring = occurrences("FREQ=WEEKLY;BYDAY=SU", datetime(2027, 3, 21, 18, 0), LONDON, 3)
    autumn = occurrences("FREQ=WEEKLY;BYDAY=SU", datetime(2027, 10, 24, 18, 0), LONDON, 3)
    assert [in_zone(w, LONDON).strftime("%d %H:%M %Z") for w in spring] == [
        "21 18:00 GMT",
        "28 18:00 BST",
        "04 18:00 BST",
    ]
    assert [in_zone(w, LONDON).strftime("%d %H:%M %Z") for w in autumn] == [
        "24 18:00 BST",
        "31 18:00 GMT",
        "07 18:00 GMT",
    ]


def test_monthly_on_the_31st_uses_the_last_day_of_short_months_and_comes_back() -> None:
    rrule = rrule_for(parse_every("month"), date(2027, 1, 31))
    assert rrule == "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"
    walls = occurrences(rrule, datetime(2027, 1, 31, 9, 0), LONDON, 7)
    assert [w.date().isoformat() for w in walls] == [
        "2027-01-31",
        "2027-02-28",
        "2027-03-31",
        "2027-04-30",
        "2027-05-31",
        "2027-06-30",
        "2027-07-31",
    ]


def test_monthly_on_the_30th_and_29th_in_a_leap_february() -> None:
    rule = parse_every("month")
    on_30 = occurrences(rrule_for(rule, date(2028, 1, 30)), datetime(2028, 1, 30, 9), LONDON, 3)
    on_29 = occurrences(rrule_for(rule, date(2027, 1, 29)), datetime(2027, 1, 29, 9), LONDON, 3)
    assert [w.day for w in on_30] == [30, 29, 30]  # 2028 is a leap year
    assert [w.day for w in on_29] == [29, 28, 29]


def test_yearly_on_29_february_falls_on_the_28th_in_other_years() -> None:
    rrule = rrule_for(parse_every("year"), date(2028, 2, 29))
    walls = occurrences(rrule, datetime(2028, 2, 29, 9), LONDON, 5)
    assert [w.date().isoformat() for w in walls] == [
        "2028-02-29",
        "2029-02-28",
        "2030-02-28",
        "2031-02-28",
        "2032-02-29",
    ]


def test_a_time_in_the_spring_forward_gap_moves_forward_by_the_gap() -> None:
    gap = datetime(2027, 3, 14, 2, 30)  # does not exist in New York
    assert to_utc(gap, NEW_YORK) == datetime(2027, 3, 14, 7, 30, tzinfo=UTC)
    assert in_zone(gap, NEW_YORK).strftime("%H:%M %Z") == "03:30 EDT"
    note = clock_change_note(gap, NEW_YORK)
    assert note is not None and "does not exist" in note and "03:30" in note


def test_a_daily_0230_is_0330_on_the_gap_day_and_0230_again_after() -> None:
    walls = occurrences("FREQ=DAILY", datetime(2027, 3, 13, 2, 30), NEW_YORK, 3)
    assert [in_zone(w, NEW_YORK).strftime("%d %H:%M") for w in walls] == [
        "13 02:30",
        "14 03:30",
        "15 02:30",
    ]


def test_a_time_that_happens_twice_is_the_first_of_the_two() -> None:
    twice = datetime(2027, 11, 7, 1, 30)  # New York falls back at 02:00 EDT
    assert to_utc(twice, NEW_YORK) == datetime(2027, 11, 7, 5, 30, tzinfo=UTC)  # EDT
    assert in_zone(twice, NEW_YORK).strftime("%Z") == "EDT"
    note = clock_change_note(twice, NEW_YORK)
    assert note is not None and "twice" in note and "first" in note


def test_ordinary_times_have_no_clock_change_note() -> None:
    assert clock_change_note(datetime(2027, 3, 14, 18, 0), NEW_YORK) is None


def test_first_after_is_strict_and_first_at_or_after_is_not() -> None:
    start = datetime(2026, 11, 29, 18)
    at = to_utc(start, LONDON)
    assert first_at_or_after("FREQ=WEEKLY;BYDAY=SU", start, at, LONDON) == start
    assert first_after("FREQ=WEEKLY;BYDAY=SU", start, at, LONDON) == datetime(2026, 12, 6, 18)


def test_a_finished_rule_has_no_next_occurrence() -> None:
    start = datetime(2026, 11, 29, 18)
    later = to_utc(datetime(2027, 1, 1), LONDON)
    assert first_after("FREQ=WEEKLY;COUNT=2", start, later, LONDON) is None


def test_latest_passed_counts_missed_occurrences_and_finds_the_latest() -> None:
    start = datetime(2026, 11, 23, 9)  # daily from Monday
    now = to_utc(datetime(2026, 11, 26, 10), LONDON)  # Thursday 10:00
    missed, latest = latest_passed("FREQ=DAILY", start, start, now, LONDON)
    assert (missed, latest) == (3, datetime(2026, 11, 26, 9))


def test_to_wall_and_to_utc_round_trip_ordinary_times() -> None:
    wall = datetime(2026, 7, 1, 12, 0)
    assert to_wall(to_utc(wall, LONDON), LONDON) == wall


ZONES = st.sampled_from(
    ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"]
)
PHRASES = st.sampled_from(
    [
        "day",
        "3 days",
        "week",
        "2 weeks",
        "weekday",
        "weekend",
        "sunday",
        "mon and thu",
        "other friday",
        "month",
        "3 months",
        "year",
    ]
)
STARTS = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2035, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0)
)


@settings(max_examples=150, deadline=None)
@given(phrase=PHRASES, zone_name=ZONES, wanted=STARTS)
def test_occurrences_are_strictly_later_keep_their_weekday_and_wall_time(
    phrase: str, zone_name: str, wanted: datetime
) -> None:
    zone = ZoneInfo(zone_name)
    rule = parse_every(phrase)
    rrule = rrule_for(rule, wanted.date())
    start = first_at_or_after(rrule, wanted, to_utc(wanted, zone), zone)
    assert start is not None
    walls = occurrences(rrule, start, zone, 8)
    instants = [to_utc(w, zone) for w in walls]
    assert all(a < b for a, b in pairwise(instants))
    assert {w.time() for w in walls} == {wanted.time()}
    if rule.weekdays:
        codes = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
        assert all(codes[w.weekday()] in rule.weekdays for w in walls)
    elif rule.freq == "WEEKLY":
        assert {w.weekday() for w in walls} == {start.weekday()}
    if rule.freq == "MONTHLY":
        assert all(w.day == min(wanted.day, _month_length(w)) for w in walls)


def _month_length(day: datetime) -> int:
    import calendar

    return calendar.monthrange(day.year, day.month)[1]


@settings(max_examples=100, deadline=None)
@given(zone_name=ZONES, wanted=STARTS, hours=st.integers(min_value=0, max_value=24 * 400))
def test_first_after_is_always_later_than_the_instant_given(
    zone_name: str, wanted: datetime, hours: int
) -> None:
    zone = ZoneInfo(zone_name)
    rrule = "FREQ=WEEKLY;BYDAY=SU"
    start = first_at_or_after(rrule, wanted, to_utc(wanted, zone), zone)
    assert start is not None
    instant = to_utc(start, zone) + timedelta(hours=hours)
    nxt = first_after(rrule, start, instant, zone)
    assert nxt is not None
    assert to_utc(nxt, zone) > instant
    assert to_utc(nxt, zone) - instant <= timedelta(days=7, hours=3)


@pytest.mark.parametrize("zone_name", ["America/New_York", "Europe/London"])
def test_every_wall_time_of_a_spring_forward_day_is_kept_or_moved_on_by_the_gap(
    zone_name: str,
) -> None:
    zone = ZoneInfo(zone_name)
    day = datetime(2027, 3, 14) if zone_name.startswith("America") else datetime(2027, 3, 28)
    moved = 0
    for wall in (day + timedelta(minutes=15 * i) for i in range(96)):
        shown = to_wall(to_utc(wall, zone), zone)
        if shown != wall:
            moved += 1
            assert shown - wall == timedelta(hours=1)
            assert "does not exist" in (clock_change_note(wall, zone) or "")
    assert moved == 4  # the hour the clocks skip, in quarter hours


def test_a_wall_time_marked_as_the_second_of_a_repeated_hour_is_that_instant() -> None:
    second = datetime(2027, 11, 7, 1, 30, fold=1)
    assert to_utc(second, NEW_YORK) == datetime(2027, 11, 7, 6, 30, tzinfo=UTC)  # EST
    assert in_zone(second, NEW_YORK).strftime("%H:%M %Z") == "01:30 EST"
    assert to_wall(to_utc(second, NEW_YORK), NEW_YORK).fold == 1
    note = clock_change_note(second, NEW_YORK)
    assert note is not None and "this is the second, 01:30 EST" in note
    # The mark means nothing outside a repeated hour: a gap still moves on by the gap.
    assert to_utc(datetime(2027, 3, 14, 2, 30, fold=1), NEW_YORK) == datetime(
        2027, 3, 14, 7, 30, tzinfo=UTC
    )
    assert to_utc(datetime(2027, 7, 1, 12, 0, fold=1), NEW_YORK) == datetime(
        2027, 7, 1, 16, 0, tzinfo=UTC
    )


def test_no_occurrence_is_found_past_the_end_of_2200() -> None:
    late = datetime(2200, 12, 28, 9)
    assert first_after("FREQ=WEEKLY", late, to_utc(late, LONDON), LONDON) is None
    assert next_walls("FREQ=DAILY", late, late, LONDON, 10)[-1] == datetime(2200, 12, 31, 9)


def test_a_stored_rule_that_cannot_move_on_is_an_error_not_a_hang() -> None:
    from ally.errors import AllyError

    start = datetime(2027, 1, 5, 18)
    with pytest.raises(AllyError, match="INTERVAL"):
        first_after("FREQ=DAILY;INTERVAL=0", start, to_utc(start, LONDON), LONDON)
