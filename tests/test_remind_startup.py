"""`ally remind list` and `due` run at every shell start: they load only what they use.

Checked through `sys.modules` in a subprocess, never by timing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import heavy_modules_loaded

NOW = "2026-11-25T21:50:00+00:00"


def loaded_by(home: Path, *args: str, now: str = NOW) -> list[str]:
    return heavy_modules_loaded(home, "remind", *args, ALLY_NOW=now, TZ="Europe/London")


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


_ALLY_MODULES = """
import sys
sys.argv = ["ally", *sys.argv[1:]]
from ally.cli import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("MODULES " + " ".join(sorted(m for m in sys.modules if m.startswith("ally"))))
"""


@pytest.mark.parametrize("args", [("list",), ("due", "--quiet")])
def test_list_and_due_load_neither_the_time_grammar_nor_the_repeat_rules(
    ally_home: Path, args: tuple[str, ...]
) -> None:
    import subprocess

    from conftest import PYTHON, python_env

    loaded_by(ally_home, "add", "weekly", "--at", "sunday 6pm", "--every", "sunday")
    env = python_env(ally_home, ALLY_NOW=NOW, TZ="Europe/London")
    run = subprocess.run(
        [PYTHON, "-c", _ALLY_MODULES, "remind", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    modules = run.stderr.rsplit("MODULES ", 1)[-1].split()
    assert "ally.reminders.store" in modules  # it did read the file
    for parser in ("ally.reminders.when", "ally.reminders.words", "ally.reminders.rules"):
        assert parser not in modules
