"""Feedback on one practice reply: which listening skills it shows and which pitfalls.

The engine is a set of small, readable rules over the sentences of a reply, plus the
loved one's words it answers (``context``). Each rule names the phrasing it catches.
Nothing here is learned from data: the rules encode the frameworks `ally` teaches
(SHUSH, OARS, V-A-R, #BeThe1To, ALGEE) and the coding conventions of MITI.

Most rules are word patterns (see "Word patterns" below): a sentence is split into
lower-case words, with contractions and chat spellings spelled out ("don't", "dont" ->
"do not"), and each pattern is a line of words and word sets, matched with a small
backtracking matcher indexed by first word. The patterns are parsed the first time they
are needed, so importing this module stays cheap (no large regular expressions to
compile).

Pure: no printing, no clock, no environment, no randomness.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ally.practice.feedback.phrases import _PREDICATES, _WORD_SETS, Phrases, _sub, _word_set, _words
from ally.practice.feedback.words import _MARKS, Words, _split_words, words_of

__all__ = [
    "PITFALLS",
    "SAFETY",
    "SKILLS",
    "Feedback",
    "Finding",
    "Phrases",
    "Words",
    "analyse",
    "detect_skills",
    "words_of",
]

# ally.practice.safety is imported inside the functions that use it: it builds its own
# word patterns with this module's matcher, so importing it up here would be circular.

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
    """One skill or pitfall, and the span of the reply that shows it."""

    name: str
    kind: str
    start: int
    end: int
    reason: str
    suggestion: str


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


# Word sets used across the rules.
_words("wh", "what how why where when who whom whose which")
_words(
    "aux",
    "do does did is are was were am have has had can could would will should shall may might must",
)
_words("you", "you your yours yourself ur")
_WH = _word_set(_WORD_SETS["wh"])
_AUX = _word_set(_WORD_SETS["aux"])
_YOU_WORDS = _word_set(_WORD_SETS["you"])
# "you" as the subject of a condition or a wish ("if you feel", "hope you can"): what
# follows is a condition or a wish, not something about them or a step for them.
_words("not_subject", "if when whenever what how why where hope long+as unless until")
# Words a relative clause hangs on: "something you want", "the people you love".
_words(
    "relative_head",
    """
    something anything everything nothing someone anyone everyone people person things thing
    stuff one ones whatever whoever wherever
    """,
)


# --------------------------------------------------------------------- text

# Curly quotes become straight ones, one character for one, so offsets still fit the reply.
_STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00b4": "'", "`": "'"})
_STRAIGHTEN.update(str.maketrans({"\u201c": '"', "\u201d": '"'}))

# A sentence: text up to and including its end punctuation, or up to a line break.
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\]]*|(?=\n)|$)")

# Words that open a spoken sentence without changing what it does ("Okay, so ...").
_FILLERS = _word_set(
    """
    okay oh ah aw well so and but also yeah yes yep right alright hm m mhm mh uh um er hey
    hi hello now then honestly sure wow first firstly second secondly lastly finally anyway
    plus or gotcha huh
    """
)
_FILLER_PAIRS = frozenset({("all", "right"), ("i", "see"), ("got", "it"), ("mm", "hmm")})


def _squeeze(word: str) -> str:
    """The word with runs of one letter cut to one: "hmmm" -> "hm", "sooo" -> "so"."""
    return "".join(c for n, c in enumerate(word) if n == 0 or c != word[n - 1])


def _core(words: list[str]) -> int:
    i = 0
    while i < len(words):
        word = words[i]
        if word in _MARKS or word in _FILLERS or _squeeze(word) in _FILLERS:
            i += 1
        elif tuple(words[i : i + 2]) in _FILLER_PAIRS:
            i += 2
        else:
            break
    return i


class _Sentence:
    """One sentence: its text (quotes straightened), its offsets in the reply, whether it
    ends with a question mark, and its words."""

    __slots__ = ("asks", "end", "start", "text", "w")

    def __init__(self, text: str, start: int, end: int, asks: bool, w: Words) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.asks = asks
        self.w = w

    @property
    def core(self) -> int:
        return self.w.core

    @property
    def words(self) -> tuple[str, ...]:
        return self.w.words

    def word(self, i: int) -> str:
        return self.w.words[i] if 0 <= i < len(self.w.words) else ""


def _sentences(reply: str) -> list[_Sentence]:
    straight = reply.translate(_STRAIGHTEN)
    out = []
    for m in _SENTENCE.finditer(straight):
        raw = m.group()
        text = raw.strip()
        # skip empty pieces and quoted lines of the other person's post ("> ...")
        if not text.strip(".!?\"') ") or text.startswith((">", "&gt;")):
            continue
        start = m.start() + raw.index(text[0])
        words, starts, ends = _split_words(text, start)
        tail = text.rstrip()
        while tail and not tail[-1].isalnum() and tail[-1] != "?":
            tail = tail[:-1]
        out.append(
            _Sentence(
                text=text,
                start=start,
                end=start + len(text),
                asks=tail.endswith("?") and text.count('"') % 2 == 0,
                w=Words(tuple(words), tuple(starts), tuple(ends), _core(words)),
            )
        )
    return out


# ---------------------------------------------------------------- questions

# Invitations to say more, made as requests: "Tell me more", "Can you say more about
# that?", "I'm curious what happened", "Help me understand". Open, whatever their grammar.
# "Talk to me" invites only as a request ("Talk to me", "Can you talk to me about it"), not
# in "thanks for taking time to talk to me" or "she won't talk to me".
_INVITATION = Phrases(
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
    """
)
# Yes/no questions that still invite them to say whatever they want, or what they think:
# "Anything else?", "Is there anything that worries you?", "Any thoughts?", "Do you
# think it might be linked?", "Would you quit, or ...?". Not a question about one
# specific thing: "Is there any way you could ...?", "Is there anyone who can help?".
_OPEN_YES_NO = Phrases(
    """
    ^ anything|something else
    is|are|was|were there anything|something
    ^ any other? questions|thoughts|ideas|concerns
    do you have any other? questions|thoughts|ideas|concerns
    do|did you think
    or $
    """
)
# A question that asks for a point on a scale is closed, whatever its wh-word: "On a
# scale of 1 to 10, how ready are you?", "What number would you pick?".
_SCALE_QUESTION = Phrases(
    """
    scale of|from
    what|which number
    pick a number
    """
)
# A wh-word that asks rather than opens a clause: "What happened?", "How long ...?", but
# not "What you're feeling is ..." (a wh-word followed by its subject).
_WH_ASKING = Phrases("@wh !i|you|he|she|we|they|your|my|his|her|their|people")
# A wh-question later in the sentence: "And you, what do you make of it?", "So, um, how
# are things at home?".
_WH_INSIDE = Phrases(
    """
    ^ and|so|but|or? @wh !i|you|he|she|we|they|your|my|his|her|their|people
    @wh _3 @aux you|your|it|that|this|they|he|she|things|there|we
    """
)
# Who or what a question can be about, after its auxiliary: "Is your mum ...", "Does the
# idea ...", "Are these classes ...", "How is everything ...".
_words(
    "asked_about",
    """
    you your it that this there they he she we anyone anybody someone somebody things
    the a an my his her their our these those any anything something everything everyone
    everybody people
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
    """
    @wh @aux @asked_about
    @wh !:wh_clause_subject _3 @aux you|your
    how many|much|long|often|old _4 @aux
    @wh can|could|may|might|shall i|we help|do|be+of
    @wh seems|seem to be
    what|who @aux? @ing|makes|made|brings|brought|keeps|worries|bothers you|your
    since when @aux
    what @aux? going+on|up|wrong|the+matter|on+your+mind !@aux
    what happened $
    hows @asked_about|going
    how r you|your|things|everything
    """
)
# Auxiliary inversion without a question mark: "are you ok", "do you want to talk", "is
# the state stopping you". "Do", "have" and "be" open orders too ("Have a good day"), so
# only a person may follow them. Asking leave to ask still asks: "may I ask if you live
# alone", "let me ask whether you slept".
_INVERSION_UNMARKED = Phrases(
    """
    @aux not? you|your|they|he|she|we|anyone|anybody|someone|there
    is|are|was|were|does|did|can|could|would|will|has|should not? @asked_about
    may|can|could i ask
    let me ask you? if|whether|@wh
    """
)
# A question asked by putting the auxiliary first: "Do you ...", "Is it ...", "Does the
# idea of it change ...".
_INVERTED = Phrases("@aux not? i|@asked_about")
# Offers and requests asked in the first person still ask them: "Can I help?", "What
# can I do?", "May I ask why?", "How can I be of help?", and the carer's "we" that means
# you: "How are we doing today?"
_OFFER_QUESTION = Phrases(
    """
    can|could|may|might|shall|should i|we help|do|get|bring|ask|call|know|be+of
    how are we doing|feeling|getting+on|holding+up
    """
)
# A tag or an aside rather than a question: "right?", "weird, huh?", "so what?", and the
# check that closes a reflection: "is that right?", "did I get that right?". MITI codes
# these with the statement they follow, not as questions.
_TAG_ONLY = Phrases(
    """
    _1 ,? right|huh|eh|no|yeah|lol|correct|true $
    _1 ,? is+not+it|are+not+they|do+not+you+think|so+what|you+know|get+it $
    is|was that right|correct|true|it|so $
    am i right|correct $
    did|have i get|got|understand that|it|you right|correctly $
    """
)
# A question that expects no answer: "Guess what?", "Who knows?", "Who cares what they
# think?", "How dare he?". Not "Who knows about it?", which asks who.
_RHETORICAL = Phrases(
    """
    guess what
    who knows|cares $
    who knows|cares what|how|where|when|if|whether
    how dare
    """
)
# A statement that ends on "you know?" leans on them to agree, it asks nothing: "It's
# tiring, you know?", "Some days are just grey, y'know?". Not "the people you know?".
_YOU_KNOW_TAG = Phrases(
    """
    , you know $
    y'know|yknow $
    """
)
# A back-channel said with a rising voice, which asks nothing: "Yeah?", "Okay?",
# "Mm-hmm?", "Oh, really?". (Opening fillers are skipped before this is checked.)
_BACK_CHANNEL = frozenset({"really", "seriously", "indeed", "sure", "true", "correct"})


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
    """
    ^ and|so|but|then? what|how|why|where|when !:wh_clause_subject !:asks_about_me
    ^ and|so|but|then? @aux not? @asked_about _1
    """
)
# The short checks that close a reflection: "is this correct", "does that sound right".
_CHECK_QUESTION = Phrases(
    """
    is|was that|this right|correct|true|accurate|so
    @aux that|this|it sound|seem|feel|make right|correct|true|fair|accurate|sense
    would|do you agree
    @aux not? you think $
    """
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
    """
    you are saying|telling+me|noticing|hearing|feeling
    you feel|felt
    what you are saying
    """
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
    return bool(lead) and all(_question_kind(t) is None for t in lead)


def _you_know_tag(s: _Sentence) -> bool:
    w = s.w
    if _INVERTED.at(w, s.core) >= 0 or _WH_ASKING.at(w, s.core) >= 0 or _WH_INSIDE(w):
        return False
    return _YOU_KNOW_TAG(w) and not _later_question(s)


def _question_kind(s: _Sentence) -> str | None:
    """'open', 'closed' or None for a sentence that is not a question."""
    w, core = s.w, s.core
    if _INVITATION(w):
        return "open"
    if _back_channel(s) or _TAG_ONLY.at(w, core) >= 0 or _RHETORICAL.at(w, core) >= 0:
        return None
    if _self_question(s) and not _OFFER_QUESTION(w):
        return None
    if s.asks:
        if _rising_reflection(s) or _you_know_tag(s) or _quoted_question(s):
            return None
        if _SCALE_QUESTION(w):
            return "closed"
        if _WH_ASKING.at(w, core) >= 0 or _WH_INSIDE(w) or _OPEN_YES_NO(w):
            return "open"
        return "closed"
    # Without a question mark only the grammar says it asks, so a broken-off fragment
    # ("Is it- is it when-", "-was the worst part.") is not taken for a question.
    if _broken_off(s.text):
        return None
    if _WH_UNMARKED.at(w, core) >= 0:
        return "open"
    if _INVERSION_UNMARKED.at(w, core) >= 0:
        return "closed"
    return None


_DASHES = "-\u2013\u2014"


def _broken_off(text: str) -> bool:
    """Speech cut off or picked up mid-sentence: it starts or ends with a dash."""
    text = text.strip().rstrip(".")
    return text[:1] in _DASHES or text[-1:] in _DASHES


# ------------------------------------------------------------------- advice

# Verbs that, opening a sentence, make it an instruction: "Try ...", "Talk to ...".
_words(
    "imperative",
    """
    try talk speak reach call text contact see visit go get find seek ask tell take make keep
    stay give let look write journal focus think consider remember start stop avoid set plan
    spend join practice practise use listen allow treat be do eat sleep exercise drink breathe
    meditate read watch play put sit walk rest relax hang hold learn work check share express
    explain pray believe trust accept forgive love enjoy celebrate apply search google sign
    schedule list note distract surround limit reduce cut turn leave move quit continue create
    build prioritise prioritize remind reward push figure sort research chat vent open
    confront approach explore invest lean count pick choose consult book register enroll
    volunteer hire buy cook dance sing draw paint break own initiate validate stick step slow
    prepare remove replace switch aim attend begin bring challenge change communicate decide
    delete discuss distance drop embrace establish follow forget grab identify ignore imagine
    include meet mention notice offer pay protect pursue reconsider record reflect report
    request respect respond return review send show track cry laugh smile breath block
    unfollow mute never always picture wait arrange organise organize surprise engage cooperate
    download install phone email message save budget tidy shower stretch swim jog hike bake
    reconnect reframe invite
    """,
)
_IMPERATIVE_VERBS = _word_set(_WORD_SETS["imperative"])
# Softeners that may come before the verb: "Just try ...", "Please, call ...".
_SOFTENERS = _word_set(
    "just please maybe perhaps definitely really so then also first still simply gently always "
    "by all means"
)
# Openings that look imperative but reassure or say goodbye: "Don't worry", "Take care",
# "Have a good day", "Hope you feel better", "Thank you". Matched at the verb.
_NOT_ADVICE = Phrases(
    """
    do not worry|mention|apologise|apologize|hesitate
    do not be sorry
    do not give up
    do not lose hope
    do not get me wrong
    never give up
    never mind
    take care
    hang in there
    keep your head|chin up
    let|tell|talk+to|believe|trust me
    keep it? up
    keep going|trying|fighting|pushing
    stay safe|strong|warm|positive|well
    be well|safe|blessed
    get well
    do you
    look|looks like
    see you
    enjoy the|your
    talk to+you? later|soon
    have a
    thank|thanks
    let us
    # a reminder of something true, or of how not to feel, reassures rather than suggests:
    # "Remember, you're not alone", "Don't be so hard on yourself", "Don't let it get to you"
    # (not "Remember to eat", "Don't be afraid to ask")
    remember !to
    do not let
    do not be|feel !afraid+to|scared+to
    # cheering on and kindness to themselves: "Keep on pushing!", "Keep safe", "Be proud
    # of yourself", "Be gentle with yourself" (not "Keep a diary", "Be honest with her")
    keep on? @ing
    keep safe|well|strong|positive|smiling|the+faith
    be proud
    be kind|gentle|easy|good|patient on|to|with yourself
    # a noun, not an order, when a verb follows: "Research shows ...", "Trust is earned",
    # "Exercise can lift your mood" (the statement may still be information)
    _ is|are|was|were|has|shows|says|suggests|can|will|does|seems|means|takes|makes|helps
    """
)
# A first clause before the imperative: "If it gets worse, call ...", "Either way, find ...".
_OPENING_CLAUSE_CHARS = 60


def _is_imperative(s: _Sentence) -> bool:
    """The sentence gives an instruction: "Try to get some air", "If it gets worse, call
    the line." Not "Tell me ..." or "Let me ..." (those invite or offer)."""
    words = s.words
    starts = [s.core]
    # after an opening clause or two: "If so, picture ...", "Please, before you go, call ..."
    for k in range(s.core, len(words)):
        if s.w.starts[k] - s.w.starts[s.core] > _OPENING_CLAUSE_CHARS:
            break
        if words[k] == "," or (words[k] == "then" and s.word(s.core) == "if"):
            starts.append(k + 1)
    for i in starts:
        while s.word(i) in _SOFTENERS or (s.word(i), s.word(i + 1)) == ("by", "all"):
            i += 2 if s.word(i) == "by" else 1
        verb = s.word(i)
        if verb not in _IMPERATIVE_VERBS or s.word(i + 1) in ("me", "us", "you", "i", "we"):
            continue
        if _NOT_ADVICE.at(s.w, i) < 0:
            return True
    return False


# Verbs that carry a suggestion after "you can": "you can call them", "you can ask".
_words(
    "suggested",
    """
    call text reach contact seek join find look talk ask try use go get speak write tell
    explain start set check visit apply make take consider search let put bring invite
    schedule plan focus spend
    """,
)
# Advice carried by a phrase rather than the sentence's first word.
# "It's worth noting that ..." points something out; it suggests nothing.
_sub("not_worth", "noting|mentioning|remembering|knowing|saying|celebrating")
_sub(
    "fine",
    """
    be fine|okay|alright|able|proud|happy|good
    # "you shouldn't be ashamed" lifts a burden; it asks nothing of them
    not be|feel ashamed|embarrassed
    """,
)
# "Maybe look ..." is advice, but not "maybe talk later", "maybe take care" (see _NOT_ADVICE)
_sub("not_advice_verb", "do+not+worry|take+care|have+a|see+you|thank|thanks|be+well|get+well")
_ADVICE_PHRASE = Phrases(
    """
    # modal advice to "you": "you should", "you might want to", "you could call"
    <@not_subject|sorry|that|though|time|feel you really|probably|definitely|just|also|
        still? should|shud|ought+to|need+to|have+to|might+want+to|may+want+to|may+wish+to|might+try|
        might+consider !:fine !not+feel|feel
    <@not_subject|sorry|that|though|time|feel you might want+to|try|consider
    you could !be|have|feel|tell|see|say|never|not|hear|imagine|would|.|,
    you will need|have to
    # (not a guess about them: "you must like it there", "you must know her well")
    you must !be|feel|have|like|love|know|miss|hate|mean|think|really
    it is important|vital|essential|crucial that|for you
    <sure|know|bet|believe|think|hope|that you can always|also|still|just? @suggested !through|
        over|better|past|it|this|a+job|one
    # another course open to them: "You can also ask the library" (not "you can always get
    # through this", which is confidence in them)
    <sure|know|bet|believe|think|hope|that you can also|always|even|
        then !:not_advice_verb !be|have|feel|do|love|enjoy|get+through|go+through|make+it|
        handle|cope|count @imperative
    # a resource pointed out for them: "There are groups you could join" (not "there is
    # nothing you could have done")
    there are|is a|an|some|many|lots|plenty|several|other|various|free|online|
        local _3 you can|could|might|may !have|be|feel
    # "What you need to do is ...", "it might be best for you to ..."
    what you need|should|could|can|might+want to? do is
    might|may|could|would be better|best for you to
    # softened: "maybe you could", "perhaps try", "maybe talking to her"
    # (not a guess about them: "maybe you were exhausted by then")
    <was|were|is|are|am|be|been maybe|perhaps !:not_advice_verb you|try|consider|look|talk|
        reach|find|get|take|it+would|it+might|@ing !are|were|was|feel|felt|had|have+been|did|
        thought|think|know|want|wanted|did+not
    <was|were|is|are|am|be|been maybe|perhaps just? !:not_advice_verb @imperative
    # what would help, said of an activity: "Going for a walk might help", "Having a
    # planner can keep you on track", "Taking a break is a good idea"
    ^ @ing _4 help|helps|can+help|may+help|might+help|could+help|would+help|will+help|can+make|
        may+make|might+make|can+keep|may+keep|might+keep|can+give|might+give
    ^ @ing _4 is|may+be|might+be|could+be|would+be|can+be a+good|a+great|a+way|the+best|worth|
        helpful|useful
    # the speaker's recommendation: "I suggest", "I'd recommend", "my advice"
    i would|can|could|do? also|strongly|definitely|really|highly|personally? suggest|recommend|
        advise|encourage|urge
    i advice|advise you
    my _1 advice|suggestion|recommendation|piece+of+advice
    one|another|a possible|good? solution|option|idea|suggestion|tip is|would+be|could+be|might+be|
        may+be
    one|another|a thing you can|could do is|would+be|could+be|might+be|may+be
    # what worked for me, offered as a way for them: "One thing that helped me was ..."
    one|another thing that? helped|helps|worked|works
    what helped|helps|worked|works for? me is|was
    if i were|was you
    # advice through what I would do: "I'd talk to her first", "I would call them"
    # (not how I would feel or react: "I'd go crazy", "I would break down too")
    i would !like|love|be|have|feel|say|not|think|guess|imagine|agree|understand|hate|hope|want|
        prefer|wish|never|probably|also|definitely|really|recommend|suggest|rather|been|do+not|go+crazy|
        freak|cry|die|break+down|lose|completely|totally|normally|too _
    # with a word of emphasis: "I'd definitely ring the school", "I would just tell him"
    i would definitely|personally|first|also|really|just|probably !:not_advice_verb !love|enjoy|
        like|hate|be|have|say|think|imagine|cry|understand|agree|do|go|lose|freak|break @imperative
    i think you should|need|could|ought|must|have+to|might+want
    i think it is|would+be|might+be|may+be best|better|good|a+good+idea|worth|wise|important|helpful
    # what they may have to do or may find: "you may need to step back", "you might find
    # that writing it down helps"
    you may|might need+to|have+to|be+able+to|find+it|find+that
    # what would help: "it might help to", "talking can help", "it's a good idea to"
    # (not what they are able to do: "you can help her")
    <i|we|you might|may|could|would|can|should really|also|definitely|probably? help
    <i|we might|may|could|would|can|should really|also|definitely|probably? be very|
        really? helpful|useful|a+good+idea|worth|beneficial|wise|a+good+start|a+good+step|
        a+good+way
    # (not what matters to someone: "it's important to you")
    it is|would+be a+good+idea|important|worth|best|helpful|wise|good|better to !you|me|him|her|
        them|us|everyone|anyone|someone|people
    # "It might be worth asking her", "it's worth talking to someone" (not "worth noting")
    it is|would+be|might+be|may+be|could+be really|definitely|always|
        probably? worth !:not_worth @ing
    # asking whether they are open to a step: "I wonder if you'd be willing to try it"
    wonder|wondering if|whether you would|might|could be+open|be+willing|consider|want+to+try|
        like+to+try
    it|this|that often|usually|really|always|also|sometimes? helps to|if|when
    is worth a? try|trying|shot|considering|looking
    # timing and the best course: "it might be time to", "the best thing is", "the right move"
    may|might be time to
    may|might be a good time to
    is|was|would+be the right move|thing+to+do|call
    it is time to
    the best thing|way|option|bet
    # the way forward laid out: "The first step is to book the appointment", "The key is to start
    # small", "This would be something to explore with a counsellor"
    the|your first|next step is|would+be|might+be|could+be to|@ing
    the idea|key|trick is to
    be something|one to explore|consider|look+into|discuss|bring+up|raise|work+on|think+about|
        keep+in+mind|bear+in+mind|take+into+consideration
    should|could|might|needs+to|need+to be brought+up|discussed|raised|checked|looked+at|
        addressed|explored
    the best|most+important|only thing? you can do _2 is
    # "try to ...", "make sure ...", "don't forget ..." said to them (not "I try to")
    # (nor my own promise: "I will try to help", "I'm trying to understand")
    <i|we|they|to|will|would|am|can|could|always try to|and|@ing
    <i|we|to|me|us make sure
    do not forget
    """
)
# Suggestions dressed as questions: "Have you tried ...?", "Why don't you ...?". They
# count as advice, not as a question: the answer they want is "yes, I'll do it".
_SUGGESTION_QUESTION = Phrases(
    """
    have you ever? tried|looked+into|looked+at|reached+out|contacted|been+to+see
    # (not a question about their own thinking: "Have you thought about what you want?")
    have you ever? considered|thought+about|thought+of !@wh|whether
    # a step they could take, asked about: "Have you asked your GP?", "Have you looked online?"
    have you already|ever? asked|checked|looked+for|looked+online|gone+to|googled|researched|
        started+looking|done+any+research|written+down|signed+up|registered
    can|could you possibly|also|maybe|perhaps|at+least|ever|just? make|sit|try|talk|ask|plan|put|
        write|set|find|go|call|reach|speak|take|get|join|start|see+if
    did you try|consider|think+about
    would|could|can|will you consider|try|be+willing+to|be+open+to|be+able+to|be+prepared+to
    would|could you be willing|open maybe|perhaps|just to
    # a step offered for them to weigh: "What would you think about trying it for a month?",
    # "Do you think it might help to write it down?"
    what would|do you think about|of @ing
    do you think it would|could|might help|be+worth|be+helpful|be+a+good+idea
    are you open|willing to
    are you familiar with
    is there any chance that? you can|could
    are there any? ways|things you can|could
    what if you
    is it possible for+you? to
    is it possible that? you could|can|might
    would it be possible for+you? to
    why do not you
    why not
    might|may|can|could i suggest|recommend
    would|could|might it help|be+worth|be+helpful|be+a+good+idea to|if
    how|what about @ing|if+you|if+we|we|a|an|some
    """
)
# "Is there anyone you could talk to?" asks about their support and points to a next step:
# a question and a suggestion at once (ALGEE: encourage other supports).
_words("lean_on", "talk turn reach lean confide call ask go speak email text trust contact rely")
_SUPPORT_QUESTION = Phrases(
    """
    anyone|someone|somebody|anybody _4 you|that can|could @lean_on
    any|a|some _ _4 you|that can|could @lean_on
    is+there|do+you+have _3 anyone|someone|somebody|anybody|a+friend|friends|family to|who|that
    # a way forward they could take: "Is there a way you could swap shifts?" (it asks as well)
    is there a|any|an easy|easier|better|other|possible? way|possibility|option for|to|you|of|
        that+you
    # "Have you talked to your manager about it?": whether they have turned to someone yet
    have you ever|already|yet? talked|spoken|reached+out|turned|
        opened+up|confided to|with|in
    have you ever|already|yet? had a|any chat|talk|word|conversation with
    """
)
# "What have you tried?" asks: a wh-question is open, even when it mentions trying.
_SUGGESTING_WH = Phrases(
    """
    why do+not|not
    how|what about
    what if you|we
    what would|do you think about|of @ing
    do you think it would|could|might help|be+worth|be+helpful|be+a+good+idea
    """
)

# ----------------------------------------------------------- reflection

# Feeling words that, said of "you", reflect a feeling back.
_words(
    "feeling",
    """
    sad upset angry mad hurt lonely alone scared afraid frightened anxious worried nervous
    stressed overwhelmed exhausted tired drained frustrated confused lost stuck hopeless
    helpless worthless guilty ashamed embarrassed betrayed rejected ignored unappreciated
    unheard torn trapped numb empty down low depressed heartbroken disappointed jealous
    insecure unsure uncertain conflicted burnt+out burned+out happy relieved proud excited
    hopeful grateful better worse pressured isolated
    """,
)
# How hard something is: "hard", "exhausting", "a lot".
_words(
    "hard",
    """
    hard tough difficult rough awful terrible horrible painful scary frightening stressful
    exhausting overwhelming frustrating upsetting sad heartbreaking lonely unfair a+lot
    confusing draining challenging devastating traumatising traumatizing hurtful isolating
    distressing horrendous heavy brutal a+nightmare no+fun worrying disappointing infuriating
    maddening discouraging depressing hell tricky unbearable shocking
    """,
)
# Words that soften or strengthen before the feeling: "must be really hard".
_words(
    "intensity",
    """
    be have+been feel really so very incredibly such pretty quite extremely super truly
    definitely kind+of a+bit a+little like a
    """,
)
# Praise that follows "sounds like" or "you seem": "sounds like a great plan", "you seem
# like a caring person". That affirms them; it does not reflect what they said.
_words(
    "praise",
    """
    good great nice fun wonderful lovely cool awesome excellent perfect solid smart fantastic
    brilliant caring kind strong positive loving capable intelligent mature sweet brave
    determined responsible dedicated thoughtful sensible reasonable amazing plan idea
    """,
)
_sub("praise", "you+are? a|an|such|very|really|so|like* @praise")
# "Sounds like a new job", "seems like an adorable dog": a thing, not their experience,
# unless it names how hard it is ("sounds like a nightmare", "a lot to carry").
_sub("a_thing", "a|an !@hard|@intensity")
_sub("praise_after_seem", "like|to+be? a|an|such|very|really|so|like* @praise")
# What an event stirred in them: "that scared you", "it worries you".
_words(
    "stirred",
    """
    scared shocked alarmed worried upset hurt frightened surprised bothered annoyed angered
    frustrated saddened embarrassed stressed terrified worries scares bothers frustrates
    upsets concerns frightens annoys hurts stresses alarms shocks saddens embarrasses terrifies
    """,
)
_words("stir_adverb", "really kind+of sort+of just must+have probably also")
# A guess at their meaning or feeling, wherever it sits in the sentence: "it sounds like
# you ...", "it seems", "I can tell", "if I understand you", "that must be exhausting".
_REFLECTION_GUESS = Phrases(
    """
    it|that|this? sound|sounds like|as+if|as+though !:praise !:a_thing
    it|that? seem|seems like|as+if|as+though|that|to+me !:praise !:a_thing
    it seems|appears|looks+like
    you seem|sound|appear !:praise_after_seem
    i can? tell|see|sense|hear|imagine|gather|guess|feel that? you|how|this|it|what|why|your
    i hear that|what
    # understanding drawn from what they wrote: "I can tell from talking to you that ..."
    i can|could tell|see|sense from|by _4 that|how
    # their feeling, too big to picture: "I can't imagine how hard that is for you"
    i can+not|could+not even? imagine how|what you|it|this|that|@hard
    what? i am also? hearing
    i also am hearing
    # "What I'm picking up is ...", "I'm sensing some worry"
    what? i am also? picking+up|sensing
    # "kind of feels like you're climbing a mountain", "sort of feel like you're torn"
    feels like you
    kind+of|sort+of feel like you
    # a reason offered for what they did: "that might be why you held back"
    that|this is|might+be|could+be|may+be|must+be why you !need|should|have|must|can|could
    i would imagine
    i get|have the|a feeling|sense|impression
    it feels|felt like !i|my
    if+i+am|am+i understanding|hearing|getting you|this|that|it
    if i understand
    i am trying to understand you|what|how|this|that
    am i right in thinking|saying|hearing
    correct me if
    let+me+see+if|to+make+sure i
    in other words
    it is like|as+if you
    part of you
    # what matters to them, named back: "being a good dad is really important to you"
    important|matters|means+a+lot|means+so+much to you
    on the? one hand
    # the other side of a double-sided reflection: "At the same time, you worry about money"
    at the same time ,? you|i !should|need|have+to|must|can|could|will|think
    # naming the feeling the situation carries: "that sounds exhausting", "must be lonely"
    that|it|this|which must|would|sounds|seems|can|could @intensity* @hard
    # understanding shown, not just claimed: "I know how you feel", "I can relate"
    i can|totally|completely|really* relate|understand+how+you|know+how+you|feel+you|get+you|
        get+where+you|know+what+you+are+going|understand+what+you
    # understanding claimed in so many words: "I understand", "I hear you", "I get it".
    # EPITOME and ESConv code it as understanding (an interpretation), not as praise.
    <do|if i can|totally|completely|really|fully|do* understand|hear+you|get+it|get+that|
        see+how !why
    i know the|that feeling
    # understanding that names the feeling: "I understand how frustrating it is"
    i can|totally|completely|really|fully* understand|see|imagine|know how|why _4 feel|felt|
        feeling|@hard|@feeling
    i can? see|imagine it|that|this being|would+be|must+be|is
    # the feeling itself understood: "I can understand being stressed right now"
    i can|definitely|totally|really|completely|fully* understand|imagine being|
        feeling @intensity* @feeling|@hard
    # a guess said as a guess: "I take it you were not expecting that", "I presume you ..."
    i presume|suppose|assume|take+it you
    # what something stirred in them: "that really scared you", "and it worries you"
    # (not "anything that worries you", "would it hurt you", or asked: "that shocked you?")
    ^ that|it|this|which @stir_adverb* @stirred you !?
    and|but|so|, that|it|this|which @stir_adverb* @stirred you !?
    # what they want or value, named back: "that is what you need", "it's what you care about"
    # (not a supposition: "if that's what you need")
    <if+that|if+it|if+this is|are|was|sounds+like what|something you really? want|care+about|
        value|need|love !to
    # what suits them, as they see it: "that sounds like a good spot for you"
    sound|sounds like a|an _4 for you
    # the pull of the status quo: "it's easier for you to leave it"
    it is|was|has+been|seems easier|harder for you
    # the feeling tied to their situation: "it's hard being away from family"
    that|it|this is|was|must+be|sounds|can+be|would+be? _1 @hard being|to|when|that+you|not|having|
        living|finding|dealing|going|losing|feeling|trying|watching|seeing|getting|waiting|knowing
    """
)
# Understanding shown through a shared feeling: "me too", "I've been there". EPITOME
# counts this as an interpretation; it reflects only if the talk then goes back to them.
_SHARED_FEELING = Phrases(
    """
    ^ same|ditto|me+too|same+here
    i feel|felt the same
    same thing? happen|happens|happened to me
    same with|for me
    # (not a supposition: "if that happened to me")
    <if+that|if+it|if+this happens|happened to me
    i am in the same boat
    i have been there
    i have felt|been like? that|this way? too
    i feel you
    i get you|it
    # the same experience, said outright: "exactly the same", "I'm the same", "I do too",
    # "I know exactly how you feel", "we're in the same boat" (not "others in the same boat")
    exactly|pretty+much|almost the same
    i do|did|am|have|feel|felt the same
    ^ i do|did|am|have|feel too|as+well|also $
    i know|knew exactly how|what you
    i know what|how that|it feels|is+like
    i+am|i+was|i+have+been|we+are in the same boat|situation|position
    # their feeling, felt by me too: "I feel lost too", "I've felt that way", "I get that way"
    i also|too|still|often|sometimes? feel|felt|have+felt|get _3 too|as+well|similar|similarly
    i feel|felt|have+felt|get _2 this+way|that+way|the+same+way|a+similar+way
    """
)
# A summary opened with "So": "So the job is what keeps you up at night." Not "so" as
# an intensifier ("so sorry"), before a question ("so what ..."), moving on ("so, anyway")
# or trailing off ("So—").
_NOT_SUMMARY = _word_set(
    """
    sorry glad happy much many what how why when where who do did does are is was were
    have has can could would will i let just yeah yes okay that great good nice anyway far
    true cool basically please if we tell
    """
)


# "So that's ..." sums up when it goes on to their story ("So that's what keeps you up"),
# not when it judges or moves on ("So that's great", "So that's it").
_NOT_SUMMARY_AFTER_THAT = _word_set(
    "great good nice cool okay fine awesome it all settled sorted done"
)


def _summary(s: _Sentence) -> bool:
    if s.word(0) != "so":
        return False
    nxt = 2 if s.word(1) == "," else 1
    if (s.word(nxt), s.word(nxt + 1)) == ("that", "is"):
        after = s.word(nxt + 2)
        return bool(after) and after not in _NOT_SUMMARY_AFTER_THAT and after not in _MARKS
    word = s.word(nxt)
    return word[:1].isalnum() and word not in _NOT_SUMMARY


# "You're (very) welcome": an answer to thanks, whatever else it looks like.
_WELCOME = Phrases("you|your|ur _3 welcome")
# A statement about them, which mirrors what they said: "You've had enough of the
# arguments." Not thanks ("you're welcome"), a prediction ("you'll ..."), advice ("you
# should ...") or agreement ("you're right").
_sub(
    "not_about_you",
    "should|could|can|need|might|may|must|will|want+to|have+to|ought|welcome|too|as+well|"
    "going+to|got+that|know|did+mention|are+welcome|are+going+to|are+right|are+correct|"
    "are+absolutely|are+so+welcome|are+very+welcome|are+most+welcome|are+more+than+welcome",
)
# Thanks answered in other words ("you're quite welcome", "you're most welcome", "you, too!"),
# a right they have ("you have every right"), what they need not do ("you don't have to be
# perfect"), praise or reassurance ("you are a kind person", "you aren't a burden"), a
# farewell ("you have a good night") or a prediction ("you'd be surprised"): none of it says
# back what they said.
_sub(
    "not_about_you_either",
    """
    are|r? quite|so|very|most|certainly|always|really|truly|much|more|than* welcome
    , too|as+well
    have every right
    do+not|never have+to|need+to|need
    are|have such|so|very|really|truly|clearly|definitely|a|an|some|the* @praise|@strength
    # encouragement: "you're the only one who can decide", "you've nothing to lose",
    # "you're making real progress"
    are the one|only+one|right+person
    have got? nothing+to+lose
    are making good|great|real|such|so+much progress|steps|strides|choices
    have a|an good|great|nice|lovely|wonderful
    do the same|as+well
    are definitely|totally|completely|so|absolutely|exactly right|correct
    would !like|love|rather|prefer|want
    deserve|matter|do+matter|are+not+a|are+not+an|are+only+human|are+human|are+not+alone
    """,
)
_YOU_STATEMENT = Phrases("you|your !:not_about_you !:not_about_you_either")
# Sympathy that names what they go through: "I'm sorry you're feeling this way", "glad
# you're feeling better". It comforts (validation) more than it says back.
_words("sympathy", "sorry glad happy")
# What a step might do for them: "it can help you feel better", "things that make you feel
# good". A hope or a suggestion, not their feeling said back ("it's making you feel low" is).
_words("brings_on", "help helps helped make let")
# The same guess made by a sentence about "you": "You're worried about ...", "So you
# feel ...". Only in statements (or a statement said with a rising "?"): in "Why do
# you feel that?" the words ask rather than reflect.
_REFLECTION_YOU = Phrases(
    """
    # what they are saying or feeling: "you're saying", "you're worried"
    <@not_subject|@sympathy you are saying|telling+me|noticing|feeling|worried|scared|afraid|
        concerned|thinking|wondering|struggling|finding|dealing|going+through|not+sure|
        not+quite+sure|not+really+sure|not+too+sure|not+totally+sure|not+entirely+sure|unsure|torn|
        stuck|really|so|very|pretty|quite|kind+of|a+bit|@feeling
    <@not_subject|@relative_head|@sympathy|@brings_on you feel|felt|might+feel|may+feel|must+feel|
        must+be|must+have
    # a feeling guessed with a hedge: "you probably felt empty", "you must be feeling"
    <@not_subject you probably|might|may|must|likely|also|still|really|just|kind+of|
        sort+of feel|felt|are+feeling
    <@not_subject|@relative_head|@sympathy you have been|had|felt|gone+through|struggled|tried|lost
    <@not_subject you have got this|a|that? real? sense|feeling
    # (not in a relative clause, "something you want", "people you love")
    <@not_subject|@relative_head|else you really|still|just? want|wanted|wish|miss|love|hate|care|
        worry|do+not+want|do+not+know !to+talk|to+chat|to+vent|to+share|to+tell|to+say|to+ask
    makes|made|making|leaves|left you feel|want|think|wonder
    # their own words, given back: "you said the move was hard", "you mentioned that he left"
    # (not agreement, "as you said", "like you said")
    <@not_subject|as|like|even|meant you just? said|mentioned|told+me that? you|your|it|he|she|they
    """
)


# ---------------------------------------------------------------- validation

# Strengths to affirm: "you're so strong", "you sound like a loyal friend".
_words(
    "strength",
    """
    strong brave courageous capable smart resilient important worth worthy amazing awesome
    good great wonderful loved kind caring valued enough thoughtful lucky intelligent mature
    self+aware determined
    """,
)
_sub(
    "apology",
    """
    for|about my|the late|delay|slow|typo|confusion|mistake
    # my own slip in this chat: "sorry, I misunderstood", "sorry I was confused"
    ,? i was|had|misunderstood|misread|meant|mean|did|do|forgot|missed
    # a non-apology: "I'm sorry if you feel that way"
    if you feel|felt
    """,
)
# "I'm glad I could help" is about the helper, not them.
_sub("i_helped", "that? i could|was+able+to|can be|help")
_sub("clause_goes_on", "_")
# "Hope you are well", "hope you're having a nice day": a greeting, not care for their trouble.
_sub("greeting", "doing? well|good|great|fine|as+well|too|having+a|having+an|enjoying")
# "I'm glad to hear that" on its own answers their news; "glad to hear you're safe" names it.
_sub("just_the_news", "to hear|read that|it|this !@word")
# "it's nice to have a dog", "it's a great way to relax": good in general, not about them.
_sub("good_in_general", "way|to !hear|see|read|know")
# Qualities that affirm them when noticed: "you seem very determined", "you're so patient".
_words(
    "virtue",
    """
    open motivated determined committed devoted dedicated resourceful insightful self+aware
    patient honest compassionate generous supportive selfless considerate hardworking
    proactive level+headed passionate loving caring thoughtful resilient wise
    """,
)
_VALIDATION_PHRASE = Phrases(
    """
    # sympathy: "I'm so sorry", "sorry to hear that" (not "sorry for my late reply")
    i+am|so|really|very|truly|deeply _1 sorry !:apology
    sorry to+hear|to+read|to+learn|for+your|that+you|you|about+your|about+that|about+this|
        about+what|this
    # naming how hard it is: "that must be hard", "what a tough time", "it's so unfair"
    # (not my own hard time: "it was hard for me")
    that|it|this|which|everything _1 must|would|can|could|sounds|seems|is|was|has+been|feels|
        has+to|have+to @intensity* @hard !for+me|for+us|to+me
    # the same with a helping verb: "that does sound painful", "it did seem scary"
    that|it|this does|did|must|would sound|seem|feel @intensity* @hard !for+me|for+us|to+me
    # "that sounds like it really hurts", "sounds like that must have been scary"
    sound|sounds|sounded like it|that must|would|can|could|really|is|was|
        has+been? @intensity* hurts|hurt|stings|stung|sucks|sucked|@hard !for+me|for+us|to+me
    that+is|it+is|what+a|such+a|how so|really|very|incredibly|pretty|truly? a? @hard
    # (their hard time or the situation's, not my own: "I had a hard time with that too")
    that|it|this|which|what|such|these|those _4 @hard situation|time|thing|place|position|
        spot|year|day|week
    is|are never|not easy
    # "it's especially hard with a divorce", "that is particularly painful"
    that|it|this is|was|can+be|has+been|gets especially|particularly|extra|doubly @hard !for+me|
        for+us|to+me
    # harder still for them: "it must be even harder now", "that would be all the tougher"
    must|would|can|could be even|especially|so+much|much|far|all+the? harder|tougher|
        more+difficult|more+painful|lonelier|scarier
    # how hard such things are for anyone: "moving house can be really stressful"
    can|could be @intensity* @hard !for+me|for+us|to+me
    not an easy
    # their feelings make sense: "that makes sense", "it's understandable", "no wonder"
    # (not checking my own words: "if that makes sense", "does that make sense?")
    <if|does|did|do that|it|this|which make|makes total|complete|perfect|a+lot+of? sense
    it+is|that+is completely|totally|perfectly|very|so|absolutely? understandable|valid|okay|
        alright|normal|natural|human|fine|reasonable to|that|for|if
    feeling _ is completely|totally|perfectly|very|so|absolutely? understandable|valid|okay|
        alright|normal|natural|human|fine|reasonable to|that|for|if
    it+is|that+is completely|totally|perfectly|very? understandable|valid
    your feelings are valid|real|important
    you+have|you+have+got every right
    of course you
    no wonder
    # anyone would feel it: "anyone would be upset", "anybody in your shoes would struggle"
    anyone|anybody would
    anyone|anybody|most+people else? in your shoes|position|situation|place would
    there is no shame
    # nothing to be ashamed of: "you shouldn't be ashamed", "no need to feel embarrassed"
    you should+not|do+not+need+to|need+not|have+no+reason+to be|feel ashamed|embarrassed
    no need|reason to be|feel ashamed|embarrassed
    nothing to be|feel ashamed|embarrassed
    # what they feel or did is not strange: "that's not weird at all", "it isn't selfish"
    that|it|this is not weird|stupid|silly|crazy|dumb|selfish|strange|unreasonable
    # the same, said as my view: "I don't think that's weird at all"
    do+not|never think that|it|this is|was weird|stupid|silly|crazy|dumb|selfish|strange|
        unreasonable
    # their feeling is legitimate: "I understand why you're angry", "I believe you"
    <do|if i can|totally|completely|really|fully* understand+why|see+why|feel+for+you|believe+you
    # their feeling named and understood: "I understand your frustration", "I get your worry"
    i|we can|totally|completely|really|fully|definitely|do* understand|get|hear your frustration|
        frustrations|concern|concerns|feelings|pain|worry|worries|fear|fears|anger|sadness|hurt|
        stress|anxiety|loneliness|disappointment|grief
    i know exactly|just? how|what you|it|that
    # how hard it is, beyond words: "I can't imagine how painful that is"
    i can+not|can+not+even|can+only|could+not|can+hardly imagine how|what
    # appreciation: "thank you for telling me", "I appreciate you sharing"
    # (not thanks for the chat itself, a courtesy: "thanks for talking to me")
    thank+you|thanks so+much|very+much? for? sharing|telling|trusting|opening|being+honest|
        being+open|reaching+out
    i appreciate you|your|that+you|how
    # "thank you for your honesty", "thanks for your question"
    thank+you|thanks for your honesty|courage|openness|trust|question|message|post
    # affirming strengths and worth: "you're doing great", "you're not alone", "proud of you"
    you are|sound+like|seem+like not+alone|handling|on+the+right
    <hope|hoping you are|sound+like|seem+like doing great|well|amazing|the+right|your+best|so+well|a
    you are|sound+like|seem+like such|so|very|really|clearly|obviously|definitely|a* @strength
    # a quality noticed: "you seem really determined", "you're clearly so patient"
    you seem|sound|appear like|to+be? you+are? so|very|really|pretty|quite|clearly|such? @virtue
    <if|long|whether you are|were|have+been clearly|obviously|definitely|truly|really? so|very|
        really|clearly|obviously|definitely|truly|incredibly @virtue
    you are|sound+like|seem+like not crazy|weak|a+burden|broken|stupid|overreacting|a+failure|
        useless|alone|the+problem|to+blame|in+the+wrong|the+bad+guy|a+bad+person|helpless|
        worthless|hopeless|a+bother|a+nuisance|an+annoyance|invisible|unlovable|pathetic|
        a+loser|selfish|lazy|at+fault
    # "you did nothing wrong", "you haven't done anything wrong"
    you did|have+done nothing wrong
    you did+not+do|have+not+done anything wrong
    # worth, said against a hurt: "you don't deserve that", "you didn't deserve to be treated so"
    you do+not|did+not deserve that|this|what|any+of|the+way|to+be+treated|to+be+hurt|to+feel|
        to+suffer
    not your fault
    it|this is not on you
    you deserve
    proud of you
    admirable
    commend you
    i am also|so|really|very|truly* glad|happy|pleased|grateful|
        thankful !:i_helped !:just_the_news you|that|to+hear|to+see|for+you
    # the same without "I am": "So glad you reached out", "Glad to hear you're safe"
    ^ so|really|very? glad|happy !:i_helped !:just_the_news you|that+you|to+hear|to+see|for+you
    that|it is so|really|very? good|great|wonderful|brilliant|awesome that|you
    good for+you|job|on+you|work|choice|step|start|thing
    # praise of their idea, said as a reply ("Good idea!"), not "Taking a walk is a good idea"
    ^ good|great idea|thinking|point
    # praise of what they thought of or did: "that's smart", "that sounds like a wise
    # plan" (not advice: "it's a good idea to see a doctor")
    that|this is|was|sounds|seems like? a|an|such+a? really|very|so? smart|wise|brave|
        courageous|sensible|mature|healthy !:clause_goes_on
    that|this is|was|would+be|sounds|seems like? a|an|such+a? really|very|so? smart|wise|brave|
        courageous|sensible|mature|healthy|good|great|excellent|positive|wonderful|solid idea|
        plan|step|start|move|choice|decision|approach|first+step !to
    well done
    congrats|congratulations|congratulation|kudos
    that+is|that+sounds|sounds so|really|very|like? great|wonderful|awesome|amazing|fantastic|
        excellent|brilliant|good+to+hear|a+great|fun|so+much+fun|lovely|nice !to+meet|to+talk|
        to+chat
    it+is so|really|very|like? great|wonderful|awesome|amazing|fantastic|excellent|brilliant|
        good+to+hear|a+great|fun|so+much+fun|lovely|nice !:good_in_general
    you did|handled|managed|made|have+done|have+handled _2 well|great|right|a+good|the+right|
        a+great|an+amazing
    # effort and direction noticed: "you're trying so hard", "you're on the right track"
    you are really|clearly|obviously? trying|working so|really|very? hard|your+best|your+hardest
    # "you're continuing to try hard", "you have done your best", "you tried your best"
    you are still|continuing+to|always? try|trying|working so|really|very? hard
    you have|have+been|are|were? really|truly|clearly|definitely? done|doing|tried|trying|
        did your+best|your+hardest|all+you+can|all+you+could|everything+you+can|
        everything+you+could|the+best+you+can|the+best+you+could
    on the right track|path
    # (not a step suggested: "a step in the right direction would be to call her")
    in the right direction !would|could|might|is+to|is+going+to
    the right tools|mindset|attitude|questions|steps
    do+not|never give up|lose+hope
    you have taken|made the|a first|big|brave|good|great|huge step
    it|that? takes|took a+lot+of|real|so+much? courage|strength|guts|bravery
    # being there for them: "I'm here for you", "I'm with you"
    i+am|i+will+be always|still|right? here|there for+you|if|to|with|whenever|anytime|for+whatever|
        for+anything
    here to|for listen|you|help
    i am with you
    # "we're in this together", "you don't have to face this alone"
    we are all? in this together
    you do+not|will+not|never have+to|need+to go+through|face|deal+with|carry|do _2 alone|
        by+yourself|on+your+own
    # their experience is shared and understood: "I can relate", "I totally relate to that"
    i can|do? totally|really|completely|definitely|so? relate
    i can|do? totally|really|completely|definitely? identify with
    # "we'll listen", "I'm going to hear you out"
    i|we will|would|are+going+to|am+going+to listen|hear+you+out
    # the same offer, asked: "Do you want to talk about it?", "Wanna vent?" (not a
    # suggestion to talk to someone else: "Would you like to talk to a counsellor?")
    ^ do|would? you want|like to? talk|vent|chat|rant !to|with
    ^ do|would? you want|like to? talk|vent|chat|rant to|with me
    ^ want to? talk|vent|chat|rant !to|with
    # "you can always talk to me", "I'll hear you out"
    you can|could always? talk|vent|rant|chat|speak to|with me
    i will|would hear you out
    i am more+than? happy|glad to help|listen|talk|chat
    you have? got this
    # belief in them: "I believe in you", "I believe you" (not "I know you said ...")
    i believe|trust in you
    i believe you !:clause_goes_on
    # reassurance: "I can assure you", "rest assured", "it gets better"
    i can|want+to assure|reassure you
    rest assured
    it gets better
    better days ahead|are+coming|will+come
    things|it|life will|can|does|is+going+to|are+going+to get better|easier
    # warmth: "hugs", "sending you love", "my heart goes out to you"
    hug|hugs
    sending you? lots|so+much? of? love|hugs|strength|good+vibes|good+wishes|positive+vibes|prayers
    my heart goes out
    # their pain moves me now: "that breaks my heart", "my heart aches for you", "I'm
    # worried about you" (not my own story: "she broke my heart", "I'm worried about my exam")
    that|this|it|which breaks my heart
    my heart breaks|aches|hurts for
    i am|was|have+been|get really|so|very|a+bit|a+little|genuinely|truly? worried|concerned|
        scared|afraid about|for you
    # hope for them: "I hope things get easier", "hopefully it helps"
    i hope you+feel|you+find|you+get|you+can|things|it+gets|that+helps|everything+works
    hope things|it+gets|you+feel|you+find|you+get
    # (not a greeting: "hope you are doing well", "I hope you're having a good day")
    hope you+are !:greeting
    hope you start|begin feeling|to+feel
    hopefully things|it|you
    # encouragement that stays with them: "hang in there", "I'm rooting for you"
    hang in there
    stay strong
    keep your head|chin up
    rooting for you
    you can do it|this
    you are not the only one
    # confidence in how they will cope: "you have the strength to get through this",
    # "you'll find a way through" (not a promise about how things will turn out, such as
    # "you'll be fine" or "you'll find someone better", which brushes the worry aside)
    you have|have+got the|what+it ability|strength|courage|skills|takes
    you will definitely|surely|certainly|absolutely? get+through|make+it|figure+it|
        figure+this|find+a+way|overcome+this|overcome+it|pull+through|come+through
    you are certainly|definitely? not|never|by+no+means|far+from alone
    # feeling it is allowed: "crying is okay", "grieving is normal"
    crying|grieving|feelings|emotions|feeling+that+way|feeling+this+way|feeling+sad|being+sad|
        being+upset|being+angry is|are always|totally|completely|perfectly? okay|normal|
        natural|alright|fine|valid|human
    # they matter to me: "I care about you", "I want you to be here"
    i really|truly|do* care about|for you
    i want you to live|stay|be+here|be+alive|be+safe
    i do+not want you to die|go|hurt|suffer|give+up
    # they matter to others: "people care about you", "you are loved"
    people|someone|others|we _2 care|cares|love|loves about|for? you
    # "there are people out there who care about you", "there are folk who really care"
    there are|is people|someone|others _4 care|cares|love|loves
    you are loved|cared+for|cared+about|important|not+forgotten
    you matter
    # their worth named: "your life has value", "everyone has worth, you included"
    your life matters|has+value|has+meaning|is+valuable|is+precious
    you|everyone|everybody have|has value|worth
    you are not|do+not|will+not suffer|suffering|struggle|struggling|hurt|hurting alone
    # encouragement to carry on: "keep it up", "keep going", "be proud of yourself"
    keep it up
    keep up the good work
    ^ keep going|fighting|pushing
    proud of yourself
    you should|can|must be|feel so|really|very? proud
    # their feelings are legitimate: "you're valid", "you have every right to be upset"
    you are valid
    there is nothing wrong with you
    you have every|the right|reason to feel|be
    # "what you feel is valid", "how you're feeling is completely understandable"
    what|how you feel|felt|are+feeling is|was completely|totally|perfectly|so? valid|real|
        normal|understandable|okay|natural|human
    you are|were right to feel|be
    that|it is not fair
    # what was done to them named as wrong: "that's really messed up", "that was cruel"
    that|it|this is|was|sounds|seems @intensity* messed+up|cruel|out+of+order|uncalled+for|
        unacceptable
    # feeling it with them: "that's heartbreaking", "I feel you", "that really sucks"
    heartbreaking|heart+breaking
    i feel|know your pain
    i feel you
    know|understand the|this|that feeling
    feel you bro|man|dude
    that|it|this really|totally|just? sucks
    # warm wishes: "I wish you well", "strength and peace to you"
    warm wishes
    i wish you well
    # "I wish you all the best" (a plain "good luck" is a pleasantry, not validation)
    wish|wishing you all? the best|very+best
    strength and peace
    # belief that they will get through it: "you will get through this"
    you can|will? definitely|absolutely|surely? get through
    # offers to listen: "message me any time", "I'm all ears", "if you ever want to talk"
    pm|dm|message|text|call me
    i am all ears
    i am available
    want to? talk about+it? ?
    feel free to reach|talk|message|pm|dm
    if|whenever you ever? want|need to talk|vent|chat
    i|we can talk|chat about+it|if
    # reassurance grounded in them: "I'm sure they'll understand", "I know you'll do well"
    i am so|very|quite|really? sure|confident|certain that? you|it|they|things|he|she|everything|
        this|there
    i am so|very|quite|really? sure|confident|certain _4 you can|will|are|have
    i assure|am+assuring you|that
    i believe|bet|know|trust that? you will|can|are
    # confidence in how they will cope: "I think you can handle it", "I feel you'll find a
    # way" (not a promise that all will be well: "I think you'll be fine")
    i think|feel that? you can|will|are+able+to|are+going+to|will+be+able+to handle|
        manage|cope|do+it|do+this|do+that|get+through|figure|find+a+way|find+a+solution|
        overcome|succeed|do+well|do+great|make+it
    you really|definitely|also? seem|sound|appear like|to+be? a|an|such|very|really|so|like* @praise
    # "you seem on top of this": they are managing, noticed
    you seem|sound|appear like? to+be? pretty|really|very|so|clearly? on top of
    you are definitely|clearly|such|a|so|very|really* hard+worker|hardworking+person
    you have a+lot|so+much going for you
    # what they will be: "you'll make a great dad", "you would be a wonderful teacher"
    you will|would|are+going+to make|be a|an|such+a @intensity* good|great|wonderful|amazing|
        fantastic|excellent|caring|loving @word !at|to
    you are so|very|really? gifted|talented|hardworking|hard+working|organised|organized|on+top+of|
        doing+everything|doing+all
    you have|have+got a|such+a|really|very|so|the* good|great|strong|big|kind|right|
        caring instincts|heart|head|attitude|mindset|plan|reason|point
    sounds+like|what|that+is|those+are|those+sound+like|this+is a|an|such|really|very|so* good|
        great|fantastic|excellent|smart|wonderful|brilliant|healthy|positive idea|plan|strategy|
        step|start|skill|skills|choice|decision|approach|hobby|way|coping|attitude|mindset|progress
    that+is|it+is so|really|very? unfortunate|too+bad|a+shame
    # their news or step, welcomed: "that is very good news", "a very positive step"
    that+is|it+is|this+is|what|such|sounds+like so|very|really|such? good|great|wonderful|
        fantastic|excellent|brilliant news
    is|was|are|be a|an @intensity* positive|brave|big|huge|important|great|healthy step|move
    # their reason is sound: "you have a legitimate reason for your feelings"
    you have|have+got a|every|good|perfectly|very|completely* legitimate|valid|good|real reason|
        reasoning|right for|to|behind
    # more affirming: "I applaud you", "they're lucky to have you", "you'll do great"
    i applaud|admire|salute you
    # "I admire how you handled it", "I'm impressed that you went", "that's inspiring"
    i admire|respect|applaud your|how+you|that+you
    i am @intensity* amazed|impressed|inspired|in+awe|moved|touched by|at|that|how|with you|your
    that+is|it+is|that+sounds @intensity* impressive|inspiring|remarkable
    i sympathise|sympathize
    lucky to have you
    that is the spirit
    you will|are+going+to do|be great|fine+at|amazing|brilliant
    i have no doubt
    a|the? big|huge|great|brave|important first? step
    understandable|understandably
    completely|totally|perfectly? valid feeling|feelings|reaction|concern|concerns
    that+is|it+is completely|totally|perfectly|very|so? normal|natural
    # agreeing with how they see it: "you're so right", "so true" (a bare "you're right"
    # agrees with a point; "right now" is a time)
    you are so|absolutely|totally|completely|100 right !now
    so true
    i totally|completely|definitely|absolutely? agree
    """
)


# ----------------------------------------------------------- self-disclosure

# Verbs with which "I" takes a stance towards the listener ("I think", "I hope", "I'm
# sorry") or offers something, rather than telling my own story.
_words(
    "stance",
    """
    think thought hope understand understood know see hear believe guess suppose assume wonder
    mean meant agree suggest recommend advise encourage urge invite offer would will can could
    should shall must may might need want wanted wish feel get imagine bet assure promise
    apologise apologize appreciate care trust say said ask asked doubt notice noticed sense
    admire respect thank pray challenge am is was were have has had miss love like hate
    totally completely suspect heard recommend feels looks realise realize gather sympathise
    sympathize empathise empathize misunderstood seems
    """,
)
# Adverbs and auxiliaries between "I" and the verb of my story: "I also", "I don't".
_words(
    "i_adverb",
    """
    also too really still just always never sometimes often usually personally myself
    actually definitely honestly do not did highly sincerely wholly genuinely absolutely
    """,
)
# "I" as the subject of my own story: not in a question ("can I help?"), a condition
# ("if I"), or talk about this conversation ("glad I was able to help").
_words(
    "not_my_story", "can am do may could should would if did glad hope happy hoping have that sorry"
)
# What follows "I was", "I got", "I have been" when it is about this chat, not my life.
_sub(
    "this_chat",
    "able|wondering|going|thinking|hoping|just|temporarily|distracted|told|asking|you|"
    "trying+to+help|trying+to+understand|trying+to+figure|that+right|to+help|to+talk|"
    "to+chat|to+connect|of+help|of+some+help|helpful|not+mean|not+intend|mean+to",
)
_words(
    "kin",
    """
    own mom mum mother dad father husband wife partner boyfriend girlfriend son daughter kid
    kids children family friend friends sister brother sibling siblings parents grandma
    grandmother grandpa grandfather dog cat pet pets therapist doctor job work boss
    experience life depression anxiety ex marriage situation case personal first last
    childhood school college university eldest oldest youngest
    """,
)
_SELF_DISCLOSURE_PHRASE = Phrases(
    """
    # the speaker's own past or ongoing experience: "I had", "I've been through", "when I"
    <@not_my_story i also|too|myself|personally|once|still|used+to|recently? had|was|went|got|lost|
        felt|struggled|suffered|dealt|tried|found|started|learned|learnt|remember|grew+up|moved|
        lived|worked|quit|broke|experienced|spent|ended|became|did|left|stopped|took|used+to|
        go+through|struggle|suffer|deal|live|work|study|studied !:this_chat
    <@not_my_story i have been|had|a|an|two|three|my|depression|anxiety !:this_chat
    <@not_my_story i have also|personally|always|never|recently|just|often? been|had|felt|gone|
        struggled|dealt|lost|done|tried|found|experienced|suffered|battled|lived|worked|seen|
        learned !:this_chat
    <@not_my_story i also|too have|had been|had|felt|gone|struggled|dealt|lost|experienced|
        suffered !:this_chat
    i am also|too|still|currently? a|an|going+through|dealing|struggling|in+the+same|married|
        single|divorced|retired|@num
    # my own state, or theirs recognised as mine: "I feel like I'm ...", "that's so me"
    i feel|felt like i|my|i+am
    sound|sounds like me|myself
    this|that is so? me $
    i get|have|had the same
    when i !say|said|mean|ask
    my @kin 's? @word
    # "I too": the speaker puts themselves alongside them ("I too love that show")
    ^ i too
    # our own life, told as "we": "we went into lockdown again", "we did take it slowly"
    ^ we also|too|just|both|actually? had|went|got|lost|moved|lived|entered|started|spent|tried|
        took|broke|did|met|struggled
    # having been where they are: "been there too", "I've been in your shoes"
    ^ have? been there
    been in your shoes|position|situation
    speaking from experience
    <@imperative me too
    same here
    same with|for me
    i feel the same
    i know|get the feeling
    <if+that|if+it|if+this happened|happens to me
    in my experience|case
    for me ,? it|the|i|what
    i have definitely|certainly|also|too|really? been there
    helped|worked+for|works+for me
    # something in my life too: "that matters to me too", "it makes me sad as well"
    <@imperative me @word? too|also|as+well $
    # an experience like theirs: "I have had a similar experience"
    i have|had actually|also|definitely? had|been+through|gone+through|experienced a|
        something very|really|quite? similar|the+same
    # where I live and what goes on there: "I live near the coast", "it's been grey over here"
    i live in|near|outside|with
    here in|where+i+am|where+i+live
    <come|get|go|stay|move|bring|sit over|around here
    # "I" doing or living something, rather than taking a stance towards them:
    # "I don't drive", "I tend to ...", "I usually walk" (not "I think", "I'm sorry", "I take
    # it you ...", or this chat: "I enjoyed talking with you", "I didn't mean to upset you")
    <@not_my_story i @i_adverb* !@stance|@i_adverb|truly|used|hope|hoped|mean|meant|was+able|
        have+been+able|take+it|enjoyed+talking|enjoyed+chatting|enjoyed+our|liked+talking|
        liked+chatting|liked+our|loved+talking|loved+chatting|loved+our @word !you
    # what I love or like (not "I love you", "I like that you ...")
    <@not_my_story i really|also|personally|do? love|like|enjoy|hate|prefer !you|that+you|how+you|
        what+you|your|the+idea|hearing|to+hear
    # (not a disclaimer before a tip: "I'm not a doctor, but ...")
    i am currently|from|living|working|studying
    affected|helped|hurt|bothered me
    # the same thing, in my life too: "I get that way too", "I, too, have lost a parent",
    # "I went through something similar", "whenever I'm low, I walk" (not "whenever I can",
    # "I hope so too", "I understand that as well")
    ^ i , too
    ^ i !@stance|hope|would|can|could|will|understand|believe _3 too|as+well $
    through something similar|the+same
    i am|was feeling|going+through the same
    whenever i !can|could
    i also|too|still|often|sometimes? feel|felt|have+felt|get _3 too|as+well|similar|similarly
    i feel|felt|have+felt|get _2 this+way|that+way|the+same+way|a+similar+way
    # their life next to mine: "your mum sounds like my mum", "a year like mine"
    like mine|myself|my+own
    like my @kin
    # something of mine, too: "I also have a friend like that", "I also am a night owl"
    i also|too have|had a|an|my|the|some|two|three|@num
    i also|too am|get|feel|go|live|work
    i also|still|often|sometimes|too|really feel|felt the same
    # where I stand in my family: "I'm the youngest of three"
    i am the eldest|oldest|youngest|middle
    # the same, in my life: "I've felt this way myself", "I myself am a carer"
    this|that way|like+this|like+that|the+same myself
    i myself
    i am|was the same
    # what keeps me going: "music gets me through", "walking does it for me", "at least
    # for me" (not "that helps me understand")
    gets|got|helps|helped|keeps|kept me through|going|sane
    does|did it for me
    at+least|personally for me
    # a trait of mine beside theirs: "I'm also pretty shy" (not "I'm also very sorry")
    i am also|too|myself very|really|pretty|quite|a+bit|kind+of|sort+of !sorry|glad|happy|here|
        proud|grateful|thankful|worried|concerned|sure|interested|curious @word
    # owning up to my own state: "I have to admit I've been low too"
    i have+to|must admit|confess that? i
    """
)


# ---------------------------------------------------------------- information

# What a group of people generally does or goes through: "find", "feel", "struggle".
_words(
    "generic_verb",
    """
    find feel experience have struggle go get deal live suffer say report notice need use take
    benefit try are do see think worry cope recover tend start stop become
    """,
)
_INFORMATION_PHRASE = Phrases(
    """
    # evidence: "research shows", "studies suggest"
    research|studies|a+study|science|evidence|statistics|data|expert|experts|doctor|doctors show|
        shows|suggest|suggests|say|says|has+shown|have+shown|indicate|indicates|finds|found|agree
    # how common it is: "it's common", "many people", "one in four"
    it+is|this+is|that+is|which+is _1 very|quite|really|so|actually|pretty? common|typical|usual|
        a+common|a+normal|a+natural|a+typical
    # what many people go through: "many people find ...", "most of us feel ..." (not "lots
    # of people would love that")
    many|most|some|a+lot+of|lots+of|plenty+of|millions+of|so+many|other people|folks|adults|teens|
        students|parents|others|of+us|couples|men|women also|often|usually|actually? @generic_verb
    one in _
    # (not "100%", which says "completely": "I agree 100%")
    !100 @num|a+few|several percent|%
    # what help and conditions do: "therapy can help", "antidepressants take weeks"
    therapist|therapists|counselor|counselors|counsellor|counsellors|doctor|doctors|gp|gps|
        psychiatrist|psychiatrists|psychologist|psychologists|therapy|counseling|counselling|
        medication|medications|meds|antidepressant|antidepressants|treatment|cbt|dbt|exercise|
        meditation|sleep|alcohol|caffeine|depression|anxiety|grief|stress|panic+attack|
        panic+attacks|hotline|hotlines|helpline|helplines|support+group|support+groups can|may|
        might|will|often|usually|tend|tends|are|is|have|has|help|helps|cause|causes|affect|affects|
        take|takes|work|works
    there are|is _2 many|lots|a+lot|plenty|several|free|online|support|services|groups|resources|
        options|ways|program|programs|programme|programmes|hotline|hotlines|helpline|helplines|app|
        apps|website|websites|site|sites|places|organisations|organizations|charities|@counsel|
        @therap
    is|are called|known+as|a+type|a+form|a+kind|a+sign|a+symptom|a+part
    it usually|often|can? take|takes _2 time|weeks|months|days|years
    # what a treatment or habit does to their health: "the side effects are mild", "it
    # lowers your risk of a stroke", "Did you know that smoking affects sleep?"
    the|common|possible|main|most+common|usual side effect|effects
    lower|lowers|reduce|reduces|increase|increases|raise|raises|cut|cuts|double|doubles|
        your|the risk
    ^ did|do you know that _
    # (not "you're open to new ideas", which is about the person)
    is|are available|free|confidential @word
    # a resource to look up: a web address
    http|https|www
    # what a service is: "It's a free program for carers", "AA is a group that meets weekly"
    is|are a|an _2 program|programme|service|charity|organisation|organization|website|site|app|
        hotline|helpline|group|resource|network|platform for|that|where|run|which|who|designed|to
    # what they have read or heard, or a source: "I've read that ...", "according to the NHS",
    # "As far as I know, ...", "I saw online that ..."
    i have? read|heard that|of
    according to
    as far as i know|am+aware
    from what i know|have+learned|learned
    # "From what I've seen, ..." (not "from what I've read, you feel ...", about them)
    from what i have? heard|seen|saw|read !you|your|,+you|,+your
    research|studies|a+study|science|evidence|data has|have also|consistently|repeatedly|actually|
        even shown|found|proven|linked
    i see|saw|found online|on+the+internet
    # a generalisation, flagged as one: "Typically, ...", "In general, ...", "Usually the
    # first weeks are the hardest", "It varies" (not a habit of mine: "usually I just chat",
    # nor advice: "often it helps to ...")
    ^ typically|generally|in+general|statistically
    ^ usually|normally|often|oftentimes|commonly !i|we|times+it|it+helps|it+can+help
    # how the body works: "Your brain releases dopamine when ..." (not "your body needs rest")
    brain|brains|body|bodies releases|release|produces|produce|rewards|reward|makes|make|reacts|
        react|responds|respond|creates|create
    varies|vary|depends from|by|on
    # what a word or a condition means: "That's when it becomes serious", "It refers to ...",
    # "what we call burnout"
    what we call|what+is+called|so+called
    # (not "it means a lot to me", "that means you care")
    it|this|that|which means|is+when|refers+to !a+lot|so+much|the+world|everything|nothing|
        you|that+you|a+great
    # how a medicine is taken: "Take it once a day", "one tablet at night", "a 20 mg dose"
    take|taking it|this|them|one|these|a+tablet|a+pill|the+pill|the+medicine|the+medication once|
        twice|every|each|daily|at+night|in+the+morning
    one|a|two tablet|tablets|pill|pills|capsule|capsules a|per|each|every day|night|morning
    dose|doses|dosage|mg|milligram|milligrams
    the recommended|safe|daily|weekly|maximum limit|amount|dose|level|intake
    # results fed back: "Your blood pressure is high", "your cholesterol came down"
    your blood+pressure|cholesterol|sugar|blood+sugar|glucose|a1c|bmi|heart+rate|test+results|
        results|levels is|are|was|were|has|have|looks|looked|seems|came|went|shows|showed
    # one of the leading facts: "Smoking is one of the most common causes of ..." (not "she
    # is one of the best people I know")
    is|are one of the most+common|most+effective|most+frequent|best+ways|leading|main|biggest
    # the speaker's role: "My job is to help you ...", "It's part of my role"
    my role|job|aim|purpose|task here? is to
    part of my job|role
    one of my jobs|roles|duties
    # what a rule allows: "You're not allowed to drive for a month"
    you|they|we are|were not allowed|permitted to
    """
)
_PREDICATES["counsel"] = lambda w: w.startswith("counsel")
_PREDICATES["therap"] = lambda w: w.startswith("therap")
# A general statement about the world: "Grief comes in waves.", "Most clinics offer ...".
# It talks about neither speaker ("I", "you"), asks nothing, and uses a present-tense verb.
_PARTICIPANT_START = _word_set(
    """
    i me my you your yours thank thanks hope sorry okay yes no hi hello bye good great glad
    nice wow please welcome what which who how why where when
    """
)
_PRESENT_VERB = _word_set(
    """
    is are can may might will tend tends has have does help helps means takes makes causes
    affects works needs depends varies happens comes goes include includes shows gives keeps
    leads becomes gets seems feels offer offers provide provides require requires lasts starts
    there they we people
    """
)
# Words that make a statement personal, an opinion, a wish or a belief, not information.
_NOT_GENERAL = _word_set(
    """
    i me my mine myself wish hope hopefully sure believe feel think awesome amazing lovely
    nice great wonderful glad sorry proud love pleasure god jesus lord
    """
)


# Openings of a condition, a guess, a reason or an answer, which make the statement
# advice, a suggestion or chat rather than information: "If you ...", "Maybe ...". And
# openings that comment or argue ("Unfortunately ...", "Even so ...", "Just ...").
_NOT_GENERAL_START = _word_set(
    "if maybe perhaps because yes no at unfortunately even just however especially haha lol "
    "since otherwise to"
)


# A promise that things will improve: "It gets easier with time", "It'll all be okay".
_REASSURING = Phrases(
    """
    get|gets|getting only? better|easier
    will|would be okay|fine|alright|all+right
    """
)


def _general_statement(s: _Sentence) -> bool:
    words = s.words[s.core :]
    content = [w for w in words if w not in _MARKS]
    if s.asks or not content or len(content) < 6:
        return False
    # an exclamation reacts rather than informs: "That's such a lovely thing to do for them!"
    if "!" in words:
        return False
    if content[0] in _PARTICIPANT_START or content[0] in _NOT_GENERAL_START:
        return False
    # a verb first is an instruction or a wish, not a statement: "Have a good evening"
    if content[0] in _IMPERATIVE_VERBS or content[0] in _AUX:
        return False
    # "It's not that bad", "That is so true": a comment on what they said, not information
    if content[0] in ("it", "that", "this") and content[1] in ("is", "was", "'s"):
        return False
    # a reassurance or a platitude comforts (or minimises); it tells them nothing new
    if _REASSURING.search(s.w) is not None or any(
        p.search(s.w) is not None for p in (_MINIMISING, _DISMISSING)
    ):
        return False
    return any(w in _PRESENT_VERB for w in content) and not any(w in _NOT_GENERAL for w in content)


# ------------------------------------------------ reflection from the context

# Common words that carry no topic, so sharing them with the context proves nothing; and
# greetings, thanks and good wishes, which both sides trade at the end of a chat.
# (A word list reads better as text than as a column of quoted strings.)
_STOPWORDS = _word_set(
    """
    about above after again against also always among another anything anyone around because
    been before being below between both could doing down during each even ever every
    everything feel feeling feels felt from further going have having here just know like
    little lot make many maybe more most much must never nothing only other others over
    really right same should some something still such sure than that their them then there
    these they thing things think this those though through time together too under until
    very want wanted well were what when where which while will with without would yeah your
    yours yourself able back come does done good gets getting give given goes into kind mean
    people person probably quite said says see seem seems since sort talk tell thank thanks
    trying okay merry christmas holiday holidays luck bless blessed wish wishes hope hoping
    hopefully glad great nice lovely welcome pleasure chat chatting talking talked help helping
    helped helpful best morning evening night weekend stay safe
    """
)


# A sentence that looks ahead or supposes ("that will make you", "if you ..."), hopes,
# cheers or believes in them ("glad you're sleeping better", "you deserve rest") says what
# could be or how I feel about it, not what they said.
_NOT_ECHO = _word_set(
    "will would could should might may can must if maybe hope glad deserve believe"
)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly", "ion", "ness", "ment"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    # "lived", "living", "lives" and "live" share a stem; so do "stopped" and "stop"
    if len(word) > 3 and word[-1] == "e":
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    return word


def _content_stems(words: tuple[str, ...] | list[str]) -> frozenset[str]:
    return frozenset(_stem(w) for w in words if len(w) >= 4 and w not in _STOPWORDS)


def _echoes_context(s: _Sentence, context_stems: frozenset[str]) -> bool:
    """A second-person statement that reuses the loved one's own topic words."""
    if not context_stems or not any(w in _YOU_WORDS for w in s.words):
        return False
    if any(w in _NOT_ECHO for w in s.words):
        return False
    return len(_content_stems(s.words) & context_stems) >= 2


# ----------------------------------------------------------------- analysis

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


_ASKS_ABOUT_SUICIDE = (
    "Asking directly about suicide is right: it shows them you can hear the answer.",
    "Whatever they answer, thank them for telling you, stay with them and look for help together.",
)
_SHARED = (
    "Saying you've felt it too shows you understand, as long as the talk goes back to them.",
    "Then hand it back: 'What's it like for you?'",
)

# Where the phrase that shows a skill ends: at the end of its clause, so that the span
# covers "I'm really glad you told me", not just "I'm really glad you".
_CLAUSE_BREAKS = frozenset(',;:.!?()"') | _word_set(
    "but though although because so and or while whereas however unless"
)


def _clause_end(s: _Sentence, end: int) -> int:
    """Word index where the clause that word ``end - 1`` belongs to ends."""
    words = s.words
    while end < len(words) and words[end] not in _CLAUSE_BREAKS:
        end += 1
    return end


def _finding(name: str, start: int, end: int, why: tuple[str, str] | None = None) -> Finding:
    reason, suggestion = why or (_SKILL_REASON[name], _SKILL_SUGGESTION[name])
    return Finding(
        name=name, kind="skill", start=start, end=end, reason=reason, suggestion=suggestion
    )


def _whole(name: str, s: _Sentence, why: tuple[str, str] | None = None) -> Finding:
    return _finding(name, s.start, s.end, why)


def _phrase(
    name: str, phrases: Phrases, s: _Sentence, why: tuple[str, str] | None = None
) -> Finding | None:
    found = phrases.search(s.w)
    if found is None:
        return None
    i, j = found
    j = _clause_end(s, j)
    return _finding(name, s.w.starts[i], s.w.ends[j - 1], why)


def _asking_and_advising(s: _Sentence) -> tuple[Finding | None, Finding | None, bool]:
    """The sentence's question and advice findings, and whether it asks them something."""
    kind = _question_kind(s)
    suggests = _phrase("advice", _SUGGESTION_QUESTION, s)
    # "Why don't you start by telling me about it?" invites them to talk: a question.
    if suggests is not None and kind == "open" and (_INVITATION(s.w) or not _SUGGESTING_WH(s.w)):
        suggests = None
    # In "Where do you think you should start?" the modal belongs to their own idea.
    asks_them = kind == "open" or _INVERTED.at(s.w, s.core) >= 0
    advice = suggests or (None if asks_them else _phrase("advice", _ADVICE_PHRASE, s))
    if advice is None and kind == "closed":
        advice = _phrase("advice", _SUPPORT_QUESTION, s)
    if advice is None and kind is None and _is_imperative(s):
        advice = _whole("advice", s)
    # "Maybe you could ask her?" is a suggestion said with a rising voice.
    if kind == "closed" and advice is not None and not asks_them:
        kind = None
    if kind is None or suggests is not None:
        return None, advice, asks_them
    from ally.practice.safety import asks_about_suicide

    why = _ASKS_ABOUT_SUICIDE if asks_about_suicide(s.text) else None
    return _whole(f"{kind}_question", s, why), advice, asks_them


def _reflection(s: _Sentence, context_stems: frozenset[str], acted: bool) -> Finding | None:
    """A reflection in the sentence. ``acted`` says the sentence already asks or advises,
    so reusing their words there is not by itself a reflection."""
    if _WELCOME.at(s.w, s.core) >= 0:
        return None
    found = _phrase("reflection", _REFLECTION_GUESS, s) or _phrase(
        "reflection", _SHARED_FEELING, s, _SHARED
    )
    asking = _INVERTED.at(s.w, s.core) >= 0 or _WH_ASKING.at(s.w, s.core) >= 0
    if found is None and not asking:
        found = _phrase("reflection", _REFLECTION_YOU, s)
        if found is None and _summary(s):
            found = _whole("reflection", s)
    if found is None and not acted and _echoes_context(s, context_stems):
        found = _whole("reflection", s)
    return found


def _my_own_hard_time(s: _Sentence, validation: Finding) -> bool:
    """In a share of my own, "it was awful" names my hard time, not theirs: "I went through
    a breakup last year and it was awful". (Sympathy such as "I'm so sorry" still counts.)"""
    first = s.text[validation.start - s.start :].split(maxsplit=1)[:1]
    return (
        bool(first)
        and first[0].lower() in ("it", "that", "this", "which", "everything")
        and not any(w in _YOU_WORDS for w in s.words)
    )


def _sentence_skills(s: _Sentence, context_stems: frozenset[str], on_topic: bool) -> list[Finding]:
    """The skills in one sentence. ``on_topic`` says the reply as a whole takes up words
    of what they said, so a share of my own in it answers their story."""
    question, advice, asks_them = _asking_and_advising(s)
    reflection = _reflection(s, context_stems, advice is not None or question is not None)
    validation = _phrase("validation", _VALIDATION_PHRASE, s)
    # a plain statement about them, with nothing else going on, mirrors what they said
    quiet = reflection is None and advice is None and validation is None and not asks_them
    if quiet and _YOU_STATEMENT.at(s.w, s.core) >= 0:
        reflection = _whole("reflection", s)
    disclosure = _phrase("self_disclosure", _SELF_DISCLOSURE_PHRASE, s)
    if disclosure is not None and validation is not None and _my_own_hard_time(s, validation):
        validation = None
    # a share of your own on their topic shows you understand from experience (EPITOME
    # counts it as an interpretation): "I lost my job last year too" after "I lost my job",
    # or "Losing a job is brutal. I was out of work for a year." (the topic named nearby)
    if reflection is None and disclosure is not None and on_topic:
        reflection = _whole("reflection", s, _SHARED)
    found = [f for f in (question, advice, reflection, validation, disclosure) if f is not None]
    information = _phrase("information", _INFORMATION_PHRASE, s)
    if information is not None:
        found.append(information)
    return found


# They ask whether anyone else lives this too: "Does anyone else feel this way?", "Am I the
# only one?", "Is it just me?". A share of mine answers that question.
_ANYONE_ELSE = Phrases(
    """
    anyone|anybody|someone|somebody|others else? _3 feel|felt|get|have|had|go|deal|struggle|
        experience|relate|know|understand
    anyone|anybody else
    am i the only one|person
    is it just|only me
    """
)


def _skills(sentences: list[_Sentence], context: str) -> list[Finding]:
    their_words = words_of(context.translate(_STRAIGHTEN))
    context_stems = _content_stems(their_words.words)
    reply_stems = _content_stems(tuple(w for s in sentences for w in s.words))
    on_topic = bool(reply_stems & context_stems) or _ANYONE_ELSE(their_words)
    found: list[Finding] = []
    quiet: list[_Sentence] = []  # sentences that show no skill of their own
    for s in sentences:
        in_sentence = _sentence_skills(s, context_stems, on_topic)
        found.extend(in_sentence)
        if not in_sentence:
            quiet.append(s)
    # A general remark counts as information on its own; beside a reflection or validation
    # it backs up the empathy ("Breakups are hard on anyone. That sounds awful.") rather
    # than telling them something new.
    if not any(f.name in ("reflection", "validation") for f in found):
        found.extend(_whole("information", s) for s in quiet if _general_statement(s))
    return found


def detect_skills(text: str, context: str = "") -> list[str]:
    """Skill names found in ``text`` (for ``../shared/eval/score.py --callable``)."""
    found = {f.name for f in _skills(_sentences(text), context)}
    return [name for name in SKILLS if name in found]


# ----------------------------------------------------------------- pitfalls

# Where an order to them starts: the start of a clause, or after a softener ("just",
# "please", "you need to"). "Let it go" is an order; "hard to let it go" is not.
_words(
    "order_lead",
    "just please try+to need+to should have+to got+to and now man so oh come+on well hey",
)


def _orders(*lines: str) -> str:
    """Pattern lines for orders: each at the start of a clause or after a softener."""
    return "\n".join(f"{lead} {line}" for line in lines for lead in ("^", "@order_lead"))


# "At least" that shrinks the problem, not "at least you told me", "at least twice".
_sub(
    "fair_at_least",
    """
    you have? told|said|shared|reached|talked|opened|came|called|asked|let|trusted
    you are talking|telling
    @num|one|two|three|a+few|a+couple|once|twice|some|for+now|for+a|for+the|until|that|i|we|
        @imperative
    """,
)
_MINIMISING = Phrases(
    """
    # a silver lining that shrinks the problem: "at least you have a job"
    ^ at least !:fair_at_least
    but|well|still|hey at least !:fair_at_least
    # comparison with others: "others have it worse", "it could be worse"
    other|some|lots+of|many|plenty+of people|kids|folks have+to|had+to? have|had|are|go+through|
        deal+with|face it|things? _2 worse|harder
    people|others|someone have|has|had it _2 worse
    it|things|this|that could always|have? be|been a+lot|much|way|so? worse
    worse things happen
    there are people starving|dying|worse+off
    think of|about those|people|the+people|others who+are? less fortunate
    # cheering up instead of listening: "cheer up", "look on the bright side"
    cheer|chin|buck up
    turn that frown
    good vibes only
    everything happens for a reason
    this too shall pass
    # a platitude about time: "time heals", "time is a great healer"
    time heals|will+heal|is+a+healer|is+a+great+healer|is+the+best+healer
    it is all? part+of? god+'s|a+bigger|the plan
    # shrinking it: "it's not that bad", "you'll get over it", "it's no big deal"
    it+is|that+is really? not that|so|even+that|a+big+deal|the+end+of+the+world|
        a+real+problem !easy|simple|obvious|your+fault|uncommon
    it+is|that+is no big deal
    not a big deal
    you will|are+going+to soon? get over it|this|that|him|her
    # moving straight on to someone or something new: "you'll find someone better",
    # "plenty more fish in the sea"
    you will|are+going+to soon|easily? find|meet someone|somebody|another|a+new better|else|new|
        one|job|guy|girl|partner|in+no+time
    plenty|lots more|other|of fish in the sea
    plenty|lots more|other fish
    just|need+to|should|have+to|got+to get over it
    ^ get over it
    it is just|only a phase|bad+day|breakup|break+up|job|test|exam
    everyone gets|feels|has+days+like|goes+through _1 sad|down|low|that|this|stressed|like+that
    you have so+much|a+lot|everything to be+grateful+for|be+thankful+for|be+happy+for|live+for
    be grateful|thankful for+what|that
    count your blessings
    """
    + _orders(
        "think|stay|be|keep more? positive|positively",
        "look|focus on the bright|positive side",
    )
)
_JUDGMENT = Phrases(
    """
    # labelling how they feel: "you're overreacting", "being dramatic", "too sensitive"
    you are just|being|so|too|really* overreacting|dramatic|oversensitive|hysterical|silly|
        ridiculous|selfish|lazy|weak|pathetic|childish|paranoid|irrational|attention|too+sensitive|
        so+sensitive|a+baby|a+drama+queen
    you are just|being|so|too|really* making it|this up|about+you
    you are just|being|so|too|really* making a big+deal|fuss|scene
    stop|quit being so? dramatic|sensitive|silly|lazy|selfish|negative|a+baby
    stop|quit overreacting|whining|complaining|moaning|feeling+sorry+for+yourself
    what|why do you even|really? have to be sad|depressed|upset|anxious|down|unhappy|stressed about
    you have nothing|no+reason to be sad|depressed|upset|anxious|down|unhappy|stressed
    # blame: "it's your own fault", "you brought it on yourself"
    it+is|that+is all|really? your own? fault
    you brought|did this|it|that on|to yourself
    you only have yourself to blame
    you should have known better
    what were you thinking
    you asked for it
    # dismissing the illness as a choice: "snap out of it", "pull yourself together"
    try harder
    attention seeking
    you+are|just doing+it? for|looking+for|wanting attention
    it is all? in your head
    making a mountain out of a molehill
    """
    + _orders(
        "snap out of it",
        "pull yourself together",
        "man|toughen|grow up",
        "get a grip",
    )
)
_SECRECY_PROMISE = Phrases(
    """
    # promising silence about what they told you: "I promise I won't tell anyone"
    i will+not|will+never|am+not+going+to|am+never+going+to ever? tell|say+a+word|say+anything|
        breathe+a+word|mention+it|mention+this anyone|anybody|a+soul|a+single+soul|a+word|them|him|
        her|people|nobody !without|unless|until|before|about+my
    i will+not|will+never|am+not+going+to|am+never+going+to ever? tell|say+a+word|say+anything|
        breathe+a+word|mention+it|mention+this your _ !without|unless|until|before|about+my
    i will+not|will+never|am+not+going+to|am+never+going+to ever? tell|say+a+word|say+anything|
        breathe+a+word|mention+it|mention+this $
    i promise|swear not+to|to+never|never+to tell|say
    your|this|the|that secret 's|is|will+be? safe with me
    i will|can|promise+to|promise+i+will keep it|this|that|your+secret a+secret|secret|between+us|
        to+myself|quiet? !unless|until|if+you+are+in+danger|if+you+are+at+risk|if+you+are+not+safe
    it|this|that stays|will+stay|can+stay|is just? between us|you+and+me
    no+one|noone|nobody else? will|has+to|needs+to|is+going+to ever? know|find+out
    my lips are sealed
    cross my heart
    """
)
_DISMISSING = Phrases(
    """
    # stopping the feeling: "don't cry", "stop worrying", "don't think about it"
    do not cry
    stop|quit crying|worrying|stressing|dwelling|thinking+about+it|thinking+about+that|
        thinking+about+this|being+sad|being+upset
    do+not|try+not+to think|dwell about|on it|that|this|him|her
    do not be|get sad|upset|so+upset|like+that|so+negative|down
    # "don't worry" said about the feeling itself, not "don't worry about the dishes"
    do not worry .|!|,|;|so+much|too+much|about+it|about+that|about+this|about+a+thing|
        about+anything
    do not worry $
    do not worry ,? it+will|everything|you+will|be+happy
    no need to worry|cry|get+upset|be+sad|be+upset
    # false reassurance: "you'll be fine", "everything will be okay"
    you+will|you+are+going+to|it+will|everything+will|everything+is+going+to|
        everything+'s+going+to|it+is+going+to|things+will be just? fine|okay|alright|all+right
    you are fine
    # changing the subject: "let's talk about something else", "anyway, did you see ..."
    let+us|can+we|shall+we|we+should talk+about|think+about|focus+on|change something|
        the+subject else|happier|more+positive|nicer|fun?
    let us not talk|think|dwell about it|this|that
    on a lighter|happier|different|brighter note
    enough about that
    moving on
    anyway ,? did|have|what|how|so you|about
    i do not want to hear about? it|this|that
    """
    + _orders(
        "forget|put about? it|that|this behind+you? .|!|,",
        "forget|put about? it|that|this behind+you? $",
        "shake it off",
        "let it go",
        "move on from it|this|that",
        "calm down",
    )
)
_PITFALL_PATTERNS = {
    "minimising": _MINIMISING,
    "judgment": _JUDGMENT,
    "secrecy_promise": _SECRECY_PROMISE,
    "dismissing": _DISMISSING,
}

# Talking about a phrase, not saying it: "I won't tell you to cheer up", "I'm not going to
# judge you", "people who say 'cheer up'". The cue ends at most four words before it.
_MENTION = Phrases(
    """
    will+not|would+not|not+going+to|never+going+to|do+not+want+to|not+here+to|not+about+to
    refuse+to|would+never|will+never|i+never|not+trying+to|not+saying|never+say|never+said
    not+asking+you+to|no+one+should|nobody+should|do+not+think|not+that
    can+not+promise|will+not+promise|not+promise|can+not+keep|will+not+keep|can+not+guarantee
    instead+of|rather+than
    tell|tells|told|telling|say|says|said|saying
    """
)
_MENTION_GAP = 5

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


def _pitfall(name: str, start: int, end: int) -> Finding:
    return Finding(
        name=name,
        kind="pitfall",
        start=start,
        end=end,
        reason=_PITFALL_REASON[name],
        suggestion=_PITFALL_SUGGESTION[name],
    )


def _mentioned(s: _Sentence, start: int) -> bool:
    """Whether a cue that talks about a phrase ends shortly before word ``start``."""
    for i in range(start):
        end = _MENTION.at(s.w, i)
        if 0 < end <= start:
            gap = sum(1 for word in s.words[end:start] if word not in _MARKS)
            if gap <= _MENTION_GAP:
                return True
    return False


def _quoted(s: _Sentence, at: int) -> bool:
    """Whether reply offset ``at`` sits inside double quotes in the sentence."""
    return s.text.count('"', 0, at - s.start) % 2 == 1


# "Don't worry" that goes with an offer or a promise reassures about what you will do
# ("Don't worry about the dishes, I'll do them"), not about what they feel.
_OFFER = Phrases("i+will|i+will+not|i+am+going+to|i+can|we+will|no+one|noone|nobody")


def _phrase_pitfalls(s: _Sentence) -> list[Finding]:
    found = []
    w = s.w
    for name, phrases in _PITFALL_PATTERNS.items():
        i = 0
        while (m := phrases.search(w, i)) is not None:
            i, j = m
            start, end = w.starts[i], w.ends[_clause_end(s, j) - 1]
            skip = _quoted(s, start) or _mentioned(s, i)
            if not skip and s.words[i : i + 3] == ("do", "not", "worry") and _OFFER(w):
                skip = True
            if not skip:
                found.append(_pitfall(name, start, end))
                break
            i += 1
    return found


# One-upping or making it about your own feelings: "that's nothing", "try being me",
# "this is so hard for me".
_SELF_FOCUS_PHRASE = Phrases(
    """
    that is nothing
    you think that is bad
    you think you have got it bad
    i have had|got it _1 worse
    mine is|was _1 worse
    try being me
    imagine how i feel
    what about me
    this|that|it is _1 hard|difficult|tough|awful|too+much for me
    how do you think this|that|it makes me feel
    you are stressing|upsetting me
    """
)
# Claiming to know exactly how they feel, which usually opens a story of one's own.
_SAME_FEELING = Phrases(
    """
    i know exactly|just how you feel
    i know exactly what you mean
    """
)
# A reply that hands the talk back to them after a share: a question or a reflection.
_HANDS_BACK = frozenset({"open_question", "closed_question", "reflection"})
_MY_WORDS = frozenset({"i", "me", "my", "mine"})


def _about_me(s: _Sentence) -> bool:
    first = s.word(s.core)
    opens_with_me = first in _MY_WORDS or (first == "when" and s.word(s.core + 1) == "i")
    return opens_with_me and not any(word in _YOU_WORDS for word in s.words)


def _self_focus(sentences: list[_Sentence], skills: list[Finding]) -> Finding | None:
    """A turn about yourself that never comes back to them."""
    for s in sentences:
        m = _SELF_FOCUS_PHRASE.search(s.w)
        if m and not _mentioned(s, m[0]):
            return _pitfall("self_focus", s.w.starts[m[0]], s.w.ends[m[1] - 1])
    disclosed = {
        s.start
        for s in sentences
        if any(f.name == "self_disclosure" and s.start <= f.start < s.end for f in skills)
    }
    if not disclosed:
        return None
    # my story: sentences that share something of mine, or open with "I"/"my" and leave
    # "you" out
    about_me = [s for s in sentences if s.start in disclosed or _about_me(s)]
    last = max(s.end for s in about_me)
    if any(f.name in _HANDS_BACK and f.start >= last for f in skills):
        return None
    my_words = sum(len(s.text.split()) for s in about_me)
    all_words = sum(len(s.text.split()) for s in sentences)
    knows_same = any(_SAME_FEELING(s.w) for s in sentences)
    long_story = len(about_me) >= 3 or (len(about_me) >= 2 and my_words >= 30)
    if (long_story or (knows_same and my_words >= 15)) and my_words >= 0.6 * all_words:
        return _pitfall("self_focus", about_me[0].start, last)
    return None


# ----------------------------------------------------------------- verdict

_DOING = {
    "open_question": "asked an open question",
    "closed_question": "asked a question",
    "reflection": "showed you understood",
    "validation": "validated their feelings",
    "advice": "offered a suggestion",
    "self_disclosure": "shared something of your own",
    "information": "gave some information",
}
_WATCH = {
    "minimising": "minimising",
    "judgment": "judging",
    "self_focus": "making it about you",
    "secrecy_promise": "promising secrecy",
    "dismissing": "brushing the feeling aside",
}
_LISTENING = ("open_question", "reflection", "validation")


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _verdict(skills: list[str], pitfalls: list[str], premature: bool, direct: bool) -> str:
    good = [_DOING[n] for n in skills if n in _LISTENING]
    if direct and not pitfalls:
        return (
            "You asked directly about suicide, which is the right thing to do. "
            "Listen to the answer, stay with them and look for help together."
        )
    if pitfalls:
        watch = _join([_WATCH[n] for n in pitfalls])
        first = f"Watch out for {watch}: this can close the conversation down."
        return first + (f" You also {_join(good)}, which helps." if good else "")
    if premature:
        return (
            "You went to advice before finding out more. "
            "Ask an open question or say back what you heard first."
        )
    if good:
        if "open_question" in skills or "reflection" in skills:
            return f"Good listening: you {_join(good)}."
        return f"Good listening: you {_join(good)}. Next, an open question can help them say more."
    if "closed_question" in skills:
        return "A start. Turn it into an open question ('what' or 'how') so they can say more."
    if skills:
        return "No listening skill yet: try an open question, or say back what you heard."
    return "Try an open question, or say back what you heard, to show you're listening."


# ----------------------------------------------------------------- analyse


def analyse(reply: str, context: str = "", *, explored: bool = False) -> Feedback:
    """Feedback on ``reply``, which answers the loved one's ``context``.

    ``explored`` says the user already asked or reflected earlier in the session, so
    advice in this reply is not premature.
    """
    from ally.practice.safety import asks_about_suicide, mentions_risk, points_to_help

    sentences = _sentences(reply)
    skills = _skills(sentences, context)
    pitfalls = [f for s in sentences for f in _phrase_pitfalls(s)]
    focus = _self_focus(sentences, skills)
    if focus is not None:
        pitfalls.append(focus)
    advice = [f.start for f in skills if f.name == "advice"]
    explores = [f.start for f in skills if f.name in _HANDS_BACK]
    premature = bool(advice) and not explored and (not explores or min(advice) < min(explores))
    if premature:
        skills = [
            replace(f, suggestion=_PREMATURE_ADVICE) if f.name == "advice" else f for f in skills
        ]
    skills.sort(key=lambda f: (f.start, SKILLS.index(f.name)))
    pitfalls.sort(key=lambda f: (f.start, PITFALLS.index(f.name)))
    skill_names = [n for n in SKILLS if any(f.name == n for f in skills)]
    pitfall_names = [n for n in PITFALLS if any(f.name == n for f in pitfalls)]
    direct = asks_about_suicide(reply)
    safety = []
    if direct:
        safety.append(_safety("asks_about_suicide", reply, _ASKS_ABOUT_SUICIDE))
    if points_to_help(reply):
        safety.append(_safety("connects_to_help", reply, _CONNECTS_TO_HELP))
    return Feedback(
        reply=reply,
        skills=tuple(skills),
        pitfalls=tuple(pitfalls),
        verdict=_verdict(skill_names, pitfall_names, premature, direct),
        premature_advice=premature,
        safety=tuple(safety),
        risk=mentions_risk(reply) or mentions_risk(context),
    )


_CONNECTS_TO_HELP = (
    "Pointing to help, best together, is how a hard moment reaches someone who can help.",
    "Offer to make the call with them: 'Shall we ring them together now?'",
)


def _safety(name: str, reply: str, why: tuple[str, str]) -> Finding:
    # Interim: today's rules say whether the move is there, not where; the span is the
    # whole reply until the safety family gets its own spans.
    return Finding(
        name=name, kind="safety", start=0, end=len(reply), reason=why[0], suggestion=why[1]
    )
