"""Helpers the conversation tests share: scenario ids for parametrize, and a session
played through a list of replies."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ally.content.scenarios import Scenario
from ally.practice.session import Session, Turn


def ids(scenarios: Sequence[Scenario]) -> list[str]:
    return [s.id for s in scenarios]


def play(s: Scenario, *replies: str, seed: int = 0) -> tuple[Session, list[Turn]]:
    """The session and its turns after ``replies`` (those after the end are not sent)."""
    session = Session(s, seed)
    return session, [session.reply(r) for r in replies if not session.finished]


def talk(s: Scenario, *replies: str, seed: int = 0) -> list[Turn]:
    """The turns ``replies`` get."""
    return play(s, *replies, seed=seed)[1]


def without_company_question(line: str) -> str:
    """A line that asks for company ("Will you stay with me?"), as said just after the
    user offered it: that question is left out, the rest is kept."""
    sentences = re.split(r"(?<=[.!?])\s+", line)
    company = re.compile(r"\b(?:stay|sit with|with me|together|on the phone)\b", re.IGNORECASE)
    help_ = re.compile(r"\b(?:doctor|gp|crisis line|helpline|ambulance|999|counsell?or)\b", re.I)
    kept = [x for x in sentences if not (x.endswith("?") and company.search(x))]
    kept = [x for x in sentences if x in kept or help_.search(x)]
    return " ".join(kept) or line
