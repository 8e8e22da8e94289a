"""Each line the loved one says follows from what was just said: one test per pattern the
first blind coherence review found (see the issue about conversations that answer what
you said), table-driven over every scenario, through the real feedback engine.

The replies are written here; what they must get is read from the scenario files, so
the tests follow the content instead of copying its lines.
"""

from __future__ import annotations

import re

import pytest
from practice_talk import ids, talk

from ally.content.scenarios import MAX_TRUST, Scenario, load_scenarios
from ally.practice.session import Session

SCENARIOS = load_scenarios()
RISK = [s for s in SCENARIOS if s.risk]
CALM = [s for s in SCENARIOS if not s.risk]
IDS = [s.id for s in SCENARIOS]


def fillers(s: Scenario) -> set[str]:
    """Lines that say nothing about what was asked."""
    return {*s.reactions["nudge"], *s.reactions["guarded"], *s.reactions["spent"]}


def trusting(s: Scenario, revealed: tuple[str, ...] = ()) -> Session:
    session = Session(s)
    session.conversation.trust = MAX_TRUST
    session.conversation.revealed = list(revealed)
    return session


# ------------------------------------------- a reflection opener only for a reflection

QUESTIONS_THAT_START_WITH_YOU = [
    "u ok?",
    "You ok?",
    "Hey, got your message. You ok?",
    "Are you going away somewhere?",
    "You're not going to do anything daft, are you?",
]


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
@pytest.mark.parametrize("reply", QUESTIONS_THAT_START_WITH_YOU)
def test_a_question_is_never_confirmed_as_if_it_were_a_reflection(s: Scenario, reply: str) -> None:
    (turn,) = talk(s, reply)
    assert turn.response.kind not in ("reveal", "confirm"), "a bare check-in is no invitation"
    told = [f"{c} {b.told}" for c in s.reactions["confirm"] for b in s.beats]
    assert turn.answer not in told, turn.answer


ARGUING = {"rubbish": "ur not rubbish!", "burden": "You're not a burden, honestly."}


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_reassurance_that_argues_with_what_they_said_is_met_with_doubt(s: Scenario) -> None:
    for beat in s.beats:
        for word, reply in ARGUING.items():
            if word not in beat.told.lower():
                continue
            session = trusting(s, beat.after)
            session.conversation.said.add(beat.told)
            session.conversation.last_line = beat.told
            turn = session.reply(reply)
            assert turn.response.kind == "doubt" and turn.answer in s.reactions["doubt"]


# ------------------------------------------------ fillers chosen by what was said


YES_NO = "Is everything alright with the car?"  # about nothing they hold back


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_a_yes_no_question_is_never_answered_by_a_bare_filler(s: Scenario) -> None:
    for reply in ("Is someone being mean to you?", "Has it been weeks, or longer?", YES_NO):
        (turn,) = talk(s, reply)
        if turn.move.asked or turn.move.safety:
            continue  # a beat or a safe answer: tested elsewhere
        assert turn.answer not in fillers(s), (reply, turn.answer)


NOT_NOUNS = set(
    [
        "because",
        "couldn't",
        "really",
        "honestly",
        "started",
        "something",
        "everything",
        "anything",
        "nothing",
        "without",
        "thought",
        "actually",
        "anymore",
    ]
)


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_an_echo_of_their_words_is_explained_not_met_with_a_filler(s: Scenario) -> None:
    session = Session(s)
    first = session.reply("What's been going on?")
    assert first.response.kind == "reveal"
    beat = s.beat(first.response.beat or "")
    words = [w for w in re.findall(r"[a-z]+", beat.told.lower()) if w not in NOT_NOUNS]
    noun = max(words, key=len)  # the longest word of what they just said
    echo = session.reply(f"{noun}?")
    assert echo.answer not in fillers(s)
    assert echo.response.kind in ("deepen", "echo"), (noun, echo.answer)
    if echo.response.kind == "deepen":
        assert echo.answer == beat.more


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_something_never_mentioned_is_named_not_ignored(s: Scenario) -> None:
    for reply, thing in (
        ("How's your new puppy getting on?", "My new puppy?"),
        ("did u see the football last nite lol", "The football?"),
    ):
        (turn,) = talk(s, reply)
        assert turn.answer.startswith(thing), (reply, turn.answer)
        assert turn.answer.removeprefix(f"{thing} ") in s.reactions["puzzled"]


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_a_remark_about_your_own_day_is_not_heard_as_a_reflection(s: Scenario) -> None:
    (turn,) = talk(s, "Anyway, I had the worst day at work, my boss had a go at me.")
    assert turn.response.kind not in ("confirm", "relief"), turn.answer


# ------------------------------------------------------------- nothing said twice

STUCK_REPLIES = [
    "ok",
    "Are you okay?",
    "Is everything alright with the car?",
    "What would help?",
    "How long has it been like this?",
    "What's been going on?",
    "It sounds really hard.",
]


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
@pytest.mark.parametrize("reply", STUCK_REPLIES)
def test_the_same_reply_again_and_again_never_gets_the_same_line(s: Scenario, reply: str) -> None:
    turns = talk(s, *[reply] * s.turns)
    said = [s.opening, *(t.answer for t in turns)]
    assert len(said) == len(set(said)), said


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_asked_again_about_something_told_they_say_what_lies_under_it(s: Scenario) -> None:
    for beat in s.beats:
        session = trusting(s, (*beat.after, beat.id))
        session.conversation.said.add(beat.told)
        topic = next(t for t in beat.topics if " " not in t and len(t) >= 4)
        turn = session.reply(f"What's the {topic} side of it like?")
        if beat.id not in turn.move.asked:
            continue  # the frame touched another beat first
        assert turn.response.kind == "deepen" and turn.answer == beat.more
        assert turn.answer != beat.closed  # never the short answer served again


# ------------------------------------------------------------------ lines that presume

SLIPS = ["You're overreacting.", "At least it's not as bad as it could be."]


@pytest.mark.parametrize("s", [s for s in SCENARIOS if s.thanks], ids=lambda s: s.id)
def test_thanks_for_how_they_were_treated_only_when_it_is_true(s: Scenario) -> None:
    for slip in (None, *SLIPS):
        session = trusting(s, tuple(b.id for b in s.beats))
        if slip is not None:
            session.reply(slip)
            session.reply("Sorry, that came out wrong. It sounds like it's been really hard.")
        session.conversation.trust = MAX_TRUST
        session.conversation.done.update(s.ask.needs)
        if s.risk:
            session.conversation.help_offered = True
            session.reply("I'll stay right here with you.")
        else:
            session.reply("What would help?")
        end = session.reply("Yes, of course.")
        assert end.response.ends == "goal"
        thanked = slip is None and "thank" not in s.ask.close.lower()  # one thanks is enough
        assert (s.thanks in end.answer) == thanked, (slip, end.answer)


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_no_line_thanks_them_for_not_panicking_after_a_panic(s: Scenario) -> None:
    session = Session(s)
    session.reply("What?! Why would you do that? You're overreacting.")
    rest = [session.reply(r) for r in STUCK_REPLIES[4:] * 3 if not session.finished]
    for turn in rest:
        assert not re.search(r"thank\w*( you)?[^.?!]* for not", turn.answer, re.I), turn.answer


@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
def test_weighing_a_suggestion_only_follows_a_suggestion(s: Scenario) -> None:
    catch_all = next(a for a in s.advice if not a.topics)
    session = trusting(s, tuple(b.id for b in s.beats[:2]))
    for reply in (  # a "should" or an imperative here suggests nothing to weigh
        "Oh love, doing all that on your own, that's so much to be carrying by yourself. "
        "I'm really glad you're telling me.",
        "I'm so glad you're telling me now. It's not something you should have to carry "
        "alone. What do you think might help?",
    ):
        turn = session.reply(reply)
        assert turn.response.kind not in ("weigh", "resist"), (reply, turn.answer)
        assert turn.answer not in (catch_all.weighed, catch_all.early), reply


# ------------------------------------------------- safe lines keyed to the plan proposed


@pytest.mark.parametrize("s", [s for s in RISK if s.safe.plans], ids=lambda s: s.id)
def test_the_first_answer_to_help_fits_the_kind_of_help_offered(s: Scenario) -> None:
    offers = {
        "doctor": "Shall we ring your doctor together tomorrow morning?",
        "line": "Can we call a crisis line together right now?",
        "emergency": "I'm calling an ambulance now and I'll stay on the line with you.",
        "person": "Can we tell your mum together? I'll be right there with you.",
    }
    for kind, plan in s.safe.plans.items():
        if not plan.help or (s.safe.emergency_now and kind != "emergency"):
            continue
        session = Session(s)
        session.conversation.done.update(s.ask.needs)
        turn = session.reply(offers[kind])
        # (company offered with it is answered first: "...I'll be right there with you.")
        assert turn.response.kind == "safe_help" and turn.answer.endswith(plan.help), kind


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_no_ambulance_is_not_an_offer_of_an_ambulance(s: Scenario) -> None:
    session = Session(s)
    turn = session.reply("No ambulance, just your own doctor, and I'll be with you.")
    assert not turn.move.emergency and turn.move.plans[:1] == ("doctor",)


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_asked_about_a_plan_twice_they_answer_again_in_other_words(s: Scenario) -> None:
    session = Session(s)
    session.reply("Are you thinking about killing yourself?")
    first = session.reply("Have you thought about how you would do it?")
    second = session.reply("Do you have a plan?")
    assert (first.answer, second.answer) == (s.safe.urgency, s.safe.urgency_again)


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_asked_a_third_time_they_never_give_a_different_answer(s: Scenario) -> None:
    direct = "Are you thinking about killing yourself?"
    first, second, third = talk(s, direct, direct, direct)
    assert (first.answer, second.answer) == (s.safe.asked, s.safe.asked_again)
    assert third.answer in s.reactions["again"]  # "I've said", never "I haven't thought"


# ------------------------------------------------------------------------- endings


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_time_running_out_is_said_before_it_ends_and_the_last_question_is_answered(
    s: Scenario,
) -> None:
    session = Session(s)
    session.conversation.replies = s.turns - 2
    warned = session.reply("It sounds like it's been really hard.")
    # the warning follows the answer (before it only when the answer asks something)
    assert s.soon in warned.answer and not session.finished
    assert warned.answer.endswith(s.soon) or warned.answer.endswith("?")
    last = session.reply("How long has it been like this?")
    assert session.finished and last.response.ends in ("limit", "lost")
    assert "?" not in last.answer
    ending = s.warm if last.response.ends == "limit" else s.cold
    assert last.answer != ending and ending in last.answer  # the answer, then goodbye


# ------------------------------------------------------------------------ the summary


def scenario(scenario_id: str) -> Scenario:
    return next(s for s in SCENARIOS if s.id == scenario_id)


def play(scenario_id: str, *replies: str) -> Session:
    session = Session(scenario(scenario_id))
    for reply in replies:
        if not session.finished:
            session.reply(reply)
    return session


TO_HELP_AFTER_A_EUPHEMISM = (
    "You're not thinking of doing anything silly, are you?",
    "Are you thinking about killing yourself?",
    "Have you thought about how, or when?",
    "Can we call a crisis line together now? I'll stay with you.",
    "You won't be wasting their time. I can start, and you can jump in.",
    "Yes, I'll stay with you the whole time.",
)


def test_a_talk_round_suicide_is_not_well_done_and_is_the_one_to_try_again() -> None:
    session = play("friend-better-off-without-me", *TO_HELP_AFTER_A_EUPHEMISM)
    summary = session.summary()
    assert summary.goal_reached and summary.safety is not None and summary.safety.passed
    assert not summary.praise.startswith("Well done")
    assert "talked round suicide" in summary.praise
    assert summary.retry is not None and summary.retry.turn == 1
    assert "Are you thinking about killing yourself?" in summary.retry.suggestion


def test_staying_with_them_is_credited_even_where_the_cues_did_not_call_for_it() -> None:
    session = play(
        "friend-better-off-without-me",
        "Are you thinking about killing yourself?",
        "I'm staying right here with you tonight.",
    )
    safety = session.summary().safety
    assert safety is not None and safety.stayed_with_them is True


def test_a_promise_of_secrecy_taken_back_is_named_as_right() -> None:
    session = play(
        "niece-asks-for-secrecy",
        "Of course, I promise I won't tell anyone. What is it?",
        "What's been going on?",
        "Are you thinking about killing yourself?",
        "I promised not to tell, but I was wrong to promise that. I can't keep this to myself.",
    )
    summary = session.summary()
    assert summary.retry is not None and "took it back, which was right" in summary.retry.what
    assert summary.next_time.startswith("Taking back the promise was right.")


def test_the_check_in_is_offered_at_the_time_the_user_named() -> None:
    session = play(
        "flatmate-low-mood",
        "You haven't been out much lately. What's been going on?",
        "How long has it been like this?",
        "That sounds exhausting. How have you been sleeping?",
        "It makes sense that you'd feel stuck. What scares you most about it?",
        "Thank you for telling me. What would help?",
        "Of course. I'll knock on your door on Monday morning.",
    )
    reminder = session.summary().reminder
    assert reminder is not None and reminder.asked  # Sam asked for it in so many words
    assert reminder.command == 'ally remind add "Check in with Sam" --at "monday 09:00" --about Sam'


def test_a_follow_up_nobody_asked_for_is_not_said_to_be_asked_for() -> None:
    session = play("friend-better-off-without-me", *TO_HELP_AFTER_A_EUPHEMISM)
    reminder = session.summary().reminder
    assert reminder is not None and not reminder.asked


def test_an_open_question_that_got_a_short_answer_is_not_called_a_yes_no_question() -> None:
    session = play(
        "grandad-putting-affairs-in-order",
        "What have you been lonely about, Grandad?",  # a beat that needs more trust
        "Are you thinking about ending your life?",
    )
    first = session.turns[0]
    assert first.response.kind == "short" and first.move.asks == "open"
    retry = session.summary().retry
    assert retry is None or "yes/no" not in retry.what
