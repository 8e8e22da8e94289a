"""data/tips.toml: tips for allies, grouped by category, each with its sources."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from ally.content import SLUG, Source, read, unique


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    blurb: str


@dataclass(frozen=True)
class Tip:
    id: str
    category: Category
    title: str
    summary: str
    why: str
    steps: tuple[str, ...]
    say: tuple[str, ...]
    avoid: tuple[str, ...]
    sources: tuple[Source, ...]

    def searchable(self) -> str:
        parts = (self.id, self.title, self.summary, self.why, *self.steps, *self.say, *self.avoid)
        return " ".join(parts).lower()


@dataclass(frozen=True)
class TipBook:
    categories: tuple[Category, ...]
    tips: tuple[Tip, ...]
    checked: date


@cache
def load_tips() -> TipBook:
    doc = read("tips.toml")
    categories = tuple(
        Category(id=t.text("id", pattern=SLUG), title=t.text("title"), blurb=t.text("blurb"))
        for t in doc.tables("category")
    )
    unique(categories, lambda c: c.id, "category")
    by_id = {c.id: c for c in categories}
    tips = []
    for t in doc.tables("tip"):
        t.named("tip")
        tips.append(
            Tip(
                id=t.text("id", pattern=SLUG),
                category=by_id[t.choice("category", by_id)],
                title=t.text("title"),
                summary=t.text("summary"),
                why=t.text("why"),
                steps=t.texts("steps"),
                say=t.texts("say"),
                avoid=t.texts("avoid"),
                sources=t.sources(),
            )
        )
    unique(tips, lambda tip: tip.id, "tip")
    return TipBook(categories=categories, tips=tuple(tips), checked=doc.meta().day("checked"))
