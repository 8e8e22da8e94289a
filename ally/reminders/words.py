"""The words of times and repeats: one tokeniser and vocabulary for `when` and `rules`.

Text is normalised (case, spacing, "½", "a.m.", commas) and cut into tokens
of a few kinds: clock readings ("6pm", "18:00", "25pm" too, so that an
impossible time is refused rather than skipped), ordinals ("5th"), plain
numbers, ISO dates, numeric dates with slashes or dots (refused later: they
mean different days in different countries) and words. Anything else is a
token of kind "other", which no grammar accepts.

Pure and small: no clock, no environment, nothing heavy imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "last": -1,
}
# Parts of the day: the time each means alone, and the clock hours a time in it may have.
PARTS = {
    "morning": (time(9, 0), range(0, 12)),
    "afternoon": (time(15, 0), range(12, 18)),
    "evening": (time(18, 0), range(16, 24)),
    "night": (time(20, 0), range(18, 24)),
}
# How a bare hour ("at 7") is read in each part of the day: on the 12-hour clock, which half.
PART_HALF = {"morning": "am", "afternoon": "pm", "evening": "pm", "night": "pm"}

_DAY_ABBREVIATIONS = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "weds": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
_MONTH_ABBREVIATIONS = {"sept": 8, **{name[:3]: i for i, name in enumerate(MONTH_NAMES)}}

_TOKEN = re.compile(
    r"""
    (?P<isodate>\d{4}-\d{2}-\d{2})(?![\d:])
  | (?P<clock>\d{1,2}(?::\d{2}|\.\d{2}(?=\s?[ap]m\b))?\s?[ap]m\b|\d{1,2}:\d{1,2})
  | (?P<decimal>\d+\.\d+)(?=\s?(?:h|hr|hrs|hour|hours|min|mins|minute|minutes)\b)
  | (?P<slashed>\d+(?:[/.]\d+)+)
  | (?P<ordinal>\d{1,2}(?:st|nd|rd|th))\b
  | (?P<number>\d+)
  | (?P<word>[a-z]+(?:'[a-z]+)?)
  | (?P<other>\S)
    """,
    re.VERBOSE,
)
_CLOCK = re.compile(r"^(?P<h>\d{1,2})(?:[:.](?P<m>\d{1,2}))?\s?(?P<half>[ap]m)?$")


@dataclass(frozen=True)
class Token:
    kind: str  # isodate, clock, decimal, slashed, ordinal, number, word, other
    text: str

    @property
    def number(self) -> int | None:
        """The whole number a number, number word or ordinal says; None otherwise."""
        if self.kind == "number":
            return int(self.text) if len(self.text) <= 9 else None
        if self.kind == "ordinal":
            return int(self.text[:-2])
        if self.kind == "word":
            return NUMBER_WORDS.get(self.text)
        return None


def normal(text: str) -> str:
    """Lower case, one space between words, "½" as ".5", "a.m." as "am", no commas."""
    text = text.lower().replace("\u2019", "'").replace("a.m.", "am").replace("p.m.", "pm")
    text = re.sub(r"(\d)½", r"\1.5", text).replace("½", "0.5")
    text = re.sub(r"[,;]", " ", text)
    return " ".join(text.split()).strip(" .!?")


def tokens(text: str) -> list[Token]:
    """The tokens of normalised text, in order."""
    found = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        assert kind is not None
        found.append(Token(kind, match.group().replace(" ", "")))
    return found


def joined(found: list[Token]) -> str:
    return " ".join(t.text for t in found)


def weekday(word: str) -> int | None:
    """Monday=0 … Sunday=6 for "friday", "fri", "thurs"; None if not a day."""
    if word in DAY_NAMES:
        return DAY_NAMES.index(word)
    return _DAY_ABBREVIATIONS.get(word)


def month(word: str) -> int | None:
    """1-12 for "december" or "dec"; None if not a month."""
    if word in MONTH_NAMES:
        return MONTH_NAMES.index(word) + 1
    found = _MONTH_ABBREVIATIONS.get(word)
    return None if found is None else found + 1


class NotATimeOfDay(ValueError):
    """A clock reading that cannot be: "25pm", "13pm", "99:99"."""


def clock_reading(text: str) -> tuple[time, bool]:
    """The time a clock token shows, and whether it was written on the 12-hour clock.

    NotATimeOfDay if it cannot be one (hour past 23, or past 12 with am/pm,
    minutes past 59, "0am").
    """
    match = _CLOCK.match(text)
    if not match:
        raise NotATimeOfDay(text)
    hour, minute = int(match["h"]), int(match["m"] or 0)
    if match["m"] is not None and len(match["m"]) != 2:
        raise NotATimeOfDay(text)
    if match["half"]:
        if not 1 <= hour <= 12 or minute > 59:
            raise NotATimeOfDay(text)
        hour = hour % 12 + (12 if match["half"] == "pm" else 0)
        return time(hour, minute), True
    if hour > 23 or minute > 59:
        raise NotATimeOfDay(text)
    return time(hour, minute), False
