"""`ally resources`: who to call, text or read, for the user's country and region."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from ally.cli.localzone import zone_candidates
from ally.cli.output import Page, emit_json, note
from ally.content.directory import Channel, Country, Resource, load_directory
from ally.errors import NotFoundError
from ally.resources import (
    SECTIONS,
    CountryChoice,
    Listing,
    RegionChoice,
    choose_country,
    choose_region,
    covered_countries,
    listing,
    main_channels,
    region_names,
    section,
)

ZONEINFO = Path("/usr/share/zoneinfo")

COUNTRY = typer.Option(
    None,
    "--country",
    help="Two-letter country code (ISO 3166), e.g. US, GB, IE. Default: $ALLY_COUNTRY, "
    "then `ally config set country`, then your time zone, then your locale.",
)
REGION = typer.Option(
    None,
    "--region",
    help="A region with its own services, e.g. scotland, wales, england, northern-ireland "
    "(GB). Default: `ally config set region`.",
)
JSON = typer.Option(False, "--json", help="Print JSON instead of text.")
VERBS = {
    "call": "call",
    "text": "text",
    "chat": "chat",
    "web": "online",
    "tty": "TTY",
    "whatsapp": "WhatsApp",
    "email": "email",
    "videophone": "videophone",
}


# Languages a line answers in, named on screen when English is not one of them.
LANGUAGE_NAMES = {
    "ase": "American Sign Language",
    "cr": "Cree",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fi": "Finnish",
    "fr": "French",
    "hi": "Hindi",
    "it": "Italian",
    "iu": "Inuktitut",
    "ja": "Japanese",
    "ko": "Korean",
    "ms": "Malay",
    "nl": "Dutch",
    "no": "Norwegian",
    "oj": "Ojibway",
    "pl": "Polish",
    "pt": "Portuguese",
    "sv": "Swedish",
    "ta": "Tamil",
    "zh": "Chinese",
}


def spoken_in(resource: Resource) -> str:
    """'in Japanese', 'in German, French or Italian'; empty when English is one of them."""
    if not resource.languages or "en" in resource.languages:
        return ""
    names = [LANGUAGE_NAMES.get(code, code) for code in resource.languages]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return f"in {joined}"


class ChannelChoice(StrEnum):
    call = "call"
    text = "text"
    chat = "chat"


class AudienceChoice(StrEnum):
    crisis = "crisis"
    supporter = "supporter"


# ------------------------------------------------------------------ where the user is


def _settings() -> tuple[dict[str, str], str]:
    """The user's config file (checked); {} when there is none."""
    from ally import config

    path = config.config_path()
    if not path.exists():  # spares tomllib on the common path
        return {}, str(path)
    return config.load(path), str(path)


def resolve_country(option: str | None) -> CountryChoice:
    """The user's country: option, ALLY_COUNTRY, config file, time zone, locale."""
    env = os.environ
    settings: dict[str, str] = {}
    path = ""
    if not option and not env.get("ALLY_COUNTRY"):
        settings, path = _settings()
    zones = zone_candidates(env)
    return choose_country(
        option,
        env,
        zones[0] if zones else None,
        ZONEINFO / "zone.tab",
        configured=settings.get("country"),
        config_path=path,
        covered=covered_countries(load_directory()),
    )


def resolve_region(choice: CountryChoice, option: str | None) -> RegionChoice:
    """The region: --region, else the config file's, if it is a region of this country."""
    directory = load_directory()
    country = directory.countries.get(choice.code) if choice.code else None
    configured = None if option else _settings()[0].get("region")
    return choose_region(country, option, configured, all_regions=directory.region_ids())


def explain_country(found: Listing, *, whose: str = "Country") -> None:
    """Say on stderr how the country was chosen when it was guessed or could not be told."""
    choice = found.choice
    if choice.code is None:
        note(
            "Could not tell which country you are in: pass --country CC (e.g. --country GB), "
            "set ALLY_COUNTRY, or run `ally config set country CC`. "
            "Showing what is true everywhere."
        )
        return
    if not choice.guessed:
        return
    from ally.countries import NAMES

    message = f"{whose}: {choice.describe()}."
    if choice.alternative:
        code, how = choice.alternative
        message += (
            f" Your locale ({how}) points to {NAMES.get(code, code)}: use --country {code} for it."
        )
    message += f" To choose once: ally config set country {choice.code}"
    note(message)


def explain_region(region: RegionChoice, country: Country | None) -> None:
    if region.ignored and country:
        note(
            f"Region {region.ignored!r} from your settings is not a region of {country.name}; "
            "showing the whole country."
        )


# ------------------------------------------------------------------ describing a line


def channel_phrase(channel: Channel) -> str:
    """'988, then press 1', 'HOME to 741741': the number with what to do."""
    what = f"{channel.keyword} to {channel.value}" if channel.keyword else channel.value
    return f"{what}, {channel.instruction}" if channel.instruction else what


def ways_in(channels: list[Channel]) -> str:
    """'call 0800 111 0 111 or 0800 111 0 222 · chat https://...': one group per kind."""
    groups: dict[str, list[str]] = {}
    for channel in channels:
        groups.setdefault(channel.type, []).append(channel_phrase(channel))
    parts = []
    for kind, phrases in groups.items():
        joined = phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " or " + phrases[-1]
        parts.append(f"{VERBS[kind]} {joined}")
    return " · ".join(parts)


def quick_ways(resource: Resource) -> str:
    """How to reach a line in one line: its main channels, else whatever it has."""
    channels = main_channels(resource)
    extra = [c for c in resource.channels if c.type in ("web", "email") and c not in channels]
    text = ways_in(channels + extra[: max(0, 2 - len(channels))] if channels else extra)
    if not text:
        text = ways_in(list(resource.channels))
    if resource.instruction:
        text += f" ({resource.instruction})"
    return text


def headline(resource: Resource, country: Country | None) -> str:
    """'24/7 · Childline, for under-19s' or 'Daily ... · Telefono Amico Italia · in Italian'.

    The hours always come first, so a line that is not open around the clock
    can never be mistaken for one that is.
    """
    name = resource.name
    if resource.label:
        name += f", {resource.label}"
    where = region_names(resource, country)
    if where:
        name += f" ({where})"
    language = spoken_in(resource)
    if language:
        name += f" · {language}"
    return f"{resource.hours} · {name}" if resource.hours else name


def describe_channel(channel: Channel, *, with_note: bool = True) -> str:
    verb = VERBS[channel.type]
    verb = verb if verb[0].isupper() else verb.capitalize()
    extras = [x for x in (channel.language and f"language {channel.language}", channel.hours) if x]
    line = " · ".join([f"{verb} {channel_phrase(channel)}", *extras])
    if with_note and channel.note:
        line += f". {channel.note}"
    return line


# ------------------------------------------------------------------ JSON


def channel_json(channel: Channel) -> dict[str, Any]:
    return {
        "type": channel.type,
        "value": channel.value,
        "keyword": channel.keyword or None,
        "hours": channel.hours or None,
        "language": channel.language or None,
        "note": channel.note or None,
        "instruction": channel.instruction or None,
    }


def resource_json(resource: Resource, *, fallback: bool = False) -> dict[str, Any]:
    return {
        "id": resource.id,
        "name": resource.name,
        "country": resource.country,
        "kind": resource.kind,
        "section": section(resource),
        "for_supporters": resource.for_supporters,
        "audience": resource.audience,
        "label": resource.label or None,
        "youth": resource.youth,
        "regions": list(resource.regions),
        "summary": resource.summary,
        "hours": resource.hours or None,
        "always_open": resource.always_open,
        "languages": list(resource.languages),
        "cost": resource.cost or None,
        "operator": resource.operator or None,
        "website": resource.website,
        "channels": [channel_json(c) for c in resource.channels],
        "instruction": resource.instruction or None,
        "confidence": resource.confidence,
        "note": resource.note or None,
        "source": {
            "url": resource.source_url,
            "title": resource.source_title,
            "kind": resource.source_kind,
        },
        "checked": resource.checked.isoformat(),
        "fallback": fallback,
    }


# ------------------------------------------------------------------ text


def source_line(resource: Resource) -> str:
    kind = {"own": "own page", "secondary": "secondary source"}.get(
        resource.source_kind, f"{resource.source_kind} page"
    )
    return (
        f"Source ({kind}): {resource.source_url} (checked {resource.checked.isoformat()}; "
        f"confidence {resource.confidence})"
    )


def render_brief(page: Page, resource: Resource, country: Country | None) -> None:
    """Two lines: hours and name (with its id), then how to reach it."""
    page.text(f"{headline(resource, country)}  ({resource.id})", indent=2, style="bold")
    page.text(quick_ways(resource), indent=4)


def render_resource(page: Page, resource: Resource, country: Country | None = None) -> None:
    """Everything about one line: notes, every channel, sources and confidence."""
    page.text(headline(resource, country), indent=2, style="bold")
    page.dim(f"id: {resource.id}", indent=4)
    page.text(resource.summary, indent=4)
    page.bullets((describe_channel(c) for c in resource.channels), indent=4, marker="-")
    if resource.instruction:
        page.field("Tip", resource.instruction, indent=4)
    page.field("For", resource.audience, indent=4)
    if resource.languages:
        page.field("Languages", ", ".join(resource.languages), indent=4)
    page.field("Cost", resource.cost, indent=4)
    page.field("Run by", resource.operator, indent=4)
    page.field("Note", resource.note, indent=4)
    page.dim(source_line(resource), indent=4)


def render_emergency(page: Page, resource: Resource, *, details: bool) -> None:
    numbers = " or ".join(c.value for c in resource.channels)
    page.blank()
    page.alert(f"In immediate danger: call {numbers}.")
    if resource.note:
        page.dim(resource.note, indent=2)
    if details:
        page.dim(source_line(resource), indent=2)


def render_fallback(page: Page, found: Listing) -> None:
    name = found.country.name if found.country else "this country"
    page.text(
        f"Nothing in ally's list for {name} matches those filters. The nearest help: "
        "its crisis lines (many also take calls from worried friends and family) and the "
        "international directories."
    )
    for resource in found.fallback:
        render_brief(page, resource, found.country)


def render_listing(page: Page, found: Listing, *, details: bool = False) -> None:
    choice = found.choice
    where = choice.describe()
    if found.region:
        where += f", {found.region.name}"
    page.title(f"Support and crisis lines: {where}")
    if choice.code and not found.has_data:
        page.text(
            "ally has no lines for this country yet. The international directories below list "
            "crisis lines there. In an emergency, call your local emergency number."
        )
    current = ""
    for resource in found.entries:
        if resource.kind == "emergency":
            render_emergency(page, resource, details=details)
            continue
        name = section(resource)
        if name != current:
            page.heading(SECTIONS[name])
            current = name
        if details:
            render_resource(page, resource, found.country)
        else:
            render_brief(page, resource, found.country)
    if found.fallback:
        page.blank()
        render_fallback(page, found)
    elif not found.entries:
        page.text("Nothing matches those filters.")
    country = found.country
    page.blank()
    if country and country.regions and not found.region:
        page.dim(country.regions_note)
        ids = ", ".join(r.id for r in country.regions)
        page.dim(f"Only one region: --region ({ids}), or ally config set region.")
    if not details:
        page.dim("Notes, sources and confidence: --details, or ally resources show ID.")
    page.dim(
        "Numbers change: each line was checked on the date in its details. "
        "If one does not work, try the directory or your emergency number."
    )


# ------------------------------------------------------------------ commands

app = typer.Typer(
    help="""Who to call, text or read for your country, crisis lines first.

Emergency and crisis lines come first, then support for you as a
supporter, then information, then international directories. Each line
shows its hours, then its name and how to reach it.

Examples:

  ally resources --country GB
  ally resources --country GB --region scotland
  ally resources --for supporter
  ally resources --country US --channel text --json
  ally resources --details                  # notes, sources, confidence
  ally resources show gb-samaritans         # one line in full
""",
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
)


@app.callback()
def resources(
    ctx: typer.Context,
    country: str | None = COUNTRY,
    region: str | None = REGION,
    channel: ChannelChoice | None = typer.Option(
        None, "--channel", help="Only lines you can reach this way."
    ),
    audience: AudienceChoice | None = typer.Option(
        None,
        "--for",
        help="crisis: for someone in danger now; supporter: lines for you as a supporter.",
    ),
    details: bool = typer.Option(
        False, "--details", help="Show notes, every channel, sources and confidence."
    ),
    as_json: bool = JSON,
) -> None:
    """List who to contact (run with no subcommand)."""
    if ctx.invoked_subcommand is not None:
        return
    choice = resolve_country(country)
    region_choice = resolve_region(choice, region)
    found = listing(
        load_directory(),
        choice,
        region=region_choice.region,
        channel=channel.value if channel else None,
        audience=audience.value if audience else None,
    )
    explain_country(found)
    explain_region(region_choice, found.country)
    if found.fallback:
        note("Nothing matches those filters; showing the nearest help instead.")
    if as_json:
        emit_json(
            [resource_json(r) for r in found.entries]
            + [resource_json(r, fallback=True) for r in found.fallback]
        )
    else:
        render_listing(Page(), found, details=details)


def find_resource(resource_id: str) -> tuple[Resource, Country | None]:
    """A line by its id (or a country's '<cc>-emergency'), with its country."""
    from ally.resources import emergency_entry

    directory = load_directory()
    wanted = resource_id.strip().lower()
    for resource in directory.resources:
        if resource.id == wanted:
            return resource, directory.countries.get(resource.country)
    for country in directory.countries.values():
        if wanted == f"{country.code.lower()}-emergency":
            return emergency_entry(country), country
    close = [r.id for r in directory.resources if wanted and wanted in r.id][:5]
    hint = f"did you mean {', '.join(close)}?" if close else "ids are shown by ally resources"
    raise NotFoundError(f"no resource with id '{resource_id}'", hint=hint)


@app.command("show")
def show(
    resource_id: str = typer.Argument(..., metavar="ID", help="An id, e.g. gb-samaritans."),
    as_json: bool = JSON,
) -> None:
    """Show one line in full: every channel, notes, sources and confidence.

    Example: ally resources show gb-samaritans
    """
    resource, country = find_resource(resource_id)
    if as_json:
        emit_json(resource_json(resource))
        return
    page = Page()
    render_resource(page, resource, country)
