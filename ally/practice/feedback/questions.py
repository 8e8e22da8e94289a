"""Open and closed questions: what asks, and what only looks like asking (tags,
back-channels, rhetorical, quoted or self-questions, reflections said with a rising voice).
"""

from __future__ import annotations

import re

from ally.practice.feedback.findings import Finding, _rule, _whole
from ally.practice.feedback.phrases import _AUX, _WH, _YOU_WORDS, Phrases, _sub
from ally.practice.feedback.reflection import _REFLECTION_GUESS
from ally.practice.feedback.sentences import _INVERTED, _WH_ASKING, _Sentence, _sentences
from ally.practice.feedback.words import _MARKS

# Invitations to say more, made as requests: "Tell me more", "Can you say more about
# that?", "I'm curious what happened", "Help me understand". Open, whatever their grammar.
# "Talk to me" invites only as a request ("Talk to me", "Can you talk to me about it"), not
# in "thanks for taking time to talk to me" or "she won't talk to me".
_INVITATION = Phrases(
    "questions.invitation",
    """
    tell me more|about|what|how|why|when|where|who|everything|anything|something
    ^ tell us more|about
    tell me a+bit|a+little|the+story
    mind|by telling me
    talk|walk me through
    ^ talk to|with me
    @aux you talk to|with me
    ^ talk a+bit|a+little? more? about
    can|could|would you talk a+bit|a+little? more? about
    say|share a+bit|a+little? more
    can|could|would you explain|describe|share|think+of|say+more|give+me+an+example|give+an+example
    share|sharing|say|saying a+bit|a+little|more about|with+me
    help me understand
    can|could|may i ask @wh|about
    i would love|like to hear|know|understand
    i am just|really|kind+of? curious|wondering about|what|how|why|where|when|who
    i just? wonder what|how|why|where|who _2 you|your
    ^ wondering what|how|why|where|who|about
    <know|knew|sure|idea what else
    # their own thinking asked for: "Have you thought about what you want to say to her?"
    # (a yes/no shell round a description, like "Can you tell me ...?")
    have|had you ever? thought|considered about|of? what|how|why you|your|to|it
    """,
)
# Yes/no questions that still invite them to say whatever they want, or what they think:
# "Anything else?", "Is there anything that worries you?", "Any thoughts?", "Do you
# think it might be linked?", "Would you quit, or ...?". Not a question about one
# specific thing: "Is there any way you could ...?", "Is there anyone who can help?".
_OPEN_YES_NO = Phrases(
    "questions.open_yes_no",
    """
    ^ anything|something else
    is|are|was|were there anything|something
    ^ any other? questions|thoughts|ideas|concerns
    do you have any other? questions|thoughts|ideas|concerns
    do|did you think
    or $
    """,
)
# A question that asks for a point on a scale is closed, whatever its wh-word: "On a
# scale of 1 to 10, how ready are you?", "What number would you pick?".
_SCALE_QUESTION = Phrases(
    "questions.scale",
    """
    scale of|from
    what|which number
    pick a number
    """,
)
# A wh-question later in the sentence: "And you, what do you make of it?", "So, um, how
# are things at home?".
_WH_INSIDE = Phrases(
    "questions.wh_inside",
    """
    ^ and|so|but|or? @wh !i|you|he|she|we|they|your|my|his|her|their|people
    @wh _3 @aux you|your|it|that|this|they|he|she|things|there|we
    """,
)
# A subject right after a wh-word opens a clause ("when it goes", "how you feel"), not a
# question.
_sub(
    "wh_clause_subject",
    "i|you|he|she|we|they|it|this|that|there|your|my|his|her|their|our|people|someone",
)
# A wh-question written without its question mark: "how are you doing today", "what
# type of work are you in", "how many nights are you sleeping badly", "how can I help",
# "what seems to be the trouble", "what is keeping you up at night", "whats up", "since
# when have you felt this way", and texting spellings ("hows your day", "how r u"). Not a
# clause that starts with its subject: "when you have a row, you ...".
_WH_UNMARKED = Phrases(
    "questions.wh_unmarked",
    """
    @wh @aux @asked_about
    @wh !:wh_clause_subject _3 @aux you|your
    how many|much|long|often|old _4 @aux
    @wh can|could|may|might|shall i|we help|do|be+of
    @wh seems|seem to be
    what|who @aux? @ing|makes|made|brings|brought|keeps|worries|bothers you|your
    since when @aux
    what @aux? been? going+on|up|wrong|the+matter|on+your+mind !@aux
    what happened $
    what|who goes|went|runs|ran|happens|happened|helps|helped _3 you|your
    how is @asked_about|going
    how are you|your|things|everything
    """,
)
# Auxiliary inversion without a question mark: "are you ok", "do you want to talk", "is
# the state stopping you". "Do", "have" and "be" open orders too ("Have a good day"), so
# only a person may follow them. Asking leave to ask still asks: "may I ask if you live
# alone", "let me ask whether you slept".
_INVERSION_UNMARKED = Phrases(
    "questions.inversion_unmarked",
    """
    @aux not? you|your|they|he|she|we|anyone|anybody|someone|there
    is|are|was|were|does|did|can|could|would|will|has|should not? @asked_about
    may|can|could i ask
    let me ask you? if|whether|@wh
    """,
)
# Offers and requests asked in the first person still ask them: "Can I help?", "What
# can I do?", "May I ask why?", "How can I be of help?", and the carer's "we" that means
# you: "How are we doing today?"
_OFFER_QUESTION = Phrases(
    "questions.offer",
    """
    can|could|may|might|shall|should i|we help|do|get|bring|ask|call|know|be+of
    # an offer of my own action, asked ("Shall I ring the surgery?"); "shall we ...?" is a
    # suggestion, so only "I"
    can|could|may|shall|should i ring|phone|text|come|book|drive|pop|make|find|look|sort|stay|sit|
        pick
    how are we doing|feeling|getting+on|holding+up
    """,
)
# A tag or an aside rather than a question: "right?", "weird, huh?", "so what?", and the
# check that closes a reflection: "is that right?", "did I get that right?". MITI codes
# these with the statement they follow, not as questions.
_TAG_ONLY = Phrases(
    "questions.tag_only",
    """
    _1 ,? right|huh|eh|no|yeah|lol|correct|true $
    _1 ,? is+not+it|are+not+they|do+not+you+think|so+what|you+know|get+it $
    is|was that right|correct|true|it|so $
    am i right|correct $
    did|have i get|got|understand that|it|you right|correctly $
    """,
)
# A question that expects no answer: "Guess what?", "Who knows?", "Who cares what they
# think?", "How dare he?". Not "Who knows about it?", which asks who.
_RHETORICAL = Phrases(
    "questions.rhetorical",
    """
    guess what
    who knows|cares $
    who knows|cares what|how|where|when|if|whether
    how dare
    do not you dare
    """,
)
# A statement that ends on "you know?" leans on them to agree, it asks nothing: "It's
# tiring, you know?", "Some days are just grey, y'know?". Not "the people you know?".
_YOU_KNOW_TAG = Phrases(
    "questions.you_know_tag",
    """
    , you know $
    y'know|yknow $
    """,
)
# A back-channel said with a rising voice, which asks nothing: "Yeah?", "Okay?",
# "Mm-hmm?", "Oh, really?", and the shocked "What?!" (Opening fillers are skipped before
# this is checked.)
_BACK_CHANNEL = frozenset(
    {"really", "seriously", "indeed", "sure", "true", "correct", "what", "huh"}
)


def _back_channel(s: _Sentence) -> bool:
    rest = [w for w in s.words[s.core :] if w not in _MARKS]
    return not rest or (len(rest) == 1 and rest[0] in _BACK_CHANNEL)


_FIRST_PERSON = frozenset({"i", "we"})


def _self_question(s: _Sentence) -> bool:
    """A question about the speaker, asked of nobody: "How much worse could I get?", "Why
    do we do this to ourselves?". It has a first-person subject and no "you" in it, and
    no later clause that asks about someone else ("I'm sorry, what happened?")."""
    words, core = s.words, s.core
    if any(word in _YOU_WORDS for word in words[core:]) or _later_question(s):
        return False
    if s.word(core) in _FIRST_PERSON:
        return True
    if s.word(core) in _AUX:
        return s.word(core + 1) in _FIRST_PERSON
    if s.word(core) in _WH:
        return any(
            words[k] in _AUX and s.word(k + 1) in _FIRST_PERSON for k in range(core, len(words))
        )
    return False


# A question about the speaker: "how could I", "why do we".
_sub("asks_about_me", "@aux not? i|we")
# A question asked in a later clause, after a comment: "I'm sorry to hear that, what
# happened?", "That sounds hard, do you have someone you can talk to?". A short check on
# what came before ("..., is that right?", "..., does that sound right?") is not one.
_QUESTION_CLAUSE = Phrases(
    "questions.question_clause",
    """
    ^ and|so|but|then? what|how|why|where|when !:wh_clause_subject !:asks_about_me
    ^ and|so|but|then? @aux not? @asked_about _1
    """,
)
# The short checks that close a reflection: "is this correct", "does that sound right".
_CHECK_QUESTION = Phrases(
    "questions.check",
    """
    is|was that|this right|correct|true|accurate|so
    @aux that|this|it sound|seem|feel|make right|correct|true|fair|accurate|sense
    would|do you agree
    @aux not? you think $
    """,
)


def _later_question(s: _Sentence) -> bool:
    w = s.w
    return any(
        i > s.core and _TAG_ONLY.at(w, i) < 0 and _CHECK_QUESTION.at(w, i) < 0
        for i, _ in _QUESTION_CLAUSE.spans(w)
    )


# A reflection said with a rising voice: "So you feel let down?", "It sounds like the
# evenings are worst?", "You're saying you want out?". MITI codes it as a reflection, not a
# question, when the sentence is built as a statement around one of these frames.
_RISING_REFLECTION = Phrases(
    "questions.rising_reflection",
    """
    you are saying|telling+me|noticing|hearing|feeling
    you feel|felt
    what you are saying
    """,
)


def _rising_reflection(s: _Sentence) -> bool:
    w = s.w
    if _INVERTED.at(w, s.core) >= 0 or _WH_ASKING.at(w, s.core) >= 0 or _WH_INSIDE(w):
        return False
    if _later_question(s):
        return False
    return _REFLECTION_GUESS(w) or _RISING_REFLECTION(w)


# A question quoted inside a statement, ending the sentence: I think 'what's the use?', we
# all ask "why me?". It is what someone says or thinks, not a question put to them.
_QUOTED_QUESTION = re.compile(
    r"""[\s,:](?:"[^"]+\?+\s*"?|'(?:[^']|(?<=\w)'(?=\w))+\?+\s*')[\s.!]*$"""
)


def _quoted_question(s: _Sentence) -> bool:
    """The sentence's question mark closes a quotation, and what leads up to the quote
    does not ask anything itself ("Have you heard the saying 'why worry?'" still asks)."""
    found = _QUOTED_QUESTION.search(s.text)
    if found is None or found.start() == 0:
        return False
    lead = _sentences(s.text[: found.start()])
    return bool(lead) and all(_question(t) is None for t in lead)


def _you_know_tag(s: _Sentence) -> bool:
    w = s.w
    if _INVERTED.at(w, s.core) >= 0 or _WH_ASKING.at(w, s.core) >= 0 or _WH_INSIDE(w):
        return False
    return _YOU_KNOW_TAG(w) and not _later_question(s)


# A sentence that ends with a question mark and is none of the questions above asks about
# one specific thing: a closed question ("You're coming tonight?").
_MARKED_CLOSED = _rule("questions.marked_closed")


def _question(s: _Sentence) -> tuple[str, str] | None:
    """The kind of question the sentence asks, 'open' or 'closed', and the id of the rule
    that says so; None for a sentence that is not a question."""
    w, core = s.w, s.core
    if found := _INVITATION.find(w):
        return "open", found[2]
    if _back_channel(s) or _TAG_ONLY.at(w, core) >= 0 or _RHETORICAL.at(w, core) >= 0:
        return None
    if _self_question(s) and not _OFFER_QUESTION(w):
        return None
    if s.asks:
        if _rising_reflection(s) or _you_know_tag(s) or _quoted_question(s):
            return None
        if found := _SCALE_QUESTION.find(w):
            return "closed", found[2]
        if rule := _WH_ASKING.rule_at(w, core):
            return "open", rule
        if found := _WH_INSIDE.find(w) or _OPEN_YES_NO.find(w):
            return "open", found[2]
        return "closed", _MARKED_CLOSED
    # Without a question mark only the grammar says it asks, so a broken-off fragment
    # ("Is it- is it when-", "-was the worst part.") is not taken for a question.
    if _broken_off(s.text):
        return None
    if rule := _WH_UNMARKED.rule_at(w, core):
        return "open", rule
    if rule := _INVERSION_UNMARKED.rule_at(w, core):
        return "closed", rule
    return None


_DASHES = "-\u2013\u2014"


def _broken_off(text: str) -> bool:
    """Speech cut off or picked up mid-sentence: it starts or ends with a dash."""
    text = text.strip().rstrip(".")
    return text[:1] in _DASHES or text[-1:] in _DASHES


def _question_finding(s: _Sentence, kind: str, rule: str) -> Finding:
    """An open or closed question found by ``rule``."""
    return _whole(f"{kind}_question", s, rule)
