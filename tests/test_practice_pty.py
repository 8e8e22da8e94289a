"""A real interactive session in a pseudo-terminal: type, read, Ctrl-D, Ctrl-C."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from conftest import PYTHON, python_env


def spawn(home: Path) -> pexpect.spawn:
    env = python_env(home, NO_COLOR="1", ALLY_COUNTRY="GB", COLUMNS="120")
    return pexpect.spawn(
        PYTHON,
        ["-m", "ally", "practice", "--scenario", "flatmate-low-mood"],
        env=env,
        encoding="utf-8",
        timeout=30,
    )


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
