"""Each line the loved one says follows from what was just said, and the summary is fair
to it: one test per root cause found in blind coherence reviews 11 and 11b (issue 13).
Table-driven over the scenario files where the cause is general, through the real
feedback engine."""

from __future__ import annotations

import re

import pytest
from practice_talk import ids, play, talk

from ally.content.scenarios import load_scenarios
from ally.practice.session import Session

SCENARIOS = load_scenarios()
BY_ID = {s.id: s for s in SCENARIOS}
RISK = [s for s in SCENARIOS if s.risk]
CALM_RISK = [s for s in RISK if not s.safe.emergency_now]
CALM = [s for s in SCENARIOS if not s.risk]


def yes_no_lines(s) -> set[str]:
    return {*s.reactions["yesno"], *s.reactions["guarded"]}


# ------------------------------------------------------------- questions read as asked


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_texted_what_question_after_like_is_open_not_yes_no(s):
    (turn,) = talk(s, "hard 2 say how? like wats been going on w u lately")
    assert turn.move.asks == "open"
    assert turn.answer not in yes_no_lines(s), turn.answer


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_question_offering_a_choice_gets_no_yes_or_no(s):
    (turn,) = talk(s, "Is it more that it's hard to think clearly, or that things feel far away?")
    assert turn.move.choice
    assert turn.response.kind not in ("yesno", "guarded")
    assert turn.answer not in yes_no_lines(s), turn.answer


@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
@pytest.mark.parametrize(
    "reply",
    [
        "do u want to come round for dinner thurs?",
        "Do you want some tea?",
        "Can I just sit here with you for a bit?",
    ],
)
def test_an_invitation_is_met_as_an_offer(s, reply):
    (turn,) = talk(s, reply)
    assert turn.move.offer
    assert turn.answer not in s.reactions["yesno"], turn.answer


def test_a_question_about_their_own_thing_is_no_puzzle_for_the_other_noun_it_names():
    s = BY_ID["parent-memory-worry"]  # "Everyone forgets things. It was one pan."
    (turn,) = talk(s, "Did you forget the pan on the hob?")
    assert turn.response.kind != "puzzled", turn.answer
    assert not turn.answer.startswith("The hob?")


MISREAD = [s for s in SCENARIOS if s.misreadings]


@pytest.mark.parametrize("s", MISREAD, ids=ids(MISREAD))
def test_denying_the_misreading_is_not_corrected_as_if_it_were_said(s):
    topic = s.misreadings[0].topics[0]
    (turn,) = talk(s, f"I don't think it's just {topic} at all. It sounds really hard.")
    assert turn.move.misreading is None
    assert s.misreadings[0].line not in turn.answer, turn.answer


# ------------------------------------------------------------ risk: no reset, no mix-up


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_after_telling_you_about_the_thoughts_they_never_go_back_to_i_am_fine(s):
    turns = talk(
        s,
        "Are you thinking about killing yourself?",
        "see you in 20 ok?",
        "ok",
        "hmm",
    )
    assert turns[0].response.kind == "safe_asked"
    for turn in turns[1:]:
        assert turn.answer not in s.reactions["deflect"], (turn.reply, turn.answer)


@pytest.mark.parametrize("s", CALM_RISK, ids=ids(CALM_RISK))
def test_are_you_safe_and_may_i_come_over_are_both_answered(s):
    turns = talk(
        s,
        "r u thinking about killing urself?",
        "do u have a plan or like a way u would do it",
        "ok thank u for being honest. r u safe rn? can i come over and stay w u tonight",
    )
    last = turns[-1]
    assert last.answer.startswith(("I think so. For now.", "Yeah. For now.")), last.answer
    assert s.safe.stay in last.answer, last.answer


def test_offering_to_do_the_talking_gets_past_the_barrier_to_calling():
    s = BY_ID["friend-better-off-without-me"]
    turns = talk(
        s,
        "r u thinking about killing urself?",
        "do u have a plan or like a way u would do it",
        "can i come over and stay w u tonight",
        "can we call a helpline together when im there? like samaritans",
        "u wouldnt be wasting their time, thats literally wat theyre for. i can do the "
        "talking first if u want. see u in 20 ok?",
    )
    assert turns[3].answer == s.safe.help  # the barrier: "What if they think..."
    assert turns[4].move.offer
    assert turns[4].response.kind in ("ask", "close"), turns[4].answer
    assert turns[4].answer not in s.reactions["deflect"]


def test_what_did_you_take_is_answered_with_what():
    s = BY_ID["friend-goodbye-message"]
    turns = talk(
        s,
        "Are you thinking about ending your life?",
        "Have you taken anything?",
        "You need a doctor to check you right now. What did you take?",
    )
    assert "tablets" in turns[2].answer.lower(), turns[2].answer
    assert "talking to someone" not in turns[2].answer.lower()


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_the_means_answer_fits_moving_them_as_well_as_handing_them_over(s):
    # asked to put them somewhere else, nobody answers as if the user offered to take them
    assert "rather you did" not in s.safe.means or "take" in s.safe.means.lower()


# ------------------------------------------------------------------ fair summaries


def test_a_brief_answer_elsewhere_is_not_listed_as_the_whole_beat():
    s = BY_ID["partner-low-mood"]
    session, turns = play(s, "You said you're just tired - is it more than tired?")
    assert turns[0].response.kind == "short"
    beat = s.beat(turns[0].response.beat)
    assert beat.about not in session.summary().revealed


def test_a_brief_disclosure_in_a_risk_scenario_is_listed_and_not_called_a_short_answer():
    s = BY_ID["housemate-hiding-arms"]
    session, turns = play(s, "Oh no, are you okay? Does it hurt?")
    assert turns[0].response.kind == "short"
    summary = session.summary()
    assert s.beat(turns[0].response.beat).about in summary.revealed
    assert summary.retry is None or "short answer" not in summary.retry.what


def test_a_suggestion_after_listening_is_not_called_advice_before_they_felt_heard():
    s = BY_ID["parent-memory-worry"]
    session, turns = play(
        s,
        "You seemed shaken about the pan. What happened?",
        "That sounds frightening. No wonder you're worried. Would you want to go to the GP "
        "together, just to check it out?",
    )
    assert turns[-1].response.kind == "resist", turns[-1].answer
    summary = session.summary()
    assert summary.retry is not None
    assert "before they were ready" in summary.retry.what
    assert "felt heard" not in summary.retry.what


def test_too_much_to_keep_between_us_takes_the_promise_back():
    s = BY_ID["niece-asks-for-secrecy"]
    turns = talk(
        s,
        "Of course, I promise. I won't tell a soul.",
        "I care about you too much to keep this just between us. Can we talk about who to tell?",
    )
    assert turns[1].move.takes_back


def test_a_bare_ok_before_time_runs_out_gets_the_time_cue_not_a_maybe():
    s = BY_ID["colleague-panic-at-work"]
    session = Session(s, 11)
    session.conversation.replies = s.turns - 2
    turn = session.reply("ok")
    if turn.response.kind == "guarded":
        assert turn.answer == s.soon, turn.answer
    assert not turn.answer.startswith(("Maybe.", "Hm. Maybe.")), turn.answer


# ------------------------------------------------------- what they want, how long what


@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
def test_what_would_you_like_to_do_asks_what_they_want_whatever_follows(s):
    move = talk(s, "What would you like to do today, for you or for them?")[0].move
    assert move.asks_goal


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_how_long_were_you_together_is_not_how_long_it_has_been_like_this(s):
    (turn,) = talk(s, "How long were you two together?")
    assert not turn.move.duration
    assert turn.answer != s.since


def test_the_thing_she_asked_for_offered_back_is_welcomed():
    s = BY_ID["friend-anniversary-grief"]
    turns = talk(
        s,
        "I'm so sorry. Today must be so hard. What was he like?",
        "He sounds like he was so much fun. What's today been like?",
        "Would it help to say his name a bit today? Like, tell me more about him whenever "
        "it comes up?",
    )
    assert "say his name" in turns[-1].answer.lower(), turns[-1].answer


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_questions_that_touch_nothing_they_hold_never_end_the_talk_early(s):
    session, turns = play(
        s,
        "Is it more the mornings, or the evenings?",
        "Is it more at the weekend, or in the week?",
        "Is it more tired, or more fed up?",
        "Is it more now, or was it worse before?",
    )
    assert len(turns) == 4 and not session.finished, [t.answer for t in turns]
    for turn in turns:
        assert turn.answer not in yes_no_lines(s), turn.answer


# ------------------------------------------------ reviews 12 and 12b: injuries, talking


def test_a_question_about_the_injury_before_they_have_told_is_about_what_they_hide():
    s = BY_ID["housemate-hiding-arms"]
    turns = talk(s, "Yeah sure, sorry. Is it sore though? Did you clean it?")
    assert turns[0].answer not in (s.safe.urgency, s.safe.urgency_again), turns[0].answer
    assert turns[0].response.beat == "hurting"


def test_asked_how_the_injury_is_after_they_told_they_say_how_it_is():
    s = BY_ID["housemate-hiding-arms"]
    session, turns = play(
        s,
        "It wasn't an accident, was it?",
        "Are you hurting yourself?",
        "Is it sore? Have you been keeping it clean?",
    )
    assert turns[1].response.kind == "reveal", turns[1].answer  # yes, and more of it
    assert turns[2].answer == s.safe.injury
    assert "whether there is a plan, and how soon" not in session.summary().revealed


TALK_WORRIES = [s for s in RISK if re.search(r"\b(?:say|talk)\b", s.safe.help)]


@pytest.mark.parametrize("s", TALK_WORRIES, ids=ids(TALK_WORRIES))
def test_an_offer_to_do_the_talking_meets_the_worry_about_what_to_say(s):
    turns = talk(
        s,
        "Are you thinking about killing yourself?",
        "Have you made a plan?",
        "Can we call a crisis line together? Im happy 2 do the talking.",
    )
    said = turns[-1].answer
    assert not re.search(r"what (?:would )?i (?:even )?say|know what to say", said, re.I), said


def test_the_same_request_a_third_time_is_noticed_not_called_everything():
    s = BY_ID["friend-says-fine"]
    ask = "Tell me about work"
    turns = talk(s, "How are you, really?", ask, ask, ask, ask)
    assert [t.response.kind for t in turns[3:]] == ["again", "again"], [t.answer for t in turns]


def test_hard_to_explain_how_asks_how():
    s = BY_ID["friend-far-away-video-call"]
    (turn,) = talk(s, "hard to explain how? u can tell me, i've got time")
    assert turn.move.wh and turn.move.asks == "open"
    assert turn.answer not in yes_no_lines(s), turn.answer


def test_what_you_need_switching_off_from_asks_what_not_for_help():
    s = BY_ID["brother-drinking"]
    (turn,) = talk(s, "It switches your head off. What is it you need switching off from?")
    assert not turn.move.asks_goal


def test_an_apology_in_their_own_words_is_not_called_moving_away():
    s = BY_ID["brother-drinking"]
    session, _ = play(
        s,
        "I haven't come to have a go. It sounds like you're already hard on yourself.",
        "Would you want any help with the drinking?",
        "Sorry, you're not a charity case. I didn't mean it like that. I just care about you.",
    )
    retry = session.summary().retry
    assert retry is None or retry.turn != 3, retry


def test_leaving_it_there_after_they_have_nothing_more_to_say_is_not_moving_away():
    s = BY_ID["father-widowed"]
    session = Session(s)
    turns = [session.reply("How are you doing, Dad?")]
    while turns[-1].response.kind not in ("spent", "again") and len(turns) < 6:
        turns.append(session.reply("Mm."))
    if turns[-1].response.kind not in ("spent", "again") or session.finished:
        pytest.skip("no 'nothing more to say' reached on this path")
    turns.append(session.reply("That's alright. We don't have to talk. I'll help with the shed."))
    retry = session.summary().retry
    assert retry is None or retry.turn != len(turns), retry


# ------------------------------------------------------ reviews 13 and 13b


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_remark_that_asks_nothing_gets_no_yes_or_no(s):
    session = Session(s)
    session.conversation.trust = 5
    turn = session.reply("I'll make it. And I'm not going anywhere. I'm here.")
    assert turn.answer not in s.reactions["yesno"], turn.answer


def test_an_offer_is_not_what_they_asked_for_because_it_shares_a_word_with_their_line():
    s = BY_ID["student-exam-panic"]  # the ask line mentions breathing before the request
    session = Session(s)
    session.conversation.trust = 5
    turn = session.reply("wanna just sit for a bit n breathe together?")
    assert not turn.move.goal_offer
    assert turn.response.kind != "accept", turn.answer


def test_a_good_night_wish_is_no_advice_to_weigh():
    s = BY_ID["flatmate-low-mood"]
    (turn,) = talk(s, "Okay, no worries. Sleep well. I'm next door if you need anything.")
    assert "advice" not in turn.move.skills
    assert turn.response.kind not in ("weigh", "resist"), turn.answer


def test_okay_to_what_they_tell_after_the_promise_is_no_second_promise():
    s = BY_ID["niece-asks-for-secrecy"]
    session, turns = play(
        s,
        "Of course, I promise. I won't tell a soul.",
        "So what is it? You can tell me.",
        "Have you been thinking about ending your life?",
        "Okay. Thank you for trusting me with that. I love you, and I'm really glad you told me.",
    )
    assert "secrecy_promise" not in turns[-1].move.pitfalls
    assert session.summary().pitfalls.get("secrecy_promise") == 1


def test_dont_say_that_to_someone_at_risk_is_dismissing_not_advice_too_early():
    s = BY_ID["friend-better-off-without-me"]
    session, turns = play(s, "wait what?? dont say that lol. whats goin on w u")
    assert "dismissing" in turns[0].move.pitfalls
    assert "felt heard" not in session.summary().praise


def test_what_does_it_help_with_asks_about_the_hurting_not_for_help():
    s = BY_ID["housemate-hiding-arms"]
    turns = talk(
        s,
        "Did it hurt? Do you want a plaster?",
        "How long has it been going on?",
        "Okay, it's how you cope. What does it help with, when things get too much?",
    )
    assert not turns[-1].move.asks_goal
    assert turns[-1].answer not in (s.ask.early, s.safe.not_yet), turns[-1].answer


def test_a_what_question_after_a_comma_is_never_answered_yes_or_no():
    s = BY_ID["brother-drinking"]
    (turn,) = talk(s, "And the drinks after the first one, what are those for?")
    assert turn.move.wh
    assert turn.answer not in yes_no_lines(s), turn.answer


def test_company_agreed_earlier_is_not_asked_for_again_with_the_help():
    s = BY_ID["friend-better-off-without-me"]
    turns = talk(
        s,
        "r u thinking about killing urself?",
        "do u have a plan or like a way u would do it",
        "can i come over and stay w u tonight",
        "can we call a helpline together when im there?",
        "u wouldnt be wasting their time. i can do the talking first if u want",
    )
    assert turns[2].response.kind == "safe_stay"
    assert turns[-1].response.kind == "ask", turns[-1].answer
    assert "stay with me" not in turns[-1].answer.lower(), turns[-1].answer


# ------------------------------------------------------ reviews 14 and 14b


def test_a_question_mark_at_the_end_asks_only_its_own_sentence():
    s = BY_ID["friend-better-off-without-me"]
    session = Session(s)
    turn = session.reply(
        "ppl on crisis lines literally want u to call. thats their whole job. "
        "ill sit w u while u do it. im coming over now ok?"
    )
    assert "job" not in turn.move.asked
    assert s.beat("job").closed not in turn.answer


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_an_offer_of_tea_after_a_slip_is_met_as_an_offer(s):
    turns = talk(s, "At least it's not as bad as it could be.", "Shall I put the kettle on?")
    assert turns[0].response.kind == "withdraw"
    if turns[1].response.kind in ("guarded", "nudge", "offer", "again"):
        assert turns[1].answer not in s.reactions["yesno"], turns[1].answer
        assert turns[1].response.kind in ("offer", "again") or not s.reactions["offer"]


def test_who_started_it_is_not_since_when():
    s = BY_ID["daughter-being-bullied"]
    turns = talk(s, "Who is it?", "Do you know who started it?")
    assert not turns[1].move.duration
    assert turns[1].answer not in (s.since, s.beat("since").closed), turns[1].answer


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_you_dont_want_me_to_worry_offers_nothing(s):
    (turn,) = talk(s, "I know you don't want me to worry. I just care.")
    assert not turn.move.offer


# ------------------------------------------------------ reviews 15 and 15b


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
@pytest.mark.parametrize("reply", ["How's the weather been up your way?", "Is that the sea?"])
def test_small_talk_about_the_weather_or_the_view_gets_small_talk(s, reply):
    (turn,) = talk(s, reply)
    assert turn.response.kind != "puzzled", turn.answer
    assert turn.answer not in s.reactions["puzzled"]


@pytest.mark.parametrize("s", CALM, ids=ids(CALM))
def test_asking_them_out_for_a_pint_is_an_offer(s):
    (turn,) = talk(s, "Do you want to go for a pint sometime?")
    assert turn.move.offer
    assert turn.answer not in s.reactions["yesno"], turn.answer


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_help_me_understand_asks_them_to_explain_not_what_would_help(s):
    (turn,) = talk(s, "Can you help me understand?")
    assert not turn.move.asks_goal


def test_a_suggestion_they_took_seriously_is_not_called_not_ready_to_say():
    s = BY_ID["brother-drinking"]
    session, turns = play(
        s,
        "I haven't come to have a go. It sounds like you're already hard on yourself.",
        "Switches your head off from what, do you think?",
        "That's a lot going round. How many do you usually have, in an evening?",
        "Thank you for being honest. Would you think about talking to the GP about cutting down?",
    )
    if not any(t.response.kind == "weigh" for t in turns):
        pytest.skip("the suggestion was not weighed on this path")
    assert "not ready to say" not in session.summary().next_time


# ------------------------------------------------------ reviews 16 and 16b


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_someone_at_risk_lets_an_everyday_question_pass_without_a_puzzled_look(s):
    turns = talk(s, "Hey. What's going on tonight?", "what time is it there?")
    assert turns[1].response.kind != "puzzled", turns[1].answer
    assert turns[1].answer not in s.reactions["puzzled"]


def test_can_you_tell_me_what_the_thoughts_are_like_is_not_answered_yes():
    s = BY_ID["partner-discloses-suicidal-thoughts"]
    (turn,) = talk(
        s, "Thank you for telling me. Can you tell me what these thoughts have been like?"
    )
    assert turn.move.asks == "open"
    assert not turn.answer.startswith(("Yes.", "No.")), turn.answer


def test_the_same_promise_heard_again_is_counted_once():
    s = BY_ID["niece-asks-for-secrecy"]
    session, turns = play(
        s,
        "Of course, I promise. You can tell me anything.",
        "Okay, I'm listening. What's going on?",
    )
    assert turns[0].response.kind == "withdraw"  # "You promised, remember."
    assert "secrecy_promise" not in turns[1].move.pitfalls
    assert session.summary().pitfalls.get("secrecy_promise") == 1


# ------------------------------------------------------ reviews 17 and 17b


def test_asking_who_feels_safest_gets_no_reaction_to_a_mum_nobody_named():
    s = BY_ID["niece-asks-for-secrecy"]
    assert not s.safe.plan("person").help.startswith("Tell Mum?")


def test_finding_someone_to_talk_to_together_is_an_offer_of_help():
    s = BY_ID["housemate-hiding-arms"]
    turns = talk(
        s,
        "It wasn't an accident, was it?",
        "Thank you for telling me. Would you be okay with us finding someone to talk to "
        "about the hurting, together?",
    )
    assert "connects_to_help" in turns[1].move.safety
    assert turns[1].response.kind.startswith("safe_"), turns[1].answer


def test_have_you_seen_the_doctor_after_another_question_proposes_no_help():
    s = BY_ID["grandad-putting-affairs-in-order"]
    (turn,) = talk(s, "Right. Are you ill, Grandad? Have you seen the doctor?")
    assert "connects_to_help" not in turn.move.safety
    assert turn.answer != s.safe.not_yet


def test_how_are_you_doing_right_now_tonight_is_no_question_about_a_plan():
    s = BY_ID["housemate-hiding-arms"]
    turns = talk(
        s, "It wasn't an accident, was it?", "I'm not angry. How are you doing right now, tonight?"
    )
    assert turns[1].answer not in (s.safe.urgency, s.safe.urgency_again), turns[1].answer


# ------------------------------------------------------ reviews 18 and 18b


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_asking_about_the_telly_is_small_talk(s):
    (turn,) = talk(s, "So, anything good on the telly lately?")
    if turn.move.beats:
        return  # the telly is part of what they hold back ("It's me and the telly")
    assert turn.move.aside
    assert turn.answer not in (*s.reactions["deflect"], *s.reactions["puzzled"]), turn.answer


def test_getting_help_to_them_after_the_ambulance_was_named_is_that_help():
    s = BY_ID["friend-goodbye-message"]
    turns = talk(
        s,
        "Are you thinking about ending your life?",
        "Have you taken anything?",
        "I'm calling an ambulance right now and I'm staying on the line with you.",
        "You've taken something, so I need to get help to you now. I'll be with you.",
    )
    assert turns[-1].answer != s.safe.emergency, turns[-1].answer


def test_taking_the_promise_back_before_they_have_told_anything_assumes_no_secret():
    s = BY_ID["niece-asks-for-secrecy"]
    turns = talk(
        s,
        "Of course, I promise I won't tell anyone. What's going on?",
        "Hang on, actually I can't promise that. If you're not safe I'd need to get you help.",
    )
    assert turns[1].answer != s.safe.taken_back, turns[1].answer
