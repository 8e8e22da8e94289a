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
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ally.errors import DataFileError
from ally.paths import make_private_folder

# PRAGMA application_id marks the file as ours: the bytes "ally".
APPLICATION_ID = 0x616C6C79
SQLITE_HEADER = b"SQLite format 3\x00"
# Seconds a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT = 15.0

MOVE_ASIDE = "move it aside or set ALLY_HOME to another folder; ally has not changed it"
# What ally did to the user's files that they should hear about (tightened
# permissions); the CLI says it and clears it, as core modules never print.
_NOTICES: list[str] = []


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
    """A connection for writing, creating the folder and file (0700/0600) if needed.

    Everything is checked before the first change, including the switch to
    WAL: that the file is ours, not too new, has the tables its version
    promises and no damaged pages. A refused file is left byte for byte.
    """
    _check_header(path)
    if path.exists():
        _check_identity(path, before_writing=True)
    else:
        _create_file(path)
    return _writable(path)


def open_existing(path: Path, *, write: bool = False) -> sqlite3.Connection | None:
    """A connection to the database if the file exists, else None (nothing is created).

    For reading (the default) the file is opened read-only, so `list` and
    `due` work in a read-only folder or on a full disk; only a file from an
    older ally is opened for writing, to migrate it. With `write=True` it is
    checked as `connect` checks it.
    """
    if not path.exists():
        return None
    _check_header(path)
    version = _check_identity(path, before_writing=write)
    if not write and version < SCHEMA_VERSION:
        _check_identity(path, before_writing=True)  # migrating is writing
        write = True
    if write:
        return _writable(path)
    _tighten(path)
    with sqlite_errors(path):
        return _read_only(path)


def take_notices() -> list[str]:
    """What ally did to the user's files that they should hear about (said once, then cleared)."""
    found = list(_NOTICES)
    _NOTICES.clear()
    return found


def _writable(path: Path) -> sqlite3.Connection:
    _tighten(path)
    conn = _open(path)
    try:
        _use_wal(conn, path)
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
        raise _explained(exc, path) from None
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc):
            raise _damaged(path, str(exc)) from None
        raise DataFileError(
            f"{path} is not a usable ally database ({exc})", hint=MOVE_ASIDE
        ) from None


def _explained(exc: sqlite3.OperationalError, path: Path) -> DataFileError:
    reason = str(exc)
    if "locked" in reason or "busy" in reason:
        return DataFileError(
            f"{path} is busy: another ally process kept it locked",
            hint="try again in a moment",
        )
    if "readonly" in reason or "read-only" in reason:
        return DataFileError(
            f"cannot write {path}: the file or its folder is read-only",
            hint=f"check the permissions of {path.parent}; ally has not changed the file",
        )
    if "full" in reason:
        return DataFileError(
            f"cannot write {path}: the disk is full",
            hint="free some space and try again; ally has not changed the file",
        )
    if "malformed" in reason:
        return _damaged(path, reason)
    return DataFileError(f"cannot use {path}: {reason}", hint=MOVE_ASIDE)


def _damaged(path: Path, detail: str) -> DataFileError:
    first = detail.strip().splitlines()[-1] if detail.strip() else "damaged pages"
    return DataFileError(
        f"{path} is damaged ({first})",
        hint="restore it from a backup, or move it aside and start again; ally has not changed it",
    )


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


def _check_identity(path: Path, *, before_writing: bool = False) -> int:
    """Check through a read-only connection that an SQLite file is ours and not too new.

    Before writing, also that it has every table and column its version
    promises and no damaged pages (`PRAGMA quick_check`): SQLite would
    otherwise happily write to the undamaged parts. Returns the schema version.
    """
    with sqlite_errors(path):
        probe = _read_only(path)
        try:
            # One statement, so one snapshot, even while another process migrates.
            version, app_id, tables = probe.execute(
                "SELECT (SELECT user_version FROM pragma_user_version), "
                "(SELECT application_id FROM pragma_application_id), "
                "(SELECT count(*) FROM sqlite_master)"
            ).fetchone()
            foreign = app_id != APPLICATION_ID if version else tables > 0
            if foreign:
                raise DataFileError(f"{path} is not an ally database", hint=MOVE_ASIDE)
            _check_version(version, path)
            if before_writing and version:
                _check_schema(probe, version, path)
                problems = [row[0] for row in probe.execute("PRAGMA quick_check(3)")]
                if problems != ["ok"]:
                    raise _damaged(path, problems[0])
        finally:
            probe.close()
    return int(version)


def _check_schema(probe: sqlite3.Connection, version: int, path: Path) -> None:
    """Every table and column the migrations up to `version` create must be there."""
    have = _columns(probe)
    for table, columns in _columns(_schema_at(version)).items():
        if table not in have:
            raise DataFileError(f"{path} is damaged: its table {table} is missing", hint=MOVE_ASIDE)
        missing = sorted(columns - have[table])
        if missing:
            raise DataFileError(
                f"{path} is damaged: table {table} has no column {', '.join(missing)}",
                hint=MOVE_ASIDE,
            )


def _schema_at(version: int) -> sqlite3.Connection:
    blank = sqlite3.connect(":memory:", isolation_level=None)
    for step in MIGRATIONS[:version]:
        step(blank)
    return blank


def _columns(conn: sqlite3.Connection) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for table, column in conn.execute(
        "SELECT m.name, c.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS c "
        "WHERE m.type = 'table'"
    ):
        found.setdefault(table, set()).add(column)
    return found


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection for reading that never changes what the file holds.

    Read-only (`mode=ro`) first. Two cases need more, and get the least that works:

    - Reading a WAL file needs its -shm index, which SQLite creates beside it.
      In a read-only folder (or on a full disk) it cannot, so when the -wal
      file is missing or empty (nothing waiting to be merged into the file,
      and writers fail there too) the file is read as immutable, without locks.
    - A write cut off in rollback-journal mode leaves a hot journal that must
      be rolled back before anyone reads; a read-only connection cannot, so a
      read-write one does it (restoring the file as it was before that write)
      and then takes no writes (`query_only`).

    Raises sqlite3 errors; callers wrap them.
    """
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        reason = str(exc)
        if "readonly" not in reason and "unable to open" not in reason and "I/O" not in reason:
            raise
        if _is_wal(path) and not _wal_size(path):
            immutable = f"{uri}?mode=ro&immutable=1"
            return sqlite3.connect(immutable, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
        if not Path(f"{path.resolve()}-journal").exists():
            raise
    recovering = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
    try:
        recovering.execute("SELECT count(*) FROM sqlite_master").fetchone()
        recovering.execute("PRAGMA query_only = 1")
    except BaseException:
        recovering.close()
        raise
    return recovering


def _wal_size(path: Path) -> int:
    try:
        return Path(f"{path.resolve()}-wal").stat().st_size
    except OSError:
        return 0


def _is_wal(path: Path) -> bool:
    """Whether the header says WAL (file format bytes 18 and 19 are 2)."""
    try:
        with path.open("rb") as f:
            return f.read(20)[18:20] == b"\x02\x02"
    except OSError:
        return False


def _create_file(path: Path) -> None:
    """The empty data file, 0600, in private folders: also through a link that points nowhere."""
    target = Path(os.path.realpath(path))
    try:
        if target == path.absolute():
            make_private_folder(path.parent)
        elif not target.parent.is_dir():
            raise DataFileError(
                f"{path} links to {target}, in a folder that does not exist",
                hint="create that folder or remove the link",
            )
    except OSError as exc:
        raise DataFileError(
            f"cannot create the folder {exc.filename or path.parent}: {exc.strerror}",
            hint="set ALLY_HOME to a folder you can write to",
        ) from None
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process created it first; it is checked when opened
    except OSError as exc:
        raise DataFileError(f"cannot create {path}: {exc.strerror}") from None
    try:
        os.fchmod(fd, 0o600)  # whatever the umask took away or left
    finally:
        os.close(fd)


def _tighten(path: Path) -> None:
    """Make the data folder 0700 and the file (and its -wal/-shm) 0600 if others can get in.

    Says so once (a notice for the CLI). What is not ally's to change is
    warned about instead: anything owned by someone else, a shared folder
    with the sticky bit (ALLY_HOME=/tmp), and the home folder itself.
    """
    target = Path(os.path.realpath(path))
    loosened: list[str] = []
    stuck: list[str] = []
    for item in (path.parent, target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        try:
            info = item.stat()
        except OSError:
            continue
        mode = stat.S_IMODE(info.st_mode)
        if not mode & 0o077:
            continue
        shared = info.st_uid != os.geteuid() or mode & stat.S_ISVTX or _is_home(item)
        try:
            if shared:
                raise PermissionError
            os.chmod(item, mode & 0o700)
        except OSError:
            stuck.append(f"{item} ({mode:o})")
        else:
            loosened.append(f"{item} (was {mode:o})")
    if loosened:
        _NOTICES.append(f"ally made its files readable only by you: {', '.join(loosened)}")
    if stuck:
        _NOTICES.append(
            f"Warning: others can get at {', '.join(stuck)}, and ally leaves that to you; "
            "fix the permissions or set ALLY_HOME to a private folder"
        )


def _is_home(folder: Path) -> bool:
    try:
        return folder.resolve() == Path.home().resolve()
    except (OSError, RuntimeError):
        return False


def _open(path: Path) -> sqlite3.Connection:
    with sqlite_errors(path):
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, nothing implicit.
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        return conn


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
        raise _explained(exc, path) from None
