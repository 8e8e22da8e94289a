"""Settings the user chooses once (country, region, calendar), kept in one small TOML file.

Where: ``$ALLY_HOME/config.toml`` when ALLY_HOME is set (so tests and a moved home keep
everything together), else ``config.toml`` in the platform's user config folder.

Keys are dotted names (``country``, ``sync.url``); each is declared in :data:`KEYS`
with a short description and a check that returns the value to store or raises
:class:`UsageError`. A file that cannot be read, is not TOML, or holds a bad value
raises :class:`ConfigError` naming the file: it is reported, never rewritten.

Secrets are never written here (a calendar password comes from a command, the
environment or a prompt), and no check accepts one.

Writes are atomic (a temporary file renamed over the old one), the file 0600 in a
0700 folder. Pure apart from the file itself: the environment is passed in.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ally.errors import AllyError, UsageError
from ally.paths import APP

CONFIG = "config.toml"
# Bare TOML keys that this module writes without quoting.
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


class ConfigError(AllyError):
    """The config file cannot be used: unreadable, not TOML, or a bad value in it."""


@dataclass(frozen=True)
class Key:
    description: str
    check: Callable[[str], str]


def _country(value: str) -> str:
    from ally.resources import parse_country  # the one definition of a valid code

    return parse_country(value, origin="country")


def _region(value: str) -> str:
    """A region ally has lines for ('Northern Ireland' is stored as northern-ireland)."""
    from ally.content.directory import load_directory
    from ally.resources import region_id

    region = region_id(value)
    known = load_directory().region_ids()
    if region not in known:
        raise UsageError(
            f"region {value!r} is not a region ally has lines for",
            hint=f"regions: {', '.join(known)}",
        )
    return region


def _sync(check: str, *args: str) -> Callable[[str], str]:
    """A check from ally.reminders.sync_config, imported only when a sync key is checked."""

    def checked(value: str) -> str:
        from ally.reminders import sync_config

        result: str = getattr(sync_config, check)(value, *args)
        return result

    return checked


KEYS: dict[str, Key] = {
    "country": Key("Your country, a two-letter code (GB, US, IE, ...)", _country),
    "region": Key("A region of your country with its own services (e.g. scotland)", _region),
    # `ally remind sync` (see `ally remind sync setup`); never a password.
    "sync.url": Key(
        "Your CalDAV server (https://...), without a password", _sync("check_url_setting")
    ),
    "sync.username": Key("Your user name on the CalDAV server", _sync("check_name", "user name")),
    "sync.calendar": Key(
        "The calendar to sync with (default: ally)", _sync("check_name", "calendar name")
    ),
    "sync.as": Key(
        "Sync reminders as calendar events (event) or tasks (todo)", _sync("check_kind")
    ),
    "sync.password_command": Key(
        "A command that prints the server password (run without a shell)",
        _sync("check_password_command"),
    ),
    "sync.allow_http": Key(
        "true to allow plain http:// to a server other than this machine", _sync("check_flag")
    ),
}


def replace_section(path: Path, prefix: str, values: Mapping[str, str]) -> dict[str, str]:
    """Set every ``prefix.*`` setting at once (each checked); those not given are removed."""
    checked = {key: known_key(key).check(value) for key, value in values.items()}
    kept = {k: v for k, v in load(path).items() if not k.startswith(prefix + ".")}
    _write(path, {**kept, **checked})
    return checked


def config_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("ALLY_HOME"):
        return Path(env["ALLY_HOME"]).expanduser() / CONFIG
    if sys.platform.startswith("linux"):
        # The XDG rule by hand, as platformdirs applies it on Linux, so that `ally crisis`
        # and `ally resources`, which read this file on every run, need not import it.
        base = env.get("XDG_CONFIG_HOME", "").strip() or str(Path.home() / ".config")
        return Path(base) / APP / CONFIG
    import platformdirs

    return Path(platformdirs.user_config_dir(APP, appauthor=False)) / CONFIG


def known_key(key: str) -> Key:
    if key not in KEYS:
        raise UsageError(f"unknown setting {key!r}", hint=f"settings: {', '.join(sorted(KEYS))}")
    return KEYS[key]


def load(path: Path) -> dict[str, str]:
    """The settings in ``path`` as dotted keys, each checked; {} when there is no file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the config file {path}: {exc}") from None
    import tomllib  # only when there is a file: `ally crisis` starts on every call

    try:
        parsed = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"the config file {path} is not valid TOML ({exc})",
            hint="fix it by hand, or remove it and run `ally config set` again",
        ) from None
    values: dict[str, str] = {}
    for key, value in _flatten(parsed):
        if key not in KEYS:
            raise ConfigError(
                f"the config file {path} has an unknown setting {key!r}",
                hint=f"settings: {', '.join(sorted(KEYS))}",
            )
        if not isinstance(value, str):
            raise ConfigError(f"the config file {path}: {key} must be a string")
        try:
            values[key] = KEYS[key].check(value)
        except UsageError as exc:
            raise ConfigError(f"the config file {path}: {exc.message}", hint=exc.hint) from None
    return values


def _flatten(table: Mapping[str, object], prefix: str = "") -> list[tuple[str, object]]:
    items: list[tuple[str, object]] = []
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            items.extend(_flatten(value, name + "."))
        else:
            items.append((name, value))
    return items


def get(key: str, env: Mapping[str, str] | None = None) -> str | None:
    """One setting from the user's config file, or None when it is not set."""
    return load(config_path(env)).get(key)


def set_value(path: Path, key: str, value: str) -> str:
    """Store ``key = value`` (checked) and return the stored value."""
    checked = known_key(key).check(value)
    values = load(path)
    values[key] = checked
    _write(path, values)
    return checked


def unset_value(path: Path, key: str) -> bool:
    """Remove ``key``; False when it was not set (the file is then left alone)."""
    known_key(key)
    values = load(path)
    if key not in values:
        return False
    del values[key]
    _write(path, values)
    return True


def dumps(values: Mapping[str, str]) -> str:
    """TOML for flat string settings: top-level keys first, then one table per prefix."""
    tables: dict[str, dict[str, str]] = {}
    for key in sorted(values):
        table, _, name = key.rpartition(".")
        tables.setdefault(table, {})[name] = values[key]
    lines = ["# ally settings: change with `ally config set KEY VALUE`."]
    for table in sorted(tables, key=lambda t: (t != "", t)):
        if table:
            lines += ["", f"[{table}]"]
        for name, value in tables[table].items():
            key = name if _BARE_KEY.match(name) else _quote(name)
            lines.append(f"{key} = {_quote(value)}")
    return "\n".join(lines) + "\n"


def _quote(value: str) -> str:
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _write(path: Path, values: Mapping[str, str]) -> None:
    folder = path.parent
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(dumps(values))
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise ConfigError(f"cannot write the config file {path}: {exc.strerror or exc}") from None
