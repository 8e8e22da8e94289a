"""Each line the loved one says follows from what was just said: one test per root cause
found in round 6 (issue 13: the fourth blind coherence reviews, and probing), table-driven
over the scenario files through the real feedback engine."""

from __future__ import annotations

import pytest
from practice_talk import ids

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
