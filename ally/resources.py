"""Which resources to show: the user's country and region, then the lines for it, crisis first.

Pure: the environment, the time zone, the zone table and the user's settings are
passed in, so the rules are testable. The country comes from, in order: the
--country option, ALLY_COUNTRY, the config file, the time zone, the locale. The
time zone beats the locale because en_US.UTF-8 is the default locale on many
machines outside the US; when the two disagree, the choice says so, so the CLI
can tell the user how to pick the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from ally.content.directory import (
    INTERNATIONAL,
    Channel,
    Country,
    Directory,
    Region,
    Resource,
)
from ally.countries import NAMES as COUNTRY_NAMES
from ally.errors import UsageError

# The order of sections on screen and in JSON: danger first, the supporter's own lines next.
SECTIONS = {
    "emergency": "Emergency",
    "crisis": "Crisis lines",
    "supporter": "Support for you as a supporter",
    "support": "Other support lines",
    "information": "Information",
    "directory": "International directories",
}
SECTION_ORDER = {name: n for n, name in enumerate(SECTIONS)}
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
# "en_GB.UTF-8", "fr_FR@euro", "de_DE": the part after the underscore is a country.
LOCALE_COUNTRY = re.compile(r"^[a-z]{2,3}_([A-Za-z]{2})(?:[.@]|$)")
# How many close country codes an error suggests.
MOST_SUGGESTIONS = 4


class CountryChoice(NamedTuple):
    code: str | None
    source: str  # "option", "ALLY_COUNTRY", "config", "time zone", "locale" or "none"
    detail: str = ""
    # A lower-ranked clue that points elsewhere: (code, how), e.g. ("US", "LANG=en_US.UTF-8").
    alternative: tuple[str, str] | None = None

    @property
    def guessed(self) -> bool:
        return self.source in ("locale", "time zone")

    def describe(self) -> str:
        if self.code is None:
            return "Country unknown"
        name = COUNTRY_NAMES.get(self.code, self.code)
        if self.source == "option":
            return f"{name} ({self.code})"
        how = "your settings" if self.source == "config" else f"{self.source} {self.detail}"
        return f"{name} ({self.code}), from {how.strip()}"


def close_countries(value: str, covered: Mapping[str, str]) -> list[str]:
    """Codes ally has lines for that look like ``value``: a near code or a near name."""
    import difflib  # only when something went wrong

    wanted = value.strip()
    found: list[str] = []
    exact = [code for code, name in COUNTRY_NAMES.items() if name.lower() == wanted.lower()]
    found += exact
    names = {name.lower(): code for code, name in covered.items()}
    found += [names[n] for n in difflib.get_close_matches(wanted.lower(), list(names), 3, 0.6)]
    found += difflib.get_close_matches(wanted.upper(), sorted(covered), 3, 0.5)
    unique = list(dict.fromkeys(found))
    return unique[:MOST_SUGGESTIONS]


def _suggestion(value: str, covered: Mapping[str, str] | None) -> str:
    if not covered:
        return "for example US, GB, IE, CA, AU, NZ, IN, DE or FR"
    close = close_countries(value, covered)
    if close:
        listed = ", ".join(f"{c} ({COUNTRY_NAMES.get(c, c)})" for c in close)
        return f"did you mean {listed}?"
    return "countries ally has lines for: " + ", ".join(sorted(covered))


def parse_country(
    value: str, *, origin: str = "--country", covered: Mapping[str, str] | None = None
) -> str:
    """An ISO 3166 code from what the user typed; UK is accepted for GB."""
    code = value.strip().upper()
    if code == "UK":  # not ISO, but what many people type for the United Kingdom
        code = "GB"
    if code not in COUNTRY_NAMES:
        raise UsageError(
            f"{origin} {value!r} is not an ISO 3166 two-letter country code",
            hint=_suggestion(value, covered),
        )
    return code


def country_from_locale(env: Mapping[str, str]) -> tuple[str, str] | None:
    for name in LOCALE_VARIABLES:
        value = env.get(name, "")
        if not value:
            continue
        match = LOCALE_COUNTRY.match(value)
        code = match.group(1).upper() if match else ""
        if code in COUNTRY_NAMES:
            return code, f"{name}={value}"
        return None  # the first set variable decides, as in the C library
    return None


def zone_countries(zone_table: Path) -> dict[str, str]:
    """Map IANA zone names to country codes from the system's zone.tab."""
    mapping: dict[str, str] = {}
    try:
        lines = zone_table.read_text(encoding="utf-8").splitlines()
    except OSError:
        return mapping
    for line in lines:
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) >= 3:
            for code in fields[0].split(","):
                mapping.setdefault(fields[2], code)
    return mapping


def choose_country(
    option: str | None,
    env: Mapping[str, str],
    timezone: str | None,
    zone_table: Path,
    *,
    configured: str | None = None,
    config_path: str = "",
    covered: Mapping[str, str] | None = None,
) -> CountryChoice:
    """Option, then ALLY_COUNTRY, then the config file, then the time zone, then the locale."""
    if option:
        return CountryChoice(parse_country(option, covered=covered), "option")
    if env.get("ALLY_COUNTRY"):
        code = parse_country(env["ALLY_COUNTRY"], origin="ALLY_COUNTRY", covered=covered)
        return CountryChoice(code, "ALLY_COUNTRY")
    if configured:
        return CountryChoice(configured, "config", config_path)
    from_locale = country_from_locale(env)
    from_zone = zone_countries(zone_table).get(timezone) if timezone else None
    if from_zone:
        disagrees = from_locale if from_locale and from_locale[0] != from_zone else None
        return CountryChoice(from_zone, "time zone", timezone or "", alternative=disagrees)
    if from_locale:
        return CountryChoice(from_locale[0], "locale", from_locale[1])
    return CountryChoice(None, "none")


def covered_countries(directory: Directory) -> dict[str, str]:
    """Code to name for every country ally has an emergency number for."""
    return {code: country.name for code, country in directory.countries.items()}


# ------------------------------------------------------------------ regions


class RegionChoice(NamedTuple):
    region: Region | None
    source: str  # "option", "config" or "none"
    ignored: str = ""  # a configured region that is not a region of this country


def region_id(value: str) -> str:
    """'Northern Ireland', 'northern_ireland' and 'NORTHERN-IRELAND' are one region."""
    return re.sub(r"[\s_]+", "-", value.strip().lower())


def _region_hint(country: Country | None, directory_regions: Iterable[str]) -> str:
    if country and country.regions:
        return "regions: " + ", ".join(r.id for r in country.regions)
    return "regions exist for: " + ", ".join(sorted(set(directory_regions)))


def choose_region(
    country: Country | None,
    option: str | None,
    configured: str | None,
    *,
    all_regions: Iterable[str] = (),
) -> RegionChoice:
    """--region wins over the config file; a configured region of another country is ignored."""
    if option:
        wanted = region_id(option)
        region = country.region(wanted) if country else None
        if region is None:
            where = country.name if country else "this country"
            raise UsageError(
                f"--region {option!r} is not a region of {where} in ally's data",
                hint=_region_hint(country, all_regions),
            )
        return RegionChoice(region, "option")
    if configured:
        region = country.region(configured) if country else None
        if region:
            return RegionChoice(region, "config")
        if country and country.regions:
            return RegionChoice(None, "none", ignored=configured)
    return RegionChoice(None, "none")


def in_region(resource: Resource, region: Region | None) -> bool:
    return not resource.regions or region is None or region.id in resource.regions


def region_names(resource: Resource, country: Country | None) -> str:
    """'England and Wales' for a line that serves only part of its country."""
    if not resource.regions or country is None:
        return ""
    names = [(country.region(r) or Region(r, r)).name for r in resource.regions]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# ------------------------------------------------------------------ listings


class Listing(NamedTuple):
    """What `ally resources` and `ally crisis` show for one country."""

    choice: CountryChoice
    country: Country | None
    entries: tuple[Resource, ...]
    has_data: bool  # False: no lines for this country, only the international directories
    region: Region | None = None
    # Filters left none of the country's lines: the nearest useful ones, shown instead.
    fallback: tuple[Resource, ...] = ()


def emergency_entry(country: Country) -> Resource:
    """The country's emergency number, shaped like any other line so it sorts first."""
    return Resource(
        id=f"{country.code.lower()}-emergency",
        name="Emergency services",
        country=country.code,
        kind="emergency",
        for_supporters=True,
        audience="Anyone whose life is in danger right now",
        summary="Call if someone is in immediate danger.",
        hours="24/7",
        languages=(),
        website=country.source_url,
        confidence=country.confidence,
        source_url=country.source_url,
        source_title=country.source_title or f"Emergency number for {country.name}",
        checked=country.checked,
        channels=tuple(Channel(type="call", value=n) for n in country.emergency),
        note=country.emergency_note,
        source_kind=country.source_kind,
    )


def section(resource: Resource) -> str:
    if resource.kind == "support" and resource.for_supporters:
        return "supporter"
    return resource.kind


def _keep_channels(resource: Resource, channel: str) -> Resource | None:
    kept = tuple(c for c in resource.channels if c.type == channel)
    return resource._replace(channels=kept) if kept else None


def _for_audience(resources: list[Resource], audience: str | None) -> list[Resource]:
    if audience == "crisis":
        return [r for r in resources if r.kind in ("emergency", "crisis", "directory")]
    if audience == "supporter":
        return [r for r in resources if r.for_supporters or r.kind == "directory"]
    return resources


def listing(
    directory: Directory,
    choice: CountryChoice,
    *,
    region: Region | None = None,
    channel: str | None = None,
    audience: str | None = None,
) -> Listing:
    code = choice.code
    country = directory.countries.get(code) if code else None
    own = [r for r in directory.resources if code and r.country == code and in_region(r, region)]
    directories = [r for r in directory.resources if r.country == INTERNATIONAL]
    entries = [emergency_entry(country)] if country else []
    entries += own + directories
    entries = _for_audience(entries, audience)
    if channel:
        entries = [kept for r in entries if (kept := _keep_channels(r, channel))]
    entries.sort(key=lambda r: SECTION_ORDER[section(r)])  # stable: file order within a section
    fallback: tuple[Resource, ...] = ()
    if own and not any(r.country == code and r.kind != "emergency" for r in entries):
        shown = {r.id for r in entries}
        nearest = [r for r in own if r.kind == "crisis"] + directories
        fallback = tuple(r for r in nearest if r.id not in shown)
    return Listing(
        choice=choice,
        country=country,
        entries=tuple(entries),
        has_data=bool(own or country),
        region=region,
        fallback=fallback,
    )


def crisis_lines(found: Listing) -> list[Resource]:
    """Crisis lines for a crisis: always-open lines first, then the rest, each in file order."""
    lines = [r for r in found.entries if r.kind == "crisis"]
    return sorted(lines, key=lambda r: not r.always_open)


def supporter_lines(found: Listing) -> list[Resource]:
    """Lines that take calls from people worried about someone else, always-open first."""
    lines = [r for r in found.entries if r.for_supporters and r.kind in ("crisis", "support")]
    return sorted(lines, key=lambda r: not r.always_open)


def main_channels(resource: Resource) -> list[Channel]:
    """The ways in worth showing in a hurry: calls, texts, chats and WhatsApp.

    A channel for one language is left out when the line has the same kind of
    channel for anyone, a number repeated with a menu option keeps its first
    form, and there are at most three of each kind.
    """
    quick = ("call", "text", "chat", "whatsapp")
    general = {c.type for c in resource.channels if not c.language}
    kept: list[Channel] = []
    for kind in quick:
        seen: set[str] = set()
        for c in resource.channels:
            if c.type != kind or (c.language and kind in general) or c.value in seen:
                continue
            if len(seen) < 3:
                seen.add(c.value)
                kept.append(c)
    return sorted(kept, key=resource.channels.index)
