"""Risk cues in a practice conversation: talk of suicide or self-harm, and the replies
that answer it well (asking directly, pointing to help).

#BeThe1To and ALGEE both say: ask directly about suicide, never promise secrecy, and
connect the person with help. These checks let a practice session and
``ally practice check`` notice when the loved one's words (or the reply) carry a risk
cue, whether the reply asks the direct question, and whether it points to help.

Plain regular expressions, compiled at import. Pure: no printing, no clock, no
environment, no randomness.
"""

from __future__ import annotations

import re

__all__ = ["asks_about_suicide", "mentions_risk", "points_to_help"]


def _rx(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of the alternatives as whole words."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


def _straight(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


# ------------------------------------------------------------------ risk cues

_RISK = _rx(
    # naming it: "suicide", "suicidal", "self-harm", "overdose"
    r"suicid(?:e|al|ally)",
    r"self[- ]?harm(?:ing)?",
    r"overdos(?:e|ed|ing)",
    # killing or hurting oneself: "kill myself", "hurt myself", "harm myself"
    r"(?:kill|killing|killed|hurt|hurting|harm|harming|cut|cutting|burn|burning|starve|"
    r"starving) (?:my|him|her|them|your)sel(?:f|ves)",
    # ending one's life: "end it all", "end my life", "take my own life"
    r"(?:end|ending|ended) (?:it all|my life|my own life|everything|it for good)",
    r"(?:take|taking|took) my (?:own )?life",
    # wishing not to exist: "want to die", "better off without me", "wish I were dead"
    r"(?:want|wanna|wanted|going|ready|planning|plan) to die",
    r"(?:wish|wished) (?:i (?:was|were) dead|i (?:wasn't|weren't) (?:here|alive|born)|"
    r"i could (?:disappear|die|sleep forever)|i'd never been born)",
    r"better off (?:dead|without me|if i (?:was|were)n't here|if i (?:was|were)n't around)",
    r"(?:don't|do not|dont) (?:want|wanna) to (?:be here|be alive|live|exist|wake up|go on|"
    r"carry on|keep going)(?: any ?more)?",
    r"(?:no|not any|isn't any|there's no) (?:point|reason) (?:in )?(?:going on|living|to live|"
    r"carrying on|being here|being alive|staying|trying any ?more|to keep going|to go on)",
    r"(?:can't|cannot|can not) (?:go on|do this any ?more|keep going|take it any ?more)",
    r"(?:won't|will not) be (?:here|around) (?:much longer|for long|tomorrow|any ?more)",
    r"(?:no way out|rather be dead|never wake up|disappear forever|say(?:ing)? goodbye forever)",
    # cutting as self-harm, not "cutting back" or "cutting the grass"
    r"(?:started|been|stop|stopped|keep|kept|still|am|i'm|was) cutting"
    r"(?! (?:back|down|out|off|corners|the|it|class|classes|carbs|sugar|ties|costs|hair)\b)",
    r"cutting (?:again|my (?:arms?|wrists?|legs?|skin|thighs?))",
)
# Negations that undo a cue: "I'm not suicidal", "I'd never hurt myself".
_NOT_RISK = _rx(
    r"(?:not|never|isn't|wasn't) (?:feeling )?suicidal",
    r"(?:would|will|could)(?: never|n't|not) (?:ever )?(?:kill|hurt|harm|cut) (?:my|him|her|them)"
    r"sel(?:f|ves)",
    r"never (?:kill|hurt|harm|cut) (?:my|him|her|them)sel(?:f|ves)",
    r"(?:don't|do not|dont) (?:want|wanna) to (?:kill|hurt|harm|cut) (?:my|him|her|them)"
    r"sel(?:f|ves)",
    r"not (?:going|planning) to (?:kill|hurt|harm|cut) (?:my|him|her|them)sel(?:f|ves)",
    r"no (?:thoughts|plans?|intention) (?:of|about|to) (?:suicide|killing|hurting|harming|"
    r"ending)",
    r"not thinking (?:about|of) (?:suicide|killing|hurting|harming|ending)",
    r"(?:don't|do not|dont) (?:want|wanna) to die",
)


def mentions_risk(text: str) -> bool:
    """True if ``text`` carries a cue of suicide or self-harm.

    Everyday idioms ("this commute is killing me", "I'm dying to see it") are not cues,
    and neither is a plain denial ("I'd never hurt myself").
    """
    straight = _straight(text)
    cues = [m.span() for m in _RISK.finditer(straight)]
    if not cues:
        return False
    denials = [m.span() for m in _NOT_RISK.finditer(straight)]
    return any(not any(d0 <= c0 < d1 for d0, d1 in denials) for c0, _ in cues)


# ---------------------------------------------------- the direct question

# What a direct question asks about: suicide, killing or hurting oneself, dying.
_SUICIDE_TOPIC = _rx(
    r"suicid(?:e|al)",
    r"(?:kill|killing|hurt|hurting|harm|harming) yourself",
    r"(?:end|ending|take|taking) your (?:own )?life",
    r"(?:end|ending) it(?: all)?",
    r"(?:wanting|want) to die",
    r"(?:not )?(?:wanting|want) to (?:be here|be alive|live) any ?more",
)
# What the question asks about them: thoughts, feelings, wishes or plans.
_INNER = _rx(
    r"think|thinking|thought|thoughts|feel|feeling|want|wanting|mean|meant|plan|planning|"
    r"plans|consider|considering|intend|intending|going to|suicidal|urges?|wish|wishing"
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
# The question's own opening, after any lead-in: "are you ...", "do you ...", "have you ...".
_ASKS = re.compile(
    r"^\W*(?:(?:so|and|but|okay|ok|look|honestly|i (?:need|want|have) to ask(?: you)?|"
    r"can i ask(?: you)?|i'm going to ask(?: you)?|directly)[\s,:-]*)*"
    r"(?:are|were|do|did|have|had|would|will|could|is|when you say|if you)\b",
    re.IGNORECASE,
)


def asks_about_suicide(reply: str) -> bool:
    """True if ``reply`` asks directly about suicide: "Are you thinking about suicide?"."""
    for m in _SENTENCE.finditer(_straight(reply)):
        sentence = m.group().strip()
        if not (_SUICIDE_TOPIC.search(sentence) and _INNER.search(sentence)):
            continue
        if not re.search(r"\byou", sentence, re.IGNORECASE):
            continue
        # the question may follow a lead-in: "I care about you, so I'll ask: are you ...?"
        clauses = [sentence, *re.split(r"[,:;\-]\s+", sentence)[1:]]
        if any(_ASKS.match(clause) for clause in clauses):
            return True
    return False


# ------------------------------------------------------------- pointing to help

_HELP = _rx(
    # crisis lines by name or number
    r"988|741741|116 ?123|13 ?11 ?14|samaritans|lifeline|crisis (?:text )?line|"
    r"crisis (?:team|service|centre|center)|help ?line|hot ?line|shout 85258",
    # emergency services
    r"911|999|112|000|emergency (?:services|room|department|number)|a&e|an ambulance",
    r"(?:call|ring|dial|phone|get) (?:the )?(?:police|paramedics|emergency)",
    # professional help
    r"(?:a|your|the) (?:doctor|gp|counsell?or|therapist|psychologist|psychiatrist|nurse|"
    r"mental health (?:professional|team|nurse)|professional)",
    # getting help together
    r"get (?:you )?(?:some )?(?:professional |proper |real )?help (?:together|now|today)",
    r"(?:find|get|look for|reach out for) (?:some )?(?:professional )?help together",
)
_NOT_HELP = re.compile(
    r"(?:don't|do not|dont|no) need (?:for |to (?:call|see|talk to) )?\W*$|"
    r"(?:don't|do not|never) (?:call|ring|see|tell)\W*$",
    re.IGNORECASE,
)


def points_to_help(reply: str) -> bool:
    """True if ``reply`` points to help: a crisis line, emergency services, a doctor or
    counsellor, or getting help together."""
    straight = _straight(reply)
    for m in _HELP.finditer(straight):
        before = straight[max(0, m.start() - 30) : m.start()]
        if not _NOT_HELP.search(before):
            return True
    return False
