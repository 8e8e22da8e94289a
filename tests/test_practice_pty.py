"""A real interactive session in a pseudo-terminal: type, read, Ctrl-D, Ctrl-C."""

from __future__ import annotations

import re
from pathlib import Path

import pexpect
import pytest
from practice_talk import without_company_question

from conftest import PYTHON, python_env


def spawn(home: Path, scenario: str = "flatmate-low-mood", timeout: int = 30) -> pexpect.spawn:
    env = python_env(home, NO_COLOR="1", ALLY_COUNTRY="GB", COLUMNS="200")
    return pexpect.spawn(
        PYTHON,
        ["-m", "ally", "practice", "--scenario", scenario, "--seed", "1"],
        env=env,
        encoding="utf-8",
        timeout=timeout,
    )


STYLE = r"(?:\x1b\[[\d;]*m)*"


def shows(child: pexpect.spawn, label: str, value: str) -> None:
    """Wait for a summary field (its label is styled apart from its value)."""
    child.expect(f"{re.escape(label)}: {STYLE}{re.escape(value)}")


def says(child: pexpect.spawn, name: str, line: str) -> None:
    """Wait for the loved one to say exactly `line` (as its own line on screen)."""
    child.expect(f"{STYLE}{re.escape(f'{name}: {line}')}{STYLE}\r\n")


def test_typing_a_reply_then_ctrl_d_ends_with_a_summary(ally_home: Path) -> None:
    child = spawn(ally_home)
    child.expect("Sam: Oh, hey.")
    child.expect("You: ")
    child.sendline("It sounds like you've been feeling really flat. What's been going on?")
    child.expect("reflection")
    child.expect("Sam: ")
    child.expect("You: ")
    child.sendeof()
    child.expect("How it went")
    child.expect(r"Replies: (\x1b\[\d*m)*1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_ctrl_c_leaves_at_once_with_130(ally_home: Path) -> None:
    child = spawn(ally_home)
    child.expect("You: ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "How it went" not in (child.before or "")


@pytest.mark.parametrize("reply", ["", "   "])
def test_an_empty_reply_is_nudged(ally_home: Path, reply: str) -> None:
    child = spawn(ally_home)
    child.expect("You: ")
    child.sendline(reply)
    child.expect("Take your time")
    child.expect("You: ")
    child.sendintr()
    child.expect(pexpect.EOF)


def test_a_session_that_ends_with_the_reminder_suggestion(ally_home: Path) -> None:
    from ally.content.scenarios import find_scenario

    sam = find_scenario("flatmate-low-mood")
    assert sam is not None
    child = spawn(ally_home)
    replies = [
        ("You haven't been out much lately. What's been going on?", sam.beat("effort").told),
        ("How long has it been like this?", sam.beat("how-long").open),
        ("That sounds exhausting. How have you been sleeping?", sam.beat("sleep").open),
        ("It makes sense that you'd feel stuck. What scares you most about it?", None),
        ("Thank you for telling me. What would help?", sam.ask.line),
        ("Of course I will. I'll knock on your door on Monday evening.", sam.ask.close),
    ]
    for reply, answer in replies:
        child.expect_exact("You: ")
        child.sendline(reply)
        if answer is not None:
            says(child, "Sam", answer)
    # the ask was a question: the user answered it, and only then did the talk end
    shows(child, "How it ended", "Sam got to what they needed, and you answered.")
    child.expect_exact('ally remind add "Check in with Sam" --at "monday 18:00" --about Sam')
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "You: " not in (child.before or "")  # no prompt after the end


def risk_session(
    home: Path, replies: list[tuple[str, str]], ticks: list[str], timeout: int = 30
) -> None:
    from ally.content.scenarios import find_scenario

    ibrahim = find_scenario("friend-better-off-without-me")
    assert ibrahim is not None
    child = spawn(home, "friend-better-off-without-me", timeout)
    for reply, field in replies:
        child.expect_exact("You: ")
        child.sendline(reply)
        line = getattr(ibrahim.safe, field, None) or getattr(ibrahim.ask, field)
        if field == "line":
            line = without_company_question(line)  # the user has just offered to stay
        says(child, "Ibrahim", line)
    child.expect_exact("You: ")
    child.sendline("Yes. I'm not going anywhere.")
    says(child, "Ibrahim", ibrahim.ask.close)
    for tick in ticks:
        shows(child, *tick.split(": "))
    child.expect_exact("If this is happening for real")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_a_risk_session_follows_the_safe_track(ally_home: Path) -> None:
    risk_session(
        ally_home,
        [
            ("When you say everyone would be better off, are you thinking of suicide?", "asked"),
            ("Can we call the crisis line together right now?", "help"),
            ("I'll be right here with you, and I can do the talking at first.", "line"),
        ],
        ["Asked directly about suicide: yes", "Pointed to help: yes"],
    )


def test_a_risk_session_with_the_urgency_question_ticks_every_step(ally_home: Path) -> None:
    risk_session(
        ally_home,
        [
            ("Are you thinking about killing yourself?", "asked"),
            ("Do you have a plan for how you would do it?", "urgency"),
            ("Can we call the crisis line together right now?", "help"),
            ("I'm coming over now and I'll stay with you.", "line"),
        ],
        [
            "Asked directly about suicide: yes",
            "Asked about a plan or timing: yes",
            "Pointed to help: yes",
            "Kept clear of promising secrecy: yes",
        ],
    )
