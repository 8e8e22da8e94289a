"""Cheap commands stay cheap: they must not load what they do not use.

`ally` starts on every shell call, so each command's imports are part of its
speed. This checks the modules a command loads (never the wall time).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import heavy_modules_loaded


@pytest.mark.parametrize(
    "args",
    [("tips",), ("tips", "show", "listen-actively"), ("resources",), ("crisis", "--json")],
)
def test_piped_content_commands_load_nothing_heavy(ally_home: Path, args: tuple[str, ...]) -> None:
    heavy_modules_loaded(ally_home, *args, ALLY_COUNTRY="GB")  # the first run fills the parse cache
    assert heavy_modules_loaded(ally_home, *args, ALLY_COUNTRY="GB") == []
