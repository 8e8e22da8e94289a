"""The verdict: one or two sentences that sum up the feedback on a reply, pitfalls first."""

from __future__ import annotations

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


def _verdict(skills: list[str], pitfalls: list[str], premature: bool, direct: bool) -> str:
    good = [_DOING[n] for n in skills if n in _LISTENING]
    if direct and not pitfalls:
        return (
            "You asked directly about suicide, which is the right thing to do. "
            "Listen to the answer, stay with them and look for help together."
        )
    if pitfalls:
        watch = _join([_WATCH[n] for n in pitfalls])
        first = f"Watch out for {watch}: this can close the conversation down."
        return first + (f" You also {_join(good)}, which helps." if good else "")
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
