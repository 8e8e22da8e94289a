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
    from ally.practice.progress import StoredSession, Trend, Trends
    from ally.practice.session import Moment, Session, Summary, Turn

app = typer.Typer(
    help="""Rehearse a hard conversation and get feedback on how you listen.

The person you support "speaks"; you type what you would say. After each reply
ally names the listening skills it shows and the pitfalls to avoid, with a
better way to say it, and the other person answers what you actually said:
an open question about something brings it out, advice too early meets
resistance, a slip costs trust. Ctrl-D ends early with a summary; Ctrl-C leaves.

Examples:

  ally practice                          # a random scenario
  ally practice --list                   # every scenario
  ally practice --scenario friend-better-off-without-me
  ally practice --difficulty gentle
  ally practice --replay                 # the last scenario again
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


MOVE_LABELS = {
    "asks_about_suicide": "asked directly about suicide",
    "asks_about_urgency": "asked how urgent it is",
    "means_safety": "made the means safer",
    "connects_to_help": "connected them to help",
    "stays_with_them": "stayed with them",
}
# The longest reply (or context) `check` reads, and the most of a span it echoes.
MAX_TEXT = 10_000
MAX_QUOTE = 160


def quoted_span(reply: str, finding: Finding) -> str:
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
        "source": "model" if finding.source == "model" else "rule",
        "rule": finding.source if finding.source != "model" else None,
        "score": finding.score,
        "evidence": list(finding.evidence),
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


def render_feedback(
    page: Page, feedback: Feedback, *, indent: int = 2, explain: bool = False
) -> None:
    for f in feedback.safety:
        quoted = quoted_span(feedback.reply, f)
        page.text(f'* safety: {MOVE_LABELS[f.name]}: "{quoted}"', indent=indent, style="bold green")
        page.dim(f.reason, indent=indent + 2)
        if explain:
            page.dim(explained(f), indent=indent + 2)
    for f in feedback.skills:
        quoted = quoted_span(feedback.reply, f)
        page.text(f'+ {LABELS[f.name]}: "{quoted}"', indent=indent, style="green")
        page.dim(f.reason, indent=indent + 2)
        if explain:
            page.dim(explained(f), indent=indent + 2)
    for f in feedback.pitfalls:
        quoted = quoted_span(feedback.reply, f)
        page.text(f'! {LABELS[f.name]}: "{quoted}"', indent=indent, style="bold yellow")
        page.text(f.reason, indent=indent + 2)
        if f.suggestion:
            page.text(f"Try: {f.suggestion}", indent=indent + 2, style="cyan")
        if explain:
            page.dim(explained(f), indent=indent + 2)
    page.text(feedback.verdict, indent=indent, style="italic")


def explained(finding: Finding) -> str:
    """Which part of the engine made a finding: a rule (by its id), or the learned scorer
    (its score and the features that pushed it up most)."""
    if finding.source != "model":
        return f"found by rule {finding.source}"
    top = ", ".join(finding.evidence) or "none"
    return f"found by the learned scorer (score {finding.score:.2f}; top features: {top})"


def summary_json(summary: Summary) -> dict[str, Any]:
    return {
        "scenario": summary.scenario_id,
        "replies": summary.replies,
        "complete": summary.complete,
        "ending": summary.ending,
        "goal_reached": summary.goal_reached,
        "skills": summary.skills,
        "pitfalls": summary.pitfalls,
        "safety_moves": summary.safety_moves,
        "risk": summary.risk,
        "safety": None if summary.safety is None else summary.safety.as_dict(),
        "praise": summary.praise,
        "best_moment": moment_json(summary.best),
        "try_again": moment_json(summary.retry),
        "revealed": list(summary.revealed),
        "next_time": summary.next_time,
        "reminder": None
        if summary.reminder is None
        else {
            "text": summary.reminder.text,
            "at": summary.reminder.at,
            "about": summary.reminder.about,
            "asked": summary.reminder.asked,
            "command": summary.reminder.command,
        },
    }


def moment_json(moment: Moment | None) -> dict[str, Any] | None:
    if moment is None:
        return None
    return {
        "reply_number": moment.turn,
        "reply": moment.reply,
        "what": moment.what,
        "suggestion": moment.suggestion or None,
    }


def turn_json(turn: Turn) -> dict[str, Any]:
    return {
        "said": turn.said,
        "feedback": {
            **feedback_json(turn.feedback),
            "safety": [finding_json(turn.reply, f) for f in turn.feedback.safety],
        },
        "response": turn.response.kind,
        "beat": turn.response.beat,
        "answer": turn.answer,
        "trust": turn.trust,
    }


SAFETY_LABELS = {
    "asked_directly": "Asked directly about suicide",
    "asked_about_urgency": "Asked about a plan or timing",
    "means_safety": "Made the means safer",
    "pointed_to_help": "Pointed to help",
    "stayed_with_them": "Said you would stay with them",
    "avoided_secrecy": "Kept clear of promising secrecy",
}
ENDINGS = {
    "goal": "{name} got to what they needed, and you answered.",
    "lost": "{name} pulled away before getting there.",
    "limit": "Time ran out before {name} got to what they needed.",
    None: "You stopped before the end.",
}


def quote(reply: str, limit: int = 90) -> str:
    """The user's words as a one-line quotation, cut short if long."""
    words = clean_line(reply)
    if len(words) > limit:
        words = words[: limit - 1].rstrip() + "…"
    return f'"{words}"'


def render_summary(
    page: Page, summary: Summary, scenario: Scenario, last: StoredSession | None = None
) -> None:
    page.heading("How it went")
    if not summary.replies:
        page.text("No replies this time. Come back whenever you are ready.", indent=2)
        return
    skills = ", ".join(f"{LABELS[k]} x{n}" for k, n in summary.skills.items()) or "none yet"
    pitfalls = ", ".join(f"{LABELS[k]} x{n}" for k, n in summary.pitfalls.items()) or "none"
    page.field("Replies", str(summary.replies))
    page.field("How it ended", ENDINGS[summary.ending].format(name=scenario.name))
    page.field("Skills you used", skills)
    page.field("Pitfalls", pitfalls)
    if summary.safety:
        for key, done in summary.safety.as_dict().items():
            if done is None:
                continue
            no = "no" if key == "avoided_secrecy" else "not yet"
            page.field(SAFETY_LABELS[key], "yes" if done else no)
    page.text(summary.praise, indent=2, style="bold")
    if summary.best:
        best = summary.best
        page.field("What worked best", f"{quote(best.reply)} (reply {best.turn}). {best.what}")
    if summary.retry:
        retry = summary.retry
        page.field("One to try again", f"{quote(retry.reply)} (reply {retry.turn}). {retry.what}")
        if retry.suggestion:
            page.text(f"Try: {retry.suggestion}", indent=4, style="cyan")
    if last is not None:
        page.field("Compared with last time", compare(last, summary))
    page.field("What good support looks like here", scenario.goal)
    if not (summary.retry and summary.retry.suggestion == summary.next_time):
        page.field("One thing to try next time", summary.next_time)
    if summary.reminder:
        page.heading(f"Check in with {scenario.name} for real")
        why = (
            f"{scenario.name} asked you to follow up."
            if summary.reminder.asked
            else "Following up afterwards matters."
        )
        page.text(f"{why} To be reminded, run (nothing is saved unless you do):", indent=2)
        page.text(summary.reminder.command, indent=4, style="cyan")
    page.blank()
    page.dim(f"Practise it again: ally practice --scenario {scenario.id} --replay", indent=2)


def compare(last: StoredSession, summary: Summary) -> str:
    """Last time's counts beside this time's, in plain words."""
    parts = [f"replies {last.replies} → {summary.replies}"]
    for name in (*SKILLS_SHOWN, *PITFALLS_SHOWN):
        before = last.skills.get(name, last.pitfalls.get(name, 0))
        now = summary.skills.get(name, summary.pitfalls.get(name, 0))
        if before or now:
            parts.append(f"{PLURALS[name]} {before} → {now}")
    return "; ".join(parts)


def render_scenario_list(page: Page, scenarios: list[Scenario]) -> None:
    page.title("Practice scenarios")
    if not scenarios:
        page.text("None match.", indent=2)
        return
    id_width = max(len("ID"), *(len(s.id) for s in scenarios))
    level_width = max(len("LEVEL"), *(len(s.difficulty) for s in scenarios))
    page.text(f"{'ID':<{id_width}}  {'LEVEL':<{level_width}}  RISK  TITLE", indent=2, style="dim")
    for s in scenarios:
        risk = "risk" if s.risk else ""
        page.text(
            f"{s.id:<{id_width}}  {s.difficulty:<{level_width}}  {risk:<4}  {s.title}", indent=2
        )
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


def choose(scenario_id: str | None, difficulty: str | None, seed: int) -> Scenario:
    from ally.content.scenarios import find_scenario, load_scenarios

    if scenario_id:
        found = find_scenario(scenario_id)
        if found is None:
            raise NotFoundError(
                f"no scenario with id '{scenario_id}'",
                hint="run `ally practice --list` to see them",
            )
        return found
    import random

    pool = [s for s in load_scenarios() if not difficulty or s.difficulty == difficulty]
    return random.Random(seed).choice(pool)


def fresh_seed() -> int:
    import random

    return random.SystemRandom().randrange(1 << 31)


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
    name = session.scenario.name
    page.text(f"{name}: {session.current_line}", style="bold")
    while not session.finished:
        reply = read_reply()
        if reply is None:
            return
        if not reply.strip():
            page.dim(NUDGE, indent=2)
            continue
        turn = session.reply(reply)
        feedback = turn.feedback
        if turn.response.kind == "close" and not (feedback.skills or feedback.pitfalls):
            # a plain "yes, of course" to what they asked needs no listening skill
            page.text(f"You answered what {name} asked.", indent=2, style="italic")
        else:
            render_feedback(page, feedback)
        page.blank()
        page.text(f"{name}: {turn.answer}", style="bold")


def run_session(scenario: Scenario, seed: int, last: StoredSession | None) -> None:
    from ally.practice.session import Session

    started = now()
    page = Page()
    page.title(scenario.title)
    page.field("Who", scenario.person)
    page.field("Setting", scenario.setting)
    if last is not None:
        page.field("Last time", f"{plural(last.replies, 'reply')}, {describe_counts(last)}")
    page.dim("Reply as you would in real life. Ctrl-D ends the conversation.", indent=2)
    page.blank()
    session = Session(scenario, seed)
    converse(session, page)
    summary = session.summary()
    render_summary(page, summary, scenario, last)
    if summary.replies:
        record(summary, started)
    if summary.risk:
        show_crisis_lines(page)


def run_json_session(scenario: Scenario, seed: int) -> None:
    """A conversation scripted on stdin (one reply per line), reported as JSON."""
    from ally.practice.session import Session

    started = now()
    session = Session(scenario, seed)
    for line in sys.stdin:
        if session.finished:
            break
        if line.strip():
            session.reply(line.rstrip("\n"))
    summary = session.summary()
    if summary.replies:
        record(summary, started)
    emit_json(
        {
            "scenario": scenario.id,
            "seed": seed,
            "opening": scenario.opening,
            "turns": [turn_json(t) for t in session.turns],
            "summary": summary_json(summary),
        }
    )


def describe_counts(last: StoredSession) -> str:
    shown = [f"{PLURALS[k]} {n}" for k, n in last.skills.items() if k in PLURALS and n]
    shown.append(plural(sum(last.pitfalls.values()), "pitfall"))
    return ", ".join(shown)


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
    replay: bool = typer.Option(
        False,
        "--replay",
        help="Practise again: the --scenario given, else the last one you practised;"
        " the summary compares with last time.",
    ),
    list_: bool = typer.Option(False, "--list", help="List the scenarios and exit."),
    stats: bool = typer.Option(False, "--stats", help="Show your skills across sessions."),
    seed: int | None = typer.Option(
        None, "--seed", help="Same seed, same random scenario and the same answers."
    ),
    as_json: bool = typer.Option(
        False,
        "--json",
        help="Print JSON. In a conversation, replies are read from stdin, one per line.",
    ),
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
    last = None
    if replay:
        scenario, last = replay_target(scenario)
    seed = fresh_seed() if seed is None else seed
    chosen_scenario = choose(scenario, difficulty, seed)
    if as_json:
        run_json_session(chosen_scenario, seed)
    else:
        run_session(chosen_scenario, seed, last)


def replay_target(scenario_id: str | None) -> tuple[str, StoredSession | None]:
    """What --replay practises: the scenario given, else the last one practised; and the
    last stored session of it, to compare with."""
    from ally.content.scenarios import find_scenario
    from ally.paths import database_path
    from ally.practice.progress import last_session

    if scenario_id is None:
        latest = last_session(database_path())
        if latest is None:
            raise NotFoundError(
                "no practice session stored yet, so there is nothing to replay",
                hint="start one with `ally practice`",
            )
        return latest.scenario_id, latest
    found = find_scenario(scenario_id)
    if found is None:
        raise NotFoundError(
            f"no scenario with id '{scenario_id}'", hint="run `ally practice --list` to see them"
        )
    return found.id, last_session(database_path(), found.id)


SKILLS_SHOWN = ("open_question", "reflection", "validation", "advice")
PITFALLS_SHOWN = ("minimising", "judgment", "self_focus", "secrecy_promise", "dismissing")
PLURALS = {
    "open_question": "open questions",
    "closed_question": "closed questions",
    "reflection": "reflections",
    "validation": "validations",
    "advice": "advice",
    "self_disclosure": "self-disclosures",
    "information": "information",
    "minimising": "minimising",
    "judgment": "judgments",
    "self_focus": "making it about you",
    "secrecy_promise": "promises of secrecy",
    "dismissing": "dismissing",
}
STEP_WORDS = {
    "asked_directly": "asked directly about suicide",
    "asked_about_urgency": "asked about a plan or timing",
    "means_safety": "made the means safer",
    "pointed_to_help": "pointed to help",
    "stayed_with_them": "said you would stay with them",
    "avoided_secrecy": "kept clear of promising secrecy",
}


def number(value: float) -> str:
    """1, 1.5, 0.3: per-session counts without trailing zeros."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def plural(count: int, word: str) -> str:
    if count == 1:
        return f"1 {word}"
    return f"{count} {word[:-1] + 'ies' if word.endswith('y') else word + 's'}"


def show_stats(as_json: bool) -> None:
    from ally.paths import database_path
    from ally.practice.progress import RECENT, skill_trends

    trends = skill_trends(database_path())
    if as_json:
        emit_json(stats_json(trends))
        return
    page = Page()
    page.title(f"Your practice: {plural(trends.sessions, 'session')}")
    if not trends.sessions:
        page.text("No sessions yet. Start one with: ally practice")
        return
    split = trends.sessions > RECENT
    if split:
        page.dim(
            f"Per session: your earlier sessions → your latest {RECENT}.",
        )
    else:
        page.dim("Per session, on average.")
    width = max(len(PLURALS[t.name]) for t in (*trends.skills, *trends.pitfalls)) + 1
    for heading, rows in (("Skills", trends.skills), ("Pitfalls", trends.pitfalls)):
        page.heading(heading)
        for t in rows:
            if not (t.overall or (t.earlier or 0)):
                continue
            label = f"{PLURALS[t.name]}:"
            if t.earlier is None:
                page.text(f"{label:<{width}} {number(t.recent)} per session", indent=2)
            else:
                page.text(
                    f"{label:<{width}} {number(t.earlier)} → {number(t.recent)} per session",
                    indent=2,
                )
    if trends.risk_sessions:
        page.heading(
            f"Safety steps, in {plural(trends.risk_sessions, 'session')} where risk came up"
        )
        shown = [t for t in trends.safety if t.relevant]
        step_width = max(len(STEP_WORDS[t.name]) for t in shown) + 1
        for tally in shown:
            label = f"{STEP_WORDS[tally.name]}:"
            page.text(f"{label:<{step_width}} {tally.done} of {tally.relevant}", indent=2)


def stats_json(trends: Trends) -> dict[str, Any]:
    def row(t: Trend) -> dict[str, Any]:
        return {
            "name": t.name,
            "earlier_per_session": t.earlier,
            "recent_per_session": t.recent,
            "per_session": t.overall,
            "earlier_rate": t.earlier_rate,
            "recent_rate": t.recent_rate,
            "overall_rate": t.overall_rate,
        }

    return {
        "sessions": trends.sessions,
        "risk_sessions": trends.risk_sessions,
        "skills": [row(t) for t in trends.skills],
        "pitfalls": [row(t) for t in trends.pitfalls],
        "safety": [{"name": t.name, "done": t.done, "relevant": t.relevant} for t in trends.safety],
    }


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
    explain: bool = typer.Option(
        False, "--explain", help="Say what found each finding: a rule (its id) or the model."
    ),
    as_json: bool = JSON,
) -> None:
    """Get feedback on one reply, without a conversation.

    Examples:

      ally practice check "It sounds like you're exhausted." --context "I can't sleep"
      ally practice check "At least it's Friday" --json
      ally practice check "You're overreacting" --explain
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
    render_feedback(page, feedback, indent=0, explain=explain)
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
