"""Shared fixtures: every test runs with its own ALLY_HOME and a known environment."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ally.cli import app

REPO = Path(__file__).resolve().parent.parent
# Variables that change what ally shows; tests set the ones they need.
AMBIENT = (
    "ALLY_COUNTRY",
    "ALLY_NOW",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "TZ",
    "FORCE_COLOR",
    "NO_COLOR",
)


@pytest.fixture(autouse=True)
def ally_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "ally-home"
    monkeypatch.setenv("ALLY_HOME", str(home))
    for name in AMBIENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TZ", "UTC")
    yield home
    forget_loaded_content()


def forget_loaded_content() -> None:
    """Loaders cache per process; a test that swaps the data folder must not leak it."""
    from ally.content import crisis, directory, scenarios, tips

    for loader in (
        tips.load_tips,
        directory.load_directory,
        scenarios.load_scenarios,
        crisis.load_crisis_guide,
    ):
        loader.cache_clear()


@pytest.fixture
def cli() -> CliRunner:
    return CliRunner()


def invoke(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Result:
    """Run `ally ARGS` in-process, the way a user's shell would (output piped)."""
    return CliRunner().invoke(app, list(args), env=env, input=input)


def python_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for `python -m ally` in a subprocess."""
    import os

    env = {k: v for k, v in os.environ.items() if k not in AMBIENT}
    env.update({"ALLY_HOME": str(home), "TZ": "UTC", "PYTHONPATH": str(REPO)}, **extra)
    return env


PYTHON = sys.executable

# Modules a cheap command must not load (start-up time is a feature).
HEAVY = ("rich", "sqlite3", "dateparser", "dateutil", "icalendar", "platformdirs", "tomllib")
# What `ally remind sync` loads: no other command may (see test_startup.py).
SYNC_ONLY = ("caldav", "requests", "urllib3", "lxml", "icalendar", "recurring_ical_events")
_PROBE = """
import json, sys
sys.argv = ["ally", *sys.argv[1:]]
from ally.cli import main
try:
    main()
except SystemExit:
    pass
loaded = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(sys.stdin.readline())))
sys.stderr.write("LOADED " + json.dumps(loaded) + "\\n")
"""


def heavy_modules_loaded(
    home: Path, *args: str, watch: tuple[str, ...] = HEAVY, **env: str
) -> list[str]:
    """Run `ally ARGS` in a fresh interpreter; return which of `watch` (HEAVY) it imported."""
    import json
    import subprocess

    proc = subprocess.run(
        [PYTHON, "-c", _PROBE, *args],
        input=json.dumps(watch) + "\n",
        capture_output=True,
        text=True,
        env=python_env(home, **env),
        check=False,
    )
    line = [x for x in proc.stderr.splitlines() if x.startswith("LOADED ")]
    assert line, proc.stderr
    found: list[str] = json.loads(line[-1].removeprefix("LOADED "))
    return found


GOLDEN = Path(__file__).resolve().parent / "golden"


def assert_golden(name: str, actual: str) -> None:
    """Compare rendered text with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites it."""
    import os

    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
    assert path.exists(), f"no golden file {name}: run with UPDATE_GOLDEN=1 once and review it"
    assert actual == path.read_bytes().decode("utf-8")


def skills(reply: str, context: str = "") -> list[str]:
    """The skill names the feedback engine finds in a reply (``context``: their words)."""
    from ally.practice.feedback import analyse

    return analyse(reply, context).skill_names
