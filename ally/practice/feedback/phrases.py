"""Word patterns: a small backtracking matcher over the words of a sentence, the registry
of named word sets and sub-patterns that patterns refer to, and the word sets that more
than one family of rules uses.

The patterns are parsed the first time they are needed, so importing stays cheap (no
large regular expressions to compile).
"""

from __future__ import annotations

from collections.abc import Callable

from ally.practice.feedback.words import _MARKS, Words

# A pattern is one line of space-separated items, matched against consecutive words:
#
#   sorry              the word itself
#   so|really|very     any one of these; "a+bit" is the two words "a bit"
#   @hard              any word of a named set (see _words); "@ing": any word ending in -ing
#   x?  x*             optional; any number of times (x is any of the above)
#   _  _3              any one word; up to three words
#   !x  !:name         not followed by x; not followed by the named sub-pattern
#   <x                 not preceded by x
#   ^  $               the start of a clause (after a mark or the opening fillers); the end
#   ?  ,  .            a mark stands for itself
#
# Words are lower case with contractions spelled out: write "do not", "it is", "i am". A
# line that ends with "|" goes on with the next line. Where several patterns match at the
# same word, the longest match wins. A set of patterns is a Phrases, named after its module
# and role ("reflection.guess"); each pattern line is a rule with its own id (the name and
# the line's number, "reflection.guess:12"), which a Finding carries as its source.

_SET, _ANY, _NOT_NEXT, _NOT_PREV, _NOT_SUB, _CLAUSE, _END = range(7)

_Predicate = Callable[[str], bool]

# Named word sets: a word list, with "+" joining the words of a phrase.
_WORD_SETS: dict[str, str] = {}
# Named tests on one word.
_PREDICATES: dict[str, _Predicate] = {
    "ing": lambda w: len(w) > 4 and w.endswith("ing"),
    "num": lambda w: w.isdigit(),
    "word": lambda w: len(w) > 1 and w.isalpha(),
}
# Named sub-patterns for "!:name" (a Phrases: any of its lines).
_SUB_PATTERNS: dict[str, Phrases] = {}


class _Item:
    __slots__ = ("hi", "kind", "lo", "multi", "preds", "single", "sub")

    def __init__(self, kind: int, lo: int = 1, hi: int = 1) -> None:
        self.kind = kind
        self.lo = lo
        self.hi = hi
        self.single: frozenset[str] = frozenset()
        self.multi: tuple[tuple[str, ...], ...] = ()
        self.preds: tuple[_Predicate, ...] = ()
        self.sub: Phrases | None = None


_Pattern = tuple[_Item, ...]
_ITEMS: dict[str, _Item] = {}


_SPLIT_SETS: dict[str, tuple[frozenset[str], tuple[tuple[str, ...], ...]]] = {}


def _word_set_parts(name: str) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """A named word set as (single words, phrases), split once."""
    parts = _SPLIT_SETS.get(name)
    if parts is None:
        words = _WORD_SETS[name].split()
        parts = (
            frozenset(w for w in words if "+" not in w),
            tuple(tuple(w.split("+")) for w in words if "+" in w),
        )
        _SPLIT_SETS[name] = parts
    return parts


def _choices(item: _Item, spec: str) -> _Item:
    if "@" not in spec and "+" not in spec:  # plain words, the common case
        item.single = frozenset(spec.split("|"))
        return item
    single: set[str] = set()
    multi: list[tuple[str, ...]] = []
    preds: list[_Predicate] = []
    for choice in spec.split("|"):
        if choice.startswith("@"):
            name = choice[1:]
            if name in _PREDICATES:
                preds.append(_PREDICATES[name])
                continue
            words, phrases = _word_set_parts(name)
            single |= words
            multi.extend(phrases)
        elif "+" in choice:
            multi.append(tuple(choice.split("+")))
        else:
            single.add(choice)
    item.single = frozenset(single)
    item.multi = tuple(sorted(multi, key=len, reverse=True))
    item.preds = tuple(preds)
    return item


def _item(text: str) -> _Item:
    item = _ITEMS.get(text)
    if item is not None:
        return item
    if text == "^":
        item = _Item(_CLAUSE)
    elif text == "$":
        item = _Item(_END)
    elif text.startswith("!:"):
        item = _Item(_NOT_SUB)
        item.sub = _SUB_PATTERNS[text[2:]]
    elif text[0] == "!":
        item = _choices(_Item(_NOT_NEXT), text[1:])
    elif text[0] == "<":
        item = _choices(_Item(_NOT_PREV), text[1:])
    elif text[0] == "_":
        item = _Item(_ANY, 0, int(text[1:])) if len(text) > 1 else _Item(_ANY)
    elif text[-1] == "?" and len(text) > 1:
        item = _choices(_Item(_SET, 0, 1), text[:-1])
    elif text[-1] == "*" and len(text) > 1:
        item = _choices(_Item(_SET, 0, 99), text[:-1])
    else:
        item = _choices(_Item(_SET), text)
    _ITEMS[text] = item
    return item


def _parse(line: str) -> _Pattern:
    return tuple(_item(text) for text in line.split())


def _steps(item: _Item, words: tuple[str, ...], i: int) -> list[int]:
    """Where one repetition of ``item`` can end, starting at word ``i``."""
    out = [i + len(m) for m in item.multi if words[i : i + len(m)] == m]
    if i < len(words):
        word = words[i]
        if word in item.single or any(p(word) for p in item.preds):
            out.append(i + 1)
    return out


def _ends_before(item: _Item, words: tuple[str, ...], i: int) -> bool:
    """Whether one of ``item``'s choices ends right before word ``i``."""
    if i == 0:
        return False
    if words[i - 1] in item.single or any(p(words[i - 1]) for p in item.preds):
        return True
    return any(i >= len(m) and words[i - len(m) : i] == m for m in item.multi)


def _breaks_clause(word: str) -> bool:
    """A mark, or an emoji or other symbol, which in a text message ends a clause as a full
    stop would: "won't say a word 🤐 what's making you feel that way?"."""
    return word in _MARKS or not (word[0].isalnum() or word[0] == "'")


def _match(pattern: _Pattern, k: int, w: Words, i: int) -> int:
    """The end of a match of ``pattern[k:]`` starting at word ``i``, or -1."""
    words = w.words
    while k < len(pattern):
        item = pattern[k]
        kind = item.kind
        if kind == _SET:
            if item.hi == 1:
                for j in _steps(item, words, i):
                    end = _match(pattern, k + 1, w, j)
                    if end >= 0:
                        return end
                if item.lo == 1:
                    return -1
            else:  # any number of times, longest first
                reach = [i]
                frontier = [i]
                while frontier:
                    frontier = [
                        j for x in frontier for j in _steps(item, words, x) if j not in reach
                    ]
                    reach.extend(frontier)
                for j in reversed(reach):
                    end = _match(pattern, k + 1, w, j)
                    if end >= 0:
                        return end
                return -1
        elif kind == _ANY:
            for n in range(item.lo, item.hi + 1):
                j = i + n
                if j > len(words) or (n and words[j - 1] in _MARKS):
                    break
                end = _match(pattern, k + 1, w, j)
                if end >= 0:
                    return end
            return -1
        elif kind == _NOT_NEXT:
            if _steps(item, words, i):
                return -1
        elif kind == _NOT_PREV:
            if _ends_before(item, words, i):
                return -1
        elif kind == _NOT_SUB:
            if item.sub is not None and item.sub.at(w, i) >= 0:
                return -1
        elif kind == _CLAUSE:
            if i > w.core and not _breaks_clause(words[i - 1]):
                return -1
        elif any(x not in _MARKS for x in words[i:]):  # _END
            return -1
        k += 1
    return i


class Phrases:
    """A named set of word patterns, one per line; lines starting with "#" are comments.

    Each pattern is a rule, with an id made of the set's name and the pattern's number in
    the set (1-based; comments and wrapped lines do not count): "reflection.guess:12".
    The patterns are parsed on first use.
    """

    __slots__ = (
        "_anywhere",
        "_anywhere_numbers",
        "_by_pair",
        "_by_word",
        "_numbers",
        "_pair_numbers",
        "_text",
        "name",
    )

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self._text = text
        # Patterns by the word they must start with, or by the two words they must start
        # with (most patterns open with a common word, "i" or "you": the second word
        # rules most of them out without trying them), or tried anywhere.
        self._by_word: dict[str, tuple[_Pattern, ...]] | None = None
        self._by_pair: dict[tuple[str, str], tuple[_Pattern, ...]] = {}
        self._anywhere: tuple[_Pattern, ...] = ()
        # the number of each pattern, in the same order as _by_word, _by_pair, _anywhere
        self._numbers: dict[str, tuple[int, ...]] = {}
        self._pair_numbers: dict[tuple[str, str], tuple[int, ...]] = {}
        self._anywhere_numbers: tuple[int, ...] = ()

    def _index(self) -> dict[str, tuple[_Pattern, ...]]:
        by_word: dict[str, list[_Pattern]] = {}
        numbers: dict[str, list[int]] = {}
        by_pair: dict[tuple[str, str], list[_Pattern]] = {}
        pair_numbers: dict[tuple[str, str], list[int]] = {}
        anywhere: list[_Pattern] = []
        anywhere_numbers: list[int] = []
        for number, line in enumerate(_pattern_lines(self._text), 1):
            pattern = _parse(line)
            pairs = _first_pairs(pattern)
            if pairs is not None:
                for pair in pairs:
                    by_pair.setdefault(pair, []).append(pattern)
                    pair_numbers.setdefault(pair, []).append(number)
                continue
            first = _first_words(pattern)
            if first is None:
                anywhere.append(pattern)
                anywhere_numbers.append(number)
            for word in first or ():
                by_word.setdefault(word, []).append(pattern)
                numbers.setdefault(word, []).append(number)
        self._anywhere = tuple(anywhere)
        self._anywhere_numbers = tuple(anywhere_numbers)
        self._numbers = {word: tuple(found) for word, found in numbers.items()}
        self._by_pair = {pair: tuple(found) for pair, found in by_pair.items()}
        self._pair_numbers = {pair: tuple(found) for pair, found in pair_numbers.items()}
        self._by_word = {word: tuple(found) for word, found in by_word.items()}
        return self._by_word

    def _candidates(self, w: Words, i: int) -> list[tuple[int, _Pattern]]:
        """The patterns that could match from word ``i``, with their numbers, in order."""
        by_word = self._by_word if self._by_word is not None else self._index()
        words = w.words
        word = words[i] if i < len(words) else ""
        found = list(zip(self._numbers.get(word, ()), by_word.get(word, ()), strict=True))
        if i + 1 < len(words):
            pair = (word, words[i + 1])
            found += zip(self._pair_numbers.get(pair, ()), self._by_pair.get(pair, ()), strict=True)
        found += zip(self._anywhere_numbers, self._anywhere, strict=True)
        return sorted(found, key=lambda np: np[0])

    def at(self, w: Words, i: int) -> int:
        """The end of the longest match starting at word ``i``, or -1."""
        by_word = self._by_word if self._by_word is not None else self._index()
        words = w.words
        best = -1
        if i < len(words):
            for pattern in by_word.get(words[i], ()):
                best = max(best, _match(pattern, 0, w, i))
            if i + 1 < len(words):
                for pattern in self._by_pair.get((words[i], words[i + 1]), ()):
                    best = max(best, _match(pattern, 0, w, i))
        for pattern in self._anywhere:
            best = max(best, _match(pattern, 0, w, i))
        return best if best > i else -1

    def rule_at(self, w: Words, i: int, end: int = -1) -> str:
        """The id of the pattern that matches from word ``i`` to ``end`` (by default, to
        the end of the longest match), or "" if none does. Where several do, the first.

        Matching says only where a match ends; this finds which pattern made it, so call
        it once a match is found, not to look for one.
        """
        if end < 0:
            end = self.at(w, i)
            if end < 0:
                return ""
        for number, pattern in self._candidates(w, i):
            if _match(pattern, 0, w, i) == end:
                return f"{self.name}:{number}"
        return ""

    def search(self, w: Words, start: int = 0) -> tuple[int, int] | None:
        """The leftmost match from word ``start`` on, as (first word, end), or None."""
        for i in range(start, len(w.words)):
            end = self.at(w, i)
            if end >= 0:
                return i, end
        return None

    def find(self, w: Words, start: int = 0) -> tuple[int, int, str] | None:
        """Like :meth:`search`, with the id of the pattern that matched: (first word, end,
        rule id), or None."""
        found = self.search(w, start)
        if found is None:
            return None
        i, end = found
        return i, end, self.rule_at(w, i, end)

    def spans(self, w: Words) -> list[tuple[int, int]]:
        """Every match, one per start word, as (first word, end)."""
        return [(i, end) for i in range(len(w.words)) if (end := self.at(w, i)) >= 0]

    def rule_ids(self) -> list[str]:
        """The id of every pattern in the set, in order."""
        return [f"{self.name}:{n}" for n in range(1, len(_pattern_lines(self._text)) + 1)]

    def __call__(self, w: Words) -> bool:
        return self.search(w) is not None


def _pattern_lines(text: str) -> list[str]:
    """The patterns in ``text``: one per line, skipping comments; a line that ends with
    "|" goes on with the next one (so long lists of choices can wrap)."""
    lines: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] == "#":
            continue
        line = pending + line
        if line.endswith("|"):
            pending = line
            continue
        pending = ""
        lines.append(line)
    if pending:
        lines.append(pending.rstrip("|"))
    return lines


_ZERO_WIDTH = frozenset({_NOT_NEXT, _NOT_PREV, _NOT_SUB, _CLAUSE})


def _first_pairs(pattern: _Pattern) -> set[tuple[str, str]] | None:
    """The first two words a match must start with, when the pattern opens with two
    required sets of plain words (after checks that consume nothing); else None."""
    k = 0
    while k < len(pattern) and pattern[k].kind in _ZERO_WIDTH:
        k += 1
    if k + 1 >= len(pattern):
        return None
    one, two = pattern[k], pattern[k + 1]
    if one.kind != _SET or one.preds or (one.lo, one.hi) != (1, 1):
        return None
    # a phrase choice ("i+am") gives its own first two words
    pairs = {(m[0], m[1]) for m in one.multi}
    if one.single:
        if two.kind != _SET or two.preds or two.lo != 1:
            return None
        seconds = set(two.single) | {m[0] for m in two.multi}
        pairs |= {(a, b) for a in one.single for b in seconds}
    return pairs


def _first_words(pattern: _Pattern) -> set[str] | None:
    """The words a match can start with, or None if it can start with any word."""
    first: set[str] = set()
    for item in pattern:
        if item.kind == _ANY:
            return None
        if item.kind != _SET:
            continue
        if item.preds:
            return None
        first.update(item.single)
        first.update(m[0] for m in item.multi)
        if item.lo:
            return first
    return None


def _words(name: str, text: str) -> None:
    """Name a word set for patterns ("@name"). Names are unique across the engine."""
    if name in _WORD_SETS or name in _PREDICATES:
        raise ValueError(f"word set @{name} is named twice")
    _WORD_SETS[name] = text


def _sub(name: str, text: str) -> None:
    """Name a sub-pattern for "!:name": one or more lines, any of which may match. Names
    are unique across the engine; the sub-pattern's rules are "sub.NAME:N"."""
    if name in _SUB_PATTERNS:
        raise ValueError(f"sub-pattern !:{name} is named twice")
    _SUB_PATTERNS[name] = Phrases(f"sub.{name}", text)


def _predicate(name: str, test: _Predicate) -> None:
    """Name a test on one word for patterns ("@name")."""
    if name in _WORD_SETS or name in _PREDICATES:
        raise ValueError(f"word test @{name} is named twice")
    _PREDICATES[name] = test


def _word_set(text: str) -> frozenset[str]:
    """The words of ``text`` (a word list reads better as text than as quoted strings)."""
    return frozenset(text.split())


# ------------------------------------------------ word sets shared by the families
#
# A word set used by only one family is named in that family's module. The sets below are
# used by more than one, so they live here, where every module that builds patterns finds
# them.

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
# How hard something is: "hard", "exhausting", "a lot".
_words(
    "hard",
    """
    hard tough difficult rough awful terrible horrible painful scary frightening stressful
    exhausting overwhelming frustrating upsetting sad heartbreaking lonely unfair a+lot
    confusing draining challenging devastating traumatising traumatizing hurtful isolating
    distressing horrendous heavy brutal a+nightmare no+fun worrying disappointing infuriating
    maddening discouraging depressing hell tricky unbearable shocking terrifying horrifying
    petrifying harrowing agonising agonizing gutting crushing grim miserable
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
# Strengths to affirm: "you're so strong", "you sound like a loyal friend".
_words(
    "strength",
    """
    strong brave courageous capable smart resilient important worth worthy amazing awesome
    good great wonderful loved kind caring valued enough thoughtful lucky intelligent mature
    self+aware determined
    """,
)
