"""The data file under faults: links, damage, permissions, full disks, read-only folders.

Each case is one that once went wrong (issue 11): ally either does the right
thing or says clearly why not, in one `Error:` line, and a file it refuses
is left byte for byte as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from conftest import PYTHON, invoke, python_env

NOW = "2026-11-25T21:50:00+00:00"


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLY_NOW", NOW)


def stored(path: Path) -> bytes:
    """What the data file holds: its bytes and those of its WAL, where changes land first."""
    wal = path.with_name(f"{path.name}-wal")
    return path.read_bytes() + b"\0WAL\0" + (wal.read_bytes() if wal.exists() else b"")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def one_error_line(result: object, code: int = 1) -> str:
    assert result.exit_code == code, (result.stdout, result.stderr)  # type: ignore[attr-defined]
    err: str = result.stderr  # type: ignore[attr-defined]
    assert err.startswith("Error: ") and err.count("\n") == 1, err
    return err


def add(*args: str) -> None:
    result = invoke("remind", "add", *args)
    assert result.exit_code == 0, result.stderr


def bound_by_permissions() -> list[str]:
    """A command prefix under which file permissions apply, even to root.

    Root ignores permissions through its capabilities; without those (setpriv
    drops them) a read-only folder is read-only for it too.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot bind")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


def ally(
    home: Path | None,
    *args: str,
    umask: int | None = None,
    restricted: bool = False,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """`python -m ally ARGS` in a subprocess, optionally with a umask or bound by permissions."""
    environment = python_env(home or Path("unused"), ALLY_NOW=NOW, **env)
    if home is None:
        del environment["ALLY_HOME"]

    def before() -> None:
        if umask is not None:
            os.umask(umask)

    prefix = bound_by_permissions() if restricted else []
    return subprocess.run(
        [*prefix, PYTHON, "-m", "ally", *args],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        preexec_fn=before,
    )


# Item 6: a data file that is a symbolic link.


def test_a_link_to_a_missing_file_creates_it_private(ally_home: Path, tmp_path: Path) -> None:
    target_dir = tmp_path / "t"
    target_dir.mkdir()
    ally_home.mkdir()
    (ally_home / "ally.sqlite3").symlink_to(target_dir / "target.db")
    result = ally(ally_home, "remind", "add", "x", "--at", "now", umask=0o022)
    assert result.returncode == 0, result.stderr
    created = sorted(target_dir.iterdir())
    assert created, "the target was not created"
    for path in created:
        assert mode(path) == 0o600, f"{path.name} is {mode(path):o}"
    assert invoke("remind", "list").stdout.count("x") >= 1


def test_a_link_into_a_missing_folder_is_refused(ally_home: Path, tmp_path: Path) -> None:
    ally_home.mkdir()
    (ally_home / "ally.sqlite3").symlink_to(tmp_path / "nowhere" / "target.db")
    err = one_error_line(invoke("remind", "add", "x", "--at", "now"))
    assert "nowhere" in err
    assert not (tmp_path / "nowhere").exists()


# Item 7: a file with a valid header but damaged pages.


def damaged_file(home: Path, tmp_path: Path) -> Path:
    entries = [
        {"text": f"reminder {n} " + "x" * 300, "next_due": "2027-01-05T18:00:00Z"}
        for n in range(300)
    ]
    source = tmp_path / "many.json"
    source.write_text(json.dumps(entries))
    assert invoke("remind", "import", str(source)).exit_code == 0
    path = home / "ally.sqlite3"
    data = bytearray(path.read_bytes())
    # a page of the reminders table, well inside the file (their rows fill most of it)
    page = 4096 * (len(data) // 4096 * 2 // 3)
    data[page + 100 : page + 600] = bytes((n * 37 + 11) % 256 for n in range(500))
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] != "ok"
    conn.close()
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("add", "new one", "--at", "tomorrow"),
        ("done", "1"),
        ("skip", "1"),
        ("snooze", "1", "--until", "2027-02-01 10:00"),
        ("remove", "1"),
        ("edit", "1", "new text"),
        ("import", "-"),
    ],
)
def test_a_damaged_file_is_refused_before_any_write(
    ally_home: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    path = damaged_file(ally_home, tmp_path)
    before = stored(path)
    result = invoke("remind", *args, input='[{"text": "new", "next_due": "2027-01-05T18:00Z"}]')
    err = one_error_line(result)
    assert str(path) in err and "damaged" in err
    assert stored(path) == before


# Item 8: "ally has not changed it" must be true.


def rollback_journal_file_without_events(path: Path) -> None:
    from ally import db

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    for step in db.MIGRATIONS:
        step(conn)
    conn.execute("DROP TABLE reminder_events")
    conn.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION}")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    path.chmod(0o600)


@pytest.mark.parametrize(
    "args",
    [
        ("add", "x", "--at", "tomorrow"),
        ("import", "-"),
        ("done", "1"),
    ],
)
def test_a_file_missing_a_table_is_refused_and_unchanged(
    ally_home: Path, args: tuple[str, ...]
) -> None:
    path = ally_home / "ally.sqlite3"
    rollback_journal_file_without_events(path)
    before = stored(path)
    result = invoke("remind", *args, input='[{"text": "new", "next_due": "2027-01-05T18:00Z"}]')
    err = one_error_line(result)
    assert "reminder_events" in err and "has not changed it" in err
    assert stored(path) == before  # not even switched to WAL
    assert sorted(p.name for p in ally_home.iterdir()) == ["ally.sqlite3"]


def test_reading_a_file_missing_a_table_changes_nothing(ally_home: Path) -> None:
    path = ally_home / "ally.sqlite3"
    rollback_journal_file_without_events(path)
    before = stored(path)
    for args in (("list",), ("due",), ("list", "--json"), ("export",)):
        result = invoke("remind", *args)
        assert result.exit_code in (0, 1) and "Traceback" not in result.stderr
    assert stored(path) == before


# Item 9: a stored value ally cannot read.


def test_a_bad_stored_value_is_reported_and_the_rest_shown(ally_home: Path) -> None:
    add("First", "--at", "now")
    add("Second", "--at", "now")
    add("Third", "--at", "now")
    conn = sqlite3.connect(ally_home / "ally.sqlite3")
    conn.execute("UPDATE reminders SET start_local = 'garbage' WHERE id = 2")
    conn.commit()
    conn.close()
    for args in (("list",), ("list", "--json"), ("list", "--all"), ("due",)):
        result = invoke("remind", *args)
        assert result.exit_code == 0, result.stderr
        assert "reminder 2" in result.stderr and "start_local" in result.stderr
        assert result.stderr.count("\n") == 1
        if args[0] == "list":
            assert "First" in result.stdout and "Third" in result.stdout
    exported = invoke("remind", "export")
    assert "reminder 2" in exported.stderr
    assert [r["text"] for r in json.loads(exported.stdout)["reminders"]] == ["First", "Third"]
    assert exported.exit_code == 1  # a backup that leaves something out is not a success
    ics = invoke("remind", "export", "--format", "ics")
    assert "First" in ics.stdout and "Third" in ics.stdout
    err = one_error_line(invoke("remind", "done", "2"))
    assert "reminder 2" in err and "start_local" in err
    assert invoke("remind", "done", "1").exit_code == 0


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("zone", "Not/AZone"),
        ("status", "sideways"),
        ("created", "yesterday"),
        ("due_local", "9999-99-99T00:00:00"),
        ("start_local", "2027-13-01T00:00:00"),
        ("following_utc", "later"),
        ("text", b"bytes, not text"),
    ],
)
def test_any_bad_column_is_reported_not_a_traceback(
    ally_home: Path, column: str, value: str | bytes
) -> None:
    add("First", "--at", "now")
    add("Second", "--at", "now")
    conn = sqlite3.connect(ally_home / "ally.sqlite3")
    conn.execute("PRAGMA ignore_check_constraints = 1")
    conn.execute("PRAGMA writable_schema = 0")
    try:
        conn.execute(f"UPDATE reminders SET {column} = ? WHERE id = 2", (value,))
    except sqlite3.IntegrityError:
        pytest.skip(f"{column} cannot hold {value!r}")
    conn.commit()
    conn.close()
    for args in (("list",), ("list", "--all", "--json"), ("due",), ("export",)):
        result = invoke("remind", *args)
        assert result.exception is None or isinstance(result.exception, SystemExit), args
        assert "reminder 2" in result.stderr, (args, result.stderr)


# Item 10: what ally creates is private, whatever the umask.


def test_everything_ally_creates_is_private_under_umask_000(tmp_path: Path) -> None:
    data = tmp_path / "xdg-data" / "deeper"
    cache = tmp_path / "xdg-cache" / "deeper"
    home = tmp_path / "a" / "b" / "home"
    env = {"XDG_DATA_HOME": str(data), "XDG_CACHE_HOME": str(cache), "HOME": str(tmp_path)}
    for args in (("tips",), ("remind", "add", "x", "--at", "now")):
        result = ally(None, *args, umask=0, **env)
        assert result.returncode == 0, result.stderr
    result = ally(home, "remind", "add", "x", "--at", "now", umask=0)
    assert result.returncode == 0, result.stderr
    created = [
        p
        for top in (tmp_path / "xdg-data", tmp_path / "xdg-cache", tmp_path / "a")
        for p in [top, *top.rglob("*")]
    ]
    assert any(p.name == "ally.sqlite3" for p in created)
    assert any(p.suffix == ".marshal" for p in created)
    for path in created:
        expected = 0o700 if path.is_dir() else 0o600
        assert mode(path) == expected, f"{path.relative_to(tmp_path)} is {mode(path):o}"


# Item 11: loose permissions on an existing folder or file.


def test_loose_permissions_are_tightened_and_said_once(ally_home: Path) -> None:
    add("x", "--at", "tomorrow")
    path = ally_home / "ally.sqlite3"
    ally_home.chmod(0o777)
    path.chmod(0o644)
    for args in (("list",), ("add", "y", "--at", "tomorrow")):
        result = invoke("remind", *args)
        assert result.exit_code == 0
        assert result.stderr.count("\n") == 1 and "only by you" in result.stderr, result.stderr
        assert mode(ally_home) == 0o700 and mode(path) == 0o600
        assert invoke("remind", *args).stderr == ""  # once
        ally_home.chmod(0o755)
        path.chmod(0o640)


# Reading must work whenever the file is readable (and Error lines otherwise).


def test_reading_works_in_a_read_only_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert ally(home, "remind", "add", "Check in with Sam", "--at", "now").returncode == 0
    assert ally(home, "remind", "add", "Later", "--at", "2027-01-05 18:00").returncode == 0
    home.chmod(0o500)
    try:
        for args in (("list",), ("due",), ("list", "--json"), ("export",)):
            result = ally(home, "remind", *args, restricted=True)
            assert result.returncode == 0, (args, result.stderr)
            assert "Check in with Sam" in result.stdout
            assert result.stderr == ""
        result = ally(home, "remind", "add", "x", "--at", "now", restricted=True)
        assert result.returncode == 1
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
        assert "read-only" in result.stderr, result.stderr
        assert sorted(p.name for p in home.iterdir()) == ["ally.sqlite3"]
    finally:
        home.chmod(0o700)


def test_a_parent_folder_without_write_permission_is_one_error_line(tmp_path: Path) -> None:
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = ally(locked / "sub", "remind", "add", "x", "--at", "now", restricted=True)
        assert result.returncode == 1, result.stderr
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
        assert str(locked / "sub") in result.stderr and "ermission" in result.stderr
        assert not (locked / "sub").exists()
    finally:
        locked.chmod(0o700)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs a small file system mounted for the test")
def test_reading_works_on_a_full_disk(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(disk)]
    if not shutil.which("mount") or subprocess.run(mount, capture_output=True).returncode:
        pytest.skip("cannot mount a small file system here")
    try:
        home = disk / "home"
        assert ally(home, "remind", "add", "Check in with Sam", "--at", "now").returncode == 0
        filler = disk / "filler"
        with filler.open("wb") as out:
            try:
                while True:
                    out.write(b"\0" * 65536)
                    out.flush()
            except OSError:
                pass
        for args in (("list",), ("due",)):
            result = ally(home, "remind", *args)
            assert result.returncode == 0, (args, result.stderr)
            assert "Check in with Sam" in result.stdout
        result = ally(home, "remind", "add", "x", "--at", "now")
        assert result.returncode == 1 and result.stderr.startswith("Error: "), result.stderr
        assert "full" in result.stderr
    finally:
        subprocess.run(["umount", str(disk)], check=False)


# Item 3: imported ids never drive the numbers of later reminders.

TOP_ID = 2**63 - 1


def import_text(tmp_path: Path, text: str) -> object:
    source = tmp_path / "import.json"
    source.write_text(text)
    return invoke("remind", "import", str(source))


def ids_and_texts() -> list[tuple[int, str]]:
    return [(r["id"], r["text"]) for r in json.loads(invoke("remind", "list", "--json").stdout)]


def test_an_imported_top_id_does_not_stop_later_adds(ally_home: Path, tmp_path: Path) -> None:
    entry = {"id": TOP_ID, "text": "imported", "next_due": "2027-01-05T18:00:00Z"}
    assert import_text(tmp_path, json.dumps([entry])).exit_code == 0  # type: ignore[attr-defined]
    add("first", "--at", "2027-01-06 09:00")
    add("second", "--at", "2027-01-07 09:00")
    assert ids_and_texts() == [(TOP_ID, "imported"), (1, "first"), (2, "second")]
    assert invoke("remind", "remove", str(TOP_ID)).exit_code == 0
    add("third", "--at", "2027-01-08 09:00")
    assert ids_and_texts() == [(1, "first"), (2, "second"), (3, "third")]


def test_a_file_already_stuck_at_the_top_id_can_add_again(ally_home: Path) -> None:
    add("first", "--at", "2027-01-06 09:00")
    conn = sqlite3.connect(ally_home / "ally.sqlite3")
    conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'reminders'", (TOP_ID,))
    conn.commit()
    conn.close()
    add("second", "--at", "2027-01-07 09:00")
    assert [text for _, text in ids_and_texts()] == ["first", "second"]


def test_a_backup_keeps_its_ids_and_new_ones_fill_in(ally_home: Path, tmp_path: Path) -> None:
    entries = [{"id": n, "text": f"old {n}", "next_due": f"2027-01-0{n}T18:00:00Z"} for n in (2, 5)]
    assert import_text(tmp_path, json.dumps(entries)).exit_code == 0  # type: ignore[attr-defined]
    add("new", "--at", "2027-01-09 09:00")
    add("newer", "--at", "2027-01-09 10:00")
    assert ids_and_texts() == [(2, "old 2"), (5, "old 5"), (1, "new"), (3, "newer")]


@pytest.mark.parametrize(
    "text",
    [
        '[{"id": 9223372036854775808, "text": "t", "next_due": "2027-01-05T18:00:00Z"}]',
        '[{"id": ' + "9" * 5000 + ', "text": "t", "next_due": "2027-01-05T18:00:00Z"}]',
        '[{"text": "t", "next_due": "2027-01-05T18:00:00Z", "x": ' + "1" * 5000 + "}]",
        "[" * 100_000 + "]" * 100_000,
        '[{"text": "\\ud800", "next_due": "2027-01-05T18:00:00Z"}]',
        '[{"text": "t", "about": "\\udce9", "next_due": "2027-01-05T18:00:00Z"}]',
        '[{"text": "t", "uid": "\\ud800x", "next_due": "2027-01-05T18:00:00Z"}]',
    ],
    ids=["2**63", "5000 digits", "5000-digit value", "deep", "surrogate", "about", "uid"],
)
def test_a_hostile_import_is_one_error_line_and_changes_nothing(
    ally_home: Path, tmp_path: Path, text: str
) -> None:
    add("kept", "--at", "2027-01-06 09:00")
    before = stored(ally_home / "ally.sqlite3")
    err = one_error_line(import_text(tmp_path, text), 2)
    assert "Traceback" not in err
    assert stored(ally_home / "ally.sqlite3") == before


def test_an_import_larger_than_the_limit_is_refused_unread(ally_home: Path, tmp_path: Path) -> None:
    from ally.reminders.interchange import MAX_IMPORT_BYTES

    big = tmp_path / "big.json"
    with big.open("wb") as out:
        out.truncate(MAX_IMPORT_BYTES + 1)  # sparse: nothing is really written
    err = one_error_line(invoke("remind", "import", str(big)), 2)
    assert "MB" in err
    assert not ally_home.exists()


# Items 5 and 14: text that is not text, or far too much of it.


def ally_bytes(home: Path, *args: str | bytes) -> subprocess.CompletedProcess[str]:
    """ally with raw bytes in its arguments, as a shell passes $'caf\\xe9'."""
    return subprocess.run(
        [PYTHON, "-m", "ally", *args],
        env=python_env(home, ALLY_NOW=NOW),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.mark.parametrize(
    "args",
    [
        ("remind", "add", b"caf\xe9", "--at", "now"),
        ("remind", "add", "x", "--at", "now", "--about", b"S\xe9b"),
        ("remind", "done", "1", "--note", b"went \xff well"),
        ("remind", "edit", "1", b"new \xe9"),
        ("remind", "edit", "1", "--about", b"\xe9"),
    ],
    ids=["text", "about", "note", "edit text", "edit about"],
)
def test_bytes_that_are_not_utf8_are_refused(
    ally_home: Path, args: tuple[str | bytes, ...]
) -> None:
    assert ally_bytes(ally_home, "remind", "add", "Call Mum", "--at", "now").returncode == 0
    before = stored(ally_home / "ally.sqlite3")
    result = ally_bytes(ally_home, *args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "UTF-8" in result.stderr
    assert stored(ally_home / "ally.sqlite3") == before


@pytest.mark.parametrize(
    ("args", "limit"),
    [
        (("remind", "add", "x" * 2001, "--at", "now"), "2000"),
        (("remind", "add", "x", "--at", "now", "--about", "S" * 201), "200"),
        (("remind", "done", "1", "--note", "n" * 2001), "2000"),
        (("remind", "edit", "1", "--about", "S" * 201), "200"),
    ],
    ids=["text", "about", "note", "edit about"],
)
def test_text_over_its_limit_is_refused_saying_the_limit(
    ally_home: Path, args: tuple[str, ...], limit: str
) -> None:
    add("Call Mum", "--at", "now")
    before = stored(ally_home / "ally.sqlite3")
    err = one_error_line(invoke(*args), 2)
    assert limit in err
    assert stored(ally_home / "ally.sqlite3") == before


@pytest.mark.parametrize(
    ("field", "value", "limit"),
    [
        ("text", "x" * 2001, "2000"),
        ("about", "S" * 201, "200"),
        ("uid", "u" * 256, "255"),
        ("every", "day " * 100, "200"),
        ("done", [{"at": "2027-01-01T00:00:00Z", "note": "n" * 2001}], "2000"),
        ("done", [{"at": "2027-01-01T00:00:00Z"}] * 10_001, "10000"),
    ],
)
def test_an_import_over_a_limit_is_refused_saying_the_limit(
    ally_home: Path, tmp_path: Path, field: str, value: object, limit: str
) -> None:
    entry = {"text": "t", "next_due": "2027-01-05T18:00:00Z", field: value}
    err = one_error_line(import_text(tmp_path, json.dumps([entry])), 2)
    assert limit in err and "entry 1" in err
    assert not ally_home.exists()


@pytest.mark.parametrize(
    "entry",
    [
        {"text": "t", "next_due": "0001-01-02T00:00:00+00:00", "timezone": "Pacific/Kiritimati"},
        {"text": "t", "next_due": "0001-01-01T00:00:00+00:00", "timezone": "America/New_York"},
        {"text": "t", "due_local": "9999-12-31T23:00:00", "timezone": "Pacific/Pago_Pago"},
        {"text": "t", "next_due": "0001-01-02T00:00:00Z", "every": "day", "timezone": "Asia/Tokyo"},
        {"text": "t", "next_due": "9999-12-31T23:59:59Z", "every": "sunday"},
    ],
)
def test_an_import_at_the_ends_of_the_calendar_never_crashes(
    ally_home: Path, tmp_path: Path, entry: dict[str, str]
) -> None:
    """Either it is stored and everything can show it, or it is one Error line."""
    result = import_text(tmp_path, json.dumps([entry]))
    if result.exit_code == 0:  # type: ignore[attr-defined]
        for args in (("list", "--all"), ("list", "--json"), ("export",), ("due",)):
            shown = invoke("remind", *args)
            assert shown.exit_code == 0, (args, shown.stderr)
        ics = invoke("remind", "export", "--format", "ics")
        assert ics.exit_code == 0, ics.stderr
    else:
        err = one_error_line(result, 2)
        assert "from 1900 to 2200" in err or "cannot be worked out" in err


HALF_WRITE = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # spill to the file before COMMIT
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE reminders SET text = 'half-written ' || text")
columns = "text, zone, start_local, status, created, updated"
conn.execute(f"INSERT INTO reminders (uid, {columns}) "
             f"SELECT uid || '-copy', {columns} FROM reminders")
os._exit(0)  # the power goes: a hot journal is left beside the file
"""


def test_reading_after_an_interrupted_rollback_journal_write(
    ally_home: Path, tmp_path: Path
) -> None:
    entries = [{"text": f"kept {n}", "next_due": "2027-01-05T18:00:00Z"} for n in range(200)]
    assert import_text(tmp_path, json.dumps(entries)).exit_code == 0  # type: ignore[attr-defined]
    path = ally_home / "ally.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    subprocess.run([PYTHON, "-c", HALF_WRITE, str(path)], check=True)
    assert (ally_home / "ally.sqlite3-journal").exists()
    result = invoke("remind", "list")
    assert result.exit_code == 0, result.stderr
    assert "kept 0" in result.stdout and "half-written" not in result.stdout


def test_an_older_damaged_file_is_not_migrated_by_a_read(ally_home: Path, tmp_path: Path) -> None:
    from ally import db

    path = damaged_file(ally_home, tmp_path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA user_version = 1")  # as an older ally left it: migration 2 pending
    conn.close()
    assert db.SCHEMA_VERSION > 1
    before = stored(path)
    err = one_error_line(invoke("remind", "list"))
    assert "damaged" in err
    assert stored(path) == before


def test_a_shared_folder_is_warned_about_not_changed(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp
    result = ally(shared, "remind", "add", "x", "--at", "now")
    assert result.returncode == 0, result.stderr
    assert mode(shared) == 0o1777
    assert "Warning:" in result.stderr and str(shared) in result.stderr
    assert mode(shared / "ally.sqlite3") == 0o600
