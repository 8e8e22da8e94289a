"""Finding tips: by id, by category, by words, or one at random (seeded)."""

from __future__ import annotations

from ally.content.tips import Tip, TipBook
from ally.errors import NotFoundError, UsageError


def find(book: TipBook, tip_id: str) -> Tip:
    wanted = tip_id.strip().lower()
    for tip in book.tips:
        if tip.id == wanted:
            return tip
    close = [t.id for t in book.tips if wanted and (wanted in t.id or t.id in wanted)]
    hint = f"did you mean {', '.join(close)}?" if close else "run `ally tips` to see every id"
    raise NotFoundError(f"no tip with id '{tip_id}'", hint=hint)


def check_category(book: TipBook, category: str) -> str:
    wanted = category.strip().lower()
    ids = [c.id for c in book.categories]
    if wanted not in ids:
        raise UsageError(f"unknown category '{category}'; categories are: {', '.join(ids)}")
    return wanted


def select(book: TipBook, *, category: str | None = None, words: str | None = None) -> list[Tip]:
    """Tips in file order, narrowed to a category and to those containing every word."""
    tips = list(book.tips)
    if category:
        wanted = check_category(book, category)
        tips = [t for t in tips if t.category.id == wanted]
    if words:
        terms = words.lower().split()
        tips = [t for t in tips if all(term in t.searchable() for term in terms)]
    return tips


def pick(book: TipBook, *, seed: int | None, category: str | None = None) -> Tip:
    import random  # only this command needs it

    tips = select(book, category=category)
    return random.Random(seed).choice(tips)
