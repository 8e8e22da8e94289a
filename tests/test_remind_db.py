"""The SQLite file: created safely, migrated step by step, never harmed when it is not ours."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import textwrap
from pathlib import Path

import pytest

from ally import db
from ally.errors import DataFileError

from conftest import PYTHON, invoke, python_env

REMINDER_ROW = (
    "INSERT INTO reminders (uid, text, zone, start_local, due_local, next_due_utc, created, "
    "updated) VALUES ('u-1', 'Check in with Sam', 'Europe/London', '2027-01-05T18:00:00', "
    "'2027-01-05T18:00:00', '2027-01-05T18:00:00Z', '2026-11-25T21:50:00Z', "
    "'2026-11-25T21:50:00Z')"
)


def schema_at(path: Path, version: int) -> None:
    """A database as an older ally left it: the first `version` migrations applied."""
    conn = sqlite3.connect(path, isolation_level=None)
    for step in db.MIGRATIONS[:version]:
        step(conn)
    conn.execute(f"PRAGMA user_version = {version}")
    if version >= 1:
        conn.execute(REMINDER_ROW)
    conn.close()


def tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {r[0] for r in rows}


def test_first_write_creates_a_private_file_in_a_private_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "ally.sqlite3"
    conn = db.connect(path)
    conn.close()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_open_existing_creates_nothing(tmp_path: Path) -> None:
    assert db.open_existing(tmp_path / "missing" / "ally.sqlite3") is None
    assert not (tmp_path / "missing").exists()


def test_a_blank_file_is_migrated_to_the_latest_schema(tmp_path: Path) -> None:
    path = tmp_path / "ally.sqlite3"
    path.write_bytes(b"")
    conn = db.connect(path)
    assert db.schema_version(conn) == db.SCHEMA_VERSION
    assert {"reminders", "reminder_events", "practice_sessions"} <= tables(conn)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


@pytest.mark.parametrize("version", range(db.SCHEMA_VERSION))
def test_every_earlier_schema_migrates_and_keeps_its_data(tmp_path: Path, version: int) -> None:
    path = tmp_path / "ally.sqlite3"
    schema_at(path, version)
    conn = db.connect(path)
    assert db.schema_version(conn) == db.SCHEMA_VERSION
    if version >= 1:
        texts = [r[0] for r in conn.execute("SELECT text FROM reminders")]
        assert texts == ["Check in with Sam"]
    conn.close()


def test_reading_an_older_schema_migrates_it_too(tmp_path: Path) -> None:
    path = tmp_path / "ally.sqlite3"
    schema_at(path, 1)
    conn = db.open_existing(path)
    assert conn is not None and db.schema_version(conn) == db.SCHEMA_VERSION
    conn.close()


def test_practice_sessions_has_the_agreed_columns(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "ally.sqlite3")
    columns = {
        row[1]: (row[2], bool(row[3]))
        for row in conn.execute("PRAGMA table_info(practice_sessions)")
    }
    conn.close()
    assert columns == {
        "id": ("INTEGER", False),
        "scenario_id": ("TEXT", True),
        "started": ("TEXT", True),
        "finished": ("TEXT", True),
        "replies": ("INTEGER", True),
        "skills": ("TEXT", True),
        "pitfalls": ("TEXT", True),
        "risk": ("INTEGER", True),
        "safety": ("TEXT", False),
    }


def test_due_is_an_index_range_scan(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "ally.sqlite3")
    plan = conn.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM reminders WHERE next_due_utc <= ? "
        "ORDER BY next_due_utc, id",
        ("2027-01-01T00:00:00Z",),
    ).fetchall()
    conn.close()
    assert "reminders_by_next_due" in " ".join(str(row) for row in plan)


def test_a_failed_migration_leaves_the_previous_version_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("power cut")

    monkeypatch.setattr(db, "MIGRATIONS", [db.MIGRATIONS[0], broken])
    monkeypatch.setattr(db, "SCHEMA_VERSION", 2)
    path = tmp_path / "ally.sqlite3"
    with pytest.raises(RuntimeError):
        db.connect(path)
    conn = sqlite3.connect(path)
    assert db.schema_version(conn) == 1
    assert "half_done" not in tables(conn)
    assert "reminders" in tables(conn)
    conn.close()


GARBAGE = b"These are my notes, not a database.\n" * 20


@pytest.mark.parametrize("opener", [db.connect, db.open_existing])
def test_a_file_that_is_not_a_database_is_reported_and_left_alone(
    tmp_path: Path, opener: object
) -> None:
    path = tmp_path / "ally.sqlite3"
    path.write_bytes(GARBAGE)
    with pytest.raises(DataFileError) as caught:
        opener(path)  # type: ignore[operator]
    assert str(path) in caught.value.message
    assert "not an ally database" in caught.value.message
    assert caught.value.hint and "move it aside" in caught.value.hint
    assert path.read_bytes() == GARBAGE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ally.sqlite3"]


def test_another_programs_sqlite_file_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "ally.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE contacts (name TEXT)")
    other.commit()
    other.close()
    before = path.read_bytes()
    with pytest.raises(DataFileError, match="not an ally database"):
        db.connect(path)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_ally_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "ally.sqlite3"
    schema_at(path, db.SCHEMA_VERSION)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    for opener in (db.connect, db.open_existing):
        with pytest.raises(DataFileError, match="newer ally"):
            opener(path)
    assert path.read_bytes() == before


def test_the_cli_reports_a_bad_file_in_one_line_with_exit_1(ally_home: Path) -> None:
    ally_home.mkdir()
    path = ally_home / "ally.sqlite3"
    path.write_bytes(GARBAGE)
    for args in (("remind", "list"), ("remind", "add", "x", "--at", "tomorrow 6pm")):
        result = invoke(*args)
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: ")
        assert str(path) in result.stderr and "move it aside" in result.stderr
        assert result.stderr.count("\n") == 1
    assert path.read_bytes() == GARBAGE


WRITER = textwrap.dedent(
    """
    import sys
    from datetime import datetime, UTC
    from pathlib import Path
    from ally.reminders.model import Reminder
    from ally.reminders.store import ReminderStore

    path, worker, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    now = datetime(2026, 11, 25, 21, 50, tzinfo=UTC)
    for n in range(count):
        # A fresh connection per add, as separate `ally remind add` runs would.
        with ReminderStore.create(path) as store:
            store.insert(Reminder(
                uid=f"{worker}-{n}", text=f"reminder {worker}-{n}", zone="UTC",
                start=datetime(2027, 1, 1, 9), due=datetime(2027, 1, 1, 9),
                created=now, updated=now,
            ))
    """
)


def test_four_processes_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "home" / "ally.sqlite3"  # not there yet: they race to create it
    workers = [
        subprocess.Popen(
            [PYTHON, "-c", WRITER, str(path), str(w), "25"],
            env=python_env(tmp_path / "home"),
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(4)
    ]
    for worker in workers:
        _, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
    conn = sqlite3.connect(path)
    uids = {r[0] for r in conn.execute("SELECT uid FROM reminders")}
    ids = [r[0] for r in conn.execute("SELECT id FROM reminders")]
    conn.close()
    assert uids == {f"{w}-{n}" for w in range(4) for n in range(25)}
    assert len(set(ids)) == 100


def test_concurrent_cli_adds_lose_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = python_env(home, ALLY_NOW="2026-11-25T21:50:00+00:00")
    procs = [
        subprocess.Popen(
            [PYTHON, "-m", "ally", "remind", "add", f"note {n}", "--at", "2027-01-05 18:00"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(8)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    conn = sqlite3.connect(home / "ally.sqlite3")
    texts = sorted(r[0] for r in conn.execute("SELECT text FROM reminders"))
    conn.close()
    assert texts == sorted(f"note {n}" for n in range(8))
