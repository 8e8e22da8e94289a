"""analyse() and detect_skills(): run each family over the sentences of a reply, settle
how the families interact, and build the Feedback.
"""

from __future__ import annotations

from ally.practice.feedback.advice import _asking_and_advising, _marked_premature, _premature
from ally.practice.feedback.disclosure import _disclosure, _self_focus
from ally.practice.feedback.findings import PITFALLS, SKILLS, Feedback, Finding
from ally.practice.feedback.information import _general_statements, _information
from ally.practice.feedback.pitfalls import _phrase_pitfalls
from ally.practice.feedback.reflection import (
    _on_topic,
    _reflection,
    _share_on_topic,
    _you_statement,
)
from ally.practice.feedback.safety import _safety_moves, mentions_risk
from ally.practice.feedback.sentences import _STRAIGHTEN, _content_stems, _Sentence, _sentences
from ally.practice.feedback.validation import _my_own_hard_time, _validation
from ally.practice.feedback.verdict import _verdict
from ally.practice.feedback.words import words_of


def _sentence_skills(s: _Sentence, context_stems: frozenset[str], on_topic: bool) -> list[Finding]:
    """The skills in one sentence. ``on_topic`` says the reply as a whole takes up words
    of what they said, so a share of my own in it answers their story."""
    question, advice, asks_them = _asking_and_advising(s)
    reflection = _reflection(s, context_stems, advice is not None or question is not None)
    validation = _validation(s)
    # a plain statement about them, with nothing else going on, mirrors what they said
    if reflection is None and advice is None and validation is None and not asks_them:
        reflection = _you_statement(s)
    disclosure = _disclosure(s)
    if disclosure is not None and validation is not None and _my_own_hard_time(s, validation):
        validation = None
    if reflection is None and disclosure is not None and on_topic:
        reflection = _share_on_topic(s)
    found = [f for f in (question, advice, reflection, validation, disclosure) if f is not None]
    information = _information(s)
    if information is not None:
        found.append(information)
    return found


def _skills(sentences: list[_Sentence], context: str) -> list[Finding]:
    their_words = words_of(context.translate(_STRAIGHTEN))
    context_stems = _content_stems(their_words.words)
    on_topic = _on_topic(sentences, their_words, context_stems)
    found: list[Finding] = []
    quiet: list[_Sentence] = []  # sentences that show no skill of their own
    for s in sentences:
        in_sentence = _sentence_skills(s, context_stems, on_topic)
        found.extend(in_sentence)
        if not in_sentence:
            quiet.append(s)
    found.extend(_general_statements(found, quiet))
    return found


def detect_skills(text: str, context: str = "") -> list[str]:
    """Skill names found in ``text`` (for ``../shared/eval/score.py --callable``)."""
    found = {f.name for f in _skills(_sentences(text), context)}
    return [name for name in SKILLS if name in found]


def analyse(reply: str, context: str = "", *, explored: bool = False) -> Feedback:
    """Feedback on ``reply``, which answers the loved one's ``context``.

    ``explored`` says the user already asked or reflected earlier in the session, so
    advice in this reply is not premature.
    """
    sentences = _sentences(reply)
    skills = _skills(sentences, context)
    pitfalls = [f for s in sentences for f in _phrase_pitfalls(s)]
    focus = _self_focus(sentences, skills)
    if focus is not None:
        pitfalls.append(focus)
    premature = _premature(skills, explored)
    if premature:
        skills = _marked_premature(skills)
    skills.sort(key=lambda f: (f.start, SKILLS.index(f.name)))
    pitfalls.sort(key=lambda f: (f.start, PITFALLS.index(f.name)))
    skill_names = [n for n in SKILLS if any(f.name == n for f in skills)]
    pitfall_names = [n for n in PITFALLS if any(f.name == n for f in pitfalls)]
    safety = _safety_moves(reply)
    direct = any(f.name == "asks_about_suicide" for f in safety)
    return Feedback(
        reply=reply,
        skills=tuple(skills),
        pitfalls=tuple(pitfalls),
        verdict=_verdict(skill_names, pitfall_names, premature, direct),
        premature_advice=premature,
        safety=tuple(safety),
        risk=mentions_risk(reply) or mentions_risk(context),
    )
