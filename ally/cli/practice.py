"""`ally practice`: rehearse a hard conversation and get feedback on each reply."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import typer

from ally.cli.output import Page, clean_line, emit_json
from ally.errors import NotFoundError, UsageError

if TYPE_CHECKING:
    from datetime import datetime

    from ally.content.scenarios import Scenario
    from ally.practice.feedback import Feedback, Finding
    from ally.practice.session import Session, Summary

app = typer.Typer(
    help="""Rehearse a hard conversation and get feedback on how you listen.

The person you support "speaks"; you type what you would say. After each reply
ally names the listening skills it shows and the pitfalls to avoid, with a
better way to say it, and the other person reacts to how your reply landed.
Ctrl-D ends the conversation with a summary; Ctrl-C leaves at once.

Examples:

  ally practice                          # a random scenario
  ally practice --list                   # every scenario
  ally practice --scenario friend-better-off-without-me
  ally practice --difficulty gentle
  ally practice check "At least you have a job" --context "I feel awful"
  ally practice --stats                  # how your skills change over time
""",
    invoke_without_command=True,
)

JSON = typer.Option(False, "--json", help="Print JSON instead of text.")


class Difficulty(StrEnum):
    gentle = "gentle"
    moderate = "moderate"
    hard = "hard"


LABELS = {
    "open_question": "open question",
    "closed_question": "closed question",
    "reflection": "reflection",
    "validation": "validation",
    "advice": "advice",
    "self_disclosure": "self-disclosure",
    "information": "information",
    "minimising": "minimising",
    "judgment": "judgment",
    "self_focus": "making it about you",
    "secrecy_promise": "promising secrecy",
    "dismissing": "dismissing",
}
NUDGE = "Take your time. Even \"I'm here, and I'm listening\" is a good start."


# ----------------------------------------------------------------- rendering


SAFETY_LABELS = {
    "asks_about_suicide": "asked directly about suicide",
    "asks_about_urgency": "asked how urgent it is",
    "means_safety": "made the means safer",
    "connects_to_help": "connected them to help",
    "stays_with_them": "stayed with them",
}
# The longest reply (or context) `check` reads, and the most of a span it echoes.
MAX_TEXT = 10_000
MAX_QUOTE = 160


def quote(reply: str, finding: Finding) -> str:
    """The words of ``reply`` that show ``finding``, on one line and cut short if long."""
    text = clean_line(reply[finding.start : finding.end])
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rstrip() + "…"


def finding_json(reply: str, finding: Finding) -> dict[str, Any]:
    return {
        "name": finding.name,
        "span": [finding.start, finding.end],
        "text": reply[finding.start : finding.end],
        "reason": finding.reason,
        "suggestion": finding.suggestion or None,
    }


def feedback_json(feedback: Feedback) -> dict[str, Any]:
    return {
        "reply": feedback.reply,
        "skills": [finding_json(feedback.reply, f) for f in feedback.skills],
        "pitfalls": [finding_json(feedback.reply, f) for f in feedback.pitfalls],
        "safety": [finding_json(feedback.reply, f) for f in feedback.safety],
        "premature_advice": feedback.premature_advice,
        "risk": feedback.risk,
        "verdict": feedback.verdict,
    }


def render_feedback(page: Page, feedback: Feedback, *, indent: int = 2) -> None:
    for f in feedback.safety:
        quoted = quote(feedback.reply, f)
        page.text(
            f'* safety: {SAFETY_LABELS[f.name]}: "{quoted}"', indent=indent, style="bold green"
        )
        page.dim(f.reason, indent=indent + 2)
    for f in feedback.skills:
        quoted = quote(feedback.reply, f)
        page.text(f'+ {LABELS[f.name]}: "{quoted}"', indent=indent, style="green")
        page.dim(f.reason, indent=indent + 2)
    for f in feedback.pitfalls:
        quoted = quote(feedback.reply, f)
        page.text(f'! {LABELS[f.name]}: "{quoted}"', indent=indent, style="bold yellow")
        page.text(f.reason, indent=indent + 2)
        if f.suggestion:
            page.text(f"Try: {f.suggestion}", indent=indent + 2, style="cyan")
    page.text(feedback.verdict, indent=indent, style="italic")


def summary_json(summary: Summary) -> dict[str, Any]:
    safety = summary.safety
    return {
        "scenario": summary.scenario_id,
        "replies": summary.replies,
        "complete": summary.complete,
        "skills": summary.skills,
        "pitfalls": summary.pitfalls,
        "risk": summary.risk,
        "safety": None
        if safety is None
        else {
            "asked_directly": safety.asked_directly,
            "avoided_secrecy": safety.avoided_secrecy,
            "pointed_to_help": safety.pointed_to_help,
        },
        "next_time": summary.next_time,
    }


def render_summary(page: Page, summary: Summary, scenario: Scenario) -> None:
    page.heading("How it went")
    if not summary.replies:
        page.text("No replies this time. Come back whenever you are ready.", indent=2)
        return
    skills = ", ".join(f"{LABELS[k]} x{n}" for k, n in summary.skills.items()) or "none yet"
    pitfalls = ", ".join(f"{LABELS[k]} x{n}" for k, n in summary.pitfalls.items()) or "none"
    page.field("Replies", str(summary.replies))
    page.field("Skills you used", skills)
    page.field("Pitfalls", pitfalls)
    if summary.safety:
        check = summary.safety
        page.field("Asked directly about suicide", "yes" if check.asked_directly else "not yet")
        page.field("Kept clear of promising secrecy", "yes" if check.avoided_secrecy else "no")
        page.field("Pointed to help", "yes" if check.pointed_to_help else "not yet")
    page.field("What good support looks like here", scenario.goal)
    page.field("One thing to try next time", summary.next_time)


def render_scenario_list(page: Page, scenarios: list[Scenario]) -> None:
    page.title("Practice scenarios")
    for s in scenarios:
        risk = ", risk" if s.risk else ""
        page.text(f"{s.id:<34} {s.difficulty:<9} {s.title}{risk}", indent=2)
    page.blank()
    page.dim("Start one: ally practice --scenario ID")


def scenario_json(s: Scenario) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "situation": s.situation,
        "difficulty": s.difficulty,
        "risk": s.risk,
        "person": s.person,
        "setting": s.setting,
        "turns": s.turns,
    }


# ------------------------------------------------------------------ choosing


def choose(scenario_id: str | None, difficulty: str | None, seed: int | None) -> Scenario:
    from ally.content.scenarios import load_scenarios

    scenarios = list(load_scenarios())
    if scenario_id:
        for s in scenarios:
            if s.id == scenario_id.strip().lower():
                return s
        raise NotFoundError(
            f"no scenario with id '{scenario_id}'", hint="run `ally practice --list` to see them"
        )
    import random

    pool = [s for s in scenarios if not difficulty or s.difficulty == difficulty]
    return random.Random(seed).choice(pool)


# ------------------------------------------------------------------- session


def read_reply() -> str | None:
    """One line from the user, or None at end of input (Ctrl-D)."""
    try:
        return input("You: ")
    except EOFError:
        print()
        return None


def converse(session: Session, page: Page) -> None:
    """Run the turn loop until the conversation ends or the user presses Ctrl-D."""
    name = session.scenario.person.split(",")[0].strip()
    page.text(f"{name}: {session.current_line}", style="bold")
    while not session.finished:
        reply = read_reply()
        if reply is None:
            return
        if not reply.strip():
            page.dim(NUDGE, indent=2)
            continue
        turn = session.reply(reply)
        render_feedback(page, turn.feedback)
        page.blank()
        page.text(f"{name}: {turn.answer}", style="bold")


def run_session(scenario: Scenario) -> None:
    from ally.practice.session import Session

    started = now()
    page = Page()
    page.title(scenario.title)
    page.field("Who", scenario.person)
    page.field("Setting", scenario.setting)
    page.dim("Reply as you would in real life. Ctrl-D ends the conversation.", indent=2)
    page.blank()
    session = Session(scenario)
    converse(session, page)
    summary = session.summary()
    render_summary(page, summary, scenario)
    if summary.replies:
        record(summary, started)
    if summary.risk:
        show_crisis_lines(page)


def now() -> datetime:
    from datetime import datetime

    return datetime.now().astimezone()


def record(summary: Summary, started: datetime) -> None:
    from ally.paths import database_path
    from ally.practice.progress import save_session

    save_session(database_path(), summary, started=started, finished=now())


def show_crisis_lines(page: Page) -> None:
    """Risk came up: end with the real crisis information for the user's country."""
    from ally.cli.crisis import render_crisis
    from ally.cli.resources import resolve_country
    from ally.content.directory import load_directory
    from ally.resources import listing

    page.heading("If this is happening for real")
    page.blank()
    render_crisis(page, listing(load_directory(), resolve_country(None)))


# ------------------------------------------------------------------ commands


@app.callback()
def practice(
    ctx: typer.Context,
    scenario: str | None = typer.Option(None, "--scenario", help="Scenario id to rehearse."),
    difficulty: Difficulty | None = typer.Option(
        None, "--difficulty", help="Pick among scenarios of this difficulty only."
    ),
    list_: bool = typer.Option(False, "--list", help="List the scenarios and exit."),
    stats: bool = typer.Option(False, "--stats", help="Show your skills across sessions."),
    seed: int | None = typer.Option(None, "--seed", help="Same seed, same random scenario."),
    as_json: bool = JSON,
) -> None:
    """Rehearse a conversation (run with no subcommand)."""
    if ctx.invoked_subcommand is not None:
        return
    if list_:
        from ally.content.scenarios import load_scenarios

        chosen = [s for s in load_scenarios() if not difficulty or s.difficulty == difficulty]
        if as_json:
            emit_json([scenario_json(s) for s in chosen])
        else:
            render_scenario_list(Page(), chosen)
        return
    if stats:
        show_stats(as_json)
        return
    if as_json:
        raise UsageError("--json works with --list, --stats and `check`, not in a conversation")
    run_session(choose(scenario, difficulty, seed))


def show_stats(as_json: bool) -> None:
    from ally.paths import database_path
    from ally.practice.progress import skill_trends

    trends = skill_trends(database_path())
    if as_json:
        emit_json(
            {
                "sessions": trends.sessions,
                "skills": [
                    {
                        "name": t.name,
                        "earlier_rate": t.earlier,
                        "recent_rate": t.recent,
                        "overall_rate": t.overall,
                    }
                    for t in trends.skills
                ],
            }
        )
        return
    page = Page()
    page.title(f"Your practice: {trends.sessions} session(s)")
    if not trends.sessions:
        page.text("No sessions yet. Start one with: ally practice")
        return
    page.dim("Share of your replies showing each skill: earlier sessions, then the latest ones.")
    for t in trends.skills:
        earlier = "   -" if t.earlier is None else f"{t.earlier:4.0%}"
        page.text(f"{LABELS[t.name]:<22} {earlier}  ->  {t.recent:4.0%}   {t.arrow}", indent=2)


@app.command("check")
def check(
    text: str | None = typer.Argument(None, help="Your reply, in quotes."),
    context: str = typer.Option("", "--context", help="What the other person said."),
    jsonl: bool = typer.Option(
        False,
        "--jsonl",
        help='Read {"id","text","context"} lines on stdin; write '
        '{"id","skills","pitfalls","safety","risk"} lines.',
    ),
    as_json: bool = JSON,
) -> None:
    """Get feedback on one reply, without a conversation.

    Examples:

      ally practice check "It sounds like you're exhausted." --context "I can't sleep"
      ally practice check "At least it's Friday" --json
      ally practice check --jsonl < replies.jsonl
    """
    from ally.practice.feedback import analyse

    if jsonl:
        check_lines()
        return
    if text is None or not text.strip():
        raise UsageError("give a reply to check, in quotes (or use --jsonl)")
    checked_length("the reply", text)
    checked_length("--context", context)
    feedback = analyse(text, context)
    if as_json:
        emit_json(feedback_json(feedback))
        return
    page = Page()
    render_feedback(page, feedback, indent=0)
    if feedback.risk:
        page.blank()
        page.alert("If someone may be in danger now, run: ally crisis")


def checked_length(what: str, text: str) -> None:
    if len(text) > MAX_TEXT:
        raise UsageError(f"{what} is {len(text):,} characters; ally reads at most {MAX_TEXT:,}")


def check_lines() -> None:
    """`check --jsonl`: one JSON object in, one out, per line of standard input."""
    import json

    from ally.practice.feedback import analyse

    for number, raw in enumerate(sys.stdin.buffer, 1):
        # a line longer than any reply could be is refused before it is parsed
        if len(raw) > 4 * (2 * MAX_TEXT + 1000):
            raise UsageError(
                f"line {number} is too long: ally reads at most {MAX_TEXT:,} characters a reply"
            )
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise UsageError(f"line {number} is not valid UTF-8") from None
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            context = record.get("context") or ""
            if not isinstance(text, str) or not isinstance(context, str):
                raise TypeError
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            raise UsageError(f'line {number} is not a JSON object with a "text" string') from None
        checked_length(f"line {number}: the text", text)
        checked_length(f"line {number}: the context", context)
        feedback = analyse(text, context)
        out = {
            "id": record.get("id"),
            "skills": feedback.skill_names,
            "pitfalls": feedback.pitfall_names,
            "safety": feedback.safety_names,
            "risk": feedback.risk,
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
