"""Risk cues, the direct question about suicide, and pointing to help."""

from __future__ import annotations

import pytest

from ally.practice.feedback import asks_about_suicide, mentions_risk, points_to_help


@pytest.mark.parametrize(
    "text",
    [
        "Sometimes I think about killing myself.",
        "Everyone would be better off without me.",
        "I just want to end it all.",
        "I don't want to be here anymore.",
        "I've been hurting myself again.",
        "I started cutting again last week.",
        "I've been thinking about suicide.",
        "There's no point going on.",
        "I wish I was dead.",
        "I can't go on like this.",
        "I want to die.",
        "I took too many pills, it was an overdose.",
        "I don\u2019t want to live anymore.",
        "Are you thinking about suicide?",
        # chat spellings and hyphens read like the full words
        "i dont wanna be here anymore",
        "I've been self-harming again.",
        "i cant go on like this",
        "Everyone would be better off if I wasn't around.",
    ],
)
def test_risk_cues(text: str) -> None:
    assert mentions_risk(text)


@pytest.mark.parametrize(
    "text",
    [
        "This commute is killing me.",
        "You're killing me, that's hilarious.",
        "I'm dying to see that film.",
        "I'd die of embarrassment.",
        "I'm cutting back on coffee.",
        "We're cutting costs at work.",
        "I want to end things with him.",
        "I'm not suicidal, just exhausted.",
        "I'd never hurt myself.",
        "I'm bored to death of this job.",
        "My phone is dead again.",
        "I killed it in the presentation today.",
        "I'm not gonna hurt myself, I promise.",
        "I'm cutting back on sugar.",
    ],
)
def test_not_risk_cues(text: str) -> None:
    assert not mentions_risk(text)


@pytest.mark.parametrize(
    "reply",
    [
        "Are you thinking about suicide?",
        "are you thinking of killing yourself",
        "Do you want to end your life?",
        "Have you had thoughts of suicide?",
        "I need to ask you directly: are you thinking about ending your life?",
        "When you say you can't go on, do you mean suicide?",
        "Are you having thoughts of killing yourself?",
        "Are you feeling suicidal?",
        "I care about you, so I'll ask: are you thinking of ending your life?",
        "ok, i have to ask you. are you thinking about killing yourself?",
    ],
)
def test_asks_about_suicide(reply: str) -> None:
    assert asks_about_suicide(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Suicide is a hard thing to talk about.",
        "Are you okay?",
        "How are you feeling today?",
        "I read an article about suicide prevention.",
        "Are you safe at home?",
        "Do you know anyone who died by suicide?",
        "Have you read the leaflet on suicide prevention?",
    ],
)
def test_does_not_ask_about_suicide(reply: str) -> None:
    assert not asks_about_suicide(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "You can call 988 any time, day or night.",
        "Shall we ring Samaritans together?",
        "Lifeline is open all night.",
        "If you're in danger right now, I'm calling 911.",
        "Please call 999 if it gets worse.",
        "In Europe you can dial 112.",
        "Would you see a doctor about this?",
        "Could we find a counsellor for you?",
        "Let's get help together.",
        "There's a crisis line we can text.",
    ],
)
def test_points_to_help(reply: str) -> None:
    assert points_to_help(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "How was your day?",
        "That sounds really hard.",
        "You don't need a doctor for that.",
        "I'm here for you.",
        "Never call the helpline on my behalf.",
    ],
)
def test_does_not_point_to_help(reply: str) -> None:
    assert not points_to_help(reply)
