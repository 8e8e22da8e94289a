"""A practice session: the user's replies, the feedback on each, the loved one's answers,
and the summary at the end.

Each reply is analysed by the feedback engine, read as a move, and answered by the
conversation model (:mod:`ally.practice.conversation`). The summary is earned: praise
in proportion to what landed, the moment that worked best and the one to try again
in the user's own words, the safety steps where risk came up, and the follow-up the
loved one asked for, as a command the user can run. Pure: no input, output or clock.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field

from ally.content.scenarios import FollowUp, Scenario
from ally.practice.conversation import (
    TAKES_BACK,
    Conversation,
    Move,
    Response,
    _words,
    denies,
    read_move,
    split_sentences,
    takes_up,
)
from ally.practice.feedback import PITFALLS, SAFETY, SKILLS, Feedback, analyse, mentions_risk
from ally.practice.feedback.safety import leading_question

# Replies that count as exploring before advising.
EXPLORING_SKILLS = frozenset({"reflection", "open_question", "closed_question"})

# How much a response shows a reply landing, for choosing the moment that worked best.
_LANDED = {
    "ask": 6,
    "accept": 6,
    "safe_asked": 5,
    "safe_urgency": 5,
    "safe_injury": 4,
    "safe_means": 5,
    "safe_help": 5,
    "safe_stay": 5,
    "repair": 4,
    "confirm": 3,
    "relief": 3,
    "reveal": 3,
    "deepen": 3,
    "correct": 2,
}
# What the safe track brings out, for the summary's list of what they told you.
_SAFE_TOLD = {
    "safe_asked": "thoughts of suicide",
    "safe_urgency": "whether there is a plan, and how soon",
    "safe_means": "letting you make things safer",
    "safe_injury": "how the injury is",
}
# Responses in which they say more, or take up what was offered.
_OPENED = frozenset(
    (
        "reveal",
        "deepen",
        "confirm",
        "correct",
        "relief",
        "short",
        "since",
        "repair",
        "weigh",
        "ask",
        "accept",
        "close",
    )
)
# When a check-in is, in the user's words: a day, then a part of the day.
_DAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "tomorrow",
    "tonight",
)
_PARTS = {
    "first thing": "09:00",
    "morning": "09:00",
    "lunchtime": "12:30",
    "after school": "16:00",
    "afternoon": "15:00",
    "after work": "18:00",
    "evening": "18:00",
    "night": "20:00",
}


@dataclass(frozen=True)
class Turn:
    said: str  # the loved one's words the user answered
    reply: str
    feedback: Feedback
    move: Move
    response: Response
    trust: int  # the loved one's trust after this reply
    said_risk: bool = False  # what they said before it carries a cue of suicide or self-harm

    @property
    def answer(self) -> str:
        """What the loved one said next."""
        return self.response.line

    @property
    def skill_names(self) -> tuple[str, ...]:
        """The listening skills the reply used; none for an aside ("What time is it?"),
        which asks nothing about them."""
        return () if self.move.aside else tuple(self.feedback.skill_names)

    @property
    def landed_well(self) -> bool:
        return self.move.listens and not self.move.pitfalls and not self.move.premature

    @property
    def opened_up(self) -> bool:
        """A reply that landed, and they said more for it (not "Who knows." or "Mm.")."""
        return self.landed_well and (
            self.response.kind in _OPENED or self.response.kind.startswith("safe_")
        )


@dataclass(frozen=True)
class SafetyCheck:
    """The #BeThe1To steps: ``None`` where a step is not called for in this scenario."""

    asked_directly: bool | None  # None: they said it in so many words before you could ask
    asked_about_urgency: bool | None
    means_safety: bool | None
    pointed_to_help: bool
    stayed_with_them: bool | None
    avoided_secrecy: bool

    def as_dict(self) -> dict[str, bool | None]:
        """Stable snake_case keys, for --json and the stored session."""
        return {
            "asked_directly": self.asked_directly,
            "asked_about_urgency": self.asked_about_urgency,
            "means_safety": self.means_safety,
            "pointed_to_help": self.pointed_to_help,
            "stayed_with_them": self.stayed_with_them,
            "avoided_secrecy": self.avoided_secrecy,
        }

    @property
    def passed(self) -> bool:
        return all(v is not False for v in self.as_dict().values())


@dataclass(frozen=True)
class Moment:
    """One reply worth remembering: the user's words and what they did."""

    turn: int  # 1-based
    reply: str
    what: str
    suggestion: str = ""


@dataclass(frozen=True)
class Reminder:
    """The check-in, as an `ally remind add` command: the one the loved one asked for,
    or a plan the user made with them."""

    text: str
    at: str
    about: str
    asked: bool = False  # they asked for it in so many words

    @property
    def command(self) -> str:
        text, at, about = (_quote(v) for v in (self.text, self.at, self.about))
        return f"ally remind add {text} --at {at} --about {about}"


def _quote(value: str) -> str:
    if value and all(c.isalnum() or c in "-_." for c in value):
        return value
    escaped = (
        value.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")
    )
    return f'"{escaped}"'


@dataclass(frozen=True)
class Summary:
    scenario_id: str
    replies: int
    skills: dict[str, int]
    pitfalls: dict[str, int]
    safety_moves: dict[str, int]
    risk: bool
    safety: SafetyCheck | None
    next_time: str
    complete: bool  # the conversation came to its own end (not Ctrl-D)
    ending: str | None  # "goal", "lost", "limit", or None if the user left
    praise: str
    best: Moment | None
    retry: Moment | None
    reminder: Reminder | None
    revealed: tuple[str, ...] = field(default=())  # what they told you, in order

    @property
    def goal_reached(self) -> bool:
        return self.ending == "goal"


class Session:
    def __init__(self, scenario: Scenario, seed: int = 0) -> None:
        self.scenario = scenario
        self.seed = seed
        self.conversation = Conversation(scenario, random.Random(seed))
        self.turns: list[Turn] = []

    @property
    def finished(self) -> bool:
        return self.conversation.ended is not None

    @property
    def current_line(self) -> str:
        """What the loved one has just said, which the next reply answers."""
        return self.turns[-1].answer if self.turns else self.scenario.opening

    @property
    def explored(self) -> bool:
        return any(EXPLORING_SKILLS & set(t.skill_names) for t in self.turns)

    @property
    def risk(self) -> bool:
        """True when the scenario involves risk of harm, or the loved one has said
        something that does. The user's own question ("do you ever think about hurting
        yourself?") does not make it a risk talk when they answer "no"."""
        return self.scenario.risk or any(t.said_risk for t in self.turns)

    def reply(self, text: str) -> Turn:
        if self.finished:
            raise ValueError("the conversation is over")
        said = self.current_line
        done = frozenset(name for t in self.turns for name in t.feedback.safety_names)
        context = said
        promised = any("secrecy_promise" in t.move.pitfalls for t in self.turns)
        speaks_of_telling = bool(_SPEAKS_OF_TELLING.search(_YOU_TOLD_ME.sub("", text)))
        if (
            _ASKS_SECRECY.search(self.scenario.opening)
            and said != self.scenario.opening
            and speaks_of_telling
            and not _takes_back(text)
            and not any(_takes_back(t.reply) for t in self.turns)
            # answered already: "Okay." to what they tell next is no second promise
            and not promised
        ):
            # "promise you won't tell" stands until it is answered: "I won't tell if you
            # don't want me to" three turns later is still that promise (and once the
            # user has taken a promise back, talking of who to tell is no new promise)
            context = f"{self.scenario.opening} {said}"
        elif promised and not speaks_of_telling:
            # promised already: "You promised, remember." -> "Okay, I'm listening." is the
            # same promise heard, not a second one
            context = " ".join(x for x in split_sentences(said) if not _ASKS_SECRECY.search(x))
        feedback = analyse(text, context, explored=self.explored, risk=self.risk, done=done)
        move = read_move(feedback, self.scenario)
        response = self.conversation.respond(move)
        turn = Turn(
            said, text, feedback, move, response, self.conversation.trust, mentions_risk(said)
        )
        self.turns.append(turn)
        return turn

    # ----------------------------------------------------------- summary

    def safety(self) -> SafetyCheck | None:
        if not self.risk:
            return None
        # the steps the engine found, and those the talk answered as one ("And the
        # tablets?" asks what happens to the tablets)
        used = {name for t in self.turns for name in t.feedback.safety_names}
        used |= self.conversation.done
        safe = self.scenario.safe if self.scenario.risk else None

        def relevant(flag: bool, name: str) -> bool | None:
            # a step taken is credited even where the cues did not call for it
            return True if name in used else (False if flag else None)

        return SafetyCheck(
            asked_directly=True
            if "asks_about_suicide" in used
            else (None if _SAYS_SUICIDE.search(self.scenario.opening) else False),
            asked_about_urgency=relevant(bool(safe and safe.urgent), "asks_about_urgency"),
            means_safety=relevant(bool(safe and safe.means_matter), "means_safety"),
            pointed_to_help="connects_to_help" in used,
            stayed_with_them=relevant(bool(safe and safe.stay_matters), "stays_with_them"),
            avoided_secrecy=not any(
                "secrecy_promise" in t.feedback.pitfall_names for t in self.turns
            ),
        )

    def summary(self) -> Summary:
        turns = self.turns
        skills = Counter(name for t in turns for name in t.skill_names)
        pitfalls = Counter(name for t in turns for name in t.feedback.pitfall_names)
        moves = Counter(name for t in turns for name in t.feedback.safety_names)
        safety = self.safety()
        ending = self.conversation.ended
        best = best_moment(self.scenario, turns)
        return Summary(
            scenario_id=self.scenario.id,
            replies=len(turns),
            skills={name: skills[name] for name in SKILLS if skills[name]},
            pitfalls={name: pitfalls[name] for name in PITFALLS if pitfalls[name]},
            safety_moves={name: moves[name] for name in SAFETY if moves[name]},
            risk=self.risk,
            safety=safety,
            next_time=next_time(self.scenario, turns, safety, ending),
            complete=self.finished,
            ending=ending,
            praise=praise(self.scenario, turns, safety, ending),
            best=best,
            retry=retry_moment(self.scenario, turns, best),
            reminder=self.reminder(),
            revealed=self.revealed(),
        )

    def revealed(self) -> tuple[str, ...]:
        """What they told you, in the order they told it: the beats they told in full
        (in a risk scenario, in brief too) and what the safe track brought out."""
        told: list[str] = []
        risk = self.scenario.risk
        for t in self.turns:
            beat = t.response.beat
            brief = risk and t.response.kind == "short"
            if beat and (beat in self.conversation.revealed or brief):
                # in full, or the disclosure in brief ("It wasn't an accident. I've been
                # hurting myself."); elsewhere a brief answer ("Not sleeping much.") is not
                # all the beat ("sleep and not eating")
                told.append(self.scenario.beat(beat).about)
            elif risk and t.response.kind in _SAFE_TOLD:
                if t.response.kind == "safe_urgency" and self.scenario.safe.emergency_now:
                    told.append("having already taken something")  # no plan: it is done
                else:
                    told.append(_SAFE_TOLD[t.response.kind])
        # a beat that came out in a line about something else
        told += [self.scenario.beat(b).about for b in self.conversation.revealed]
        return tuple(dict.fromkeys(told))

    def reminder(self) -> Reminder | None:
        """The check-in to offer: the one they asked for (at the time the user named, if
        they named one), or, when a talk that hurt nobody reached the turn limit, a plain
        check-in on a day the user proposed near the end."""
        follow: FollowUp | None = self.scenario.ask.follow_up
        name = self.scenario.name
        if follow is not None and self.conversation.ask_said:
            asked_at = next(
                (i for i, t in enumerate(self.turns) if t.response.kind in ("ask", "accept")), 0
            )
            said = [t.reply for t in self.turns[asked_at:]]
            day = follow.at.split()[0].lower()
            agreed = any(
                t.response.kind == "ask" or day in t.answer.lower() for t in self.turns[asked_at:]
            )
            if not agreed:
                # they took up what the user offered; the follow-up they would have asked
                # for (Thursday evenings) never came up: a plain check-in
                at = next((w for w in (when(r, "tomorrow 18:00") for r in said) if w), "")
                return Reminder(f"Check in with {name}", at or "tomorrow 18:00", name)
            at = next((w for w in (when(r, follow.at) for r in said) if w), follow.at)
            return Reminder(text=follow.text, at=at, about=name, asked=follow.asked)
        if self.conversation.ended == "limit" and not self.conversation.hurt:
            # a day the user proposed: a plain check-in, since the follow-up the
            # scenario knows of (an appointment, a group) was never agreed
            default = follow.at if follow is not None else "tomorrow 18:00"
            for turn in reversed(self.turns[-3:]):
                at = when(turn.reply, default, need_day=True)
                if at:
                    return Reminder(text=f"Check in with {name}", at=at, about=name)
        return None


# ------------------------------------------------------------ the verdict


def when(reply: str, default: str, *, need_day: bool = False) -> str:
    """The time a reply names for a check-in, as `ally remind add --at` reads it
    ("Monday morning": "monday 09:00"), filling in from ``default`` ("monday 18:00");
    "" if it names none (or, with ``need_day``, no day)."""
    lowered = " ".join(reply.lower().replace("\u2019", "'").split())
    words = re.findall(r"[a-z]+", lowered)
    day = next((d for d in _DAYS if d in words), "")
    if not day and "weekend" in words:
        day = "saturday"
    # a part of the day counts where it names a time: "Monday morning", "in the
    # evening", "first thing", not "I'll stay with you all night"
    when_words = "in the|this|tomorrow|on|" + "|".join(_DAYS)
    part = next(
        (
            p
            for k, p in _PARTS.items()
            if re.search(rf"\b(?:(?:{when_words}) )?{k}\b", lowered)
            and (" " in k or re.search(rf"\b(?:{when_words}) {k}\b", lowered))
        ),
        "",
    )
    if need_day and not day:
        return ""
    if not (day or part):
        return ""
    default_day, _, default_time = default.partition(" ")
    if day == "tonight":
        # `ally remind add --at tonight` picks 20:00, or later tonight if that has gone
        return "tonight"
    return f"{day or default_day} {part or default_time}".strip()


def took_back_secrecy(turns: list[Turn]) -> bool:
    """A promise of secrecy was made and later taken back."""
    promised = False
    for t in turns:
        if promised and _takes_back(t.reply):
            return True
        if "secrecy_promise" in t.feedback.pitfall_names:
            promised = True
    return False


def _leading(scenario: Scenario, t: Turn) -> bool:
    """A question that talked round suicide where risk was in the air."""
    return (scenario.risk or t.feedback.risk) and leading_question(t.reply)


def _labelled(t: Turn) -> bool:
    """A reply called them what they had just said they were not ("You're depressed")."""
    return any(denies(t.said, word) for word in t.move.labels) and t.response.kind == "deflect"


def shortfall(scenario: Scenario, turns: list[Turn]) -> str | None:
    """What kept a talk that reached its goal from being done well, if anything."""
    if any(_leading(scenario, t) for t in turns):
        return "a question talked round suicide instead of asking it plainly"
    if any(t.response.kind == "doubt" for t in turns):
        return "a reply argued with how they felt instead of hearing it"
    if any(_labelled(t) for t in turns):
        return "a reply put a name on it they had just refused"
    resisted = [i for i, t in enumerate(turns) if t.response.kind == "resist"]
    if resisted:
        if _heard_first(turns, resisted[0]):
            return "a suggestion came before they were ready for it"
        return "advice came before they felt heard"
    if any(t.response.kind == "puzzled" for t in turns):
        return "a reply asked about something they had never mentioned"
    return None


def _heard_first(turns: list[Turn], i: int) -> bool:
    """Whether reply ``i`` came after a reply that listened and was heard as such (a
    reflection or validation they answered), not straight in with advice."""
    return any({"reflection", "validation"} & t.move.skills and not t.move.hurts for t in turns[:i])


def _takes_back(reply: str) -> bool:
    """The reply takes back a promise of secrecy ("I know I said I'd keep it, but...")."""
    return bool(TAKES_BACK.search(reply.lower().replace("\u2019", "'")))


# An opening that asks for a promise of secrecy.
_ASKS_SECRECY = re.compile(
    r"\bpromis\w*|\b(?:don'?t|won'?t|can'?t|cannot) tell\b|\bkeep (?:it|this) (?:a )?secret\b",
    re.IGNORECASE,
)
# A reply that speaks of telling or keeping quiet itself.
_SPEAKS_OF_TELLING = re.compile(
    r"\b(?:tell|telling|told|secret|promise|promised|between us|word|anyone|anybody)\b",
    re.IGNORECASE,
)
# Their telling the user ("I'm glad you told me"), which speaks of no one else.
_YOU_TOLD_ME = re.compile(r"\b(?:tell|told|telling) me\b", re.IGNORECASE)
# An opening that names suicide in so many words: there is nothing left to ask directly
# ("I've been having thoughts of ending my life"); a plan and how soon is the next step.
_SAYS_SUICIDE = re.compile(
    r"\b(?:end(?:ing)? my (?:own )?life|suicid\w*|kill(?:ing)? myself|take my (?:own )?life)\b",
    re.IGNORECASE,
)


def _missed(safety: SafetyCheck, turns: list[Turn]) -> str:
    """The first safety step missed, in words."""
    if safety.asked_directly is False:
        return "you did not ask directly about suicide"
    if not safety.avoided_secrecy:
        if took_back_secrecy(turns):
            return "you promised secrecy before taking it back"
        return "you promised to keep it secret"
    if safety.asked_about_urgency is False:
        return "you did not ask about a plan or how soon"
    if safety.means_safety is False:
        return "you did not offer to make the means safer"
    if not safety.pointed_to_help:
        return "you did not point to help"
    return "you did not say you would stay with them"


def praise(
    scenario: Scenario, turns: list[Turn], safety: SafetyCheck | None, ending: str | None
) -> str:
    """Praise in proportion to what landed: one good reply is a start, not a triumph,
    and a talk that got there with euphemisms or arguing is not "well done"."""
    name = scenario.name
    good = sum(t.opened_up for t in turns)
    slips = sum(t.move.hurts for t in turns)
    stung = slips > 0
    safe = safety is None or safety.passed
    short = shortfall(scenario, turns)
    if ending == "goal" and not stung and safe and short is None:
        return f"Well done: {name} felt heard and got to what they needed from you."
    if ending == "goal":
        missed = (
            _missed(safety, turns)
            if safety is not None and not safe
            else _slips(slips)
            if stung
            else short
        )
        return f"{name} got to what they needed from you, though {missed}."
    if scenario.risk and ending in ("lost", "limit"):
        # said plainly: the talk ended with someone at risk and no help agreed
        return (
            f"The talk ended with {name} still at risk and no help agreed. In real life, "
            "don't leave it there: stay with them and contact a crisis line or emergency "
            "services together (`ally crisis` lists them)."
        )
    if ending == "lost":
        return (
            f"{name} pulled away this time. That happens in real life too; "
            "the moment to try again is below."
        )
    if good == 0:
        return "Nothing has landed yet; that is what practice is for."
    if good == 1:
        return f"A good start: one reply helped {name} open up."
    return f"{good} of your {len(turns)} replies helped {name} open up."


def _slips(count: int) -> str:
    if count == 1:
        return "a slip cost some trust on the way"
    words = {2: "two", 3: "three", 4: "four", 5: "five"}
    return f"{words.get(count, str(count))} slips cost trust on the way, and it had to be won back"


def best_moment(scenario: Scenario, turns: list[Turn]) -> Moment | None:
    def value(i: int, t: Turn) -> int:
        if t.response.kind == "repair" and not any(u.opened_up for u in turns[i + 1 : i + 2]):
            return 2  # "Nah, it's alright.": forgiven, but what came of it is the moment
        return _LANDED.get(t.response.kind, 0)

    scored = [(value(i, t), -i, i, t) for i, t in enumerate(turns)]
    scored = [s for s in scored if s[0] > 0 and not s[3].move.hurts]
    if not scored:
        return None
    _, _, i, turn = max(scored)
    return Moment(i + 1, turn.reply, _what_it_did(scenario, turn))


def _what_it_did(scenario: Scenario, turn: Turn) -> str:
    name = scenario.name
    kind = turn.response.kind
    if kind == "ask":
        if scenario.risk:
            return f"{name} agreed to get help with you."
        return f"{name} told you what they want from you."
    if kind == "accept":
        return f"{name} took up what you offered."
    if kind == "safe_asked":
        if scenario.risk:
            return f"{name} could tell you honestly about thoughts of suicide."
        return f"You asked plainly, and {name} could answer you honestly."
    if kind == "safe_injury":
        return f"{name} could tell you how the injury is, and that it is looked after."
    if kind == "safe_urgency":
        return f"{name} told you how close the danger is."
    if kind == "safe_means":
        return f"{name} talked about making things safer."
    if kind == "safe_help":
        return f"{name} started to think about getting help."
    if kind == "safe_stay":
        return f"{name} knew they were not on their own."
    if kind == "repair":
        return f"Your apology repaired the moment, and {name} stayed in the talk."
    if kind == "correct":
        return f"{name} corrected you, which a reflection invites; now you know more."
    beat = turn.response.beat
    about = scenario.beat(beat).about if beat else "what was on their mind"
    return f"{name} told you about {about}."


def retry_moment(scenario: Scenario, turns: list[Turn], best: Moment | None) -> Moment | None:
    """The reply most worth trying again: a pitfall, then a question that talked round
    suicide, then reassurance that argued with how they felt, then early advice, then a
    question about something they never mentioned, then a yes/no question that got a
    short answer, then a reply that went nowhere."""
    name = scenario.name
    candidates = [(i, t) for i, t in enumerate(turns) if not best or best.turn != i + 1]
    # once safety steps have begun in a risk talk, pushing back is part of the safe track
    safety_from = next(
        (i for i, t in enumerate(turns) if t.feedback.safety and scenario.risk), len(turns)
    )
    took_back = took_back_secrecy(turns)
    for i, t in candidates:
        if t.feedback.pitfalls:
            finding = t.feedback.pitfalls[0]
            what = f"{name} pulled back. {finding.reason}"
            if finding.name == "secrecy_promise":
                what = f"You promised to keep it secret. {finding.reason}"
                if took_back:
                    what = (
                        "You promised to keep it secret, and later took it back, which was "
                        f"right. {finding.reason}"
                    )
            return Moment(i + 1, t.reply, what, finding.suggestion)
    for i, t in candidates:
        if _leading(scenario, t):
            return Moment(
                i + 1,
                t.reply,
                f"The question talked round suicide, so {name} could hear that 'no' was "
                "the answer you hoped for.",
                "Ask plainly: 'Are you thinking about killing yourself?' Asking does not "
                "plant the idea.",
            )
    for i, t in candidates:
        if t.response.kind == "doubt":
            return Moment(
                i + 1,
                t.reply,
                f"{name} didn't believe it: reassurance that argues with a feeling can sound "
                "like it wasn't heard.",
                "Say back the feeling first: 'It sounds like that's really how it feels "
                "right now.'",
            )
    for i, t in candidates:
        if _labelled(t):
            return Moment(
                i + 1,
                t.reply,
                f"{name} had just said it wasn't that, and pushed back: a label can close "
                "the talk down.",
                "Ask what it is like for them instead: 'What has it been like for you?'",
            )
    for i, t in candidates:
        if t.response.kind == "resist" and i < safety_from:
            if _heard_first(turns, i):
                # they had been listened to; what they had not yet told is what held them back
                return Moment(
                    i + 1,
                    t.reply,
                    f"{name} pushed back: the suggestion came before they were ready for it.",
                    "Find out what holds them back first: 'What worries you about that?'",
                )
            return Moment(
                i + 1,
                t.reply,
                f"{name} pushed back: the advice came before they felt heard.",
                "Ask first: 'What have you tried so far?' or 'What do you think might help?'",
            )
    # a safety question, an offer or a proposal of help is closed for good reason
    candidates = [
        (i, t)
        for i, t in candidates
        if not (t.feedback.safety or t.move.offer or t.move.plans or t.move.asks_help)
    ]
    for i, t in candidates:
        if t.response.kind == "puzzled":
            return Moment(
                i + 1,
                t.reply,
                f"This asked about something {name} had never mentioned.",
                "Stay with their words: say back what you heard, or ask about it.",
            )
    for i, t in candidates:
        if t.move.pardon:
            return Moment(
                i + 1,
                t.reply,
                f"{name} had just told you something, and a bare 'What?' can sound like "
                "you were not listening.",
                "If you missed it, say so gently: 'Sorry, I missed that. Say it again?'",
            )
    for i, t in candidates:
        brief = t.response.kind in ("deflect", "yesno") or (
            # in a risk scenario a brief answer can be the disclosure itself ("It wasn't an
            # accident."), no short answer at all
            t.response.kind == "short" and not scenario.risk
        )
        if t.move.asks == "closed" and not t.move.choice and brief:
            return Moment(
                i + 1,
                t.reply,
                f"A yes/no question got a short answer from {name}.",
                "Ask it open, with 'what' or 'how': 'How has that been for you?'",
            )
    for i, t in candidates:
        if t.response.kind == "nudge" and _bare_echo(t):
            return Moment(
                i + 1,
                t.reply,
                f"Saying {name}'s own words back was a start, but on its own it left them "
                "little to answer.",
                "Add what you hear in them: 'That sounds so hard.' or 'What was that like?'",
            )
        followed = i > 0 and turns[i - 1].response.kind in ("spent", "again")
        if (
            t.response.kind == "nudge"
            and not t.move.apology
            and not followed  # "I don't know what else there is to say." -> leave it there
            and not takes_up(t.said, t.reply)
        ):
            return Moment(
                i + 1,
                t.reply,
                f"This moved away from what {name} was saying.",
                "Stay with their words: say back what you heard, or ask about it.",
            )
    return None


def _bare_echo(t: Turn) -> bool:
    """A short reply, no question, made mostly of their own last words ("To nobody.
    Oof.")."""
    words = [w for w in _words(t.reply) if w.isalpha()]
    content = [w for w in words if len(w) > 2]
    if not content or len(words) > 6 or "?" in t.reply:
        return False
    said = set(_words(t.said))
    return sum(w in said for w in content) * 2 >= len(content)


def next_time(
    scenario: Scenario, turns: list[Turn], safety: SafetyCheck | None, ending: str | None
) -> str:
    """The one thing most worth trying next time, safety first."""
    if safety and safety.asked_directly is False:
        return (
            'Ask directly: "Are you thinking about suicide?" Asking does not plant the idea; '
            "it shows you can hear the answer."
        )
    if safety and not safety.avoided_secrecy:
        if took_back_secrecy(turns):
            return (
                "Taking back the promise was right. Next time, say from the start that you "
                "cannot keep a risk secret, and that you will work out together who to tell."
            )
        return (
            "Do not promise to keep a risk secret. Say you care too much to keep it to yourself, "
            "and that you will work out together who to tell."
        )
    if safety and safety.asked_about_urgency is False:
        return (
            'Ask about urgency: "Have you made a plan? Have you done anything to hurt yourself '
            'already?" The answer tells you whether help is needed right now.'
        )
    if safety and safety.means_safety is False:
        return (
            "Offer to put distance between them and anything they could use to hurt themselves: "
            '"Can I look after those for you for now?"'
        )
    if safety and not safety.pointed_to_help and scenario.risk:
        # (where they said no to the direct question, a line is not the next step)
        return "Offer to call or text a crisis line together (run `ally crisis` for the numbers)."
    if safety and safety.stayed_with_them is False:
        return 'Say you will stay: "I\'m staying right here with you tonight."'
    if any(_leading(scenario, t) for t in turns):
        return (
            'Ask plainly from the start: "Are you thinking about suicide?" A question like '
            '"you\'re not going to do anything silly, are you?" tells them the answer you want.'
        )
    pitfalls = Counter(f.name for t in turns for f in t.feedback.pitfalls)
    if pitfalls:
        worst = pitfalls.most_common(1)[0][0]
        finding = next(f for t in turns for f in t.feedback.pitfalls if f.name == worst)
        return finding.suggestion or finding.reason
    used = {name for t in turns for name in t.skill_names}
    if any(t.response.kind == "doubt" for t in turns):
        return (
            "When they say something harsh about themselves, say back the feeling before "
            'you reassure: "It sounds like that\'s really how it feels right now."'
        )
    safety_from = next(
        (i for i, t in enumerate(turns) if t.feedback.safety and scenario.risk), len(turns)
    )
    if any(t.response.kind == "resist" for t in turns[:safety_from]):
        return "Hold advice until you have asked and reflected: understanding comes first."
    # (after help reached in an emergency, plain closed questions were the right ones)
    if not (scenario.risk and scenario.safe.emergency_now and ending == "goal"):
        if "reflection" not in used:
            return 'Reflect back what you heard in your own words: "It sounds like…"'
        if "open_question" not in used:
            return (
                'Ask an open question that cannot be answered yes or no: "What has that been like?"'
            )
        if "validation" not in used:
            return 'Say that their feelings make sense: "No wonder you feel worn out."'
    if ending == "goal":
        if scenario.difficulty == "hard":
            return "Try another hard scenario: ally practice --difficulty hard"
        return "Ready for more: ally practice --difficulty hard"
    if any(t.response.kind == "ask" for t in turns):
        # they said what would help, and the talk ended before it was settled
        return (
            f"{scenario.name} told you what would help. Next time, answer it in so many "
            "words: yes, and when."
        )
    if any(t.response.kind == "weigh" for t in turns):
        # they took a suggestion seriously ("I could ask the doctor about cutting down")
        return (
            f"{scenario.name} was open to a step you suggested. Next time, settle it "
            "together: what, and when."
        )
    if any(t.move.asks_goal for t in turns):
        # asked already: they were not ready to say
        return (
            f"{scenario.name} was not ready to say what would help yet. That is normal: keep "
            "listening, and ask again another day."
        )
    return (
        f"Stay with it a little longer: keep reflecting and asking until {scenario.name} "
        "says what they need from you."
    )
