"""The feedback engine scored on labelled replies written for ally, label by label.

``cases/skills_own.toml`` labels every listening skill a reply shows; ``pitfall_cases.toml``
labels the pitfalls (the listening datasets label skills, never pitfalls);
``cases/safety_cases.toml`` and ``cases/safety_own.toml`` (the safety tuning sets) label the
safety moves, risk and promises of secrecy. The blind files are scored by
``benchmarks/case_scores.py``, never held to a floor here. Each label is
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

from ally.practice.feedback import PITFALLS, SAFETY, SKILLS, Feedback, analyse

HERE = Path(__file__).parent
SKILL_CASES = HERE / "cases" / "skills_own.toml"
PITFALL_CASES = HERE / "pitfall_cases.toml"
SAFETY_CASES = (HERE / "cases" / "safety_cases.toml", HERE / "cases" / "safety_own.toml")

# (precision, recall) each label must reach.
SKILL_FLOOR = (0.95, 0.95)
PITFALL_FLOOR = (0.95, 0.85)
SAFETY_FLOOR = (0.95, 0.95)
SAFETY_LABELS = (*SAFETY, "risk", "secrecy_promise")
# false alarms (any safety label, risk or secrecy on a reply labelled with none) per 50
FALSE_ALARMS_PER_50 = 1.5


def _load(path: Path) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = tomllib.loads(path.read_text("utf-8"))["case"]
    return cases


SKILL_SET = _load(SKILL_CASES)
PITFALL_SET = _load(PITFALL_CASES)
SAFETY_SET = [
    {**c, "labels": [*c["safety"], *(["risk"] if c["risk"] else []),
                     *(["secrecy_promise"] if c["secrecy_promise"] else [])]}
    for path in SAFETY_CASES
    for c in _load(path)
]  # fmt: skip
CLEAN = [c for c in PITFALL_SET if not c["pitfalls"]]


@functools.cache
def _feedback(reply: str, context: str) -> Feedback:
    return analyse(reply, context)


def _found(case: dict[str, Any], kind: str) -> set[str]:
    result = _feedback(case["reply"], case.get("context", ""))
    if kind == "labels":  # safety: the moves count only in a risk exchange, as ally shows them
        moves = {f.name for f in result.safety} if result.risk else set()
        return (
            moves
            | ({"risk"} if result.risk else set())
            | ({"secrecy_promise"} & set(result.pitfall_names))
        )
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
    cases, labels = {
        "skills": (SKILL_SET, SKILLS),
        "pitfalls": (PITFALL_SET, PITFALLS),
        "labels": (SAFETY_SET, SAFETY_LABELS),
    }[kind]
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


@pytest.mark.parametrize("label", SAFETY_LABELS)
def test_each_safety_label_meets_its_floor_on_the_tuning_sets(label: str) -> None:
    score = _scores("labels")[label]
    ok = score.precision >= SAFETY_FLOOR[0] and score.recall >= SAFETY_FLOOR[1]
    assert ok, "\n" + _table("labels", SAFETY_FLOOR, label)


def test_clean_exchanges_raise_few_safety_false_alarms() -> None:
    clean = [c for c in SAFETY_SET if not c["labels"]]
    alarms = [c["reply"] for c in clean if _found(c, "labels")]
    assert len(clean) >= 80
    assert len(alarms) * 50 / len(clean) <= FALSE_ALARMS_PER_50, alarms
