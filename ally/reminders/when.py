"""Reading WHEN: "tomorrow 6pm", "in 3 days", "next friday 9am", "2027-01-05 18:00", "sunday".

A few common forms are read here, exactly and without loading a parser:
ISO dates and times, "now", a clock time ("18:00", "6pm"), "today" or
"tomorrow" with a time, weekdays, and "in N minutes/hours". Everything else
goes to dateparser (English only: with every language loaded a failed parse
took over a second), imported only then.

How ambiguities are settled (tests pin each one):

- A date with no time of day gets 09:00 ("sunday", "dec 5", "in 3 days").
- "friday" / "this friday" is the first Friday whose time is still ahead:
  today if it is Friday and the time has not passed, else the coming one.
- "next friday" is the coming Friday, never today; "friday after next" is
  the one a week later. The echo says which date was meant.
- A bare clock time ("6pm") is the next time the clock shows it: today if
  still ahead, else tomorrow.
- A UTC offset in an ISO time ("…T18:00+01:00") names an instant; it is
  converted to the reminder's zone.
- Numeric dates with slashes or dots ("1/2/2027") are refused: they mean
  different days in different countries. Use ISO (2027-02-01) or a month name.
- Times are kept to the minute.

Pure: `now` and the zone are arguments; nothing reads the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from ally.errors import UsageError
from ally.reminders.rules import DAY_NAMES
from ally.reminders.schedule import FIRST_YEAR, LAST_YEAR, checked_year, to_utc, to_wall

DEFAULT_TIME = time(9, 0)
EXAMPLES = '"tomorrow 6pm", "in 3 days", "next friday 9am", "2027-01-05 18:00", "sunday"'

_ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?$"
)
_SLASHED = re.compile(r"\b\d{1,4}[/.]\d{1,2}(?:[/.]\d{1,4})?\b")
_CLOCK = re.compile(r"^(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<half>am|pm|a\.m\.|p\.m\.)?$")
_DAY = r"(?P<day>mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|" + "|".join(DAY_NAMES) + ")"
_MOD = r"(?:(?P<mod>this|next|coming|on)\s+)?"
_AFTER = r"(?P<after>\s+after\s+next)?"
_DAY_FIRST = re.compile(rf"^{_MOD}{_DAY}{_AFTER}(?:\s+(?:at\s+)?(?P<clock>.+))?$")
_CLOCK_FIRST = re.compile(rf"^(?:at\s+)?(?P<clock>.+?)\s+(?:on\s+)?{_MOD}{_DAY}{_AFTER}$")
_RELATIVE_DAY = re.compile(r"^(?P<rel>today|tomorrow)(?:\s+(?:at\s+)?(?P<clock>.+))?$")
_CLOCK_RELATIVE = re.compile(r"^(?:at\s+)?(?P<clock>.+?)\s+(?P<rel>today|tomorrow)$")
_SOON = re.compile(
    r"^in\s+(?P<n>\d+|an?|one)\s+(?P<unit>minute|min|hour|hr)s?$",
)


@dataclass(frozen=True)
class Reading:
    """How a WHEN was understood: a wall time in the zone, and notes for the echo."""

    text: str
    wall: datetime  # naive, on the clock of the zone
    notes: tuple[str, ...] = ()


def read_when(text: str, now: datetime, zone: ZoneInfo) -> Reading:
    """The wall time a WHEN names, seen from `now` in `zone`; UsageError if it names none."""
    words = " ".join(text.lower().split())
    if not words:
        raise UsageError("no time given", hint=f"try {EXAMPLES}")
    if words.startswith("every "):
        raise UsageError(
            f"{text!r} is a repeat, not a time",
            hint="give the first time here and the repeat apart: --at sunday --every sunday",
        )
    if _SLASHED.search(words):
        raise UsageError(
            f"{text!r} is ambiguous: numeric dates with / or . mean different days in "
            "different countries",
            hint="write 2027-02-01 or 1 Feb 2027",
        )
    reading = _read(text, words, now, zone)
    checked_year(reading.wall, repr(text))
    return reading


def _read(text: str, words: str, now: datetime, zone: ZoneInfo) -> Reading:
    today = to_wall(now, zone).replace(second=0, microsecond=0)
    for reader in (_now, _iso, _soon):
        found = reader(words, today, now, zone)
        if found is not None:
            wall, notes = found
            return Reading(text=text, wall=wall.replace(second=0, microsecond=0), notes=notes)
    for reader in (_clock_only, _relative_day, _weekday):
        found = reader(words, today, now, zone)
        if found is not None:
            wall, notes = found
            return Reading(text=text, wall=_on_the_clock(wall, today, zone), notes=notes)
    wall, notes = _free_text(words, today, zone)
    return Reading(text=text, wall=_on_the_clock(wall, today, zone), notes=notes)


def _on_the_clock(wall: datetime, today: datetime, zone: ZoneInfo) -> datetime:
    """A wall time read off the clock: the second of a repeated time if the first has passed."""
    wall = wall.replace(second=0, microsecond=0, fold=0)
    second = wall.replace(fold=1)
    if to_utc(wall, zone) < to_utc(today, zone) <= to_utc(second, zone):
        return second
    return wall


Found = tuple[datetime, tuple[str, ...]] | None


def _now(words: str, today: datetime, now: datetime, zone: ZoneInfo) -> Found:
    return (today, ()) if words in ("now", "right now") else None


def _iso(words: str, today: datetime, now: datetime, zone: ZoneInfo) -> Found:
    if not _ISO.match(words):
        return None
    try:
        parsed = datetime.fromisoformat(words.upper().replace(" ", "T"))
    except ValueError:
        raise UsageError(f"{words!r} is not a real date or time", hint=f"try {EXAMPLES}") from None
    checked_year(parsed, repr(words))
    if parsed.tzinfo is not None:
        wall = to_wall(parsed, zone)
        return wall, (f"{words.upper().replace(' ', 'T')} is {wall:%H:%M} in {zone.key}",)
    if len(words) == len("2027-01-05"):
        return _default_time(parsed)
    return parsed, ()


def _default_time(day: datetime) -> tuple[datetime, tuple[str, ...]]:
    return datetime.combine(day.date(), DEFAULT_TIME), ("no time given, so 09:00",)


def clock_time(words: str) -> time | None:
    """The time of day in "18:00", "6pm", "6:30 pm", "noon", "midnight"; None if not one."""
    if words == "noon":
        return time(12, 0)
    if words == "midnight":
        return time(0, 0)
    match = _CLOCK.match(words)
    if not match or (match["m"] is None and match["half"] is None):
        return None
    hour, minute = int(match["h"]), int(match["m"] or 0)
    if match["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"].startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _clock_only(words: str, today: datetime, now: datetime, zone: ZoneInfo) -> Found:
    clock = clock_time(words.removeprefix("at "))
    if clock is None:
        return None
    wall = datetime.combine(today.date(), clock)
    if to_utc(wall.replace(fold=1), zone) < to_utc(today, zone):
        return wall + timedelta(days=1), (f"{clock:%H:%M} has passed today, so tomorrow",)
    return wall, ()


def _relative_day(words: str, today: datetime, now: datetime, zone: ZoneInfo) -> Found:
    match = _RELATIVE_DAY.match(words) or _CLOCK_RELATIVE.match(words)
    if not match:
        return None
    day = today + timedelta(days=1 if match["rel"] == "tomorrow" else 0)
    if match["clock"] is None:
        return _default_time(day)
    clock = clock_time(match["clock"])
    return None if clock is None else (datetime.combine(day.date(), clock), ())


def _weekday(words: str, today: datetime, now: datetime, zone: ZoneInfo) -> Found:
    match = _DAY_FIRST.match(words) or _CLOCK_FIRST.match(words)
    if not match:
        return None
    clock = DEFAULT_TIME if match["clock"] is None else clock_time(match["clock"])
    if clock is None:
        return None
    target = next(i for i, name in enumerate(DAY_NAMES) if name.startswith(match["day"][:3]))
    name = DAY_NAMES[target].capitalize()
    ahead = (target - today.weekday()) % 7
    notes: list[str] = []
    if match["mod"] == "next":
        ahead = ahead or 7
    elif ahead == 0 and datetime.combine(today.date(), clock) < today:
        ahead = 7
    if match["after"]:
        ahead += 7
    wall = datetime.combine((today + timedelta(days=ahead)).date(), clock)
    if match["mod"] == "next" and not match["after"]:
        notes.append(
            f'"next {match["day"]}" is read as the coming {name}, {wall.day} {wall:%b}; '
            f'for the week after, say "{DAY_NAMES[target]} after next"'
        )
    if match["clock"] is None:
        notes.append("no time given, so 09:00")
    return wall, tuple(notes)


def _soon(words: str, today: datetime, now: datetime, zone: ZoneInfo) -> Found:
    match = _SOON.match(words)
    if not match:
        return None
    n = int(match["n"]) if match["n"].isdigit() else 1
    minutes = n * 60 if match["unit"].startswith("h") else n
    # Counted on the real clock, so "in 2 hours" is two hours even across a clock change.
    try:
        return to_wall(to_utc(today, zone) + timedelta(minutes=minutes), zone), ()
    except OverflowError:
        raise UsageError(
            f"{words!r} is after the year {LAST_YEAR}; ally keeps times from {FIRST_YEAR} "
            f"to {LAST_YEAR}"
        ) from None


def _free_text(words: str, today: datetime, zone: ZoneInfo) -> tuple[datetime, tuple[str, ...]]:
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DATES_FROM": "future",
            "RELATIVE_BASE": today,
            "RETURN_TIME_AS_PERIOD": True,
        },
    )
    data = parser.get_date_data(words)
    if data.date_obj is None:
        raise UsageError(f"cannot read {words!r} as a time", hint=f"try {EXAMPLES}")
    found: datetime = data.date_obj
    if found.tzinfo is not None:
        return to_wall(found, zone), ()
    if data.period in ("time", "part_of_day"):
        return found, ()
    return _default_time(found)
