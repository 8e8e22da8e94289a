"""Walk every path through a scenario's conversation model, move by move.

Used by tests/test_practice_paths.py. The moves are abstract (a Move built by hand
for each kind of reply), so this checks the scenario's graph and the model's rules
without the feedback engine: which beats can come out, whether the goal can be
reached, and how every path ends.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from copy import copy as shallow_copy
from dataclasses import dataclass, field

from ally.content.scenarios import PITFALLS, SAFETY_MOVES, Scenario
from ally.practice.conversation import Conversation, Move, Response


def moves(s: Scenario) -> dict[str, Move]:
    """One move of each kind a reply can make in this scenario, by a readable name."""
    catch_all = next(i for i, a in enumerate(s.advice) if not a.topics)
    said = ""  # something they said, for the moves that echo it
    out: dict[str, Move] = {
        "open question": Move(skills=frozenset({"open_question"}), asks="open"),
        "reflection": Move(skills=frozenset({"reflection"})),
        "validation": Move(skills=frozenset({"validation"})),
        "check-in": Move(skills=frozenset({"closed_question"}), asks="closed", check_in=True),
        "off-topic question": Move(skills=frozenset({"closed_question"}), asks="closed"),
        "statement": Move(skills=frozenset({"information"})),
        "self-disclosure": Move(skills=frozenset({"self_disclosure"})),
        "what would help": Move(skills=frozenset({"open_question"}), asks="open", asks_goal=True),
        "early advice": Move(skills=frozenset({"advice"}), advice=catch_all, premature=True),
        "advice": Move(skills=frozenset({"advice"}), advice=catch_all),
        "offer": Move(
            skills=frozenset({"closed_question"}),
            asks="closed",
            advice=catch_all,
            offer=True,
            goal_offer=True,
        ),
        "apology and reflection": Move(skills=frozenset({"reflection"}), apology=True),
        "apology": Move(apology=True),
        "how long": Move(skills=frozenset({"open_question"}), asks="open", duration=True),
        "tell me more": Move(skills=frozenset({"open_question"}), asks="open", back=True),
        "something new": Move(
            skills=frozenset({"open_question"}),
            asks="open",
            focus=("puppy",),
            things=(("puppy", "my new puppy"),),
        ),
        "an echo": Move(
            skills=frozenset({"closed_question"}), asks="closed", echoed="ghost", short=("ghost",)
        ),
        "a challenge": Move(
            skills=frozenset({"closed_question"}), asks="closed", confronts=True, check_in=True
        ),
        "arguing": Move(argues=(said or "burden",)),
        "talking round it": Move(
            skills=frozenset({"closed_question"}), asks="closed", leading=True
        ),
        "": Move(empty=True),
    }
    for i, advice in enumerate(s.advice):
        if advice.goal:
            out[f"advice {i}"] = Move(skills=frozenset({"advice"}), advice=i)
    for beat in s.beats:
        out[f"open question about {beat.id}"] = Move(
            skills=frozenset({"open_question"}), asks="open", beats=(beat.id,), asked=(beat.id,)
        )
        out[f"closed question about {beat.id}"] = Move(
            skills=frozenset({"closed_question"}),
            asks="closed",
            beats=(beat.id,),
            asked=(beat.id,),
        )
        out[f"reflection of {beat.id}"] = Move(skills=frozenset({"reflection"}), beats=(beat.id,))
    for pitfall in PITFALLS:
        out[pitfall] = Move(pitfalls=(pitfall,))
    for i, _ in enumerate(s.misreadings):
        out[f"misreading {i}"] = Move(skills=frozenset({"reflection"}), misreading=i)
    for name in SAFETY_MOVES:
        asks = "closed" if name.startswith("asks") else None
        extra = {"closed_question"} if asks else set()
        out[name] = Move(skills=frozenset(extra), asks=asks, safety=frozenset({name}))
    out["call an ambulance"] = Move(
        safety=frozenset({"connects_to_help"}), emergency=True, plans=("emergency",)
    )
    for plan in ("line", "doctor", "person"):
        out[f"offer help: {plan}"] = Move(safety=frozenset({"connects_to_help"}), plans=(plan,))
    return out


def copy(c: Conversation) -> Conversation:
    """An independent copy: the same state and the same random stream."""
    twin = shallow_copy(c)
    twin.rng = random.Random()
    twin.rng.setstate(c.rng.getstate())
    twin.revealed = list(c.revealed)
    twin.touched = set(c.touched)
    twin.done = set(c.done)
    twin.said = set(c.said)
    return twin


def key(c: Conversation) -> tuple[object, ...]:
    # replies are left out: breadth first finds the shortest way to each state, and a
    # longer way to the same state differs only in reaching the turn limit sooner
    # (the limit has its own tests)
    return (
        c.trust,
        c.hurt,
        frozenset(c.revealed),
        frozenset(c.done & set(c.scenario.ask.needs)),  # the only steps the rules read
        c.help_offered,
        c.ask_said,
        c.ended,
    )


@dataclass
class Walk:
    """What walking every path found."""

    revealed: set[str] = field(default_factory=set)
    endings: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    goal_in: int | None = None  # fewest replies to the goal
    problems: list[str] = field(default_factory=list)
    states: int = 0


def walk(s: Scenario, seed: int = 0) -> Walk:
    """Breadth first over every move from every state, recording what happens."""
    found = Walk()
    table = moves(s)
    start = Conversation(s, random.Random(seed))
    seen = {key(start)}
    frontier: list[tuple[Conversation, list[str]]] = [(start, [])]
    while frontier:
        nxt: list[tuple[Conversation, list[str]]] = []
        for conv, path in frontier:
            for name, move in table.items():
                after = copy(conv)
                before = set(after.said)
                response = after.respond(move)
                trail = [*path, name]
                for problem in check(s, response, before):
                    found.problems.append(f"{' > '.join(trail)}: {problem}")
                found.kinds.add(response.kind)
                if response.beat and response.beat in after.revealed:
                    found.revealed.add(response.beat)
                if response.ends:
                    found.endings.add(response.ends)
                    if response.ends == "goal" and found.goal_in is None:
                        found.goal_in = len(trail)
                    continue
                k = key(after)
                if k not in seen:
                    seen.add(k)
                    nxt.append((after, trail))
        frontier = nxt
    found.states = len(seen)
    return found


def check(s: Scenario, r: Response, said: set[str] | None = None) -> Iterator[str]:
    """What would read wrong in this line, given the lines said before it."""
    if not r.line.strip():
        yield f"empty line ({r.kind})"
    for before in said or ():
        # a line said before, whole or inside a longer one (a filler "Yeah." may recur)
        if len(before.split()) >= 4 and before in r.line:
            yield f"said again: {before!r} in {r.line!r}"
    if r.ends and "?" in r.line:
        yield f"ends on a question: {r.line!r}"
    if r.kind == "withdraw" and r.pitfall is None:
        yield "a withdrawal without a pitfall"
