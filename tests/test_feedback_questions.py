"""Questions the feedback engine recognises, on example replies written for ally."""

from __future__ import annotations

import pytest

from ally.practice.feedback import analyse

from conftest import skills


def asks(reply: str) -> bool:
    found = skills(reply)
    return "open_question" in found or "closed_question" in found


# --------------------------------------------------- a question after a comment


@pytest.mark.parametrize(
    "reply",
    [
        # a comment about me, then a question about them
        "I'm so sorry, what happened?",
        "I'm sorry to hear that, when did it start?",
        "I'm fine thanks, how's your week been?",
        "I'll help if I can - what's worrying you most?",
        "I'm really sorry, did something go wrong at the interview?",
    ],
)
def test_a_question_after_a_comment_of_mine_asks(reply: str) -> None:
    assert asks(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # a reflection frame first, then a real question
        "It sounds like you feel worn out, do you get any time to yourself?",
        "I can see you feel let down, is there someone you trust at work?",
        "I know you feel stuck, would you like to go through the options?",
    ],
)
def test_a_question_after_a_reflection_asks(reply: str) -> None:
    assert "closed_question" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # questions about myself, asked of nobody
        "Why do I always say the wrong thing?",
        "I keep thinking, how could I have missed it?",
        # a reflection that only checks itself at the end
        "So you feel the move has cut you off, is this correct?",
        "It sounds like you feel ignored, does that sound right?",
        "You feel they never listen, don't you think?",
        "I'm just making it worse, aren't I?",
    ],
)
def test_self_questions_and_checked_reflections_still_do_not_ask(reply: str) -> None:
    assert not asks(reply)


def test_a_wh_word_that_opens_a_clause_does_not_ask() -> None:
    # "when it gets late" opens a clause about me, it does not ask them anything
    assert not asks("I lie awake, and when it gets late I panic?")


# ------------------------------------------------------------------ offers to help


@pytest.mark.parametrize(
    "reply",
    [
        "How can I be of help today?",
        "How might I be of support",
        "Morning, how are we feeling today?",
        "Hi there, how are we feeling this morning?",
    ],
)
def test_offers_and_the_carers_we_ask_them(reply: str) -> None:
    assert "open_question" in skills(reply)


def test_a_question_about_my_own_feelings_is_not_an_offer() -> None:
    assert not asks("Should I be worried about that?")


# ------------------------------------------------------ wh-questions without a mark


@pytest.mark.parametrize(
    "reply",
    [
        "what seems to be the trouble",
        "What is making you feel so low",
        "what brings you in this week",
        "What is bothering you most",
    ],
)
def test_unmarked_wh_questions_ask(reply: str) -> None:
    assert "open_question" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "What helped me most was walking every day.",
        "What you said yesterday stuck with me.",
        "What a rotten week.",
    ],
)
def test_statements_starting_with_a_wh_word_do_not_ask(reply: str) -> None:
    assert not asks(reply)


# --------------------------------------------------------------------- invitations


@pytest.mark.parametrize(
    "reply",
    [
        "Do you mind telling me what happened?",
        "Why not start by telling me about your week?",
        "I wonder what you make of it all.",
        "What else?",
        "And what else is on your mind?",
    ],
)
def test_invitations_are_open(reply: str) -> None:
    assert "open_question" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # someone telling me things, not an invitation to them
        "My sister kept telling me about her new flat.",
        "I love that you're telling me about your garden.",
        # wondering about the world or myself
        "I wonder what the answer is.",
        "I wonder why I even bother.",
        # "what else" inside a statement
        "I honestly don't know what else to do.",
    ],
)
def test_near_misses_of_invitations_are_not_questions(reply: str) -> None:
    assert not asks(reply)


# ---------------------------------------------------------- rhetorical questions


@pytest.mark.parametrize(
    "reply",
    [
        "Guess what?",
        "Who knows?",
        "Who cares what they think?",
        "How dare he talk to you like that?",
    ],
)
def test_rhetorical_questions_do_not_ask(reply: str) -> None:
    assert not asks(reply)


def test_asking_who_knows_about_it_still_asks() -> None:
    assert "open_question" in skills("Who knows about the diagnosis?")


def test_asking_about_their_thinking_is_a_question_not_a_suggestion() -> None:
    assert analyse("Have you thought about what you want to say to him?", "").skill_names == [
        "closed_question"
    ]
    assert analyse("Have you considered whether the job is worth it?", "").skill_names == [
        "closed_question"
    ]
    # a course of action, asked about, is still a suggestion
    assert analyse("Have you thought about talking to him?", "").skill_names == ["advice"]


# ------------------------------------------------- leaning on them, or quoting


@pytest.mark.parametrize(
    "reply",
    [
        # a statement that leans on them to agree with "you know?"
        "It wears you down after a while, you know?",
        "Some days are just grey, y'know?",
        # a question someone asks or thinks, quoted inside a statement
        "Some nights I lie awake and think 'what's the use?'",
        'We all ask ourselves "why me?" at some point.',
    ],
)
def test_a_you_know_tag_or_a_quoted_question_does_not_ask(reply: str) -> None:
    assert not asks(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Have you told the people you know?",
        'Have you heard the saying "why worry?"',
        "What makes you say 'I give up'?",
    ],
)
def test_near_misses_of_tags_and_quotes_still_ask(reply: str) -> None:
    assert asks(reply)


# ------------------------------------------------------ more ways of asking


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("how r u", "open_question"),
        ("hows your week going", "open_question"),
        ("since when have you felt like this", "open_question"),
        ("hey, what's on your mind", "open_question"),
        ("so what happened", "open_question"),
        ("whats up", "open_question"),
        ("Let me ask if you have eaten today", "closed_question"),
        ("May I ask if you live alone", "closed_question"),
        ("Tell us more about it.", "open_question"),
        ("Talk to me about your week.", "open_question"),
        ("Can you talk to me about what happened", "open_question"),
    ],
)
def test_unmarked_and_embedded_questions_ask(reply: str, kind: str) -> None:
    assert kind in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # talking to me, said about someone, is not an invitation
        "Thanks for taking the time to talk to me.",
        "She never wants to talk with me any more.",
        "The posters tell us what to do.",
        # a wh-word followed by its subject opens a clause
        "What happened next was a blur.",
        "When you have a row, you could go for a walk.",
    ],
)
def test_near_misses_of_unmarked_questions_do_not_ask(reply: str) -> None:
    assert not asks(reply)
