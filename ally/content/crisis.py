"""data/crisis.toml: what `ally crisis` says to do when someone may be in danger now.

An urgency check (is it an emergency?), a few steps, each with things to say,
and what to do when the person at risk is somewhere else. Texts may hold the
placeholders {emergency} and {country}; `fill` puts in the country's values.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import NamedTuple

from ally.content import SLUG, Source, Table, read, unique
from ally.errors import ContentError

PLACEHOLDERS = ("emergency", "country")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class Step(NamedTuple):
    title: str
    detail: str
    say: tuple[str, ...] = ()
    id: str = ""


class Urgency(NamedTuple):
    title: str
    questions: tuple[str, ...]
    if_yes: str


class RemoteGuide(NamedTuple):
    headline: str
    steps: tuple[Step, ...]
    routes_title: str
    routes: tuple[str, ...]


class CrisisGuide(NamedTuple):
    headline: str
    steps: tuple[Step, ...]
    sources: tuple[Source, ...]
    checked: date
    urgency: Urgency
    remote: RemoteGuide


def fill(text: str, *, emergency: str, country: str) -> str:
    """The text with {emergency} and {country} put in."""
    return text.replace("{emergency}", emergency).replace("{country}", country)


def _checked_placeholders(where: str, *texts: str) -> None:
    for text in texts:
        for name in PLACEHOLDER.findall(text):
            if name not in PLACEHOLDERS:
                raise ContentError(f"{where}: unknown placeholder {{{name}}}")


def _step(t: Table) -> Step:
    t.named("step")
    step = Step(
        id=t.text("id", pattern=SLUG),
        title=t.text("title"),
        detail=t.text("detail"),
        say=t.texts("say", minimum=0),
    )
    _checked_placeholders(t.where, step.title, step.detail, *step.say)
    return step


def _urgency(t: Table) -> Urgency:
    urgency = Urgency(
        title=t.text("title"), questions=t.texts("questions"), if_yes=t.text("if_yes")
    )
    _checked_placeholders(t.where, urgency.if_yes, *urgency.questions)
    return urgency


def _remote(doc: Table) -> RemoteGuide:
    t = Table(doc.raw.get("remote", {}), "crisis.toml [remote]")
    steps = tuple(_step(s) for s in doc.tables("remote_step"))
    unique(steps, lambda s: s.id, "remote step")
    routes = t.texts("routes")
    _checked_placeholders(t.where, *routes)
    return RemoteGuide(
        headline=t.text("headline"),
        steps=steps,
        routes_title=t.text("routes_title"),
        routes=routes,
    )


@cache
def load_crisis_guide() -> CrisisGuide:
    doc = read("crisis.toml")
    meta = doc.meta()
    steps = tuple(_step(t) for t in doc.tables("step"))
    unique(steps, lambda s: s.id, "step")
    return CrisisGuide(
        headline=meta.text("headline"),
        steps=steps,
        sources=doc.sources(),
        checked=meta.day("checked"),
        urgency=_urgency(Table(doc.raw.get("urgency", {}), "crisis.toml [urgency]")),
        remote=_remote(doc),
    )
