"""Listening skills the feedback engine recognises, on example replies written for ally."""

from __future__ import annotations

import dataclasses

import pytest

from ally.practice.feedback import (
    SKILLS,
    Feedback,
    Finding,
    Phrases,
    analyse,
    detect_skills,
    words_of,
)

from conftest import skills

# ------------------------------------------------------------------- questions


@pytest.mark.parametrize(
    "reply",
    [
        "What's been going on for you lately?",
        "How are you feeling about the move?",
        "Why do you think it hit you so hard this time?",
        "Tell me more about what happened with your sister.",
        "Can you tell me a bit about how the nights have been?",
        "And you, what do you make of it all?",
        "I'm curious what a good day looks like for you right now.",
        "how are you doing today",
        # no question mark, but the grammar asks
        "how is everything at home",
        "what kind of work are you doing now",
        "how many hours are you sleeping",
        "How can I help",
    ],
)
def test_open_questions(reply: str) -> None:
    assert "open_question" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Are you sleeping okay?",
        "Did you manage to eat anything today?",
        "Is it work that's getting to you?",
        "Do you want me to come over",
        "Have you told anyone else?",
        # the subject is a thing or another person, not "you"
        "Does the thought of going back change how you feel?",
        "Is the new manager any better",
        "Are these classes compulsory",
    ],
)
def test_closed_questions(reply: str) -> None:
    found = skills(reply)
    assert "closed_question" in found
    assert "open_question" not in found


@pytest.mark.parametrize(
    "reply",
    [
        "When you said that, I could hear how tired you are.",
        "What you're feeling makes complete sense.",
        "I was thinking of you today.",
        # orders and wishes open with "do" and "have" too
        "Do the things that usually calm you down.",
        "Have a restful weekend.",
        # speech broken off before it became a question
        "Is it- is it when-",
        "-was the worst part.",
    ],
)
def test_statements_that_start_like_questions_are_not_questions(reply: str) -> None:
    found = skills(reply)
    assert "open_question" not in found
    assert "closed_question" not in found


@pytest.mark.parametrize(
    "reply",
    [
        # back-channels said with a rising voice ask nothing
        "Yeah?",
        "Mm-hmm?",
        "Oh, really?",
        "Okay?",
        # the check that closes a reflection belongs to the reflection (MITI)
        "Is that right?",
        "Did I get that right?",
        # tags and asides
        "Weird, huh?",
    ],
)
def test_back_channels_and_checks_are_not_questions(reply: str) -> None:
    found = skills(reply)
    assert "open_question" not in found
    assert "closed_question" not in found


@pytest.mark.parametrize(
    "reply",
    [
        "So you feel let down by them?",
        "It sounds like the evenings are the worst part?",
        "You're saying you want out?",
        "So you're noticing it gets worse after you see him?",
    ],
)
def test_a_reflection_said_with_a_rising_voice_is_a_reflection(reply: str) -> None:
    found = skills(reply)
    assert "reflection" in found
    assert "closed_question" not in found
    assert "open_question" not in found


def test_a_plain_statement_with_a_question_mark_still_asks() -> None:
    # no reflection frame ("you feel", "it sounds like"): a closed question in a rising voice
    assert "closed_question" in skills("You're coming to the party tonight?")


@pytest.mark.parametrize(
    "reply",
    [
        "Anything else?",
        "Anything else on your mind?",
        "Is there anything that worries you about it?",
        "Any thoughts?",
        "Do you have any questions for me?",
        "Do you think it's connected to the new job?",
        "Would you rather stay with them, or?",
        "Why don't you start by telling me about it?",
        "Can I ask why you feel so angry?",
        "Could you give an example of when that happens?",
        "Wh-what happened after that?",
    ],
)
def test_invitations_in_yes_no_form_are_open(reply: str) -> None:
    found = skills(reply)
    assert "open_question" in found
    assert "advice" not in found


@pytest.mark.parametrize(
    "reply",
    [
        # a yes/no question about one specific thing stays closed
        "Is there any way you could take some time off?",
        "Have you had any sleep?",
        # a scaling question asks for a number, whatever its wh-word
        "On a scale of 1 to 10, how stressed are you right now?",
        "What number would you give it?",
    ],
)
def test_specific_and_scaling_questions_are_closed(reply: str) -> None:
    found = skills(reply)
    assert "closed_question" in found
    assert "open_question" not in found


def test_a_first_person_question_about_yourself_is_not_a_question() -> None:
    assert skills("Do I have that right?") == []


def test_asking_directly_about_suicide_is_a_good_question_not_a_red_flag() -> None:
    feedback = analyse("Are you thinking about suicide?", "I just want it all to stop.")
    assert feedback.skill_names == ["closed_question"]
    assert feedback.pitfall_names == []
    assert "right thing" in feedback.verdict
    assert "suicide" in feedback.skills[0].reason


# ------------------------------------------------------------------ reflection


@pytest.mark.parametrize(
    ("reply", "context"),
    [
        ("It sounds like you're carrying all of this on your own.", ""),
        ("So you feel like nobody at home notices how hard you're trying.", ""),
        ("You're worried that if you say no, they'll stop inviting you.", ""),
        ("It seems the new job has taken more out of you than you expected.", ""),
        ("That must be exhausting.", ""),
        ("If I'm understanding you, the hardest part is the evenings.", ""),
        (
            "Your flatmates keep leaving the kitchen in a state and you end up cleaning it.",
            "My flatmates never clean the kitchen and I'm always the one cleaning up after them.",
        ),
    ],
)
def test_reflections(reply: str, context: str) -> None:
    assert "reflection" in skills(reply, context)


@pytest.mark.parametrize(
    "reply",
    [
        "That sounds like a great plan.",
        "Why do you feel that way?",
        "I hope you feel better soon.",
        "I hope you are happy there.",
        "Sounds like a new phone.",
        # the user's false positive: minimising and dismissing, not a reflection
        "Honestly you'll be fine, everyone feels like that sometimes.",
        # a supposition about myself, not a shared experience
        "I'd go crazy if that happened to me.",
    ],
)
def test_not_reflections(reply: str) -> None:
    assert "reflection" not in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Being there for your kids is really important to you.",
        "So that's why you left early.",
        "I understand.",
        "I hear you.",
        "Okay, so you've got this real sense of needing a change.",
    ],
)
def test_more_reflections(reply: str) -> None:
    assert "reflection" in skills(reply)


def test_a_share_on_their_topic_shows_understanding_from_experience() -> None:
    context = "I just lost my job and I'm terrified."
    on_topic = analyse("I lost my job last year too.", context)
    assert on_topic.skill_names == ["reflection", "self_disclosure"]
    assert "hand it back" in next(f for f in on_topic.skills if f.name == "reflection").suggestion
    # a share that has nothing to do with what they said is only a share
    assert skills("I went to Spain last year.", context) == ["self_disclosure"]
    # the topic may be named in another sentence of the same reply
    marriage = "My marriage is falling apart and I feel like a failure."
    reply = "A marriage ending is such a huge loss. I went through a divorce myself."
    shared = [f for f in analyse(reply, marriage).skills if f.name == "reflection"]
    assert [reply[f.start : f.end] for f in shared] == ["I went through a divorce myself."]


def test_a_question_that_reuses_their_words_is_a_question_not_a_reflection() -> None:
    context = "I feel so angry at him all the time."
    assert "reflection" not in skills("Why do you think he makes you so angry?", context)


def test_so_that_is_great_moves_on_rather_than_summing_up() -> None:
    assert "reflection" not in skills("So that's great.")


# ------------------------------------------------------------------ validation


@pytest.mark.parametrize(
    "reply",
    [
        "That makes sense.",
        "I'm so sorry you're dealing with this.",
        "That must be really hard.",
        "It's understandable to feel angry after that.",
        "Thank you for telling me.",
        "You're doing great, honestly.",
        "It's not your fault.",
        "I believe you.",
        "I'm proud of you for reaching out.",
        "You're not alone in this.",
    ],
)
def test_validation(reply: str) -> None:
    assert "validation" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "I believe in you.",
        "You've done really well this week.",
        "You're trying so hard.",
        "You're on the right track.",
        "People care about you.",
        "Keep it up!",
        "I can assure you that this is not your fault.",
        "It gets better.",
        "I feel you.",
        "I'm also glad you said something.",
        "Don't give up.",
        "I understand why you're angry.",
        # normalising, affirming an idea, confidence in them, allowing the feeling
        "Moving house can be really stressful.",
        "That's a wise plan.",
        "That sounds like a brave first step.",
        "You have the strength to get through this.",
        "You'll find a way through this.",
        "Crying is completely normal.",
        "I really care about you.",
        "I want you to stay safe.",
    ],
)
def test_more_validation(reply: str) -> None:
    assert "validation" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # sympathy said with a helping verb, or "sounds like it ..."
        "That does sound exhausting.",
        "It did seem really scary.",
        "That sounds like it really stung.",
        # effort and ability noticed
        "You have done your best with all of this.",
        "You're still trying so hard.",
        "You seem pretty on top of things.",
        "You should be proud.",
        # their news or step welcomed
        "That is really great news.",
        "Calling the helpline was a brave step.",
        # their reaction is legitimate, or not strange
        "You have a good reason to feel let down.",
        "There's nothing to be ashamed of.",
        "You shouldn't feel embarrassed about crying.",
        "That's not silly at all.",
        "You are by no means alone in this.",
        "I know exactly how you feel.",
        "I wish you all the best.",
    ],
)
def test_validation_in_other_words(reply: str) -> None:
    assert "validation" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "It did seem hard for me at first.",
        # glad about my own help, not about them
        "I'm glad I could help.",
        "I'm glad that I was able to help a bit.",
        # sorry for my own slip, or a non-apology
        "Sorry, I misread your message.",
        "I'm sorry if you feel that way.",
        # checking my own words, not theirs
        "Take it one step at a time, if that makes sense.",
    ],
)
def test_not_validation_in_other_words(reply: str) -> None:
    assert "validation" not in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # ally teaches these as pitfalls, so they never count as validation
        "Don't worry, everything will be okay.",
        "You'll be fine.",
        "Time heals.",
        # a promise about how it will turn out, not confidence in how they cope
        "You'll find someone better.",
        "You will find a new job in no time.",
    ],
)
def test_false_reassurance_is_not_validation(reply: str) -> None:
    assert "validation" not in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Sorry for my late reply, I was at work.",
        "Good luck with the interview!",
        "Nice to meet you.",
        "I know you said you were busy.",
        "Taking a break is a good idea.",
        # claiming understanding in so many words is a (weak) reflection, not validation
        "I understand.",
    ],
)
def test_not_validation(reply: str) -> None:
    assert "validation" not in skills(reply)


def test_a_span_covers_the_whole_phrase_that_shows_the_skill() -> None:
    reply = "I'm really glad you told me."
    [finding] = analyse(reply).skills
    assert finding.name == "validation"
    assert reply[finding.start : finding.end] == "I'm really glad you told me"


def test_a_span_stops_at_the_end_of_its_clause() -> None:
    reply = "I'm so sorry, that sounds exhausting."
    validation = next(f for f in analyse(reply).skills if f.name == "validation")
    assert reply[validation.start : validation.end] == "I'm so sorry"


# ---------------------------------------------------------------------- advice


@pytest.mark.parametrize(
    "reply",
    [
        "You should talk to your GP about it.",
        "Have you tried writing things down before bed?",
        "Maybe you could take a few days off.",
        "I suggest going for a walk when it gets bad.",
        "Why don't you call your brother?",
        "Try to get some fresh air every day.",
        "If it gets worse, call the out-of-hours line.",
        "It might help to make a list of what's worrying you.",
    ],
)
def test_advice(reply: str) -> None:
    assert "advice" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Maybe just take a walk when it starts.",
        "Going for a walk might help.",
        "Taking a break is a good idea.",
        "It may be a good time to ask for help.",
        "Telling her is the right thing to do.",
        "Might I suggest a short walk before bed?",
        "Would it help to talk to someone at work?",
        "You may need to step back from that friendship for a while.",
        "It often helps to write the worries down.",
        "The best you can do right now is keep showing up for her.",
        "What if you told your manager how stretched you are?",
        # an instruction after an opening clause or two
        "If so, picture the calmest place you know.",
        "Please, before you decide anything, sleep on it.",
        "If it happens again then call the helpline.",
    ],
)
def test_more_advice(reply: str) -> None:
    assert "advice" in skills(reply)


def test_asking_whether_they_have_talked_to_someone_is_a_question_and_a_nudge() -> None:
    # ALGEE: encourage other support; the question stays a question
    found = skills("Have you talked to your sister about it?")
    assert "closed_question" in found
    assert "advice" in found
    assert "advice" not in skills("Did you talk with him yesterday?")


def test_you_should_not_be_ashamed_is_not_advice() -> None:
    assert "advice" not in skills("You shouldn't be ashamed of that.")


@pytest.mark.parametrize(
    "reply",
    [
        "Take care of yourself.",
        "What have you tried so far?",
        "Where do you think you should start?",
        "Thank you for trusting me.",
        "Tell me more.",
        "Keep going!",
        "Do I have that right?",
        # how I would feel, not what I would do
        "I'd go crazy if that happened to me.",
        "I would break down too.",
        # my own promise, not a step for them
        "I'll try to help however I can.",
        # "then" in a story, not after a condition
        "Every day I go to work then go home and sleep.",
        # praise of their plan, not a plan for them
        "That's a good idea.",
    ],
)
def test_not_advice(reply: str) -> None:
    assert "advice" not in skills(reply)


def test_advice_before_any_question_or_reflection_is_premature() -> None:
    feedback = analyse("You should just quit that job.", "My job is making me miserable.")
    assert feedback.premature_advice
    assert "advice" in feedback.verdict
    advice = next(f for f in feedback.skills if f.name == "advice")
    assert "find out more" in advice.suggestion


def test_advice_after_a_question_in_the_same_reply_is_fine() -> None:
    feedback = analyse("What's been the worst part? Maybe a break would help.")
    assert "advice" in feedback.skill_names
    assert not feedback.premature_advice


def test_advice_after_a_reflection_is_fine() -> None:
    feedback = analyse("It sounds like you're worn out. Maybe a break would help.")
    assert not feedback.premature_advice


def test_advice_after_exploring_earlier_in_the_session_is_fine() -> None:
    feedback = analyse("Maybe a break would help.", explored=True)
    assert "advice" in feedback.skill_names
    assert not feedback.premature_advice


def test_a_suggestion_asked_as_a_question_is_still_advice_first() -> None:
    feedback = analyse("Have you tried meditation?")
    assert feedback.skill_names == ["advice"]
    assert feedback.premature_advice


# ------------------------------------------------------------ self-disclosure


@pytest.mark.parametrize(
    "reply",
    [
        "I went through something like that after my divorce.",
        "When I lost my job, I felt the same.",
        "My mum had depression for years.",
        "I've been there too.",
    ],
)
def test_self_disclosure(reply: str) -> None:
    assert "self_disclosure" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "My mum's cat died last year.",
        "I too love that show.",
        "We went into lockdown again last week.",
        "I've been in your shoes.",
        "From my own experience, it gets easier.",
        "I feel like I'm failing too.",
        "That sounds like me.",
        "I'm still struggling with it.",
        "I also have felt that pressure.",
    ],
)
def test_more_self_disclosure(reply: str) -> None:
    assert "self_disclosure" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "I think you're right.",
        "I hope today is easier.",
        "Can I help at all?",
        "I suspect it's their problem, not yours.",
        "I'd go crazy if that happened to me.",
        "My friend.",
    ],
)
def test_not_self_disclosure(reply: str) -> None:
    assert "self_disclosure" not in skills(reply)


# ---------------------------------------------------------------- information


@pytest.mark.parametrize(
    "reply",
    [
        "Research shows that talking therapies help a lot of people with anxiety.",
        "It's very common to feel low after a big change.",
        "Many people find the first weeks on medication the hardest.",
        "Antidepressants usually take a few weeks to start working.",
        "There are free support groups for carers in most areas.",
    ],
)
def test_information(reply: str) -> None:
    assert "information" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "At least you have a job, lots of people would love that.",
        "Have a lovely rest of your evening.",
        "Maybe the doctors know more about that than we do.",
        "If you need anything at all, the kettle is on.",
        "It's been a rough year for everyone, hasn't it?",
        # "100%" says "completely", not a statistic
        "I agree with you 100% there.",
    ],
)
def test_not_information(reply: str) -> None:
    assert "information" not in skills(reply)


# ---------------------------------------------------------------- the contract


def test_detect_skills_matches_analyse() -> None:
    reply = "I'm sorry. That sounds really lonely. What's been the hardest part?"
    assert detect_skills(reply) == analyse(reply).skill_names
    assert detect_skills(reply) == ["open_question", "reflection", "validation"]


def test_skill_names_are_unique_and_in_skills_order() -> None:
    reply = "What happened? How did it feel? I'm sorry. I'm so sorry."
    names = analyse(reply).skill_names
    assert names == sorted(set(names), key=SKILLS.index)


def test_findings_are_spans_of_the_reply_with_one_line_explanations() -> None:
    reply = "That sounds exhausting. Have you tried talking to your manager? How are you sleeping?"
    feedback = analyse(reply)
    assert feedback.reply == reply
    for finding in feedback.skills:
        assert isinstance(finding, Finding)
        assert finding.kind == "skill"
        assert finding.name in SKILLS
        assert 0 <= finding.start < finding.end <= len(reply)
        assert finding.reason and "\n" not in finding.reason
        assert "\n" not in finding.suggestion
    starts = [f.start for f in feedback.skills]
    assert starts == sorted(starts)


def test_feedback_is_immutable() -> None:
    feedback = analyse("How are you?")
    assert isinstance(feedback, Feedback)
    with pytest.raises(dataclasses.FrozenInstanceError):
        feedback.verdict = "changed"  # type: ignore[misc]


def test_curly_apostrophes_read_like_straight_ones() -> None:
    assert (
        analyse("It\u2019s not your fault.").skill_names
        == analyse("It's not your fault.").skill_names
    )


@pytest.mark.parametrize("reply", ["", "   ", "...", "ok"])
def test_empty_or_trivial_replies_get_a_gentle_verdict(reply: str) -> None:
    feedback = analyse(reply)
    assert feedback.skills == ()
    assert feedback.pitfalls == ()
    assert feedback.verdict


def test_verdict_is_short() -> None:
    for reply in ["What's up?", "You should leave him.", "That sounds hard.", "Cheer up!"]:
        verdict = analyse(reply).verdict
        assert 0 < len(verdict) <= 200
        assert verdict.count(".") + verdict.count("!") <= 2


# ---------------------------------------------------------- words and patterns


def test_words_spell_out_contractions_and_keep_their_spans() -> None:
    text = "I'm sure you dont wanna quit, it's self-care."
    w = words_of(text)
    assert w.words == (
        "i", "am", "sure", "you", "do", "not", "want", "to", "quit", ",", "it", "is", "self",
        "care", ".",
    )  # fmt: skip
    spans = [text[start:end] for start, end in zip(w.starts, w.ends, strict=True)]
    # each spelled-out part points at the word it came from
    assert spans[:8] == ["I'm", "I'm", "sure", "you", "dont", "dont", "wanna", "wanna"]
    assert spans[12:14] == ["self", "care"]


def test_words_drop_a_spoken_stutter() -> None:
    assert words_of("Wh-what do you-you've got").words == ("what", "do", "you", "have", "got")


def test_possessives_split_off() -> None:
    assert words_of("my mum's car").words == ("my", "mum", "'s", "car")


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("so|really? sorry", "I am really sorry", "really sorry"),
        ("so|really? sorry", "sorry", "sorry"),
        ("very* tired", "very very tired", "very very tired"),
        ("must _2 hard", "it must be so hard", "must be so hard"),
        ("must _1 hard", "it must be so hard", None),
        ("sorry !for+my", "sorry for my late reply", None),
        ("sorry !for+my", "sorry for your loss", "sorry"),
        ("<if you feel", "if you feel low", None),
        ("<if you feel", "I know you feel low", "you feel"),
        ("^ at least", "Well, at least", "at least"),
        ("^ at least", "hard at least", None),
        ("you can $", "I know you can.", "you can"),
        ("you can $", "you can go", None),
        ("a+lot|lots of", "a lot of it", "a lot of"),
        ("i am", "I'm here", "I'm"),
    ],
)
def test_the_pattern_language(pattern: str, text: str, found: str | None) -> None:
    w = words_of(text)
    match = Phrases("test.pattern", pattern).search(w)
    if found is None:
        assert match is None
    else:
        assert match is not None
        assert text[w.starts[match[0]] : w.ends[match[1] - 1]] == found


def test_a_line_ending_in_a_bar_goes_on() -> None:
    phrases = Phrases(
        "test.wrapped",
        """
        # a comment
        very|
            really tired
        """,
    )
    assert phrases(words_of("really tired")) and phrases(words_of("very tired"))
