"""data/resources.toml: emergency numbers per country and the lines to contact.

Every number, keyword and hour in the file comes from the organisation's own
page (or its government's), with the URL and the date it was checked; the
schema below makes a missing source, hours, cost or language, or a malformed
number, a test failure. Sources are checked against an allow-list of domains
kept in the same file: each domain says whether it is the organisation's own
site, a government or emergency-service site, or a secondary source (news, a
directory), and a secondary source must be said in the entry's note and may
not carry high confidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import NamedTuple
from urllib.parse import urlsplit

from ally.content import LANGUAGE, SLUG, URL, Table, read, unique
from ally.countries import NAMES as COUNTRY_NAMES
from ally.errors import ContentError

INTERNATIONAL = "ZZ"
# A call or text number as organisations publish it: digits, spaces, hyphens, a leading +.
NUMBER = re.compile(r"^\+?[0-9](?:[0-9 -]*[0-9])?$")
RESOURCE_KINDS = ("crisis", "support", "information", "directory")
CHANNEL_TYPES = ("call", "text", "chat", "web", "tty", "whatsapp", "email", "videophone")
CONFIDENCE = ("high", "medium", "low")
# Who wrote the page a fact comes from.
SOURCE_KINDS = ("own", "government", "emergency-service", "secondary")
# The short instruction shown beside a number on the crisis screen ("then press 1").
INSTRUCTION_LENGTH = 60
# Hours exactly "24/7" mean always open; anything else is shown before the name.
ALWAYS_OPEN = "24/7"


class Channel(NamedTuple):
    type: str
    value: str
    keyword: str = ""
    hours: str = ""
    language: str = ""
    note: str = ""
    instruction: str = ""


class Resource(NamedTuple):
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
    source_kind: str = "own"
    regions: tuple[str, ...] = ()  # empty: the whole country
    youth: bool = False  # a line for children and young people
    label: str = ""  # who it is for, when not everyone ("for veterans")
    instruction: str = ""  # short advice shown on the crisis screen

    @property
    def always_open(self) -> bool:
        return self.hours == ALWAYS_OPEN


class Region(NamedTuple):
    id: str
    name: str


class Country(NamedTuple):
    code: str
    name: str
    emergency: tuple[str, ...]
    emergency_note: str
    source_url: str
    checked: date
    source_title: str = ""
    source_kind: str = "government"
    confidence: str = "high"
    regions: tuple[Region, ...] = ()
    regions_note: str = ""
    police_non_emergency: str = ""

    def region(self, region_id: str) -> Region | None:
        return next((r for r in self.regions if r.id == region_id), None)


class SourceDomain(NamedTuple):
    domain: str
    kind: str
    who: str


class Directory(NamedTuple):
    countries: Mapping[str, Country]
    resources: tuple[Resource, ...]
    checked: date
    note: str
    source_domains: tuple[SourceDomain, ...] = ()

    def source_domain(self, url: str) -> SourceDomain | None:
        """The allow-list entry a URL's host belongs to (its domain or a subdomain of it)."""
        host = (urlsplit(url).hostname or "").lower()
        for entry in self.source_domains:
            if host == entry.domain or host.endswith("." + entry.domain):
                return entry
        return None

    def region_ids(self) -> tuple[str, ...]:
        return tuple(r.id for c in self.countries.values() for r in c.regions)


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
        instruction=_instruction(t),
    )


def _instruction(t: Table) -> str:
    instruction = t.text("instruction", "")
    if len(instruction) > INSTRUCTION_LENGTH:
        raise ContentError(f"{t.where}: 'instruction' is longer than {INSTRUCTION_LENGTH}")
    return instruction


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
    regions = t.texts("regions", minimum=0)
    if not all(SLUG.match(r) for r in regions):
        raise ContentError(f"{t.where}: regions must be region ids such as 'scotland'")
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
        cost=t.text("cost"),
        note=t.text("note", ""),
        source_kind=t.choice("source_kind", SOURCE_KINDS),
        regions=regions,
        youth=t.flag("youth"),
        label=t.text("label", ""),
        instruction=_instruction(t),
    )


def _region(t: Table) -> Region:
    return Region(id=t.text("id", pattern=SLUG), name=t.text("name"))


def _country(t: Table) -> Country:
    code = _country_code(t, "code")
    t.where = f"resources.toml country '{code}'"
    emergency = t.texts("emergency")
    if not all(NUMBER.match(n) for n in emergency):
        raise ContentError(f"{t.where}: emergency numbers must be digits")
    police = t.text("police_non_emergency", "")
    if police and not NUMBER.match(police):
        raise ContentError(f"{t.where}: police_non_emergency must be a number")
    regions = tuple(_region(r) for r in t.tables("region", minimum=0))
    unique(regions, lambda r: r.id, f"{code} region")
    return Country(
        code=code,
        name=t.text("name"),
        emergency=emergency,
        emergency_note=t.text("emergency_note", ""),
        source_url=t.text("source_url", pattern=URL),
        source_title=t.text("source_title"),
        source_kind=t.choice("source_kind", SOURCE_KINDS),
        confidence=t.choice("confidence", CONFIDENCE),
        checked=t.day("checked"),
        regions=regions,
        regions_note=t.text("regions_note", ""),
        police_non_emergency=police,
    )


def _source_domain(t: Table) -> SourceDomain:
    domain = t.text("domain").lower()
    if not re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", domain):
        raise ContentError(f"{t.where}: '{domain}' is not a domain name")
    return SourceDomain(domain=domain, kind=t.choice("kind", SOURCE_KINDS), who=t.text("who"))


@cache
def load_directory() -> Directory:
    doc = read("resources.toml")
    countries = [_country(t) for t in doc.tables("country")]
    unique(countries, lambda c: c.code, "country")
    resources = tuple(_resource(t) for t in doc.tables("resource"))
    unique(resources, lambda r: r.id, "resource")
    by_code = {c.code: c for c in countries}
    for r in resources:
        known = {reg.id for reg in by_code[r.country].regions} if r.country in by_code else set()
        stray = [reg for reg in r.regions if reg not in known]
        if stray:
            raise ContentError(f"resource '{r.id}': unknown region(s) {', '.join(stray)}")
    domains = tuple(_source_domain(t) for t in doc.tables("source_domain"))
    unique(domains, lambda d: d.domain, "source domain")
    meta = doc.meta()
    return Directory(
        countries=by_code,
        resources=resources,
        checked=meta.day("checked"),
        note=meta.text("note"),
        source_domains=domains,
    )
