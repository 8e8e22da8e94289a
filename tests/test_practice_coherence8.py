"""Each line the loved one says follows from what was just said, and the summary is fair
to it: one test per root cause found in round 8 (issue 13: blind coherence reviews 7 and
7b). Table-driven over the scenario files where the cause is general, through the real
feedback engine."""

from __future__ import annotations

import dataclasses
import re

import pytest
from practice_talk import ids, play, talk

from ally.content.scenarios import load_scenarios
from ally.practice.feedback import analyse

SCENARIOS = load_scenarios()
BY_ID = {s.id: s for s in SCENARIOS}
RISK = [s for s in SCENARIOS if s.risk]
CALM_RISK = [s for s in RISK if not s.safe.emergency_now]


# ------------------------------------------------- a safety step taken again is answered


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_company_asked_for_again_gets_a_yes_not_a_shrug(s):
    turns = talk(
        s,
        "Are you thinking about suicide?",
        "Can I come over and stay with you tonight?",
        "Can you stay on the phone with me till I get there?",
    )
    assert turns[1].response.kind == "safe_stay"
    again = turns[2]
    assert again.response.kind != "yesno", again.answer
    assert not any(line in again.answer for line in s.reactions["yesno"]), again.answer
    assert again.answer.rstrip().endswith(("Okay.", "Okay. Thanks.", "Yeah. Okay."))


@pytest.mark.parametrize("s", CALM_RISK, ids=ids(CALM_RISK))
def test_are_you_safe_after_the_plan_is_told_answers_whether_they_are_safe(s):
    turns = talk(
        s,
        "Are you thinking about suicide?",
        "Have you made a plan?",
        "Are you somewhere safe right now?",
    )
    plan_answers = (s.safe.urgency, s.safe.urgency_again)
    assert turns[1].answer in plan_answers or turns[1].response.kind == "safe_urgency"
    assert turns[2].answer not in plan_answers
    assert turns[2].answer.startswith(("I think so.", "Yeah. For now."))


def test_the_emergency_case_is_never_told_it_is_safe():
    s = BY_ID["friend-goodbye-message"]
    turns = talk(s, "Are you thinking about suicide?", "Have you taken anything?", "Are you safe?")
    assert all("I think so" not in t.answer for t in turns)


# ------------------------------------------------- "how long" is answered with how long


def tells_how_long(beat):
    return bool({"long", "how long", "since"} & set(beat.topics)) or beat.about.startswith(
        "how long"
    )


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_how_long_naming_what_they_said_is_answered_with_how_long(s):
    beat = next((b for b in s.beats if not tells_how_long(b)), None)
    if beat is None:
        pytest.skip("every beat tells how long")
    topic = next(t for t in beat.topics if t.isalpha())
    turns = talk(s, f"I hear you. The {topic} - how long has it been like this?")
    turn = turns[0]
    # never the named beat's own line in place of how long
    assert turn.response.beat != beat.id, (turn.response.kind, turn.answer)
    told = turn.response.beat and tells_how_long(s.beat(turn.response.beat))
    assert turn.response.kind == "since" or told or turn.response.kind in ("deflect", "withdraw")


def test_the_grandad_says_how_long_not_his_last_line_again():
    s = BY_ID["grandad-putting-affairs-in-order"]
    turns = talk(
        s,
        "When you say we won't have to worry about you much longer, what do you mean?",
        "Are you thinking about ending your life?",
        "Thank you for telling me, Grandad. Lying awake thinking that - how long has it been "
        "like this?",
    )
    assert turns[1].response.kind == "safe_asked"
    assert turns[2].answer == s.since


# ------------------------------------------- after a promise taken back, "who" is the help


def test_who_would_feel_okay_after_the_promise_is_taken_back_is_the_help_step():
    s = BY_ID["niece-asks-for-secrecy"]
    turns = talk(
        s,
        "Of course, I promise. You can tell me anything.",
        "I'm here. Whenever you're ready.",
        "Are you thinking about killing yourself?",
        "I know I promised, and I'm sorry, but I can't keep this just between us. Could we "
        "tell your mum together?",
        "That's fair. We don't have to tell everyone. Who would feel okay to you?",
    )
    assert turns[3].response.kind == "safe_taken_back"
    last = turns[4]
    assert "secrecy_promise" not in last.feedback.pitfall_names
    assert last.response.kind == "safe_help", last.answer
    assert last.answer == s.safe.plan("person").help


def test_a_question_about_what_they_told_after_the_barrier_is_answered_not_agreed():
    s = BY_ID["niece-asks-for-secrecy"]
    turns = talk(
        s,
        "I'm listening. What is it?",
        "Are you thinking about killing yourself?",
        "Who would feel easiest to tell, your mum or someone at school?",
        "What's been happening at school?",
        "Is someone being unkind to you?",
    )
    assert turns[2].response.kind == "safe_help"
    for t in turns[3:]:
        assert t.response.kind != "ask", t.answer
        assert t.answer != s.ask.line


def test_a_request_after_the_barrier_still_moves_the_plan_on():
    s = BY_ID["friend-goodbye-message"]
    turns = talk(
        s,
        "I'm so glad I called. That message scared me - what did you mean by it?",
        "Are you thinking about killing yourself?",
        "Thank you for telling me. Have you taken anything?",
        "I'm calling 999 now and I'm staying on the phone with you.",
        "You won't be on your own. Can you unlock the door for them?",
    )
    assert turns[-1].response.kind in ("ask", "close"), turns[-1].answer


# ------------------------------------------------ "what X do you mean?" gets X explained


def test_asked_what_a_word_means_they_explain_it():
    s = BY_ID["niece-asks-for-secrecy"]
    turns = talk(
        s,
        "I'm listening. What is it?",
        "Have you tried just leaving the chat?",
        "What chat do you mean?",
    )
    assert turns[1].response.kind == "resist"
    assert turns[2].response.kind == "reveal" and turns[2].response.beat == "school"


# ---------------------------------------------------- the words the engine reads rightly


def test_not_being_around_at_all_is_asking_directly_and_is_answered_at_the_last_turn():
    said = "Like, nobody would notice if I wasn't in it. They'd just carry on."
    reply = (
        "I'd notice. When you say nobody would notice, do you ever think about not being "
        "around at all?"
    )
    assert "asks_about_suicide" in analyse(reply, said).safety_names
    # the question comes as the last reply the talk allows
    s = dataclasses.replace(BY_ID["teen-son-low-mood"], turns=2)
    turns = talk(s, "That sounds hard.", reply)
    assert turns[-1].answer.startswith(s.safe.asked), turns[-1].answer


@pytest.mark.parametrize(
    ("reply", "judges"),
    [
        ("You're not attention-seeking and you're not mad.", False),
        ("It's not selfish to want a rest.", False),
        ("Nobody thinks you're being dramatic.", False),
        ("Sorry, that was a stupid way to put it. Are you thinking about suicide?", False),
        ("You're attention-seeking.", True),
        ("That was stupid of you.", True),
        ("You're being selfish.", True),
        # an apology for one's own words, or a fond insult (review 8b)
        ("sorry that was dumb", False),
        ("Love you, you idiot.", False),
        ("Sorry but that was stupid of you.", True),
        ("I love you but you're being selfish.", True),
    ],
)
def test_a_label_denied_or_said_of_ones_own_words_is_no_judgment(reply, judges):
    fb = analyse(reply, "I know what you're all thinking about me.")
    assert ("judgment" in fb.pitfall_names) is judges


@pytest.mark.parametrize(
    ("reply", "promises"),
    [
        ("That's fair. We don't have to tell everyone.", False),
        ("We don't have to tell anyone.", True),
    ],
)
def test_not_telling_everyone_is_no_promise_of_secrecy(reply, promises):
    said = "Promise you won't tell anyone? I've been thinking about ending my life."
    assert ("secrecy_promise" in analyse(reply, said).pitfall_names) is promises


# ----------------------------------------------------------- asides, repeats and echoes


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_an_aside_earns_no_listening_skill_in_the_summary(s):
    session, turns = play(s, "What time is it?")
    if not turns[0].move.aside:
        pytest.skip("not read as an aside here")
    assert session.summary().skills == {}


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_how_question_after_a_word_of_address_is_never_answered_yes_or_no(s):
    turn = talk(s, "Mate, how are you sleeping these days?")[0]
    assert turn.move.wh
    assert turn.response.kind != "yesno", turn.answer


def test_brief_answers_used_up_never_end_the_talk():
    s = BY_ID["father-widowed"]
    turns = talk(
        s,
        "Whose box is it?",
        "What do you wish they understood?",
        "Dad, how are you sleeping these days?",
    )
    assert all(t.response.ends is None for t in turns), [t.answer for t in turns]


def test_the_same_suggestion_again_after_a_no_is_not_suddenly_a_yes():
    s = BY_ID["husband-not-depressed"]
    gp = "Do you want me to book you a GP appointment?"
    turns = talk(s, gp, gp)
    assert turns[0].response.kind == "resist"
    assert turns[1].response.kind in ("again", "guarded"), turns[1].answer


def test_a_bare_echo_is_not_called_moving_away():
    s = BY_ID["father-widowed"]
    session, _ = play(
        s,
        "She did say that. How's it feeling, being out here sorting it?",
        "Like losing her again. What kind of things do you turn round to tell her?",
        "To nobody. Oof.",
    )
    retry = session.summary().retry
    assert retry is not None and retry.reply == "To nobody. Oof."
    assert "moved away" not in retry.what and "own words" in retry.what


# ------------------------------------------------------------ round 8 (reviews 8, 8b)


def test_i_remember_is_no_story_of_the_users_own():
    s = BY_ID["niece-asks-for-secrecy"]
    turns = talk(s, "Of course, I promise. What is it?", "I remember. I am listening.")
    assert turns[1].response.kind != "share", turns[1].answer


def test_an_offer_to_be_there_when_they_tell_someone_is_the_help_step():
    s = BY_ID["niece-asks-for-secrecy"]
    turns = talk(
        s,
        "I'm listening. What is it?",
        "Are you thinking about killing yourself?",
        "I will be there with you when we tell your mum, and I will help explain it.",
    )
    assert turns[2].response.kind == "safe_help", turns[2].answer


def test_talking_to_their_mum_together_points_to_help():
    said = "I've been thinking everyone would be happier if I just wasn't around."
    fb = analyse("And tomorrow, can we talk to your mum together?", said)
    assert "connects_to_help" in fb.safety_names


def test_what_helps_besides_hurting_yourself_is_no_direct_question():
    s = BY_ID["housemate-hiding-arms"]
    session, turns = play(
        s,
        "Did it hurt? Do you want a plaster?",
        "What do you think would help on the bad days, besides hurting yourself?",
    )
    assert turns[1].response.kind != "safe_asked", turns[1].answer
    assert session.safety().asked_directly is False


def test_told_in_brief_then_in_full_is_said_as_already_said():
    s = BY_ID["housemate-hiding-arms"]
    turns = talk(
        s,
        "Did it hurt? Do you want a plaster?",
        "That sounds really hard. What kind of stuff gets too much?",
    )
    brief = turns[0].answer
    assert turns[0].response.kind == "short"
    second = turns[1].answer
    repeated = [x for x in re.split(r"(?<=[.!?])\s+", brief) if x and x in second]
    assert not repeated or "Like I said" in second, second


def test_their_own_foggy_asked_back_as_fog_is_not_news():
    s = BY_ID["friend-after-psychotic-episode"]
    session = talk(s, "How are you doing, being home?")
    if "fog" not in session[0].answer.lower():
        pytest.skip("no fog in this answer")
    turns = talk(s, "How are you doing, being home?", "What's the fog like?")
    assert turns[1].response.kind != "puzzled", turns[1].answer


def test_no_crisis_line_is_the_next_step_after_an_honest_no():
    s = BY_ID["teen-son-low-mood"]
    session, turns = play(
        s,
        "How have things been lately?",
        "When you say that, do you mean you've thought about not being alive?",
    )
    assert turns[1].response.kind == "safe_asked"
    assert "crisis line" not in session.summary().next_time


def test_you_can_talk_to_me_does_not_ask_who_they_would_talk_to():
    s = BY_ID["teen-son-low-mood"]
    turn = talk(s, "You know you can talk to me about anything, right?")[0]
    assert "talk-to" not in (turn.response.beat or ""), turn.answer
    assert turn.answer != "Not anyone at school. Everyone would know."


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_remark_about_the_weather_gets_small_talk_and_no_story(s):
    turn = talk(s, "Right. Anyway. The weather's been nice, hasn't it?")[0]
    if turn.move.pitfalls:
        return  # after a worry said aloud, the change of subject brushes it aside
    assert turn.move.aside
    assert turn.response.beat is None and turn.response.kind in ("nudge", "guarded"), turn.answer


def test_the_weather_with_a_real_question_is_no_aside():
    s = BY_ID["brother-drinking"]
    turn = talk(s, "The weather is awful, but how are you feeling?")[0]
    assert not turn.move.aside


# ------------------------------------------------------------ round 9 (reviews 9, 9b)


def test_a_what_question_at_the_end_is_never_answered_yes_or_no():
    s = BY_ID["friend-goodbye-message"]
    turns = talk(s, "hey. ur msg scared me. r u ok?", "thank u for what tho? had enough of what?")
    assert turns[1].response.kind not in ("yesno", "unsure"), turns[1].answer


def test_being_there_when_they_tell_someone_is_the_help_not_a_night_in():
    s = BY_ID["niece-asks-for-secrecy"]
    turns = talk(
        s,
        "Of course, I promise. What is it?",
        "I'm listening.",
        "When you say you wish you weren't around, do you mean you've thought about killing "
        "yourself?",
        "I know I promised, but I can't keep this one just between us. It's too big.",
        "Yes, we can decide together who. Maybe just your mum, and I can be there when you "
        "tell her?",
    )
    assert turns[3].response.kind == "safe_taken_back"
    assert turns[4].response.kind == "safe_help", turns[4].answer
    assert s.safe.stay not in turns[4].answer


def test_talk_of_ones_own_offer_is_no_story_and_no_puzzle():
    s = BY_ID["friend-says-fine"]
    turns = talk(
        s,
        "You seem a bit tired lately - how are things really?",
        "I'm around whenever, even just to sit in the quiet flat with you.",
        "And the offer stands, okay?",
        "Sorry, I meant what I said before, about being around if the flat feels too quiet.",
    )
    assert turns[2].response.kind not in ("puzzled", "yesno"), turns[2].answer
    assert turns[3].response.kind != "share", turns[3].answer


# ------------------------------------------------------------ round 10 (reviews 10, 10b)


def test_tell_me_more_about_the_thoughts_gets_more_not_a_yes():
    s = BY_ID["partner-discloses-suicidal-thoughts"]
    turn = talk(s, "Thank you for telling me. Can you tell me more about these thoughts?")[0]
    assert not turn.answer.startswith(("Yes.", "No.")), turn.answer


def test_an_unmarked_how_long_after_an_earlier_question_is_answered():
    s = BY_ID["friend-better-off-without-me"]
    turns = talk(
        s,
        "wait what?? u dont drag anyone down. whats goin on",
        "u take and take?? nah. u feel like a burden tho. how long u been feelin like this",
    )
    assert turns[1].response.kind == "since" and turns[1].answer == s.since


def test_a_texted_plan_question_is_asked_about_urgency():
    said = "Yeah. I have been. For a few weeks now."
    fb = analyse("do u hav a plan or like a way u would do it?", said, risk=True)
    assert "asks_about_urgency" in fb.safety_names


def test_help_offered_instead_of_the_refused_one_is_the_one_agreed_to():
    s = BY_ID["niece-asks-for-secrecy"]
    turns = talk(
        s,
        "Of course, I promise. What is it?",
        "What's going on, sweetheart?",
        "Have you been thinking about killing yourself?",
        "I know I promised, but I can't keep this one secret. Can we tell someone together?",
        "Maybe your mum, or a school counsellor? I'll be right there with you.",
        "That's fair, you know your mum. What about the school counsellor instead?",
    )
    assert turns[4].response.kind == "safe_help"
    assert turns[5].answer == s.safe.plan("doctor").agree, turns[5].answer
