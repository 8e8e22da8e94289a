"""The examples the practice-safety issue opened with: each now gets the right finding
and a verdict that teaches what `ally tips` and `ally crisis` teach."""

from __future__ import annotations

import pytest

from ally.practice.feedback import analyse, mentions_risk, points_to_help

LOW = "Everyone would be better off without me. I don't want to be here anymore."


@pytest.mark.parametrize(
    ("reply", "context", "moves"),
    [
        (
            "When you say everyone would be better off, are you thinking about killing yourself?",
            LOW,
            {"asks_about_suicide"},
        ),
        ("Can we call a crisis line together right now?", LOW, {"connects_to_help"}),
        ("Would you be willing to call a crisis line with me?", LOW, {"connects_to_help"}),
        (
            "I'm calling an ambulance now and I won't hang up",
            "I've taken a load of pills.",
            {"connects_to_help", "stays_with_them"},
        ),
        ("Have you thought about how you would do it?", LOW, {"asks_about_urgency"}),
        (
            "Sometimes when people feel this low they think about ending their life. "
            "Have you been having thoughts like that?",
            LOW,
            {"asks_about_suicide"},
        ),
    ],
)
def test_a_safety_move_is_named_and_never_sent_back_as_a_listening_tip(
    reply: str, context: str, moves: set[str]
) -> None:
    feedback = analyse(reply, context)
    assert moves <= set(feedback.safety_names)
    assert "open_question" not in feedback.skill_names  # a plain question is right here
    assert not feedback.premature_advice
    assert "open question" not in feedback.verdict
    assert "right thing" in feedback.verdict


@pytest.mark.parametrize(
    ("reply", "context"),
    [
        (
            "Okay, I promise. What is it?",
            "There's something I need to tell you, but you have to promise not to tell Mum. "
            "Promise?",
        ),
        (
            "I promise I won't say anything to your mum. Just talk to me.",
            "I've been thinking about killing myself.",
        ),
    ],
)
def test_promising_to_keep_it_from_everyone_is_caught(reply: str, context: str) -> None:
    feedback = analyse(reply, context)
    assert feedback.pitfall_names == ["secrecy_promise"]
    assert "Good" not in feedback.verdict


@pytest.mark.parametrize(
    "said",
    [
        "I've taken a load of pills",
        "I'm going to end it",
        "I just want to sleep and not wake up",
        "I won't be around much longer",
        "I'm a burden to everyone",
    ],
)
def test_risk_said_indirectly_is_risk(said: str) -> None:
    assert mentions_risk(said)
    assert analyse("That sounds really hard.", said).risk


@pytest.mark.parametrize("said", ["this commute is killing me", "I nearly died laughing"])
def test_idioms_are_not_risk(said: str) -> None:
    assert not mentions_risk(said)


@pytest.mark.parametrize(
    "reply",
    [
        "Call 111 and ask for help now",
        "You can call or text 1737 any time",
        "Call 15 right now",
        "Ring 3114, it's free",
        "TelefonSeelsorge is on 0800 111 0 111",
        "call 110 now",
        "Text 50808",
        "Call Tele-MANAS on 14416",
        "text SHOUT to 85258",
        "Let's go to the hospital",
        "Let's go to A&E",
        "Ring triple zero",
    ],
)
def test_help_in_every_covered_country_is_help(reply: str) -> None:
    assert points_to_help(reply)
