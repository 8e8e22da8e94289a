"""Schema checks for the blind feedback case files (skills, pitfalls and safety labels).

They read the TOML and take only the label names (in the codebook's canonical order) from
the engine: how far the engine agrees is measured by ``benchmarks/case_scores.py``, not
asserted here.
"""

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from ally.practice.feedback import PITFALLS, SAFETY, SKILLS

CASES_DIR = Path(__file__).parent / "cases"
FILES = {"feedback_blind.toml": "fb", "feedback_blind2.toml": "fb2"}

LABELS = {"skills": SKILLS, "pitfalls": PITFALLS, "safety": SAFETY}  # in canonical order
REQUIRED = {"id", "context", "reply", *LABELS}


def load(name: str) -> list[dict[str, Any]]:
    with (CASES_DIR / name).open("rb") as f:
        data = tomllib.load(f)
    assert set(data) == {"case"}, f"{name}: only [[case]] tables allowed"
    cases: list[dict[str, Any]] = data["case"]
    return cases


@pytest.mark.parametrize(("name", "prefix"), sorted(FILES.items()))
def test_every_case_has_the_schema_keys_ids_and_known_labels(name: str, prefix: str) -> None:
    cases = load(name)
    assert len(cases) >= 200, f"{name}: only {len(cases)} cases"
    ids = [case.get("id", "?") for case in cases]
    assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
    for case in cases:
        where = f"{name} {case.get('id', '?')}"
        assert re.fullmatch(rf"{prefix}-\d{{3}}", case["id"]), where
        assert not REQUIRED - set(case), f"{where}: missing {sorted(REQUIRED - set(case))}"
        assert not set(case) - REQUIRED - {"note"}, f"{where}: unknown keys"
        assert case["reply"].strip(), where
        for key, names in LABELS.items():
            labels = case[key]
            assert set(labels) <= set(names), f"{where}: unknown {key} {labels}"
            # the codebook's canonical order, each label once
            assert labels == [n for n in names if n in labels], f"{where}: {key} order"


@pytest.mark.parametrize("name", sorted(FILES))
def test_asking_about_suicide_marks_the_exchange_as_risk(name: str) -> None:
    # Codebook section 6: a reply that asks about suicide makes it a risk exchange, and the
    # notes tag every risk exchange [risk] (the scoring script reads that tag).
    for case in load(name):
        if "asks_about_suicide" in case["safety"] or "asks_about_urgency" in case["safety"]:
            assert "[risk]" in case.get("note", ""), f"{name} {case['id']}: untagged risk"
