"""Where `ally` keeps things on this machine.

State (the SQLite file) lives in $ALLY_HOME when it is set (tests always set
it), else in the platform's user data folder. A cache of parsed content lives
beside it. Nothing here is created until something is written; then
`make_private_folder` creates each missing folder 0700, whatever the umask.
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


def make_private_folder(folder: Path) -> None:
    """Create `folder` and any missing parents, each 0700 whatever the umask.

    (`Path.mkdir(parents=True)` gives the parents the umask's mode, often 0755,
    and 0777 under umask 000.) Folders that exist already are left as they are.
    Raises OSError.
    """
    missing: list[Path] = []
    current = folder
    while not current.is_dir():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            if not path.is_dir():
                raise
            continue  # another process made it first
        os.chmod(path, 0o700)
