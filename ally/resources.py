"""Which resources to show: the user's country, then the lines for it, crisis first.

Pure: the environment, the time zone and the zone table are passed in, so the
rules (option, then ALLY_COUNTRY, then locale, then time zone) are testable.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ally.content.directory import INTERNATIONAL, Channel, Country, Directory, Resource
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


@dataclass(frozen=True)
class CountryChoice:
    code: str | None
    source: str  # "option", "ALLY_COUNTRY", "locale", "time zone" or "none"
    detail: str = ""

    @property
    def guessed(self) -> bool:
        return self.source in ("locale", "time zone")

    def describe(self) -> str:
        if self.code is None:
            return "Country unknown"
        name = COUNTRY_NAMES.get(self.code, self.code)
        if self.source == "option":
            return f"{name} ({self.code})"
        how = f"{self.source} {self.detail}".strip()
        return f"{name} ({self.code}), from {how}"


def parse_country(value: str, *, origin: str = "--country") -> str:
    code = value.strip().upper()
    if code == "UK":  # not ISO, but what many people type for the United Kingdom
        code = "GB"
    if code not in COUNTRY_NAMES:
        raise UsageError(
            f"{origin} {value!r} is not an ISO 3166 two-letter country code",
            hint="for example US, GB, IE, CA, AU, NZ, IN, DE or FR",
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
) -> CountryChoice:
    if option:
        return CountryChoice(parse_country(option), "option")
    if env.get("ALLY_COUNTRY"):
        return CountryChoice(
            parse_country(env["ALLY_COUNTRY"], origin="ALLY_COUNTRY"), "ALLY_COUNTRY"
        )
    from_locale = country_from_locale(env)
    if from_locale:
        return CountryChoice(from_locale[0], "locale", from_locale[1])
    if timezone:
        code = zone_countries(zone_table).get(timezone)
        if code:
            return CountryChoice(code, "time zone", timezone)
    return CountryChoice(None, "none")


@dataclass(frozen=True)
class Listing:
    """What `ally resources` shows for one country."""

    choice: CountryChoice
    country: Country | None
    entries: tuple[Resource, ...]
    has_data: bool  # False: no lines for this country, only the international directories


def emergency_entry(country: Country) -> Resource:
    """The country's emergency number, shaped like any other line so it sorts first."""
    return Resource(
        id=f"{country.code.lower()}-emergency",
        name="Emergency services",
        country=country.code,
        kind="emergency",
        for_supporters=True,
        audience="Anyone whose life is in danger right now",
        summary="Police, ambulance and fire. Call if someone is in immediate danger.",
        hours="24/7",
        languages=(),
        website=country.source_url,
        confidence="high",
        source_url=country.source_url,
        source_title=f"Emergency number for {country.name}",
        checked=country.checked,
        channels=tuple(Channel(type="call", value=n) for n in country.emergency),
        note=country.emergency_note,
    )


def section(resource: Resource) -> str:
    if resource.kind == "support" and resource.for_supporters:
        return "supporter"
    return resource.kind


def _keep_channels(resource: Resource, channel: str) -> Resource | None:
    kept = tuple(c for c in resource.channels if c.type == channel)
    return replace(resource, channels=kept) if kept else None


def listing(
    directory: Directory,
    choice: CountryChoice,
    *,
    channel: str | None = None,
    audience: str | None = None,
) -> Listing:
    code = choice.code
    country = directory.countries.get(code) if code else None
    own = [r for r in directory.resources if code and r.country == code]
    entries = [emergency_entry(country)] if country else []
    entries += own
    entries += [r for r in directory.resources if r.country == INTERNATIONAL]
    if audience == "crisis":
        entries = [r for r in entries if r.kind in ("emergency", "crisis", "directory")]
    elif audience == "supporter":
        entries = [r for r in entries if r.for_supporters or r.kind == "directory"]
    if channel:
        entries = [kept for r in entries if (kept := _keep_channels(r, channel))]
    entries.sort(key=lambda r: SECTION_ORDER[section(r)])  # stable: file order within a section
    return Listing(
        choice=choice,
        country=country,
        entries=tuple(entries),
        has_data=bool(own or country),
    )
