"""Advice and information the feedback engine recognises, on example replies written for ally."""

from __future__ import annotations

import pytest

from ally.practice.feedback import analyse

from conftest import skills

# ---------------------------------------------------------------------- advice


@pytest.mark.parametrize(
    "reply",
    [
        # the speaker's recommendation, with a word of emphasis
        "I do recommend talking to your sister about it.",
        "I would definitely recommend getting a second opinion.",
        "I'd really encourage you to keep the appointment.",
        "I advise you to sleep on it before deciding.",
        # what I would do, with a word of emphasis, offered as their course
        "I'd definitely phone the surgery first thing tomorrow.",
        "I would just tell him how it made you feel.",
        # another course open to them
        "You can also ask the library about their reading group.",
        "You can always phone the night line instead.",
        # a resource pointed out for them
        "There are some free courses you could sign up for.",
        "There are local walking groups you might enjoy.",
        # the best course for them
        "What you need to do is write down everything that was said.",
        "It might be better for you to wait until the weekend.",
        # suggestions asked as questions
        "Could you possibly ask your manager for a later start?",
        "Is there a way you could swap shifts with a colleague?",
        "Is there an easier way to get to your mum's on Sundays?",
        "Have you asked your GP about it?",
        "Have you looked online for a carers' group nearby?",
        "Are you open to trying a different counsellor?",
        "Are you familiar with the breathing exercise where you count to four?",
        # instructions that are not just reassurance
        "Remember to take your tablets with food.",
        "Don't be afraid to ask for a day off.",
        "Arrange a time when you can both talk without the kids around.",
    ],
)
def test_advice(reply: str) -> None:
    assert "advice" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # a reminder of something true, or of how not to feel, reassures
        "Remember, you're not on your own with this.",
        "Just remember that you did everything you could.",
        "Don't be so hard on yourself.",
        "Don't feel bad about needing a rest.",
        "Don't let one awful shift define you.",
        # confidence in them, not a course of action
        "You can always get through this, you've done it before.",
        # reassurance about the past, not a resource
        "There is nothing you could have done differently.",
        # a guess about them, not a suggestion
        "It sounds like maybe you were carrying all of it alone.",
        # the speaker checking they understood
        "Let me make sure I've got the order of things right.",
        # a goodbye after "maybe", not a suggestion
        "Maybe see you at the group next week.",
        # what I would feel, not what they should do
        "I would really love to have a sister like that.",
    ],
)
def test_not_advice(reply: str) -> None:
    assert "advice" not in skills(reply)


def test_suggestion_question_is_not_counted_as_a_question() -> None:
    found = skills("Have you asked your GP about it?")
    assert "advice" in found
    assert "closed_question" not in found


# ----------------------------------------------------------------- information


@pytest.mark.parametrize(
    "reply",
    [
        "It's a free service for anyone caring for a relative.",
        "The line is a charity that offers confidential support at night.",
        "I've read that regular sleep makes a real difference to low mood.",
        "According to the leaflet, the first session is just a chat.",
        "Grief often comes back around anniversaries and birthdays.",
    ],
)
def test_information(reply: str) -> None:
    assert "information" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # an exclamation reacts rather than informs
        "The garden looks so much brighter now that the fence is painted!",
        # a comment that argues or regrets, not a fact
        "Unfortunately the weekends are when the house feels emptiest.",
        "Even the best plans go wrong some days.",
        "Just the drive there takes most of the morning.",
    ],
)
def test_not_information(reply: str) -> None:
    assert "information" not in skills(reply)


# ------------------------------------------------- advice and information, second pass


@pytest.mark.parametrize(
    "reply",
    [
        # the way forward laid out as a step, a key or a matter to raise
        "The first step is to book a longer appointment with the GP.",
        "The next step would be writing down what you want to say to her.",
        "The key is to start with ten minutes a day.",
        "This would be something to explore with a counsellor.",
        "It's something that should be raised with the school nurse.",
        # a real instruction still counts
        "Keep a diary of when the panic comes on.",
        "Be honest with her about how tired you are.",
    ],
)
def test_advice_second_pass(reply: str) -> None:
    assert "advice" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # cheering on and kindness to themselves, not a course of action
        "Keep on pushing, you're nearly there.",
        "Keep safe tonight.",
        "Be proud of yourself for asking.",
        "Be gentle with yourself this week.",
        # a noun opening a statement, not an order
        "Trust is something you build slowly.",
        "Sleep is the first thing to go when you're worried.",
        # a step that is merely good enough, not the step to take
        "Getting out of bed at all as a first step is good enough.",
    ],
)
def test_not_advice_second_pass(reply: str) -> None:
    assert "advice" not in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # a generalisation, flagged as one
        "Usually the first few weeks on a new tablet are the roughest.",
        "Often the worry is worse than the appointment itself.",
        # a source, hedged
        "As far as I know, the clinic takes walk-ins on Tuesdays.",
        "From what I know, carers can ask the council for an assessment.",
        "I saw online that the helpline now has a text service.",
        # how the body works
        "Your brain releases more stress hormones when you're short of sleep.",
        # what a treatment does to their health
        "The common side effects usually wear off after a fortnight.",
        "Walking every day lowers the risk of another fall.",
        "Did you know that caffeine stays in your system for hours?",
        # what a service is, said with "to"
        "It's an app to track your mood through the day.",
        # a noun opening a statement is information, not an order
        "Research shows that talking it through lowers stress.",
    ],
)
def test_information_second_pass(reply: str) -> None:
    assert "information" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # a habit of mine, not a generalisation
        "Usually I just go for a run when my head is full.",
        # advice flagged with "often", not a fact
        "Often it helps to write the questions down before you go in.",
        # reassurance and platitudes tell them nothing new
        "The worst of it gets easier with time and patience.",
        "Everything with the house move will be okay in the end.",
        "This too shall pass, like the last rough patch did.",
        # what their body needs is a suggestion, not how the body works
        "Maybe your body needs a few quiet days to recover.",
        # a question about what they know, not a fact
        "Who do you know that you can call on a bad night?",
    ],
)
def test_not_information_second_pass(reply: str) -> None:
    assert "information" not in skills(reply)


# --------------------------------------------------------- information, third pass


@pytest.mark.parametrize(
    "reply",
    [
        # what a treatment does to their health, said of "the risk" across a line break
        "Cutting down on salt lowers your risk of a second stroke.",
        # a source, hedged: what I have seen or heard
        "From what I've seen, carers who take short breaks cope better over the years.",
        "From what I've heard, the waiting list at that clinic is about six weeks.",
        "Research has consistently shown that sleep and mood are closely tied.",
        # what a word or a condition means
        "Burnout is what we call it when exhaustion builds up over months.",
        "If the tiredness lasts more than a fortnight, that's when it becomes a concern.",
        # how a medicine is taken, and the dose
        "You take it once a day, ideally with breakfast.",
        "The usual start is one tablet at night.",
        "Most GPs start people on a low dose first.",
        "The recommended limit is fourteen units over a week.",
        # results fed back
        "Your blood pressure was a bit higher than last month.",
        # one of the leading facts
        "Loneliness is one of the most common reasons older people visit a GP.",
        # the speaker's role and what a rule allows
        "My job is to help you find the services you're entitled to.",
        "Checking in on the residents is part of my role here.",
        "You're not allowed to drive for a month after the operation.",
    ],
)
def test_information_third_pass(reply: str) -> None:
    assert "information" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # openness is about the person, not a service
        "You are open to new ideas and it shows.",
        # what I've read in their message is a reflection, not a source
        "From what I have read, you feel let down by your brother.",
        # what something means to me is feeling, not a definition
        "It means a lot that you told me about it.",
        # a person among the best, not a leading fact
        "She is one of the kindest people I know.",
        # a risk they took, not a risk that a treatment lowers
        "You took a real risk going back to see him.",
    ],
)
def test_not_information_third_pass(reply: str) -> None:
    assert "information" not in skills(reply)


def test_a_general_remark_beside_empathy_backs_it_up_rather_than_informing() -> None:
    remark = "Grief comes in waves and the first winter is the hardest one."
    assert analyse(remark, "").skill_names == ["information"]
    # beside a question it still tells them something
    assert analyse(remark + " What has this week been like?", "").skill_names == [
        "open_question",
        "information",
    ]
    # beside a reflection it normalises what they feel
    with_reflection = analyse(remark + " It sounds like this week has been brutal.", "")
    assert "information" not in with_reflection.skill_names
    assert "reflection" in with_reflection.skill_names


# ------------------------------------------------------------ advice, third pass


@pytest.mark.parametrize(
    "reply",
    [
        # a step said to be worth taking
        "It might be worth asking your neighbour first.",
        "It's always worth talking to someone you trust.",
        # a step offered for them to weigh, asked as a question
        "What would you think about trying it for a fortnight?",
        "Do you think it might help to write it all down?",
        "Is it possible that you could leave work an hour early?",
        "Would you be open perhaps to seeing the nurse about it?",
        "Have you signed up with a local walking group?",
        # whether they have turned to someone yet
        "Have you had a chat with your sister about it?",
        # asking whether they are open to a step
        "I wonder if you'd be willing to try it for a week.",
        # what they still have to do, or can do next
        "You still have to tell your landlord in writing.",
        "Once you've slept on it, you can then ask him what he meant.",
        # something to keep in mind
        "That may be something to think about before the meeting.",
    ],
)
def test_advice_fourth_pass(reply: str) -> None:
    assert "advice" in skills(reply)


@pytest.mark.parametrize(
    "reply",
    [
        # pointing something out, or praise, is not a suggestion
        "It's worth noting that the side effects are rare.",
        "Getting through the week like that is worth celebrating.",
        # what matters to someone
        "It's important to you that your kids feel safe.",
        # a guess about them
        "You must like living by the sea.",
        "So you were maybe hoping for a quiet evening.",
        # what they are able to do, or what I'd rather
        "You can help her more than you think.",
        "I would prefer to hear it from you first.",
        # asking about what they think, not offering a step
        "What do you think about what she said?",
    ],
)
def test_not_advice_fourth_pass(reply: str) -> None:
    assert "advice" not in skills(reply)
