"""The verdict: one or two sentences that sum up the feedback on a reply, pitfalls first."""

from __future__ import annotations

from collections.abc import Sequence

_DOING = {
    "open_question": "asked an open question",
    "closed_question": "asked a question",
    "reflection": "showed you understood",
    "validation": "validated their feelings",
    "advice": "offered a suggestion",
    "self_disclosure": "shared something of your own",
    "information": "gave some information",
}
_WATCH = {
    "minimising": "minimising",
    "judgment": "judging",
    "self_focus": "making it about you",
    "secrecy_promise": "promising secrecy",
    "dismissing": "brushing the feeling aside",
}
_LISTENING = ("open_question", "reflection", "validation")


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


_SAFETY_DOING = {
    "asks_about_suicide": "asked directly about suicide",
    "asks_about_urgency": "asked how close it is",
    "means_safety": "offered to put distance between them and the means",
    "connects_to_help": "offered a route to help",
    "stays_with_them": "said you would stay with them",
}
# The next safety step: once help is on its way, staying matters most; before that,
# asking plainly, then how close it is, then finding help together (#BeThe1To, QPR).
_STAY_NEXT = "Stay with them, or on the line, until help is there."
_SAFETY_NEXT = (
    ("asks_about_suicide", "Ask plainly too: 'Are you thinking about suicide?'"),
    ("asks_about_urgency", "Next, find out how close it is: 'Do you have a plan?'"),
    ("connects_to_help", "Then find help together: 'Shall we call the crisis line now?'"),
)


def _next_safety_step(moves: Sequence[str], done: frozenset[str] = frozenset()) -> str:
    moves = [*moves, *done]
    if "connects_to_help" in moves:
        return "" if "stays_with_them" in moves else _STAY_NEXT
    if "asks_about_suicide" in moves or "asks_about_urgency" in moves:
        return next((hint for name, hint in _SAFETY_NEXT[1:] if name not in moves), "")
    return _SAFETY_NEXT[0][1]


_LEADING = (
    "That question invites a 'no' or talks round it, so they may not feel able to say yes. "
    "Ask plainly: 'Are you thinking about killing yourself?' Asking does not plant the idea."
)


def _safety_verdict(moves: Sequence[str], done: frozenset[str]) -> str:
    said = f"You {_join([_SAFETY_DOING[n] for n in moves])}: the right thing to do."
    return f"{said} {_next_safety_step(moves, done)}".strip()


def _verdict(
    skills: list[str],
    pitfalls: list[str],
    premature: bool,
    safety: Sequence[str] = (),
    leading: bool = False,
    done: frozenset[str] = frozenset(),
) -> str:
    good = [_DOING[n] for n in skills if n in _LISTENING]
    if safety and not pitfalls:
        return _safety_verdict(safety, done)
    if pitfalls:
        watch = _join([_WATCH[n] for n in pitfalls])
        why = (
            "if they are at risk, you may need to tell someone."
            if pitfalls == ["secrecy_promise"]
            else "this can close the conversation down."
        )
        first = f"Watch out for {watch}: {why}"
        if safety:
            moves = _join([_SAFETY_DOING[n] for n in safety])
            return f"You {moves}, which is right; but {first[0].lower()}{first[1:]}"
        return first
    if leading:
        return _LEADING
    if premature:
        return (
            "You went to advice before finding out more. "
            "Ask an open question or say back what you heard first."
        )
    if good:
        if "open_question" in skills or "reflection" in skills:
            return f"Good listening: you {_join(good)}."
        return f"Good listening: you {_join(good)}. Next, an open question can help them say more."
    if "closed_question" in skills:
        return "A start. Turn it into an open question ('what' or 'how') so they can say more."
    if skills:
        return "No listening skill yet: try an open question, or say back what you heard."
    return "Try an open question, or say back what you heard, to show you're listening."
