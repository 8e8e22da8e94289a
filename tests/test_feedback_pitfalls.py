"""Pitfall checks against the labelled cases in pitfall_cases.toml.

The listening datasets label skills but not pitfalls, so the pitfall rules are held to
the project's own labelled replies: precision first (a false alarm on a good reply costs
trust), then recall.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from ally.practice.feedback import PITFALLS, analyse

CASES = tomllib.loads(Path(__file__).with_name("pitfall_cases.toml").read_text("utf-8"))["case"]
CLEAN = [c for c in CASES if not c["pitfalls"]]

MIN_PRECISION = 0.95
MIN_RECALL = 0.85


def found(case: dict[str, object]) -> set[str]:
    return set(analyse(str(case["reply"]), str(case.get("context", ""))).pitfall_names)


def test_the_cases_are_well_formed() -> None:
    for case in CASES:
        assert set(case) <= {"reply", "context", "pitfalls"}
        assert case["reply"].strip()
        assert set(case["pitfalls"]) <= set(PITFALLS)


@pytest.mark.parametrize("pitfall", PITFALLS)
def test_each_pitfall_has_enough_varied_positives(pitfall: str) -> None:
    replies = [c["reply"] for c in CASES if pitfall in c["pitfalls"]]
    assert len(replies) >= 15
    assert len(set(replies)) == len(replies)


def test_there_are_enough_clean_replies() -> None:
    assert len(CLEAN) >= 60


@pytest.mark.parametrize("pitfall", PITFALLS)
def test_precision_and_recall_per_pitfall(pitfall: str) -> None:
    tp = fp = fn = 0
    for case in CASES:
        flagged = pitfall in found(case)
        wanted = pitfall in case["pitfalls"]
        tp += flagged and wanted
        fp += flagged and not wanted
        fn += wanted and not flagged
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    assert precision >= MIN_PRECISION, f"{pitfall}: precision {precision:.3f}"
    assert recall >= MIN_RECALL, f"{pitfall}: recall {recall:.3f}"


@pytest.mark.parametrize("case", CLEAN, ids=[c["reply"][:40] for c in CLEAN])
def test_clean_replies_raise_no_pitfall(case: dict[str, object]) -> None:
    assert found(case) == set()


# The tricky negatives the product promises, pinned one by one.
@pytest.mark.parametrize(
    "reply",
    [
        "At least you told me.",
        "I can't promise to keep this secret.",
        "I won't promise to keep this to myself.",
        "Are you thinking about suicide?",
        "I'm not going to judge you.",
        "I won't tell you to cheer up.",
        "Don't worry about the dishes, I'll do them.",
        "You're not overreacting.",
        "It's not your fault.",
        "I won't tell anyone without talking to you first.",
    ],
)
def test_tricky_negatives_are_not_pitfalls(reply: str) -> None:
    assert analyse(reply).pitfall_names == []


@pytest.mark.parametrize(
    ("reply", "pitfall"),
    [
        ("At least you have a roof over your head.", "minimising"),
        ("Cheer up, it's not that bad.", "minimising"),
        ("You're overreacting.", "judgment"),
        ("I promise I won't tell anyone.", "secrecy_promise"),
        ("Your secret is safe with me.", "secrecy_promise"),
        ("Let's talk about something else.", "dismissing"),
        ("Don't worry, you'll be fine.", "dismissing"),
        ("Time heals.", "minimising"),
    ],
)
def test_plain_pitfalls_are_caught(reply: str, pitfall: str) -> None:
    assert pitfall in analyse(reply).pitfall_names


def test_a_short_share_that_hands_back_is_a_skill_not_self_focus() -> None:
    feedback = analyse("I've felt like that too. What's it like for you?")
    assert "self_disclosure" in feedback.skill_names
    assert "open_question" in feedback.skill_names
    assert "self_focus" not in feedback.pitfall_names


def test_a_long_turn_about_yourself_is_self_focus() -> None:
    reply = (
        "I had the same thing last year. I was so stressed at work that I stopped sleeping. "
        "My boss kept piling it on and I ended up off sick for a month."
    )
    assert "self_focus" in analyse(reply).pitfall_names


def test_the_same_story_handed_back_is_not_self_focus() -> None:
    reply = (
        "I had the same thing last year. I was so stressed at work that I stopped sleeping. "
        "How has it been for you?"
    )
    assert "self_focus" not in analyse(reply).pitfall_names


def test_pitfall_findings_point_into_the_reply_and_explain_themselves() -> None:
    reply = "Honestly? At least you still have a job. Anyway, did you see the match?"
    feedback = analyse(reply)
    assert feedback.pitfall_names == ["minimising", "dismissing"]
    for finding in feedback.pitfalls:
        assert finding.kind == "pitfall"
        assert 0 <= finding.start < finding.end <= len(reply)
        assert finding.reason and "\n" not in finding.reason
        assert finding.suggestion and "\n" not in finding.suggestion
    assert (
        reply[feedback.pitfalls[0].start : feedback.pitfalls[0].end].lower().startswith("at least")
    )


def test_a_pitfall_leads_the_verdict() -> None:
    verdict = analyse("That sounds hard. You'll be fine though.").verdict
    assert "brushing the feeling aside" in verdict


def test_false_reassurance_is_flagged_and_not_praised_as_a_reflection() -> None:
    # from a user trying the CLI: it minimises and brushes the feeling aside, nothing more
    feedback = analyse("Honestly you'll be fine, everyone feels like that sometimes.")
    assert feedback.pitfall_names == ["minimising", "dismissing"]
    assert feedback.skill_names == []


def test_chat_spellings_read_like_the_full_words() -> None:
    assert analyse("dont cry, its not that bad").pitfall_names == ["minimising", "dismissing"]
    assert analyse("i wont tell anyone").pitfall_names == ["secrecy_promise"]
