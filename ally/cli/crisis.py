"""`ally crisis`: the shortest route to help when someone may be in danger now.

Never a dead end: an unknown country code, a bad setting or a bad region still
shows the screen (with what is true everywhere, or for the whole country), and
the problem goes to stderr with the documented exit code for scripts.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

import typer

from ally.cli.output import Page, emit_json, error, note
from ally.cli.resources import (
    COUNTRY,
    JSON,
    REGION,
    channel_json,
    explain_country,
    explain_region,
    headline,
    resolve_country,
    resolve_region,
    ways_in,
)
from ally.content.crisis import CrisisGuide, Step, fill, load_crisis_guide
from ally.content.directory import Resource, load_directory
from ally.countries import the
from ally.errors import AllyError
from ally.resources import (
    CountryChoice,
    Listing,
    crisis_lines,
    listing,
    main_channels,
    region_names,
    supporter_lines,
)

# Enough lines to choose from, few enough to read in a panic.
MOST_LINES = 7
# Lines for the supporter's own support when the person is elsewhere.
MOST_OWN_LINES = 3
LOCAL_EMERGENCY = "your local emergency number"


def emergency_numbers(found: Listing | None) -> str:
    if found and found.country:
        return " or ".join(found.country.emergency)
    return ""


def first_emergency(found: Listing | None) -> str:
    if found and found.country:
        return found.country.emergency[0]
    return LOCAL_EMERGENCY


def country_name(found: Listing | None) -> str:
    return the(found.country.name) if found and found.country else "their country"


def quick(resource: Resource) -> str:
    text = ways_in(main_channels(resource)) or ways_in(list(resource.channels))
    return f"{text} ({resource.instruction})" if resource.instruction else text


# ------------------------------------------------------------------ JSON


def line_json(resource: Resource, found: Listing) -> dict[str, Any]:
    return {
        "id": resource.id,
        "name": resource.name,
        "label": resource.label or None,
        "regions": list(resource.regions),
        "region_names": region_names(resource, found.country) or None,
        "youth": resource.youth,
        "hours": resource.hours,
        "always_open": resource.always_open,
        "instruction": resource.instruction or None,
        "channels": [channel_json(c) for c in resource.channels],
        "source": resource.source_url,
        "checked": resource.checked.isoformat(),
    }


def step_json(step: Step, found: Listing | None) -> dict[str, Any]:
    values = {"emergency": first_emergency(found), "country": country_name(found)}
    return {
        "id": step.id,
        "title": fill(step.title, **values),
        "detail": fill(step.detail, **values),
        "say": list(step.say),
    }


def crisis_json(
    found: Listing, *, own: Listing | None = None, remote: bool = False
) -> dict[str, Any]:
    guide = load_crisis_guide()
    country = found.country
    values = {"emergency": first_emergency(found), "country": country_name(found)}
    data: dict[str, Any] = {
        "country": found.choice.code if country else None,
        "country_name": country.name if country else None,
        "emergency": list(country.emergency) if country else [],
        "emergency_source": country.source_url if country else None,
        "region": found.region.id if found.region else None,
        "regions_note": country.regions_note if country and country.regions_note else None,
        "urgency": {
            "title": guide.urgency.title,
            "questions": list(guide.urgency.questions),
            "if_yes": fill(guide.urgency.if_yes, **values),
        },
        "lines": [line_json(r, found) for r in crisis_lines(found)],
        "directories": [r.website for r in found.entries if r.kind == "directory"],
        "steps": [step_json(s, found) for s in guide.steps],
        "sources": [{"name": s.name, "title": s.title, "url": s.url} for s in guide.sources],
        "remote": remote,
    }
    if remote:
        data["remote_steps"] = [step_json(s, found) for s in guide.remote.steps]
        data["routes"] = [fill(r, **values) for r in guide.remote.routes]
        data["police_non_emergency"] = (country.police_non_emergency or None) if country else None
        data["support_for_you"] = {
            "country": own.choice.code if own and own.country else None,
            "emergency": list(own.country.emergency) if own and own.country else [],
            "lines": [line_json(r, own) for r in supporter_lines(own)[:MOST_OWN_LINES]]
            if own
            else [],
        }
    return data


# ------------------------------------------------------------------ text


def render_urgency(page: Page, guide: CrisisGuide, found: Listing | None) -> None:
    page.heading(guide.urgency.title)
    page.bullets(guide.urgency.questions)
    values = {"emergency": first_emergency(found), "country": country_name(found)}
    page.text(fill(guide.urgency.if_yes, **values), indent=2)


def render_lines(page: Page, found: Listing, title: str) -> None:
    lines = crisis_lines(found)
    if not lines:
        render_directories(page, found)
        return
    page.heading(title)
    for r in lines[:MOST_LINES]:
        page.text(headline(r, found.country), indent=2, style="bold")
        page.text(quick(r), indent=4)
    country = found.country
    if country and country.regions and not found.region:
        page.dim(country.regions_note, indent=2)
    if len(lines) > MOST_LINES:
        page.dim(f"{len(lines) - MOST_LINES} more: ally resources --for crisis", indent=2)


def render_directories(page: Page, found: Listing) -> None:
    page.heading("Find a crisis line")
    page.bullets(f"{r.name}: {r.website}" for r in found.entries if r.kind == "directory")


def render_steps(page: Page, steps: tuple[Step, ...], found: Listing | None) -> None:
    values = {"emergency": first_emergency(found), "country": country_name(found)}
    for n, step in enumerate(steps, 1):
        page.text(f"{n}. {fill(step.title, **values)}", indent=2, style="bold")
        page.text(fill(step.detail, **values), indent=5)


def render_crisis(
    page: Page, found: Listing, *, own: Listing | None = None, remote: bool = False
) -> None:
    """The crisis screen: the emergency number on the first line, then what to check and do."""
    guide = load_crisis_guide()
    if remote:
        render_remote(page, guide, found, own)
        return
    numbers = emergency_numbers(found)
    page.alert(f"Life in danger? Call {numbers or LOCAL_EMERGENCY} now.")
    render_urgency(page, guide, found)
    where = found.country.name if found.country else ""
    if found.region:
        where += f", {found.region.name}"
    render_lines(page, found, f"Crisis lines ({where})")
    page.heading(guide.headline)
    render_steps(page, guide.steps, found)
    page.blank()
    page.dim("Steps follow " + " and ".join(s.name for s in guide.sources[:2]) + ".")


def render_remote(page: Page, guide: CrisisGuide, found: Listing, own: Listing | None) -> None:
    numbers = emergency_numbers(found)
    if numbers and found.country:
        page.alert(
            f"Life in danger where they are? The emergency number in {the(found.country.name)} "
            f"is {numbers}."
        )
    else:
        page.alert(
            "Life in danger where they are? Call the emergency number of the country they are in."
        )
    remote = guide.remote
    values = {"emergency": first_emergency(found), "country": country_name(found)}
    page.heading(remote.headline)
    for n, step in enumerate(remote.steps, 1):
        page.text(f"{n}. {fill(step.title, **values)}", indent=2, style="bold")
        page.text(fill(step.detail, **values), indent=5)
        if step.id == "get-help-there":
            render_routes(page, guide, found, own)
    render_urgency(page, guide, found)
    if found.country:
        render_lines(page, found, f"Crisis lines where they are ({found.country.name})")
    else:
        render_directories(page, found)
    render_own_support(page, own)


def render_routes(page: Page, guide: CrisisGuide, found: Listing, own: Listing | None) -> None:
    values = {"emergency": first_emergency(found), "country": country_name(found)}
    page.text(fill(guide.remote.routes_title, **values), indent=5)
    page.bullets((fill(r, **values) for r in guide.remote.routes), indent=5)
    country = found.country
    if country and country.police_non_emergency:
        page.text(
            f"Police, not urgent, in {the(country.name)}: {country.police_non_emergency} "
            "(from inside the country)",
            indent=5,
        )
    if own and own.country:
        numbers_here = " or ".join(own.country.emergency)
        page.text(f"Your own emergency number ({own.country.name}): {numbers_here}", indent=5)


def render_own_support(page: Page, own: Listing | None) -> None:
    if own is None or own.country is None:
        page.heading("Support for you")
        page.text(
            "Tell ally where you are (ally config set country CC) to see lines that support "
            "worried friends and family near you.",
            indent=2,
        )
        return
    lines = supporter_lines(own)[:MOST_OWN_LINES]
    page.heading(f"Support for you ({own.country.name})")
    for r in lines:
        page.text(headline(r, own.country), indent=2, style="bold")
        page.text(quick(r), indent=4)
    if not lines:
        page.text("ally has no lines for supporters here; see ally resources.", indent=2)


# ------------------------------------------------------------------ command

app = typer.Typer(add_completion=False)


@dataclass
class Problem:
    """Something wrong with the country or region that must not hide the screen."""

    error: AllyError | None = None

    def keep(self, exc: AllyError) -> None:
        if self.error is None:
            self.error = exc


def person_listing(
    country: str | None, region: str | None, problem: Problem, *, remote: bool
) -> Listing:
    """The country (and region) of the person at risk; degrades, never fails."""
    directory = load_directory()
    try:
        unknown = CountryChoice(None, "none")
        choice = unknown if remote and not country else resolve_country(country)
    except AllyError as exc:
        problem.keep(exc)
        choice = CountryChoice(None, "none")
    try:
        region_choice = resolve_region(choice, region)
    except AllyError as exc:
        problem.keep(exc)
        return listing(directory, choice)
    found = listing(directory, choice, region=region_choice.region)
    if problem.error is None and not (remote and not country):
        explain_country(found)
        explain_region(region_choice, found.country)
    return found


def own_listing(problem: Problem) -> Listing | None:
    """The supporter's own country, for 'support for you' when the person is elsewhere."""
    try:
        choice = resolve_country(None)
    except AllyError as exc:
        problem.keep(exc)
        return None
    try:
        region = resolve_region(choice, None).region
    except AllyError:
        region = None
    found = listing(load_directory(), choice, region=region)
    if choice.code is None:
        note(
            "Could not tell which country you are in, for support near you: "
            "set ALLY_COUNTRY or run `ally config set country CC`."
        )
    else:
        explain_country(found, whose="Your own country")
    return found


@app.command()
def crisis(
    country: str | None = COUNTRY,
    region: str | None = REGION,
    remote: bool = typer.Option(
        False,
        "--remote",
        help="The person at risk is somewhere else: --country is where THEY are; "
        "support for you stays that of your own country.",
    ),
    as_json: bool = JSON,
) -> None:
    """Someone may be in danger now: the emergency number, what to check, crisis lines, what to do.

    Examples:

      ally crisis
      ally crisis --country IE
      ally crisis --country GB --region scotland
      ally crisis --country CA --remote     # they are in Canada, you are not
    """
    problem = Problem()
    found = person_listing(country, region, problem, remote=remote)
    own = own_listing(problem) if remote else None
    if remote and not country:
        note("Where are they? Add --country CC for the country the person is in.")
    if problem.error:
        exc = problem.error
        message = f"{exc.message}; {exc.hint}" if exc.hint else exc.message
        error(f"{message}. Showing the crisis screen anyway.")
    if as_json:
        emit_json(crisis_json(found, own=own, remote=remote))
    else:
        render_crisis(Page(), found, own=own, remote=remote)
    if problem.error:
        sys.stdout.flush()
        raise typer.Exit(problem.error.exit_code)
