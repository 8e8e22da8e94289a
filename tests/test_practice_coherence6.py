"""Each line the loved one says follows from what was just said: one test per root cause
found in round 6 (issue 13: the fourth blind coherence reviews, and probing), table-driven
over the scenario files through the real feedback engine."""

from __future__ import annotations

import pytest
from practice_talk import ids, talk

from ally.content.scenarios import load_scenarios
from ally.practice.conversation import read_move
from ally.practice.feedback import analyse

SCENARIOS = load_scenarios()
RISK = [s for s in SCENARIOS if s.risk]
CALM = [s for s in SCENARIOS if not s.risk]


# ------------------------------------- "is there anything I can do?" asks what would help


@pytest.mark.parametrize(
    "reply",
    [
        "Is there anything you'd like me to do, or not do?",
        "Is there anything I can do?",
        "Okay. Is there anything I could do to make tonight easier?",
        "What do you want me to do?",
    ],
)
@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_asking_what_you_can_do_asks_what_would_help(s, reply):
    move = read_move(analyse(reply, s.opening, risk=s.risk), s)
    assert move.asks_goal


# ------------------------------- "of course", "sweetheart": no topic they never mentioned


@pytest.mark.parametrize("word", ["sweetheart", "mate", "pal", "love", "darling"])
@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_term_of_endearment_asks_about_nothing_new(s, word):
    plain = talk(s, "Of course. What's going on?")[0]
    fond = talk(s, f"Of course, {word}. What's going on?")[0]
    assert (fond.response.kind, fond.answer) == (plain.response.kind, plain.answer)
    assert fond.response.kind not in ("unsure", "puzzled")


@pytest.mark.parametrize(
    "reply", ["Of course, love. What's going on?", "Come here, love.", "Oh love. I'm listening."]
)
def test_love_said_to_them_is_no_instruction(reply):
    assert "advice" not in analyse(reply, "I'm fine, honestly.").skill_names


def test_love_as_a_verb_can_still_be_advice():
    assert "advice" in analyse("Love yourself a bit more.", "I'm fine.").skill_names
