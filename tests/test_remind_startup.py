"""`ally remind list` and `due` run at every shell start: they load only what they use.

Checked through `sys.modules` in a subprocess, never by timing.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import PYTHON, python_env

HEAVY = ("rich", "sqlite3", "dateparser", "dateutil", "icalendar", "platformdirs")
PROBE = """
import json, sys
sys.argv = ["ally", *sys.argv[1:]]
from ally.cli import main
try:
    main()
except SystemExit:
    pass
heavy = json.loads(sys.stdin.readline())
loaded = sorted({m.split(".")[0] for m in sys.modules} & set(heavy))
sys.stderr.write("LOADED " + json.dumps(loaded) + "\\n")
"""
NOW = "2026-11-25T21:50:00+00:00"


def loaded_by(home: Path, *args: str, now: str = NOW) -> list[str]:
    proc = subprocess.run(
        [PYTHON, "-c", PROBE, "remind", *args],
        input=json.dumps(HEAVY) + "\n",
        capture_output=True,
        text=True,
        env=python_env(home, ALLY_NOW=now, TZ="Europe/London"),
        check=False,
    )
    line = [x for x in proc.stderr.splitlines() if x.startswith("LOADED ")]
    assert line, proc.stderr
    found: list[str] = json.loads(line[-1].removeprefix("LOADED "))
    return found


@pytest.mark.parametrize("args", [("list",), ("due", "--quiet"), ("due",), ("path",)])
def test_without_a_data_file_nothing_heavy_loads(ally_home: Path, args: tuple[str, ...]) -> None:
    assert loaded_by(ally_home, *args) == []


def test_an_iso_one_off_add_needs_neither_parser_nor_rules(ally_home: Path) -> None:
    assert loaded_by(ally_home, "add", "x", "--at", "2027-01-05 18:00") == ["sqlite3"]


def test_a_repeat_loads_dateutil_at_write_time_only(ally_home: Path) -> None:
    loaded = loaded_by(ally_home, "add", "x", "--at", "sunday 6pm", "--every", "sunday")
    assert loaded == ["dateutil", "sqlite3"]


@pytest.mark.parametrize("args", [("list",), ("list", "--json"), ("due",), ("due", "--json")])
def test_list_and_due_only_query(ally_home: Path, args: tuple[str, ...]) -> None:
    loaded_by(ally_home, "add", "weekly", "--at", "sunday 6pm", "--every", "sunday")
    loaded_by(ally_home, "add", "now", "--at", "now")
    loaded_by(ally_home, "add", "later", "--at", "tomorrow 9am")
    # The weekly one is due on time and the one-off is due: still no rule expansion.
    assert loaded_by(ally_home, *args, now="2026-11-29T18:30:00+00:00") == ["sqlite3"]


def test_due_expands_a_rule_only_when_occurrences_were_missed(ally_home: Path) -> None:
    loaded_by(ally_home, "add", "daily", "--at", "tomorrow 9am", "--every", "day")
    assert loaded_by(ally_home, "due", now="2026-12-10T10:00:00+00:00") == ["dateutil", "sqlite3"]
