"""Validation the feedback engine recognises, and look-alikes it must leave alone."""

from __future__ import annotations

import pytest

from ally.practice.feedback import analyse

from conftest import skills


@pytest.mark.parametrize(
    "reply",
    [
        # their hard time, named
        "That's a really tough situation to be in.",
        "This is a very hard time for you.",
        "You're in such a difficult position right now.",
        # their feeling named and understood
        "I understand your frustration with the school.",
        "I can understand your worry about the scan.",
        "We hear your concerns.",
        # appreciation of their openness
        "Thank you for your honesty.",
        "Thanks for your message, it means a lot that you wrote.",
        # worth, said against a hurt or blame
        "You're not the problem here.",
        "You are not to blame for what he did.",
        "You did nothing wrong.",
        "You haven't done anything wrong.",
        "You don't deserve to be treated like that.",
        "You didn't deserve any of this.",
        # offers to listen
        "You can always talk to me.",
        "I'll hear you out whenever you're ready.",
        # warmth and wishes
        "Sending lots of love your way.",
        "Sending prayers to you and your mum.",
        "I wish you the best with the interview.",
        # strengths and what they will be
        "You are clearly such a hard worker.",
        "You have so much going for you.",
        "I think you'll make a great dad.",
        "You would be a wonderful teacher.",
        # praise of their plan, said as a possibility
        "That would be a great idea.",
        # glad about them, not just about the news
        "I'm so glad to hear you're safe.",
        "I'm glad to hear that you told your sister.",
        "That is great to hear!",
        "It's great to see you looking after yourself.",
        "That's great!",
    ],
)
def test_validation(reply: str) -> None:
    assert "validation" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # my own hard time is a story about me
        "I had a really hard time with that as well.",
        "I have been having a difficult year too.",
        "When I was going through a rough time, I took up running.",
        # a bare answer to their news
        "I'm glad to hear that.",
        "I'm so happy to hear it!",
        # good in general, not about them
        "It is nice to have a dog around the house.",
        "It's a great way to meet people.",
        # their own harsh words reported back, not my view
        "Is there a voice telling you that you don't deserve help?",
        # a plain goodbye
        "Bye for now.",
        # advice, not praise of their plan
        "It would be a good idea to call the GP.",
        "That would be a good idea to raise with your doctor.",
    ],
)
def test_not_validation(reply: str) -> None:
    assert "validation" not in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # reassurance that brushes the worry aside stays a pitfall, not validation
        "You'll be fine, don't worry.",
        "You'll find someone better.",
    ],
)
def test_brushing_aside_is_not_validation(reply: str) -> None:
    found = analyse(reply, "")
    assert "validation" not in found.skill_names
    assert found.pitfall_names


def test_offering_to_listen_as_a_question_is_a_question_and_an_offer() -> None:
    # the same offer as "I'm here if you want to talk", asked
    assert skills("Do you want to talk about it?") == ["closed_question", "validation"]
    assert "validation" in skills("Wanna vent?")
    # a suggestion to talk to someone else, or a question about what to talk about
    assert "validation" not in skills("Would you like to talk to a counsellor?")
    assert "validation" not in skills("What do you want to talk about?")
    assert "validation" not in skills("Is there anything you'd like to talk about?")


# ------------------------------------------------------------- second pass
# Warmth and concern, affirmed qualities and efforts, worth said against a hurt, and
# support that stays with them.


@pytest.mark.parametrize(
    "reply",
    [
        # a harsh word about themselves, disputed
        "You're not a bother at all.",
        "You are not worthless.",
        "You aren't lazy, you're exhausted.",
        # a quality or an effort noticed
        "You seem really determined to sort this out.",
        "You're clearly so patient with him.",
        "You are doing the best you can.",
        "You did everything you could.",
        "I'm impressed that you went back the next day.",
        "I admire how you stood up for yourself.",
        "That's inspiring.",
        "Moving out was a step in the right direction.",
        # confidence in how they will cope
        "I think you can handle this.",
        "I think you'll find a way through.",
        # anyone would feel it; their feeling is legitimate
        "Anybody would be upset after that.",
        "Most people in your position would struggle.",
        "I don't think that's weird at all.",
        "What you feel is completely valid.",
        "You have every reason to be angry.",
        "You were right to be worried.",
        # what was done to them, named as wrong
        "Honestly, that's really messed up.",
        "That was cruel of her.",
        # harder still for them
        "It must be even harder with the holidays coming.",
        # their pain moves me; concern for them
        "I can't imagine how painful that must be.",
        "That breaks my heart.",
        "My heart aches for you.",
        "I'm really worried about you.",
        # understood and shared
        "I know that feeling.",
        "I can totally relate.",
        # support that stays with them
        "We're in this together.",
        "You don't have to face this alone.",
        "You're not struggling alone.",
        "We'll listen.",
        # their worth named
        "Your life has value.",
        "Everyone has worth, you included.",
        # warm wishes, said without "I am"
        "So glad you reached out.",
        "Hope you start feeling better soon.",
        "Sorry to read about your dad.",
    ],
)
def test_validation_second_pass(reply: str) -> None:
    assert "validation" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # a condition, not a quality noticed
        "If you are patient, she may come round.",
        # my own heartbreak, my own worries
        "She broke my heart last year.",
        "I'm worried about my exam tomorrow.",
        # a step suggested, not one they took
        "A step in the right direction would be to call the GP.",
        # a promise that all will be well stays out ("I think you'll be fine")
        "I think you'll be fine.",
        # a question about what they might cope with, not confidence in them
        "Do you think you can handle it?",
        # their state named is a reflection, not my appraisal of it
        "You are going through a hard time.",
        # not their worth: a thing's value
        "The house has value.",
    ],
)
def test_not_validation_second_pass(reply: str) -> None:
    assert "validation" not in skills(reply)


def test_my_own_hard_time_in_a_share_is_not_validation() -> None:
    share = "I went through a breakup last year and it was awful."
    assert skills(share) == ["self_disclosure"]
    # sympathy beside my share still validates them
    assert "validation" in skills("I lost my dad too and I'm so sorry.")
    # naming their hard time in the same breath still validates
    assert "validation" in skills("I went through it too, and it's awful that you're alone in it.")


@pytest.mark.parametrize(
    "reply",
    [
        "Anyone else in your position would feel exactly the same.",
        "It's especially hard when the holidays come round.",
        "Please remember there are people out there who care about you.",
        "I can really identify with that.",
        "Thank you for trusting me with this.",
        # appreciating what they shared, or the step they took
        "Thank you for sharing that with me.",
        "Thank you for reaching out.",
        "You're so right to be wary of him.",
        "I hope you're feeling a bit less alone tonight.",
    ],
)
def test_validation_third_pass(reply: str) -> None:
    assert "validation" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # thanks for the chat itself is a courtesy (thanks for what they shared still counts)
        "Thanks for chatting with me tonight.",
        # a bare "you're right" agrees with a point; "right now" is a time
        "You're right, the shop shuts at six.",
        "I know how busy you are right now.",
        # a greeting, not care for their trouble
        "Hope you are doing well.",
        "Hi, I hope you're having a nice weekend.",
        # hard for me, not for them
        "It was especially hard for me last winter.",
    ],
)
def test_not_validation_third_pass(reply: str) -> None:
    assert "validation" not in skills(reply)
