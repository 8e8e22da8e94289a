"""Practice sessions over time: stored in the user's database, summarised as trends."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ally import db
from ally.practice.feedback import SKILLS
from ally.practice.session import Summary

# The latest sessions, compared with everything before them.
RECENT = 3
# A change in a skill's rate smaller than this reads as steady.
STEADY = 0.1


@dataclass(frozen=True)
class SkillTrend:
    name: str
    earlier: float | None  # share of replies showing the skill before the recent sessions
    recent: float  # share in the latest RECENT sessions
    overall: float

    @property
    def arrow(self) -> str:
        if self.earlier is None:
            return "new"
        if self.recent > self.earlier + STEADY:
            return "up"
        if self.recent < self.earlier - STEADY:
            return "down"
        return "steady"


@dataclass(frozen=True)
class Trends:
    sessions: int
    skills: tuple[SkillTrend, ...]


def save_session(path: Path, summary: Summary, *, started: datetime, finished: datetime) -> None:
    safety = summary.safety
    conn = db.connect(path)
    try:
        with db.transaction(conn, path):
            conn.execute(
                "INSERT INTO practice_sessions (scenario_id, started, finished, replies, skills,"
                " pitfalls, risk, safety) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    summary.scenario_id,
                    started.isoformat(),
                    finished.isoformat(),
                    summary.replies,
                    json.dumps(summary.skills),
                    json.dumps(summary.pitfalls),
                    int(summary.risk),
                    None
                    if safety is None
                    else json.dumps(
                        {
                            "asked_directly": safety.asked_directly,
                            "avoided_secrecy": safety.avoided_secrecy,
                            "pointed_to_help": safety.pointed_to_help,
                        }
                    ),
                ),
            )
    finally:
        conn.close()


def skill_trends(path: Path) -> Trends:
    """Per-skill rates over the stored sessions; nothing is created if there are none."""
    conn = db.open_existing(path)
    if conn is None:
        return trends([])
    try:
        with db.sqlite_errors(path):
            rows = conn.execute(
                "SELECT replies, skills FROM practice_sessions ORDER BY finished, id"
            ).fetchall()
    finally:
        conn.close()
    return trends([(int(replies), json.loads(skills)) for replies, skills in rows])


def trends(sessions: list[tuple[int, dict[str, int]]]) -> Trends:
    """Trends from (replies, skill counts) per session, oldest first."""

    def rate(chunk: list[tuple[int, dict[str, int]]], skill: str) -> float:
        replies = sum(n for n, _ in chunk)
        return sum(counts.get(skill, 0) for _, counts in chunk) / replies if replies else 0.0

    recent, earlier = sessions[-RECENT:], sessions[:-RECENT]
    return Trends(
        sessions=len(sessions),
        skills=tuple(
            SkillTrend(
                name=skill,
                earlier=rate(earlier, skill) if earlier else None,
                recent=rate(recent, skill),
                overall=rate(sessions, skill),
            )
            for skill in SKILLS
        ),
    )
