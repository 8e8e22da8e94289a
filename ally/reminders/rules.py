"""Repeat rules: a small plain-English grammar turned into RFC 5545 RRULEs.

Rules have their own deterministic grammar. An optional leading "every" is
ignored; case and extra spaces do not matter:

    day, daily, 3 days                 FREQ=DAILY[;INTERVAL=3]
    week, weekly, 2 weeks, other week, fortnight
                                       FREQ=WEEKLY[;INTERVAL=2] (the weekday of the start)
    weekday / weekdays, weekend        FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR / SA,SU
    sunday, sundays, sun, mon and thu  FREQ=WEEKLY;BYDAY=SU / MO,TH
    other sunday, 2 weeks on monday    FREQ=WEEKLY;INTERVAL=2;BYDAY=…
    first monday of the month          FREQ=MONTHLY;BYDAY=1MO (first to fourth, or last)
    month on the 15th, the 1st of every month
                                       FREQ=MONTHLY;BYMONTHDAY=15
    month, monthly, 3 months           FREQ=MONTHLY;BYMONTHDAY=… (the start's day; see below)
    year, yearly, annually             FREQ=YEARLY;BYMONTH=…;BYMONTHDAY=…

Any of them may end with a time of day, read as `when` reads one: "sunday
evening", "weekday morning", "other friday at 7pm", "day at 8am"; alone,
"every evening" is daily. The time goes to the reminder's start, not into
the RRULE. A bare hour is refused in a repeat ("every sunday at 6": 06:00
or 18:00?), and so is "every second friday" (every other Friday, or the
second Friday of the month?).

Month ends: a monthly rule started on the 29th, 30th or 31st falls on that
day, or on the month's last day when the month is shorter, and returns to
the 31st when it can. RFC 5545 alone would skip short months, and "add one
month" code drifts to the 28th for good; `BYMONTHDAY=28,29,30,31;BYSETPOS=-1`
("the last of those days that exist") says exactly what we mean, and every
calendar that reads RRULEs understands it. The 29th of February works the
same way for yearly rules (the 28th in other years).

Pure: no clock, no environment, no dateutil (except to validate an RRULE
that came from outside).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from ally.errors import UsageError
from ally.reminders.words import DAY_CODES as DAYS
from ally.reminders.words import DAY_NAMES, NUMBER_WORDS, ORDINAL_WORDS, Token, normal, tokens

WORKING_DAYS = DAYS[:5]
WEEKEND = DAYS[5:]
NUMBERS = {**NUMBER_WORDS, "other": 2}
FREQ_OF_UNIT = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}
UNIT_OF_FREQ = {freq: unit for unit, freq in FREQ_OF_UNIT.items()}
ALIASES = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "yearly": "year",
    "annually": "year",
    "fortnightly": "2 weeks",
    "fortnight": "2 weeks",
    "other week": "2 weeks",
    "weekdays": "weekday",
    "weekends": "weekend",
}
MAX_INTERVAL = 999
# RRULE parts a reminder may carry: its time of day always comes from its start.
RRULE_KEYS = (
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYMONTH",
    "BYWEEKNO",
    "BYYEARDAY",
    "BYMONTHDAY",
    "BYDAY",
    "BYSETPOS",
    "WKST",
)
EXAMPLES = (
    "day, weekday morning, sunday evening, mon and thu at 6pm, other friday at 7pm, "
    "2 weeks, first monday of the month, month on the 15th, year"
)
ORDINAL_NAMES = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}

_COUNT = rf"(?:(?P<n>\d+|{'|'.join(NUMBERS)})\s+)?"
_UNIT = re.compile(rf"^{_COUNT}(?P<unit>day|week|month|year)s?$")
_ON_DAYS = re.compile(rf"^{_COUNT}(?:weeks?\s+on\s+)?(?P<days>[a-z ,&/]+)$")
_ORDINAL = r"(?P<nth>first|second|third|fourth|last|1st|2nd|3rd|4th)"
_DAY_WORD = r"(?P<day>[a-z]+)"
_OF_MONTH = r"\s+of\s+(?:the|every|each)\s+month"
_NTH = re.compile(rf"^(?:the\s+)?{_ORDINAL}\s+{_DAY_WORD}(?P<of>{_OF_MONTH})?$")
_MONTH_ON = re.compile(rf"^{_COUNT}months?\s+on\s+the\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)$")
_DAY_OF_MONTH = re.compile(rf"^(?:the\s+)?(?P<md>\d{{1,2}})(?:st|nd|rd|th){_OF_MONTH}$")
_TOO_OFTEN = re.compile(r"\b(?:hour|hr|minute|min|sec)s?\b|\bseconds\b|^second$")
# The only words a time of day at the end of a repeat may have (besides numbers and clocks).
_TIME_WORDS = frozenset(
    {"at", "in", "the", "morning", "afternoon", "evening", "night", "noon", "midday"}
    | {"midnight", "o'clock", "oclock", "am", "pm", *NUMBER_WORDS}
)


class UnknownRule(UsageError):
    """Words that are not a repeat at all (as against one that cannot be, like "0 days")."""


@dataclass(frozen=True)
class Rule:
    """A parsed repeat rule: how often, on which days, and at what time of day if it says.

    `weekdays` empty means the start's weekday; `nth` (with one weekday)
    means that weekday of each month, 1 to 4 or -1 for the last; `month_day`
    a day of each month; `at` the time of day the phrase gave.
    """

    phrase: str
    freq: str
    interval: int = 1
    weekdays: tuple[str, ...] = ()
    nth: int | None = None
    month_day: int | None = None
    at: time | None = None
    notes: tuple[str, ...] = ()

    @property
    def needs_a_day(self) -> bool:
        """Whether the phrase leaves the day to the start ("week", "month", "year")."""
        if self.freq == "WEEKLY":
            return not self.weekdays
        if self.freq == "MONTHLY":
            return self.nth is None and self.month_day is None
        return self.freq == "YEARLY"


def parse_every(text: str) -> Rule:
    """The rule a phrase like "sunday", "2 weeks" or "every weekday morning" names."""
    found = tokens(normal(text))
    for word in ("on", "every"):
        if found and found[0].text == word:
            found = found[1:]
    body, at, notes = _split_time(found, text)
    words = ALIASES.get(body, body)
    if _TOO_OFTEN.search(words):
        raise UsageError(
            f"cannot repeat {text!r}: ally repeats reminders at most once a day",
            hint=f"try one of: {EXAMPLES}",
        )
    if not words and at is not None:
        words = "day"  # "every evening"
    rule = (
        _unit_rule(words)
        or _weekday_rule(words)
        or _nth_rule(words, text)
        or _month_day_rule(words, text)
    )
    if rule is None:
        _refuse_a_bare_hour(found)
        raise UnknownRule(f"unknown repeat rule {text!r}", hint=f"try one of: {EXAMPLES}")
    return Rule(
        rule.phrase, rule.freq, rule.interval, rule.weekdays, rule.nth, rule.month_day, at, notes
    )


def _split_time(found: list[Token], text: str) -> tuple[str, time | None, tuple[str, ...]]:
    """The days part of a phrase, and the time of day at its end ("at 7pm", "evening")."""
    from ally.reminders.when import time_of_day

    for start in range(len(found)):
        if not all(_time_word(t) for t in found[start:]):
            continue
        said = time_of_day(found[start:])
        if said is not None:
            return " ".join(t.text for t in found[:start]), said[0], said[1]
    return " ".join(t.text for t in found), None, ()


def _time_word(token: Token) -> bool:
    return token.kind in ("clock", "number") or token.text in _TIME_WORDS


def _refuse_a_bare_hour(found: list[Token]) -> None:
    """ "every sunday 6": a rule and a bare hour, which a repeat cannot settle."""
    from ally.reminders.when import time_of_day

    last = found[-1] if len(found) > 1 else None
    if last is None or last.kind != "number" or last.number not in range(1, 13):
        return
    body = " ".join(t.text for t in found[:-1])
    body = ALIASES.get(body, body)
    if _unit_rule(body) or _weekday_rule(body):
        time_of_day([Token("word", "at"), last])


def _interval(word: str | None, text: str) -> int | None:
    if word is None:
        return 1
    n = int(word) if word.isdigit() else NUMBERS.get(word)
    if n is None:
        return None
    if not 1 <= n <= MAX_INTERVAL:
        raise UsageError(f"cannot repeat every {text!r}: use a number from 1 to {MAX_INTERVAL}")
    return n


def _unit_rule(words: str) -> Rule | None:
    match = _UNIT.match(words)
    if not match:
        return None
    n = _interval(match["n"], words)
    if n is None:
        return None
    unit = match["unit"]
    return Rule(phrase=unit if n == 1 else f"{n} {unit}s", freq=FREQ_OF_UNIT[unit], interval=n)


def _weekday_rule(words: str) -> Rule | None:
    match = _ON_DAYS.match(words)
    if not match:
        return None
    n = _interval(match["n"], words)
    days = _weekdays(match["days"])
    if n is None or not days:
        return None
    return Rule(phrase=_days_phrase(days, n), freq="WEEKLY", interval=n, weekdays=days)


def _nth_rule(words: str, text: str) -> Rule | None:
    """ "first monday of the month", "last friday of every month", "every first monday"."""
    match = _NTH.match(words)
    if not match:
        return None
    day = _day_code(match["day"])
    if day is None:
        return None
    nth = ORDINAL_WORDS.get(match["nth"]) or int(match["nth"][0])
    if not match["of"] and nth not in (1, -1):
        # "every second friday": every other one, or the second of the month?
        name = DAY_NAMES[DAYS.index(day)]
        raise UsageError(
            f"{text!r} could mean every other {name} or the {ORDINAL_NAMES[nth]} {name} "
            "of the month",
            hint=f"say 'every other {name}' or '{ORDINAL_NAMES[nth]} {name} of the month'",
        )
    name = DAY_NAMES[DAYS.index(day)]
    return Rule(
        phrase=f"{ORDINAL_NAMES[nth]} {name} of the month",
        freq="MONTHLY",
        weekdays=(day,),
        nth=nth,
    )


def _month_day_rule(words: str, text: str) -> Rule | None:
    """ "month on the 15th", "3 months on the 1st", "the 1st of every month"."""
    match = _MONTH_ON.match(words) or _DAY_OF_MONTH.match(words)
    if not match:
        return None
    day = int(match["md"])
    if not 1 <= day <= 31:
        return None
    n = _interval(match.groupdict().get("n"), words)
    if n is None:
        return None
    unit = "month" if n == 1 else f"{n} months"
    return Rule(phrase=f"{unit} on the {_ordinal(day)}", freq="MONTHLY", interval=n, month_day=day)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _weekdays(text: str) -> tuple[str, ...]:
    """BYDAY codes, in week order, for "mon and thu", "weekday" or "sundays"; () if not days."""
    found: set[str] = set()
    for word in re.split(r"[\s,&/]+|\band\b", text):
        if not word:
            continue
        if word in ("weekday", "weekdays"):
            found.update(WORKING_DAYS)
            continue
        if word in ("weekend", "weekends"):
            found.update(WEEKEND)
            continue
        day = _day_code(word.removesuffix("s") if len(word) > 3 else word)
        if day is None:
            return ()
        found.add(day)
    return tuple(d for d in DAYS if d in found)


def _day_code(word: str) -> str | None:
    for code, name in zip(DAYS, DAY_NAMES, strict=True):
        if len(word) >= 3 and name.startswith(word):
            return code
    return None


def _days_phrase(days: tuple[str, ...], interval: int) -> str:
    if days == WORKING_DAYS:
        names = "weekday"
    elif days == WEEKEND:
        names = "weekend"
    else:
        names = " and ".join(DAY_NAMES[DAYS.index(d)] for d in days)
    return names if interval == 1 else f"{interval} weeks on {names}"


def rrule_for(rule: Rule, start: date) -> str:
    """The RFC 5545 RRULE (without the "RRULE:" prefix) for a rule starting on a day."""
    parts = [f"FREQ={rule.freq}"]
    if rule.interval > 1:
        parts.append(f"INTERVAL={rule.interval}")
    if rule.nth is not None:
        parts.append(f"BYDAY={rule.nth}{rule.weekdays[0]}")
    elif rule.weekdays:
        parts.append(f"BYDAY={','.join(rule.weekdays)}")
    if rule.freq == "MONTHLY" and rule.nth is None:
        parts.extend(_month_day(rule.month_day or start.day))
    if rule.freq == "YEARLY":
        parts.append(f"BYMONTH={start.month}")
        parts.extend(_month_day(start.day) if start.month == 2 else [f"BYMONTHDAY={start.day}"])
    return ";".join(parts)


def _month_day(day: int) -> list[str]:
    """The day-of-month parts: the day itself, or "that day or the month's last" past the 28th."""
    if day <= 28:
        return [f"BYMONTHDAY={day}"]
    return [f"BYMONTHDAY={','.join(str(d) for d in range(28, day + 1))}", "BYSETPOS=-1"]


def rrule_parts(rrule: str) -> dict[str, str]:
    """The KEY=VALUE parts of an RRULE, keys upper-cased, "RRULE:" prefix dropped."""
    body = rrule.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:") :]
    if not body.strip():
        raise UsageError("the RRULE is empty", hint="leave it out for a one-off reminder")
    parts: dict[str, str] = {}
    for item in body.split(";"):
        key, sep, value = item.partition("=")
        key = key.strip().upper()
        if not sep or not key or not value.strip():
            raise UsageError(f"not an RRULE: {rrule!r}")
        if key in parts:
            raise UsageError(f"RRULE {rrule!r} gives {key} twice")
        parts[key] = value.strip().upper()
    return parts


def join_parts(parts: dict[str, str]) -> str:
    return ";".join(f"{key}={value}" for key, value in parts.items())


def reanchor(rrule: str, start: date) -> str:
    """The same rule with its day of the month (and month) taken from a new start.

    Used when a "from done" reminder counts again from the day it was done: a
    monthly one done on the 3rd is next due on the 3rd. Rules that name their
    weekdays, or were not written by `rrule_for`, are returned unchanged.
    """
    parts = rrule_parts(rrule)
    freq = parts.get("FREQ")
    if freq not in ("MONTHLY", "YEARLY") or "BYDAY" in parts or not _ours(parts):
        return rrule
    interval = int(parts.get("INTERVAL", "1"))
    rule = Rule(phrase="", freq=freq, interval=interval)
    return rrule_for(rule, start)


def _ours(parts: dict[str, str]) -> bool:
    days = parts.get("BYMONTHDAY", "")
    numbers = [int(d) for d in days.split(",") if d.isdigit()]
    if not numbers or len(numbers) != len(days.split(",")):
        return False
    if len(numbers) == 1:
        return "BYSETPOS" not in parts
    return numbers == list(range(28, numbers[-1] + 1)) and parts.get("BYSETPOS") == "-1"


def checked_rrule(rrule: str) -> str:
    """An RRULE from outside (an import), normalised, or UsageError if ally cannot keep it.

    Checked so that every rule ally keeps moves on: a known FREQ no more often
    than daily, INTERVAL from 1 to MAX_INTERVAL, COUNT of at least 1, only the
    parts in RRULE_KEYS, and values dateutil accepts. (The search for a next
    time is bounded separately, in ally.reminders.schedule.)
    """
    problem = rrule_problem(rrule)
    if problem is not None:
        raise UsageError(
            f"cannot use the repeat rule {rrule!r}: {problem}",
            hint="e.g. FREQ=WEEKLY;BYDAY=SU or FREQ=DAILY;INTERVAL=3",
        )
    parts = rrule_parts(rrule)
    return join_parts({"FREQ": parts.pop("FREQ"), **parts})


def rrule_problem(rrule: str) -> str | None:
    """What makes an RRULE one ally cannot keep, in a few words; None if it is fine."""
    try:
        parts = rrule_parts(rrule)
    except UsageError as exc:
        return exc.message
    unknown = [key for key in parts if key not in RRULE_KEYS]
    if unknown:
        return (
            f"ally does not keep {', '.join(unknown)} (the time of day comes from the "
            "reminder's start)"
        )
    if parts.get("FREQ") not in UNIT_OF_FREQ:
        return "it must repeat daily, weekly, monthly or yearly (FREQ)"
    interval = parts.get("INTERVAL", "1")
    if not _whole(interval) or not 1 <= int(interval) <= MAX_INTERVAL:
        return f"INTERVAL must be a whole number from 1 to {MAX_INTERVAL}, not {interval}"
    count = parts.get("COUNT")
    if count is not None and (not _whole(count) or int(count) < 1):
        return f"COUNT must be a whole number of at least 1, not {count}"
    for key, limit in _NUMBER_LISTS.items():
        values = parts.get(key, "1").split(",")
        if not all(_signed(v) and 1 <= abs(int(v)) <= limit for v in values):
            return f"{key} must list numbers from 1 to {limit} (or -1 to -{limit})"
    if "BYMONTH" in parts and any(int(v) < 0 for v in parts["BYMONTH"].split(",")):
        return "BYMONTH must list months from 1 to 12"
    if not all(_BYDAY.match(d) for d in parts.get("BYDAY", "MO").split(",")):
        return f"BYDAY must list days such as SU or 1MO, not {parts['BYDAY']}"
    if parts.get("WKST", "MO") not in DAYS:
        return f"WKST must be a day such as MO, not {parts['WKST']}"
    if _no_such_day(parts):
        return "it never happens: no month named has that day"
    from dateutil.rrule import rrulestr

    try:
        rrulestr(join_parts(parts), dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError, OverflowError) as exc:
        return f"it is not valid ({exc})"
    return None


def _no_such_day(parts: dict[str, str]) -> bool:
    """Whether BYMONTHDAY names only days the months named never have (30 February)."""
    if "BYMONTHDAY" not in parts:
        return False
    months = [int(m) for m in parts.get("BYMONTH", "1,2,3,4,5,6,7,8,9,10,11,12").split(",")]
    days = [abs(int(d)) for d in parts["BYMONTHDAY"].split(",")]
    return not any(day <= _LONGEST[month - 1] for month in months for day in days)


_LONGEST = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _whole(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= 6


def _signed(text: str) -> bool:
    return _whole(text.removeprefix("-").removeprefix("+"))


_NUMBER_LISTS = {
    "BYMONTH": 12,
    "BYMONTHDAY": 31,
    "BYYEARDAY": 366,
    "BYWEEKNO": 53,
    "BYSETPOS": 366,
}
_BYDAY = re.compile(r"^(?:[+-]?(?:[1-9]|[1-4]\d|5[0-3]))?(?:MO|TU|WE|TH|FR|SA|SU)$")


def describe(rrule: str) -> str:
    """The phrase for an RRULE this grammar can say ("2 weeks", "sunday"), else the RRULE."""
    parts = rrule_parts(rrule)
    freq = parts.pop("FREQ", "")
    count = parts.pop("INTERVAL", "1")
    unit = UNIT_OF_FREQ.get(freq)
    if unit is None or not count.isdigit() or int(count) < 1:
        return rrule
    interval = int(count)
    if freq == "WEEKLY" and set(parts) == {"BYDAY"}:
        days = tuple(d for d in DAYS if d in parts["BYDAY"].split(","))
        if len(days) == len(parts["BYDAY"].split(",")):
            return _days_phrase(days, interval)
    nth = re.fullmatch(r"(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)", parts.get("BYDAY", ""))
    if freq == "MONTHLY" and set(parts) == {"BYDAY"} and nth and interval == 1:
        return f"{ORDINAL_NAMES[int(nth[1])]} {DAY_NAMES[DAYS.index(nth[2])]} of the month"
    plain = not parts or (freq == "MONTHLY" and _ours(parts))
    plain = plain or (freq == "YEARLY" and "BYMONTH" in parts and _ours(_without(parts, "BYMONTH")))
    if not plain:
        return rrule
    return unit if interval == 1 else f"{interval} {unit}s"


def _without(parts: dict[str, str], key: str) -> dict[str, str]:
    return {k: v for k, v in parts.items() if k != key}
