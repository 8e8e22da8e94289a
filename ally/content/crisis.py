"""data/crisis.toml: the few steps `ally crisis` shows when someone may be in danger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from ally.content import Source, read


@dataclass(frozen=True)
class Step:
    title: str
    detail: str


@dataclass(frozen=True)
class CrisisGuide:
    headline: str
    steps: tuple[Step, ...]
    sources: tuple[Source, ...]
    checked: date


@cache
def load_crisis_guide() -> CrisisGuide:
    doc = read("crisis.toml")
    meta = doc.meta()
    return CrisisGuide(
        headline=meta.text("headline"),
        steps=tuple(Step(t.text("title"), t.text("detail")) for t in doc.tables("step")),
        sources=doc.sources(),
        checked=meta.day("checked"),
    )
