"""The errors `ally` expects, each carrying the exit code the CLI maps it to.

Core modules raise these; the CLI's single error boundary prints them as one
``Error: …`` line on stderr and exits with ``exit_code``.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class AllyError(Exception):
    """A failure the user can act on: not found, corrupt data file, …"""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class NotFoundError(AllyError):
    """An id, category or country that does not exist."""


class ContentError(AllyError):
    """A shipped content file (data/*.toml) is missing or invalid."""


class DataFileError(AllyError):
    """The user's data file cannot be used (not a database, too new, unreadable)."""


class UsageError(AllyError):
    """Bad input: an unparseable date, an unknown country code, a bad option value."""

    exit_code = EXIT_USAGE
