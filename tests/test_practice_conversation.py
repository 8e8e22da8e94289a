"""The loved one answers what the user actually said: table-driven over every scenario.

Each test writes a reply for one kind of move (the frames below, with a topic taken
from the scenario file), runs it through the real feedback engine and the
conversation, and checks which response was chosen and which beat it touched, so
the check follows the scenario data instead of copying its lines.
"""

from __future__ import annotations

import pytest
from practice_talk import ids, without_company_question

from ally.content.scenarios import MAX_TRUST, Beat, Scenario, load_scenarios
from ally.practice.conversation import PREFIX, topic_hits
from ally.practice.feedback import words_of
from ally.practice.session import Session, Turn

SCENARIOS = load_scenarios()
RISK = [s for s in SCENARIOS if s.risk]
CALM = [s for s in SCENARIOS if not s.risk]


# Replies, one per move. {} is filled with a topic word from the scenario file.
OPEN_ABOUT = "What has the {} side of it been like for you?"
CLOSED_ABOUT = "Is it the {} side of it?"
ADVICE_ABOUT = "You should do something about the {}."
GENERAL_OPEN = "Tell me more."
REFLECTION = "It sounds like this has been weighing on you."
VALIDATION = "That makes complete sense."
CHECK_IN = "Are you okay?"
OFF_TOPIC = "Did you see the weather forecast for Saturday?"
OFF_TOPIC_REMARK = "Hmm, right."
WHAT_HELPS = "What would help right now?"
EARLY_ADVICE = "Maybe you could try keeping a journal."
APOLOGY = "Sorry, that came out wrong. It sounds like it's been really hard."
SHARE = "I had a rough patch like that once."
PITFALL_REPLIES = {
    "minimising": "At least it's not as bad as it could be.",
    "judgment": "You're overreacting.",
    "dismissing": "Let's talk about something else.",
    "secrecy_promise": "I promise I won't tell anyone.",
}
ASKS_DIRECTLY = "Are you thinking about killing yourself?"
ASKS_URGENCY = "Do you have a plan for how you would do it?"
MEANS = "Can I hold on to your tablets for a while?"
HELP = "Can we call the crisis line together right now?"
HELP_IN_THE_TIPS_WORDS = "Would you be willing to call a crisis line with me? I'll stay right here."
STAY = "I'm coming over now and I'll stay with you."
EMERGENCY = "I'm calling an ambulance now and I'll stay on the line with you."


def closing(s: Scenario, close: str | None = None) -> str:
    """Their last words after a talk without a slip: the close, and thanks for it."""
    close = s.ask.close if close is None else close
    thanks = s.thanks and "thank" not in close.lower()
    return f"{close} {s.thanks}" if thanks else close


def own_topic(s: Scenario, beat: Beat) -> str:
    """A topic of this beat that touches no other beat and not the ask."""
    others = [b for b in s.beats if b.id != beat.id]
    for topic in beat.topics:
        words = list(words_of(topic).words)
        if not any(topic_hits(words, b.topics) for b in others) and not topic_hits(
            words, s.ask.topics
        ):
            return topic
    raise AssertionError(f"{s.id} beat {beat.id} has no topic of its own")


def trusting(s: Scenario, *, revealed: tuple[str, ...] = (), seed: int = 0) -> Session:
    """A session where the loved one trusts the user fully and has told `revealed`."""
    session = Session(s, seed)
    session.conversation.trust = MAX_TRUST
    session.conversation.revealed = list(revealed)
    return session


def opened(s: Scenario, beat: Beat) -> Session:
    """A session ready to bring out `beat`: what it waits for is already out."""
    return trusting(s, revealed=beat.after)


def say(session: Session, reply: str) -> Turn:
    return session.reply(reply)


# ------------------------------------------------------------- the beats


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_every_beat_has_a_topic_of_its_own(s: Scenario) -> None:
    for beat in s.beats:
        own_topic(s, beat)


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_an_open_question_about_a_topic_brings_that_beat_out_in_full(s: Scenario) -> None:
    for beat in s.beats:
        turn = say(opened(s, beat), OPEN_ABOUT.format(own_topic(s, beat)))
        assert "open_question" in turn.feedback.skill_names
        assert (turn.response.kind, turn.response.beat) == ("reveal", beat.id)
        assert turn.answer == beat.open


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_closed_question_about_a_topic_gets_the_short_answer(s: Scenario) -> None:
    for beat in s.beats:
        turn = say(opened(s, beat), CLOSED_ABOUT.format(own_topic(s, beat)))
        assert "closed_question" in turn.feedback.skill_names
        assert (turn.response.kind, turn.response.beat) == ("short", beat.id)
        assert turn.answer == beat.closed


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_beat_that_needs_more_trust_gets_only_the_short_answer(s: Scenario) -> None:
    for beat in s.beats:
        if beat.trust == 0:
            continue
        session = Session(s)
        session.conversation.trust = beat.trust - 2  # the good question adds one
        session.conversation.revealed = list(beat.after)
        turn = say(session, OPEN_ABOUT.format(own_topic(s, beat)))
        assert (turn.response.kind, turn.response.beat) == ("short", beat.id)
        assert beat.id not in session.conversation.revealed


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_general_open_question_brings_out_what_comes_first(s: Scenario) -> None:
    session = Session(s)
    first = session.conversation.next_beat(skip_duration=True)  # "how long" waits to be asked
    assert first is not None, "something must be sayable at the start"
    turn = say(session, GENERAL_OPEN)
    assert (turn.response.kind, turn.response.beat) == ("reveal", first.id)
    assert turn.answer == first.told


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_reflection_is_confirmed_and_deepened(s: Scenario) -> None:
    session = Session(s, seed=3)
    first = session.conversation.next_beat()
    assert first is not None
    turn = say(session, REFLECTION)
    assert turn.feedback.skill_names == ["reflection"]
    assert (turn.response.kind, turn.response.beat) == ("confirm", first.id)
    prefix, told = turn.answer.split(" ", 1)[0], first.told
    assert turn.answer.endswith(told)
    assert any(turn.answer == f"{c} {told}" for c in s.reactions["confirm"]), prefix


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_misreading_is_corrected(s: Scenario) -> None:
    for misreading in s.misreadings:
        topic = next(t for t in misreading.topics if len(t) >= PREFIX or " " not in t)
        turn = say(Session(s), f"It sounds like you feel {topic}.")
        if "reflection" not in turn.feedback.skill_names or turn.move.beats:
            continue  # the frame did not read as a reflection of nothing else
        assert turn.response.kind == "correct"
        assert turn.answer == misreading.line


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_validation_brings_relief_and_something_new(s: Scenario) -> None:
    session = Session(s, seed=5)
    first = session.conversation.next_beat()
    assert first is not None
    turn = say(session, VALIDATION)
    assert turn.feedback.skill_names == ["validation"]
    assert (turn.response.kind, turn.response.beat) == ("relief", first.id)
    assert any(turn.answer == f"{r} {first.told}" for r in s.reactions["relief"])


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_check_in_gets_a_deflection_and_an_off_topic_remark_a_nudge(s: Scenario) -> None:
    check = say(Session(s), CHECK_IN)
    assert check.response.kind == "deflect" and check.answer in s.reactions["deflect"]
    off = say(Session(s), OFF_TOPIC_REMARK)
    assert off.response.kind == "nudge" and off.answer in s.reactions["nudge"]
    assert check.answer != off.answer


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_an_off_topic_question_is_answered_naming_what_it_asked_about(s: Scenario) -> None:
    turn = say(Session(s), OFF_TOPIC)
    assert turn.response.kind == "puzzled"
    assert any(turn.answer == f"The weather? {line}" for line in s.reactions["puzzled"])


# In an emergency (they have already taken something) a story of your own with no way
# back to them takes the space (codebook 4.3): that is checked with the pitfalls.
NOT_EMERGENCY = [s for s in SCENARIOS if not s.safe.emergency_now]


@pytest.mark.parametrize("s", NOT_EMERGENCY, ids=ids(NOT_EMERGENCY))
def test_a_short_share_gets_its_reaction(s: Scenario) -> None:
    turn = say(Session(s), SHARE)
    assert turn.feedback.skill_names == ["self_disclosure"]
    assert turn.response.kind == "share" and turn.answer in s.reactions["share"]


# ---------------------------------------------------------------- advice


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_advice_before_they_feel_heard_meets_resistance_to_that_advice(s: Scenario) -> None:
    for advice in s.advice:
        reply = ADVICE_ABOUT.format(advice.topics[0]) if advice.topics else EARLY_ADVICE
        turn = say(Session(s), reply)
        assert "advice" in turn.feedback.skill_names, reply
        assert turn.response.kind == "resist", reply
        matched = s.advice[turn.move.advice or 0]
        assert turn.answer == matched.early
        if advice.topics:  # the resistance is the one for this advice
            assert matched == advice or set(matched.topics) & set(advice.topics), reply


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_advice_after_exploring_is_weighed(s: Scenario) -> None:
    two = tuple(b.id for b in s.beats[:2])
    for advice in s.advice:
        if advice.goal:
            continue
        session = trusting(s, revealed=two)
        session.turns.append(say(Session(s), GENERAL_OPEN))  # they have been explored
        reply = ADVICE_ABOUT.format(advice.topics[0]) if advice.topics else EARLY_ADVICE
        turn = say(session, reply)
        if turn.move.pitfalls:
            continue  # "just" can make it minimising: then it is a pitfall, tested below
        assert turn.response.kind == "weigh", reply
        assert turn.answer == s.advice[turn.move.advice or 0].weighed


@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
def test_advice_they_were_coming_to_is_taken_up_once_they_are_ready(s: Scenario) -> None:
    goals = [a for a in s.advice if a.goal and a.topics]
    everything = tuple(b.id for b in s.beats)
    for advice in goals:
        session = trusting(s, revealed=everything)
        session.turns.append(say(Session(s), GENERAL_OPEN))
        turn = say(session, ADVICE_ABOUT.format(advice.topics[0]))
        assert turn.response.kind == "ask"
        assert turn.answer == s.ask.line


# -------------------------------------------------------------- pitfalls


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
@pytest.mark.parametrize("pitfall", sorted(PITFALL_REPLIES))
def test_each_pitfall_gets_its_own_withdrawal(s: Scenario, pitfall: str) -> None:
    if pitfall == "secrecy_promise" and not s.risk:
        return  # keeping an ordinary confidence is no pitfall: tested below
    turn = say(Session(s), PITFALL_REPLIES[pitfall])
    assert turn.feedback.pitfall_names == [pitfall]
    assert (turn.response.kind, turn.response.pitfall) == ("withdraw", pitfall)
    assert turn.answer == s.pitfalls[pitfall]


@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
def test_keeping_a_confidence_without_risk_is_not_a_pitfall(s: Scenario) -> None:
    turn = say(Session(s), PITFALL_REPLIES["secrecy_promise"])
    assert turn.feedback.pitfall_names == []
    assert turn.response.kind != "withdraw"


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_pitfall_costs_trust_and_the_next_kind_reply_only_repairs(s: Scenario) -> None:
    session = Session(s)
    start = session.conversation.trust
    say(session, PITFALL_REPLIES["minimising"])
    assert session.conversation.trust == start - 1
    turn = say(session, VALIDATION)
    assert turn.response.kind == "guarded" and turn.answer in s.reactions["guarded"]
    assert session.conversation.revealed == []  # nothing new came out yet
    after = say(session, VALIDATION)
    assert after.response.kind == "relief"


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_an_apology_repairs_and_lets_the_reply_land(s: Scenario) -> None:
    session = Session(s, seed=2)
    say(session, PITFALL_REPLIES["dismissing"])
    first = session.conversation.next_beat()
    turn = say(session, APOLOGY)
    assert turn.response.kind == "repair"
    assert any(turn.answer.startswith(r) for r in s.reactions["repair"])
    if first is not None and session.conversation.available(first):
        assert turn.answer.endswith(first.told)
    assert s.ask.line not in turn.answer  # never from a withdrawal to the ask in one turn


NO_RISK = [s for s in SCENARIOS if not s.risk]


@pytest.mark.parametrize("s", NO_RISK, ids=ids(NO_RISK))
def test_two_pitfalls_in_a_row_end_it(s: Scenario) -> None:
    """Where there is no risk; someone at risk is never left there (test_practice_coherence4)."""
    session = Session(s)
    say(session, PITFALL_REPLIES["minimising"])
    turn = say(session, PITFALL_REPLIES["judgment"])
    assert turn.response.ends == "lost" and turn.answer == s.cold
    assert session.finished


# ------------------------------------------------------------------ asks


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_asking_what_would_help_too_early_gets_the_early_answer(s: Scenario) -> None:
    turn = say(Session(s), WHAT_HELPS)
    assert turn.response.kind == "early" and turn.answer == s.ask.early


@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
def test_once_everything_is_out_they_make_the_ask_and_the_answer_ends_it(s: Scenario) -> None:
    session = trusting(s, revealed=tuple(b.id for b in s.beats))
    ask = say(session, WHAT_HELPS)
    assert ask.response.kind == "ask" and ask.answer == s.ask.line
    assert not session.finished  # the ask is never left unanswered
    close = say(session, "Of course. I'll be there.")
    assert close.response.ends == "goal" and close.answer == closing(s)


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_no_single_reply_takes_them_from_the_opening_to_the_ask(s: Scenario) -> None:
    for reply in (WHAT_HELPS, VALIDATION, REFLECTION, HELP, APOLOGY, GENERAL_OPEN):
        turn = say(Session(s), reply)
        assert turn.response.kind != "ask", reply


# ------------------------------------------------------- the safe track


@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
def test_asking_directly_where_there_is_no_risk_gets_an_honest_no(s: Scenario) -> None:
    turn = say(Session(s), ASKS_DIRECTLY)
    assert turn.response.kind == "safe_asked" and turn.answer == s.safe.asked


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_asked_directly_they_say_honestly_whether_they_are_thinking_of_it(s: Scenario) -> None:
    for before in ((), (PITFALL_REPLIES["minimising"],)):  # even when stung
        session = Session(s)
        for reply in before:
            say(session, reply)
        turn = say(session, ASKS_DIRECTLY)
        assert turn.response.kind == "safe_asked" and turn.answer == s.safe.asked


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
@pytest.mark.parametrize("offer", [HELP, HELP_IN_THE_TIPS_WORDS])
def test_an_offer_of_help_follows_the_safe_track(s: Scenario, offer: str) -> None:
    session = Session(s)
    early = say(session, offer)
    assert "connects_to_help" in early.feedback.safety_names
    if s.ask.needs:
        assert early.response.kind == "safe_not_yet" and early.answer == s.safe.not_yet
        session.conversation.done.update(s.ask.needs)  # the questions it waits for
        early = say(session, EMERGENCY if s.safe.emergency_now else offer)
    plan = next(iter(early.move.plans), None)  # the kind of help offered: its own answer
    assert early.response.kind == "safe_help"
    # (the company offered with it is answered first)
    assert early.answer.endswith(s.safe.plan(plan).help or s.safe.help)
    agree = say(session, "I'll be right here with you, and I can do the talking at first.")
    assert agree.response.kind == "ask"
    # agreeing to that help, without asking for the company just offered
    assert agree.answer == without_company_question(s.safe.plan(plan).agree or s.ask.line)
    close = say(session, "Yes. I'm not going anywhere.")
    assert close.response.ends == "goal"
    assert close.answer == closing(s, s.safe.plan(plan).close or s.ask.close)


@pytest.mark.parametrize("s", [s for s in RISK if s.safe.emergency_now], ids=lambda s: s.id)
def test_where_it_is_an_emergency_a_helpline_is_not_enough(s: Scenario) -> None:
    session = Session(s)
    session.conversation.done.update(s.ask.needs)
    turn = say(session, HELP)
    assert turn.response.kind == "safe_emergency" and turn.answer == s.safe.emergency
    assert say(session, EMERGENCY).response.kind == "safe_help"


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_a_safety_move_is_never_met_as_a_pitfall_or_as_early_advice(s: Scenario) -> None:
    for reply in (ASKS_DIRECTLY, HELP, HELP_IN_THE_TIPS_WORDS, EMERGENCY):
        turn = say(Session(s), reply)
        assert turn.response.kind.startswith("safe_"), reply
        assert turn.response.kind not in ("withdraw", "resist")


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_asked_about_a_plan_they_answer_that(s: Scenario) -> None:
    session = Session(s)
    say(session, ASKS_DIRECTLY)
    turn = say(session, ASKS_URGENCY)
    assert turn.response.kind == "safe_urgency" and turn.answer == s.safe.urgency


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_an_offer_to_make_things_safer_is_answered(s: Scenario) -> None:
    turn = say(Session(s), MEANS)
    assert turn.response.kind == "safe_means" and turn.answer == s.safe.means


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_saying_you_will_stay_is_answered(s: Scenario) -> None:
    turn = say(Session(s), STAY)
    assert turn.response.kind == "safe_stay" and turn.answer == s.safe.stay


def test_the_grandad_scenario_rewards_finding_out_about_urgency() -> None:
    arthur = next(s for s in SCENARIOS if s.id == "grandad-putting-affairs-in-order")
    session = Session(arthur)
    monday = say(session, HELP)
    assert monday.answer == arthur.safe.not_yet  # "ring them on Monday, no rush"
    say(session, ASKS_DIRECTLY)
    urgency = say(session, "Have you thought about when you would do it?")
    assert urgency.response.kind == "safe_urgency"
    assert say(session, MEANS).response.kind == "safe_means"
    assert say(session, HELP).response.kind == "safe_help"
    assert say(session, "I'll stay right here while you talk to them.").response.kind == "ask"
    summary = session.summary()
    assert summary.safety is not None and summary.safety.passed


# ----------------------------------------------------------- determinism


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_the_same_seed_gives_the_same_conversation(s: Scenario) -> None:
    script = [REFLECTION, VALIDATION, CHECK_IN, OFF_TOPIC, GENERAL_OPEN, REFLECTION, VALIDATION]

    def run(seed: int) -> list[str]:
        session = Session(s, seed)
        return [session.reply(r).answer for r in script if not session.finished]

    assert run(11) == run(11)


# ------------------------------------------------- how long, and the unknown

HOW_LONG = "How long has it been like this?"
PARTICULAR = "How has your money been lately?"  # everyday, and no scenario holds it back
NEVER_MENTIONED = "How's your new puppy getting on?"


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_how_long_is_always_answered_with_how_long(s: Scenario) -> None:
    turn = say(trusting(s), HOW_LONG)
    if turn.move.beats:  # a beat about how long it has been
        beat = s.beat(turn.move.beats[-1])
        kind = "short" if beat.after else "reveal"  # in full once what it waits for is out
        assert (turn.response.kind, turn.response.beat) == (kind, beat.id)
    else:
        assert (turn.response.kind, turn.answer) == ("since", s.since)


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_question_about_something_they_are_not_holding_back_gets_an_honest_not_sure(
    s: Scenario,
) -> None:
    turn = say(Session(s), PARTICULAR)
    assert "open_question" in turn.feedback.skill_names
    if turn.move.asked:
        return  # this scenario holds money back: a beat answers it (tested above)
    assert turn.response.kind == "unsure" and turn.answer in s.reactions["unsure"]


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_something_they_never_mentioned_puzzles_them_and_they_say_so(s: Scenario) -> None:
    turn = say(Session(s), NEVER_MENTIONED)
    assert turn.response.kind == "puzzled"
    assert any(turn.answer == f"My new puppy? {line}" for line in s.reactions["puzzled"])


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_general_question_after_a_reflection_is_still_general(s: Scenario) -> None:
    turn = say(Session(s), "You've seemed quieter than usual lately. What's been going on?")
    assert turn.response.kind == "reveal"


@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
def test_a_question_back_after_the_ask_is_answered_and_the_ask_still_waits(
    s: Scenario,
) -> None:
    session = trusting(s, revealed=tuple(b.id for b in s.beats))
    assert say(session, WHAT_HELPS).response.kind == "ask"
    back = say(session, HOW_LONG)
    assert back.response.kind in ("since", "short", "deepen") and not session.finished
    assert say(session, "Yes, of course.").response.ends == "goal"
