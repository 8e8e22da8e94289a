"""Each line the loved one says follows from what was just said: one test per root cause
the second blind coherence review found (issue 13, round 3), table-driven over every
scenario, through the real feedback engine.

The replies are written here; what they must get is read from the scenario files, so
the tests follow the content instead of copying its lines.
"""

from __future__ import annotations

import re

import pytest
from practice_talk import ids, talk

from ally.content.scenarios import MAX_TRUST, Advice, Beat, Scenario, load_scenarios
from ally.practice.session import Session

SCENARIOS = load_scenarios()
RISK = [s for s in SCENARIOS if s.risk]
IDS = [s.id for s in SCENARIOS]


# ------------------------------------ an invitation to talk is no suggestion to act

INVITATIONS = [
    "Can you tell me more about that?",
    "Could you tell me what it's been like?",
    "Would you talk to me about it?",
]


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
@pytest.mark.parametrize("reply", INVITATIONS)
def test_asking_them_to_tell_you_is_not_heard_as_advice(s: Scenario, reply: str) -> None:
    (turn,) = talk(s, reply)
    assert turn.response.kind not in ("resist", "weigh"), turn.answer
    pushed_back = {a.early for a in s.advice} | {a.weighed for a in s.advice}
    assert turn.answer not in pushed_back


# ------------------------------------- what they told is never taken back with "what for?"


WITH_NOT_YET = [s for s in RISK if s.safe.not_yet]


@pytest.mark.parametrize("s", WITH_NOT_YET, ids=ids(WITH_NOT_YET))
def test_after_telling_you_about_a_plan_they_never_ask_what_help_is_for(
    s: Scenario,
) -> None:
    turns = talk(s, "Are you safe right now?", "Can we ring a crisis line together?")
    assert turns[0].response.kind == "safe_urgency"
    assert all(s.safe.not_yet not in t.answer for t in turns[1:]), turns[-1].answer


# ------------------------------------------ "going round in circles" only when we are

DIFFERENT_REPLIES = [
    "You should get some fresh air.",
    "Maybe try going for a run.",
    "You could write it all down in a journal.",
    "Is everything alright with the car?",
    "Did you see the match last night?",
    "Mm.",
    "Have you eaten today?",
    "Okay.",
    "Did you get my text earlier?",
    "Right.",
    "Are the neighbours still noisy?",
]


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_they_only_say_you_are_going_round_in_circles_when_you_are(s: Scenario) -> None:
    for turn in talk(s, *DIFFERENT_REPLIES):
        assert turn.answer not in s.reactions["again"], (turn.reply, turn.answer)


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_asked_the_same_thing_again_they_can_say_so(s: Scenario) -> None:
    turns = talk(s, *["Did you see the match last night?"] * 6)
    said = [t.answer for t in turns]
    assert len(said) == len(set(said)), "never the same line twice"


# ----------------------------------------------- a "what" question is never answered yes/no

WH_QUESTIONS = [
    "hows work been rubbish?",
    "whats been keeping u so busy",
    "my week was meh. whats been keeping u so busy",
    "So what happened after that?",
    "When it gets bad, what goes through your head? Like, about ending your life?",
]
YES_OR_NO = ("yes", "yeah", "yep", "no", "nope", "maybe", "sort of", "kind of", "not really")


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
@pytest.mark.parametrize("reply", WH_QUESTIONS)
def test_a_what_question_is_never_answered_yes_or_no(s: Scenario, reply: str) -> None:
    (turn,) = talk(s, reply, seed=11)
    assert turn.move.asks == "open" or turn.move.safety, turn.move
    assert turn.answer not in s.reactions["yesno"], turn.answer
    first = turn.answer.lower().lstrip("what? ").split(".")[0].split(",")[0].strip()
    assert first not in YES_OR_NO, turn.answer


# ------------------------------------------ a visit another day is not staying tonight

VISITS = [
    "I'll come round every Sunday, I promise.",
    "I'll be with you next weekend, I promise.",
]


@pytest.mark.parametrize(
    "s", [s for s in RISK if s.safe.stay], ids=ids([s for s in RISK if s.safe.stay])
)
@pytest.mark.parametrize("reply", VISITS)
def test_a_visit_another_day_is_not_answered_as_staying_now(s: Scenario, reply: str) -> None:
    turns = talk(s, "Are you thinking about suicide?", reply)
    assert turns[-1].answer != s.safe.stay and turns[-1].response.kind != "safe_stay"


# ----------------------------------------- "I'm listening, take your time" is no advice

PRESENT = ["I'm listening, take your time.", "No rush. I'm listening."]


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
@pytest.mark.parametrize("reply", PRESENT)
def test_saying_you_are_listening_is_never_pushed_back_on_as_advice(
    s: Scenario, reply: str
) -> None:
    (turn,) = talk(s, reply)
    assert turn.response.kind not in ("resist", "weigh", "share"), turn.answer
    assert turn.answer not in {a.early for a in s.advice} | set(s.reactions["share"])


# ------------------------------------------------ the time cue follows the answer


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_the_time_cue_never_comes_between_a_reply_and_its_answer(s: Scenario) -> None:
    session = Session(s)
    session.conversation.replies = s.turns - 2
    turn = session.reply("You're not a burden. You're my friend.")
    assert s.soon in turn.answer
    assert not turn.answer.startswith(s.soon) or turn.answer.endswith("?"), turn.answer


# ------------------------------- an offer of help never drops the question asked with it

WHERE_BEATS = [(s, b) for s in RISK for b in s.beats if "where" in b.topics or "home" in b.topics]


@pytest.mark.parametrize(("s", "beat"), WHERE_BEATS, ids=[f"{s.id}-{b.id}" for s, b in WHERE_BEATS])
def test_a_question_asked_with_an_offer_of_help_is_answered_too(s: Scenario, beat: Beat) -> None:
    turns = talk(
        s,
        "Are you thinking about killing yourself?",
        "Have you done anything to hurt yourself tonight?",
        "I'm ringing an ambulance now. Where are you, are you at home?",
    )
    assert turns[-1].response.kind.startswith("safe_") or turns[-1].response.kind == "ask"
    assert beat.closed in turns[-1].answer or beat.open in turns[-1].answer, turns[-1].answer


# ------------------------------- agreeing to a plan agrees to the plan that was offered

OFFERS = {
    "line": "ring the crisis line",
    "doctor": "ring the doctor",
    "person": "tell your mum",
    "emergency": "call an ambulance",
}
TIMES = ["right now", "on Saturday", "tomorrow morning"]
TIME_WORDS = {"now", "tonight", "tomorrow", "morning", "evening", "saturday"}


def time_words(line: str) -> set[str]:
    return TIME_WORDS & set(re.sub(r"[^a-z ]", " ", line.lower()).split())


CLOSES = [
    (s, kind)
    for s in RISK
    for kind in OFFERS
    if s.safe.plan(kind).close and time_words(s.safe.plan(kind).close)
]


@pytest.mark.parametrize(("s", "kind"), CLOSES, ids=[f"{s.id}-{k}" for s, k in CLOSES])
def test_the_closing_line_never_names_another_time_than_the_one_offered(
    s: Scenario, kind: str
) -> None:
    close = s.safe.plan(kind).close.lower()
    when = next(t for t in TIMES if not set(t.lower().split()) & set(close.split()))
    session = Session(s)
    session.conversation.ask_said = True
    session.conversation.plan = kind
    turn = session.reply(f"Yes, let's {OFFERS[kind]} together {when}.")
    assert turn.response.ends == "goal"
    assert time_words(turn.answer) <= time_words(when), turn.answer


# ---------------------------------------- an offer is answered as what it offers

WALKS = [(s, a) for s in SCENARIOS for a in s.advice if "walk" in a.topics]


@pytest.mark.parametrize(("s", "advice"), WALKS, ids=[s.id for s, _ in WALKS])
def test_an_offer_is_answered_as_what_it_offers_not_as_a_word_before_it(
    s: Scenario, advice: Advice
) -> None:
    session = Session(s)
    session.conversation.trust = 5
    session.conversation.revealed = [b.id for b in s.beats[:2]]
    turn = session.reply(
        "Before you head to bed tonight, would it help if we went for a walk this week?"
    )
    others = {a.weighed for a in s.advice if a is not advice} | {
        a.early for a in s.advice if a is not advice
    }
    assert turn.answer.split(s.soon)[0].strip() not in others, turn.answer
    assert not turn.answer.startswith(s.ask.accept), turn.answer


# ------------------------------------- nothing said twice, not even inside a longer line

SCRIPTS = [
    [
        "At least it's not as bad as it could be.",
        "Sorry, that was a thoughtless thing to say. What's been happening?",
        "What was that like?",
        "What was that like?",
        "Tell me more about that.",
        "I'd really like to hear more.",
        "What else?",
    ],
    [
        "How are you doing?",
        "Is it work?",
        "Is it sleep?",
        "Is there anything that would help?",
        "What would you want from me right now?",
        "Okay.",
        "Mm.",
        "I see.",
    ],
]


def sentences(line: str) -> set[str]:
    return {" ".join(x.lower().split()) for x in re.split(r"(?<=[.!?])\s+", line) if x.strip()}


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
@pytest.mark.parametrize("script", range(len(SCRIPTS)))
def test_no_line_is_said_twice_even_inside_a_longer_line(s: Scenario, script: int) -> None:
    said: set[str] = sentences(s.opening)
    for turn in talk(s, *SCRIPTS[script], seed=11):
        parts = sentences(turn.answer) - sentences(s.soon)
        # only the time cue ("I'll have to head back soon.") repeats nothing
        assert not (parts and parts <= said), (turn.reply, turn.answer)
        said |= parts


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_an_apology_is_never_answered_with_surprise_at_a_confidence(s: Scenario) -> None:
    turns = talk(
        s, "At least it's not as bad as it could be.", "Sorry. I'd really like to hear more."
    )
    assert turns[0].response.kind == "withdraw"
    assert not any(x in turns[1].answer for x in s.reactions["share"]), turns[1].answer


# ------------------------- "Are you hurting yourself?" asks about the harm they hide

HIDDEN_HARM = [
    (s, b) for s in RISK for b in s.beats if {"hurt", "hurting", "harm", "cut"} & set(b.topics)
]


@pytest.mark.parametrize(("s", "beat"), HIDDEN_HARM, ids=[f"{s.id}-{b.id}" for s, b in HIDDEN_HARM])
def test_asked_about_hurting_themselves_they_answer_that_not_a_plan(
    s: Scenario, beat: Beat
) -> None:
    (turn,) = talk(s, "Are you hurting yourself?")
    assert s.safe.urgency not in turn.answer, turn.answer
    assert turn.response.beat == beat.id, turn.answer


# -------------------------- their own words pointed back at are about what they said

POINTED_BACK = [(s, b) for s in SCENARIOS for b in s.beats if b.closed and b.more]


@pytest.mark.parametrize(
    ("s", "beat"), POINTED_BACK, ids=[f"{s.id}-{b.id}" for s, b in POINTED_BACK]
)
def test_asked_what_those_are_like_they_say_more_about_what_they_hinted(
    s: Scenario, beat: Beat
) -> None:
    session = Session(s)
    conversation = session.conversation
    # they have only hinted at it ("My head goes to dark places at night.")
    conversation.trust = 5
    conversation.revealed = list(beat.after)
    conversation.touched.add(beat.id)
    conversation.said.add(beat.closed)
    conversation.last_line = beat.closed
    conversation.last_beat = beat.id
    turn = session.reply("Can you tell me what those are like?")
    assert turn.response.beat == beat.id, turn.answer


# --------------------- their own thought said back is a reflection, not an argument

REPORTED = [
    "It sounds like you've been feeling like you're not good enough.",
    "So part of you thinks you're not coping, and that's been weighing on you.",
]


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
@pytest.mark.parametrize("reply", REPORTED)
def test_their_thought_said_back_is_never_met_with_doubt(s: Scenario, reply: str) -> None:
    (turn,) = talk(s, reply)
    assert turn.response.kind != "doubt" and turn.answer not in s.reactions["doubt"], turn.answer
    assert not turn.move.argues


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_a_question_out_of_the_blue_earns_no_trust(s: Scenario) -> None:
    session = Session(s)
    before = session.conversation.trust
    turn = session.reply("What did you think of the new cafe on the high street?")
    assert turn.response.kind == "puzzled", turn.answer
    assert turn.trust <= before


# ------------------------------------------- a question about what they want offers nothing

ASKING_WHAT_THEY_WANT = [
    "What would you want to happen next, if anything?",
    "What could we do that would feel okay to you?",
]


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
@pytest.mark.parametrize("reply", ASKING_WHAT_THEY_WANT)
def test_asking_what_they_would_want_is_no_offer_to_weigh(s: Scenario, reply: str) -> None:
    session = Session(s)
    session.conversation.trust = MAX_TRUST
    session.conversation.revealed = [b.id for b in s.beats[:2] if not b.after]
    turn = session.reply(reply)
    assert not turn.move.offer
    assert turn.response.kind not in ("weigh", "resist"), turn.answer
