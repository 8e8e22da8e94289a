"""The loved one's side of a practice conversation: what they say next, and why.

A scenario (see :mod:`ally.content.scenarios`) is a small graph of what the person
is holding back: beats that come out in a sensible order, and an ask they make once
they feel heard. Each reply is read as a :class:`Move` (the skills, pitfalls and
safety steps the feedback engine found, the beats whose topic words it touched,
whether it apologises), and the next line follows from the move and the beat:

- an open question about a topic brings that beat out in full; a yes/no question
  gets the short answer; a reflection is confirmed (or corrected, if it misreads
  them) and deepened with what comes next; validation brings relief and something
  new; advice before they feel heard meets resistance to that advice, and once they
  do it is weighed; each pitfall gets its own withdrawal; an off-topic reply gets a
  nudge.
- In a risk scenario every safety step is answered honestly (the safe track): a
  direct question gets a true answer, a question about a plan gets that answer, an
  offer of help gets a hesitation or a barrier first and agreement once the user
  works with it. A safety step is never treated as a pitfall or as early advice.
- Trust carries over: a pitfall costs trust and leaves them stung, so the next kind
  reply only repairs (unless it apologises); beats wait for enough trust; the ask
  waits for its beats, so nobody goes from "I'm fine" to booking a doctor in a turn.
- The talk ends when the ask has been answered (the goal), when trust is gone, or
  when time runs out; the last line never asks a question nobody can answer.

Pure and deterministic: the only variety is which of a few short reactions is
used, drawn from the ``random.Random`` the caller passes in.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import cache

from ally.content.scenarios import MAX_TRUST, PITFALLS, Advice, Beat, Scenario
from ally.practice.feedback import Feedback, words_of

# Skills that show the user is listening: each one earns a little trust.
LISTENING = frozenset({"open_question", "reflection", "validation"})
# How many beats must be out before they feel heard enough to weigh advice.
HEARD = 2
# After the turn limit, a few more replies are allowed so a safety answer or an ask is
# never cut off; at this many extra, the talk ends whatever was said.
GRACE = 3
# Topic words this long or longer match as word starts ("sleep" in "sleeping"); shorter
# ones match whole ("numb" is not in "number").
PREFIX = 5

_APOLOGY = re.compile(
    r"\b(?:sorry(?!\s+(?:you|to hear|that you|for your|about (?:your|her|his|their)))"
    r"|i apologi[sz]e|my bad|came out wrong|that was (?:unfair|harsh|unkind|thoughtless|rude)"
    r"|(?:did ?n[o']?t|did not) mean (?:it|that|to)|should ?n[o']?t have said"
    r"|should not have said|let me (?:try|say) (?:that|it)? ?again)\b"
)
_EMERGENCY = re.compile(
    r"\b(?:ambulance|emergency|paramedics?|999|911|112|000|a ?& ?e|the er|hospital|police)\b"
)
# Words that make a yes/no question a check-in on how they are ("Are you ok?").
_CHECK_IN = (
    "okay",
    "ok",
    "alright",
    "all right",
    "fine",
    "good",
    "doing",
    "feeling",
    "wrong",
    "matter",
    "talk",
    "happening",
    "going on",
    "upset",
    "bothering",
    "well",
    "coping",
)


def _word_list(text: str) -> list[str]:
    return text.split()


# Questions about how long it has been: answered by a beat about it, else by `since`.
_DURATION = ("how long", "since when", "when did", "when it", "start", "began", "begin")
# Words that keep a question general ("What's the hardest part?", "Tell me more"): such a
# question is answered with whatever comes next. A question with other words asks about
# something in particular, and if no beat covers it they say they are not sure.
_GENERAL = frozenset(
    _word_list(
        """
    what how why tell me more about it that this those these is are was were be been being
    has have had do does did done like for with to the a an of in on at by from you your
    yourself hardest hard part worst most biggest main going go goes happening happened
    happen feel feeling feelings felt really doing matter wrong up bothering mind things
    thing stuff lately recently today so and but or can could would will should talk say
    said else through get got getting make making makes mean means all any anything
    something everything right now just okay ok well i am we us there here whole share
    want ready kind sort lot much hear know think thinking thought describe explain which
    way sounds sound must seem seems then yeah please again bit little side inside head
    mood day days week weeks time times life moment moments feeling like ? ! . , ; : ' " -
    """
    )
)


@dataclass(frozen=True)
class Move:
    """What a reply did, as the loved one hears it."""

    skills: frozenset[str] = frozenset()
    pitfalls: tuple[str, ...] = ()  # in the order they appear
    safety: frozenset[str] = frozenset()
    premature: bool = False
    apology: bool = False
    beats: tuple[str, ...] = ()  # beats whose topics it touched, in the order it touched them
    asks_goal: bool = False  # touched the ask's topics ("what would help?") after any beat
    advice: int | None = None  # which [[advice]] entry it matched
    misreading: int | None = None  # which [[misreading]] it matched
    check_in: bool = False  # "are you ok?"
    duration: bool = False  # asks how long it has been
    particular: bool = False  # asks about something in particular, not "tell me more"
    emergency: bool = False  # names emergency services
    empty: bool = False

    @property
    def hurts(self) -> bool:
        """A pitfall that stings them (promising secrecy stings nobody; it is unsafe)."""
        return any(p != "secrecy_promise" for p in self.pitfalls)

    @property
    def listens(self) -> bool:
        return bool(LISTENING & self.skills) or bool(self.safety)


@dataclass(frozen=True)
class Response:
    """The loved one's next line and what it does.

    ``kind`` names the response: reveal, short, since, unsure, confirm, correct,
    relief, resist, weigh, withdraw, repair, guarded, deflect, nudge, share, spent,
    early, ask, close, end, or safe_asked / safe_urgency / safe_means / safe_help / safe_stay /
    safe_not_yet / safe_emergency. ``beat`` is the beat it brings out or touches.
    ``ends`` says how the conversation ended with this line: "goal", "lost" or "limit".
    """

    line: str
    kind: str
    beat: str | None = None
    pitfall: str | None = None
    ends: str | None = None


def topic_at(words: list[str], topics: tuple[str, ...]) -> int:
    """Where the first of the topics appears (each of its words starts a word, in order:
    "sleep" is in "sleeping"; "early night" needs both; words shorter than PREFIX must
    match whole), or -1."""
    for i in range(len(words)):
        for topic in topics:
            parts = _parts(topic)
            if i + len(parts) <= len(words) and all(
                _word_matches(words[i + k], part) for k, part in enumerate(parts)
            ):
                return i
    return -1


@cache
def _parts(topic: str) -> tuple[str, ...]:
    """A topic's words as replies are read ("i'm sad" is "i am sad")."""
    return words_of(topic).words


def _word_matches(word: str, part: str) -> bool:
    # a short topic word ("gp", "her") must match whole; a longer one is a word start
    return word == part or (len(part) >= PREFIX and word.startswith(part))


def topic_hits(words: list[str], topics: tuple[str, ...]) -> bool:
    return topic_at(words, topics) >= 0


def read_move(feedback: Feedback, scenario: Scenario) -> Move:
    """The move a reply made, from the engine's feedback and the scenario's topics."""
    reply = feedback.reply
    if not reply.strip():
        return Move(empty=True)
    words = list(words_of(reply.replace("\u2019", "'")).words)
    lowered = " ".join(reply.lower().replace("\u2019", "'").split())
    advice = None
    if "advice" in feedback.skill_names:
        matched = [
            i for i, a in enumerate(scenario.advice) if a.topics and topic_hits(words, a.topics)
        ]
        advice = (
            matched[0]
            if matched
            else next(i for i, a in enumerate(scenario.advice) if not a.topics)
        )
    asked = _question_words(feedback) or words
    misreading = next(
        (i for i, m in enumerate(scenario.misreadings) if topic_hits(words, m.topics)), None
    )
    return Move(
        skills=frozenset(feedback.skill_names),
        pitfalls=tuple(f.name for f in feedback.pitfalls if f.name in PITFALLS),
        safety=frozenset(feedback.safety_names),
        premature=feedback.premature_advice,
        apology=bool(_APOLOGY.search(lowered)),
        beats=_beats_touched(words, scenario),
        asks_goal=_goal_last(words, scenario),
        advice=advice,
        misreading=misreading,
        check_in=topic_hits(words, _CHECK_IN) or words[:2] == ["how", "are"],
        duration=topic_hits(asked, _DURATION),
        particular=any(w not in _GENERAL for w in asked),
        emergency=bool(_EMERGENCY.search(lowered)),
    )


def _question_words(feedback: Feedback) -> list[str]:
    """The words of the reply's last question: what it asks about, apart from what it
    reflects first ("You've seemed low. What's been going on?")."""
    questions = [f for f in feedback.skills if f.name in ("open_question", "closed_question")]
    if not questions:
        return []
    last = max(questions, key=lambda f: f.start)
    text = feedback.reply[last.start : last.end].replace("\u2019", "'")
    return list(words_of(text).words)


def _goal_last(words: list[str], scenario: Scenario) -> bool:
    """The reply names what would help after any beat: "That sounds scary. What would
    help?" asks about help; "What do you need to sleep better?" asks about sleep."""
    at = topic_at(words, scenario.ask.topics)
    if at < 0:
        return False
    later = words[at:]
    return all(topic_at(later, b.topics) < 0 for b in scenario.beats)


def _beats_touched(words: list[str], scenario: Scenario) -> tuple[str, ...]:
    found = [(topic_at(words, b.topics), k, b.id) for k, b in enumerate(scenario.beats)]
    return tuple(beat_id for at, _, beat_id in sorted(found) if at >= 0)


@dataclass
class Conversation:
    """The loved one's state between replies, and the rules for their next line."""

    scenario: Scenario
    rng: random.Random
    trust: int = 0
    replies: int = 0
    hurt: bool = False  # the last reply stung and nothing has repaired it
    revealed: list[str] = field(default_factory=list)  # beats out in full, in order
    touched: set[str] = field(default_factory=set)  # beats asked about, answered briefly
    done: set[str] = field(default_factory=set)  # safety steps taken and answered
    help_offered: bool = False  # the first offer of help met its hesitation
    ask_said: bool = False
    ended: str | None = None
    _used: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.trust = self.scenario.trust

    # ------------------------------------------------------------- state

    @property
    def heard(self) -> bool:
        return len(self.revealed) >= min(HEARD, len(self.scenario.beats))

    @property
    def ready(self) -> bool:
        """They are ready to say what they want from you."""
        ask = self.scenario.ask
        return (
            set(ask.after) <= set(self.revealed)
            and self.trust >= ask.trust
            and set(ask.needs) <= self.done
        )

    def available(self, beat: Beat) -> bool:
        return self.trust >= beat.trust and set(beat.after) <= set(self.revealed)

    def next_beat(self) -> Beat | None:
        return next(
            (b for b in self.scenario.beats if b.id not in self.revealed and self.available(b)),
            None,
        )

    def _react(self, name: str) -> str:
        """One of the scenario's short reactions, varied by the seed and never twice in a
        row while there is another."""
        options = self.scenario.reactions[name]
        if len(options) == 1:
            return options[0]
        last = self._used.get(name, -1)
        pick = self.rng.randrange(len(options) - (last >= 0))
        if last >= 0 and pick >= last:
            pick += 1
        self._used[name] = pick
        return options[pick]

    def _gain(self, points: int = 1) -> None:
        self.trust = max(0, min(MAX_TRUST, self.trust + points))

    # ----------------------------------------------------------- respond

    def respond(self, move: Move) -> Response:
        if self.ended:
            raise ValueError("the conversation is over")
        self.replies += 1
        response = self._answer(move)
        limit = self.scenario.turns
        if response.ends is None and self.replies >= limit:
            safety_answer = response.kind.startswith("safe_") or response.kind == "ask"
            if not safety_answer or self.replies >= limit + GRACE:
                response = self._end("limit" if self.trust > 0 else "lost")
        if response.kind == "ask":
            self.ask_said = True
        self.ended = response.ends
        return response

    def _end(self, how: str, line: str | None = None, kind: str = "end") -> Response:
        warm = how == "goal" or (how == "limit" and not self.hurt)
        text = line or (self.scenario.warm if warm else self.scenario.cold)
        return Response(text, kind, ends=how)

    def _answer(self, m: Move) -> Response:
        if m.empty:
            return Response(self._react("nudge"), "nudge")
        if self.ask_said:
            return self._answer_to_ask(m)
        if m.safety and (
            self.scenario.risk or m.safety & {"asks_about_suicide", "asks_about_urgency"}
        ):
            safe = self._safe(m)
            if safe is not None:
                return safe
        if m.hurts:
            return self._withdraw(m)
        if "secrecy_promise" in m.pitfalls:
            return Response(
                self.scenario.pitfalls["secrecy_promise"], "withdraw", pitfall="secrecy_promise"
            )
        if self.hurt:
            return self._after_hurt(m)
        if self.help_offered and not m.beats:
            # they named a barrier; whatever the user offers to get past it, they agree
            return self._ask(kind="ask")
        return self._plain(m)

    def _answer_to_ask(self, m: Move) -> Response:
        """They asked something of the user; this reply is the answer, and the talk ends.
        A question back about what they told ("When did it start?") is answered first,
        and the ask still waits."""
        if m.hurts:
            return self._end("lost")
        asks = m.skills & {"open_question", "closed_question"}
        if asks and (m.beats or m.duration) and not m.safety:
            return self._plain(m, prefix=False)
        return self._end("goal", self.scenario.ask.close, kind="close")

    def _withdraw(self, m: Move) -> Response:
        pitfall = next(p for p in m.pitfalls if p != "secrecy_promise")
        twice = self.hurt
        self.trust -= 1
        self.hurt = True
        if twice or self.trust < 0:
            self.trust = max(self.trust, 0)
            return self._end("lost")
        return Response(self.scenario.pitfalls[pitfall], "withdraw", pitfall=pitfall)

    def _after_hurt(self, m: Move) -> Response:
        """Still stung: an apology repairs and lets the reply land; a kind reply without
        one only repairs; anything else leaves them guarded."""
        if m.apology:
            self.hurt = False
            self._gain()
            inner = self._plain(m, prefix=False)
            if inner.kind == "nudge":
                return Response(self._react("repair"), "repair")
            return Response(f"{self._react('repair')} {inner.line}", "repair", inner.beat)
        if m.listens:
            self.hurt = False
            beats = [b for b in m.beats if b not in self.revealed]
            if "open_question" in m.skills and beats:
                self.touched.add(beats[0])
                return Response(self.scenario.beat(beats[0]).closed, "guarded", beats[0])
        return Response(self._react("guarded"), "guarded")

    # --------------------------------------------------------- the moves

    def _plain(self, m: Move, *, prefix: bool = True) -> Response:
        if m.advice is not None:
            return self._advice(self.scenario.advice[m.advice], m)
        if m.listens:
            self._gain()
        if "open_question" in m.skills:
            return self._open(m)
        if m.skills & {"reflection", "validation"} or "stays_with_them" in m.safety:
            return self._understood(m, prefix=prefix)
        if "closed_question" in m.skills:
            return self._closed(m)
        if "self_disclosure" in m.skills:
            return Response(self._react("share"), "share")
        return Response(self._react("nudge"), "nudge")

    def _reveal(self, beat: Beat, line: str, kind: str) -> Response:
        self.revealed.append(beat.id)
        return Response(line, kind, beat.id)

    def _open(self, m: Move) -> Response:
        # a question's subject is usually the last thing it names
        if m.asks_goal:
            return self._ask_or_early()
        fresh = [self.scenario.beat(b) for b in m.beats if b not in self.revealed]
        if fresh:
            beat = fresh[-1]
            if self.available(beat):
                return self._reveal(beat, beat.open, "reveal")
            self.touched.add(beat.id)
            return Response(beat.closed, "short", beat.id)
        if m.beats:
            # asked again about something they already told: a short reminder
            beat = self.scenario.beat(m.beats[-1])
            return Response(beat.closed, "short", beat.id)
        if m.duration:
            return Response(self.scenario.since, "since")
        if m.particular:
            # about something they are not holding back: an honest "not sure"
            return Response(self._react("unsure"), "unsure")
        coming = self.next_beat()
        if coming is not None:
            return self._reveal(coming, coming.told, "reveal")
        return self._ask_or_spent()

    def _understood(self, m: Move, *, prefix: bool = True) -> Response:
        """A reflection is confirmed (or corrected) and deepened; validation brings relief
        and something new."""
        reflected = "reflection" in m.skills
        if reflected and m.misreading is not None and not m.beats:
            return Response(self.scenario.misreadings[m.misreading].line, "correct")
        kind = "confirm" if reflected else "relief"
        said = f"{self._react(kind)} " if prefix else ""
        fresh = [self.scenario.beat(b) for b in m.beats if b not in self.revealed]
        beat = next((b for b in fresh if self.available(b)), None) or self.next_beat()
        if beat is not None:
            return self._reveal(beat, f"{said}{beat.told}", kind)
        follow = self._ask_or_spent()
        return Response(f"{said}{follow.line}", follow.kind, follow.beat)

    def _closed(self, m: Move) -> Response:
        if m.asks_goal:
            return self._ask_or_early()
        if m.beats:
            fresh = [b for b in m.beats if b not in self.revealed]
            beat = (fresh or list(m.beats))[-1]
            self.touched.add(beat)
            return Response(self.scenario.beat(beat).closed, "short", beat)
        if m.duration:
            return Response(self.scenario.since, "since")
        if m.check_in:
            return Response(self._react("deflect"), "deflect")
        return Response(self._react("nudge"), "nudge")

    def _advice(self, advice: Advice, m: Move) -> Response:
        if m.premature or not self.heard:
            return Response(advice.early, "resist")
        if advice.goal and self.ready and not self.scenario.risk:
            return self._ask(kind="ask")
        return Response(advice.weighed, "weigh")

    def _ask(self, kind: str) -> Response:
        return Response(self.scenario.ask.line, kind)

    def _ask_or_early(self) -> Response:
        if self.ready and not self.scenario.risk:
            return self._ask(kind="ask")
        return Response(self.scenario.ask.early, "early")

    def _ask_or_spent(self) -> Response:
        if self.ready and not self.scenario.risk:
            return self._ask(kind="ask")
        return Response(self._react("spent"), "spent")

    # ------------------------------------------------------ the safe track

    def _safe(self, m: Move) -> Response | None:
        """The honest answer to a safety step; None if the step needs no answer here."""
        safe = self.scenario.safe
        self.hurt = False
        self._gain()
        if not self.scenario.risk:
            # a careful question in a scenario without risk gets an honest "no"
            self.done.add("asks_about_suicide")
            return Response(safe.asked, "safe_asked")
        questions = [
            (name, line, kind)
            for name, line, kind in (
                ("asks_about_suicide", safe.asked, "safe_asked"),
                ("asks_about_urgency", safe.urgency, "safe_urgency"),
            )
            if name in m.safety
        ]
        if questions:
            self.done.update(name for name, _, _ in questions)
            return Response(" ".join(line for _, line, _ in questions), questions[-1][2])
        if "connects_to_help" in m.safety:
            self.done.add("connects_to_help")
            return self._help(m)
        if "means_safety" in m.safety:
            self.done.add("means_safety")
            return Response(safe.means, "safe_means")
        if "stays_with_them" in m.safety:
            self.done.add("stays_with_them")
            if self.help_offered:
                return self._ask(kind="ask")
            return Response(safe.stay, "safe_stay")
        return None

    def _help(self, m: Move) -> Response:
        safe = self.scenario.safe
        # calling the emergency number never has to wait for the questions
        if not (m.emergency or set(self.scenario.ask.needs) <= self.done):
            return Response(safe.not_yet, "safe_not_yet")
        if safe.emergency_now and not m.emergency:
            return Response(safe.emergency, "safe_emergency")
        if not self.help_offered:
            self.help_offered = True
            return Response(safe.help, "safe_help")
        return self._ask(kind="ask")
