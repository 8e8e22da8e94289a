"""The one error boundary: help, typos, and output that cannot be written.

What a user notices: `ally` alone shows the help and succeeds; a mistyped
command gets a suggestion at every level; piped help is plain text; a full
disk or a closed pipe ends in one `Error:` line (or quietly), never a
traceback.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import PYTHON, invoke, python_env

BOX_DRAWING = set("╭╮╰╯│─┌┐└┘├┤━┃")


@pytest.mark.parametrize("args", [(), ("remind",), ("config",)])
def test_no_arguments_prints_the_help_and_succeeds(args: tuple[str, ...]) -> None:
    result = invoke(*args)
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("args", "suggested"),
    [
        (("crises",), "crisis"),
        (("tip",), "tips"),
        (("remnd", "list"), "remind"),
        (("remind", "ad"), "add"),
        (("remind", "lst"), "list"),
        (("config", "shwo"), "show"),
        (("tips", "shw", "listen-actively"), "show"),
        (("practice", "chek", "hello"), "check"),
    ],
)
def test_a_mistyped_command_suggests_the_close_ones(args: tuple[str, ...], suggested: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert f"'{suggested}'" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("remind", "--help"),
        ("remind", "add", "--help"),
        ("tips", "--help"),
        ("practice", "--help"),
        ("resources", "--help"),
    ],
)
def test_piped_help_is_plain_text(args: tuple[str, ...]) -> None:
    result = invoke(*args)
    assert result.exit_code == 0
    assert "Usage:" in result.stdout
    assert not BOX_DRAWING & set(result.stdout), result.stdout
    assert "\x1b" not in result.stdout


def run_ally(
    home: Path, *args: str, stdout: object = subprocess.PIPE
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, "-m", "ally", *args],
        env=python_env(home, ALLY_NOW="2026-11-25T21:50:00+00:00"),
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ("tips",),
        ("tips", "--json"),
        ("remind", "list"),
        ("remind", "list", "--json"),
        ("remind", "export"),
        ("remind", "export", "--format", "ics"),
        ("remind", "hook", "bash"),
        ("remind", "path"),
        ("--help",),
    ],
)
def test_a_full_output_is_one_error_line(ally_home: Path, args: tuple[str, ...]) -> None:
    added = run_ally(ally_home, "remind", "add", "Check in with Sam", "--at", "tomorrow 6pm")
    assert added.returncode == 0, added.stderr
    with open("/dev/full", "w") as full:
        result = run_ally(ally_home, *args, stdout=full)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "No space left" in result.stderr


@pytest.mark.parametrize("args", [("tips",), ("remind", "export"), ("--help",)])
def test_a_closed_pipe_ends_quietly(ally_home: Path, args: tuple[str, ...]) -> None:
    """`ally tips | head -1`: the reader went away; no traceback, no noise, exit 1."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before ally writes a byte
    try:
        result = run_ally(ally_home, *args, stdout=write_end)
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 1
