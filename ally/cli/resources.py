"""`ally resources`: who to call, text or read, for the user's country."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from ally.cli.localzone import zone_candidates
from ally.cli.output import Page, emit_json, note
from ally.content.directory import Channel, Resource, load_directory
from ally.resources import SECTIONS, CountryChoice, Listing, choose_country, listing, section

ZONEINFO = Path("/usr/share/zoneinfo")

COUNTRY = typer.Option(
    None,
    "--country",
    help="Two-letter country code (ISO 3166), e.g. US, GB, IE. Default: $ALLY_COUNTRY, "
    "then your locale, then your time zone.",
)
JSON = typer.Option(False, "--json", help="Print JSON instead of text.")


class ChannelChoice(StrEnum):
    call = "call"
    text = "text"
    chat = "chat"


class AudienceChoice(StrEnum):
    crisis = "crisis"
    supporter = "supporter"


def resolve_country(option: str | None) -> CountryChoice:
    zones = zone_candidates(os.environ)
    return choose_country(option, os.environ, zones[0] if zones else None, ZONEINFO / "zone.tab")


def describe_channel(channel: Channel, *, with_note: bool = True) -> str:
    verb = {
        "call": "Call",
        "text": "Text",
        "chat": "Chat",
        "web": "Web",
        "tty": "TTY",
        "whatsapp": "WhatsApp",
        "email": "Email",
        "videophone": "Videophone",
    }[channel.type]
    what = f"{channel.keyword} to {channel.value}" if channel.keyword else channel.value
    extras = [x for x in (channel.language and f"language: {channel.language}", channel.hours) if x]
    line = f"{verb} {what}"
    if extras:
        line += f" ({'; '.join(extras)})"
    if with_note and channel.note:
        line += f". {channel.note}"
    return line


def channel_json(channel: Channel) -> dict[str, Any]:
    return {
        "type": channel.type,
        "value": channel.value,
        "keyword": channel.keyword or None,
        "hours": channel.hours or None,
        "language": channel.language or None,
        "note": channel.note or None,
    }


def resource_json(resource: Resource) -> dict[str, Any]:
    return {
        "id": resource.id,
        "name": resource.name,
        "country": resource.country,
        "kind": resource.kind,
        "section": section(resource),
        "for_supporters": resource.for_supporters,
        "audience": resource.audience,
        "summary": resource.summary,
        "hours": resource.hours or None,
        "languages": list(resource.languages),
        "cost": resource.cost or None,
        "operator": resource.operator or None,
        "website": resource.website,
        "channels": [channel_json(c) for c in resource.channels],
        "confidence": resource.confidence,
        "note": resource.note or None,
        "source": {"url": resource.source_url, "title": resource.source_title},
        "checked": resource.checked.isoformat(),
    }


def render_resource(page: Page, resource: Resource) -> None:
    hours = f" ({resource.hours})" if resource.hours else ""
    page.text(f"{resource.name}{hours}", indent=2, style="bold")
    page.text(resource.summary, indent=4)
    page.bullets((describe_channel(c) for c in resource.channels), indent=4, marker="-")
    page.field("For", resource.audience, indent=4)
    if resource.languages:
        page.field("Languages", ", ".join(resource.languages), indent=4)
    page.field("Note", resource.note, indent=4)
    unsure = "" if resource.confidence == "high" else f"; confidence {resource.confidence}"
    page.dim(
        f"Source: {resource.source_url} (checked {resource.checked.isoformat()}{unsure})", indent=4
    )


def explain_country(listing_: Listing) -> None:
    """Say on stderr how the country was chosen when it was not asked for."""
    choice = listing_.choice
    if choice.code is None:
        note(
            "Could not tell which country you are in: pass --country CC (e.g. --country GB) "
            "or set ALLY_COUNTRY. Showing international directories."
        )
    elif choice.guessed:
        note(f"Country: {choice.describe()}. Change it with --country or ALLY_COUNTRY.")


def render_listing(page: Page, found: Listing) -> None:
    choice = found.choice
    page.title(f"Support and crisis lines: {choice.describe()}")
    if choice.code and not found.has_data:
        page.text(
            "ally has no lines for this country yet. The international directories below list "
            "crisis lines there. In an emergency, call your local emergency number."
        )
    current = ""
    for resource in found.entries:
        name = section(resource)
        if resource.kind == "emergency":
            numbers = " or ".join(c.value for c in resource.channels)
            page.blank()
            page.alert(f"In immediate danger: call {numbers}.")
            if resource.note:
                page.dim(resource.note, indent=2)
            page.dim(f"Source: {resource.source_url} (checked {resource.checked})", indent=2)
            continue
        if name != current:
            page.heading(SECTIONS[name])
            current = name
        render_resource(page, resource)
    if not found.entries:
        page.text("Nothing matches those filters.")
    page.blank()
    page.dim(
        "Numbers change: each line shows where it was checked and when. "
        "If one does not work, try the directory or your emergency number."
    )


app = typer.Typer()


@app.command()
def resources(
    country: str | None = COUNTRY,
    channel: ChannelChoice | None = typer.Option(
        None, "--channel", help="Only lines you can reach this way."
    ),
    audience: AudienceChoice | None = typer.Option(
        None,
        "--for",
        help="crisis: for someone in danger now; supporter: lines for you as a supporter.",
    ),
    as_json: bool = JSON,
) -> None:
    """Who to call, text or read for your country, crisis lines first.

    Emergency and crisis lines come first, then support for you as a
    supporter, then information, then international directories.

    Examples:

      ally resources --country GB
      ally resources --for supporter
      ally resources --country US --channel text --json
    """
    choice = resolve_country(country)
    found = listing(
        load_directory(),
        choice,
        channel=channel.value if channel else None,
        audience=audience.value if audience else None,
    )
    explain_country(found)
    if as_json:
        emit_json([resource_json(r) for r in found.entries])
    else:
        render_listing(Page(), found)
