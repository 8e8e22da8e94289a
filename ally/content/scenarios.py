"""data/practice.toml: the conversations `ally practice` rehearses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ally.content import SLUG, Table, read, unique
from ally.errors import ContentError

DIFFICULTIES = ("gentle", "moderate", "hard")
SITUATIONS = (
    "low-mood",
    "anxiety",
    "grief",
    "burnout",
    "substance-use",
    "deflection",
    "denial",
    "eating",
    "self-harm",
    "suicide-risk",
)
# How the loved one answers, by how the user's last reply landed.
RESPONSES = ("open", "neutral", "withdraw")


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    situation: str
    difficulty: str
    risk: bool
    person: str
    setting: str
    goal: str
    turns: int
    opening: str
    open: tuple[str, ...]
    neutral: tuple[str, ...]
    withdraw: tuple[str, ...]

    def line(self, response: str, turn: int) -> str:
        """What they say after the user's reply number `turn` (0-based) landed as `response`."""
        lines: tuple[str, ...] = getattr(self, response)
        return lines[turn]


def _scenario(t: Table) -> Scenario:
    t.named("scenario")
    turns = t.number("turns")
    if not 3 <= turns <= 6:
        raise ContentError(f"{t.where}: 'turns' must be between 3 and 6")
    paths = {name: t.texts(name, minimum=turns) for name in RESPONSES}
    if any(len(lines) != turns for lines in paths.values()):
        raise ContentError(f"{t.where}: open, neutral and withdraw need exactly {turns} lines")
    return Scenario(
        id=t.text("id", pattern=SLUG),
        title=t.text("title"),
        situation=t.choice("situation", SITUATIONS),
        difficulty=t.choice("difficulty", DIFFICULTIES),
        risk=t.flag("risk"),
        person=t.text("person"),
        setting=t.text("setting"),
        goal=t.text("goal"),
        turns=turns,
        opening=t.text("opening"),
        open=paths["open"],
        neutral=paths["neutral"],
        withdraw=paths["withdraw"],
    )


@cache
def load_scenarios() -> tuple[Scenario, ...]:
    scenarios = tuple(_scenario(t) for t in read("practice.toml").tables("scenario"))
    unique(scenarios, lambda s: s.id, "scenario")
    return scenarios
