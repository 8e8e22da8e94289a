"""Open reminders as an iCalendar (.ics) file that Google, Apple and Thunderbird import.

Written by hand (RFC 5545) rather than through a library, to control every
line: `METHOD:PUBLISH`; one VEVENT per open reminder with its stable UID,
DTSTAMP, `DTSTART;TZID=<IANA zone>` (never a floating or fixed-offset time),
its RRULE and a VALARM at the due time; a VTIMEZONE per zone, described by
yearly rules so it holds past 2038; CRLF line ends and lines folded at 75
octets without splitting a UTF-8 character.

`private=True` gives every event the neutral title "Reminder" and leaves out
the text and the person: exported calendars often sync to a cloud account.

Pure: `now` (for DTSTAMP) is an argument.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from ally.reminders.model import Reminder, one_line

PRODID = "-//ally//ally remind//EN"
NEUTRAL = "Reminder"
# An event needs an end; a reminder takes a quarter of an hour of attention.
LENGTH = timedelta(minutes=15)
LINE_OCTETS = 75
UTC_NAMES = {"UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Universal", "Zulu"}
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def calendar(reminders: Iterable[Reminder], *, now: datetime, private: bool = False) -> str:
    """The .ics text (CRLF line ends) for the open reminders."""
    events = [r for r in reminders if r.status == "open" and r.due is not None]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:ally reminders",
    ]
    zones = sorted({r.zone for r in events if r.zone not in UTC_NAMES})
    for zone in zones:
        first = min(_start(r) for r in events if r.zone == zone)
        lines += vtimezone(ZoneInfo(zone), max(first.year - 1, MINYEAR))
    for reminder in events:
        lines += vevent(reminder, now=now, private=private)
    lines.append("END:VCALENDAR")
    return "".join(f"{folded}\r\n" for line in lines for folded in fold(line))


def _start(reminder: Reminder) -> datetime:
    """DTSTART: the pending occurrence (a snoozed one-off: its snooze time), as a wall time."""
    assert reminder.due is not None
    if reminder.rrule is None and reminder.snoozed_until is not None:
        try:
            return reminder.snoozed_until.astimezone(reminder.tz).replace(tzinfo=None)
        except OverflowError:  # the last hours of year 9999, east of Greenwich
            return reminder.due
    return reminder.due


def vevent(reminder: Reminder, *, now: datetime, private: bool) -> list[str]:
    start = _start(reminder)
    summary = NEUTRAL if private else text(one_line(reminder.text))
    lines = [
        "BEGIN:VEVENT",
        f"UID:{text(reminder.uid)}",
        f"DTSTAMP:{utc(now)}",
        f"CREATED:{utc(reminder.created)}",
        f"LAST-MODIFIED:{utc(reminder.updated)}",
        _timed("DTSTART", start, reminder.zone),
        _end(start, reminder.zone),
    ]
    if reminder.rrule:
        lines.append(f"RRULE:{reminder.rrule}")
    lines += [f"SUMMARY:{summary}", "TRANSP:TRANSPARENT"]
    if not private:
        lines.append(f"DESCRIPTION:{text(description(reminder))}")
    lines += [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{summary}",
        "TRIGGER:PT0S",
        "END:VALARM",
        "END:VEVENT",
    ]
    return lines


def description(reminder: Reminder) -> str:
    parts = [reminder.text]
    if reminder.about:
        parts.append(f"About: {reminder.about}")
    if reminder.every:
        counted = " (counted from when it was last done)" if reminder.from_done else ""
        parts.append(f"Repeats: every {reminder.every}{counted}")
    parts.append(f"Done? ally remind done {reminder.id}")
    return "\n".join(parts)


def _end(start: datetime, zone: str) -> str:
    """DTEND a quarter of an hour on; past the last minute of year 9999, the same as DURATION."""
    try:
        return _timed("DTEND", start + LENGTH, zone)
    except OverflowError:
        return f"DURATION:PT{int(LENGTH.total_seconds()) // 60}M"


def _timed(name: str, wall: datetime, zone: str) -> str:
    if zone in UTC_NAMES:
        return f"{name}:{stamp(wall)}Z"
    return f"{name};TZID={zone}:{stamp(wall)}"


def utc(moment: datetime) -> str:
    return f"{stamp(moment.astimezone(UTC))}Z"


def stamp(wall: datetime) -> str:
    """20261129T180000. (strftime's %Y writes year 1 as "1", not "0001".)"""
    return f"{wall.year:04d}{wall.month:02d}{wall.day:02d}T{wall:%H%M%S}"


def text(value: str) -> str:
    """A TEXT value: escaped (RFC 5545 §3.3.11), control characters dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    for raw, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        value = value.replace(raw, escaped)
    return value


def fold(line: str) -> list[str]:
    """A content line split into pieces of at most 75 octets; continuations start with a space."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > LINE_OCTETS:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return pieces


@dataclass(frozen=True)
class Change:
    """One clock change: when (the wall time it happens, in the old offset) and the offsets."""

    wall: datetime
    before: timedelta
    after: timedelta
    name: str

    @property
    def kind(self) -> str:
        return "DAYLIGHT" if self.after > self.before else "STANDARD"


def vtimezone(zone: ZoneInfo, year: int) -> list[str]:
    """A VTIMEZONE for a zone from the start of `year` on.

    Regular yearly changes (the usual case) become one RRULE per kind, valid
    for ever; irregular ones are listed for three years, after which
    calendars fall back to their own copy of the zone, which they look up by
    its IANA TZID anyway.
    """
    changes = clock_changes(zone, year, year + 3)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{zone.key}"]
    if not changes:
        # The 2nd, not the 1st: the 1st of year 1 west of Greenwich is still year 0.
        moment = datetime(year, 1, 2, tzinfo=UTC).astimezone(zone)
        offset = moment.utcoffset() or timedelta(0)
        only = Change(datetime(1970, 1, 1), offset, offset, moment.tzname() or zone.key)
        lines += _component(only, [])
    for kind in ("STANDARD", "DAYLIGHT"):
        group = [c for c in changes if c.kind == kind]
        if not group:
            continue
        rule = _yearly_rule(group)
        if rule:
            lines += _component(group[0], [f"RRULE:{rule}"])
        else:
            rdates = ",".join(stamp(c.wall) for c in group[1:])
            lines += _component(group[0], [f"RDATE:{rdates}"] if rdates else [])
    lines.append("END:VTIMEZONE")
    return lines


def _component(change: Change, extra: list[str]) -> list[str]:
    return [
        f"BEGIN:{change.kind}",
        f"DTSTART:{stamp(change.wall)}",
        *extra,
        f"TZNAME:{text(change.name)}",
        f"TZOFFSETFROM:{_offset(change.before)}",
        f"TZOFFSETTO:{_offset(change.after)}",
        f"END:{change.kind}",
    ]


def _offset(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


def _yearly_rule(group: list[Change]) -> str | None:
    """FREQ=YEARLY;BYMONTH=3;BYDAY=2SU (or -1SU) if every change in the group follows it."""
    if len(group) < 2:
        return None
    first = group[0]
    same = all(
        (c.wall.month, c.wall.weekday(), c.wall.time(), c.before, c.after)
        == (first.wall.month, first.wall.weekday(), first.wall.time(), first.before, first.after)
        for c in group
    )
    if not same or len({c.wall.year for c in group}) != len(group):
        return None
    day = WEEKDAY_CODES[first.wall.weekday()]
    if all(c.wall.day + 7 > monthrange(c.wall.year, c.wall.month)[1] for c in group):
        return f"FREQ=YEARLY;BYMONTH={first.wall.month};BYDAY=-1{day}"
    nth = {(c.wall.day - 1) // 7 + 1 for c in group}
    if len(nth) == 1:
        return f"FREQ=YEARLY;BYMONTH={first.wall.month};BYDAY={nth.pop()}{day}"
    return None


def clock_changes(zone: ZoneInfo, first_year: int, end_year: int) -> list[Change]:
    """Every change of UTC offset in [first_year, end_year), found day by day then to the second.

    The search stops two days short of the end of year 9999, where no later
    day can be named.
    """
    found: list[Change] = []
    moment = datetime(first_year, 1, 1, tzinfo=UTC)
    last = datetime.max.replace(tzinfo=UTC) - timedelta(days=2)
    end = datetime(end_year, 1, 1, tzinfo=UTC) if end_year <= MAXYEAR else last
    offset = _offset_at(zone, moment)
    while moment < min(end, last):
        later = moment + timedelta(days=1)
        if _offset_at(zone, later) != offset:
            instant = _change_between(zone, moment, later)
            after = _offset_at(zone, instant)
            name = instant.astimezone(zone).tzname() or zone.key
            wall = (instant + offset).replace(tzinfo=None)
            found.append(Change(wall, offset, after, name))
            offset = after
        moment = later
    return found


def _offset_at(zone: ZoneInfo, moment: datetime) -> timedelta:
    try:
        return moment.astimezone(zone).utcoffset() or timedelta(0)
    except OverflowError:  # the zone's clock is already past year 9999
        return zone.utcoffset(moment.replace(tzinfo=None)) or timedelta(0)


def _change_between(zone: ZoneInfo, low: datetime, high: datetime) -> datetime:
    """The first second in (low, high] with the offset `high` has."""
    target = _offset_at(zone, high)
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        middle = middle.replace(microsecond=0)
        if _offset_at(zone, middle) == target:
            high = middle
        else:
            low = middle
    return high
