"""Advice and information the feedback engine recognises, on example replies written for ally."""

from __future__ import annotations

import pytest

from ally.practice.feedback import analyse


def skills(reply: str, context: str = "") -> list[str]:
    return analyse(reply, context).skill_names


# ---------------------------------------------------------------------- advice


@pytest.mark.parametrize(
    "reply",
    [
        # the speaker's recommendation, with a word of emphasis
        "I do recommend talking to your sister about it.",
        "I would definitely recommend getting a second opinion.",
        "I'd really encourage you to keep the appointment.",
        "I advise you to sleep on it before deciding.",
        # what I would do, with a word of emphasis, offered as their course
        "I'd definitely phone the surgery first thing tomorrow.",
        "I would just tell him how it made you feel.",
        # another course open to them
        "You can also ask the library about their reading group.",
        "You can always phone the night line instead.",
        # a resource pointed out for them
        "There are some free courses you could sign up for.",
        "There are local walking groups you might enjoy.",
        # the best course for them
        "What you need to do is write down everything that was said.",
        "It might be better for you to wait until the weekend.",
        # suggestions asked as questions
        "Could you possibly ask your manager for a later start?",
        "Is there a way you could swap shifts with a colleague?",
        "Is there an easier way to get to your mum's on Sundays?",
        "Have you asked your GP about it?",
        "Have you looked online for a carers' group nearby?",
        "Are you open to trying a different counsellor?",
        "Are you familiar with the breathing exercise where you count to four?",
        # instructions that are not just reassurance
        "Remember to take your tablets with food.",
        "Don't be afraid to ask for a day off.",
        "Arrange a time when you can both talk without the kids around.",
    ],
)
def test_advice(reply: str) -> None:
    assert "advice" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # a reminder of something true, or of how not to feel, reassures
        "Remember, you're not on your own with this.",
        "Just remember that you did everything you could.",
        "Don't be so hard on yourself.",
        "Don't feel bad about needing a rest.",
        "Don't let one awful shift define you.",
        # confidence in them, not a course of action
        "You can always get through this, you've done it before.",
        # reassurance about the past, not a resource
        "There is nothing you could have done differently.",
        # a guess about them, not a suggestion
        "It sounds like maybe you were carrying all of it alone.",
        # the speaker checking they understood
        "Let me make sure I've got the order of things right.",
        # a goodbye after "maybe", not a suggestion
        "Maybe see you at the group next week.",
        # what I would feel, not what they should do
        "I would really love to have a sister like that.",
    ],
)
def test_not_advice(reply: str) -> None:
    assert "advice" not in skills(reply)


def test_suggestion_question_is_not_counted_as_a_question() -> None:
    found = skills("Have you asked your GP about it?")
    assert "advice" in found
    assert "closed_question" not in found


# ----------------------------------------------------------------- information


@pytest.mark.parametrize(
    "reply",
    [
        "It's a free service for anyone caring for a relative.",
        "The line is a charity that offers confidential support at night.",
        "I've read that regular sleep makes a real difference to low mood.",
        "According to the leaflet, the first session is just a chat.",
        "Grief often comes back around anniversaries and birthdays.",
    ],
)
def test_information(reply: str) -> None:
    assert "information" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # an exclamation reacts rather than informs
        "The garden looks so much brighter now that the fence is painted!",
        # a comment that argues or regrets, not a fact
        "Unfortunately the weekends are when the house feels emptiest.",
        "Even the best plans go wrong some days.",
        "Just the drive there takes most of the morning.",
    ],
)
def test_not_information(reply: str) -> None:
    assert "information" not in skills(reply)
