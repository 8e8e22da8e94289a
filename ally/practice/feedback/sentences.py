"""Sentences of a reply: splitting, opening fillers, the words of each sentence, how a
sentence opens (as a question?), where a clause ends, and the topic words two texts share.
"""

from __future__ import annotations

import re

from ally.practice.feedback.phrases import Phrases, _word_set
from ally.practice.feedback.words import Words, _split_words

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
    plus or gotcha huh omg omfg gosh jeez geez ugh oof aww
    """
)
_FILLER_PAIRS = frozenset({("all", "right"), ("i", "see"), ("got", "it"), ("mm", "hmm")})
# "like" opens a texted question without changing it ("like what's been going on"); before
# anything else it compares or quotes ("like you said", "like a weight").
_LIKE_BEFORE = frozenset({"what", "how", "why", "where", "when", "who", "which"})


def _squeeze(word: str) -> str:
    """The word with runs of one letter cut to one: "hmmm" -> "hm", "sooo" -> "so"."""
    return "".join(c for n, c in enumerate(word) if n == 0 or c != word[n - 1])


def _core(words: list[str]) -> int:
    i = 0
    while i < len(words):
        word = words[i]
        # marks, emoji and other symbols, and fillers open a sentence without changing it
        if not word[0].isalnum() or word in _FILLERS or _squeeze(word) in _FILLERS:
            i += 1
        elif tuple(words[i : i + 2]) in _FILLER_PAIRS:
            i += 2
        elif word == "like" and i + 1 < len(words) and words[i + 1] in _LIKE_BEFORE:
            i += 1
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


# ------------------------------------------------------------ how a sentence opens
#
# Used by more than one family: a sentence that opens as a question is not a plain
# statement about them (reflection), and its modal belongs to their own idea (advice).

# A question asked by putting the auxiliary first: "Do you ...", "Is it ...", "Does the
# idea of it change ...".
_INVERTED = Phrases("sentences.inverted", "@aux not? i|@asked_about")
# A wh-word that asks rather than opens a clause: "What happened?", "How long ...?", but
# not "What you're feeling is ..." (a wh-word followed by its subject).
_WH_ASKING = Phrases(
    "sentences.wh_asking", "@wh !i|you|he|she|we|they|your|my|his|her|their|people"
)


# --------------------------------------------------------------- clause ends

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


# ------------------------------------------------------ topic words of the context

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
