"""Reflections and self-disclosure: sharing the same experience, guessed feelings, and the
sharing-of-my-own-life rules, on example replies written for ally."""

from __future__ import annotations

import pytest

from ally.practice.feedback import analyse

from conftest import skills

# ------------------------------------------------- the same experience, said outright


@pytest.mark.parametrize(
    "reply",
    [
        "Exactly the same for me with the night shifts.",
        "I'm the same, honestly.",
        "I do too.",
        "I know exactly how you feel.",
        "I know what that is like.",
        "We're in the same boat with the rent.",
        "I feel lost too.",
        "I sometimes feel sad as well.",
        "I've felt that way about my brother.",
    ],
)
def test_a_shared_experience_reflects(reply: str) -> None:
    assert "reflection" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # other people in the same boat, not the speaker
        "Maybe talking to others in the same boat would help?",
        # a wish, not a shared feeling
        "I hope you feel better too.",
        "I hope so too.",
    ],
)
def test_others_or_wishes_are_not_a_shared_experience(reply: str) -> None:
    assert "reflection" not in skills(reply)


# ------------------------------------------------------------ guesses at their meaning


@pytest.mark.parametrize(
    "reply",
    [
        "What I'm picking up is that the money worries come first.",
        "I'm sensing some worry about the exams.",
        "Kind of feels like you're carrying everyone.",
        "That might be why you held back from telling them.",
        "I would imagine the evenings are the hardest.",
        "You probably felt completely on your own.",
        "You must be feeling worn out.",
        # said with a rising voice, still a reflection rather than a question
        "So you're feeling left out of the plans?",
    ],
)
def test_guessed_meanings_and_feelings_reflect(reply: str) -> None:
    found = skills(reply)
    assert "reflection" in found
    assert "closed_question" not in found


@pytest.mark.parametrize(
    "reply",
    [
        "That's why you need to rest tonight.",
        "I'm getting a coffee, back in a minute.",
        "If you feel like it, we can talk later.",
    ],
)
def test_not_guesses_at_their_meaning(reply: str) -> None:
    assert "reflection" not in skills(reply)


# ------------------------------------------------------ what their words are echoed by


def test_greetings_traded_at_the_end_are_not_an_echo() -> None:
    context = "Thanks so much, merry christmas and best of luck to you too!"
    assert "reflection" not in skills("Merry christmas and best of luck to you as well.", context)


def test_their_topic_in_other_words_still_echoes() -> None:
    context = "I keep losing sleep over the move and my daughter's new school."
    found = skills(
        "You've been losing sleep since the move, and the school weighs on you.", context
    )
    assert "reflection" in found


def test_a_share_on_their_topic_matches_other_word_forms() -> None:
    # "lived" and "living" are the same topic word
    context = "Living on my own for the first time is harder than I thought."
    assert "reflection" in skills("I lived alone after college and hated it.", context)


# ------------------------------------------------------------------ self-disclosure


@pytest.mark.parametrize(
    "reply",
    [
        "I, too, have lost a parent.",
        "I went through something similar at my last job.",
        "I'm going through the same thing with my landlord.",
        "Whenever I'm low, I walk by the river.",
        "I get stuck too.",
        "I feel lost too.",
        "I've felt that way about my brother.",
    ],
)
def test_my_own_experience_is_self_disclosure(reply: str) -> None:
    assert "self_disclosure" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Sorry I was away from the keyboard, I'm back now.",
        "Sorry I just saw your message.",
        "Whenever I can, I'll check in on you.",
        "I hope you do too.",
        "I understand that as well.",
    ],
)
def test_this_chat_or_a_wish_is_not_self_disclosure(reply: str) -> None:
    assert "self_disclosure" not in skills(reply)


def test_a_share_answers_when_they_ask_whether_anyone_else_lives_this() -> None:
    share = "I used to ignore my phone for days."
    asked = "Does anyone else just stop replying to messages when they are low?"
    assert analyse(share, asked).skill_names == ["reflection", "self_disclosure"]
    assert analyse(share, "Am I the only one who feels like this?").skill_names == [
        "reflection",
        "self_disclosure",
    ]
    # the same share after an unrelated remark is only a share
    assert analyse(share, "My sister is visiting next week.").skill_names == ["self_disclosure"]


@pytest.mark.parametrize(
    "reply",
    [
        "Friends are so important to me too.",
        "That makes me sad as well.",
        "I've had a really similar experience.",
        "I live with my parents, so I get it.",
        "It has been grey and cold over here all week.",
        "Me too.",
    ],
)
def test_more_ways_of_sharing_my_own_life(reply: str) -> None:
    assert "self_disclosure" in analyse(reply, "").skill_names


@pytest.mark.parametrize("reply", ["Come over here.", "Tell me too."])
def test_orders_that_mention_me_are_not_shares(reply: str) -> None:
    assert "self_disclosure" not in analyse(reply, "").skill_names


# ------------------------------------- second pass: thanks, hopes, their words, my life


@pytest.mark.parametrize(
    "reply",
    [
        "You're quite welcome, any time.",
        "You're most welcome, sleep well.",
        "You, too! Enjoy the weekend.",
        "You have every right to be cross with him.",
        "You don't have to have it all figured out.",
        "You don't need to reply tonight.",
        "You have a good evening.",
        "You'd be surprised how quickly it passes.",
        "You are a kind person.",
        "You aren't a burden.",
        "You matter to me.",
        "Right. So—",
        "I'm sorry you're feeling so low.",
        "I'm glad you are feeling brighter this morning.",
        "A walk might help you feel better.",
        "It will make you feel calmer.",
        "Pick songs that make you feel strong.",
        "You want to talk about it?",
        "Tell me anything else you want to talk about.",
    ],
)
def test_thanks_hopes_and_steps_do_not_say_back_what_they_said(reply: str) -> None:
    assert "reflection" not in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "You're stuck between your mum and your sister.",
        "You would like your sister to visit more.",
        "You feel like nobody at work listens.",
        "It's making you feel worse about yourself.",
        "You want him to call more often.",
        "You said the new manager ignores your emails.",
        "You mentioned that your brother moved out.",
        "Kind of feel like you're stuck in the middle.",
        "I'm trying to understand what keeps you up at night.",
        "Am I right in thinking the job comes first?",
        "At the same time, you worry about the money.",
        "I can tell from what you wrote that you miss her.",
        "I can't imagine how hard that is for you.",
    ],
)
def test_more_ways_of_saying_back_what_they_said(reply: str) -> None:
    assert "reflection" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "As you said, it takes time.",
        "Like you said, nobody knows yet.",
        "At the same time, you should rest.",
        "I can't imagine what the weather is like there.",
    ],
)
def test_near_misses_of_saying_back(reply: str) -> None:
    assert "reflection" not in skills(reply)


def test_an_echo_that_looks_ahead_is_not_a_reflection() -> None:
    context = "My landlord keeps raising the rent and I can't keep up."
    assert "reflection" not in skills("The landlord will lower your rent one day.", context)
    assert "reflection" in skills("The landlord keeps raising your rent.", context)


@pytest.mark.parametrize(
    "reply",
    [
        "Your manager is just like my boss was.",
        "A year like mine, then.",
        "I also have a cousin who lives abroad.",
        "I also am a night owl.",
        "I often feel the same after long shifts.",
        "I'm the youngest, so I get it.",
        "My youngest starts school next week.",
    ],
)
def test_their_life_next_to_mine_is_self_disclosure(reply: str) -> None:
    assert "self_disclosure" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "I'm not a doctor, but rest sounds wise.",
        "From my experience, talking helps.",
        "I highly recommend a short walk.",
        "I sincerely hope the interview goes well.",
        "I realise you've had a long week.",
        "Sorry, I misunderstood your last message.",
        "That film doesn't sound like my kind of evening.",
    ],
)
def test_tips_hopes_and_disclaimers_are_not_self_disclosure(reply: str) -> None:
    assert "self_disclosure" not in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "And that really worries you.",
        "That must have really hurt you.",
        "It scared you, seeing her in hospital.",
        "I take it you didn't see that coming.",
        "I presume you weren't expecting the call.",
        "I can understand being exhausted after a week like that.",
        "Getting some quiet time is what you need.",
        "It's easier for you to stay in than to face the crowd.",
        "That sounds like a good spot for you.",
        "You're not quite sure you can keep it up.",
    ],
)
def test_what_stirred_them_and_what_they_want_reflects(reply: str) -> None:
    assert "reflection" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Is there anything about the move that worries you?",
        "Would it hurt you to ask him?",
        "If that's what you need, take the day off.",
        "So tell me what happened at the party.",
        "So we could meet again on Friday.",
        "Sounds like a plan!",
    ],
)
def test_questions_suppositions_and_plans_do_not_reflect(reply: str) -> None:
    assert "reflection" not in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Have been there too, it's rough.",
        "I've been feeling this way myself lately.",
        "I myself am a carer for my dad.",
        "Gardening gets me through the winter.",
        "Walking does it for me.",
        "At least for me, mornings are the worst.",
        "I'm also pretty shy around new people.",
        "I have to admit I've struggled with sleep too.",
        "I was the same at your age.",
    ],
)
def test_more_of_my_own_life_is_self_disclosure(reply: str) -> None:
    assert "self_disclosure" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "I enjoyed talking with you today.",
        "I'm also very sorry about your loss.",
        "I take it you've thought about this a lot.",
        "That helps me understand what happened.",
        "I didn't mean to upset you.",
        "I hoped that helped a little.",
    ],
)
def test_this_chat_and_sympathy_are_not_self_disclosure(reply: str) -> None:
    assert "self_disclosure" not in skills(reply)


def test_a_hope_or_cheer_in_their_words_is_not_an_echo() -> None:
    context = "I finally started sleeping through the night after months of insomnia."
    assert "reflection" not in skills("You deserve nights of sleep after the insomnia.", context)
    assert "reflection" not in skills("Glad your sleeping is finally better!", context)


@pytest.mark.parametrize(
    "reply",
    [
        "You're the only one who can make that call.",
        "You've got nothing to lose by asking.",
        "You're making real progress with the exercises.",
        "You are truly a wonderful friend.",
    ],
)
def test_encouragement_about_them_is_not_a_reflection(reply: str) -> None:
    assert "reflection" not in skills(reply)
