"""Each line the loved one says follows from what was just said, and the summary is fair
to it: one test per root cause found in round 7 (issue 13: the two fourth blind
coherence reviews). Table-driven over the scenario files where the cause is general,
through the real feedback engine."""

from __future__ import annotations

import re

import pytest
from practice_talk import ids, play, talk

from ally.content.scenarios import load_scenarios
from ally.practice.conversation import read_move
from ally.practice.feedback import analyse

SCENARIOS = load_scenarios()
BY_ID = {s.id: s for s in SCENARIOS}
RISK = [s for s in SCENARIOS if s.risk]


def single_word_topics(s):
    return [(b, t) for b in s.beats for t in b.topics if t.isalpha() and len(t) > 3][:4]


# ------------------------------------------ what the user says of themselves asks nothing


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_sentence_about_the_user_touches_none_of_their_story(s):
    for beat, topic in single_word_topics(s):
        said = f"Sorry, I was miles away thinking about my own {topic}."
        move = read_move(analyse(said, s.opening, risk=s.risk), s)
        assert beat.id not in move.beats, (topic, move.beats)
        asked = read_move(analyse(f"Is it the {topic}?", s.opening, risk=s.risk), s)
        assert beat.id in asked.beats  # asked about, it still is


def test_an_apology_for_panicking_is_not_thanked_as_staying_calm():
    s = BY_ID["partner-discloses-suicidal-thoughts"]
    turns = talk(
        s,
        "Oh my god. No. You can't think like that, you have so much to live for!",
        "I'm sorry, that came out wrong, I panicked. I'm so glad you told me. Can you tell "
        "me more about these thoughts?",
    )
    assert turns[1].response.kind == "repair"
    assert "calm" not in turns[1].answer
    assert turns[1].response.beat == "worse"  # the thoughts, told: the question is answered


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_no_beat_credits_the_user_with_how_they_are_taking_it(s):
    conduct = re.compile(r"\byou'?re (?:staying|being|so|keeping) (?:calm|patient|kind)\b", re.I)
    for beat in s.beats:
        for line in (beat.open, beat.closed, beat.told, beat.more):
            assert not conduct.search(line or ""), line


# ------------------------------------------------------- a question about how they'd do it


@pytest.mark.parametrize(
    "reply",
    [
        "On those nights, have you thought about how you might do it, or is it more a feeling?",
        "Have you thought about how you could do it?",
        "How might you do it, if you did?",
    ],
)
@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_asking_how_they_might_do_it_asks_about_a_plan(s, reply):
    context = "Some nights I think everyone would be better off without me."
    assert "asks_about_urgency" in analyse(reply, context, risk=True).safety_names


def test_a_method_question_after_the_suicide_question_gets_the_plan_answer():
    s = BY_ID["housemate-hiding-arms"]
    turns = talk(
        s,
        "I've noticed your sleeves are always down lately, and I'm worried. How are you really?",
        "Thank you for telling me. When it gets too much, do you ever have thoughts of suicide?",
        "I'm glad you said. On those nights, have you thought about how you might do it?",
    )
    assert turns[2].response.kind == "safe_urgency"
    assert turns[2].answer == s.safe.urgency


# ------------------------------------------------------------ two parts, both answered


GRANDAD = (
    "Sorry, I didn't mean to boss you about. What's been on your mind?",
    "It sounds like you feel you've lost a lot of what made you you. That must be hard.",
    "Grandad, when you talk about being gone, are you thinking about ending your life?",
    "Thank you for being honest with me. Have you thought about how, or when?",
)


def test_taking_the_means_away_and_the_doctor_are_both_answered():
    s = BY_ID["grandad-putting-affairs-in-order"]
    session, turns = play(
        s, *GRANDAD, "Would you let me take those tablets away, and can we see your doctor?"
    )
    assert turns[-1].answer.startswith(s.safe.means)
    assert s.safe.plan("doctor").help in turns[-1].answer
    assert session.safety().means_safety is True


def test_and_the_tablets_asks_what_happens_to_them():
    s = BY_ID["grandad-putting-affairs-in-order"]
    session, turns = play(
        s,
        *GRANDAD,
        "Would you come and see your doctor with me tomorrow?",
        "I'll come with you and do the talking if you like. And the tablets?",
    )
    assert s.safe.means in turns[-1].answer
    assert turns[-1].response.kind == "ask"
    assert session.safety().means_safety is True


def test_a_question_with_the_agreement_is_answered_before_the_talk_ends():
    s = BY_ID["grandad-putting-affairs-in-order"]
    turns = talk(
        s,
        *GRANDAD,
        "Would you come and see your doctor with me tomorrow?",
        "I'll come with you and do the talking if you like.",
        "Good, first thing tomorrow then. And I'm right here tonight - do you want to tell "
        "me more about how long you've been feeling this way?",
    )
    assert turns[-1].response.ends == "goal"
    assert turns[-1].answer.startswith(s.since)


def test_an_offer_then_a_question_answers_both():
    s = BY_ID["father-widowed"]
    turns = talk(
        s,
        "That's alright. It's a lot. What have the evenings been like on your own?",
        "That sounds so lonely, like everyone's gone back to their lives.",
        "What do you miss most?",
        "Shall I come round on Sunday and we cook one of her recipes? Are you eating properly?",
    )
    eating = s.beat("eating")
    assert turns[-1].response.kind in ("offer", "weigh")
    assert eating.closed in turns[-1].answer or "eating" in turns[-1].move.beats


# ----------------------------------------------------------------- take your time


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_take_your_time_asks_about_nothing_new(s):
    plain = talk(s, "I'm here. Tell me what's happening.")[0]
    slow = talk(s, "I'm here. Take your time, tell me what's happening.")[0]
    assert (slow.response.kind, slow.answer) == (plain.response.kind, plain.answer)
    assert slow.response.kind not in ("unsure", "puzzled")


def test_agreeing_to_the_counsellor_is_not_agreeing_to_tell_mum():
    s = BY_ID["niece-asks-for-secrecy"]
    turns = talk(
        s,
        "I'm here. Take your time, tell me what's happening.",
        "That sounds so heavy. Are you thinking about killing yourself?",
        "Thank you for telling me. I can't keep this secret, but we can work out together "
        "who to tell. Who feels safest - your mum, or someone at school?",
        "I get why that's scary. What if we tried the school counsellor first, and I came too?",
    )
    assert turns[-1].response.kind == "ask"
    assert "Mum" not in turns[-1].answer


# --------------------------------------------------------------- odd inputs


@pytest.mark.parametrize("aside", ["What time is it?", "Can you pass the salt?"])
@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_an_everyday_aside_gets_no_story_even_asked_twice(s, aside):
    session, turns = play(s, aside, "ok", aside)
    for turn in (turns[0], turns[-1]):
        assert turn.response.kind in ("puzzled", "nudge", "guarded", "end"), turn.answer
        assert turn.response.beat is None
        assert not turn.landed_well
    summary = session.summary()
    assert summary.best is None
    assert summary.revealed == ()


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_what_is_heard_as_not_listening_not_as_a_question(s):
    session, turns = play(s, "How are you doing, really?", "What?")
    assert turns[1].response.kind in ("deflect", "guarded", "nudge"), turns[1].answer
    assert turns[1].answer not in s.reactions["yesno"] + s.reactions["unsure"]
    retry = session.summary().retry
    if retry is not None and retry.turn == 2:
        assert "yes/no" not in retry.what


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_nothing_told_is_never_all_there_is(s):
    turns = talk(s, "ok", "ok", "yes", "ok", "right", "ok")
    for turn in turns:
        if turn.response.kind == "spent":
            assert any(t.response.beat for t in turns[: turns.index(turn)]), turn.answer


# ------------------------------------------------------------------ offers


@pytest.mark.parametrize(
    "reply",
    [
        "Want to just watch something together tonight?",
        "Could we talk to the GP together?",
        "Fancy getting some food together later?",
    ],
)
@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_an_offer_to_do_something_together_is_an_offer(s, reply):
    assert read_move(analyse(reply, s.opening, risk=s.risk), s).offer


@pytest.mark.parametrize("reply", ["Could we talk about it?", "Could we just talk for a bit?"])
@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_asking_to_talk_is_no_offer(s, reply):
    assert not read_move(analyse(reply, s.opening, risk=s.risk), s).offer


def test_an_offer_is_about_what_it_offers_not_the_words_before_it():
    s = BY_ID["friend-after-psychotic-episode"]
    move = read_move(
        analyse("Working out what normal is. Makes sense. Want to watch something together?", ""),
        s,
    )
    assert move.advice is not None
    assert not s.advice[move.advice].topics  # not "out" (going out) from "working out"


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_only_something_shared_is_answered_as_shared(s):
    turn = talk(s, "I want to. You'd do the same for me.")[0]
    assert turn.response.kind != "share", turn.answer


# ------------------------------------------------------------------ the summary


def test_a_disclosure_in_the_opening_needs_no_direct_question():
    s = BY_ID["partner-discloses-suicidal-thoughts"]
    session, _ = play(
        s,
        "Thank you for telling me. I'm so glad you did. How long has it been like this?",
        "That sounds exhausting. Have you thought about how you would do it?",
    )
    safety = session.safety()
    assert safety is not None and safety.asked_directly is None
    summary = session.summary()
    assert "ask directly" not in summary.praise.lower()
    assert not summary.next_time.startswith("Ask directly")


UNSAID = [s for s in RISK if not re.search(r"suicid|end(?:ing)? my life", s.opening)]


@pytest.mark.parametrize("s", UNSAID, ids=ids(UNSAID))
def test_where_they_have_not_said_it_asking_directly_is_still_the_step(s):
    session, _ = play(s, "How are you doing, really?")
    safety = session.safety()
    assert safety is not None and safety.asked_directly is False


def test_what_they_told_in_brief_is_in_what_they_told_you():
    s = BY_ID["housemate-hiding-arms"]
    session, turns = play(
        s,
        "Sorry, I was nervous. I noticed your arms earlier and I'm not angry, I'm worried.",
        "Can I ask, have you been hurting yourself?",
    )
    short = [t for t in turns if t.response.kind == "short"]
    assert short, [t.response.kind for t in turns]
    assert s.beat(short[0].response.beat).about in session.revealed()


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_closing_line_thanks_only_for_what_the_scene_has(s):
    scene = f"{s.setting} {s.opening}".lower()
    lines = [s.warm, s.ask.close, s.ask.accept]
    for line in lines:
        for thing in re.findall(r"\bthanks? (?:you )?for the (\w+)", (line or "").lower()):
            assert thing in scene, line
        for thing in re.findall(r"\b(?:get|have) that (\w+)", (line or "").lower()):
            assert thing in scene, line


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_beat_told_in_full_stands_on_its_own(s):
    # "That if I admit it, it becomes real." only answers "what scares you?"; the full
    # telling also answers a yes/no question or nothing at all
    for beat in s.beats:
        for line in (beat.open, beat.told):
            assert not re.match(r"That (?:if|i|it|they|he|she|we|you)\b", line or "", re.I), line


def test_an_overdose_already_taken_is_listed_as_that_not_as_a_plan():
    s = BY_ID["friend-goodbye-message"]
    session, _ = play(
        s,
        "I'm so glad I called. That message scared me - what did you mean by it?",
        "Are you thinking about killing yourself?",
        "Thank you for telling me. Have you thought about how you would do it?",
    )
    told = session.revealed()
    assert "having already taken something" in told
    assert "whether there is a plan, and how soon" not in told


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_news_of_someone_outside_the_story_is_small_talk(s):
    texts = " ".join([s.setting, s.opening, *(b.open for b in s.beats)]).lower()
    who = next(w for w in ("gran", "nan", "grandma", "folks") if w not in texts)
    session, turns = play(s, f"How's your {who} doing?")
    assert turns[0].move.aside and not turns[0].landed_well
    if not turns[0].move.hurts:  # heard as changing the subject, it stings instead
        assert turns[0].answer.endswith("fine, I think."), turns[0].answer
    assert session.summary().revealed == ()


def test_a_beat_told_in_brief_is_not_news_when_told_in_full():
    s = BY_ID["partner-low-mood"]
    turns = talk(
        s,
        "You seem far away lately. I miss you. How are you doing?",
        "Are you sleeping okay?",
        "That sounds hard. What are the nights like for you?",
    )
    assert turns[1].answer == s.beat("sleep-food").closed
    assert turns[2].response.beat == "sleep-food"
    assert turns[2].answer.startswith("Like I said, I wake up at four")


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_an_answer_to_a_question_never_starts_as_an_afterthought(s):
    questions = (
        "How are you doing, really?",
        "What's been happening?",
        "What's the hardest part of the day for you?",
        "What else is going on?",
        "What else has been hard?",
        "What's on your mind?",
    )
    for turn in talk(s, *questions):
        if turn.response.kind == "reveal":
            assert not turn.answer.startswith("And "), turn.answer


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_how_long_about_something_told_is_answered_how_long(s):
    session, turns = play(s, "What's been happening? I'm listening.")
    beat_id = turns[0].response.beat
    if turns[0].response.kind != "reveal" or beat_id is None:
        return  # (checked where the opening question brings a beat out)
    topic = next((t for t in s.beat(beat_id).topics if t.isalpha() and len(t) > 3), None)
    if topic is None or session.finished:
        return
    later = session.reply(f"How long has the {topic} thing been going on?")
    if later.response.kind == "reveal":  # their story has a beat about how long it has been
        about = s.beat(later.response.beat).about
        assert about.startswith("how long") or "since" in later.answer.lower(), later.answer
    else:
        assert (later.response.kind, later.answer) == ("since", s.since)


def test_holding_the_means_and_coming_over_are_both_answered():
    s = BY_ID["friend-better-off-without-me"]
    turns = talk(
        s,
        "what do u mean by that?",
        "are you thinking about ending your life?",
        "thank u for telling me. have u got anything u would use?",
        "can i hold onto it for u? and can i come over?",
    )
    assert turns[-1].answer == f"{s.safe.means} {s.safe.stay}"


@pytest.mark.parametrize("line", ["Childline", "Papyrus", "the Kids Helpline"])
def test_a_helpline_named_by_name_is_the_helpline_plan(line):
    s = BY_ID["niece-asks-for-secrecy"]
    turns = talk(
        s,
        "hey whats up?",
        "ok... whats going on?",
        "are u thinking about suicide?",
        "ok. i cant keep this secret, its too important, but we can decide together who to tell",
        f"what about {line}? we could call together",
    )
    assert turns[-1].response.kind == "ask"
    assert turns[-1].answer.startswith(s.safe.plan("line").agree.split("?")[0][:20])


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_yes_no_question_about_what_they_told_is_answered_yes(s):
    session, turns = play(s, "What's been happening? I'm listening.")
    beat_id = turns[0].response.beat
    if turns[0].response.kind != "reveal" or beat_id is None:
        return  # (checked where the opening question brings a beat out)
    topic = next((t for t in s.beat(beat_id).topics if t.isalpha() and len(t) > 3), None)
    if topic is None:
        return
    for _ in range(2):
        if session.finished:
            return
        turn = session.reply(f"Is it the {topic}?")
        assert turn.response.kind in ("deepen", "confirm", "echo", "end"), (topic, turn.answer)


DENIERS = [s for s in SCENARIOS if re.search(r"\bI'm not (\w+)", s.opening)]


@pytest.mark.parametrize("s", DENIERS, ids=ids(DENIERS))
def test_agreeing_with_their_own_denial_is_not_arguing(s):
    word = re.search(r"\bI'm not (\w+)", s.opening).group(1)
    turn = talk(s, f"Okay. You're not {word}.")[0]
    assert turn.response.kind not in ("doubt", "deflect"), turn.answer


@pytest.mark.parametrize(
    ("reply", "step"),
    [
        ("r u thinkin of killin urself?", "asks_about_suicide"),
        ("have u thought abt how u wud do it?", "asks_about_urgency"),
        ("r u thinkin abt endin it?", "asks_about_suicide"),
        ("do u have a plan rn?", "asks_about_urgency"),
    ],
)
def test_a_safety_question_in_texting_spelling_is_still_that_question(reply, step):
    context = "Honestly, everyone would be better off without me."
    assert step in analyse(reply, context, risk=True).safety_names


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_what_do_you_mean_by_the_opening_asks_what_lies_behind_it(s):
    turn = talk(s, "wait what do u mean by that?? thats a big thing to say")[0]
    assert turn.response.kind not in ("unsure", "puzzled", "yesno"), turn.answer


def test_asking_who_to_tell_is_the_help_step():
    s = BY_ID["niece-asks-for-secrecy"]
    turns = talk(
        s,
        "I can't promise before I know what it is, but I'm listening. What's going on?",
        "That's really heavy. Are you thinking about suicide?",
        "Thank you for telling me. Who feels easiest to tell, your mum or someone at school?",
    )
    assert turns[-1].response.kind == "safe_help", turns[-1].answer


def test_a_fear_already_told_is_not_news_when_help_meets_it():
    s = BY_ID["niece-asks-for-secrecy"]
    turns = talk(
        s,
        "I can't promise before I know what it is, but I'm listening. What's going on?",
        "That's really heavy. Are you thinking about suicide?",
        "Thank you for telling me. What worries you about your mum finding out?",
        "I hear you. What if we told her together, and I asked her not to take your phone?",
        "Let's ring your mum together in the morning.",
    )
    help_line = s.safe.plan("person").help
    said = [t.answer for t in turns]
    assert any("take my phone" in x for x in said[:3]), said
    assert help_line not in said[-1]


STOCK = {"unsure", "yesno", "nudge", "guarded", "puzzled", "spent", "again", "deflect", "doubt"}


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_praise_counts_only_replies_they_opened_up_to(s):
    session, turns = play(
        s,
        "What's been happening? I'm listening.",
        "What do you think about the weather lately?",
        "How do you feel about that?",
        "What's your favourite colour?",
        "What else?",
    )
    praise = session.summary().praise
    counted = re.match(r"(\d+) of your (\d+) replies", praise)
    if counted is None:
        return  # "a good start", "well done" or an ending: no count claimed
    stock = sum(t.response.kind in STOCK for t in turns)
    assert int(counted.group(1)) <= len(turns) - stock, praise


def test_after_an_emergency_handled_no_open_question_tip():
    s = BY_ID["friend-goodbye-message"]
    session, turns = play(
        s,
        "I'm so glad I called. That message scared me - what did you mean by it?",
        "Are you thinking about killing yourself?",
        "Thank you for telling me. Have you taken anything?",
        "I'm calling 999 now and I'm staying on the phone with you.",
        "You won't be on your own. Can you unlock the door for them?",
        "Yes, I'll stay on the phone the whole time until they come.",
    )
    summary = session.summary()
    assert summary.ending == "goal", [t.answer for t in turns]
    assert "open question" not in summary.next_time


def test_having_asked_what_would_help_is_not_told_to_ask_it():
    s = BY_ID["friend-after-psychotic-episode"]
    session, _ = play(
        s,
        "It's really good to see you home. How are you doing?",
        "That sounds hard. What's it been like?",
        "Is there anything I can do that'd make this week easier?",
        "Okay. I'm here.",
    )
    summary = session.summary()
    if summary.ending != "goal":
        assert "says what they need from you" not in summary.next_time


def test_taking_up_an_offer_does_not_agree_to_a_plan_never_made():
    s = BY_ID["brother-drinking"]
    session, turns = play(
        s,
        "no, I'm not here to have a go. are you ok?",
        "ok. I'm not judging, honestly. do you think you've been drinking more lately?",
        "that sounds like a lot to be carrying. what is it you want switched off?",
        "divorce, money, all of it. no wonder you want a break. I'm here, you know. has it "
        "been worrying you too, how much you're drinking?",
        "that takes guts to admit, hiding it from yourself too. would you think about talking "
        "to someone about it, like your GP? I could come.",
        "I won't make a thing of it, promise. shall we look up your GP's number now?",
    )
    assert turns[-1].response.kind == "accept", [t.response.kind for t in turns]
    assert "thursday" not in turns[-1].answer.lower()
    reminder = session.summary().reminder
    assert reminder is not None and "thursday" not in reminder.at
    assert reminder.text == "Check in with Rob"


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_tell_me_more_asked_is_an_open_invitation(s):
    reply = "sorry. tell me more abt the what's the point feeling?"
    move = read_move(analyse(reply, s.opening, risk=s.risk), s)
    assert move.asks == "open"


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_a_repair_is_never_followed_by_a_hedge(s):
    slips = ("Oh come on, at least you've got your health.", "You'll be fine, honestly.")
    for slip in slips:
        _, turns = play(s, slip, "Sorry, that came out wrong. Do you want to talk about it?")
        if len(turns) < 2 or turns[1].response.kind != "repair":
            continue
        hedges = s.reactions["yesno"] + s.reactions["unsure"]
        assert not any(turns[1].answer.endswith(h) for h in hedges), turns[1].answer


def test_sharing_a_feeling_of_your_own_is_met_as_shared():
    s = BY_ID["partner-after-miscarriage"]
    turns = talk(
        s,
        "you don't have to move on on anyone's schedule. how are you, really?",
        "it sounds lonely, like everyone went quiet just when you needed them most.",
        "you don't have to say anything. I'm here. I miss them too.",
        "do you want me to just sit with you for a bit?",
        "ok. I'll stay right here. we don't have to talk.",
        "I was sad. I am. I just didn't know how to show it without making it harder for you.",
    )
    assert turns[-1].response.kind == "share", [(t.response.kind, t.answer) for t in turns]


@pytest.mark.parametrize(
    "taking_back",
    [
        "I know I said I promise, but this is too big for me to keep just between us.",
        "I know I said I'd promise, but I can't, not with this.",
        "This is too serious to keep to myself. I'm sorry.",
    ],
)
def test_taking_the_promise_back_in_other_words_is_heard(taking_back):
    s = BY_ID["niece-asks-for-secrecy"]
    session, turns = play(
        s,
        "Of course, I promise. You can tell me anything.",
        "What's going on?",
        "That sounds so heavy. Are you thinking about killing yourself?",
        taking_back,
    )
    assert turns[-1].response.kind.startswith("safe_taken_back") or (
        s.safe.taken_back in turns[-1].answer
    ), turns[-1].answer
    assert "Taking back the promise was right" in session.summary().next_time


@pytest.mark.parametrize(
    "promise", ["i wont tell if u dont want me to", "It stays between us, I won't tell anyone."]
)
def test_a_promise_made_later_answers_the_opening_request(promise):
    s = BY_ID["niece-asks-for-secrecy"]
    session, turns = play(s, "hey whats up?", promise)
    assert "secrecy_promise" in turns[-1].feedback.pitfall_names
    assert session.safety().avoided_secrecy is False


def test_an_ok_is_not_a_promise_three_turns_later():
    s = BY_ID["niece-asks-for-secrecy"]
    turns = talk(s, "hey whats up?", "ok... whats going on?")
    assert "secrecy_promise" not in turns[-1].feedback.pitfall_names


def test_a_brief_answer_to_a_what_question_has_no_yes_tacked_on():
    s = BY_ID["friend-after-psychotic-episode"]
    turns = talk(s, "Good to see you home. How are you doing?", "What worries you most?")
    assert turns[-1].response.kind == "short"
    assert not re.search(r"\b(?:yeah|yes)\b", turns[-1].answer, re.IGNORECASE), turns[-1].answer


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_saying_you_will_text_them_is_an_offer(s):
    turn = talk(s, "I'll text you on Friday, is that okay?")[0]
    assert turn.move.offer
    assert turn.answer not in s.reactions["yesno"] + s.reactions["unsure"], turn.answer


def test_asked_what_they_said_not_to_ask_a_yes_no_way_they_still_brush_it_off():
    s = BY_ID["partner-nurse-burnout"]
    turn = talk(s, "you look shattered. rough shift?")[0]
    assert turn.response.kind in ("deflect", "guarded"), turn.answer


def test_a_brief_telling_is_not_news_again_in_a_later_sentence():
    s = BY_ID["partner-nurse-burnout"]
    asked = "I won't ask about the shift. Are you feeling let down by work?"
    turns = talk(s, asked, "What happened?")
    assert turns[0].response.kind == "short"
    assert turns[1].response.beat == turns[0].response.beat
    assert "Like I said, it's every shift" in turns[1].answer, turns[1].answer


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_what_time_is_it_there_is_no_safety_question(s):
    turn = talk(s, "what time is it there?")[0]
    assert not turn.feedback.safety_names
    assert not turn.response.kind.startswith("safe_"), turn.answer


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_asking_whether_they_have_seen_the_doctor_proposes_nothing(s):
    turn = talk(s, "Have you been to the doctor lately?")[0]
    assert "connects_to_help" not in turn.move.safety
    assert turn.response.kind not in ("safe_help", "safe_not_yet", "safe_emergency"), turn.answer


@pytest.mark.parametrize("s", RISK, ids=ids(RISK))
def test_a_way_they_have_thought_of_doing_it_asks_about_a_plan(s):
    context = "I have thought about ending it."
    reply = "Thank you for telling me. Is there a way you've thought about doing it?"
    assert "asks_about_urgency" in analyse(reply, context, risk=True).safety_names


def test_i_said_id_keep_it_secret_but_takes_it_back():
    s = BY_ID["niece-asks-for-secrecy"]
    session, turns = play(
        s,
        "Um, sure, I guess.",
        "What's going on?",
        "Are you thinking about hurting yourself?",
        "Thank you for telling me. I know I said I'd keep it secret, but I can't with this.",
    )
    assert s.safe.taken_back in turns[-1].answer, turns[-1].answer
    assert "took it back" in session.summary().retry.what


def test_their_own_words_said_back_are_heard_as_saying_back():
    s = BY_ID["flatmate-low-mood"]
    turns = talk(
        s,
        "How are you doing, really?",
        "What's it like at night?",
        "Twelve hours and still tired. And then guilty on top of it.",
    )
    assert turns[1].response.beat == "sleep"
    assert turns[2].response.kind in ("confirm", "correct", "deepen"), turns[2].answer


@pytest.mark.parametrize("s", SCENARIOS, ids=ids(SCENARIOS))
def test_can_i_cook_for_you_is_an_offer(s):
    assert read_move(analyse("Can I cook for you on Friday?", s.opening, risk=s.risk), s).offer


def test_when_they_said_what_would_help_the_tip_is_to_answer_it():
    from ally.practice.session import next_time

    s = BY_ID["flatmate-low-mood"]
    _, turns = play(
        s,
        "You haven't been out much lately. What's been going on?",
        "That sounds exhausting. How long has it been like this?",
        "How have you been sleeping?",
        "It makes sense you'd feel stuck. What scares you most about it?",
        "Thank you for telling me. What would help?",
    )
    assert turns[-1].response.kind == "ask", [t.response.kind for t in turns]
    tip = next_time(s, turns, None, "limit")
    assert tip.startswith("Sam told you what would help"), tip
