"""What happens to a reminder: planned, done, skipped, snoozed, edited.

Each function takes a reminder (or its parts) and `now`, and returns the new
reminder; the caller stores it. Rules of the game:

- A one-off time in the past is refused, saying how it was read. "now" (and
  anything within the current minute) is accepted: due at once.
- A repeat starts at its first occurrence at or after --at: "--at thursday
  --every sunday" starts on the Sunday. If --at is already past, the rule
  keeps its rhythm from there and the first due is the next one from now.
- A repeat may say its own time of day ("sunday evening"): without --at it
  starts at its first such time from now; with an --at that gives only a day
  the repeat's time is used; two different times are refused. Without --at,
  a repeat must say which day ("week" does not; "sunday", "3 days" and
  "month on the 1st" do).
- Done (early or late) completes the pending occurrence. A fixed schedule
  moves to the first occurrence after both that occurrence and now, so
  missed ones never pile up. A "from done" one counts again from the day
  it was done, at its usual time of day.
- Skip moves on the same way without recording it as done; a one-off that
  is skipped is finished.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from ally.errors import AllyError, UsageError
from ally.reminders import rules
from ally.reminders.model import (
    MAX_ABOUT,
    MAX_NOTE,
    MAX_TEXT,
    Event,
    Reminder,
    checked_string,
    human_time,
)
from ally.reminders.schedule import (
    clock_change_note,
    first_after,
    first_at_or_after,
    first_on_day_after,
    in_zone,
    next_walls,
    to_utc,
    to_wall,
    zone_named,
)
from ally.reminders.when import DEFAULT_TIME, NO_TIME, Reading

# Times shown after the first when a plan is echoed.
ECHOED = 2


@dataclass(frozen=True)
class Plan:
    """A reminder as it will be saved, and what to tell the user about how it was read."""

    reminder: Reminder
    then: tuple[datetime, ...] = ()  # the next occurrences after the first (wall times)
    notes: tuple[str, ...] = ()


def plan_new(
    text: str,
    when: Reading | None,
    *,
    now: datetime,
    zone: str,
    uid: str,
    every: str | None = None,
    about: str | None = None,
    from_done: bool = False,
) -> Plan:
    """A new reminder from the user's words, checked; nothing is saved.

    `when` None: the repeat says when ("every sunday evening").
    """
    tz = zone_named(zone)
    rule = rules.parse_every(every) if every is not None else None
    if from_done and rule is None:
        raise UsageError("--from-done needs a repeat (--every)")
    if when is None:
        if rule is None:
            raise UsageError("no time given", hint='give --at, e.g. --at "tomorrow 6pm"')
        when = first_time_of(rule, now, tz)  # at the repeat's time already
    else:
        when = timed_by(when, rule)
    draft = Reminder(
        uid=uid,
        text=checked_text(text),
        about=checked_about(about),
        zone=tz.key,
        start=when.wall,
        due=when.wall,
        created=now,
        updated=now,
        from_done=from_done,
    )
    return scheduled(draft, rule, when, now)


def first_time_of(rule: rules.Rule, now: datetime, tz: ZoneInfo) -> Reading:
    """Where a repeat given without --at starts looking: its time of day, today or tomorrow."""
    if rule.needs_a_day:
        raise UsageError(
            f"'every {rule.phrase}' does not say which day",
            hint="name the day ('every sunday', 'month on the 1st') or give the first with --at",
        )
    today = to_wall(now, tz).replace(second=0, microsecond=0)
    wall = datetime.combine(today.date(), rule.at or DEFAULT_TIME)
    if to_utc(wall.replace(fold=1), tz) < minute_of(now):
        wall += timedelta(days=1)
    notes = rule.notes if rule.at else (*rule.notes, NO_TIME)
    return Reading(text="", wall=wall, notes=notes, timed=rule.at is not None)


def timed_by(when: Reading, rule: rules.Rule | str | None) -> Reading:
    """The reading with the repeat's time of day, if it gives one; refused if they differ."""
    if not isinstance(rule, rules.Rule) or rule.at is None:
        return when
    if when.timed and when.wall.time() != rule.at:
        raise UsageError(
            f"{when.text!r} says {when.wall:%H:%M} but 'every {rule.phrase}' says "
            f"{rule.at:%H:%M}: give the time once",
            hint="leave the time out of one of them",
        )
    notes = tuple(n for n in when.notes if n != NO_TIME) + rule.notes
    return replace(when, wall=datetime.combine(when.wall.date(), rule.at), notes=notes, timed=True)


def scheduled(
    draft: Reminder, rule: rules.Rule | str | None, when: Reading, not_before: datetime
) -> Plan:
    """The draft with its first due time worked out from a reading of WHEN.

    `rule` is a parsed phrase, or an RRULE kept from an import, or None for
    a one-off. Times before the minute of `not_before` are not due any more.
    """
    tz = draft.tz
    notes = list(when.notes)
    if rule is None:
        if to_utc(when.wall, tz) < minute_of(not_before):
            shown = human_time(in_zone(when.wall, tz))
            raise UsageError(
                f"{when.text!r} is in the past (read as {shown})",
                hint="give a time from now on, or --at now",
            )
        plain = replace(draft, start=when.wall, every=None, rrule=None)
        return Plan(with_due(plain, when.wall), (), tuple(notes) + _clock_notes(when.wall, plain))
    if isinstance(rule, rules.Rule):
        phrase, rrule = rule.phrase, rules.rrule_for(rule, when.wall.date())
    else:
        rrule = rules.reanchor(rule, when.wall.date())
        phrase = draft.every or rules.describe(rrule)
    start = first_on_or_after(rrule, when.wall, tz)
    if start is None:
        raise UsageError(f"the repeat {phrase!r} never happens after {when.text!r}")
    if start.date() != when.wall.date() and when.text:
        notes.append(f"every {phrase} starts {human_time(in_zone(start, tz))}")
    due: datetime | None = start
    if to_utc(start, tz) < minute_of(not_before):
        due = first_at_or_after(rrule, start, minute_of(not_before), tz)
    if due is None:
        raise UsageError(f"the repeat {phrase!r} has no time left after now")
    if due != start:
        notes.append(f"{when.text!r} has passed, so the first is the next one from now")
    planned = with_due(replace(draft, start=start, every=phrase, rrule=rrule), due)
    then = tuple(next_walls(rrule, start, due, tz, ECHOED))
    return Plan(planned, then, tuple(notes) + _clock_notes(due, planned, *then))


def first_on_or_after(rrule: str, wall: datetime, tz: ZoneInfo) -> datetime | None:
    """The rule's first occurrence from a wall time on; the wall itself keeps its instant.

    Occurrences of a rule are the first of a repeated time, but "now" in the
    second 01:10 of a night the clocks go back is the second one: when the
    rule falls on that very wall time, the start is that instant.
    """
    first = first_at_or_after(rrule, wall, to_utc(wall.replace(fold=0), tz), tz)
    return wall if first == wall else first


def _clock_notes(due: datetime, reminder: Reminder, *then: datetime) -> tuple[str, ...]:
    found = (clock_change_note(wall, reminder.tz) for wall in (due, *then))
    return tuple(note for note in found if note)


def minute_of(now: datetime) -> datetime:
    """The start of the current minute: times in it count as now, not as the past."""
    return now.replace(second=0, microsecond=0)


def checked_text(text: str) -> str:
    text = checked_string(text.strip(), "the reminder text", MAX_TEXT)
    if not text:
        raise UsageError("the reminder needs some text, e.g. 'Check in with Sam'")
    return text


def checked_about(about: str | None) -> str | None:
    if about is None:
        return None
    about = checked_string(" ".join(about.split()), "the person it is about", MAX_ABOUT)
    return about or None


def checked_note(note: str | None) -> str | None:
    if note is None:
        return None
    return checked_string(" ".join(note.split()), "the note", MAX_NOTE) or None


def with_due(reminder: Reminder, due: datetime | None) -> Reminder:
    """The reminder waiting on a new occurrence (None: finished), and the one after it."""
    following = None
    if due is not None and reminder.rrule is not None:
        tz = reminder.tz
        after = first_after(reminder.rrule, reminder.start, to_utc(due, tz), tz)
        following = None if after is None else to_utc(after, tz)
    return replace(reminder, due=due, following=following, snoozed_until=None)


def _open(reminder: Reminder) -> datetime:
    if reminder.status != "open" or reminder.due is None:
        raise AllyError(
            f"reminder {reminder.id} is already {reminder.status}",
            hint="see: ally remind list --all",
        )
    return reminder.due


def complete(reminder: Reminder, now: datetime, note: str | None = None) -> Reminder:
    """The reminder after its pending occurrence is done (early, on time or late)."""
    note = checked_note(note)
    due = _open(reminder)
    event = Event(kind="done", at=now, due=due, note=note)
    history = (*reminder.history, event)
    if reminder.rrule is None:
        return replace(with_due(reminder, None), status="done", updated=now, history=history)
    moved = counted_from(reminder, now) if reminder.from_done else _moved_on(reminder, due, now)
    return replace(moved, updated=now, history=history)


def counted_from(reminder: Reminder, now: datetime) -> Reminder:
    """A "from done" reminder re-anchored on the day it was done, at its usual time."""
    assert reminder.rrule is not None
    day = to_wall(now, reminder.tz).date()
    rrule = rules.reanchor(reminder.rrule, day)
    anchor = datetime.combine(day, reminder.start.time())
    nxt = first_on_day_after(rrule, anchor, day)
    if nxt is None:
        return replace(with_due(reminder, None), status="done")
    return with_due(replace(reminder, rrule=rrule, start=nxt), nxt)


def _moved_on(reminder: Reminder, due: datetime, now: datetime) -> Reminder:
    assert reminder.rrule is not None
    tz = reminder.tz
    nxt = first_after(reminder.rrule, reminder.start, max(to_utc(due, tz), now), tz)
    if nxt is None:
        return replace(with_due(reminder, None), status="done")
    return with_due(reminder, nxt)


def skip(reminder: Reminder, now: datetime) -> Reminder:
    """The reminder with its pending occurrence skipped (a one-off is then finished)."""
    due = _open(reminder)
    history = (*reminder.history, Event(kind="skipped", at=now, due=due))
    if reminder.rrule is None:
        return replace(with_due(reminder, None), status="skipped", updated=now, history=history)
    return replace(_moved_on(reminder, due, now), updated=now, history=history)


def snooze(reminder: Reminder, until: Reading, now: datetime) -> Reminder:
    """The reminder hidden until a later time; its schedule does not change."""
    due = _open(reminder)
    tz = reminder.tz
    moment = to_utc(until.wall, tz)
    if moment <= now:
        shown = human_time(in_zone(until.wall, tz))
        raise UsageError(f"{until.text!r} is not in the future (read as {shown})")
    if moment < to_utc(due, tz):
        raise UsageError(
            f"reminder {reminder.id} is not due until {human_time(in_zone(due, tz))}; "
            "snooze only moves it later",
            hint="use edit --at to move it earlier",
        )
    return replace(reminder, snoozed_until=moment, updated=now)


@dataclass(frozen=True)
class Changes:
    """What `ally remind edit` was asked to change; None leaves a field as it is."""

    text: str | None = None
    when: Reading | None = None
    every: str | None = None
    once: bool = False
    about: str | None = None  # "" clears it
    from_done: bool | None = None
    zone: str | None = None


def revise(reminder: Reminder, changes: Changes, now: datetime) -> Plan:
    """The reminder with the changes applied; the schedule is worked out again only if touched."""
    edited = replace(
        reminder,
        text=reminder.text if changes.text is None else checked_text(changes.text),
        about=reminder.about if changes.about is None else checked_about(changes.about),
        from_done=reminder.from_done if changes.from_done is None else changes.from_done,
        zone=reminder.zone if changes.zone is None else zone_named(changes.zone).key,
        updated=now,
    )
    reschedule = changes.when or changes.every is not None or changes.once or changes.zone
    if not reschedule:
        if edited.from_done and edited.rrule is None:
            raise UsageError("--from-done needs a repeat (--every)")
        return Plan(edited)
    if changes.when is None and reminder.due is None:
        raise UsageError(
            f"reminder {reminder.id} is finished", hint="give --at to schedule it again"
        )
    # Without a new --at the current time stays, unless a new repeat gives its own.
    when = changes.when or Reading(
        text="its current time", wall=reminder.due or reminder.start, timed=False
    )
    rule = None if changes.once else _rule_for_edit(reminder, changes)
    when = timed_by(when, rule)
    if edited.from_done and rule is None:
        raise UsageError("--from-done needs a repeat (--every)")
    # Without a new --at the current time stays, even if it has passed.
    not_before = now if changes.when else to_utc(when.wall, edited.tz)
    return scheduled(replace(edited, status="open"), rule, when, not_before)


def _rule_for_edit(reminder: Reminder, changes: Changes) -> rules.Rule | str | None:
    if changes.every is not None:
        return rules.parse_every(changes.every)
    if reminder.rrule is None or reminder.every is None:
        return reminder.rrule
    try:
        return rules.parse_every(reminder.every)
    except UsageError:
        # An imported RRULE the grammar cannot say: kept, re-anchored on the new day.
        return reminder.rrule
