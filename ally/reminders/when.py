"""Reading WHEN: "tomorrow 6pm", "in 3 days", "sunday evening", "at 6", "2027-01-05 18:00".

ally's own small grammar, strict by design: every word must be understood,
or the time is refused, saying which words were not and what the rest
reads as. Nothing is guessed and nothing is skipped, so "tomorrow 25:00"
can never quietly become tomorrow 09:00. (A general date parser did exactly
that, and read "sunday 6" as the 6th of some month.) The words and
phrases accepted are listed in the README.

How ambiguities are settled (tests pin each one, and the echo says which):

- A date with no time of day gets 09:00 ("sunday", "dec 5", "in 3 days").
- A number after a day, or after "at", is an hour, never a day of a month.
  From 1 to 12 it is the first of its two times still ahead ("at 6": the
  next 06:00 or 18:00; "sunday 6": 06:00 that Sunday); 0 and 13-23 are on the
  24-hour clock. Parts of the day settle it: "7 in the evening" is 19:00.
- "morning" is 09:00, "afternoon" 15:00, "evening" 18:00, "night" 20:00.
  "tonight" or "this evening" once that time has passed means later
  tonight: the next full hour.
- "friday" / "this friday" is the first Friday whose time is still ahead:
  today if it is Friday and the time has not passed, else the coming one.
  "next friday" is the coming Friday, never today; "friday after next" is
  the one a week later.
- A bare clock time ("6pm") is the next time the clock shows it. "6:30"
  without am/pm is on the 24-hour clock (06:30), and the echo says so.
- A month and day with no year ("dec 5") is the next one still ahead.
- A UTC offset in an ISO time ("…T18:00+01:00") names an instant; it is
  converted to the reminder's zone (and kept as the second of a repeated
  hour when it is one).
- Numeric dates with slashes or dots ("1/2/2027") are refused: they mean
  different days in different countries. Use ISO (2027-02-01) or a month name.
- Times are kept to the minute, from FIRST_YEAR to LAST_YEAR.

Pure: `now` and the zone are arguments; nothing reads the clock.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ally.errors import UsageError
from ally.reminders.schedule import FIRST_YEAR, LAST_YEAR, checked_year, to_utc, to_wall
from ally.reminders.words import (
    DAY_NAMES,
    NUMBER_WORDS,
    PART_HALF,
    PARTS,
    NotATimeOfDay,
    Token,
    clock_reading,
    joined,
    month,
    normal,
    tokens,
    weekday,
)

DEFAULT_TIME = time(9, 0)
NO_TIME = "no time given, so 09:00"
EXAMPLES = '"tomorrow 6pm", "friday at 7pm", "sunday evening", "in 3 days", "2027-01-05 18:00"'

_ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?$"
)
_MINUTES = {
    "minute": 1,
    "minutes": 1,
    "min": 1,
    "mins": 1,
    "hour": 60,
    "hours": 60,
    "hr": 60,
    "hrs": 60,
}
_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "fortnight": 14, "fortnights": 14}
_MONTHS = {"month": 1, "months": 1, "year": 12, "years": 12}
_RELATIVE = {"today": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}
# Every word the grammar knows: a phrase with any other word is not a time at all.
VOCABULARY = frozenset(
    {
        *_MINUTES,
        *_DAYS,
        *_MONTHS,
        *_RELATIVE,
        *NUMBER_WORDS,
        *PARTS,
        *DAY_NAMES,
        "now",
        "right",
        "in",
        "a",
        "an",
        "and",
        "half",
        "tonight",
        "the",
        "after",
        "next",
        "this",
        "coming",
        "on",
        "at",
        "of",
        "o'clock",
        "oclock",
        "noon",
        "midday",
        "midnight",
        "am",
        "pm",
        "weekend",
    }
)


@dataclass(frozen=True)
class Reading:
    """How a WHEN was understood: a wall time in the zone, and notes for the echo."""

    text: str
    wall: datetime  # naive, on the clock of the zone (fold=1: the second of a repeated hour)
    notes: tuple[str, ...] = ()
    timed: bool = True  # False when no time of day was given (09:00 was used)


def read_when(text: str, now: datetime, zone: ZoneInfo) -> Reading:
    """The wall time a WHEN names, seen from `now` in `zone`; UsageError if it names none."""
    words = normal(text)
    if not words:
        raise UsageError("no time given", hint=f"e.g. {EXAMPLES}")
    if words.startswith("every "):
        raise UsageError(
            f"{text!r} is a repeat, not a time",
            hint="give the repeat with --every: --every sunday (and the first time, if "
            "you like, with --at)",
        )
    today = to_wall(now, zone).replace(second=0, microsecond=0)
    if _ISO.match(words):
        reading = _iso(text, words, zone)
    else:
        reading = _phrase_reading(text, tokens(words), today, zone)
    checked_year(reading.wall, repr(text))
    return reading


def clock_time(words: str) -> time | None:
    """The time of day in "18:00", "6pm", "6:30 pm", "noon", "midnight"; None if not one."""
    words = normal(words)
    if words in ("noon", "midday"):
        return time(12, 0)
    if words == "midnight":
        return time(0, 0)
    found = tokens(words)
    if len(found) != 1 or found[0].kind != "clock":
        return None
    try:
        return clock_reading(found[0].text)[0]
    except NotATimeOfDay:
        return None


def time_of_day(found: list[Token]) -> tuple[time, tuple[str, ...]] | None:
    """The time of day tokens give and nothing else ("at 7pm", "evening", "7 in the morning").

    For repeats: None if the tokens are not just a time of day; UsageError if
    they are one that cannot be (25:00) or is not exact ("at 6": 06:00 or
    18:00 every time?).
    """
    try:
        phrase = parse_phrase(found)
    except NotUnderstood:
        return None
    if phrase.day or phrase.weekday or phrase.minutes is not None or phrase.now:
        return None
    if phrase.this_part or (phrase.clock is None and phrase.part is None):
        return None
    notes: list[str] = []
    times, _ = _times(phrase, notes)
    if len(times) == 2:
        assert phrase.clock is not None
        hour = phrase.clock.hour or 12
        raise UsageError(
            f"in a repeat, {phrase.clock.words!r} could be {times[0]:%H:%M} or "
            f"{times[1]:%H:%M}: say {hour}am or {hour}pm"
        )
    return times[0], tuple(notes)


# ISO 8601


def _iso(text: str, words: str, zone: ZoneInfo) -> Reading:
    iso = words.upper().replace(" ", "T")
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        raise UsageError(f"{text!r} is not a real date or time", hint=f"e.g. {EXAMPLES}") from None
    checked_year(parsed, repr(text))
    if parsed.tzinfo is not None:
        wall = to_wall(parsed, zone).replace(second=0, microsecond=0)
        return Reading(text, wall, (f"{iso} is {wall:%H:%M} in {zone.key}",))
    if "T" not in iso:
        return Reading(text, datetime.combine(parsed.date(), DEFAULT_TIME), (NO_TIME,), False)
    return Reading(text, parsed.replace(second=0, microsecond=0))


# The grammar: words to a Phrase (what they say), then a Phrase to a wall time.


@dataclass(frozen=True)
class Day:
    """A day as the words give it."""

    kind: str  # relative, months, weekday, date, monthday
    n: int = 0  # days or months ahead, or the weekday (Monday=0)
    mod: str | None = None  # "next" for weekdays
    after_next: bool = False
    month: int = 0
    day: int = 0
    year: int | None = None
    words: str = ""


@dataclass(frozen=True)
class Clock:
    """A time of day as the words give it: exact, or a bare hour ("at 6")."""

    hour: int
    minute: int = 0
    bare: bool = False  # a bare hour from 1 to 12: which half of the day is not said
    words: str = ""
    twelve: bool = False  # written with am/pm


@dataclass
class Phrase:
    now: bool = False
    minutes: int | None = None  # "in 2 hours": counted on the real clock
    day: Day | None = None
    weekday: Day | None = None  # a weekday given beside a date: "saturday 5 dec"
    clock: Clock | None = None
    part: str | None = None
    this_part: bool = False  # "tonight", "this evening": today, later tonight if under way
    midnight: bool = False
    loose_number: int | None = None  # index of a number read as an hour without "at"


class NotUnderstood(UsageError):
    """Words that are not a time as a whole; `at` is the first token not understood."""

    def __init__(self, at: int) -> None:
        super().__init__("not understood")
        self.at = at


def _phrase_reading(text: str, found: list[Token], today: datetime, zone: ZoneInfo) -> Reading:
    try:
        phrase = parse_phrase(found)
    except NotUnderstood as exc:
        raise _not_understood(text, found, exc.at, today, zone) from None
    return resolve(text, phrase, today, zone)


def parse_phrase(found: list[Token]) -> Phrase:
    """What the tokens say; NotUnderstood at the first token that fits nowhere.

    UsageError (not NotUnderstood) for words that are a time but an impossible
    one: "25pm", "30 feb", two days.
    """
    parser = _Parser(found)
    return parser.parse()


class _Parser:
    def __init__(self, found: list[Token]) -> None:
        self.toks = found
        self.i = 0
        self.phrase = Phrase()

    def parse(self) -> Phrase:
        steps: list[Callable[[], bool]] = [self._now, self._in, self._day, self._time]
        while self.i < len(self.toks):
            token = self.toks[self.i]
            if token.kind == "slashed":
                raise UsageError(
                    f"{token.text!r} is ambiguous: numeric dates with / or . mean different "
                    "days in different countries",
                    hint="write 2027-02-01 or 1 Feb 2027",
                )
            if not any(step() for step in steps):
                raise NotUnderstood(self.i)
        p = self.phrase
        if p.loose_number is not None and p.day is None and p.part is None:
            raise NotUnderstood(p.loose_number)
        if p.now and (p.day or p.clock or p.part or p.minutes is not None):
            raise NotUnderstood(0)
        if p.minutes is not None and (p.day or p.clock or p.part):
            raise UsageError(
                "give either a time from now ('in 2 hours') or a day and time, not both"
            )
        return p

    # Looking at tokens

    def word(self, k: int = 0) -> str | None:
        at = self.i + k
        if at < len(self.toks) and self.toks[at].kind == "word":
            return self.toks[at].text
        return None

    def token(self, k: int = 0) -> Token | None:
        at = self.i + k
        return self.toks[at] if at < len(self.toks) else None

    def take(self, *words: str) -> bool:
        if all(self.word(k) == w for k, w in enumerate(words)):
            self.i += len(words)
            return True
        return False

    def words_since(self, start: int) -> str:
        return joined(self.toks[start : self.i])

    # Phrases

    def _now(self) -> bool:
        if self.take("right", "now") or self.take("now"):
            self.phrase.now = True
            return True
        return False

    def _in(self) -> bool:
        if self.word() != "in":
            return False
        if self.word(1) == "the" and self.word(2) in PARTS:
            self.phrase = _with_part(self.phrase, str(self.word(2)))
            self.i += 3
            return True
        start = self.i
        self.i += 1
        amount = self._duration(start)
        if amount is None:
            self.i = start
            return False
        minutes, days, months = amount
        words = self.words_since(start)
        if minutes is not None:
            _once(self.phrase.minutes, words)
            self.phrase.minutes = minutes
        else:
            day = (
                Day("months", n=months, words=words)
                if months
                else Day("relative", days, words=words)
            )
            self._set_day(day)
        return True

    def _duration(self, start: int) -> tuple[int | None, int, int] | None:
        """Minutes (on the clock), or calendar days and months, of "2 hours and 15 minutes"."""
        pieces: list[tuple[float, str]] = []
        while True:
            piece = self._piece()
            if piece is None:
                return None
            pieces.append(piece)
            if self.take("and", "a", "half"):
                pieces[-1] = (pieces[-1][0] + 0.5, pieces[-1][1])
            if not (self.word() == "and" and self._piece_after_and()):
                break
            self.i += 1
        return _amounts(pieces, self.words_since(start))

    def _piece_after_and(self) -> bool:
        start = self.i
        self.i += 1
        ok = self._piece() is not None
        self.i = start
        return ok

    def _piece(self) -> tuple[float, str] | None:
        start = self.i
        token = self.token()
        amount: float | None = None
        if token is None:
            return None
        if self.take("half", "an") or self.take("half", "a"):
            amount = 0.5
        elif token.kind == "decimal":
            amount = float(token.text)
            self.i += 1
        elif token.text in ("a", "an"):
            amount = 1
            self.i += 1
        elif token.number is not None and token.kind in ("number", "word"):
            amount = token.number
            self.i += 1
        elif token.kind == "number":
            amount = float("inf")  # more digits than any time ally keeps
            self.i += 1
        unit = self.word()
        if amount is None or unit not in (*_MINUTES, *_DAYS, *_MONTHS):
            self.i = start
            return None
        self.i += 1
        return amount, unit

    def _day(self) -> bool:
        start = self.i
        self.take("on")
        found = self._relative() or self._weekday() or self._date()
        if found is None:
            self.i = start
            return False
        self._set_day(replace(found, words=self.words_since(start)))
        return True

    def _relative(self) -> Day | None:
        word = self.word()
        if word in _RELATIVE:
            self.i += 1
            return Day("relative", _RELATIVE[word])
        if word == "tonight":
            self.i += 1
            self.phrase = _with_part(self.phrase, "night", this=True)
            return Day("relative", 0)
        if self.take("the", "day", "after", "tomorrow") or self.take("day", "after", "tomorrow"):
            return Day("relative", 2)
        if word in ("this", "next") and self.word(1) in ("week", "month", "year", "weekend"):
            raise UsageError(
                f"'{word} {self.word(1)}' does not say which day",
                hint="name the day: 'next monday', 'saturday', 'in a week', 'dec 5'",
            )
        if word == "weekend":
            raise UsageError("'weekend' does not say which day", hint="say 'saturday' or 'sunday'")
        return None

    def _weekday(self) -> Day | None:
        start = self.i
        mod = None
        if self.take("this", "coming"):
            mod = "this"
        elif self.word() in ("this", "next", "coming"):
            mod = self.word()
            self.i += 1
        found = weekday(self.word() or "")
        if found is None:
            self.i = start
            return None
        self.i += 1
        after = self.take("after", "next")
        return Day("weekday", found, mod="next" if mod == "next" else None, after_next=after)

    def _date(self) -> Day | None:
        start = self.i
        token = self.token()
        if token is not None and token.kind == "isodate":
            self.i += 1
            try:
                day = date.fromisoformat(token.text)
            except ValueError:
                raise UsageError(f"{token.text!r} is not a real date") from None
            return Day("date", month=day.month, day=day.day, year=day.year)
        self.take("the")
        found = self._month_first() or self._day_first()
        if found is None:
            self.i = start
        return found

    def _month_first(self) -> Day | None:
        start = self.i
        number = month(self.word() or "")
        if number is None:
            return None
        self.i += 1
        self.take("the")
        day = self._day_number()
        if day is None:
            self.i = start
            return None
        return Day("date", month=number, day=day, year=self._year())

    def _day_first(self) -> Day | None:
        start = self.i
        token = self.token()
        day = self._day_number()
        if day is None:
            return None
        self.take("of")
        number = month(self.word() or "")
        if number is None:
            if token is not None and token.kind == "ordinal":
                return Day("monthday", day=day)  # "the 5th"
            self.i = start
            return None
        self.i += 1
        return Day("date", month=number, day=day, year=self._year())

    def _day_number(self) -> int | None:
        token = self.token()
        if token is None or token.kind not in ("number", "ordinal") or len(token.text) > 4:
            return None
        value = token.number
        if value is None or not 1 <= value <= 31:
            return None
        self.i += 1
        return value

    def _year(self) -> int | None:
        token = self.token()
        if token is not None and token.kind == "number" and len(token.text) == 4:
            self.i += 1
            return int(token.text)
        return None

    def _time(self) -> bool:
        start = self.i
        at = self.take("at")
        token = self.token()
        if token is None:
            self.i = start
            return False
        word = token.text if token.kind == "word" else None
        if token.kind == "clock":
            self.i += 1
            self._set_clock(_exact(token.text), start)
            return True
        if word in ("noon", "midday"):
            self.i += 1
            self._set_clock(Clock(12, 0, words=word), start)
            return True
        if word == "midnight":
            self.i += 1
            self._set_clock(Clock(0, 0, words=word), start)
            self.phrase.midnight = True
            return True
        if word == "night" and at:
            self.i += 1
            self.phrase = _with_part(self.phrase, "night")
            return True
        if not at and (word in PARTS or (word == "this" and self.word(1) in PARTS)):
            this = self.take("this")
            self.phrase = _with_part(self.phrase, str(self.word()), this=this)
            self.i += 1
            return True
        if token.kind in ("number", "word") and token.number is not None:
            return self._bare_hour(token, start, at)
        self.i = start
        return False

    def _bare_hour(self, token: Token, start: int, at: bool) -> bool:
        value = token.number
        assert value is not None
        self.i += 1
        if value == 12 and self.word() in ("noon", "midday", "midnight"):
            return self._time()  # "12 noon": the word says which
        half = self.word() if self.word() in ("am", "pm") else None
        oclock = self.word() in ("o'clock", "oclock")
        if half or oclock:
            self.i += 1
        if not (at or oclock or half):
            # "sunday 6", "6 in the evening": an hour only beside a day or a part of the day.
            if self.phrase.day is None and self.phrase.part is None and self.token() is None:
                self.i = start
                return False
            self.phrase.loose_number = start
        words = self.words_since(start)
        if half:
            clock = _exact(f"{value}{half}", words)
        elif (token.kind == "number" and len(token.text) > 2) or value > 23:
            raise _impossible(words)
        elif value == 0 or value > 12:
            clock = Clock(value, 0, words=words)
        else:
            clock = Clock(value % 12, 0, bare=True, words=words)
        self._set_clock(clock, start)
        return True

    # Slots, each filled once

    def _set_day(self, day: Day) -> None:
        p = self.phrase
        if day.kind == "weekday" and p.day is not None and p.day.kind in ("date", "monthday"):
            _once(p.weekday, day.words)
            p.weekday = day
            return
        if p.day is not None and p.day.kind == "weekday" and day.kind in ("date", "monthday"):
            _once(p.weekday, day.words)
            p.weekday, p.day = p.day, day
            return
        if p.day is not None:
            raise UsageError(f"names two days: {p.day.words!r} and {day.words!r}")
        p.day = day

    def _set_clock(self, clock: Clock, start: int) -> None:
        if self.phrase.clock is not None:
            raise UsageError(f"names two times: {self.phrase.clock.words!r} and {clock.words!r}")
        self.phrase.clock = replace(clock, words=clock.words or self.words_since(start))


def _once(slot: object, words: str) -> None:
    if slot is not None:
        raise UsageError(f"gives {words!r} as well as another time")


def _with_part(phrase: Phrase, part: str, *, this: bool = False) -> Phrase:
    if phrase.part is not None and phrase.part != part:
        raise UsageError(f"names two parts of the day: {phrase.part!r} and {part!r}")
    phrase.part = part
    phrase.this_part = phrase.this_part or this
    return phrase


def _exact(text: str, words: str = "") -> Clock:
    try:
        shown, twelve = clock_reading(text)
    except NotATimeOfDay:
        raise _impossible(words or text) from None
    return Clock(shown.hour, shown.minute, words=words or text, twelve=twelve)


def _impossible(words: str) -> UsageError:
    return UsageError(
        f"{words!r} is not a time of day",
        hint="use 0:00-23:59 or 1-12 with am/pm, e.g. 18:30 or 6:30pm",
    )


def _amounts(pieces: list[tuple[float, str]], words: str) -> tuple[int | None, int, int]:
    """Minutes on the clock, or calendar days and months; too far past LAST_YEAR is refused."""
    years = LAST_YEAR - FIRST_YEAR + 1
    if any(unit in _MINUTES for _, unit in pieces):
        if any(unit in _MONTHS for _, unit in pieces):
            raise UsageError(f"{words!r} mixes months with hours: give one or the other")
        total = sum(n * (_MINUTES.get(unit) or _DAYS[unit] * 24 * 60) for n, unit in pieces)
        if total > years * 366 * 24 * 60:
            raise _too_far(words)
        if total != int(total):
            raise UsageError(f"{words!r} is not a whole number of minutes")
        return int(total), 0, 0
    if any(n != int(n) for n, _ in pieces if n != float("inf")):
        raise UsageError(f"{words!r} is not a whole number of days", hint="give hours instead")
    days = sum(n * _DAYS[unit] for n, unit in pieces if unit in _DAYS)
    months = sum(n * _MONTHS[unit] for n, unit in pieces if unit in _MONTHS)
    if days > years * 366 or months > years * 12:
        raise _too_far(words)
    if days and months:
        raise UsageError(f"{words!r} mixes months with days: give one or the other")
    return None, int(days), int(months)


def _too_far(words: str) -> UsageError:
    return UsageError(
        f"{words!r} is after the year {LAST_YEAR}; ally keeps times from {FIRST_YEAR} "
        f"to {LAST_YEAR}"
    )


# From a Phrase to a wall time


def resolve(text: str, phrase: Phrase, today: datetime, zone: ZoneInfo) -> Reading:
    """The wall time a phrase names, seen from `today` (the current wall minute)."""
    if phrase.now:
        return Reading(text, today)
    if phrase.minutes is not None:
        try:
            # Counted on the real clock: "in 2 hours" is two hours even across a clock change.
            wall = to_wall(to_utc(today, zone) + timedelta(minutes=phrase.minutes), zone)
        except OverflowError:
            raise _too_far(text) from None
        return Reading(text, wall)
    notes: list[str] = []
    times, timed = _times(phrase, notes)
    ahead = _ahead_test(today, zone)
    if phrase.day is None and phrase.part is not None and phrase.clock is None:
        wall = _part_alone(text, phrase, today, ahead, notes)
    elif phrase.day is None:
        wall = _first_ahead([today.date(), today.date() + timedelta(days=1)], times, ahead)
        if wall.date() != today.date() and len(times) == 1 and not phrase.midnight:
            notes.insert(0, f"{times[0]:%H:%M} has passed today, so tomorrow")
    elif phrase.day.kind == "weekday":
        wall = _on_weekday(phrase.day, times, today, ahead, notes)
    else:
        wall = _on_day(_fixed_day(phrase.day, times, today, ahead, notes), times, ahead)
        if phrase.this_part and wall.date() == today.date() and not ahead(wall):
            wall = _later_tonight(text, phrase, today, ahead, notes) or wall
    if phrase.weekday is not None and wall.weekday() != phrase.weekday.n:
        raise UsageError(
            f"{wall.day} {wall:%b %Y} is a {DAY_NAMES[wall.weekday()].capitalize()}, "
            f"not a {DAY_NAMES[phrase.weekday.n].capitalize()}",
            hint="give the day or the date, or both as they are",
        )
    if phrase.midnight and phrase.part == "night":
        wall += timedelta(days=1)  # "midnight tonight": the end of tonight
    elif phrase.midnight and phrase.day is not None:
        notes.append(f"midnight is read as 00:00 at the start of {wall:%a} {wall.day} {wall:%b}")
    if len(times) == 2 and phrase.clock is not None:
        notes.append(_bare_hour_note(phrase.clock, wall))
    if not timed:
        notes.append(NO_TIME)
    return Reading(text, _on_the_clock(wall, today, zone), tuple(notes), timed)


Ahead = Callable[[datetime], bool]


def _ahead_test(today: datetime, zone: ZoneInfo) -> Ahead:
    now = to_utc(today, zone)

    def ahead(wall: datetime) -> bool:
        # The second of a repeated hour counts too: 01:50 during the second 01:10.
        return to_utc(wall.replace(fold=1), zone) >= now

    return ahead


def _on_the_clock(wall: datetime, today: datetime, zone: ZoneInfo) -> datetime:
    """A wall time read off the clock: the second of a repeated time if the first has passed."""
    wall = wall.replace(second=0, microsecond=0, fold=0)
    second = wall.replace(fold=1)
    if to_utc(wall, zone) < to_utc(today, zone) <= to_utc(second, zone):
        return second
    return wall


def _times(phrase: Phrase, notes: list[str]) -> tuple[list[time], bool]:
    """The times of day the words allow, earliest first (two for a bare hour), and if timed."""
    clock, part = phrase.clock, phrase.part
    if clock is None:
        if part is None:
            return [DEFAULT_TIME], False
        default = PARTS[part][0]
        notes.append(_part_note(part, default))
        return [default], True
    if part is not None and not phrase.midnight:
        return [_in_part(clock, part)], True
    if clock.bare:
        return [time(clock.hour), time(clock.hour + 12)], True
    if not clock.twelve and re.match(r"^\d:\d\d$", clock.words.removeprefix("at ")):
        shown = time(clock.hour, clock.minute)
        later = time((clock.hour + 12) % 24, clock.minute)
        notes.append(
            f"{clock.words.removeprefix('at ')} is read on the 24-hour clock, {shown:%H:%M}; "
            f"say {clock.hour}:{clock.minute:02d}pm for {later:%H:%M}"
        )
    return [time(clock.hour, clock.minute)], True


def _part_note(part: str, default: time) -> str:
    return f"{part} is read as {default:%H:%M}"


def _in_part(clock: Clock, part: str) -> time:
    hours = PARTS[part][1]
    hour = clock.hour
    if clock.bare:
        hour = hour + 12 if PART_HALF[part] == "pm" and hour < 12 else hour
        if part == "night" and hour not in hours:
            raise UsageError(
                f"{clock.words!r} at night is not clear",
                hint="say 3am (and the day it falls on) or 9pm",
            )
    if hour not in hours:
        raise UsageError(
            f"{time(hour, clock.minute):%H:%M} is not in the {part}",
            hint=f"give the time alone, or a {part} time",
        )
    return time(hour, clock.minute)


def _bare_hour_note(clock: Clock, wall: datetime) -> str:
    hour = wall.hour % 12 or 12
    other = f"{hour}pm" if wall.hour < 12 else f"{hour}am"
    return (
        f"{clock.words!r} is read as {wall:%H:%M}, the first {hour} o'clock from now; "
        f"say {other} for the other"
    )


def _first_ahead(days: list[date], times: list[time], ahead: Ahead) -> datetime:
    """The first of the times on the first of the days still ahead; else the last of them."""
    walls = [datetime.combine(day, t) for day in days for t in times]
    return next((wall for wall in walls if ahead(wall)), walls[-1])


def _on_day(day: date, times: list[time], ahead: Ahead) -> datetime:
    return _first_ahead([day], times, ahead)


def _on_weekday(
    day: Day, times: list[time], today: datetime, ahead: Ahead, notes: list[str]
) -> datetime:
    name = DAY_NAMES[day.n]
    days_ahead = (day.n - today.weekday()) % 7
    if day.mod == "next":
        days_ahead = days_ahead or 7
    first = today.date() + timedelta(days=days_ahead)
    if days_ahead == 0 and not any(ahead(datetime.combine(first, t)) for t in times):
        first += timedelta(days=7)
    if day.after_next:
        first += timedelta(days=7)
    wall = _on_day(first, times, ahead)
    if day.mod == "next" and not day.after_next:
        notes.insert(
            0,
            f'"next {name}" is read as the coming {name.capitalize()}, {wall.day} {wall:%b}; '
            f'for the week after, say "{name} after next"',
        )
    return wall


def _fixed_day(
    day: Day, times: list[time], today: datetime, ahead: Ahead, notes: list[str]
) -> date:
    start = today.date()
    if day.kind == "relative":
        return start + timedelta(days=day.n)
    if day.kind == "months":
        return _months_later(start, day.n, day.words, notes)
    if day.kind == "monthday":
        return _next_month_day(day.day, times, today, ahead)
    if day.year is not None:
        return _real_date(day.year, day.month, day.day)
    for year in range(start.year, start.year + 9):
        if day.day > calendar.monthrange(year, day.month)[1]:
            continue
        found = date(year, day.month, day.day)
        if any(ahead(datetime.combine(found, t)) for t in times):
            if year != start.year:
                notes.append(f"{found.day} {found:%b} has passed this year, so {found:%Y}")
            return found
    _real_date(start.year, day.month, day.day)  # raises: the day never exists
    raise AssertionError("unreachable")


def _real_date(year: int, month_number: int, day: int) -> date:
    if year < FIRST_YEAR or year > LAST_YEAR:
        raise UsageError(
            f"the year {year} is outside the years ally keeps, {FIRST_YEAR} to {LAST_YEAR}"
        )
    try:
        return date(year, month_number, day)
    except ValueError:
        shown = f"{day} {calendar.month_abbr[month_number]}"
        raise UsageError(
            f"{shown} {year} is not a date", hint="check the day of the month"
        ) from None


def _months_later(start: date, months: int, words: str, notes: list[str]) -> date:
    index = start.month - 1 + months
    year, month_number = start.year + index // 12, index % 12 + 1
    if year > LAST_YEAR:
        raise _too_far(words)
    last = calendar.monthrange(year, month_number)[1]
    if start.day > last:
        notes.append(f"{calendar.month_abbr[month_number]} has no {start.day}th, so the {last}th")
    return date(year, month_number, min(start.day, last))


def _next_month_day(day: int, times: list[time], today: datetime, ahead: Ahead) -> date:
    year, month_number = today.year, today.month
    for _ in range(13):
        if day <= calendar.monthrange(year, month_number)[1]:
            found = date(year, month_number, day)
            if any(ahead(datetime.combine(found, t)) for t in times):
                return found
        year, month_number = (year + 1, 1) if month_number == 12 else (year, month_number + 1)
    raise AssertionError("unreachable: every day up to the 31st comes within a year")


def _part_alone(
    text: str, phrase: Phrase, today: datetime, ahead: Ahead, notes: list[str]
) -> datetime:
    """ "evening", "this evening", "tonight": today, later tonight, or (alone) tomorrow."""
    assert phrase.part is not None
    wall = datetime.combine(today.date(), PARTS[phrase.part][0])
    if ahead(wall):
        return wall
    later = _later_tonight(text, phrase, today, ahead, notes)
    if later is not None:
        return later
    if phrase.this_part:
        raise UsageError(
            f"{text!r} has passed (it is {today:%H:%M})",
            hint=f"say 'tomorrow {phrase.part}' or give a time",
        )
    notes.append(f"today's {phrase.part} has passed, so tomorrow")
    return wall + timedelta(days=1)


def _later_tonight(
    text: str, phrase: Phrase, today: datetime, ahead: Ahead, notes: list[str]
) -> datetime | None:
    """The next full hour while the part of the day is still under way; None once it is over."""
    assert phrase.part is not None
    hours = PARTS[phrase.part][1]
    if phrase.clock is not None or today.hour not in hours:
        return None
    later = today.replace(minute=0) + timedelta(hours=1)
    if later.hour not in hours and not (later.hour == 0 and hours.stop == 24):
        return None
    default = _part_note(phrase.part, PARTS[phrase.part][0])
    if default in notes:
        notes.remove(default)
    notes.append(
        f"{text!r} is already under way ({today:%H:%M}), so later tonight: the next full hour, "
        f"{later:%H:%M}"
        if phrase.part in ("evening", "night")
        else f"{text!r} is already under way ({today:%H:%M}), so the next full hour, {later:%H:%M}"
    )
    return later


# A reminder in one line: "Text my brother every Sunday evening"


@dataclass(frozen=True)
class Split:
    """A line cut into what the reminder says and the words that say when."""

    text: str  # what the reminder will say
    words: str  # the words read as its time, as written
    at: str | None  # the time part ("tomorrow at 9am"), if any
    every: str | None  # the repeat part ("every sunday evening"), if any


_EDGE = " ,;:.!?-\u2013\u2014"


def split_line(line: str) -> Split | None:
    """The time and repeat at the end (or the start) of a reminder's text; None if none.

    The longest run of whole words that reads as a time, a repeat, or a time
    then a repeat ("at 8am every day") is taken, and at least one word is
    left to say. A number at the start of the run stays with the text
    ("Watch episode 3 tonight"); "at 3" makes it the time. Words that are a
    time but an impossible one ("tomorrow 25:00") are refused, not skipped.
    """
    words = line.split()
    for start in range(1, len(words)):
        found = _schedule(words[start:], words[:start])
        if found is not None:
            return found
    for end in range(len(words) - 1, 0, -1):
        found = _schedule(words[:end], words[end:])
        if found is not None:
            return found
    return None


def _schedule(said: list[str], rest: list[str]) -> Split | None:
    text = " ".join(rest).strip(_EDGE)
    phrase = " ".join(said).strip(_EDGE)
    body = phrase[4:] if phrase.lower().startswith("for ") else phrase
    if not text or not body:
        return None
    found = tokens(normal(body))
    texts = [t.text for t in found]
    every = None
    if "every" in texts:
        if _is_repeat(body):
            return Split(text, phrase, None, body)
        cut = texts.index("every")
        every = joined(found[cut:])
        if cut == 0 or not _is_repeat(every):
            return None
        found = found[:cut]
    if not all(_known(t) for t in found) or _starts_with_a_loose_number(found):
        return None
    try:
        parse_phrase(found)
    except NotUnderstood:
        return None
    return Split(text, phrase, joined(found), every)


def _starts_with_a_loose_number(found: list[Token]) -> bool:
    """A number first, without am/pm or o'clock: "episode 3 tonight" keeps its 3."""
    if not found or found[0].kind not in ("number", "word") or found[0].number is None:
        return False
    after = found[1].text if len(found) > 1 else None
    return after not in ("am", "pm", "o'clock", "oclock")


def _is_repeat(words: str) -> bool:
    from ally.reminders.rules import UnknownRule, parse_every

    try:
        parse_every(words)
    except UnknownRule:
        return False
    return True


# When the words are not a time as a whole


def _not_understood(
    text: str, found: list[Token], at: int, today: datetime, zone: ZoneInfo
) -> UsageError:
    """The refusal: which words were not understood, and what the words before them read as."""
    unread = joined(found[at:])
    said = f"cannot read {text!r} as a time: {unread!r} is not understood"
    if len(found) == 1 and found[0].kind == "number":
        said += " (a number alone could be a day or an hour)"
    understood = _understood(found[:at], today, zone)
    if understood:
        said += f"; {understood}"
    return UsageError(said, hint=f"e.g. {EXAMPLES}")


def _understood(found: list[Token], today: datetime, zone: ZoneInfo) -> str | None:
    for end in range(len(found), 0, -1):
        part = found[:end]
        try:
            reading = resolve(joined(part), parse_phrase(part), today, zone)
        except UsageError:
            continue
        wall = reading.wall
        return f"{joined(part)!r} reads as {wall:%a} {wall.day} {wall:%b %Y %H:%M}"
    return None


def _known(token: Token) -> bool:
    if token.kind == "word":
        return (
            token.text in VOCABULARY
            or weekday(token.text) is not None
            or month(token.text) is not None
        )
    return token.kind != "other"
