"""Listening skills the feedback engine recognises, on example replies written for ally."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from ally.practice.feedback import SKILLS, Feedback, Finding, analyse, detect_skills


def skills(reply: str, context: str = "") -> list[str]:
    return analyse(reply, context).skill_names


# ------------------------------------------------------------------- questions


@pytest.mark.parametrize(
    "reply",
    [
        "What's been going on for you lately?",
        "How are you feeling about the move?",
        "Why do you think it hit you so hard this time?",
        "Tell me more about what happened with your sister.",
        "Can you tell me a bit about how the nights have been?",
        "And you, what do you make of it all?",
        "I'm curious what a good day looks like for you right now.",
        "how are you doing today",
    ],
)
def test_open_questions(reply: str) -> None:
    assert "open_question" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Are you sleeping okay?",
        "Did you manage to eat anything today?",
        "Is it work that's getting to you?",
        "Do you want me to come over",
        "Have you told anyone else?",
    ],
)
def test_closed_questions(reply: str) -> None:
    found = skills(reply)
    assert "closed_question" in found
    assert "open_question" not in found


@pytest.mark.parametrize(
    "reply",
    [
        "When you said that, I could hear how tired you are.",
        "What you're feeling makes complete sense.",
        "I was thinking of you today.",
    ],
)
def test_statements_that_start_like_questions_are_not_questions(reply: str) -> None:
    found = skills(reply)
    assert "open_question" not in found
    assert "closed_question" not in found


def test_asking_directly_about_suicide_is_a_good_question_not_a_red_flag() -> None:
    feedback = analyse("Are you thinking about suicide?", "I just want it all to stop.")
    assert feedback.skill_names == ["closed_question"]
    assert feedback.pitfall_names == []
    assert "right thing" in feedback.verdict
    assert "suicide" in feedback.skills[0].reason


# ------------------------------------------------------------------ reflection


@pytest.mark.parametrize(
    ("reply", "context"),
    [
        ("It sounds like you're carrying all of this on your own.", ""),
        ("So you feel like nobody at home notices how hard you're trying.", ""),
        ("You're worried that if you say no, they'll stop inviting you.", ""),
        ("It seems the new job has taken more out of you than you expected.", ""),
        ("That must be exhausting.", ""),
        ("If I'm understanding you, the hardest part is the evenings.", ""),
        (
            "Your flatmates keep leaving the kitchen in a state and you end up cleaning it.",
            "My flatmates never clean the kitchen and I'm always the one cleaning up after them.",
        ),
    ],
)
def test_reflections(reply: str, context: str) -> None:
    assert "reflection" in skills(reply, context)


@pytest.mark.parametrize(
    "reply",
    [
        "That sounds like a great plan.",
        "Why do you feel that way?",
        "I hope you feel better soon.",
    ],
)
def test_not_reflections(reply: str) -> None:
    assert "reflection" not in skills(reply)


# ------------------------------------------------------------------ validation


@pytest.mark.parametrize(
    "reply",
    [
        "That makes sense.",
        "I'm so sorry you're dealing with this.",
        "That must be really hard.",
        "It's understandable to feel angry after that.",
        "Thank you for telling me.",
        "You're doing great, honestly.",
        "It's not your fault.",
        "I believe you.",
        "I'm proud of you for reaching out.",
        "You're not alone in this.",
    ],
)
def test_validation(reply: str) -> None:
    assert "validation" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    ["Sorry for my late reply, I was at work.", "Good luck with the interview!"],
)
def test_not_validation(reply: str) -> None:
    assert "validation" not in skills(reply)


# ---------------------------------------------------------------------- advice


@pytest.mark.parametrize(
    "reply",
    [
        "You should talk to your GP about it.",
        "Have you tried writing things down before bed?",
        "Maybe you could take a few days off.",
        "I suggest going for a walk when it gets bad.",
        "Why don't you call your brother?",
        "Try to get some fresh air every day.",
        "If it gets worse, call the out-of-hours line.",
        "It might help to make a list of what's worrying you.",
    ],
)
def test_advice(reply: str) -> None:
    assert "advice" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Take care of yourself.",
        "What have you tried so far?",
        "Where do you think you should start?",
        "Thank you for trusting me.",
        "Tell me more.",
    ],
)
def test_not_advice(reply: str) -> None:
    assert "advice" not in skills(reply)


def test_advice_before_any_question_or_reflection_is_premature() -> None:
    feedback = analyse("You should just quit that job.", "My job is making me miserable.")
    assert feedback.premature_advice
    assert "advice" in feedback.verdict
    advice = next(f for f in feedback.skills if f.name == "advice")
    assert "find out more" in advice.suggestion


def test_advice_after_a_question_in_the_same_reply_is_fine() -> None:
    feedback = analyse("What's been the worst part? Maybe a break would help.")
    assert "advice" in feedback.skill_names
    assert not feedback.premature_advice


def test_advice_after_a_reflection_is_fine() -> None:
    feedback = analyse("It sounds like you're worn out. Maybe a break would help.")
    assert not feedback.premature_advice


def test_advice_after_exploring_earlier_in_the_session_is_fine() -> None:
    feedback = analyse("Maybe a break would help.", explored=True)
    assert "advice" in feedback.skill_names
    assert not feedback.premature_advice


def test_a_suggestion_asked_as_a_question_is_still_advice_first() -> None:
    feedback = analyse("Have you tried meditation?")
    assert feedback.skill_names == ["advice"]
    assert feedback.premature_advice


# ------------------------------------------------------------ self-disclosure


@pytest.mark.parametrize(
    "reply",
    [
        "I went through something like that after my divorce.",
        "When I lost my job, I felt the same.",
        "My mum had depression for years.",
        "I've been there too.",
    ],
)
def test_self_disclosure(reply: str) -> None:
    assert "self_disclosure" in skills(reply)


@pytest.mark.parametrize(
    "reply", ["I think you're right.", "I hope today is easier.", "Can I help at all?"]
)
def test_not_self_disclosure(reply: str) -> None:
    assert "self_disclosure" not in skills(reply)


# ---------------------------------------------------------------- information


@pytest.mark.parametrize(
    "reply",
    [
        "Research shows that talking therapies help a lot of people with anxiety.",
        "It's very common to feel low after a big change.",
        "Many people find the first weeks on medication the hardest.",
        "Antidepressants usually take a few weeks to start working.",
        "There are free support groups for carers in most areas.",
    ],
)
def test_information(reply: str) -> None:
    assert "information" in skills(reply)


# ---------------------------------------------------------------- the contract


def test_detect_skills_matches_analyse() -> None:
    reply = "I'm sorry. That sounds really lonely. What's been the hardest part?"
    assert detect_skills(reply) == analyse(reply).skill_names
    assert detect_skills(reply) == ["open_question", "reflection", "validation"]


def test_skill_names_are_unique_and_in_skills_order() -> None:
    reply = "What happened? How did it feel? I'm sorry. I'm so sorry."
    names = analyse(reply).skill_names
    assert names == sorted(set(names), key=SKILLS.index)


def test_findings_are_spans_of_the_reply_with_one_line_explanations() -> None:
    reply = "That sounds exhausting. Have you tried talking to your manager? How are you sleeping?"
    feedback = analyse(reply)
    assert feedback.reply == reply
    for finding in feedback.skills:
        assert isinstance(finding, Finding)
        assert finding.kind == "skill"
        assert finding.name in SKILLS
        assert 0 <= finding.start < finding.end <= len(reply)
        assert finding.reason and "\n" not in finding.reason
        assert "\n" not in finding.suggestion
    starts = [f.start for f in feedback.skills]
    assert starts == sorted(starts)


def test_feedback_is_immutable() -> None:
    feedback = analyse("How are you?")
    assert isinstance(feedback, Feedback)
    with pytest.raises(dataclasses.FrozenInstanceError):
        feedback.verdict = "changed"  # type: ignore[misc]


def test_curly_apostrophes_read_like_straight_ones() -> None:
    assert (
        analyse("It\u2019s not your fault.").skill_names
        == analyse("It's not your fault.").skill_names
    )


@pytest.mark.parametrize("reply", ["", "   ", "...", "ok"])
def test_empty_or_trivial_replies_get_a_gentle_verdict(reply: str) -> None:
    feedback = analyse(reply)
    assert feedback.skills == ()
    assert feedback.pitfalls == ()
    assert feedback.verdict


def test_verdict_is_short() -> None:
    for reply in ["What's up?", "You should leave him.", "That sounds hard.", "Cheer up!"]:
        verdict = analyse(reply).verdict
        assert 0 < len(verdict) <= 200
        assert verdict.count(".") + verdict.count("!") <= 2


def test_the_engine_loads_no_user_interface_code() -> None:
    code = (
        "import sys, ally.practice.feedback, ally.practice.safety; "
        "print(sorted({'typer', 'rich'} & set(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
