"""analyse() and detect_skills(): run each family over the sentences of a reply, settle
how the families interact, and build the Feedback.
"""

from __future__ import annotations

from dataclasses import replace

from ally.practice.feedback import model
from ally.practice.feedback.advice import (
    _IMPERATIVE,
    _asking_and_advising,
    _marked_premature,
    _premature,
)
from ally.practice.feedback.blend import Reading, blend
from ally.practice.feedback.disclosure import _LONG_STORY, _disclosure, _self_focus
from ally.practice.feedback.findings import PITFALLS, SKILLS, Feedback, Finding, _pitfall
from ally.practice.feedback.information import _general_statements, _information
from ally.practice.feedback.pitfalls import _all_phrase_pitfalls
from ally.practice.feedback.reflection import (
    _on_topic,
    _reflection,
    _share_on_topic,
    _their_words_back,
    _you_statement,
)
from ally.practice.feedback.safety import (
    _connects_to_help,
    _safety_moves,
    _secrecy_promise,
    harm_in,
    leading_question,
    limits_secrecy,
    reply_signals_risk,
    risk_in,
)
from ally.practice.feedback.sentences import _STRAIGHTEN, _content_stems, _Sentence, _sentences
from ally.practice.feedback.validation import _my_own_hard_time, _validation
from ally.practice.feedback.verdict import _verdict
from ally.practice.feedback.words import words_of


def _sentence_skills(s: _Sentence, context_stems: frozenset[str], on_topic: bool) -> list[Finding]:
    """The skills in one sentence. ``on_topic`` says the reply as a whole takes up words
    of what they said, so a share of my own in it answers their story."""
    question, advice, asks_them = _asking_and_advising(s)
    said_back = None
    if advice is not None and advice.source == _IMPERATIVE:
        # "Sleep and a different job." after "Sleep. A different job.": their words said
        # back, not an instruction
        said_back = _their_words_back(s, context_stems)
        advice = None if said_back is not None else advice
    reflection = said_back or _reflection(
        s, context_stems, advice is not None or question is not None
    )
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


def analyse(
    reply: str,
    context: str = "",
    *,
    explored: bool = False,
    risk: bool = False,
    learned: bool = True,
    done: frozenset[str] = frozenset(),
) -> Feedback:
    """Feedback on ``reply``, which answers the loved one's ``context``.

    ``explored`` says the user already asked or reflected earlier in the session, so
    advice in this reply is not premature. ``risk`` says the conversation is already
    known to involve risk of suicide or self-harm (a practice scenario about it), even if
    the line it answers does not say so. ``learned=False`` runs the rules alone (the
    learned scorer is trained on what the rules alone find). ``done`` names the safety
    moves already made earlier in the conversation, so the verdict does not ask for them
    again.
    """
    sentences = _sentences(reply)
    reading = rules(sentences, context, risk=risk)
    scorer = model.scorer() if learned else None
    if scorer is not None:
        reading = blend(reading, sentences, scorer)
    return _feedback(reply, reading, explored, done)


def rules(sentences: list[_Sentence], context: str, *, risk: bool = False) -> Reading:
    """What the rules alone find."""
    theirs = _sentences(context)
    skills = _skills(sentences, context)
    context_risk = risk or risk_in(theirs)
    risky = context_risk or reply_signals_risk(sentences)
    safety = _safety_moves(sentences, risky, theirs)
    pitfalls = _all_phrase_pitfalls(sentences)
    pitfalls = _secrecy_read_in_context(pitfalls, sentences, theirs, risky)
    focus = _self_focus(sentences, skills)
    if focus is not None:
        pitfalls.append(focus)
    return Reading(
        skills=skills,
        pitfalls=pitfalls,
        safety=safety,
        risk=risky,
        context_risk=context_risk,
        context_words=tuple(word for s in theirs for word in s.words),
    )


# Safety moves kept whatever the context: asking directly (which makes it a risk exchange),
# pointing to help (codebook 5.4), and staying with them where the scorer finds it (5.5.1).
_ANY_EXCHANGE = frozenset({"asks_about_suicide", "connects_to_help", "stays_with_them"})


def _feedback(reply: str, reading: Reading, explored: bool, done: frozenset[str]) -> Feedback:
    """The Feedback for a settled reading: how the findings bear on each other, and the
    verdict."""
    pitfalls = reading.pitfalls
    # a safety move counts only when the exchange involves risk (asking directly makes it),
    # except pointing to help, which counts in any exchange (codebook 5.4)
    safety = [f for f in reading.safety if reading.risk or f.name in _ANY_EXCHANGE]
    risky = reading.risk or any(f.name == "asks_about_suicide" for f in safety)
    # outside a risk exchange a move sits beside the skills (a GP suggested for burnout is
    # still advice, and may still come too early); only in one does it shape them and the
    # verdict
    shaping = safety if risky else []
    # the words that raise a pitfall earn no skill: "I know exactly how you feel, my dog
    # died last year" is not understanding
    skills = [f for f in reading.skills if not _overlaps(f, _discrediting(f, pitfalls))]
    if shaping:
        skills = _safety_first(skills, shaping)
    premature = _premature(skills, explored)
    if premature:
        skills = _marked_premature(skills)
    skills.sort(key=lambda f: (f.start, SKILLS.index(f.name)))
    pitfalls = sorted(pitfalls, key=lambda f: (f.start, PITFALLS.index(f.name)))
    skill_names = [n for n in SKILLS if any(f.name == n for f in skills)]
    pitfall_names = [n for n in PITFALLS if any(f.name == n for f in pitfalls)]
    leading = risky and not shaping and leading_question(reply)
    return Feedback(
        reply=reply,
        skills=tuple(skills),
        pitfalls=tuple(pitfalls),
        verdict=_verdict(
            skill_names, pitfall_names, premature, [f.name for f in shaping], leading, done
        ),
        premature_advice=premature,
        safety=tuple(safety),
        risk=risky,
    )


def _secrecy_read_in_context(
    pitfalls: list[Finding],
    sentences: list[_Sentence],
    theirs: list[_Sentence],
    risky: bool,
) -> list[Finding]:
    """A promise of secrecy is a pitfall when the secret is a risk (or not told yet), not
    when it is good news kept quiet: "Cross my heart, I won't tell. Congratulations!".
    Keeping it from one person while the reply opens a route to help is a limited promise,
    not this pitfall (codebook 4.4): "I won't go to your mum, but would you see the school
    nurse with me?". Keeping it from everyone stays a promise whatever follows it."""
    agreed = _secrecy_promise(sentences, theirs, risky)
    phrased = [f for f in pitfalls if f.name == "secrecy_promise"]
    others = [f for f in pitfalls if f.name != "secrecy_promise"]
    if limits_secrecy(sentences):
        return others
    if agreed is not None:
        start, end, rule = agreed
        found = [_pitfall("secrecy_promise", start, end, rule)]
    else:
        # said without being asked: a pitfall where there is risk or harm, or nothing is known
        found = phrased[:1] if (risky or not theirs or harm_in(theirs)) else []
    if found and not _kept_from_everyone(sentences, found[0]) and _opens_help(sentences):
        return others
    return [*others, *found]


def _opens_help(sentences: list[_Sentence]) -> bool:
    """Whether the reply proposes a route to help (read whether or not there is risk)."""
    return any(_connects_to_help(s) is not None for s in sentences)


_EVERYONE = frozenset({"anyone", "anybody", "nobody", "soul", "word", "everyone", "everybody"})


def _kept_from_everyone(sentences: list[_Sentence], promise: Finding) -> bool:
    """Whether a promise of secrecy keeps it from everyone ("I won't tell anyone", "not a
    word", "my lips are sealed"), not from one person ("I won't tell your mum")."""
    words = {
        word
        for s in sentences
        for word, start in zip(s.w.words, s.w.starts, strict=True)
        if promise.start <= start < promise.end
    }
    named = {"your", "her", "him", "them", "the", "mum", "dad", "mom"} & words
    return bool(_EVERYONE & words) or not named


# In a risk exchange a safety question is right as a plain yes/no question, and offering
# help is not advice given too early.
_SAFETY_QUESTION = (
    "A plain yes/no question is right here: it asks about safety in words they can answer.",
    "Then listen to the answer without rushing to fix it.",
)


def _discrediting(skill: Finding, pitfalls: list[Finding]) -> list[Finding]:
    """The pitfalls whose words cannot also earn ``skill`` (codebook 4.3: "I know exactly
    how you feel, my dog died last year" is self-focus, not a share of one's own). Advice
    or information inside a story of one's own is still advice or information, and a long
    story of one's own is still a share, and still shows understanding where it names
    their topic. A model's finding names only the phrase that weighed most, not the words
    that make the pitfall, so it takes no credit away (the verdict still praises no reply
    with a pitfall)."""
    pitfalls = [p for p in pitfalls if p.source != "model"]
    if skill.name in ("information", "advice"):
        return [p for p in pitfalls if p.name != "self_focus"]
    return [p for p in pitfalls if p.source != _LONG_STORY]


def _overlaps(f: Finding, others: list[Finding]) -> bool:
    return any(f.start < m.end and m.start < f.end for m in others)


_ASKING_MOVES = ("asks_about_suicide", "asks_about_urgency")


def _safety_first(skills: list[Finding], safety: list[Finding]) -> list[Finding]:
    out = []
    asking = [m for m in safety if m.name in _ASKING_MOVES]
    for f in skills:
        if not _overlaps(f, safety):
            out.append(f)
        elif f.name in ("open_question", "closed_question") or (
            # "Have you thought about ending it all?" reads like "have you thought about
            # trying ...", but asks: a question, not a suggestion (codebook 5.1)
            f.name == "advice" and _overlaps(f, asking)
        ):
            # "Have you thought about how you would do it?" asks for a yes or a fact: a
            # plain question, and the right one here
            out.append(
                replace(
                    f,
                    name="closed_question",
                    reason=_SAFETY_QUESTION[0],
                    suggestion=_SAFETY_QUESTION[1],
                )
            )
        elif f.name != "advice":  # offering help in a crisis is a safety move, not advice
            out.append(f)
    return out
