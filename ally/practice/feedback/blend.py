"""Rules and the learned scorer, combined: one decision per label.

The rules are precise and explain themselves; the model, trained on the project's own
corpus, catches the phrasings no rule names. For each label the weights file carries a
policy chosen on the corpus validation split (never on the test split or the listening
benchmark):

- ``rules``: keep what the rules found (the model is not better there);
- ``model``: the label is present when the model's score reaches the threshold, and a
  rule finding the model does not back is dropped;
- ``either``: present when a rule finds it or the model's score reaches the threshold.

A label only the model found gets a finding like any other: its span is the phrase that
pushed the score up most (to the end of its clause), and its ``source`` says "model",
with the score and the top features kept for ``--explain``. Safety moves still count only
in a risk exchange, and the decision about risk is blended first.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ally.practice.feedback.features import features
from ally.practice.feedback.findings import (
    _PITFALL_REASON,
    _PITFALL_SUGGESTION,
    _SKILL_REASON,
    _SKILL_SUGGESTION,
    Finding,
)
from ally.practice.feedback.model import Scorer
from ally.practice.feedback.safety import _WHY
from ally.practice.feedback.sentences import _clause_end, _content_stems, _Sentence

# Word features name a place in the reply; the others (marks, length, the rules' own
# findings, what they said) do not.
_PLACED = ("w:", "b:", "s:", "k:", "q:")


@dataclass(frozen=True)
class Reading:
    """What the rules found in one reply, before and after blending."""

    skills: list[Finding]
    pitfalls: list[Finding]
    safety: list[Finding]
    risk: bool
    context_risk: bool = False  # what they said carries risk (before the reply)
    context_words: tuple[str, ...] = ()  # what they said, as the tokeniser reads it

    def names(self) -> list[str]:
        found = [f.name for f in (*self.skills, *self.pitfalls, *self.safety)]
        return [*dict.fromkeys(found), *(["risk"] if self.risk else [])]


def blend(reading: Reading, sentences: list[_Sentence], scorer: Scorer) -> Reading:
    """The reading after each label's policy has weighed the rules against the model."""
    reply = [word for s in sentences for word in s.words]
    feats = features(
        reply, reading.context_words, reading.names(), context_risk=reading.context_risk
    )
    scores = scorer.scores(feats)

    def decide(label: str, by_rules: bool) -> bool:
        policy = scorer.policy.get(label)
        if policy is None or policy.combine == "rules":
            return by_rules
        by_model = scores[label] >= policy.threshold
        return by_model if policy.combine == "model" else by_rules or by_model

    def settle(found: list[Finding], names: tuple[str, ...]) -> list[Finding]:
        out = []
        for label in names:
            mine = [f for f in found if f.name == label]
            if not decide(label, bool(mine)):
                continue
            if mine:
                out.extend(mine)
                continue
            if label == "dismissing" and _grants_their_request(reading, sentences):
                continue
            f = _model_finding(label, scores[label], feats, sentences, scorer)
            if f is not None and not _labels_them(f, found):
                out.append(f)
        return out

    return Reading(
        skills=settle(reading.skills, _SKILLS),
        pitfalls=settle(reading.pitfalls, _PITFALLS),
        safety=settle(reading.safety, _SAFETY),
        risk=decide("risk", reading.risk),
        context_risk=reading.context_risk,
        context_words=reading.context_words,
    )


_SKILLS = tuple(_SKILL_REASON)
_PITFALLS = tuple(_PITFALL_REASON)
_SAFETY = tuple(_WHY)


def _labels_them(added: Finding, found: list[Finding]) -> bool:
    """Whether the model's dismissing starts inside a phrase the rules call judgment:
    "Don't be selfish" labels them (judgment), where "don't be daft" before a reassurance
    brushes the feeling aside (dismissing; codebook 4.2). One phrase, one label, except
    for the label-as-order set ("Don't be so dramatic, nobody's going anywhere"), which the
    corpus codes as both."""
    return added.name == "dismissing" and any(
        f.name == "judgment"
        and f.source.startswith("pitfalls.judgment:")
        and f.start <= added.start < f.end
        for f in found
    )


_YES = frozenset({"yes", "yeah", "yep", "yup", "sure", "okay", "absolutely", "definitely", "of"})
# what they said asks the supporter for something, or says what they want: "Can you come
# with me?", "I want help with this."
# what they said opens by agreeing: "Okay. I don't want to feel like this."
_AGREED_WORDS = frozenset({"okay", "yes", "yeah", "alright", "fine"})
_ASKS_OR_WANTS = frozenset(
    {
        ("can", "you"),
        ("could", "you"),
        ("would", "you"),
        ("will", "you"),
        ("can", "we"),
        ("could", "we"),
        ("i", "want"),
        ("i", "need"),
        ("let", "us"),
    }
)


def _grants_their_request(reading: Reading, sentences: list[_Sentence]) -> bool:
    """Whether the reply opens by saying yes to something they just asked for or agreed
    to ("Can you come to the doctor with me?", "I want help with this.", "Okay. I don't
    want to feel like this." -> "Yes. Let's do it now."):
    going along with their own request changes no subject, so the model's dismissing is
    not added."""
    said = reading.context_words
    asks = any(pair in _ASKS_OR_WANTS for pair in itertools.pairwise(said))
    agreed = any(w in _AGREED_WORDS for w in said[:2])  # "Okay. I don't want to..."
    if not ((asks or agreed) and sentences and sentences[0].word(0) in _YES):
        return False
    # and brings in nothing of its own ("Of course. Will you be back by the fifteenth?"
    # still changes the subject)
    reply = [word for s in sentences for word in s.words]
    return not (_content_stems(reply) - _content_stems(said))


def _why(label: str) -> tuple[str, str, str]:
    """The kind, reason and suggestion a finding of ``label`` carries."""
    if label in _SKILL_REASON:
        return "skill", _SKILL_REASON[label], _SKILL_SUGGESTION[label]
    if label in _PITFALL_REASON:
        return "pitfall", _PITFALL_REASON[label], _PITFALL_SUGGESTION[label]
    return "safety", *_WHY[label]


def _model_finding(
    label: str, score: float, feats: set[str], sentences: list[_Sentence], scorer: Scorer
) -> Finding | None:
    """A finding for ``label`` at the phrase that contributed most to its score."""
    top = scorer.contributions(label, feats)
    for feat, _ in top:
        if not feat.startswith(_PLACED):
            continue
        span = _locate(feat, sentences)
        if span is None:
            continue
        kind, reason, suggestion = _why(label)
        return Finding(
            name=label,
            kind=kind,
            start=span[0],
            end=span[1],
            reason=reason,
            suggestion=suggestion,
            source="model",
            score=round(score, 3),
            evidence=tuple(f for f, _ in top[:5]),
        )
    return None


def _locate(feat: str, sentences: list[_Sentence]) -> tuple[int, int] | None:
    """Where the words of a feature sit in the reply, to the end of their clause."""
    wanted = [w for w in feat[2:].split() if w not in ("<s>", "</s>")]
    if not wanted:
        return None
    n = len(wanted)
    for s in sentences:
        words = ["<num>" if w.isdigit() else w for w in s.words]
        for i in range(len(words) - n + 1):
            if words[i : i + n] == wanted:
                end = _clause_end(s, i + n)
                return s.w.starts[i], s.w.ends[max(i, end - 1)]
    return None
