"""data/resources.toml: emergency numbers per country and the lines to contact.

Every number, keyword and hour in the file comes from the organisation's own
page (or its government's), with the URL and the date it was checked; the
schema below makes a missing source or a malformed number a test failure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache

from ally.content import LANGUAGE, SLUG, URL, Table, read, unique
from ally.countries import NAMES as COUNTRY_NAMES
from ally.errors import ContentError

INTERNATIONAL = "ZZ"
# A call or text number as organisations publish it: digits, spaces, hyphens, a leading +.
NUMBER = re.compile(r"^\+?[0-9](?:[0-9 -]*[0-9])?$")
RESOURCE_KINDS = ("crisis", "support", "information", "directory")
CHANNEL_TYPES = ("call", "text", "chat", "web", "tty", "whatsapp", "email", "videophone")
CONFIDENCE = ("high", "medium", "low")


@dataclass(frozen=True)
class Channel:
    type: str
    value: str
    keyword: str = ""
    hours: str = ""
    language: str = ""
    note: str = ""


@dataclass(frozen=True)
class Resource:
    id: str
    name: str
    country: str
    kind: str  # RESOURCE_KINDS, or "emergency" for a country's emergency number
    for_supporters: bool
    audience: str
    summary: str
    hours: str
    languages: tuple[str, ...]
    website: str
    confidence: str
    source_url: str
    source_title: str
    checked: date
    channels: tuple[Channel, ...]
    operator: str = ""
    cost: str = ""
    note: str = ""


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    emergency: tuple[str, ...]
    emergency_note: str
    source_url: str
    checked: date


@dataclass(frozen=True)
class Directory:
    countries: Mapping[str, Country]
    resources: tuple[Resource, ...]
    checked: date
    note: str


def _channel(t: Table) -> Channel:
    kind = t.choice("type", CHANNEL_TYPES)
    value = t.text("value")
    if kind in ("call", "text", "whatsapp") and not NUMBER.match(value):
        raise ContentError(f"{t.where}: {kind} number is not well-formed: {value!r}")
    if kind in ("chat", "web") and not URL.match(value):
        raise ContentError(f"{t.where}: {kind} link must be an https URL: {value!r}")
    keyword = t.text("keyword", "")
    if keyword and kind != "text":
        raise ContentError(f"{t.where}: only text channels have a keyword")
    return Channel(
        type=kind,
        value=value,
        keyword=keyword,
        hours=t.text("hours", ""),
        language=t.text("language", "", pattern=LANGUAGE),
        note=t.text("note", ""),
    )


def _country_code(t: Table, key: str) -> str:
    code = t.text(key)
    if code != INTERNATIONAL and code not in COUNTRY_NAMES:
        raise ContentError(f"{t.where}: '{code}' is not an ISO 3166-1 alpha-2 code")
    return code


def _resource(t: Table) -> Resource:
    t.named("resource")
    kind = t.choice("kind", RESOURCE_KINDS)
    country = _country_code(t, "country")
    if (kind == "directory") != (country == INTERNATIONAL):
        raise ContentError(f"{t.where}: directories, and only they, are international (ZZ)")
    languages = t.texts("languages")
    if not all(LANGUAGE.match(code) for code in languages):
        raise ContentError(f"{t.where}: languages must be BCP 47 codes")
    return Resource(
        id=t.text("id", pattern=SLUG),
        name=t.text("name"),
        country=country,
        kind=kind,
        for_supporters=t.flag("for_supporters"),
        audience=t.text("audience"),
        summary=t.text("summary"),
        hours=t.text("hours", "" if kind in ("information", "directory") else None),
        languages=languages,
        website=t.text("website", pattern=URL),
        confidence=t.choice("confidence", CONFIDENCE),
        source_url=t.text("source_url", pattern=URL),
        source_title=t.text("source_title"),
        checked=t.day("checked"),
        channels=tuple(_channel(c) for c in t.tables("channel")),
        operator=t.text("operator", ""),
        cost=t.text("cost", ""),
        note=t.text("note", ""),
    )


def _country(t: Table) -> Country:
    code = _country_code(t, "code")
    t.where = f"resources.toml country '{code}'"
    emergency = t.texts("emergency")
    if not all(NUMBER.match(n) for n in emergency):
        raise ContentError(f"{t.where}: emergency numbers must be digits")
    return Country(
        code=code,
        name=t.text("name"),
        emergency=emergency,
        emergency_note=t.text("emergency_note", ""),
        source_url=t.text("source_url", pattern=URL),
        checked=t.day("checked"),
    )


@cache
def load_directory() -> Directory:
    doc = read("resources.toml")
    countries = [_country(t) for t in doc.tables("country")]
    unique(countries, lambda c: c.code, "country")
    resources = tuple(_resource(t) for t in doc.tables("resource"))
    unique(resources, lambda r: r.id, "resource")
    meta = doc.meta()
    return Directory(
        countries={c.code: c for c in countries},
        resources=resources,
        checked=meta.day("checked"),
        note=meta.text("note"),
    )
