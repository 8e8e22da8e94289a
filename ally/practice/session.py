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
from collections import Counter
from dataclasses import dataclass, field

from ally.content.scenarios import FollowUp, Scenario
from ally.practice.conversation import Conversation, Move, Response, read_move
from ally.practice.feedback import PITFALLS, SAFETY, SKILLS, Feedback, analyse

# Replies that count as exploring before advising.
EXPLORING_SKILLS = frozenset({"reflection", "open_question", "closed_question"})

# How much a response shows a reply landing, for choosing the moment that worked best.
_LANDED = {
    "ask": 6,
    "safe_asked": 5,
    "safe_urgency": 5,
    "safe_means": 5,
    "safe_help": 5,
    "safe_stay": 5,
    "repair": 4,
    "confirm": 3,
    "relief": 3,
    "reveal": 3,
    "correct": 2,
}


@dataclass(frozen=True)
class Turn:
    said: str  # the loved one's words the user answered
    reply: str
    feedback: Feedback
    move: Move
    response: Response
    trust: int  # the loved one's trust after this reply

    @property
    def answer(self) -> str:
        """What the loved one said next."""
        return self.response.line

    @property
    def landed_well(self) -> bool:
        return self.move.listens and not self.move.pitfalls and not self.move.premature


@dataclass(frozen=True)
class SafetyCheck:
    """The #BeThe1To steps: ``None`` where a step is not called for in this scenario."""

    asked_directly: bool
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
    """The check-in the loved one asked for, as an `ally remind add` command."""

    text: str
    at: str
    about: str

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
        return any(EXPLORING_SKILLS & set(t.feedback.skill_names) for t in self.turns)

    @property
    def risk(self) -> bool:
        """True when the scenario, or anything said in it, involves risk of harm."""
        return self.scenario.risk or any(t.feedback.risk for t in self.turns)

    def reply(self, text: str) -> Turn:
        if self.finished:
            raise ValueError("the conversation is over")
        said = self.current_line
        done = frozenset(name for t in self.turns for name in t.feedback.safety_names)
        feedback = analyse(text, said, explored=self.explored, risk=self.risk, done=done)
        move = read_move(feedback, self.scenario)
        response = self.conversation.respond(move)
        turn = Turn(said, text, feedback, move, response, self.conversation.trust)
        self.turns.append(turn)
        return turn

    # ----------------------------------------------------------- summary

    def safety(self) -> SafetyCheck | None:
        if not self.risk:
            return None
        used = {name for t in self.turns for name in t.feedback.safety_names}
        safe = self.scenario.safe if self.scenario.risk else None

        def relevant(flag: bool, name: str) -> bool | None:
            return (name in used) if flag else None

        return SafetyCheck(
            asked_directly="asks_about_suicide" in used,
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
        skills = Counter(name for t in turns for name in t.feedback.skill_names)
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
            revealed=tuple(self.scenario.beat(b).about for b in self.conversation.revealed),
        )

    def reminder(self) -> Reminder | None:
        follow: FollowUp | None = self.scenario.ask.follow_up
        if follow is None or not self.conversation.ask_said:
            return None
        return Reminder(text=follow.text, at=follow.at, about=self.scenario.name)


# ------------------------------------------------------------ the verdict


def praise(
    scenario: Scenario, turns: list[Turn], safety: SafetyCheck | None, ending: str | None
) -> str:
    """Praise in proportion to what landed: one good reply is a start, not a triumph."""
    name = scenario.name
    good = sum(t.landed_well for t in turns)
    stung = any(t.move.hurts for t in turns)
    safe = safety is None or safety.passed
    if ending == "goal" and not stung and safe:
        return f"Well done: {name} felt heard and got to what they needed from you."
    if ending == "goal":
        missed = "a safety step was missed" if not safe else "a slip cost some trust on the way"
        return f"{name} got to what they needed from you, though {missed}."
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


def best_moment(scenario: Scenario, turns: list[Turn]) -> Moment | None:
    scored = [(_LANDED.get(t.response.kind, 0), -i, i, t) for i, t in enumerate(turns)]
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
    if kind == "safe_asked":
        return f"{name} could tell you honestly about thoughts of suicide."
    if kind == "safe_urgency":
        return f"{name} told you how close the danger is."
    if kind == "safe_means":
        return f"{name} talked about making things safer."
    if kind == "safe_help":
        return f"{name} started to think about getting help."
    if kind == "safe_stay":
        return f"{name} knew they were not on their own."
    if kind == "repair":
        return f"Your apology repaired the moment, and {name} kept talking."
    if kind == "correct":
        return f"{name} corrected you, which a reflection invites; now you know more."
    beat = turn.response.beat
    about = scenario.beat(beat).about if beat else "what was on their mind"
    return f"{name} told you about {about}."


def retry_moment(scenario: Scenario, turns: list[Turn], best: Moment | None) -> Moment | None:
    """The reply most worth trying again: a pitfall, then early advice, then a
    yes/no question that got a short answer, then a reply that went nowhere."""
    name = scenario.name
    candidates = [(i, t) for i, t in enumerate(turns) if not best or best.turn != i + 1]
    for i, t in candidates:
        if t.feedback.pitfalls:
            finding = t.feedback.pitfalls[0]
            what = f"{name} pulled back. {finding.reason}"
            if finding.name == "secrecy_promise":
                what = f"You promised to keep it secret. {finding.reason}"
            return Moment(i + 1, t.reply, what, finding.suggestion)
    for i, t in candidates:
        if t.response.kind == "resist":
            return Moment(
                i + 1,
                t.reply,
                f"{name} pushed back: the advice came before they felt heard.",
                "Ask first: 'What have you tried so far?' or 'What do you think might help?'",
            )
    for i, t in candidates:
        if t.response.kind in ("short", "deflect"):
            return Moment(
                i + 1,
                t.reply,
                f"A yes/no question got a short answer from {name}.",
                "Ask it open, with 'what' or 'how': 'How has that been for you?'",
            )
    for i, t in candidates:
        if t.response.kind == "nudge":
            return Moment(
                i + 1,
                t.reply,
                f"This moved away from what {name} was saying.",
                "Stay with their words: say back what you heard, or ask about it.",
            )
    return None


def next_time(
    scenario: Scenario, turns: list[Turn], safety: SafetyCheck | None, ending: str | None
) -> str:
    """The one thing most worth trying next time, safety first."""
    if safety and not safety.asked_directly:
        return (
            'Ask directly: "Are you thinking about suicide?" Asking does not plant the idea; '
            "it shows you can hear the answer."
        )
    if safety and not safety.avoided_secrecy:
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
    if safety and not safety.pointed_to_help:
        return "Offer to call or text a crisis line together (run `ally crisis` for the numbers)."
    if safety and safety.stayed_with_them is False:
        return 'Say you will stay: "I\'m staying right here with you tonight."'
    pitfalls = Counter(f.name for t in turns for f in t.feedback.pitfalls)
    if pitfalls:
        worst = pitfalls.most_common(1)[0][0]
        finding = next(f for t in turns for f in t.feedback.pitfalls if f.name == worst)
        return finding.suggestion or finding.reason
    used = {name for t in turns for name in t.feedback.skill_names}
    if any(t.response.kind == "resist" for t in turns):
        return "Hold advice until you have asked and reflected: understanding comes first."
    if "reflection" not in used:
        return 'Reflect back what you heard in your own words: "It sounds like…"'
    if "open_question" not in used:
        return 'Ask an open question that cannot be answered yes or no: "What has that been like?"'
    if "validation" not in used:
        return 'Say that their feelings make sense: "No wonder you feel worn out."'
    if ending == "goal":
        if scenario.difficulty == "hard":
            return "Try another hard scenario: ally practice --difficulty hard"
        return "Ready for more: ally practice --difficulty hard"
    return (
        f"Stay with it a little longer: keep reflecting and asking until {scenario.name} "
        "says what they need from you."
    )
