"""The summary is fair to what happened (issue 13): no risk verdict from the user's own
question when the answer was "no", no credit for a disclosure that was denied, what the
safe track brought out listed with what they told you, no safety question or offer of
help picked as the reply to try again, praise that counts the slips, and a follow-up
that names nothing the loved one never agreed to, at a time `ally remind` can read.

Table-driven over the scenario files, through the real feedback engine."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from practice_talk import ids, play

from ally.content.scenarios import load_scenarios
from ally.practice.conversation import read_move
from ally.practice.feedback import analyse
from ally.practice.session import Session, when
from ally.reminders.when import read_when

SCENARIOS = load_scenarios()
RISK = [s for s in SCENARIOS if s.risk]
CALM = [s for s in SCENARIOS if not s.risk]

SLIPS = (
    "Oh come on, at least you've got your health.",
    "You shouldn't think like that, it's selfish.",
    "I'm sorry, that was unfair of me. I'm listening now.",
)
SAFE_TRACK = (
    "Are you thinking about suicide?",
    "Have you made a plan, or got anything you'd use?",
    "Would you let me look after those things for now?",
    "Can we call a crisis line together now? I'll stay right here with you the whole time.",
    "Yes, I'll stay with you.",
    "Yes. Let's do it now.",
)


@pytest.mark.parametrize(
    "question", ["Do you ever think about hurting yourself?", "Are you thinking about suicide?"]
)
@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
def test_the_users_own_question_answered_no_is_not_a_risk_talk(s, question):
    session, turns = play(s, question)
    assert turns[0].response.kind == "safe_asked"  # the honest "no"
    summary = session.summary()
    assert summary.risk is False
    assert summary.safety is None
    assert "Ask directly" not in summary.next_time
    assert summary.best is not None and summary.best.turn == 1
    # the answer was "no": nothing is claimed about thoughts of suicide
    assert "thoughts of suicide" not in summary.best.what
    assert summary.best.what == f"You asked plainly, and {s.name} could answer you honestly."
    assert "thoughts of suicide" not in summary.revealed


@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
def test_what_they_say_about_risk_makes_it_a_risk_talk(s):
    said = "Some nights I think everyone would be better off without me."
    session, _ = play(dataclasses.replace(s, opening=said), "That sounds so heavy.")
    summary = session.summary()
    assert summary.risk is True
    assert summary.safety is not None and summary.safety.asked_directly is False
    assert "Ask directly" in summary.next_time


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_what_the_safe_track_brought_out_is_in_what_they_told_you(s):
    session, turns = play(s, *SAFE_TRACK[:3])
    assert [t.response.kind for t in turns] == ["safe_asked", "safe_urgency", "safe_means"]
    revealed = session.summary().revealed
    urgency = (
        "having already taken something"  # an overdose taken: no plan left to ask about
        if s.safe.emergency_now
        else "whether there is a plan, and how soon"
    )
    told = ["thoughts of suicide", urgency, "letting you make things safer"]
    assert [r for r in revealed if r in told] == told
    assert len(revealed) == len(set(revealed))


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_a_safety_question_is_never_the_reply_to_try_again(s):
    replies = ("have u hurt urself, or got anything ready?", "Are you thinking about suicide?")
    session, turns = play(s, *replies)
    assert all(t.feedback.safety for t in turns)  # both are safety moves
    retry = session.summary().retry
    assert retry is None or retry.reply not in replies


@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
def test_an_offer_of_help_is_not_told_to_become_an_open_question(s):
    offer = "Do you want to talk to someone about it, like a counsellor?"
    session, turns = play(s, offer)
    move = turns[0].move
    assert move.offer or move.plans or move.asks_help
    retry = session.summary().retry
    assert retry is None or "yes/no" not in retry.what


def test_you_are_right_calls_them_nothing():
    said = "Can you not lecture me? I'm fine."
    for reply in ("Sorry, you're right. Are you sleeping okay at least?", "You're right."):
        move = read_move(analyse(reply, said), SCENARIOS[0])
        assert move.labels == ()


@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
def test_a_label_they_had_just_refused_is_the_reply_to_try_again(s):
    opening = "I'm not depressed, before you say it. I'm just tired."
    session, turns = play(dataclasses.replace(s, opening=opening), "You're depressed, though.")
    assert turns[0].response.kind == "deflect"
    retry = session.summary().retry
    assert retry is not None and "label" in retry.what


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_praise_counts_the_slips(s):
    reached = []
    for slips, words in ((SLIPS[1:], "a slip cost some trust"), (SLIPS, "two slips cost trust")):
        session, _ = play(s, *slips, *SAFE_TRACK)
        summary = session.summary()
        if summary.ending == "goal":
            assert words in summary.praise
            assert not summary.praise.startswith("Well done")
            reached.append(words)
    # most risk scenarios reach their goal on this path; the test is not vacuous
    if s.id != "friend-goodbye-message":
        assert len(reached) == 2


@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
def test_a_check_in_at_the_turn_limit_names_nothing_never_agreed(s):
    session = Session(s, 0)
    while not session.finished:
        session.reply("Okay, I'll pop round on Saturday morning.")
    summary = session.summary()
    assert summary.ending == "limit" and not session.conversation.ask_said
    reminder = summary.reminder
    assert reminder is not None
    assert reminder.text == f"Check in with {s.name}"
    assert reminder.at == "saturday 09:00"
    assert reminder.asked is False


def test_a_check_in_tonight_is_never_in_the_past():
    at = when("I'll ring you tonight, whatever happens.", "monday 18:00")
    assert at == "tonight"
    zone = ZoneInfo("Europe/London")
    for hour in (9, 19, 21, 23):
        now = datetime(2026, 12, 5, hour, 30, tzinfo=zone)
        wall = read_when(at, now, zone).wall
        assert wall > now.replace(tzinfo=None)
        assert wall - now.replace(tzinfo=None) < timedelta(hours=12)  # tonight, not tomorrow
