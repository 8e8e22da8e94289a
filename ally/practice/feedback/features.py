"""What a reply looks like to the learned scorer: a set of feature strings.

One function, used by the training script and by inference alike, so the two cannot
disagree. Every feature is present or absent:

- ``w:word``, ``b:word word``: the reply's words and word pairs, read by the rules'
  tokeniser ("don't" -> "do not"), with ``<s>`` and ``</s>`` at sentence edges;
- ``s:first two``: how each sentence opens ("s:what is", "s:at least");
- ``p:?``, ``p:!``, ``p:end?``: question and exclamation marks, and a reply that ends
  on a question;
- ``n:1`` ... ``n:4``: the reply's length in words;
- ``r:name``: what the rules found (skills, pitfalls, safety moves, ``r:risk``), so the
  model leans on a precise rule and adds recall around it;
- ``x:word``, ``x:risk``, ``x:secret``, ``x:question``: what they said (its last 60
  words);
- ``k:word``, ``q:word``: the reply's words again when what they said carries risk or
  asks for a secret, so "ok I promise" after "promise you won't tell" can be learned;
- ``o:0`` ... ``o:3``: how much of the reply reuses their words.

Pure and standard-library only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ally.practice.feedback.phrases import _word_set

_END_MARKS = frozenset(".!?")
# What they said last matters most; a long message is read from its last words.
_CONTEXT_WORDS = 60
_SECRET_WORDS = _word_set(
    "promise secret tell telling swear between confidence anyone anybody nobody"
)
_STOP = _word_set(
    """
    a an the and or but so to of in on at for with is are was were be been am i you it that
    this my your me we they he she them his her its do does did have has had not no just
    really very what how why when where who can could would should will okay yeah oh
    """
)


def _stem(word: str) -> str:
    for ending in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def features(
    reply: Sequence[str], context: Sequence[str], rule_names: Iterable[str], *, context_risk: bool
) -> set[str]:
    """The features of one reply (the words of ``reply`` and ``context`` as the rules'
    tokeniser reads them; ``rule_names`` what the rules found in it)."""
    out: set[str] = set()
    add = out.add
    secret = not _SECRET_WORDS.isdisjoint(context)
    prev = "<s>"
    position = 0  # words so far in the current sentence
    count = 0
    last_mark = ""
    mine: set[str] = set()
    for word in reply:
        if word in _END_MARKS:
            add("p:" + word)
            last_mark = word
            if position:
                add("b:" + prev + " </s>")
            prev, position = "<s>", 0
            continue
        if not word[0].isalnum():
            continue
        if word.isdigit():
            word = "<num>"
        add("w:" + word)
        add("b:" + prev + " " + word)
        if position == 1:
            add("s:" + prev + " " + word)
        if context_risk:
            add("k:" + word)
        if secret:
            add("q:" + word)
        if word not in _STOP:
            mine.add(_stem(word))
        position += 1
        count += 1
        prev = word
        last_mark = ""
    if position:
        add("b:" + prev + " </s>")
    if last_mark == "?":
        add("p:end?")
    add("n:" + ("1" if count <= 4 else "2" if count <= 12 else "3" if count <= 30 else "4"))
    for name in rule_names:
        add("r:" + name)
    theirs: set[str] = set()
    for word in context[-_CONTEXT_WORDS:]:
        if word[0].isalnum():
            add("x:" + word)
            if word not in _STOP:
                theirs.add(_stem(word))
    if context_risk:
        add("x:risk")
    if secret:
        add("x:secret")
    if context and context[-1] == "?":
        add("x:question")
    if mine and theirs:
        share = len(mine & theirs) / len(mine)
        add("o:" + ("0" if share == 0 else "1" if share < 0.2 else "2" if share < 0.5 else "3"))
    return out
