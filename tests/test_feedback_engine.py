"""The parts of the feedback engine, one at a time: the tokeniser, the word-pattern
matcher, and how the combiner turns matches into findings, premature advice and a verdict."""

from __future__ import annotations

import pytest

from ally.practice.feedback import Phrases, analyse, words_of
from ally.practice.feedback.phrases import _pattern_lines, _sub, _words
from ally.practice.feedback.pitfalls import _MINIMISING
from ally.practice.feedback.reflection import _REFLECTION_GUESS

# ------------------------------------------------------------------- tokeniser


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


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("u ok? im here", ("you", "okay", "?", "i", "am", "here")),
        ("cant sleep cuz of work", ("can", "not", "sleep", "because", "of", "work")),
        ("you've won't they'll", ("you", "have", "will", "not", "they", "will")),
        ("Whats up", ("what", "is", "up")),
        ("u'd use it? u'll see", ("you", "would", "use", "it", "?", "you", "will", "see")),
    ],
)
def test_chat_spellings_read_like_the_full_words(text: str, words: tuple[str, ...]) -> None:
    assert words_of(text).words == words


def test_a_hyphen_inside_a_word_joins_two_words_but_a_dash_is_a_mark() -> None:
    assert words_of("self-harm").words == ("self", "harm")
    assert words_of("okay - fine").words == ("okay", "-", "fine")


def test_words_drop_a_spoken_stutter() -> None:
    assert words_of("Wh-what do you-you've got").words == ("what", "do", "you", "have", "got")


def test_possessives_split_off() -> None:
    assert words_of("my mum's car").words == ("my", "mum", "'s", "car")


# ------------------------------------------------------------------- matcher


_words("test_feelings", "sad low+key fed+up")
_sub("test_own_slip", "for|about my")


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        # alternatives, and "+" joining the words of one choice
        ("sorry|sad", "so sad", "sad"),
        ("a+lot|lots of", "a lot of it", "a lot of"),
        # optional and repeated items
        ("so|really? sorry", "I am really sorry", "really sorry"),
        ("so|really? sorry", "sorry", "sorry"),
        ("very* tired", "very very tired", "very very tired"),
        # gaps: any one word, up to n words (never across a mark)
        ("must _ hard", "it must be hard", "must be hard"),
        ("must _2 hard", "it must be so hard", "must be so hard"),
        ("must _1 hard", "it must be so hard", None),
        ("must _2 hard", "it must, so hard", None),
        # not followed by; not preceded by; not followed by a named sub-pattern
        ("sorry !for+my", "sorry for my late reply", None),
        ("sorry !for+my", "sorry for your loss", "sorry"),
        ("<if you feel", "if you feel low", None),
        ("<if you feel", "I know you feel low", "you feel"),
        ("sorry !:test_own_slip", "sorry about my typo", None),
        ("sorry !:test_own_slip", "sorry about your dad", "sorry"),
        # the start of a clause (after a mark or the opening fillers), and the end
        ("^ at least", "Well, at least", "at least"),
        ("^ at least", "hard at least", None),
        ("you can $", "I know you can.", "you can"),
        ("you can $", "you can go", None),
        # word sets, with phrases in them, and word tests
        ("feeling @test_feelings", "feeling fed up today", "feeling fed up"),
        ("keep @ing", "keep going", "keep going"),
        ("keep @ing", "keep it", None),
        # contractions are spelled out, so "i am" matches "I'm"
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


def test_the_longest_match_at_a_word_wins() -> None:
    phrases = Phrases("test.longest", "so sorry\nso sorry to hear")
    w = words_of("so sorry to hear that")
    assert phrases.search(w) == (0, 4)


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


def test_each_pattern_line_has_an_id_counted_without_comments_or_wrapped_lines() -> None:
    phrases = Phrases(
        "test.ids",
        """
        # a comment is not a pattern
        you feel
        you are so|
            very tired
        you seem
        """,
    )
    assert phrases.rule_ids() == ["test.ids:1", "test.ids:2", "test.ids:3"]
    w = words_of("I think you seem very tired")
    assert phrases.find(w) == (2, 4, "test.ids:3")
    w = words_of("you are very tired")
    assert phrases.find(w) == (0, 4, "test.ids:2")
    assert phrases.find(words_of("not here")) is None


def test_where_two_lines_make_the_same_match_the_first_is_named() -> None:
    phrases = Phrases("test.first", "sorry|sad\n_ \nsorry")
    w = words_of("sorry")
    assert phrases.rule_at(w, 0) == "test.first:1"
    assert phrases.rule_at(words_of("glad"), 0) == "test.first:2"
    assert phrases.rule_at(words_of(","), 0) == ""
    # a line that can start anywhere still counts in line order
    assert Phrases("test.anywhere_first", "_\nsorry").rule_at(w, 0) == "test.anywhere_first:1"


def test_a_word_set_can_be_named_only_once() -> None:
    with pytest.raises(ValueError):
        _words("test_feelings", "happy")


# ------------------------------------------------------------------- combiner


def _number(phrases: Phrases, line: str) -> int:
    return _pattern_lines(phrases._text).index(line) + 1


def test_a_finding_carries_its_rule_id_and_its_span() -> None:
    reply = "Oh no. That must be exhausting, honestly."
    finding = next(f for f in analyse(reply).skills if f.name == "reflection")
    rule = "that|it|this|which must|would|sounds|seems|can|could @intensity* @hard"
    assert finding.source == f"reflection.guess:{_number(_REFLECTION_GUESS, rule)}"
    # the span runs from the match to the end of its clause
    assert reply[finding.start : finding.end] == "That must be exhausting"


def test_a_rule_written_as_a_function_names_itself() -> None:
    reply = "Keep a diary of when the panic comes on."
    [advice] = analyse(reply).skills
    assert (advice.name, advice.source) == ("advice", "advice.imperative")
    assert reply[advice.start : advice.end] == reply
    [question] = analyse("You're seeing him tomorrow?").skills[:1]
    assert (question.name, question.source) == ("closed_question", "questions.marked_closed")


def test_pitfall_and_safety_findings_carry_their_rule_ids() -> None:
    feedback = analyse("At least you have a job. Call 999 if it gets worse.")
    [minimising] = feedback.pitfalls
    assert (
        minimising.source
        == f"pitfalls.minimising:{_number(_MINIMISING, '^ at least !:fair_at_least')}"
    )
    # no risk in the exchange: offering help is advice, not a safety move
    assert feedback.safety == ()
    reply = "I'm calling 999 now. What did you take?"
    urgency, help_ = analyse(reply, "I've taken a load of pills.").safety
    assert (help_.name, help_.source) == ("connects_to_help", "safety.help_name")
    assert reply[help_.start : help_.end] == "999 now"
    assert urgency.name == "asks_about_urgency"


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
    assert "find out more" not in feedback.skills[0].suggestion


def test_a_suggestion_asked_as_a_question_is_still_advice_first() -> None:
    feedback = analyse("Have you tried meditation?")
    assert feedback.skill_names == ["advice"]
    assert feedback.premature_advice


def test_the_verdict_never_praises_a_reply_that_raised_a_pitfall() -> None:
    feedback = analyse("That sounds hard. You'll be fine though.")
    assert feedback.skill_names and feedback.pitfall_names
    assert feedback.verdict.startswith("Watch out for brushing the feeling aside")
    assert "Good" not in feedback.verdict and "helps" not in feedback.verdict
    # a pitfall outranks premature advice too
    assert analyse("Cheer up, you should go out more.").verdict.startswith("Watch out for")


@pytest.mark.parametrize(
    ("context", "reply", "points"),
    [
        # what a help source can do for them, or a service there if they want it, counts
        # outside a risk exchange too (codebook 5.4, 5.4.1)
        (
            "Since the baby came I cry most days and I feel nothing for her.",
            "That sounds so lonely. The health visitor can help with exactly this, if you want.",
            True,
        ),
        (
            "Work's been crushing me and I can't switch off at night.",
            "That's a lot. There's a free counselling service through work if you ever want it.",
            True,
        ),
        (
            "My back's been bad and I'm so low about it.",
            "Would you ring the pain nurse with me tomorrow?",
            True,
        ),
        # a room, someone else's story, or a fact not put forward for them
        (
            "Everyone stares at me when I do my insulin at lunch.",
            "Could you do it in the nurse's office instead?",
            False,
        ),
        (
            "I had a miscarriage last month. I'm not coping.",
            "I'm so sorry. My cousin had counselling for years after hers.",
            False,
        ),
        (
            "I'm so stressed about money.",
            "Therapy waiting lists are awful round here.",
            False,
        ),
    ],
)
def test_help_put_forward_outside_a_crisis_is_pointing_to_help(
    context: str, reply: str, points: bool
) -> None:
    fb = analyse(reply, context)
    assert not fb.risk
    assert ("connects_to_help" in {f.name for f in fb.safety}) is points
