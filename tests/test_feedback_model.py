"""The learned scorer: the shipped weights are in the format the engine reads, reproduce
the scores recorded when they were trained, and are read only when a reply is scored."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ally.practice.feedback import PITFALLS, SAFETY, SKILLS, analyse, model
from ally.practice.scorer_training import LABELS, evaluate, load_corpus

from conftest import python_env

DOC = json.loads(model.WEIGHTS.read_text("utf-8"))


def test_the_shipped_weights_are_in_the_format_the_engine_reads() -> None:
    scorer = model.from_document(DOC)
    assert scorer.labels == LABELS == (*SKILLS, *PITFALLS, *SAFETY, "risk")
    assert set(scorer.policy) == set(LABELS)
    for label, policy in scorer.policy.items():
        assert policy.combine in ("rules", "either"), label
        assert 0 < policy.threshold < 1
    # only the labels that use the model carry weights
    used = {k for k, label in enumerate(LABELS) if scorer.policy[label].combine != "rules"}
    assert {i for pairs in scorer.table.values() for i, _ in pairs} <= used
    assert model.WEIGHTS.stat().st_size < 3_000_000


def test_skills_keep_the_rules_and_pitfalls_use_the_model() -> None:
    policy = model.from_document(DOC).policy
    assert all(policy[s].combine == "rules" for s in SKILLS)
    assert any(policy[p].combine == "either" for p in PITFALLS)


@pytest.mark.parametrize("split", ["validation", "test"])
def test_the_shipped_scorer_reproduces_its_recorded_scores(split: str) -> None:
    records = load_corpus()[split]
    assert len(records) == DOC["trained"]["records"][split]
    assert evaluate(model.from_document(DOC), records) == DOC["scores"][split]


def test_a_finding_only_the_model_made_names_its_phrase_score_and_features() -> None:
    scorer = model.scorer()
    assert scorer is not None
    made = [
        f
        for reply, context in (
            ("tbh everyone goes thru a rough patch, ur lucky u even had a job", "I got fired"),
            ("Honestly you're making this into a much bigger thing than it is.", "I cried"),
            ("hmm sounds like a u problem lol", "my flatmate keeps eating my food"),
        )
        for f in analyse(reply, context).pitfalls
        if f.source == "model"
    ]
    assert made, "no finding came from the model alone"
    for f in made:
        assert 0 <= f.start < f.end
        assert f.score is not None and f.score >= scorer.policy[f.name].threshold
        assert f.evidence


def test_the_weights_are_read_on_the_first_reply_not_on_import(ally_home: Path) -> None:
    code = (
        "import ally.practice.feedback as f, ally.practice.feedback.model as m; "
        "print(len(m._loaded)); f.analyse('At least it is Friday'); print(len(m._loaded))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=python_env(ally_home)
    )
    assert done.stdout.split() == ["0", "1"], done.stderr
