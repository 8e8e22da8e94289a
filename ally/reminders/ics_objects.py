"""Calendar objects for `ally remind sync`, written and read with the icalendar library.

One object per reminder, its UID the reminder's uid: a VEVENT with its RRULE,
a 15-minute DTEND and a VALARM at the start, or a VTODO with DTSTART and DUE
at the pending occurrence, its STATUS and the same alarm. Times carry the
reminder's IANA zone as TZID with a VTIMEZONE (the one `ally remind export`
writes: yearly rules, valid for ever). The person it is about travels in
X-ALLY-ABOUT (and, for people, in DESCRIPTION).

An object already in the calendar is *patched*, not replaced: only the
fields ally keeps change, so an alarm, a location or a note added on the
phone survives. Single occurrences moved or removed on the phone (EXDATE,
RECURRENCE-ID) stay too, unless ally changes the series' time or repeat.

`read` turns calendar data back into an `Item`, or raises `Unusable` with
the reason ally cannot follow it (no date, a repeat ally cannot keep).

The export (`ally.reminders.ical`) keeps its own hand-written writer: its
output is pinned byte for byte by a golden file that calendar apps import,
and it needs no library on the export path. Sync shares its VTIMEZONE.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar

from ally.errors import UsageError
from ally.reminders import ical, rules
from ally.reminders.calendar_item import UNTITLED, Item, ItemStatus, Kind, rrule_key, zone_key
from ally.reminders.model import one_line

PRODID = ical.PRODID
COMPONENT = {"event": "VEVENT", "todo": "VTODO"}
KIND_OF = {"VEVENT": "event", "VTODO": "todo"}
LENGTH = ical.LENGTH
# A date without a time of day (an all-day event) is due at 09:00, as in `ally remind add`.
ALL_DAY_TIME = time(9, 0)
ABOUT = "X-ALLY-ABOUT"
STATUS_OUT = {"open": "NEEDS-ACTION", "done": "COMPLETED", "skipped": "CANCELLED"}
SERIES = ("RECURRENCE-ID", "EXDATE", "RDATE")


class Unusable(Exception):
    """Calendar data that ally cannot follow, with the reason in plain words."""


@dataclass(frozen=True)
class Found:
    """A calendar object read back: its uid, its item, and anything worth telling the user."""

    uid: str
    item: Item
    notes: tuple[str, ...] = ()


def build(uid: str, item: Item, *, now: datetime, created: datetime | None = None) -> bytes:
    """A new calendar object for an item."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    component = icalendar.Event() if item.kind == "event" else icalendar.Todo()
    component.add("uid", uid)
    component.add("dtstamp", now.astimezone(UTC))
    if created is not None:
        component.add("created", created.astimezone(UTC))
    _set_fields(component, item, now)
    component.add_component(_alarm(item.summary))
    _set_zone(cal, item)
    cal.add_component(component)
    return bytes(cal.to_ical())


def patch(data: bytes, uid: str, item: Item, *, now: datetime) -> bytes:
    """The calendar object `data` with ally's fields set from `item`; everything else kept.

    Falls back to a new object when `data` cannot be read or holds another kind.
    """
    try:
        cal = icalendar.Calendar.from_ical(data)
    except ValueError:
        return build(uid, item, now=now)
    name = COMPONENT[item.kind]
    masters = [c for c in cal.walk(name) if "RECURRENCE-ID" not in c]
    if len(masters) != 1 or _other_kinds(cal, name):
        return build(uid, item, now=now)
    master = masters[0]
    old = _read_item(master, item.kind, default_zone=item.zone)
    if old is None or (old.start, old.zone, old.rrule) != (item.start, item.zone, item.rrule):
        # A new time or repeat: single-occurrence changes belonged to the old series.
        for extra in [c for c in cal.subcomponents if c.name == name and c is not master]:
            cal.subcomponents.remove(extra)
        for prop in ("EXDATE", "RDATE"):
            master.pop(prop, None)
    _set_fields(master, item, now)
    master.pop("DTSTAMP", None)
    master.add("dtstamp", now.astimezone(UTC))
    sequence = master.get("SEQUENCE")
    if sequence is not None:
        master.pop("SEQUENCE")
        master.add("sequence", int(sequence) + 1)
    _set_zone(cal, item)
    return bytes(cal.to_ical())


def _other_kinds(cal: icalendar.Calendar, name: str) -> bool:
    return any(c.name in KIND_OF and c.name != name for c in cal.subcomponents)


def _set_fields(component: icalendar.Component, item: Item, now: datetime) -> None:
    for prop in ("SUMMARY", "DTSTART", "DTEND", "DUE", "DURATION", "RRULE", ABOUT, "STATUS"):
        if prop == "DTEND" and item.kind == "event" and "DURATION" in component:
            continue  # the phone's own length is kept
        if prop == "DURATION" and item.kind == "event":
            continue
        component.pop(prop, None)
    if item.kind == "todo":
        component.pop("COMPLETED", None)
        component.pop("PERCENT-COMPLETE", None)
    component.add("summary", item.summary)
    start = _aware(item.start, item.zone)
    component.add("dtstart", start)
    if item.kind == "event":
        if "DURATION" not in component:
            component.add("dtend", _aware(item.start + LENGTH, item.zone))
        if "TRANSP" not in component:
            component.add("transp", "TRANSPARENT")
    else:
        component.add("due", start)
        component.add("status", STATUS_OUT[item.status])
        if item.status == "done":
            component.add("completed", (item.completed or now).astimezone(UTC))
            component.add("percent-complete", 100)
    if item.rrule:
        component.add("rrule", icalendar.vRecur.from_ical(_until_in_utc(item.rrule, item.zone)))
    if item.about:
        component.add(ABOUT, item.about)
        component.pop("DESCRIPTION", None)
        component.add("description", f"About: {item.about}")
    component.pop("LAST-MODIFIED", None)
    component.add("last-modified", (item.modified or now).astimezone(UTC))


def _alarm(summary: str) -> icalendar.Alarm:
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    # Written as the export writes it: PT0S is the form every calendar app accepts.
    alarm["TRIGGER"] = icalendar.vText("PT0S")
    return alarm


def _set_zone(cal: icalendar.Calendar, item: Item) -> None:
    if item.zone == "UTC":
        return
    have = {str(c.get("TZID")) for c in cal.walk("VTIMEZONE")}
    if item.zone in have:
        return
    lines = ical.vtimezone(ZoneInfo(item.zone), item.start.year - 1)
    zone = icalendar.Timezone.from_ical("\r\n".join(lines) + "\r\n")
    # VTIMEZONEs come first, as RFC 5545 examples and most servers expect.
    cal.subcomponents.insert(0, zone)


def _aware(wall: datetime, zone: str) -> datetime:
    return wall.replace(tzinfo=UTC if zone == "UTC" else ZoneInfo(zone))


def _until_in_utc(rrule: str, zone: str) -> str:
    """RFC 5545: with a zoned DTSTART, UNTIL is written in UTC; ally keeps it as wall time."""
    parts = rules.rrule_parts(rrule)
    until = parts.get("UNTIL")
    if until and len(until) == 15:  # a wall time, YYYYMMDDTHHMMSS
        wall = datetime.strptime(until, "%Y%m%dT%H%M%S")
        parts["UNTIL"] = _aware(wall, zone).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return rules.join_parts(parts)


# Reading


def read(data: bytes, *, default_zone: str) -> Found | None:
    """The reminder item in calendar data; None if it holds neither an event nor a to-do.

    `default_zone` reads times that name no zone (floating, all-day, or a
    zone that is not an IANA name).
    """
    try:
        cal = icalendar.Calendar.from_ical(data)
    except ValueError as exc:
        raise Unusable(f"it is not iCalendar data ({exc})") from None
    for name, kind in KIND_OF.items():
        masters = [c for c in cal.walk(name) if "RECURRENCE-ID" not in c]
        if not masters:
            continue
        if len(masters) > 1:
            raise Unusable(f"it holds {len(masters)} separate {name}s")
        master = masters[0]
        uid = str(master.get("UID", "")).strip()
        if not uid:
            raise Unusable("it has no UID")
        item = _read_item(master, kind, default_zone=default_zone)  # type: ignore[arg-type]
        if item is None:
            raise Unusable("it has no date")
        notes = []
        if len(cal.walk(name)) > 1 or any(p in master for p in ("EXDATE", "RDATE")):
            notes.append(
                "single occurrences were changed in the calendar; ally follows the whole series"
            )
        return Found(uid=uid, item=item, notes=tuple(notes))
    return None


def _read_item(component: icalendar.Component, kind: Kind, *, default_zone: str) -> Item | None:
    moment = _value(component, "DUE" if kind == "todo" and "DUE" in component else "DTSTART")
    if moment is None:
        return None
    zone, wall = _wall(moment, default_zone)
    rrule = _rrule(component, zone)
    return Item(
        kind=kind,
        summary=one_line(str(component.get("SUMMARY", ""))) or UNTITLED,
        zone=zone,
        start=wall,
        rrule=rrule,
        about=_text(component, ABOUT),
        status=_status(component) if kind == "todo" else "open",
        completed=_instant(component, "COMPLETED"),
        modified=_instant(component, "LAST-MODIFIED") or _instant(component, "DTSTAMP"),
    )


def _value(component: icalendar.Component, name: str) -> datetime | date | None:
    if name not in component:
        return None
    try:
        value: Any = component.decoded(name)
    except (ValueError, TypeError):
        raise Unusable(f"its {name} cannot be read") from None
    if isinstance(value, list):
        raise Unusable(f"it has {len(value)} {name} values")
    if not isinstance(value, date):
        raise Unusable(f"its {name} is not a date: {str(value)[:40]!r}")
    return value


def _wall(moment: datetime | date, default_zone: str) -> tuple[str, datetime]:
    """The zone and wall time of a DTSTART/DUE value."""
    if not isinstance(moment, datetime):
        return zone_key(default_zone), datetime.combine(moment, ALL_DAY_TIME)
    moment = moment.replace(microsecond=0)
    if moment.tzinfo is None:
        return zone_key(default_zone), moment
    key = getattr(moment.tzinfo, "key", None)
    if key == "UTC" or (moment.utcoffset() == timedelta(0) and moment.tzname() == "UTC"):
        return "UTC", moment.replace(tzinfo=None)
    if isinstance(key, str):
        try:
            ZoneInfo(key)
            return zone_key(key), moment.replace(tzinfo=None)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    # A zone only the calendar knows (a Windows name, say): keep the instant, read here.
    zone = zone_key(default_zone)
    local = moment.astimezone(UTC if zone == "UTC" else ZoneInfo(zone))
    return zone, local.replace(tzinfo=None)


def _rrule(component: icalendar.Component, zone: str) -> str | None:
    value = component.get("RRULE")
    if value is None:
        return None
    if isinstance(value, list):
        raise Unusable("it has more than one repeat rule (RRULE)")
    text = value.to_ical().decode("ascii", "replace")
    parts = rules.rrule_parts(text) if "=" in text else {}
    until = parts.get("UNTIL")
    if until and until.endswith("Z"):
        instant = datetime.strptime(until, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        wall = instant.astimezone(UTC if zone == "UTC" else ZoneInfo(zone))
        parts["UNTIL"] = wall.strftime("%Y%m%dT%H%M%S")
        text = rules.join_parts(parts)
    try:
        return rrule_key(rules.checked_rrule(text))
    except UsageError as exc:
        raise Unusable(f"its repeat cannot be kept by ally: {exc.message}") from None


def _text(component: icalendar.Component, name: str) -> str | None:
    value = component.get(name)
    if value is None or isinstance(value, list):
        return None
    return " ".join(str(value).split()) or None


def _status(component: icalendar.Component) -> ItemStatus:
    status = str(component.get("STATUS", "")).upper()
    if status == "COMPLETED" or ("COMPLETED" in component and status != "NEEDS-ACTION"):
        return "done"
    if status == "CANCELLED":
        return "skipped"
    return "open"


def _instant(component: icalendar.Component, name: str) -> datetime | None:
    try:
        value = _value(component, name)
    except Unusable:
        return None
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(microsecond=0)
