"""Each line the loved one says follows from what was just said: one test per root cause
left open after the second blind coherence review (issue 13, round 4), table-driven over
the scenario files, through the real feedback engine.
"""

from __future__ import annotations

import re

import pytest
from practice_talk import ids
from practice_talk import play as talk

from ally.content.scenarios import Scenario, load_scenarios
from ally.practice.feedback import analyse
from ally.practice.session import Session

SCENARIOS = load_scenarios()
RISK = [s for s in SCENARIOS if s.risk]


# -------------------------- someone at risk may withdraw, but the talk is not over

SLIPS = [
    ("You're overreacting, it's not that bad.", "Just don't think about it, cheer up."),
    ("Don't be silly, you've got so much to live for.", "Let's not talk about it. Forget it."),
]


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
@pytest.mark.parametrize("slips", SLIPS)
def test_two_slips_in_a_row_do_not_end_a_risk_talk(s: Scenario, slips: tuple[str, str]) -> None:
    session, turns = talk(s, *slips)
    assert len(turns) == 2
    assert all(t.move.hurts for t in turns), [t.feedback.pitfall_names for t in turns]
    assert not session.finished, turns[-1].answer
    assert turns[-1].answer not in (s.warm, s.cold)
    # the user can still repair
    _, more = talk(s, *slips, "I'm sorry. That was the wrong thing to say. I'm listening.")
    assert len(more) == 3
    assert more[-1].response.kind in ("repair", "relief", "guarded", "nudge"), more[-1].answer


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_a_risk_talk_left_without_help_says_so_plainly(s: Scenario) -> None:
    session = Session(s, 0)
    while not session.finished:
        session.reply("You're overreacting, it's not that bad. Just cheer up.")
    summary = session.summary()
    assert summary.ending in ("lost", "limit")
    assert "still at risk" in summary.praise
    assert "pulled away" not in summary.praise


# ------------------------- scenario text never contradicts itself or invents the user's life

RELATIVES = r"(?:mum|dad|mother|father|gran|grandma|granny|grandad|grandpa|nan|brother|sister)"


def lines(s: Scenario) -> list[str]:
    said = [s.opening, *s.pitfalls.values(), *(x for r in s.reactions.values() for x in r)]
    for b in s.beats:
        said += [b.open, b.closed, b.told, b.more]
    return [x for x in said if x]


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_they_never_name_who_the_user_lost(s: Scenario) -> None:
    """The user says who they lost (the review's user lost a grandma, not a grandad)."""
    for line in lines(s):
        assert not re.search(rf"\byou lost your {RELATIVES}\b", line, re.I), line


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_what_they_cannot_get_to_they_never_go_to(s: Scenario) -> None:
    said = lines(s)
    for line in said:
        for place in re.findall(r"can't get to the (\w+)", line, re.I):
            stem = place.rstrip("s")
            for other in said:
                assert not re.search(rf"\b(?:in|at|to) the {stem}\b", other, re.I), other


# ------------------------------------ a visit on another day is no staying with them now

VISITS = [
    ("I'll come round every Sunday from now on, I promise.", False),
    ("I'll be over on Saturday and we can talk properly then.", False),
    ("I'm coming over now, and I'll come every weekend after that too.", True),
]


@pytest.mark.parametrize(("reply", "stays"), VISITS)
def test_only_a_visit_now_counts_as_staying_with_them(reply: str, stays: bool) -> None:
    feedback = analyse(reply, context="I don't want to be here any more.")
    assert ("stays_with_them" in feedback.safety_names) is stays
