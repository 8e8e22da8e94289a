"""Schema checks for the labelled safety case files in tests/cases/.

These tests read the TOML files only. They never import the engine: the cases are
labelled from the definitions, and whether the engine agrees is measured elsewhere.
"""

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

CASES_DIR = Path(__file__).parent / "cases"
FILES = {"safety_cases.toml": "sc", "safety_blind.toml": "sb", "safety_own.toml": "so"}

REQUIRED = {"id", "context", "reply", "risk", "safety", "secrecy_promise"}
OPTIONAL = {"note"}
MOVES = {
    "asks_about_suicide",
    "asks_about_urgency",
    "means_safety",
    "connects_to_help",
    "stays_with_them",
}


def load(name: str) -> list[dict[str, Any]]:
    with (CASES_DIR / name).open("rb") as f:
        data = tomllib.load(f)
    assert set(data) == {"case"}, f"{name}: only [[case]] tables allowed, got {sorted(data)}"
    cases = data["case"]
    assert isinstance(cases, list)
    return cases


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_case_has_exactly_the_schema_keys_and_types(name: str) -> None:
    cases = load(name)
    assert cases, f"{name} has no cases"
    for case in cases:
        where = f"{name} {case.get('id', '?')}"
        missing = REQUIRED - set(case)
        unknown = set(case) - REQUIRED - OPTIONAL
        assert not missing, f"{where}: missing {sorted(missing)}"
        assert not unknown, f"{where}: unknown keys {sorted(unknown)}"
        assert isinstance(case["context"], str), where
        assert isinstance(case["reply"], str) and case["reply"].strip(), where
        assert isinstance(case["risk"], bool), where
        assert isinstance(case["secrecy_promise"], bool), where
        assert isinstance(case["safety"], list), where
        assert all(isinstance(m, str) for m in case["safety"]), where
        assert set(case["safety"]) <= MOVES, f"{where}: unknown move {case['safety']}"
        assert len(set(case["safety"])) == len(case["safety"]), f"{where}: repeated move"
        if "note" in case:
            assert isinstance(case["note"], str) and case["note"].strip(), where


@pytest.mark.parametrize(("name", "prefix"), sorted(FILES.items()))
def test_ids_are_unique_and_use_the_file_prefix(name: str, prefix: str) -> None:
    ids = [case["id"] for case in load(name)]
    pattern = re.compile(rf"^{prefix}-\d{{3}}$")
    assert all(pattern.match(i) for i in ids), [i for i in ids if not pattern.match(i)]
    assert len(ids) == len(set(ids)), "duplicate ids"


@pytest.mark.parametrize("name", sorted(FILES))
def test_labels_follow_the_definitions(name: str) -> None:
    # Definition-level consistency only: a reply that asks about suicide makes the exchange
    # a risk exchange; a secrecy promise needs risk in the exchange; and by this set's
    # convention, safety moves are labelled only in risk exchanges.
    for case in load(name):
        if not case["risk"]:
            assert case["safety"] == [], f"{name} {case['id']}: move labelled without risk"
            assert not case["secrecy_promise"], f"{name} {case['id']}: secrecy without risk"


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def test_no_exchange_appears_twice_within_or_across_the_files() -> None:
    seen: dict[tuple[str, str], str] = {}
    for name in sorted(FILES):
        for case in load(name):
            key = (normalise(case["context"]), normalise(case["reply"]))
            assert key not in seen, f"{name} {case['id']} repeats {seen[key]}"
            seen[key] = f"{name} {case['id']}"
