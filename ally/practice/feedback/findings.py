"""What the engine reports: Finding and Feedback, the skill, pitfall and safety labels,
the one-line reasons and suggestions, and the builders that turn a match into a Finding.
"""

from __future__ import annotations

from dataclasses import dataclass

from ally.practice.feedback.phrases import Phrases
from ally.practice.feedback.sentences import _clause_end, _Sentence

SKILLS = (
    "open_question",
    "closed_question",
    "reflection",
    "validation",
    "advice",
    "self_disclosure",
    "information",
)
PITFALLS = ("minimising", "judgment", "self_focus", "secrecy_promise", "dismissing")
# Moves that keep someone safe when suicide or self-harm may be at stake (#BeThe1To, QPR).
SAFETY = (
    "asks_about_suicide",
    "asks_about_urgency",
    "means_safety",
    "connects_to_help",
    "stays_with_them",
)


@dataclass(frozen=True)
class Finding:
    """One skill, pitfall or safety move, the span of the reply that shows it, and the id
    of the rule that found it (``source``: "reflection.guess:12", "advice.imperative")."""

    name: str
    kind: str
    start: int
    end: int
    reason: str
    suggestion: str
    source: str = ""


@dataclass(frozen=True)
class Feedback:
    """Everything the engine noticed about one reply."""

    reply: str
    skills: tuple[Finding, ...]
    pitfalls: tuple[Finding, ...]
    verdict: str
    premature_advice: bool
    safety: tuple[Finding, ...] = ()
    risk: bool = False  # the reply or what it answers signals suicide or self-harm risk

    @property
    def skill_names(self) -> list[str]:
        found = {f.name for f in self.skills}
        return [name for name in SKILLS if name in found]

    @property
    def pitfall_names(self) -> list[str]:
        found = {f.name for f in self.pitfalls}
        return [name for name in PITFALLS if name in found]

    @property
    def safety_names(self) -> list[str]:
        found = {f.name for f in self.safety}
        return [name for name in SAFETY if name in found]


# A reply that hands the talk back to them after a share: a question or a reflection.
_HANDS_BACK = frozenset({"open_question", "closed_question", "reflection"})

# ----------------------------------------------------------- reasons and suggestions

_SKILL_REASON = {
    "open_question": "An open question lets them tell it their way, not yours.",
    "closed_question": "A yes/no question checks a fact but gives them little room to talk.",
    "reflection": "Saying back what you heard shows you listened and lets them correct you.",
    "validation": "Validating tells them their feelings make sense and are taken seriously.",
    "advice": "A suggestion can help, once they feel heard and want ideas.",
    "self_disclosure": "A short, relevant share of your own can make them feel less alone.",
    "information": "Accurate information can ease worry or show where help is.",
}
_SKILL_SUGGESTION = {
    "open_question": "Follow their answer with 'Tell me more' or say back what you heard.",
    "closed_question": "To open it up, start with 'what' or 'how': 'How has it been for you?'",
    "reflection": "Check you got it right: 'Is that how it feels?'",
    "validation": "Keep it tied to what they said, so it doesn't sound automatic.",
    "advice": "Ask first whether they want ideas, and offer them as options, not orders.",
    "self_disclosure": "Keep it short and hand it back: 'What's it like for you?'",
    "information": "Ask what they already know and how it fits their situation.",
}
_PREMATURE_ADVICE = "Before suggesting anything, find out more: 'What do you think might help?'"


_SHARED = (
    "Saying you've felt it too shows you understand, as long as the talk goes back to them.",
    "Then hand it back: 'What's it like for you?'",
)

_PITFALL_REASON = {
    "minimising": "Minimising makes their pain sound smaller than it feels to them.",
    "judgment": "Blame or labels make it less likely they will open up again.",
    "self_focus": "This turns the conversation to you, when they need the space.",
    "secrecy_promise": "Promising secrecy can trap you if they are at risk; safety comes first.",
    "dismissing": "Telling them not to feel it, or changing the subject, shuts the talk down.",
}
_PITFALL_SUGGESTION = {
    "minimising": "Acknowledge it instead: 'That sounds really hard.'",
    "judgment": "Stay curious instead: 'What's been making it so hard?'",
    "self_focus": "Keep any share short and hand it back: 'What's it like for you?'",
    "secrecy_promise": (
        "Say: 'I can't promise to keep it secret if you're in danger, but we'll decide together "
        "who to tell.'"
    ),
    "dismissing": "Stay with it: 'It's okay to feel this way. I'm listening.'",
}


# ---------------------------------------------------------------- rule ids
#
# Every finding names the rule that made it. A word pattern's id is its set's name and its
# number in the set ("advice.phrase:12", see phrases.py); a rule written as a function
# registers its id here, once, at import.

_FUNCTION_RULES: list[str] = []


def _rule(rule_id: str) -> str:
    """Register the id of a rule written as a function ("advice.imperative") and return it."""
    if rule_id in _FUNCTION_RULES:
        raise ValueError(f"rule id {rule_id} is used twice")
    _FUNCTION_RULES.append(rule_id)
    return rule_id


# ----------------------------------------------------------------- builders


def _finding(
    name: str, start: int, end: int, source: str, why: tuple[str, str] | None = None
) -> Finding:
    reason, suggestion = why or (_SKILL_REASON[name], _SKILL_SUGGESTION[name])
    return Finding(
        name=name,
        kind="skill",
        start=start,
        end=end,
        reason=reason,
        suggestion=suggestion,
        source=source,
    )


def _whole(name: str, s: _Sentence, source: str, why: tuple[str, str] | None = None) -> Finding:
    """A skill shown by the whole sentence, found by rule ``source``."""
    return _finding(name, s.start, s.end, source, why)


def _phrase(
    name: str, phrases: Phrases, s: _Sentence, why: tuple[str, str] | None = None
) -> Finding | None:
    """A skill shown by the first match of ``phrases`` in the sentence, to the end of its
    clause, or None."""
    found = phrases.find(s.w)
    if found is None:
        return None
    i, j, source = found
    j = _clause_end(s, j)
    return _finding(name, s.w.starts[i], s.w.ends[j - 1], source, why)


def _pitfall(name: str, start: int, end: int, source: str) -> Finding:
    return Finding(
        name=name,
        kind="pitfall",
        start=start,
        end=end,
        reason=_PITFALL_REASON[name],
        suggestion=_PITFALL_SUGGESTION[name],
        source=source,
    )
