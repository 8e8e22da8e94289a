"""Cheap commands stay cheap: they must not load what they do not use.

`ally` starts on every shell call, so each command's imports are part of its
speed. This checks the modules a command loads (never the wall time).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SYNC_ONLY, heavy_modules_loaded


@pytest.mark.parametrize(
    "args",
    [("tips",), ("tips", "show", "listen-actively"), ("resources",), ("crisis", "--json")],
)
def test_piped_content_commands_load_nothing_heavy(ally_home: Path, args: tuple[str, ...]) -> None:
    heavy_modules_loaded(ally_home, *args, ALLY_COUNTRY="GB")  # the first run fills the parse cache
    assert heavy_modules_loaded(ally_home, *args, ALLY_COUNTRY="GB") == []


@pytest.mark.parametrize(
    "args",
    [
        ("remind", "list"),
        ("remind", "due", "--quiet"),
        ("remind", "add", "x", "--at", "sunday 6pm", "--every", "sunday"),
        ("remind", "sync", "status"),
        ("remind", "sync", "--help"),
        ("config", "set", "sync.url", "https://caldav.example.org/"),
        ("tips",),
    ],
)
def test_only_a_sync_loads_the_calendar_libraries(ally_home: Path, args: tuple[str, ...]) -> None:
    """The CalDAV client and icalendar are imported by `ally remind sync` alone."""
    loaded = heavy_modules_loaded(ally_home, *args, watch=SYNC_ONLY, TZ="Europe/London")
    assert loaded == []
