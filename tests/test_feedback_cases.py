"""The feedback engine scored on labelled replies written for ally, label by label.

``cases/skills_own.toml`` labels every listening skill a reply shows; ``pitfall_cases.toml``
labels the pitfalls (the listening datasets label skills, never pitfalls). Each label is
held to a floor for precision (a false alarm on a good reply costs trust) and recall. On a
failure the whole table is printed, with the cases the engine got wrong for that label.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ally.practice.feedback import PITFALLS, SKILLS, Feedback, analyse

HERE = Path(__file__).parent
SKILL_CASES = HERE / "cases" / "skills_own.toml"
PITFALL_CASES = HERE / "pitfall_cases.toml"

# (precision, recall) each label must reach.
SKILL_FLOOR = (0.95, 0.95)
PITFALL_FLOOR = (0.95, 0.85)


def _load(path: Path) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = tomllib.loads(path.read_text("utf-8"))["case"]
    return cases


SKILL_SET = _load(SKILL_CASES)
PITFALL_SET = _load(PITFALL_CASES)
CLEAN = [c for c in PITFALL_SET if not c["pitfalls"]]


@functools.cache
def _feedback(reply: str, context: str) -> Feedback:
    return analyse(reply, context)


def _found(case: dict[str, Any], kind: str) -> set[str]:
    result = _feedback(case["reply"], case.get("context", ""))
    return set(result.skill_names if kind == "skills" else result.pitfall_names)


@dataclass
class Score:
    label: str
    tp: int = 0
    fp: list[str] = field(default_factory=list)  # replies flagged that should not be
    fn: list[str] = field(default_factory=list)  # replies missed

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + len(self.fp)) if self.tp + len(self.fp) else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + len(self.fn)) if self.tp + len(self.fn) else 1.0


@functools.cache
def _scores(kind: str) -> dict[str, Score]:
    cases, labels = (SKILL_SET, SKILLS) if kind == "skills" else (PITFALL_SET, PITFALLS)
    scores = {label: Score(label) for label in labels}
    for case in cases:
        wanted, found = set(case[kind]), _found(case, kind)
        for label in labels:
            if label in wanted and label in found:
                scores[label].tp += 1
            elif label in found:
                scores[label].fp.append(case["reply"])
            elif label in wanted:
                scores[label].fn.append(case["reply"])
    return scores


def _table(kind: str, floor: tuple[float, float], focus: str) -> str:
    lines = [f"{'label':<18}{'cases':>6}{'found':>6}{'P':>8}{'R':>8}   floor {floor[0]}/{floor[1]}"]
    for s in _scores(kind).values():
        flag = "" if s.precision >= floor[0] and s.recall >= floor[1] else "   <- below"
        found = s.tp + len(s.fp)
        cases = s.tp + len(s.fn)
        row = f"{s.label:<18}{cases:>6}{found:>6}{s.precision:>8.3f}{s.recall:>8.3f}{flag}"
        lines.append(row)
    score = _scores(kind)[focus]
    lines += [f"{focus} found, not labelled: {reply!r}" for reply in score.fp]
    lines += [f"{focus} labelled, not found: {reply!r}" for reply in score.fn]
    return "\n".join(lines)


# ------------------------------------------------------------------- the files


def test_the_skill_cases_are_well_formed() -> None:
    seen = set()
    for case in SKILL_SET:
        assert set(case) <= {"reply", "context", "skills", "note"}, case
        assert case["reply"].strip() and case["note"].strip(), case
        assert set(case["skills"]) <= set(SKILLS), case
        key = (case["reply"], case.get("context", ""))
        assert key not in seen, f"twice: {key}"
        seen.add(key)


@pytest.mark.parametrize("skill", SKILLS)
def test_each_skill_has_enough_positives_and_near_misses(skill: str) -> None:
    positives = [c for c in SKILL_SET if skill in c["skills"]]
    assert len(positives) >= 30
    assert len(SKILL_SET) - len(positives) >= 300


def test_the_pitfall_cases_are_well_formed() -> None:
    for case in PITFALL_SET:
        assert set(case) <= {"reply", "context", "pitfalls"}
        assert case["reply"].strip()
        assert set(case["pitfalls"]) <= set(PITFALLS)


@pytest.mark.parametrize("pitfall", PITFALLS)
def test_each_pitfall_has_enough_varied_positives(pitfall: str) -> None:
    replies = [c["reply"] for c in PITFALL_SET if pitfall in c["pitfalls"]]
    assert len(replies) >= 15
    assert len(set(replies)) == len(replies)


def test_there_are_enough_clean_replies() -> None:
    assert len(CLEAN) >= 60


# ------------------------------------------------------------------- the scores


@pytest.mark.parametrize("skill", SKILLS)
def test_each_skill_meets_its_floor(skill: str) -> None:
    score = _scores("skills")[skill]
    ok = score.precision >= SKILL_FLOOR[0] and score.recall >= SKILL_FLOOR[1]
    assert ok, "\n" + _table("skills", SKILL_FLOOR, skill)


@pytest.mark.parametrize("pitfall", PITFALLS)
def test_each_pitfall_meets_its_floor(pitfall: str) -> None:
    score = _scores("pitfalls")[pitfall]
    ok = score.precision >= PITFALL_FLOOR[0] and score.recall >= PITFALL_FLOOR[1]
    assert ok, "\n" + _table("pitfalls", PITFALL_FLOOR, pitfall)


@pytest.mark.parametrize("case", CLEAN, ids=[c["reply"][:40] for c in CLEAN])
def test_clean_replies_raise_no_pitfall(case: dict[str, Any]) -> None:
    assert _found(case, "pitfalls") == set()
