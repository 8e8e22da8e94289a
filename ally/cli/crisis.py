"""`ally crisis`: the shortest route to help when someone may be in danger now."""

from __future__ import annotations

from typing import Any

import typer

from ally.cli.output import Page, emit_json
from ally.cli.resources import (
    COUNTRY,
    JSON,
    channel_json,
    describe_channel,
    explain_country,
    resolve_country,
)
from ally.content.crisis import load_crisis_guide
from ally.content.directory import Channel, Resource, load_directory
from ally.resources import Listing, listing

# Enough lines to choose from, few enough to read in a panic.
MOST_LINES = 3


def main_channels(resource: Resource) -> list[Channel]:
    """One way in per kind (call, text, chat), preferring those for any language."""
    chosen: dict[str, Channel] = {}
    for channel in sorted(resource.channels, key=lambda c: bool(c.language)):
        if channel.type in ("call", "text", "chat"):
            chosen.setdefault(channel.type, channel)
    return [c for c in resource.channels if c in chosen.values()]


def crisis_json(found: Listing) -> dict[str, Any]:
    guide = load_crisis_guide()
    lines = [r for r in found.entries if r.kind == "crisis"]
    return {
        "country": found.choice.code,
        "country_name": found.country.name if found.country else None,
        "emergency": list(found.country.emergency) if found.country else [],
        "emergency_source": found.country.source_url if found.country else None,
        "lines": [
            {
                "id": r.id,
                "name": r.name,
                "hours": r.hours,
                "channels": [channel_json(c) for c in r.channels],
                "source": r.source_url,
                "checked": r.checked.isoformat(),
            }
            for r in lines
        ],
        "directories": [r.website for r in found.entries if r.kind == "directory"],
        "steps": [{"title": s.title, "detail": s.detail} for s in guide.steps],
        "sources": [{"name": s.name, "title": s.title, "url": s.url} for s in guide.sources],
    }


def render_crisis(page: Page, found: Listing) -> None:
    guide = load_crisis_guide()
    if found.country:
        numbers = " or ".join(found.country.emergency)
        page.alert(f"Life in danger? Call {numbers} now.")
    else:
        page.alert("Life in danger? Call your local emergency number now.")
    lines = [r for r in found.entries if r.kind == "crisis"]
    if lines:
        page.heading(f"Crisis lines ({found.country.name if found.country else ''})")
        for r in lines[:MOST_LINES]:
            hours = f" ({r.hours})" if r.hours else ""
            page.text(f"{r.name}{hours}", indent=2, style="bold")
            page.bullets(
                (describe_channel(c, with_note=False) for c in main_channels(r)),
                indent=4,
                marker="-",
            )
        if len(lines) > MOST_LINES:
            page.dim(f"{len(lines) - MOST_LINES} more: ally resources --for crisis", indent=2)
    else:
        page.heading("Find a crisis line")
        page.bullets(f"{r.name}: {r.website}" for r in found.entries if r.kind == "directory")
    page.heading(guide.headline)
    for n, step in enumerate(guide.steps, 1):
        page.text(f"{n}. {step.title}", indent=2, style="bold")
        page.text(step.detail, indent=5)
    page.blank()
    page.dim("Steps follow " + " and ".join(s.name for s in guide.sources) + ".")


app = typer.Typer()


@app.command()
def crisis(country: str | None = COUNTRY, as_json: bool = JSON) -> None:
    """Someone may be in danger now: the emergency number, crisis lines and what to do.

    Examples:

      ally crisis
      ally crisis --country IE
    """
    found = listing(load_directory(), resolve_country(country))
    explain_country(found)
    if as_json:
        emit_json(crisis_json(found))
    else:
        render_crisis(Page(), found)
