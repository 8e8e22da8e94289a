"""Where `ally` keeps things on this machine.

State (the SQLite file) lives in $ALLY_HOME when it is set (tests always set
it), else in the platform's user data folder. A cache of parsed content lives
beside it. Nothing here creates anything; the store creates its folder with
safe permissions when it first writes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

APP = "ally"
DATABASE = "ally.sqlite3"


def data_home(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("ALLY_HOME"):
        return Path(env["ALLY_HOME"]).expanduser()
    import platformdirs  # costs ~15 ms: only commands that keep state get here

    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def database_path(env: Mapping[str, str] | None = None) -> Path:
    return data_home(env) / DATABASE


def cache_home(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("ALLY_HOME"):
        return Path(env["ALLY_HOME"]).expanduser() / "cache"
    # The XDG rule by hand on Linux, so the start-up path need not import platformdirs.
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]) / APP
    if sys.platform.startswith("linux"):
        return Path.home() / ".cache" / APP
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP, appauthor=False))
