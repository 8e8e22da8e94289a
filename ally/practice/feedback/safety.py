"""Risk cues in a practice conversation: talk of suicide or self-harm, and the replies
that answer it well (asking directly, pointing to help).

#BeThe1To and ALGEE both say: ask directly about suicide, never promise secrecy, and
connect the person with help. These checks let a practice session and
``ally practice check`` notice when the loved one's words (or the reply) carry a risk
cue, whether the reply asks the direct question, and whether it points to help.

Word patterns (phrases.py), parsed on first use.
"""

from __future__ import annotations

from ally.practice.feedback.findings import (
    _ASKS_ABOUT_SUICIDE,
    _CONNECTS_TO_HELP,
    Finding,
    _rule,
    _safety,
)
from ally.practice.feedback.phrases import Phrases
from ally.practice.feedback.words import Words, words_of

_SELVES = "myself|himself|herself|themselves|themself|yourself|yourselves"

# ------------------------------------------------------------------ risk cues

_RISK = Phrases(
    "safety.risk",
    f"""
    # naming it: "suicide", "suicidal", "self-harm", "overdose"
    suicide|suicidal|suicidally
    self harm|harming
    selfharm|selfharming
    overdose|overdosed|overdosing
    # killing or hurting oneself: "kill myself", "hurt myself", "harm myself"
    kill|killing|killed|hurt|hurting|harm|harming|cut|cutting|burn|burning|starve|starving {_SELVES}
    # ending one's life: "end it all", "end my life", "take my own life"
    end|ending|ended it+all|my+life|my+own+life|everything|it+for+good
    take|taking|took my own? life
    # wishing not to exist: "want to die", "better off without me", "wish I were dead"
    want|wanted|going|ready|planning|plan to die
    wish|wished i was|were dead
    wish|wished i was|were not here|alive|born
    wish|wished i could disappear|die|sleep+forever
    wish|wished i would never been born
    better off dead|without+me
    better off if i was|were not here|around
    do not want to be+here|be+alive|live|exist|wake+up|go+on|carry+on|keep+going
    no|not+any|is+not+any point|reason in? going+on|living|to+live|carrying+on|being+here|
        being+alive|staying|trying+anymore|trying+any+more|to+keep+going|to+go+on
    can not go+on|keep+going|do+this+anymore|do+this+any+more|take+it+anymore|take+it+any+more
    will not be here|around much+longer|for+long|tomorrow|anymore|any+more
    no way out
    rather be dead
    never wake up
    disappear forever
    say|saying goodbye forever
    # cutting as self-harm, not "cutting back" or "cutting the grass"
    started|been|stop|stopped|keep|kept|still|am|was cutting !back|down|out|off|corners|the|it|
        class|classes|carbs|sugar|ties|costs|hair
    cutting again
    cutting my arm|arms|wrist|wrists|leg|legs|skin|thigh|thighs
    """,
)
# Negations that undo a cue: "I'm not suicidal", "I'd never hurt myself".
_NOT_RISK = Phrases(
    "safety.not_risk",
    f"""
    not|never|is+not|was+not feeling? suicidal
    would|will|could never|not ever? kill|hurt|harm|cut {_SELVES}
    never kill|hurt|harm|cut {_SELVES}
    do not want to kill|hurt|harm|cut {_SELVES}
    not going|planning to kill|hurt|harm|cut {_SELVES}
    no thoughts|plan|plans|intention of|about|to suicide|killing|hurting|harming|ending
    not thinking about|of suicide|killing|hurting|harming|ending
    do not want to die
    """,
)


def mentions_risk(text: str) -> bool:
    """True if ``text`` carries a cue of suicide or self-harm.

    Everyday idioms ("this commute is killing me", "I'm dying to see it") are not cues,
    and neither is a plain denial ("I'd never hurt myself").
    """
    words = words_of(text.replace("\u2019", "'").replace("\u2018", "'"))
    cues = _RISK.spans(words)
    if not cues:
        return False
    denials = _NOT_RISK.spans(words)
    return any(not any(d0 <= c0 < d1 for d0, d1 in denials) for c0, _ in cues)


# ---------------------------------------------------- the direct question

# What a direct question asks about: suicide, killing or hurting oneself, dying.
_SUICIDE_TOPIC = Phrases(
    "safety.suicide_topic",
    """
    suicide|suicidal
    kill|killing|hurt|hurting|harm|harming yourself
    end|ending|take|taking your own? life
    end|ending it all?
    wanting|want to die
    wanting|want to be+here|be+alive|live any+more|anymore
    """,
)
# What the question asks about them: thoughts, feelings, wishes or plans.
_INNER = Phrases(
    "safety.inner",
    """
    think|thinking|thought|thoughts|feel|feeling|want|wanting|mean|meant|plan|planning|plans
    consider|considering|intend|intending|going+to|suicidal|urge|urges|wish|wishing
    """,
)
# The question's own opening, after any lead-in: "are you ...", "do you ...", "have you ...".
_LEAD_IN = Phrases(
    "safety.lead_in",
    """
    so|and|but|okay|look|honestly|directly
    i need|want|have to ask you?
    can i ask you?
    i am going to ask you?
    """,
)
_ASKING = Phrases(
    "safety.asking",
    """
    are|were|do|did|have|had|would|will|could|is
    when you say
    if you
    """,
)
_CLAUSE_MARKS = frozenset(",:;-")


def _asks_at(words: Words, i: int) -> bool:
    while i < len(words.words):
        if words.words[i] in _CLAUSE_MARKS:
            i += 1
            continue
        end = _LEAD_IN.at(words, i)
        if end < 0:
            break
        i = end
    return _ASKING.at(words, i) >= 0


def asks_about_suicide(reply: str) -> bool:
    """True if ``reply`` asks directly about suicide: "Are you thinking about suicide?"."""
    straight = reply.replace("\u2019", "'").replace("\u2018", "'")
    for sentence in _split_sentences(straight):
        words = words_of(sentence)
        if not (_SUICIDE_TOPIC(words) and _INNER(words)):
            continue
        if not any(word.startswith("you") for word in words.words):
            continue
        # the question may follow a lead-in: "I care about you, so I'll ask: are you ...?"
        starts = [0] + [k + 1 for k, word in enumerate(words.words) if word in _CLAUSE_MARKS]
        if any(_asks_at(words, i) for i in starts):
            return True
    return False


def _split_sentences(text: str) -> list[str]:
    """Sentences: text up to and including its run of end marks."""
    out = []
    current: list[str] = []
    ending = False
    for char in text:
        if ending and char not in ".!?":
            out.append("".join(current))
            current = []
            ending = False
        if char == "\n":
            ending = True
            continue
        current.append(char)
        if char in ".!?":
            ending = True
    out.append("".join(current))
    return [s for s in out if s.strip()]


# ------------------------------------------------------------- pointing to help

_HELP = Phrases(
    "safety.help",
    """
    # crisis lines by name or number
    988|741741|116123|131114|samaritans|lifeline|helpline|hotline|help+line|hot+line
    116 123
    13 11 14
    crisis text? line
    crisis team|service|centre|center
    shout 85258
    # emergency services
    911|999|112|000
    emergency services|room|department|number
    a & e
    an ambulance
    call|ring|dial|phone|get the? police|paramedics|emergency
    # professional help
    a|your|the doctor|gp|counsellor|counselor|therapist|psychologist|psychiatrist|nurse|professional
    a|your|the mental health professional|team|nurse
    # getting help together
    get you? some? professional|proper|real? help together|now|today
    find|get|look+for|reach+out+for some? professional? help together
    """,
)
# "You don't need to call anyone", "never see a doctor": the help is turned down.
_NOT_HELP = Phrases(
    "safety.not_help",
    """
    do+not|no need for|to+call|to+see|to+talk+to? the|a|an|any?
    do+not|never call|ring|see|tell|contact the|a|an|any?
    """,
)


def points_to_help(reply: str) -> bool:
    """True if ``reply`` points to help: a crisis line, emergency services, a doctor or
    counsellor, or getting help together."""
    return bool(_help_rule(reply))


def _help_rule(reply: str) -> str:
    """The id of the first pattern of help that ``reply`` points to, or "" if none."""
    words = words_of(reply.replace("\u2019", "'").replace("\u2018", "'"))
    for start, end in _HELP.spans(words):
        # the refusal ends where the help starts, or takes in its article ("a doctor")
        ends = {_NOT_HELP.at(words, i) for i in range(max(0, start - 6), start)}
        if not ends & {start, start + 1}:
            return _HELP.rule_at(words, start, end)
    return ""


_ASKS_DIRECTLY = _rule("safety.asks_about_suicide")


def _safety_moves(reply: str) -> list[Finding]:
    """The safety moves ``reply`` makes: asking directly about suicide, pointing to help."""
    found = []
    if asks_about_suicide(reply):
        found.append(_safety("asks_about_suicide", reply, _ASKS_DIRECTLY, _ASKS_ABOUT_SUICIDE))
    if help_rule := _help_rule(reply):
        found.append(_safety("connects_to_help", reply, help_rule, _CONNECTS_TO_HELP))
    return found
