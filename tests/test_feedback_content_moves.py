"""What `ally tips` and `ally crisis` tell people to say, the practice engine recognises.

The phrasings are read from data/tips.toml and data/crisis.toml, so content and engine
cannot drift apart: a tip that teaches asking directly must be praised for it in
`ally practice`, never told to become an open question.
"""

from __future__ import annotations

import tomllib

import pytest

from ally.content import data_dir
from ally.practice.feedback import analyse

RISK = "I can't do this anymore. I just want it all to end."
SECRET = "Promise you won't tell anyone? I've been thinking about killing myself."

# crisis.toml: the move each step's `say` phrasings make.
STEP_MOVES = {
    "ask-directly": {"asks_about_suicide"},
    "ask-about-plan": {"asks_about_urgency"},
    "stay": {"stays_with_them"},
    "means": {"means_safety"},
    "call-together": {"connects_to_help"},
    "crisis-line": {"connects_to_help"},
}
# tips.toml: (tip id, index in `say`) -> the moves that phrasing makes.
TIP_MOVES = {
    ("know-the-signs", 2): {"asks_about_suicide"},
    ("ask-directly-about-suicide", 0): {"asks_about_suicide"},
    ("ask-directly-about-suicide", 1): {"asks_about_suicide"},
    ("ask-directly-about-suicide", 2): {"stays_with_them", "connects_to_help"},
    ("stay-and-make-safe", 0): {"stays_with_them"},
    ("stay-and-make-safe", 1): {"means_safety"},
    ("stay-and-make-safe", 2): {"stays_with_them"},
    ("contact-crisis-line-together", 0): {"connects_to_help", "stays_with_them"},
    ("emergency-when-life-at-risk", 0): {"connects_to_help"},
    ("emergency-when-life-at-risk", 1): {"stays_with_them"},
    ("respond-to-self-harm", 2): {"asks_about_suicide"},
    ("crisis-from-far-away", 2): {"connects_to_help"},
}


def _load(name: str) -> dict[str, object]:
    return tomllib.loads((data_dir() / name).read_text("utf-8"))


def _steps() -> list[dict[str, object]]:
    crisis = _load("crisis.toml")
    return [*crisis["step"], *crisis["remote_step"]]  # type: ignore[misc]


def _step_phrasings() -> list[tuple[str, str]]:
    return [(s["id"], say) for s in _steps() if s["id"] in STEP_MOVES for say in s["say"]]  # type: ignore[attr-defined]


def _tip_says() -> dict[tuple[str, int], str]:
    tips = _load("tips.toml")["tip"]
    return {(t["id"], n): say for t in tips for n, say in enumerate(t.get("say", []))}  # type: ignore[union-attr]


def test_every_mapped_phrasing_still_exists() -> None:
    steps = {s["id"] for s in _steps()}
    assert set(STEP_MOVES) <= steps
    assert set(TIP_MOVES) <= set(_tip_says())


@pytest.mark.parametrize(("step", "say"), _step_phrasings())
def test_a_crisis_step_typed_as_written_is_that_safety_move(step: str, say: str) -> None:
    feedback = analyse(say, RISK)
    assert STEP_MOVES[step] <= set(feedback.safety_names), feedback.safety_names
    assert not feedback.pitfall_names
    assert not feedback.premature_advice
    assert "open question" not in feedback.verdict


@pytest.mark.parametrize(("key", "moves"), TIP_MOVES.items(), ids=str)
def test_a_tip_typed_as_written_is_that_safety_move(key: tuple[str, int], moves: set[str]) -> None:
    feedback = analyse(_tip_says()[key], RISK)
    assert moves <= set(feedback.safety_names), feedback.safety_names
    assert not feedback.pitfall_names
    assert "open question" not in feedback.verdict


@pytest.mark.parametrize(
    "say", [say for (tip, _), say in _tip_says().items() if tip == "dont-promise-secrecy"]
)
def test_what_the_secrecy_tip_says_is_not_a_secrecy_promise(say: str) -> None:
    assert "secrecy_promise" not in analyse(say, SECRET).pitfall_names
