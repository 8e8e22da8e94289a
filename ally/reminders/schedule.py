"""When things happen: wall times in a zone, and the occurrences of a rule.

A reminder's times are kept as *wall* times (naive datetimes read on the
clock in its IANA zone) plus the zone, never as a fixed offset, so a weekly
18:00 stays 18:00 across clock changes. Rules are expanded on naive wall
times and each occurrence is turned into an instant only at the end.

Clock-change days are resolved one way, everywhere:

- a wall time that does not exist (spring forward, e.g. 02:30 on
  2027-03-14 in New York) is moved forward by the gap: 03:30 EDT;
- a wall time that happens twice (fall back, 01:30 on 2027-11-07) is the
  first of the two: 01:30 EDT, before the clocks go back, unless it carries
  PEP 495 `fold=1`. Only times that name an instant get that mark: "now"
  or "in 20 minutes" during the second 01:10, or an explicit offset
  ("01:30-05:00"). Repeats always use the first.

Times are kept from FIRST_YEAR to LAST_YEAR, far from where date
arithmetic overflows (years 1 and 9999): a rule's occurrences end with
LAST_YEAR. Every rule is checked before it is expanded (rules.rrule_problem),
so none can stand still (INTERVAL=0) or name only days that never come (30
February); dateutil itself stops searching at the year 9999.

Pure: no clock, no environment. dateutil is imported only when a rule is
actually expanded, so listing reminders never pays for it.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ally.errors import AllyError, UsageError

if TYPE_CHECKING:
    from dateutil.rrule import rrule, rruleset

# Occurrences counted at most when working out how often a reminder was missed.
MISSED_CAP = 999
# Wall clocks differ from UTC by less than a day, so starting the search a day
# early never misses an occurrence.
SLACK = timedelta(days=1)
FIRST_YEAR = 1900
LAST_YEAR = 2200
# The last wall time any rule yields (the end of LAST_YEAR).
HORIZON = datetime(LAST_YEAR, 12, 31, 23, 59)


def checked_year(moment: datetime, what: str) -> datetime:
    """The time itself, or UsageError if it falls outside the years ally keeps."""
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise UsageError(
            f"{what} is in the year {moment.year}; ally keeps times from {FIRST_YEAR} "
            f"to {LAST_YEAR}"
        )
    return moment


def zone_named(name: str) -> ZoneInfo:
    """The IANA zone with this name ("Europe/London"), or UsageError."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise UsageError(
            f"unknown time zone {name!r}", hint="use an IANA name such as Europe/London"
        ) from None


def to_utc(wall: datetime, zone: ZoneInfo) -> datetime:
    """The instant a wall time names in a zone (gap → forward by the gap; twice → the first,
    or the second if the wall carries fold=1)."""
    return wall.replace(tzinfo=zone, fold=1 if is_second(wall, zone) else 0).astimezone(UTC)


def is_second(wall: datetime, zone: ZoneInfo) -> bool:
    """Whether a wall time is marked as the second of a time that happens twice."""
    if not wall.fold:
        return False
    first = wall.replace(tzinfo=zone, fold=0).utcoffset()
    second = wall.replace(tzinfo=zone, fold=1).utcoffset()
    # Clocks going back make the first offset the larger; in a gap it is the other way.
    return first is not None and second is not None and first > second


def to_wall(instant: datetime, zone: ZoneInfo) -> datetime:
    """The wall time (naive) an instant shows on the clock in a zone."""
    return instant.astimezone(zone).replace(tzinfo=None)


def in_zone(wall: datetime, zone: ZoneInfo) -> datetime:
    """The instant of a wall time, as an aware datetime in that zone (for display and JSON)."""
    return to_utc(wall, zone).astimezone(zone)


def clock_change_note(wall: datetime, zone: ZoneInfo) -> str | None:
    """Why a wall time is unusual on its day (skipped or repeated by a clock change), if it is."""
    when = f"{wall:%H:%M} on {wall:%a} {wall.day} {wall:%b %Y}"
    shown = to_wall(to_utc(wall, zone), zone)
    if shown != wall:
        return f"{when} does not exist (clocks go forward), so it is due at {shown:%H:%M}"
    first = wall.replace(tzinfo=zone, fold=0).utcoffset()
    second = wall.replace(tzinfo=zone, fold=1).utcoffset()
    if first != second:
        which = "the second" if is_second(wall, zone) else "the first"
        name = in_zone(wall, zone).tzname()
        return f"{when} happens twice (clocks go back); this is {which}, {wall:%H:%M} {name}"
    return None


def expand(rule: str, start: datetime) -> rrule | rruleset:
    """The dateutil rule for an RFC 5545 RRULE anchored at a wall time, ending by HORIZON.

    A stored rule is checked again here: one that could not move on (INTERVAL=0,
    say, from an older import) would make dateutil loop for ever.
    """
    from dateutil.rrule import rrule as single_rule
    from dateutil.rrule import rrulestr

    from ally.reminders.rules import rrule_problem  # not on the start-up path of list and due

    problem = rrule_problem(rule)
    if problem is not None:
        raise AllyError(
            f"a reminder's repeat rule {rule!r} cannot be used: {problem}",
            hint="give it a new one with: ally remind edit ID --every RULE",
        )
    found = rrulestr(rule, dtstart=start)
    if not isinstance(found, single_rule):
        return found
    until = getattr(found, "_until", None)
    with warnings.catch_warnings():
        # dateutil frowns on COUNT with UNTIL; here UNTIL is only a bound on the search.
        warnings.simplefilter("ignore", DeprecationWarning)
        return found.replace(until=min(until, HORIZON) if until else HORIZON)


def walls_from(rule: str, start: datetime, after: datetime) -> Iterator[datetime]:
    """Wall-time occurrences of a rule at or after a wall time, in order."""
    yield from expand(rule, start).xafter(max(after, start), inc=True)


def first_at_or_after(
    rule: str, start: datetime, instant: datetime, zone: ZoneInfo
) -> datetime | None:
    """The first occurrence (wall time) whose instant is at or after `instant`; None if none."""
    for wall in walls_from(rule, start, to_wall(instant, zone) - SLACK):
        if to_utc(wall, zone) >= instant:
            return wall
    return None


def first_after(rule: str, start: datetime, instant: datetime, zone: ZoneInfo) -> datetime | None:
    """The first occurrence (wall time) strictly later than `instant`; None if the rule ended."""
    for wall in walls_from(rule, start, to_wall(instant, zone) - SLACK):
        if to_utc(wall, zone) > instant:
            return wall
    return None


def first_on_day_after(rule: str, start: datetime, day: date) -> datetime | None:
    """The first occurrence on a later day than `day`: "3 days after I last did it"."""
    for wall in walls_from(rule, start, datetime.combine(day + timedelta(days=1), time(0))):
        return wall
    return None


def next_walls(
    rule: str, start: datetime, after: datetime, zone: ZoneInfo, count: int
) -> list[datetime]:
    """Up to `count` occurrences strictly after the occurrence `after` (for echoing a plan)."""
    found: list[datetime] = []
    instant = to_utc(after, zone)
    while len(found) < count:
        wall = first_after(rule, start, instant, zone)
        if wall is None:
            break
        found.append(wall)
        instant = to_utc(wall, zone)
    return found


def latest_passed(
    rule: str, start: datetime, due: datetime, now: datetime, zone: ZoneInfo
) -> tuple[int, datetime]:
    """How many occurrences from `due` on have passed by `now` but the last, and that last one.

    This is how missed occurrences collapse into one line: a daily reminder
    last due four days ago has been missed 3 times and is due again today.
    """
    missed = -1
    latest = due
    for wall in walls_from(rule, start, due):
        if to_utc(wall, zone) > now or missed >= MISSED_CAP:
            break
        missed += 1
        latest = wall
    return max(missed, 0), latest
