"""`ally tips`: what to do, say and avoid, grouped by category."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from ally import tips as finder
from ally.cli.output import Page, emit_json
from ally.content.tips import Tip, load_tips

SEARCH_FLAGS = ("--search", "-s")


class TipsGroup(TyperGroup):
    """`ally tips --search text message` searches for both words.

    Typer takes one value per option, so the words after --search that are not
    options are joined into that one value before the usual parsing; otherwise
    the second word would be read as a subcommand.
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, join_search_words(args))


def join_search_words(args: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        out.append(arg)
        i += 1
        if arg == "--":
            out += args[i:]
            break
        if arg in SEARCH_FLAGS:
            words = []
            while i < len(args) and not args[i].startswith("-"):
                words.append(args[i])
                i += 1
            if words:
                out.append(" ".join(words))
    return out


app = typer.Typer(
    cls=TipsGroup,
    help="""Practical guidance for supporting someone: what to do, say and avoid.

Examples:

  ally tips                        # every tip, by category
  ally tips --category crisis      # one category
  ally tips --search secret        # tips mentioning a word
  ally tips --search text message  # tips mentioning all these words
  ally tips show listen-actively   # one tip in full
  ally tips random --seed 7        # one tip, the same one for the same seed
""",
    invoke_without_command=True,
    no_args_is_help=False,
)

JSON = typer.Option(False, "--json", help="Print JSON instead of text.")
CATEGORY = typer.Option(
    None, "--category", "-c", help="Only this category (e.g. listening, crisis)."
)


def tip_json(tip: Tip) -> dict[str, Any]:
    return {
        "id": tip.id,
        "category": tip.category.id,
        "category_title": tip.category.title,
        "title": tip.title,
        "summary": tip.summary,
        "why": tip.why,
        "steps": list(tip.steps),
        "say": list(tip.say),
        "avoid": list(tip.avoid),
        "sources": [{"name": s.name, "title": s.title, "url": s.url} for s in tip.sources],
    }


def render_tip(page: Page, tip: Tip) -> None:
    page.title(f"{tip.title}  ({tip.id})")
    page.dim(f"{tip.category.title} · {tip.summary}")
    page.heading("Why it matters")
    page.text(tip.why, indent=2)
    page.heading("How")
    page.numbered(tip.steps)
    page.heading("Try saying")
    page.bullets(tip.say)
    page.heading("Avoid")
    page.bullets(tip.avoid)
    page.heading("Sources")
    page.bullets(f"{s.name}: {s.title} <{s.url}>" for s in tip.sources)


@app.callback()
def list_tips(
    ctx: typer.Context,
    category: str | None = CATEGORY,
    search: str | None = typer.Option(
        None, "--search", "-s", help="Only tips containing all these words."
    ),
    as_json: bool = JSON,
) -> None:
    """List tips grouped by category (run with no subcommand)."""
    if ctx.invoked_subcommand is not None:
        return
    book = load_tips()
    found = finder.select(book, category=category, words=search)
    if as_json:
        emit_json([tip_json(t) for t in found])
        return
    page = Page()
    if not found:
        page.text(f"No tips match {search!r}." if search else "No tips in that category.")
        return
    for cat in book.categories:
        in_cat = [t for t in found if t.category.id == cat.id]
        if not in_cat:
            continue
        page.heading(f"{cat.title} ({cat.id})")
        page.dim(cat.blurb, indent=2)
        for tip in in_cat:
            page.text(f"{tip.id:<28} {tip.summary}", indent=2)
    page.blank()
    page.dim("Show one in full: ally tips show ID")


@app.command("show")
def show(
    tip_id: str = typer.Argument(..., metavar="ID", help="A tip id from `ally tips`."),
    as_json: bool = JSON,
) -> None:
    """Show one tip in full: why it matters, how, what to say and avoid, sources.

    Example: ally tips show listen-actively
    """
    tip = finder.find(load_tips(), tip_id)
    if as_json:
        emit_json(tip_json(tip))
    else:
        render_tip(Page(), tip)


@app.command("random")
def random_tip(
    seed: int | None = typer.Option(None, "--seed", help="Same seed, same tip."),
    category: str | None = CATEGORY,
    as_json: bool = JSON,
) -> None:
    """Show one tip at random.

    Example: ally tips random --category listening
    """
    tip = finder.pick(load_tips(), seed=seed, category=category)
    if as_json:
        emit_json(tip_json(tip))
    else:
        render_tip(Page(), tip)
