"""A practice conversation: the loved one speaks, the user replies, the loved one reacts.

How a reply lands decides what the loved one says next: they open up after a
reflection, a validation or an open question, answer briefly after anything
else, and pull back after a pitfall. So the consequence of a reply is felt in
the conversation, not only scored. Pure: no input, output or clock.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ally.content.scenarios import Scenario
from ally.practice.feedback import (
    PITFALLS,
    SKILLS,
    Feedback,
    analyse,
    asks_about_suicide,
    mentions_risk,
    points_to_help,
)

# Replies that invite someone to say more.
OPENING_SKILLS = frozenset({"reflection", "validation", "open_question"})
# Replies that count as exploring before advising.
EXPLORING_SKILLS = frozenset({"reflection", "open_question", "closed_question"})


def landing(feedback: Feedback) -> str:
    """How a reply lands with the loved one: "open", "neutral" or "withdraw"."""
    if feedback.pitfalls:
        return "withdraw"
    if OPENING_SKILLS & set(feedback.skill_names) and not feedback.premature_advice:
        return "open"
    return "neutral"


@dataclass(frozen=True)
class Turn:
    said: str  # the loved one's words the user answered
    reply: str
    feedback: Feedback
    landed: str
    answer: str  # what the loved one said next


@dataclass(frozen=True)
class SafetyCheck:
    """The #BeThe1To steps a risk conversation should include."""

    asked_directly: bool
    avoided_secrecy: bool
    pointed_to_help: bool

    @property
    def passed(self) -> bool:
        return self.asked_directly and self.avoided_secrecy and self.pointed_to_help


@dataclass(frozen=True)
class Summary:
    scenario_id: str
    replies: int
    skills: dict[str, int]
    pitfalls: dict[str, int]
    risk: bool
    safety: SafetyCheck | None
    next_time: str
    complete: bool


@dataclass
class Session:
    scenario: Scenario
    turns: list[Turn] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return len(self.turns) >= self.scenario.turns

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
        if self.scenario.risk or mentions_risk(self.scenario.opening):
            return True
        return any(mentions_risk(t.reply) or mentions_risk(t.answer) for t in self.turns)

    def reply(self, text: str) -> Turn:
        if self.finished:
            raise ValueError("the conversation is over")
        said = self.current_line
        feedback = analyse(text, said, explored=self.explored)
        landed = landing(feedback)
        turn = Turn(said, text, feedback, landed, self.scenario.line(landed, len(self.turns)))
        self.turns.append(turn)
        return turn

    def safety(self) -> SafetyCheck | None:
        if not self.risk:
            return None
        return SafetyCheck(
            asked_directly=any(asks_about_suicide(t.reply) for t in self.turns),
            avoided_secrecy=not any(
                "secrecy_promise" in t.feedback.pitfall_names for t in self.turns
            ),
            pointed_to_help=any(points_to_help(t.reply) for t in self.turns),
        )

    def summary(self) -> Summary:
        skills = Counter(name for t in self.turns for name in t.feedback.skill_names)
        pitfalls = Counter(name for t in self.turns for name in t.feedback.pitfall_names)
        safety = self.safety()
        return Summary(
            scenario_id=self.scenario.id,
            replies=len(self.turns),
            skills={name: skills[name] for name in SKILLS if skills[name]},
            pitfalls={name: pitfalls[name] for name in PITFALLS if pitfalls[name]},
            risk=self.risk,
            safety=safety,
            next_time=next_time(self.turns, safety),
            complete=self.finished,
        )


def next_time(turns: list[Turn], safety: SafetyCheck | None) -> str:
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
    if safety and not safety.pointed_to_help:
        return "Offer to call or text a crisis line together (run `ally crisis` for the numbers)."
    pitfalls = Counter(f.name for t in turns for f in t.feedback.pitfalls)
    if pitfalls:
        worst = pitfalls.most_common(1)[0][0]
        finding = next(f for t in turns for f in t.feedback.pitfalls if f.name == worst)
        return finding.suggestion or finding.reason
    used = {name for t in turns for name in t.feedback.skill_names}
    if any(t.feedback.premature_advice for t in turns):
        return "Hold advice until you have asked and reflected: understanding comes first."
    if "reflection" not in used:
        return 'Reflect back what you heard in your own words: "It sounds like…"'
    if "open_question" not in used:
        return 'Ask an open question that cannot be answered yes or no: "What has that been like?"'
    if "validation" not in used:
        return 'Say that their feelings make sense: "No wonder you feel worn out."'
    return "Well done. Next time, try a harder scenario: ally practice --difficulty hard"
