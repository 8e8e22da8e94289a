"""The repeat grammar: plain phrases in, RFC 5545 RRULEs out."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ally.errors import UsageError
from ally.reminders.rules import (
    checked_rrule,
    describe,
    parse_every,
    reanchor,
    rrule_for,
)

SUNDAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("phrase", "normal", "rrule"),
    [
        ("day", "day", "FREQ=DAILY"),
        ("daily", "day", "FREQ=DAILY"),
        ("every day", "day", "FREQ=DAILY"),
        ("3 days", "3 days", "FREQ=DAILY;INTERVAL=3"),
        ("Every Three Days", "3 days", "FREQ=DAILY;INTERVAL=3"),
        ("week", "week", "FREQ=WEEKLY"),
        ("2 weeks", "2 weeks", "FREQ=WEEKLY;INTERVAL=2"),
        ("every other week", "2 weeks", "FREQ=WEEKLY;INTERVAL=2"),
        ("fortnightly", "2 weeks", "FREQ=WEEKLY;INTERVAL=2"),
        ("weekday", "weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("weekdays", "weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("weekend", "weekend", "FREQ=WEEKLY;BYDAY=SA,SU"),
        ("sunday", "sunday", "FREQ=WEEKLY;BYDAY=SU"),
        ("Sundays", "sunday", "FREQ=WEEKLY;BYDAY=SU"),
        ("sun", "sunday", "FREQ=WEEKLY;BYDAY=SU"),
        ("thu and mon", "monday and thursday", "FREQ=WEEKLY;BYDAY=MO,TH"),
        ("tue, fri", "tuesday and friday", "FREQ=WEEKLY;BYDAY=TU,FR"),
        ("other sunday", "2 weeks on sunday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU"),
        ("2 weeks on sunday", "2 weeks on sunday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU"),
        ("month", "month", "FREQ=MONTHLY;BYMONTHDAY=22"),
        ("monthly", "month", "FREQ=MONTHLY;BYMONTHDAY=22"),
        ("3 months", "3 months", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=22"),
        ("year", "year", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=22"),
        ("annually", "year", "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=22"),
    ],
)
def test_phrases_become_rrules(phrase: str, normal: str, rrule: str) -> None:
    rule = parse_every(phrase)
    assert rule.phrase == normal
    assert rrule_for(rule, SUNDAY) == rrule
    # The normal phrase reads back as the same rule.
    assert parse_every(normal) == rule


@pytest.mark.parametrize("phrase", ["hour", "every 2 hours", "30 minutes"])
def test_more_often_than_daily_is_refused_with_a_reason(phrase: str) -> None:
    with pytest.raises(UsageError, match="at most once a day"):
        parse_every(phrase)


@pytest.mark.parametrize(
    "phrase", ["", "sometimes", "funday", "0 days", "1000 days", "mon and someday", "every"]
)
def test_unknown_rules_are_usage_errors(phrase: str) -> None:
    with pytest.raises(UsageError):
        parse_every(phrase)


def test_month_ends_keep_their_day_or_the_last() -> None:
    rule = parse_every("month")
    assert rrule_for(rule, date(2027, 1, 28)) == "FREQ=MONTHLY;BYMONTHDAY=28"
    assert rrule_for(rule, date(2027, 1, 29)) == "FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=-1"
    assert rrule_for(rule, date(2027, 1, 31)) == ("FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1")
    assert rrule_for(parse_every("year"), date(2028, 2, 29)) == (
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1"
    )


def test_reanchor_moves_month_days_and_leaves_weekdays() -> None:
    monthly = "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"
    assert reanchor(monthly, date(2027, 3, 3)) == "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=3"
    assert reanchor("FREQ=WEEKLY;BYDAY=SU", date(2027, 3, 3)) == "FREQ=WEEKLY;BYDAY=SU"
    odd = "FREQ=MONTHLY;BYDAY=-1FR"
    assert reanchor(odd, date(2027, 3, 3)) == odd


def test_describe_says_what_the_grammar_can_say() -> None:
    assert describe("FREQ=WEEKLY;BYDAY=SU") == "sunday"
    assert describe("FREQ=DAILY;INTERVAL=3") == "3 days"
    assert describe("FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1") == "month"
    assert describe("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1") == "year"
    assert describe("FREQ=MONTHLY;BYDAY=-1FR") == "last friday of the month"
    assert describe("FREQ=MONTHLY;BYDAY=2MO,-1FR") == "FREQ=MONTHLY;BYDAY=2MO,-1FR"


def test_imported_rrules_are_checked_and_normalised() -> None:
    assert checked_rrule("RRULE:byday=SU;freq=weekly") == "FREQ=WEEKLY;BYDAY=SU"
    assert checked_rrule("FREQ=MONTHLY;BYDAY=-1FR") == "FREQ=MONTHLY;BYDAY=-1FR"
    for bad in ("FREQ=HOURLY", "FREQ=WEEKLY;BYHOUR=9", "nonsense", "FREQ=WEEKLY;BYDAY=XX"):
        with pytest.raises(UsageError):
            checked_rrule(bad)


@given(
    n=st.integers(min_value=1, max_value=999),
    unit=st.sampled_from(["day", "week", "month", "year"]),
    every=st.booleans(),
    upper=st.booleans(),
)
def test_any_count_of_units_parses(n: int, unit: str, every: bool, upper: bool) -> None:
    phrase = f"{'every ' if every else ''}{n} {unit}{'s' if n > 1 else ''}"
    rule = parse_every(phrase.upper() if upper else phrase)
    assert rule.interval == n
    assert rule.phrase == (unit if n == 1 else f"{n} {unit}s")


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("", "empty"),
        ("  ", "empty"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL"),
        ("FREQ=DAILY;INTERVAL=-1", "INTERVAL"),
        ("FREQ=DAILY;INTERVAL=two", "INTERVAL"),
        ("FREQ=DAILY;INTERVAL=1000", "INTERVAL"),
        ("FREQ=DAILY;INTERVAL=99999999999999999999999", "INTERVAL"),
        ("FREQ=SECONDLY", "daily, weekly, monthly or yearly"),
        ("FREQ=FORTNIGHTLY", "daily, weekly, monthly or yearly"),
        ("INTERVAL=2", "daily, weekly, monthly or yearly"),
        ("FREQ=DAILY;COUNT=0", "COUNT"),
        ("FREQ=DAILY;COUNT=-3", "COUNT"),
        ("FREQ=WEEKLY;FREQ=DAILY", "twice"),
        ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY"),
        ("FREQ=YEARLY;BYMONTH=13", "BYMONTH"),
        ("FREQ=MONTHLY;BYDAY=MOO,TU", "BYDAY"),
        ("FREQ=MONTHLY;BYDAY=60MO", "BYDAY"),
        ("FREQ=WEEKLY;WKST=XX", "WKST"),
        ("FREQ=DAILY;UNTIL=tomorrow", "not valid"),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "never happens"),
        ("FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=31,-31", "never happens"),
        ("FREQ=WEEKLY;BYDAY=SU;X-NAME=1", "X-NAME"),
    ],
)
def test_rules_from_outside_that_ally_cannot_keep_are_refused(bad: str, reason: str) -> None:
    with pytest.raises(UsageError, match=reason):
        checked_rrule(bad)


@given(
    freq=st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "MINUTELY", "X"]),
    interval=st.integers(min_value=-5, max_value=1005),
    count=st.one_of(st.none(), st.integers(min_value=-2, max_value=50)),
)
def test_an_accepted_rule_always_moves_on(freq: str, interval: int, count: int | None) -> None:
    text = f"FREQ={freq};INTERVAL={interval}" + ("" if count is None else f";COUNT={count}")
    try:
        normal = checked_rrule(text)
    except UsageError:
        return
    parts = dict(part.split("=") for part in normal.split(";"))
    assert parts["FREQ"] in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
    assert 1 <= int(parts.get("INTERVAL", "1")) <= 999
    assert int(parts.get("COUNT", "1")) >= 1


# Day-and-time phrases, the same as --at takes (issue 14).


@pytest.mark.parametrize(
    ("phrase", "normal", "rrule", "at"),
    [
        ("sunday evening", "sunday", "FREQ=WEEKLY;BYDAY=SU", "18:00"),
        ("every Sunday evening", "sunday", "FREQ=WEEKLY;BYDAY=SU", "18:00"),
        ("every weekday morning", "weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "09:00"),
        (
            "every other Friday at 7pm",
            "2 weeks on friday",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
            "19:00",
        ),
        ("day at 8am", "day", "FREQ=DAILY", "08:00"),
        ("every evening", "day", "FREQ=DAILY", "18:00"),
        ("every night at 10pm", "day", "FREQ=DAILY", "22:00"),
        ("every morning at 7", "day", "FREQ=DAILY", "07:00"),
        ("mon and thu at 18:30", "monday and thursday", "FREQ=WEEKLY;BYDAY=MO,TH", "18:30"),
        ("sundays 6pm", "sunday", "FREQ=WEEKLY;BYDAY=SU", "18:00"),
        ("2 weeks", "2 weeks", "FREQ=WEEKLY;INTERVAL=2", None),
        ("first Monday of the month", "first monday of the month", "FREQ=MONTHLY;BYDAY=1MO", None),
        (
            "every 1st monday of every month at 9am",
            "first monday of the month",
            "FREQ=MONTHLY;BYDAY=1MO",
            "09:00",
        ),
        ("last friday of the month", "last friday of the month", "FREQ=MONTHLY;BYDAY=-1FR", None),
        (
            "third wednesday of each month",
            "third wednesday of the month",
            "FREQ=MONTHLY;BYDAY=3WE",
            None,
        ),
        ("month on the 15th", "month on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15", None),
        ("the 1st of every month", "month on the 1st", "FREQ=MONTHLY;BYMONTHDAY=1", None),
        (
            "every 3 months on the 31st",
            "3 months on the 31st",
            "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
            None,
        ),
    ],
)
def test_repeats_take_days_and_times_of_day(
    phrase: str, normal: str, rrule: str, at: str | None
) -> None:
    rule = parse_every(phrase)
    assert rule.phrase == normal
    assert rrule_for(rule, SUNDAY) == rrule
    assert (rule.at.strftime("%H:%M") if rule.at else None) == at
    # What is stored reads back as the same days.
    again = parse_every(rule.phrase)
    assert rrule_for(again, SUNDAY) == rrule
    if rule.nth is not None:
        assert describe(rrule) == normal


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("-1 weeks", "unknown repeat rule"),
        ("0 days", "1 to 999"),
        ("-2 days", "unknown repeat rule"),
        ("every sunday at 6", "6am or 6pm"),
        ("every sunday 25:00", "is not a time of day"),
        ("every second friday", "other friday"),
        ("every 2nd friday", "other friday"),
        ("sunday evening at 9am", "not in the evening"),
        ("fifth monday of the month", "unknown repeat rule"),
        ("month on the 32nd", "unknown repeat rule"),
    ],
)
def test_repeats_that_cannot_be_read_exactly_are_refused(phrase: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_every(phrase)


@st.composite
def repeat_phrases(draw: st.DrawFn) -> tuple[str, int | None]:
    body = draw(
        st.sampled_from(
            [
                "day",
                "3 days",
                "week",
                "other week",
                "weekday",
                "weekend",
                "sunday",
                "sundays",
                "mon and thu",
                "other friday",
                "2 weeks on tue",
                "first monday of the month",
                "last fri of every month",
                "second sat of each month",
                "month on the 31st",
                "the 15th of every month",
                "month",
                "year",
                "",
            ]
        )
    )
    hour = draw(st.integers(min_value=0, max_value=30))
    time_words = draw(
        st.sampled_from(["", f"at {hour}pm", f"{hour}am", f"at {hour}:15", "evening", "morning"])
    )
    every = draw(st.sampled_from(["", "every ", "Every "]))
    expected = None
    if "pm" in time_words:
        expected = hour % 12 + 12
    elif "am" in time_words:
        expected = hour % 12
    elif ":" in time_words:
        expected = hour
    return f"{every}{body} {time_words}".strip(), expected


@settings(max_examples=300, deadline=None)
@given(phrase=repeat_phrases(), start=st.dates(min_value=date(2026, 1, 1)))
def test_any_accepted_repeat_is_a_rule_ally_keeps_and_reads_back(
    phrase: tuple[str, int | None], start: date
) -> None:
    text, hour = phrase
    try:
        rule = parse_every(text)
    except UsageError as exc:
        assert exc.message
        return
    rrule = rrule_for(rule, start)
    assert checked_rrule(rrule) == rrule
    assert rrule_for(parse_every(rule.phrase), start) == rrule
    if hour is not None:
        assert rule.at is not None and rule.at.hour == hour
