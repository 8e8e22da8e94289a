"""Each line the loved one says follows from what was just said: one test per root cause
the third blind coherence review found (issue 13, round 5), table-driven over the
scenario files.

Most tests drive a session through the real feedback engine; where a state is hard to
reach by words alone (the ask already said, a promise already made), they drive the
conversation model with the moves the engine would read, as tests/practice_paths.py does.
"""

from __future__ import annotations

import random
import re

import pytest
from practice_talk import ids, talk

from ally.content.scenarios import Scenario, load_scenarios
from ally.practice.conversation import Conversation, Move
from ally.practice.session import Session

SCENARIOS = load_scenarios()
RISK = [s for s in SCENARIOS if s.risk]
CALM = [s for s in SCENARIOS if not s.risk]

ASKED = "Are you thinking about suicide?"


def conversation(s: Scenario) -> Conversation:
    return Conversation(s, random.Random(0))


def catch_all(s: Scenario) -> int:
    return next(i for i, a in enumerate(s.advice) if not a.topics)


# ------------------------------------------------ "are you safe?" is not "any plan?"


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_are_you_safe_tonight_is_answered_as_asked(s: Scenario) -> None:
    turns = talk(s, ASKED, "Thank you for telling me. Are you safe tonight?")
    last = turns[-1]
    assert "asks_about_urgency" in last.feedback.safety_names
    assert last.response.kind == "safe_urgency", last.answer
    # "No." answers "do you have a plan?"; to "are you safe?" it would say they are not
    assert not last.answer.startswith("No."), last.answer
    # the same truth, whichever way it is asked
    plan = talk(s, ASKED, "Thank you for telling me. Do you have a plan?")[-1].answer
    assert last.answer.split(". ", 1)[-1] == plan.split(". ", 1)[-1]


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_a_safety_question_in_the_last_reply_is_answered_before_the_close(
    s: Scenario,
) -> None:
    # They have asked for help ("Will you stay with me while we call?"); the user says
    # yes and asks if they are safe tonight: the answer comes before the talk ends.
    c = conversation(s)
    c.ask_said = True
    c.done = {"asks_about_suicide"}
    yes = Move(
        skills=frozenset({"closed_question"}),
        safety=frozenset({"asks_about_urgency", "stays_with_them"}),
        asks="closed",
        agrees=True,
        asks_safe=True,
        text="yes of course. i'll stay right here with you. are you safe tonight?",
    )
    response = c.respond(yes)
    assert response.ends == "goal"
    # the answer first ("No." fitted to "are you safe?"), then the close
    assert response.line.removeprefix("I think so. ").startswith(
        s.safe.urgency.removeprefix("No. ")
    ), response.line


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_the_close_never_answers_a_safety_question_with_a_stock_line(s: Scenario) -> None:
    # asked twice already: nothing fresh to say, so the close is said alone
    c = conversation(s)
    c.ask_said = True
    c.said.update({s.safe.urgency, s.safe.urgency_again, s.safe.asked, s.safe.asked_again})
    response = c.respond(
        Move(safety=frozenset({"asks_about_urgency"}), asks="closed", agrees=True, text="yes")
    )
    assert response.ends == "goal"
    assert not any(line in response.line for line in s.reactions["again"]), response.line


# ------------------------------------------- a question asking who or how gets no "Maybe."


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_wh_question_never_gets_a_yes_or_no(s: Scenario) -> None:
    c = conversation(s)
    who = Move(skills=frozenset({"closed_question"}), asks="closed", wh=True)
    response = c.respond(who)
    assert response.line not in s.reactions["yesno"], response.line
    # a yes/no question still may
    c = conversation(s)
    response = c.respond(Move(skills=frozenset({"closed_question"}), asks="closed"))
    assert response.kind in ("yesno", "unsure"), response


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_advice_weighed_in_answer_to_who_drops_its_yes_or_no(s: Scenario) -> None:
    c = conversation(s)
    c.revealed = [b.id for b in s.beats]  # heard: advice is weighed, not resisted
    c.trust = 5
    who = Move(
        skills=frozenset({"advice", "open_question"}),
        advice=catch_all(s),
        asks="open",
        wh=True,
        offer=True,
    )
    response = c.respond(who)
    if response.kind == "weigh":
        hedge = r"(?:maybe|perhaps|yes|yeah|no|sort of|kind of)[.!,]"
        assert not re.match(hedge, response.line.lower()), response.line


# ----------------------------------------------- advice, then a question: the question


@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
def test_a_question_after_advice_is_what_they_answer(s: Scenario) -> None:
    c = conversation(s)
    how_long = Move(
        skills=frozenset({"advice", "open_question"}),
        advice=catch_all(s),
        premature=True,
        asks="open",
        duration=True,
    )
    response = c.respond(how_long)
    assert response.kind == "since", response
    assert response.line == s.since


def test_you_dont_have_to_pretend_then_how_long_is_answered() -> None:
    s = next(x for x in SCENARIOS if x.id == "friend-says-fine")
    reply = "u dont have to pretend w me. how long have u felt like u have to pretend"
    turn = talk(s, reply)[-1]
    assert turn.answer not in s.reactions["yesno"]
    assert not turn.answer.startswith(("Maybe", "Sort of"))


# ------------------------------------------------------ texting and suggestions read right


@pytest.mark.parametrize(
    "reply",
    [
        "lol here. but srsly tho, how r u actually doing since the breakup",
        "ok fair, whats been going on with u",
        "busy week, hows things with u",
    ],
)
def test_a_texted_question_after_a_comma_is_heard_as_a_question(reply: str) -> None:
    s = next(x for x in SCENARIOS if x.id == "brother-jokes-it-off")
    turn = Session(s, 0).reply(reply)
    assert turn.move.asks == "open", turn.move
    assert turn.response.kind != "nudge", turn.answer


@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
def test_suggesting_the_gp_where_there_is_no_risk_is_heard_as_advice(s: Scenario) -> None:
    reply = "Would you come with me to see your GP, just to check in?"
    turn = Session(s, 0).reply(reply)
    assert turn.move.advice is not None, turn.move
    assert turn.answer not in s.reactions["yesno"], turn.answer


# ------------------------------------------------------ help and offers heard for what they are


def test_telling_your_doctor_is_the_doctor_not_a_person_to_tell() -> None:
    s = next(x for x in SCENARIOS if x.id == "grandad-putting-affairs-in-order")
    reply = "I'd like us to tell your doctor how you've been feeling. Could we ring together?"
    turn = Session(s, 0).reply(reply)
    assert turn.move.plans[:1] == ("doctor",), turn.move.plans


@pytest.mark.parametrize(
    ("reply", "word"),
    [
        ("Do you want me to sit with you for the rest of the meeting?", "rest"),
        ("Do you want me to leave you be for a bit?", "leave"),
    ],
)
@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_idle_words_in_an_offer_match_no_advice_topic(s: Scenario, reply: str, word: str) -> None:
    turn = Session(s, 0).reply(reply)
    if turn.move.advice is not None:
        assert word not in s.advice[turn.move.advice].topics, turn.answer


@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
def test_asking_about_hurting_themselves_gets_an_honest_answer(s: Scenario) -> None:
    turn = Session(s, 0).reply("Can I ask, do you ever think about hurting yourself?")
    assert turn.answer == s.safe.asked, turn.answer
    assert turn.answer not in s.reactions["spent"]


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_yes_no_question_about_what_they_told_gets_no_that_is_all(s: Scenario) -> None:
    c = conversation(s)
    beat = s.beats[0]
    c.revealed = [beat.id]
    c.said.add(beat.more)  # nothing more under it
    # "Is there anything ... you want to keep?": the engine may call it open; it asks
    # yes or no all the same
    response = c.respond(Move(skills=frozenset({"open_question"}), asks="open", asked=(beat.id,)))
    if response.ends is None:
        assert response.line not in s.reactions["spent"], response.line


# ------------------------------------------- no "will you stay with me?" just after "I'll stay"

COMPANY_ASKED = re.compile(r"[^.?!]*\b(?:stay|sit with|with me|together)\b[^.?!]*\?", re.I)
HELP = re.compile(r"\b(?:doctor|gp|crisis line|helpline|ambulance)\b", re.I)


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_company_just_offered_is_not_asked_for(s: Scenario) -> None:
    c = conversation(s)
    c.done = set(s.ask.needs)
    c.help_offered = True  # they named their barrier; the user gets past it by staying
    response = c.respond(
        Move(safety=frozenset({"stays_with_them"}), text="i'll stay right here with you.")
    )
    assert response.kind == "ask"
    # a question that also asks for help ("come to the doctor with me?") still stands
    asked = [q for q in COMPANY_ASKED.findall(response.line) if not HELP.search(q)]
    assert not asked, response.line


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_who_could_you_talk_to_never_gets_that_is_all(s: Scenario) -> None:
    c = conversation(s)
    c.revealed = [b.id for b in s.beats]
    c.trust = 5
    for a in s.advice:  # every piece of advice already weighed
        c.said.add(a.weighed)
    who = Move(
        skills=frozenset({"advice", "open_question"}),
        advice=catch_all(s),
        asks="open",
        wh=True,
        asks_who=True,
    )
    response = c.respond(who)
    assert response.line not in s.reactions["spent"], response.line


# -------------------------------------------------- a promise taken back, an offer made


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_a_withdrawn_secrecy_promise_gets_its_own_reaction_first(s: Scenario) -> None:
    c = conversation(s)
    c.respond(Move(pitfalls=("secrecy_promise",)))
    back = c.respond(
        Move(
            safety=frozenset({"connects_to_help"}),
            takes_back=True,
            text="i know i promised, but i can't keep this to myself. who could we tell?",
        )
    )
    assert back.line == s.safe.taken_back
    assert not c.help_offered  # help waits: who could know is the next thing to talk about
    # and said again, it does not come back
    again = c.respond(Move(takes_back=True, skills=frozenset({"validation"})))
    assert again.line != s.safe.taken_back


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_a_promise_taken_back_with_the_direct_question_answers_both(s: Scenario) -> None:
    turns = talk(
        s,
        "I promise I won't tell anyone, it stays between us.",
        "I know I promised, but I can't keep this to myself. Are you thinking about suicide?",
    )
    assert "secrecy_promise" in turns[0].feedback.pitfall_names
    assert turns[-1].answer.startswith(s.safe.taken_back), turns[-1].answer
    assert s.safe.asked in turns[-1].answer


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_an_offer_of_their_own_help_is_met_as_an_offer(s: Scenario) -> None:
    turn = Session(s, 0).reply("Do you want me to come round at the weekend?")
    assert turn.move.offer
    assert turn.answer not in s.reactions["yesno"], turn.answer
    if turn.response.kind in ("offer", "yesno"):
        assert turn.answer in s.reactions["offer"], turn.answer
