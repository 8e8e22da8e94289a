"""Pitfalls the product promises to catch, or to leave alone, pinned one by one, and what a
pitfall finding says. (Precision and recall per pitfall, over the labelled replies in
pitfall_cases.toml, are checked by test_feedback_cases.py.)"""

from __future__ import annotations

import pytest

from ally.practice.feedback import analyse


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


def test_false_reassurance_is_flagged_and_not_praised_as_a_reflection() -> None:
    # from a user trying the CLI: it minimises and brushes the feeling aside, nothing more
    feedback = analyse("Honestly you'll be fine, everyone feels like that sometimes.")
    assert feedback.pitfall_names == ["minimising", "dismissing"]
    assert feedback.skill_names == []


def test_chat_spellings_read_like_the_full_words() -> None:
    assert analyse("dont cry, its not that bad").pitfall_names == ["minimising", "dismissing"]
    assert analyse("i wont tell anyone").pitfall_names == ["secrecy_promise"]


@pytest.mark.parametrize(
    "reply",
    [
        # reassurance that brushes the worry aside stays a pitfall, not validation
        "You'll be fine, don't worry.",
        "You'll find someone better.",
    ],
)
def test_brushing_aside_is_a_pitfall_not_validation(reply: str) -> None:
    found = analyse(reply, "")
    assert "validation" not in found.skill_names
    assert found.pitfall_names
