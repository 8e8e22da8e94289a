"""The shipped content (data/*.toml), loaded and validated into frozen dataclasses.

One module per file, so a command loads only the content it shows:
`ally.content.tips`, `ally.content.directory`, `ally.content.crisis`,
`ally.content.scenarios`. This module holds what they share: where the files
are, the strict TOML reader, and the patterns a value must match.

The TOML files are reviewed like code; these modules are their schema. A file
that breaks it raises ContentError naming the file and the entry, so a bad
edit fails the tests instead of misleading a user.
"""

from __future__ import annotations

import marshal
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from ally import __version__
from ally.errors import ContentError
from ally.paths import cache_home, make_private_folder

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL = re.compile(r"^https://[^\s/]+\.[^\s/]+(?:/\S*)?$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")

T = TypeVar("T")


def data_dir() -> Path:
    """Where the content files are: inside the installed package, else the repo."""
    packaged = Path(__file__).resolve().parent.parent / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


@dataclass(frozen=True)
class Source:
    name: str
    title: str
    url: str


class Table:
    """One TOML table with typed, named accessors that raise ContentError."""

    def __init__(self, raw: Any, where: str) -> None:
        if not isinstance(raw, dict):
            raise ContentError(f"{where}: expected a table")
        self.raw: dict[str, Any] = raw
        self.where = where

    def named(self, what: str) -> Table:
        """Name this table by its id in later messages."""
        self.where = f"{self.where.split()[0]} {what} '{self.raw.get('id', '?')}'"
        return self

    def _get(self, key: str, kind: type[T], default: T | None) -> T:
        if key not in self.raw:
            if default is None:
                raise ContentError(f"{self.where}: missing '{key}'")
            return default
        value = self.raw[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ContentError(f"{self.where}: '{key}' must be {kind.__name__}")
        return value

    def text(
        self, key: str, default: str | None = None, *, pattern: re.Pattern[str] | None = None
    ) -> str:
        value = self._get(key, str, default).strip()
        if default is None and not value:
            raise ContentError(f"{self.where}: '{key}' is empty")
        if value and pattern is not None and not pattern.match(value):
            raise ContentError(f"{self.where}: '{key}' is not well-formed: {value!r}")
        return value

    def choice(self, key: str, allowed: Iterable[str]) -> str:
        value = self.text(key)
        options = tuple(allowed)
        if value not in options:
            raise ContentError(f"{self.where}: '{key}' must be one of {', '.join(options)}")
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        return self._get(key, bool, default)

    def number(self, key: str) -> int:
        return self._get(key, int, None)

    def day(self, key: str) -> date:
        value = self.raw.get(key)
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(self.text(key))
        except ValueError:
            raise ContentError(f"{self.where}: '{key}' must be a YYYY-MM-DD date") from None

    def texts(self, key: str, *, minimum: int = 1) -> tuple[str, ...]:
        values = self._get(key, list, [] if minimum == 0 else None)
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise ContentError(f"{self.where}: '{key}' must be a list of non-empty strings")
        if len(values) < minimum:
            raise ContentError(f"{self.where}: '{key}' needs at least {minimum} item(s)")
        return tuple(v.strip() for v in values)

    def tables(self, key: str, *, minimum: int = 1) -> list[Table]:
        values = self._get(key, list, [] if minimum == 0 else None)
        if len(values) < minimum:
            raise ContentError(f"{self.where}: needs at least {minimum} '{key}' entries")
        return [Table(v, f"{self.where} {key}[{i}]") for i, v in enumerate(values)]

    def meta(self) -> Table:
        return Table(self.raw.get("meta", {}), f"{self.where} [meta]")

    def sources(self) -> tuple[Source, ...]:
        return tuple(
            Source(name=s.text("name"), title=s.text("title"), url=s.text("url", pattern=URL))
            for s in self.tables("source")
        )


def read(name: str) -> Table:
    path = data_dir() / name
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise ContentError(f"content file {name} is missing from the installation") from None
    stamp = f"{__version__} {path} {stat.st_mtime_ns} {stat.st_size}"
    cached = cache_home() / f"{name}.marshal"
    raw = _load_cached(cached, stamp)
    if raw is None:
        raw = _parse(path, name)
        _store_cached(cached, stamp, raw)
    return Table(raw, name)


def _parse(path: Path, name: str) -> dict[str, Any]:
    import tomllib

    try:
        with path.open("rb") as fh:
            parsed: dict[str, Any] = _plain(tomllib.load(fh))
            return parsed
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{name} is not valid TOML: {exc}") from None


def _plain(value: Any) -> Any:
    """The parsed TOML with dates as ISO strings, so marshal can store it."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


# Parsing the TOML costs more than all of ally's own start-up, so the parsed
# form is cached, keyed by version, modification time and size. The cache is
# only ever a copy: any problem reading or writing it falls back to parsing.


def _load_cached(cached: Path, stamp: str) -> Any:
    try:
        with cached.open("rb") as fh:
            saved_stamp, raw = marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return raw if saved_stamp == stamp else None


def _store_cached(cached: Path, stamp: str, raw: Any) -> None:
    try:
        make_private_folder(cached.parent)
        partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)  # 0600 whatever the umask
        with os.fdopen(fd, "wb") as fh:
            marshal.dump((stamp, raw), fh)
        os.replace(partial, cached)
    except OSError:
        pass


def unique(items: Iterable[T], key: Callable[[T], str], what: str) -> None:
    seen: set[str] = set()
    for item in items:
        k = key(item)
        if k in seen:
            raise ContentError(f"duplicate {what} id '{k}'")
        seen.add(k)
