"""Practice sessions over time: stored in the user's database, summarised as trends.

Each finished session is one row of ``practice_sessions``: counts of the skills and
pitfalls the user showed, and (where risk came up) the safety checklist as JSON.
The checklist's keys grew over time; a row written before a key existed reads it as
"not relevant", so old rows still count.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ally import db
from ally.errors import DataFileError
from ally.practice.feedback import PITFALLS, SKILLS
from ally.practice.session import Summary

# The latest sessions, compared with everything before them.
RECENT = 3
# A change in a per-session count smaller than this reads as steady.
STEADY = 0.5
# The safety checklist, in the order it is shown; keys of the stored JSON.
SAFETY_STEPS = (
    "asked_directly",
    "asked_about_urgency",
    "means_safety",
    "pointed_to_help",
    "stayed_with_them",
    "avoided_secrecy",
)


@dataclass(frozen=True)
class StoredSession:
    id: int
    scenario_id: str
    started: str  # ISO 8601 with offset
    finished: str
    replies: int
    skills: dict[str, int]
    pitfalls: dict[str, int]
    risk: bool
    safety: dict[str, bool | None] | None  # None when no risk came up


@dataclass(frozen=True)
class Trend:
    """How often a skill or pitfall shows, per session and per reply."""

    name: str
    earlier: float | None  # per session, before the latest RECENT (None: no earlier ones)
    recent: float  # per session, in the latest RECENT
    overall: float  # per session, in all
    earlier_rate: float | None  # share of replies, as above
    recent_rate: float
    overall_rate: float

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
class SafetyTally:
    """How often a safety step was taken, out of the sessions where it was called for."""

    name: str
    done: int
    relevant: int


@dataclass(frozen=True)
class Trends:
    sessions: int
    risk_sessions: int
    skills: tuple[Trend, ...]
    pitfalls: tuple[Trend, ...]
    safety: tuple[SafetyTally, ...]


# -------------------------------------------------------------------- store


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
                    None if safety is None else json.dumps(safety.as_dict()),
                ),
            )
    finally:
        conn.close()


def stored_sessions(path: Path) -> list[StoredSession]:
    """Every stored session, oldest first; nothing is created if there are none."""
    conn = db.open_existing(path)
    if conn is None:
        return []
    try:
        with db.sqlite_errors(path):
            rows = conn.execute(
                "SELECT id, scenario_id, started, finished, replies, skills, pitfalls, risk,"
                " safety FROM practice_sessions ORDER BY finished, id"
            ).fetchall()
    finally:
        conn.close()
    return [_stored(path, row) for row in rows]


def last_session(path: Path, scenario_id: str | None = None) -> StoredSession | None:
    """The latest stored session (of one scenario, if given)."""
    sessions = [s for s in stored_sessions(path) if scenario_id in (None, s.scenario_id)]
    return sessions[-1] if sessions else None


def _stored(path: Path, row: tuple[Any, ...]) -> StoredSession:
    row_id, scenario_id, started, finished, replies, skills, pitfalls, risk, safety = row
    try:
        checklist = None if safety is None else _checklist(json.loads(safety))
        return StoredSession(
            id=int(row_id),
            scenario_id=str(scenario_id),
            started=str(started),
            finished=str(finished),
            replies=int(replies),
            skills=_counts(json.loads(skills)),
            pitfalls=_counts(json.loads(pitfalls)),
            risk=bool(risk),
            safety=checklist,
        )
    except (ValueError, TypeError):
        raise DataFileError(
            f"{path}: practice session {row_id} is not readable",
            hint="the file may have been edited by hand; move it aside to start afresh",
        ) from None


def _counts(value: Any) -> dict[str, int]:
    if not isinstance(value, dict):
        raise TypeError
    return {str(k): int(v) for k, v in value.items()}


def _checklist(value: Any) -> dict[str, bool | None]:
    if not isinstance(value, dict):
        raise TypeError
    return {step: None if value.get(step) is None else bool(value[step]) for step in SAFETY_STEPS}


# ------------------------------------------------------------------- trends


def trends(sessions: list[StoredSession]) -> Trends:
    """Per-session counts of each skill and pitfall, the latest sessions against the
    earlier ones, and how often each safety step was taken where it was called for."""
    recent, earlier = sessions[-RECENT:], sessions[:-RECENT]

    def trend(name: str, counts_of: str) -> Trend:
        def count(chunk: list[StoredSession]) -> int:
            counts: list[dict[str, int]] = [getattr(s, counts_of) for s in chunk]
            return sum(c.get(name, 0) for c in counts)

        def per_session(chunk: list[StoredSession]) -> float:
            return count(chunk) / len(chunk)

        def per_reply(chunk: list[StoredSession]) -> float:
            replies = sum(s.replies for s in chunk)
            return count(chunk) / replies if replies else 0.0

        if not sessions:
            return Trend(name, None, 0.0, 0.0, None, 0.0, 0.0)
        return Trend(
            name=name,
            earlier=per_session(earlier) if earlier else None,
            recent=per_session(recent),
            overall=per_session(sessions),
            earlier_rate=per_reply(earlier) if earlier else None,
            recent_rate=per_reply(recent),
            overall_rate=per_reply(sessions),
        )

    checked = [s.safety for s in sessions if s.safety is not None]
    return Trends(
        sessions=len(sessions),
        risk_sessions=sum(s.risk for s in sessions),
        skills=tuple(trend(name, "skills") for name in SKILLS),
        pitfalls=tuple(trend(name, "pitfalls") for name in PITFALLS),
        safety=tuple(
            SafetyTally(
                name=step,
                done=sum(c[step] is True for c in checked),
                relevant=sum(c[step] is not None for c in checked),
            )
            for step in SAFETY_STEPS
        ),
    )


def skill_trends(path: Path) -> Trends:
    """Trends over the stored sessions; nothing is created if there are none."""
    return trends(stored_sessions(path))
