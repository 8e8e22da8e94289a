"""Planning, done, skip, snooze and edit, on fixed times (no store, no CLI)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from ally.errors import AllyError, UsageError
from ally.reminders.actions import (
    Changes,
    Plan,
    complete,
    plan_new,
    revise,
    skip,
    snooze,
)
from ally.reminders.due import due_item, due_now
from ally.reminders.model import Reminder
from ally.reminders.schedule import to_utc
from ally.reminders.when import read_when

ZONE = "Europe/London"
LONDON = ZoneInfo(ZONE)
NOW = datetime(2026, 11, 25, 21, 50, tzinfo=UTC)  # Wednesday


def plan(
    when: str,
    every: str | None = None,
    *,
    now: datetime = NOW,
    zone: str = ZONE,
    from_done: bool = False,
) -> Plan:
    reading = read_when(when, now, ZoneInfo(zone))
    return plan_new(
        "Check in with Sam",
        reading,
        now=now,
        zone=zone,
        uid="uid-1",
        every=every,
        from_done=from_done,
    )


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_a_weekly_plan_echoes_the_first_and_next_two() -> None:
    p = plan("sunday 6pm", "sunday")
    assert p.reminder.due == datetime(2026, 11, 29, 18)
    assert p.then == (datetime(2026, 12, 6, 18), datetime(2026, 12, 13, 18))
    assert p.reminder.rrule == "FREQ=WEEKLY;BYDAY=SU"
    assert p.reminder.following == at("2026-12-06T18:00")


def test_a_rule_moves_the_start_to_its_first_day() -> None:
    p = plan("tomorrow 6pm", "sunday")  # tomorrow is Thursday
    assert p.reminder.due == datetime(2026, 11, 29, 18)
    assert any("starts Sun 29 Nov 2026 18:00 GMT" in n for n in p.notes)


def test_a_past_one_off_is_refused_saying_how_it_was_read() -> None:
    with pytest.raises(UsageError) as caught:
        plan("yesterday 6pm")
    assert "in the past" in caught.value.message
    assert "Tue 24 Nov 2026 18:00 GMT" in caught.value.message
    assert caught.value.exit_code == 2


def test_now_is_accepted_and_due_at_once() -> None:
    p = plan("now", now=NOW + timedelta(seconds=40))
    assert p.reminder.is_due(NOW + timedelta(seconds=40))


def test_a_past_start_for_a_repeat_keeps_its_rhythm_from_now_on() -> None:
    p = plan("2026-11-01 09:00", "2 weeks")  # a Sunday, fortnightly
    assert p.reminder.start == datetime(2026, 11, 1, 9)
    assert p.reminder.due == datetime(2026, 11, 29, 9)  # 1, 15, 29 Nov
    assert any("has passed" in n for n in p.notes)


def test_a_clock_change_in_the_first_times_is_noted() -> None:
    p = plan("2027-03-07 02:30", "week", zone="America/New_York")
    assert p.then[0] == datetime(2027, 3, 14, 2, 30)
    assert any("does not exist" in n for n in p.notes)


def test_from_done_needs_a_repeat() -> None:
    with pytest.raises(UsageError, match="needs a repeat"):
        plan("tomorrow 6pm", from_done=True)


def test_empty_text_is_refused() -> None:
    with pytest.raises(UsageError):
        plan_new("   ", read_when("tomorrow", NOW, LONDON), now=NOW, zone=ZONE, uid="u")


def stored(p: Plan, rid: int = 1) -> Reminder:
    from dataclasses import replace

    return replace(p.reminder, id=rid)


# Done, early and late, fixed and from-done.


def test_done_early_completes_the_current_occurrence() -> None:
    r = stored(plan("sunday 6pm", "sunday"))
    after = complete(r, at("2026-11-27T10:00"), "went well")  # Friday, before Sunday's
    assert after.due == datetime(2026, 12, 6, 18)
    assert after.history[-1].note == "went well"
    assert after.history[-1].due == datetime(2026, 11, 29, 18)


def test_done_late_on_a_fixed_schedule_moves_past_now_not_just_past_the_due() -> None:
    r = stored(plan("sunday 6pm", "sunday"))
    after = complete(r, at("2026-12-16T12:00"), None)  # missed two Sundays
    assert after.due == datetime(2026, 12, 20, 18)
    assert len(after.history) == 1


def test_done_from_done_counts_from_the_day_it_was_done_at_its_usual_time() -> None:
    r = stored(plan("tomorrow 8am", "3 days", from_done=True))
    assert r.due == datetime(2026, 11, 26, 8)
    early = complete(r, at("2026-11-25T23:00"), None)  # done the evening before
    assert early.due == datetime(2026, 11, 28, 8)
    late = complete(r, at("2026-11-30T19:00"), None)  # done four days late
    assert late.due == datetime(2026, 12, 3, 8)


def test_done_from_done_monthly_follows_the_done_day() -> None:
    r = stored(plan("2027-01-31 09:00", "month", from_done=True))
    after = complete(r, at("2027-02-03T12:00"), None)
    assert after.due == datetime(2027, 3, 3, 9)
    assert after.rrule == "FREQ=MONTHLY;BYMONTHDAY=3"


def test_done_on_a_one_off_finishes_it_and_twice_is_an_error() -> None:
    r = stored(plan("tomorrow 10am"))
    after = complete(r, NOW, None)
    assert (after.status, after.due, after.next_due) == ("done", None, None)
    with pytest.raises(AllyError, match="already done") as caught:
        complete(after, NOW, None)
    assert caught.value.exit_code == 1


def test_skip_moves_a_repeat_on_and_finishes_a_one_off() -> None:
    weekly = skip(stored(plan("sunday 6pm", "sunday")), NOW)
    assert weekly.due == datetime(2026, 12, 6, 18)
    assert weekly.history[-1].kind == "skipped"
    once = skip(stored(plan("tomorrow 10am")), NOW)
    assert once.status == "skipped"


def test_snooze_hides_until_later_and_done_clears_it() -> None:
    r = stored(plan("sunday 6pm", "sunday"))
    sunday = at("2026-11-29T18:30")
    snoozed = snooze(r, read_when("in 2 hours", sunday, LONDON), sunday)
    assert snoozed.next_due_utc == at("2026-11-29T20:30")
    assert not snoozed.is_due(sunday + timedelta(hours=1))
    assert snoozed.is_due(sunday + timedelta(hours=2))
    assert snoozed.due == datetime(2026, 11, 29, 18)  # the schedule is unchanged
    done = complete(snoozed, sunday + timedelta(hours=3), None)
    assert done.snoozed_until is None and done.due == datetime(2026, 12, 6, 18)


def test_snooze_into_the_past_or_before_the_due_time_is_refused() -> None:
    r = stored(plan("sunday 6pm", "sunday"))
    with pytest.raises(UsageError, match="snooze only moves it later"):
        snooze(r, read_when("tomorrow 9am", NOW, LONDON), NOW)
    with pytest.raises(UsageError, match="not in the future"):
        snooze(r, read_when("2026-11-01 10:00", NOW, LONDON), NOW)


# Missed occurrences collapse.


def test_missed_occurrences_collapse_into_one_item_with_a_count() -> None:
    r = stored(plan("tomorrow 9am", "day"))  # daily from Thursday
    sunday = at("2026-11-29T10:00")
    [item] = due_now([r], sunday)
    assert item.missed == 3  # Thu, Fri, Sat
    assert item.since.strftime("%a %H:%M") == "Sun 09:00"


def test_an_on_time_reminder_is_due_without_expanding_its_rule() -> None:
    r = stored(plan("sunday 6pm", "sunday"))
    item = due_item(r, at("2026-11-29T18:05"))
    assert item.missed == 0
    assert item.since == r.next_due


def test_a_future_reminder_is_not_due() -> None:
    assert due_now([stored(plan("sunday 6pm", "sunday"))], NOW) == []


# Edit.


def test_editing_text_leaves_the_schedule_alone_even_when_overdue() -> None:
    r = stored(plan("tomorrow 9am", "day"))
    later = at("2026-12-01T12:00")
    p = revise(r, Changes(text="Call Sam"), later)
    assert p.reminder.text == "Call Sam"
    assert p.reminder.due == r.due


def test_editing_the_rule_keeps_the_current_time() -> None:
    r = stored(plan("sunday 6pm", "sunday"))
    p = revise(r, Changes(every="week"), NOW)
    assert p.reminder.due == datetime(2026, 11, 29, 18)
    assert p.reminder.rrule == "FREQ=WEEKLY"


def test_editing_the_time_of_a_monthly_one_moves_its_day() -> None:
    r = stored(plan("2027-01-31 09:00", "month"))
    p = revise(r, Changes(when=read_when("2027-01-15 10:00", NOW, LONDON)), NOW)
    assert p.reminder.rrule == "FREQ=MONTHLY;BYMONTHDAY=15"
    assert p.reminder.due == datetime(2027, 1, 15, 10)


def test_once_stops_repeating_and_a_new_zone_keeps_the_wall_time() -> None:
    r = stored(plan("sunday 6pm", "sunday"))
    once = revise(r, Changes(once=True), NOW).reminder
    assert once.rrule is None and once.every is None
    moved = revise(r, Changes(zone="America/New_York"), NOW).reminder
    assert moved.due == datetime(2026, 11, 29, 18)
    assert moved.next_due_utc == to_utc(datetime(2026, 11, 29, 23), LONDON)


def test_a_finished_reminder_needs_a_new_time_to_reopen() -> None:
    finished = complete(stored(plan("tomorrow 10am")), NOW, None)
    with pytest.raises(UsageError, match="finished"):
        revise(finished, Changes(every="day"), NOW)
    reopened = revise(finished, Changes(when=read_when("friday 10am", NOW, LONDON)), NOW)
    assert reopened.reminder.status == "open"
    assert len(reopened.reminder.history) == 1


def test_a_repeat_started_now_in_the_second_of_a_repeated_hour_is_due_now() -> None:
    second = datetime(2027, 11, 7, 6, 10, tzinfo=UTC)  # 01:10 EST, after 01:10 EDT
    p = plan("now", "day", now=second, zone="America/New_York")
    assert to_utc(p.reminder.due, ZoneInfo("America/New_York")) == second
    assert p.reminder.following == at("2027-11-08T06:10")


# A repeat that says its own day and time (issue 14).


def plan_every(every: str, when: str | None = None, now: datetime = NOW) -> Plan:
    reading = None if when is None else read_when(when, now, LONDON)
    return plan_new("Text my brother", reading, now=now, zone=ZONE, uid="u", every=every)


def test_a_repeat_with_a_day_and_time_needs_no_at() -> None:
    p = plan_every("sunday evening")
    assert p.reminder.due == datetime(2026, 11, 29, 18)
    assert p.reminder.rrule == "FREQ=WEEKLY;BYDAY=SU" and p.reminder.every == "sunday"
    assert any("evening is read as 18:00" in n for n in p.notes)
    assert not any("starts" in n for n in p.notes)


@pytest.mark.parametrize(
    ("every", "due"),
    [
        ("every weekday morning", datetime(2026, 11, 26, 9)),
        ("every other Friday at 7pm", datetime(2026, 11, 27, 19)),
        ("first Monday of the month", datetime(2026, 12, 7, 9)),
        ("day at 10pm", datetime(2026, 11, 25, 22)),
        ("day at 9pm", datetime(2026, 11, 26, 21)),  # 21:00 today has passed
        ("month on the 1st", datetime(2026, 12, 1, 9)),
        ("3 days", datetime(2026, 11, 26, 9)),
    ],
)
def test_repeats_start_at_their_first_time_from_now(every: str, due: datetime) -> None:
    assert plan_every(every).reminder.due == due


@pytest.mark.parametrize("every", ["week", "2 weeks", "month", "3 months", "year"])
def test_a_repeat_that_does_not_say_which_day_needs_at(every: str) -> None:
    with pytest.raises(UsageError, match="which day"):
        plan_every(every)


def test_the_repeat_gives_the_time_when_at_gives_only_a_day() -> None:
    p = plan_every("sunday evening", "tomorrow")
    assert p.reminder.due == datetime(2026, 11, 29, 18)
    assert "no time given, so 09:00" not in p.notes


def test_two_different_times_are_refused_and_the_same_one_is_fine() -> None:
    with pytest.raises(UsageError, match="give the time once"):
        plan_every("sunday at 6pm", "sunday 7pm")
    assert plan_every("sunday at 6pm", "sunday 6pm").reminder.due == datetime(2026, 11, 29, 18)


def test_editing_to_a_repeat_with_a_time_moves_to_that_time() -> None:
    r = stored(plan("sunday 9am", "sunday"))
    p = revise(r, Changes(every="sunday evening"), NOW)
    assert p.reminder.due == datetime(2026, 11, 29, 18)
