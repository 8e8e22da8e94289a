"""Cheap commands stay cheap: they must not load what they do not use.

`ally` starts on every shell call, so each command's imports are part of its
speed. This checks the modules a command loads (never the wall time).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import PYTHON, python_env

HEAVY = ("rich", "sqlite3", "dateparser", "dateutil", "icalendar", "platformdirs", "tomllib")
PROBE = """
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


def loaded_by(home: Path, *args: str) -> list[str]:
    proc = subprocess.run(
        [PYTHON, "-c", PROBE, *args],
        input=json.dumps(HEAVY) + "\n",
        capture_output=True,
        text=True,
        env=python_env(home, ALLY_COUNTRY="GB"),
        check=False,
    )
    line = [x for x in proc.stderr.splitlines() if x.startswith("LOADED ")]
    assert line, proc.stderr
    result: list[str] = json.loads(line[-1].removeprefix("LOADED "))
    return result


@pytest.mark.parametrize(
    "args",
    [("tips",), ("tips", "show", "listen-actively"), ("resources",), ("crisis", "--json")],
)
def test_piped_content_commands_load_nothing_heavy(ally_home: Path, args: tuple[str, ...]) -> None:
    loaded_by(ally_home, *args)  # the first run fills the parse cache
    assert loaded_by(ally_home, *args) == []
