"""The words of a reply: lower case, each with its span, contractions and chat spellings
spelled out ("don't", "dont" -> "do not"), for matching with word patterns."""

from __future__ import annotations

import re

# A word (letters and digits, with inner apostrophes: "don't", "mum's") or one mark.
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[^\w\s]")

# Contractions and chat spellings, spelled out so that one pattern ("do not") covers
# "don't", "dont" and "do not". Each part keeps the span of the word it came from.
_SPELLED_OUT = {
    key: tuple(value.split())
    for key, value in (
        ("i'm", "i am"),
        ("im", "i am"),
        ("ive", "i have"),
        ("youre", "you are"),
        ("youve", "you have"),
        ("can't", "can not"),
        ("cant", "can not"),
        ("cannot", "can not"),
        ("won't", "will not"),
        ("wont", "will not"),
        ("shan't", "shall not"),
        ("ain't", "is not"),
        ("dont", "do not"),
        ("didnt", "did not"),
        ("doesnt", "does not"),
        ("isnt", "is not"),
        ("wasnt", "was not"),
        ("arent", "are not"),
        ("werent", "were not"),
        ("havent", "have not"),
        ("hasnt", "has not"),
        ("couldnt", "could not"),
        ("wouldnt", "would not"),
        ("shouldnt", "should not"),
        ("let's", "let us"),
        ("it's", "it is"),
        ("that's", "that is"),
        ("thats", "that is"),
        ("there's", "there is"),
        ("theres", "there is"),
        ("here's", "here is"),
        ("what's", "what is"),
        ("whats", "what is"),
        ("who's", "who is"),
        ("how's", "how is"),
        ("hows", "how is"),
        ("where's", "where is"),
        ("he's", "he is"),
        ("she's", "she is"),
        ("gonna", "going to"),
        ("wanna", "want to"),
        ("gotta", "got to"),
        ("kinda", "kind of"),
        ("sorta", "sort of"),
        ("dunno", "do not know"),
        ("u", "you"),
        ("r", "are"),
        ("ur", "your"),
        ("w", "with"),
        ("urself", "yourself"),
        ("kms", "kill myself"),
        ("ya", "you"),
        ("ok", "okay"),
        ("its", "it is"),
        ("cuz", "because"),
        ("cos", "because"),
        ("thru", "through"),
        ("abt", "about"),
        ("bout", "about"),
        ("wud", "would"),
        ("wld", "would"),
        ("wd", "would"),
        ("cud", "could"),
        ("shud", "should"),
        ("wat", "what"),
        ("wot", "what"),
        ("wats", "what is"),
        ("hav", "have"),
        ("wots", "what is"),
        ("coz", "because"),
        ("tho", "though"),
        ("ppl", "people"),
        ("rn", "right now"),
        ("tmrw", "tomorrow"),
        ("tmr", "tomorrow"),
        ("tonite", "tonight"),
        ("2nite", "tonight"),
        ("idk", "i do not know"),
        ("ure", "you are"),
        ("every1", "everyone"),
        ("evry1", "everyone"),
        ("evry", "every"),
        ("some1", "someone"),
        ("any1", "anyone"),
        ("no1", "no one"),
        ("b4", "before"),
        ("2day", "today"),
        # dropped g: "thinkin", "hurtin" (only words that are nothing else)
        *(
            (f"{stem}in", f"{stem}ing")
            for stem in [
                "think",
                "feel",
                "do",
                "go",
                "talk",
                "say",
                "try",
                "hav",
                "gett",
                "kill",
                "hurt",
                "cutt",
                "plann",
                "tak",
                "com",
                "look",
                "sleep",
                "eat",
                "drink",
                "noth",
                "someth",
                "anyth",
                "everyth",
                "stay",
                "keep",
                "tell",
                "mean",
                "end",
                "want",
                "struggl",
                "cop",
                "mess",
                "bottl",
                "hid",
                "lett",
            ]
        ),
    )
}
_ENDINGS = (
    ("n't", "not"),
    ("'re", "are"),
    ("'ve", "have"),
    ("'ll", "will"),
    ("'d", "would"),
    ("'s", "'s"),  # "mum's", "everything's": the word, then "'s" (is, has or possessive)
)
# Marks that end a clause, so that "^" in a pattern can mean "at the start of a clause".
_MARKS = frozenset(",;:.!?()\"'/*&-")
# Marks that split a sentence into clauses without ending it.
_CLAUSE_MARKS = frozenset(",;:-")


class Words:
    """The words of a sentence, each with its span in the reply.

    ``core`` is the index of the first word after opening fillers ("Okay, so ...").
    (A plain class, not a dataclass: building dataclasses at import is slow.)
    """

    __slots__ = ("core", "ends", "starts", "words")

    def __init__(
        self, words: tuple[str, ...], starts: tuple[int, ...], ends: tuple[int, ...], core: int
    ) -> None:
        self.words = words
        self.starts = starts
        self.ends = ends
        self.core = core


def _split_words(text: str, offset: int = 0) -> tuple[list[str], list[int], list[int]]:
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last_end = -1
    joined = False
    for m in _TOKEN.finditer(text):
        word = m.group().lower()
        start, end = m.span()
        # a hyphen inside a word joins two words: "self-harm" reads as "self harm"
        if word == "-" and start == last_end and end < len(text) and text[end].isalnum():
            joined = True
            continue
        # a spoken stutter repeats the start of the next word: "wh-what", "you-you've"
        if joined and words and word.startswith(words[-1]) and starts[-1] != start:
            del words[-1], starts[-1], ends[-1]
        joined = False
        last_end = end
        parts = _SPELLED_OUT.get(word)
        if parts is None and "'" in word:
            for ending, full in _ENDINGS:
                if word.endswith(ending) and len(word) > len(ending):
                    stem = "will" if word == "won't" else word[: -len(ending)]
                    # a chat spelling before the ending: "u'd" -> "you would"
                    parts = (*_SPELLED_OUT.get(stem, (stem,)), full)
                    break
        for part in parts or (word,):
            words.append(part)
            starts.append(offset + start)
            ends.append(offset + end)
    return words, starts, ends


def words_of(text: str) -> Words:
    """The words of ``text``, for matching with :class:`Phrases`."""
    words, starts, ends = _split_words(text)
    return Words(tuple(words), tuple(starts), tuple(ends), 0)
