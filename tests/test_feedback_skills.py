"""What the feedback on a reply says beyond its skill names: spans, reasons, suggestions,
verdicts, and the shape of the result. (Which skills a reply shows is scored on the
labelled cases in cases/skills_own.toml, by test_feedback_cases.py.)"""

from __future__ import annotations

import dataclasses

import pytest

from ally.practice.feedback import SKILLS, Feedback, Finding, analyse, detect_skills

from conftest import skills


def test_asking_directly_about_suicide_is_a_good_question_not_a_red_flag() -> None:
    feedback = analyse("Are you thinking about suicide?", "I just want it all to stop.")
    assert feedback.skill_names == ["closed_question"]
    assert feedback.pitfall_names == []
    assert "right thing" in feedback.verdict
    assert feedback.safety_names == ["asks_about_suicide"]
    assert "suicide" in feedback.safety[0].reason
    # a safety question is never told to become an open question
    assert "'what' or 'how'" not in feedback.skills[0].suggestion
    assert "right here" in feedback.skills[0].reason


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


def test_a_span_covers_the_whole_phrase_that_shows_the_skill() -> None:
    reply = "I'm really glad you told me."
    [finding] = analyse(reply).skills
    assert finding.name == "validation"
    assert reply[finding.start : finding.end] == "I'm really glad you told me"


def test_a_span_stops_at_the_end_of_its_clause() -> None:
    reply = "I'm so sorry, that sounds exhausting."
    validation = next(f for f in analyse(reply).skills if f.name == "validation")
    assert reply[validation.start : validation.end] == "I'm so sorry"


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
