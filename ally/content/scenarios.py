"""data/scenarios/*.toml: the conversations `ally practice` rehearses.

One file per scenario, named by its id. A scenario is a small graph of what the
loved one is holding back, written as data:

- ``opening``: what they say first; ``since``: how long it has been, in their words
  (the answer to "how long?" when no beat is about that).
- ``[[beat]]``: what they will reveal, in the order it makes sense to come out
  (how long it has been, sleep, work, a fear...). Each beat has ``topics`` (word
  starts that mean a reply touched it: "sleep" matches "sleeping"), ``about`` (a few
  words for the summary), ``open`` (the answer to an open question about it),
  ``closed`` (the answer to a yes/no question about it: a short statement that fits
  either polarity, never a bare "yes", and whole on its own: no "them" or "it" that
  only the open line explains), ``more`` (what they add when asked about it again once
  it is out: the feeling or detail underneath, never a repeat), and optionally
  ``told`` (how they volunteer it after feeling understood; defaults to ``open``; a
  beat whose ``about`` starts "how long" is volunteered only once nothing else is
  left, unless they are asked how long),
  ``trust`` (how much trust they need before saying it in full) and ``after`` (beats
  that must come out first).
- ``[ask]``: what they want from you once they feel heard. ``line`` is the ask
  itself (often a question: the user always gets to answer it), ``close`` their last
  words after the answer, ``early`` what they say if asked what would help before
  they are ready, ``after``/``trust``/``needs`` when they are ready (``needs``: safety
  steps the user must have taken first), ``accept`` what they say when you offer what
  they were coming to ask for before they ask it (it ends the talk, so it asks
  nothing; a risk scenario has none, as its ask follows the safe track), and optionally
  ``follow_up`` = {text, at, asked}: the check-in, offered as an `ally remind add`
  command (``asked = true`` when the ask line itself asks for it).
- ``[reactions]``: short lines in their voice, each said at most once in a talk:
  ``confirm`` (a reflection that fits, said before what comes next), ``relief``
  (after validation), ``deflect`` (a yes/no check-in with nothing to hold on to: "Are
  you ok?"), ``nudge`` (a statement that goes nowhere: "ok", an off-topic remark),
  ``guarded`` (a kind reply while still stung: fits a question and a statement
  alike), ``share`` (after a short share of your own), ``repair`` (an apology after a
  pitfall), ``spent`` (nothing new to say yet), ``unsure`` (an open question about
  something ordinary they are not holding back: "How are you eating?"), ``yesno`` (a
  yes/no question with nothing in particular to hold on to: a short answer that fits
  yes or no, plus a little), ``echo`` (their own words echoed back as a question, "A
  ghost?", where there is nothing more to say about them), ``puzzled`` (asked about
  something they never mentioned; the model says the thing back first: "My new
  puppy?"), ``doubt`` (reassurance that argues with how they feel: "You're not a
  burden"), ``again`` (the same kind of reply once more, when its lines are used
  up) and ``offer`` (an offer of the user's own company or help that comes before
  what they want from you: "Can I text you tomorrow?", "Want me to chop the
  onions?": a short take-it-or-leave-it that fits any such offer).
  When every line that fits has been said, they end the talk.
- ``[pitfalls]``: one withdrawal per pitfall, in their voice.
- ``[[advice]]``: advice they resist when it comes too early (``early``) and weigh
  once they feel heard (``weighed``), matched by ``topics``; one entry without topics
  answers any other advice. ``goal = true``: taken up as the ask once they are ready.
- ``[[misreading]]``: reflections that get them wrong, and how they correct them.
- ``[endings]``: ``warm`` (time runs out, trust intact), ``cold`` (trust gone),
  ``soon`` (said first, one reply before time runs out, so the end is no surprise)
  and optionally ``thanks`` (thanks for how they were treated, "Thank you for not
  panicking": added to the last line only when the user made no slip; no other line
  may thank them for that). Endings, ``close``, ``accept`` and the safe track's
  closing lines never ask a question.
- ``[safe]``: how they answer each safety move honestly. Every scenario has
  ``asked`` (asked directly about suicide) and ``asked_again`` (asked once more: the
  same answer in other words); risk scenarios also have ``urgency``,
  ``urgency_again`` (asked about a plan or the danger again: the same truth, a little
  more, no method detail), ``means``, ``help`` (the first offer of help: hesitation,
  or a barrier the user can work with; it names no kind of help the user may not have
  offered), ``stay``, ``not_yet`` (help offered before the steps in
  ``ask.needs``) and ``taken_back`` (the user takes back a promise to keep it
  secret: how that lands, then an opening to talk about who could know), optionally
  ``injury`` (asked how an injury is, once they have told you about it: is it sore,
  is it clean, does it need looking at; no detail of it), plus
  flags for the summary's checklist: ``urgent`` (the cues call for asking about a
  plan or timing), ``means_matter``, ``stay_matters`` and
  ``emergency_now`` (the right step is emergency services now; ``emergency`` is
  their answer to any lesser help). ``[safe.plan.KIND]`` (KIND: emergency, line,
  doctor, person) may give ``help``, ``agree`` (instead of the ask's line) and
  ``close`` for that kind of help, so the answer follows the plan the user proposed
  (the doctor tomorrow is not an ambulance now).

Loading validates all of it, naming the scenario and field in the error, and
checks the graph: every beat can come out, and the ask can be reached within the
turn limit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType

import ally.content
from ally.content import SLUG, Table, read, unique
from ally.errors import ContentError

DIFFICULTIES = ("gentle", "moderate", "hard")
SITUATIONS = (
    "low-mood",
    "anxiety",
    "grief",
    "burnout",
    "substance-use",
    "deflection",
    "denial",
    "eating",
    "psychosis",
    "self-harm",
    "suicide-risk",
)
# The names the feedback engine gives pitfalls and safety moves (tests keep them equal).
PITFALLS = ("minimising", "judgment", "self_focus", "secrecy_promise", "dismissing")
SAFETY_MOVES = (
    "asks_about_suicide",
    "asks_about_urgency",
    "means_safety",
    "connects_to_help",
    "stays_with_them",
)
REACTIONS = (
    "confirm",
    "relief",
    "deflect",
    "nudge",
    "guarded",
    "share",
    "repair",
    "spent",
    "unsure",
    "yesno",
    "echo",
    "puzzled",
    "doubt",
    "again",
    "offer",
)
# The kinds of help a user can propose, most urgent first (see [safe.plan.KIND]).
PLANS = ("emergency", "line", "doctor", "person")
# Thanks for how they were treated belongs in [endings] thanks, said only after a
# conversation without a slip: anywhere else it can contradict what the user did.
CONDUCT_THANKS = re.compile(r"\bthank(?:s| you)\b[^.?!]*\bfor not\b", re.IGNORECASE)
# Trust runs from 0 (about to leave) to MAX_TRUST; a good move adds one.
MAX_TRUST = 5
# Where trust starts unless the scenario says otherwise.
START_TRUST = {"gentle": 3, "moderate": 2, "hard": 1}
MIN_TURNS, MAX_TURNS = 6, 16
MIN_TOPIC = 2


@dataclass(frozen=True)
class Beat:
    id: str
    about: str
    topics: tuple[str, ...]
    trust: int
    after: tuple[str, ...]
    open: str
    closed: str
    told: str
    more: str


@dataclass(frozen=True)
class FollowUp:
    text: str  # the reminder's text, e.g. "Check in with Sam"
    at: str  # when, as `ally remind add --at` reads it, e.g. "monday 18:00"
    asked: bool = False  # the ask line itself asks for this check-in


@dataclass(frozen=True)
class Ask:
    topics: tuple[str, ...]
    trust: int
    after: tuple[str, ...]
    needs: tuple[str, ...]
    line: str
    early: str
    close: str
    accept: str
    follow_up: FollowUp | None


@dataclass(frozen=True)
class Advice:
    topics: tuple[str, ...]  # empty: any other advice
    early: str
    weighed: str
    goal: bool


@dataclass(frozen=True)
class Misreading:
    topics: tuple[str, ...]
    line: str


@dataclass(frozen=True)
class Plan:
    """How they take one kind of help; empty fields fall back to the defaults."""

    help: str = ""
    agree: str = ""
    close: str = ""


@dataclass(frozen=True)
class Safe:
    asked: str
    asked_again: str = ""
    urgency: str = ""
    urgency_again: str = ""
    means: str = ""
    help: str = ""
    stay: str = ""
    not_yet: str = ""
    taken_back: str = ""
    emergency: str = ""
    injury: str = ""
    urgent: bool = False
    means_matter: bool = False
    stay_matters: bool = False
    emergency_now: bool = False
    plans: Mapping[str, Plan] = field(default_factory=lambda: MappingProxyType({}))

    def plan(self, kind: str | None) -> Plan:
        return self.plans.get(kind or "", Plan())


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    situation: str
    difficulty: str
    risk: bool
    person: str
    name: str
    setting: str
    goal: str
    opening: str
    since: str
    trust: int
    turns: int
    beats: tuple[Beat, ...]
    ask: Ask
    reactions: Mapping[str, tuple[str, ...]]
    pitfalls: Mapping[str, str]
    advice: tuple[Advice, ...]
    misreadings: tuple[Misreading, ...]
    warm: str
    cold: str
    soon: str
    thanks: str
    safe: Safe

    def beat(self, beat_id: str) -> Beat:
        return next(b for b in self.beats if b.id == beat_id)


# ------------------------------------------------------------------ reading


def _topics(t: Table, key: str = "topics", *, minimum: int = 1) -> tuple[str, ...]:
    topics = t.texts(key, minimum=minimum)
    for topic in topics:
        if topic != topic.lower() or len(topic.replace(" ", "")) < MIN_TOPIC:
            raise ContentError(
                f"{t.where}: '{key}' entries must be lower case and at least {MIN_TOPIC}"
                f" letters: {topic!r}"
            )
    return topics


def _trust(t: Table, key: str, default: int) -> int:
    if key not in t.raw:
        return default
    value = t.number(key)
    if not 0 <= value <= MAX_TRUST:
        raise ContentError(f"{t.where}: '{key}' must be between 0 and {MAX_TRUST}")
    return value


def _statement(t: Table, key: str, default: str | None = None) -> str:
    """A line that may end the conversation: it must not ask anything."""
    value = t.text(key, default)
    if "?" in value:
        raise ContentError(f"{t.where}: '{key}' ends the conversation, so it cannot ask a question")
    return value


def _beat(t: Table) -> Beat:
    t.named("beat")
    beat_id = t.text("id", pattern=SLUG)
    open_line = t.text("open")
    return Beat(
        id=beat_id,
        about=t.text("about"),
        topics=_topics(t),
        trust=_trust(t, "trust", 0),
        after=t.texts("after", minimum=0),
        open=open_line,
        closed=t.text("closed"),
        told=t.text("told", open_line),
        more=t.text("more"),
    )


def _ask(t: Table, beats: tuple[Beat, ...], risk: bool) -> Ask:
    follow = t.raw.get("follow_up")
    follow_up = None
    if follow is not None:
        ft = Table(follow, f"{t.where} follow_up")
        follow_up = FollowUp(text=ft.text("text"), at=ft.text("at"), asked=ft.flag("asked"))
    # a risk scenario's ask waits for the direct question unless it says otherwise
    # (needs = [] where they have already said it plainly)
    default_needs = ("asks_about_suicide",) if risk else ()
    needs = t.texts("needs", minimum=0) if "needs" in t.raw else default_needs
    for need in needs:
        if need not in SAFETY_MOVES:
            raise ContentError(f"{t.where}: 'needs' must name safety moves: {need!r}")
    default_after = () if risk else tuple(b.id for b in beats)
    return Ask(
        topics=_topics(t),
        trust=_trust(t, "trust", 0 if risk else 3),
        after=t.texts("after", minimum=0) if "after" in t.raw else default_after,
        needs=needs,
        line=t.text("line"),
        early=t.text("early"),
        close=_statement(t, "close"),
        accept=_statement(t, "accept", "" if risk else None),
        follow_up=follow_up,
    )


def _safe(t: Table, risk: bool) -> Safe:
    if not risk:
        extra = set(t.raw) - {"asked", "asked_again"}
        if extra:
            raise ContentError(
                f"{t.where}: only risk scenarios have a safe track beyond 'asked'"
                f" (found {', '.join(sorted(extra))})"
            )
        return Safe(asked=t.text("asked"), asked_again=t.text("asked_again"))
    emergency_now = t.flag("emergency_now")
    plans = Table(t.raw.get("plan", {}), f"{t.where} [safe.plan]")
    for kind in plans.raw:
        if kind not in PLANS:
            raise ContentError(f"{plans.where}: kinds of help are {', '.join(PLANS)}: {kind!r}")
    return Safe(
        asked=t.text("asked"),
        asked_again=t.text("asked_again"),
        urgency=t.text("urgency"),
        urgency_again=t.text("urgency_again"),
        means=t.text("means"),
        help=t.text("help"),
        stay=t.text("stay"),
        not_yet=t.text("not_yet"),
        taken_back=t.text("taken_back"),
        emergency=t.text("emergency") if emergency_now else t.text("emergency", ""),
        injury=t.text("injury", ""),
        urgent=t.flag("urgent"),
        means_matter=t.flag("means_matter"),
        stay_matters=t.flag("stay_matters"),
        emergency_now=emergency_now,
        plans=MappingProxyType({kind: _plan(plans, kind) for kind in plans.raw}),
    )


def _plan(plans: Table, kind: str) -> Plan:
    t = Table(plans.raw[kind], f"{plans.where.removesuffix(']')}.{kind}]")
    unknown = set(t.raw) - {"help", "agree", "close"}
    if unknown:
        raise ContentError(f"{t.where}: unknown field(s) {', '.join(sorted(unknown))}")
    if not t.raw:
        raise ContentError(f"{t.where}: give at least one of help, agree, close")
    return Plan(
        help=t.text("help", ""), agree=t.text("agree", ""), close=_statement(t, "close", "")
    )


def _scenario(t: Table, file_id: str) -> Scenario:
    t.named("scenario")
    scenario_id = t.text("id", pattern=SLUG)
    if scenario_id != file_id:
        raise ContentError(f"{t.where}: 'id' must match the file name ({file_id}.toml)")
    difficulty = t.choice("difficulty", DIFFICULTIES)
    risk = t.flag("risk")
    turns = t.number("turns")
    if not MIN_TURNS <= turns <= MAX_TURNS:
        raise ContentError(f"{t.where}: 'turns' must be between {MIN_TURNS} and {MAX_TURNS}")
    person = t.text("person")
    beats = tuple(_beat(b) for b in t.tables("beat", minimum=2))
    unique(beats, lambda b: b.id, f"beat in scenario '{scenario_id}'")
    ask = _ask(Table(t.raw.get("ask"), f"{t.where} [ask]"), beats, risk)
    reactions_table = Table(t.raw.get("reactions"), f"{t.where} [reactions]")
    reactions = {
        name: reactions_table.texts(name, minimum=0 if name == "offer" else 1) for name in REACTIONS
    }
    pitfalls_table = Table(t.raw.get("pitfalls"), f"{t.where} [pitfalls]")
    pitfalls = {name: pitfalls_table.text(name) for name in PITFALLS}
    advice = tuple(
        Advice(
            topics=_topics(a, minimum=0),
            early=a.text("early"),
            weighed=a.text("weighed"),
            goal=a.flag("goal"),
        )
        for a in t.tables("advice")
    )
    if sum(not a.topics for a in advice) != 1:
        raise ContentError(f"{t.where}: exactly one [[advice]] entry has no topics (any advice)")
    misreadings = tuple(
        Misreading(topics=_topics(m), line=m.text("line"))
        for m in t.tables("misreading", minimum=0)
    )
    endings = Table(t.raw.get("endings"), f"{t.where} [endings]")
    scenario = Scenario(
        id=scenario_id,
        title=t.text("title"),
        situation=t.choice("situation", SITUATIONS),
        difficulty=difficulty,
        risk=risk,
        person=person,
        name=t.text("name", person.split(",")[0].strip()),
        setting=t.text("setting"),
        goal=t.text("goal"),
        opening=t.text("opening"),
        since=t.text("since"),
        trust=_trust(t, "trust", START_TRUST[difficulty]),
        turns=turns,
        beats=beats,
        ask=ask,
        reactions=MappingProxyType(reactions),
        pitfalls=MappingProxyType(pitfalls),
        advice=advice,
        misreadings=misreadings,
        warm=_statement(endings, "warm"),
        cold=_statement(endings, "cold"),
        soon=_statement(endings, "soon"),
        thanks=_statement(endings, "thanks", ""),
        safe=_safe(Table(t.raw.get("safe"), f"{t.where} [safe]"), risk),
    )
    check_graph(scenario, t.where)
    check_lines(scenario, t.where)
    return scenario


# -------------------------------------------------------------------- lines


def said_lines(s: Scenario) -> list[tuple[str, str]]:
    """Everything the loved one can say, each with the field it comes from."""
    out = [
        ("opening", s.opening),
        ("since", s.since),
        ("[endings] warm", s.warm),
        ("[endings] cold", s.cold),
        ("[endings] soon", s.soon),
        ("[ask] line", s.ask.line),
        ("[ask] early", s.ask.early),
        ("[ask] close", s.ask.close),
        ("[ask] accept", s.ask.accept),
    ]
    for beat in s.beats:
        for name in ("open", "closed", "told", "more"):
            if name != "told" or beat.told != beat.open:  # told defaults to open
                out.append((f"beat '{beat.id}' {name}", getattr(beat, name)))
    for name, lines in s.reactions.items():
        out += [(f"[reactions] {name}", line) for line in lines]
    out += [(f"[pitfalls] {name}", line) for name, line in s.pitfalls.items()]
    for i, advice in enumerate(s.advice):
        out += [(f"advice[{i}] early", advice.early), (f"advice[{i}] weighed", advice.weighed)]
    out += [(f"misreading[{i}] line", m.line) for i, m in enumerate(s.misreadings)]
    safe = s.safe
    for name in ("asked", "asked_again", "urgency", "urgency_again", "means", "help", "stay"):
        out.append((f"[safe] {name}", getattr(safe, name)))
    out += [("[safe] not_yet", safe.not_yet), ("[safe] emergency", safe.emergency)]
    out.append(("[safe] injury", safe.injury))
    out.append(("[safe] taken_back", safe.taken_back))
    for kind, plan in safe.plans.items():
        out += [
            (f"[safe.plan.{kind}] {name}", getattr(plan, name))
            for name in ("help", "agree", "close")
        ]
    return [(where, line) for where, line in out if line]


def check_lines(s: Scenario, where: str) -> None:
    """Lines that would contradict the conversation are refused: thanks for how they
    were treated anywhere but [endings] thanks, and the same line in two places (a
    line is said at most once in a talk, so a copy would never be heard)."""
    seen: dict[str, str] = {}
    for field_name, line in said_lines(s):
        if CONDUCT_THANKS.search(line):
            raise ContentError(
                f"{where} {field_name}: thanks for how they were treated goes in"
                f" [endings] thanks (said only after a talk without a slip): {line!r}"
            )
        if line in seen and not field_name.startswith("[safe.plan"):
            raise ContentError(f"{where} {field_name}: the same line as {seen[line]}: {line!r}")
        seen.setdefault(line, field_name)


# -------------------------------------------------------------------- graph


def check_graph(s: Scenario, where: str) -> None:
    """Every beat can come out, and the ask can be reached within the turn limit.

    A beat comes out once the beats in its ``after`` have, and once trust reaches its
    ``trust`` (each good reply adds one, up to MAX_TRUST), so the check is that the
    ``after`` references exist and form no cycle. The quickest way to the ask takes a
    reply per beat it waits for, one per safety step it needs, one for the ask itself
    and one to answer it; that must fit in ``turns``.
    """
    ids = {b.id for b in s.beats}
    for beat in s.beats:
        for other in beat.after:
            if other not in ids:
                raise ContentError(f"{where} beat '{beat.id}': 'after' names no beat: {other!r}")
    for other in s.ask.after:
        if other not in ids:
            raise ContentError(f"{where} [ask]: 'after' names no beat: {other!r}")
    _check_no_cycle(s, where)
    needed = _closure(s, s.ask.after)
    # each beat that must come out first, each safety step, a help offer (risk), the ask
    # and its answer; trust may also need building by good replies, one per point
    quickest = len(needed) + len(s.ask.needs) + (1 if s.risk else 0) + 2
    waiting = max(0, s.ask.trust - s.trust - len(needed) - len(s.ask.needs))
    if quickest + waiting > s.turns:
        raise ContentError(
            f"{where}: the ask cannot be reached in {s.turns} turns (it needs {quickest + waiting})"
        )


def _closure(s: Scenario, roots: tuple[str, ...]) -> set[str]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        beat_id = todo.pop()
        if beat_id not in seen:
            seen.add(beat_id)
            todo.extend(s.beat(beat_id).after)
    return seen


def _check_no_cycle(s: Scenario, where: str) -> None:
    """Some order of the beats respects every ``after``: otherwise some never come out."""
    done: list[str] = []
    pending = list(s.beats)
    while pending:
        ready = [b for b in pending if set(b.after) <= set(done)]
        if not ready:
            names = ", ".join(b.id for b in pending)
            raise ContentError(f"{where}: beats can never come out (a cycle in 'after'): {names}")
        done.extend(b.id for b in ready)
        pending = [b for b in pending if b not in ready]


# ------------------------------------------------------------------ loading

_SITUATION_ORDER = {name: i for i, name in enumerate(SITUATIONS)}
_DIFFICULTY_ORDER = {name: i for i, name in enumerate(DIFFICULTIES)}


@cache
def load_scenarios() -> tuple[Scenario, ...]:
    folder = ally.content.data_dir() / "scenarios"
    try:
        names = sorted(p.name for p in folder.iterdir() if p.suffix == ".toml")
    except OSError:
        raise ContentError("content folder scenarios is missing from the installation") from None
    if not names:
        raise ContentError("content folder scenarios has no scenarios")
    scenarios = [_scenario(read(f"scenarios/{name}"), name.removesuffix(".toml")) for name in names]
    unique(scenarios, lambda s: s.id, "scenario")
    scenarios.sort(
        key=lambda s: (_SITUATION_ORDER[s.situation], _DIFFICULTY_ORDER[s.difficulty], s.id)
    )
    return tuple(scenarios)


def find_scenario(scenario_id: str) -> Scenario | None:
    wanted = scenario_id.strip().lower()
    return next((s for s in load_scenarios() if s.id == wanted), None)
