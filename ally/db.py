"""The one SQLite file that holds the user's state, and its schema migrations.

Shared by reminders and practice. The file is created on first write only,
with mode 0600 in a 0700 folder; read-only callers use `open_existing`, which
never creates anything. A file that is not an ally database is reported and
never touched: it is checked byte-for-byte and then through a read-only
connection before anything opens it for writing.

Migrations are data: an ordered list of small functions. Each runs in its own
`BEGIN IMMEDIATE` transaction together with its `PRAGMA user_version` bump,
so a crash or a concurrent process never leaves a half-migrated file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ally.errors import DataFileError

# PRAGMA application_id marks the file as ours: the bytes "ally".
APPLICATION_ID = 0x616C6C79
SQLITE_HEADER = b"SQLite format 3\x00"
# Seconds a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT = 15.0

MOVE_ASIDE = "move it aside or set ALLY_HOME to another folder; ally has not changed it"


def _reminders_schema(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(
        """
        CREATE TABLE reminders (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uid TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            about TEXT,
            zone TEXT NOT NULL,
            start_local TEXT NOT NULL,
            every TEXT,
            rrule TEXT,
            from_done INTEGER NOT NULL DEFAULT 0,
            due_local TEXT,
            following_utc TEXT,
            snoozed_until_utc TEXT,
            next_due_utc TEXT,
            status TEXT NOT NULL DEFAULT 'open',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            notified_utc TEXT
        )
        """
    )
    # `ally remind due` is one range scan on this index, whatever the number of reminders.
    conn.execute("CREATE INDEX reminders_by_next_due ON reminders (next_due_utc)")
    conn.execute(
        """
        CREATE TABLE reminder_events (
            id INTEGER PRIMARY KEY,
            reminder_id INTEGER NOT NULL REFERENCES reminders (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            due_local TEXT,
            note TEXT
        )
        """
    )
    conn.execute("CREATE INDEX reminder_events_by_reminder ON reminder_events (reminder_id)")


def _practice_sessions(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE practice_sessions (
            id INTEGER PRIMARY KEY,
            scenario_id TEXT NOT NULL,
            started TEXT NOT NULL,
            finished TEXT NOT NULL,
            replies INTEGER NOT NULL,
            skills TEXT NOT NULL,
            pitfalls TEXT NOT NULL,
            risk INTEGER NOT NULL,
            safety TEXT
        )
        """
    )


def _sync_state(conn: sqlite3.Connection) -> None:
    """`ally remind sync`: what the calendar held when both sides last agreed, and kept versions.

    sync_account: the one calendar synced with, its sync token and the last good run.
    sync_objects: per reminder uid, its calendar object's href and ETag, the calendar item
    (JSON) as last synced and that object's iCalendar text (patched, not rebuilt, on a push).
    reminder_versions: copies kept when a reminder is removed or loses a conflict, so
    `ally remind restore` can bring them back.
    """
    conn.execute(
        """
        CREATE TABLE sync_account (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            calendar_url TEXT NOT NULL,
            sync_token TEXT,
            last_synced TEXT
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE sync_objects (
            uid TEXT PRIMARY KEY,
            href TEXT NOT NULL,
            etag TEXT,
            synced TEXT NOT NULL,
            data TEXT NOT NULL
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE reminder_versions (
            id INTEGER PRIMARY KEY,
            reminder_id INTEGER NOT NULL,
            uid TEXT NOT NULL,
            kept TEXT NOT NULL,
            reason TEXT NOT NULL,
            data TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX reminder_versions_by_reminder ON reminder_versions (reminder_id)")


# Append only: version N is MIGRATIONS[N - 1]. Never edit one that has shipped.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _reminders_schema,
    _practice_sessions,
    _sync_state,
]
SCHEMA_VERSION = len(MIGRATIONS)


def connect(path: Path) -> sqlite3.Connection:
    """A connection for writing, creating the folder and file (0700/0600) if needed."""
    _check_header(path)
    if path.exists():
        _check_identity(path)
    else:
        _create_file(path)
    conn = _open(path)
    try:
        _use_wal(conn, path)
        migrate(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def open_existing(path: Path) -> sqlite3.Connection | None:
    """A connection to the database if the file exists (migrated if older), else None."""
    if not path.exists():
        return None
    _check_header(path)
    _check_identity(path)
    conn = _open(path)
    try:
        migrate(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """A write transaction: taken at once (BEGIN IMMEDIATE), committed or rolled back whole."""
    with sqlite_errors(path):
        conn.execute("BEGIN IMMEDIATE")
    try:
        with sqlite_errors(path):
            yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    with sqlite_errors(path):
        conn.execute("COMMIT")


@contextmanager
def sqlite_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's failures into one clear DataFileError naming the file."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DataFileError(
                f"{path} is busy: another ally process kept it locked",
                hint="try again in a moment",
            ) from None
        raise DataFileError(f"cannot use {path}: {exc}", hint=MOVE_ASIDE) from None
    except sqlite3.DatabaseError as exc:
        raise DataFileError(
            f"{path} is not a usable ally database ({exc})", hint=MOVE_ASIDE
        ) from None


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Apply each pending migration in its own transaction, with its version bump."""
    _check_version(schema_version(conn), path)
    for version, step in enumerate(MIGRATIONS, start=1):
        if schema_version(conn) >= version:
            continue
        with transaction(conn, path):
            # Another process may have applied it while we waited for the lock.
            if schema_version(conn) >= version:
                continue
            step(conn)
            conn.execute(f"PRAGMA user_version = {version}")


def _check_version(version: int, path: Path) -> None:
    if version > SCHEMA_VERSION:
        raise DataFileError(
            f"{path} was written by a newer ally (schema {version}; "
            f"this ally knows up to {SCHEMA_VERSION})",
            hint="upgrade ally to use it; this ally has not changed it",
        )


def _check_header(path: Path) -> None:
    """Refuse anything that is not empty and not SQLite, before SQLite opens it."""
    if path.exists() and not path.is_file():
        raise DataFileError(f"{path} is not a file", hint=MOVE_ASIDE)
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DataFileError(f"cannot read {path}: {exc.strerror}") from None
    if head and head != SQLITE_HEADER:
        raise DataFileError(f"{path} is not an ally database", hint=MOVE_ASIDE)


def _check_identity(path: Path) -> None:
    """Check through a read-only connection that an SQLite file is ours and not too new."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    with sqlite_errors(path):
        probe = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT)
        try:
            # One statement, so one snapshot, even while another process migrates.
            version, app_id, tables = probe.execute(
                "SELECT (SELECT user_version FROM pragma_user_version), "
                "(SELECT application_id FROM pragma_application_id), "
                "(SELECT count(*) FROM sqlite_master)"
            ).fetchone()
        finally:
            probe.close()
    foreign = app_id != APPLICATION_ID if version else tables > 0
    if foreign:
        raise DataFileError(f"{path} is not an ally database", hint=MOVE_ASIDE)
    _check_version(version, path)


def _create_file(path: Path) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process created it first; it is checked when opened
    except OSError as exc:
        raise DataFileError(f"cannot create {path}: {exc.strerror}") from None
    os.close(fd)


def _open(path: Path) -> sqlite3.Connection:
    with sqlite_errors(path):
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, nothing implicit.
        return sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)


def _use_wal(conn: sqlite3.Connection, path: Path) -> None:
    """WAL lets readers (the shell hook) run while a writer works. Persistent once set.

    Switching needs the file to itself, and SQLite does not wait for that. If
    another process is busy with it, stay in rollback-journal mode this time:
    transactions keep writers safe in either mode, and a later run switches.
    """
    try:
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return
        raise DataFileError(f"cannot use {path}: {exc}", hint=MOVE_ASIDE) from None
