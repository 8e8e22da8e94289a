"""Hostile input, generated: whatever the arguments or the import file, ally answers properly.

Each example runs one `ally` command (in-process, as a shell would with its
output piped) against a copy of a data file that holds a few reminders, with
arguments and import files built to break things: every kind of Unicode
(lone surrogates, as non-UTF-8 bytes arrive, bidi and zero-width characters,
controls), text that looks like an option, numbers past any limit, dates at
the ends of the calendar, deep and huge JSON. What must hold every time:

- no traceback: the command ends with an exit code, never an exception;
- the exit code is a documented one (0, 1 or 2);
- a refusal (1 or 2) ends with one `Error: ` line on stderr, and the data
  file is byte for byte as it was;
- a command that only reads leaves the data file as it was, whatever happens.

Bounded for CI (150 examples per test). For a longer run:
ALLY_FUZZ_EXAMPLES=3000 uv run pytest tests/test_fuzz_cli.py -s
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from ally.cli import app

EXAMPLES = int(os.environ.get("ALLY_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
NOW = "2026-11-25T21:50:00+00:00"
DOCUMENTED = {0, 1, 2}
# What each run saw, printed at the end of a run with -s.
TALLY: Counter[str] = Counter()

NASTY = [
    "",
    " ",
    "-",
    "--",
    "- call Mum",
    "--icon=/etc/passwd",
    "--help",
    "-h",
    "now",
    "tomorrow 6pm",
    "sunday",
    "9999-12-31",
    "9999-12-31 23:59",
    "0001-01-01",
    "2027-02-30",
    "24:00",
    "-1 weeks",
    "0 days",
    "FREQ=DAILY;INTERVAL=0",
    "week",
    "3 days",
    "Europe/London",
    "../../etc/passwd",
    "Not/AZone",
    "GB",
    "gb",
    "XX",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "1e309",
    "NaN",
    "caf\udce9",  # a byte that is not UTF-8, as Python passes it on
    "\ud800",
    "Call \u202eMum",
    "S\u200bam",
    "\x1b[2J\x1b[31mred",
    "\x9b2J\x85",
    "[bold red]markup[/]",
    "$(reboot)",
    "`id`",
    "'; DROP TABLE reminders; --",
    "%s%n%x",
    "\x00",
    "x" * 2001,
    "S" * 201,
    "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
]

hostile_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),  # any code point, surrogates included
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=12),
    st.builds(lambda a, b: a + b, st.sampled_from(NASTY), st.text(max_size=10)),
    st.integers().map(str),
)
ids = st.one_of(
    st.sampled_from(["1", "2", "3", "0", "-1", "9223372036854775807", "9223372036854775808"]),
    hostile_text,
)

# Commands: (argument template, reads only). S is hostile text, I an id.
COMMANDS: list[tuple[tuple[str, ...], bool]] = [
    (("remind", "add", "S", "--at", "S"), False),
    (("remind", "add", "S", "--at", "now", "--about", "S"), False),
    (("remind", "add", "S", "--at", "S", "--every", "S"), False),
    (("remind", "add", "S", "--at", "tomorrow 9am", "--tz", "S"), False),
    (("remind", "add", "--at", "now", "--", "S"), False),
    (("remind", "add", "S", "--at", "S", "--dry-run"), True),
    (("remind", "edit", "I", "S"), False),
    (("remind", "edit", "I", "--at", "S"), False),
    (("remind", "edit", "I", "--every", "S"), False),
    (("remind", "edit", "I", "--about", "S"), False),
    (("remind", "done", "I", "--note", "S"), False),
    (("remind", "snooze", "I", "--until", "S"), False),
    (("remind", "skip", "I"), False),
    (("remind", "remove", "I"), False),
    (("remind", "list", "--about", "S"), True),
    (("remind", "list", "--all", "--json"), True),
    (("remind", "due", "--json"), True),
    (("remind", "export", "--format", "S"), True),
    (("remind", "export", "--format", "ics"), True),
    (("remind", "hook", "S"), True),
    (("tips", "--search", "S"), True),
    (("tips", "show", "S"), True),
    (("tips", "--category", "S", "--json"), True),
    (("resources", "--country", "S"), True),
    (("crisis", "--country", "S"), True),
    (("practice", "--scenario", "S", "--list"), True),
    (("S",), True),
    (("remind", "S"), True),
]


@st.composite
def commands(draw: st.DrawFn) -> tuple[list[str], bool]:
    template, reads_only = draw(st.sampled_from(COMMANDS))
    args = [
        draw(hostile_text) if part == "S" else draw(ids) if part == "I" else part
        for part in template
    ]
    return args, reads_only


def json_values(depth: int = 3) -> st.SearchStrategy[object]:
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.sampled_from([2**63, 2**63 - 1, -(2**63) - 1, 10**40]),
        st.floats(),
        hostile_text,
    )
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(hostile_text, inner, max_size=3)
        ),
        max_leaves=depth * 3,
    )


FIELDS = [
    "id",
    "uid",
    "text",
    "about",
    "timezone",
    "status",
    "next_due",
    "due_local",
    "start",
    "start_local",
    "every",
    "rrule",
    "from_done",
    "snoozed_until",
    "created",
    "updated",
    "last_notified",
    "done",
    "skipped",
]


# Times a valid entry may hold: the ends of the calendar, clock changes, leap days.
EDGE_TIMES = [
    "2027-01-05T18:00:00+00:00",
    "9999-12-31T23:59:59+00:00",
    "9999-12-31T12:00:00-12:00",
    "0001-01-02T00:00:00+00:00",
    "1970-01-01T00:00:00Z",
    "2027-03-28T01:30:00",
    "2027-10-31T01:30:00",
    "2028-02-29T09:00:00+00:00",
    "2038-01-19T03:14:08Z",
]
ZONES = ["Europe/London", "UTC", "America/New_York", "Pacific/Kiritimati", "Australia/Lord_Howe"]


@st.composite
def entries(draw: st.DrawFn) -> object:
    """A valid entry (extreme but legal times and zones), some fields replaced by anything."""
    entry: dict[str, object] = {
        "text": draw(st.one_of(st.just("Check in with Sam"), hostile_text)),
        "next_due": draw(st.sampled_from(EDGE_TIMES)),
        "timezone": draw(st.sampled_from(ZONES)),
    }
    if draw(st.booleans()):
        entry["every"] = draw(
            st.sampled_from(["day", "week", "month", "year", "weekday", "sunday"])
        )
    for key in draw(st.lists(st.sampled_from(FIELDS), max_size=3)):
        entry[key] = draw(
            st.one_of(
                hostile_text,
                json_values(),
                st.lists(
                    st.fixed_dictionaries(
                        {"at": st.one_of(hostile_text, st.just("2027-01-01T00:00:00Z"))},
                        optional={"note": hostile_text, "due": hostile_text},
                    ),
                    max_size=3,
                ),
            )
        )
    return entry


@st.composite
def import_files(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["entries", "document", "anything", "bytes", "deep", "number"]))
    if kind == "entries":
        return json.dumps(draw(st.lists(entries(), max_size=4))).encode("utf-8", "surrogatepass")
    if kind == "document":
        document = {
            "format": draw(st.one_of(st.just("ally-reminders"), hostile_text)),
            "version": draw(json_values(1)),
            "reminders": draw(st.lists(entries(), max_size=3)),
        }
        return json.dumps(document).encode("utf-8", "surrogatepass")
    if kind == "anything":
        return json.dumps(draw(json_values())).encode("utf-8", "surrogatepass")
    if kind == "deep":
        depth = draw(st.sampled_from([1000, 5000, 100_000]))
        opener = draw(st.sampled_from(["[", '{"a":']))
        closer = "]" if opener == "[" else "}"
        return (opener * depth + "1" + closer * depth).encode()
    if kind == "number":
        digits = draw(st.sampled_from([4301, 5000, 20_000]))
        return (
            f'[{{"text": "t", "next_due": "2027-01-05T18:00Z", "id": {"9" * digits}}}]'
        ).encode()
    return draw(st.binary(max_size=200))


@pytest.fixture(scope="module", autouse=True)
def tally() -> Iterator[None]:
    """How many inputs this run tried, and how they ended (printed with -s)."""
    yield
    print(f"\nfuzz: {dict(sorted(TALLY.items()))}")


@pytest.fixture(scope="module")
def template() -> Iterator[Path]:
    """A data file with a few reminders: one-off, repeating, snoozed, done, with a note."""
    folder = Path(tempfile.mkdtemp(prefix="ally-fuzz-template-"))
    env = {"ALLY_HOME": str(folder), "ALLY_NOW": NOW, "TZ": "Europe/London"}
    runner = CliRunner()
    for args in (
        ["remind", "add", "Check in with Sam", "--at", "sunday 6pm", "--every", "sunday"],
        ["remind", "add", "Call Mum", "--at", "now", "--about", "Mum"],
        ["remind", "add", "Take a walk", "--at", "tomorrow 8am", "--every", "3 days"],
        ["remind", "done", "2", "--note", "she sounded brighter"],
        ["remind", "snooze", "3", "--until", "2026-11-27 10:00"],
    ):
        result = runner.invoke(app, args, env=env)
        assert result.exit_code == 0, (args, result.stderr)
    yield folder / "ally.sqlite3"
    shutil.rmtree(folder)


class Home:
    """A fresh ALLY_HOME holding a copy of the template data file."""

    def __init__(self, template: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="ally-fuzz-"))
        self.folder.chmod(0o700)
        self.data = self.folder / "ally.sqlite3"
        shutil.copy2(template, self.data)
        self.before = self.stored()

    def env(self) -> dict[str, str]:
        return {"ALLY_HOME": str(self.folder), "ALLY_NOW": NOW, "TZ": "Europe/London"}

    def stored(self) -> bytes:
        """The data file's bytes and its WAL's, where changes land first."""
        wal = self.data.with_name(f"{self.data.name}-wal")
        return self.data.read_bytes() + b"\0WAL\0" + (wal.read_bytes() if wal.exists() else b"")

    def unchanged(self) -> bool:
        return self.stored() == self.before

    def remove(self) -> None:
        shutil.rmtree(self.folder)


READS = [
    ["remind", "list", "--all"],
    ["remind", "list", "--all", "--json"],
    ["remind", "due"],
    ["remind", "due", "--json"],
    ["remind", "export"],
    ["remind", "export", "--format", "ics"],
    ["remind", "export", "--format", "ics", "--private"],
]


def check_reads(home: Home) -> None:
    """What was stored can be shown, as text and JSON, and exported, and that changes nothing.

    And the export is a faithful backup: imported into an empty folder and
    exported again, it gives the same reminders.
    """
    home.before = home.stored()
    for args in READS:
        result = check(home, args, True)
        assert result.exit_code == 0, (args, result.stderr)
        if "--json" in args or (args[:2] == ["remind", "export"] and "ics" not in args):
            json.loads(result.stdout)
    exported = CliRunner().invoke(app, ["remind", "export"], env=home.env()).stdout
    elsewhere = Path(tempfile.mkdtemp(prefix="ally-fuzz-copy-"))
    try:
        env = {**home.env(), "ALLY_HOME": str(elsewhere)}
        restored = CliRunner().invoke(app, ["remind", "import", "-"], env=env, input=exported)
        assert restored.exit_code == 0, restored.stderr
        again = CliRunner().invoke(app, ["remind", "export"], env=env).stdout
        assert json.loads(again)["reminders"] == json.loads(exported)["reminders"]
    finally:
        shutil.rmtree(elsewhere)


def check(home: Home, args: list[str], reads_only: bool, stdin: bytes | None = None) -> Result:
    result = CliRunner().invoke(app, args, env=home.env(), input=stdin)
    TALLY["inputs"] += 1
    TALLY[f"exit {result.exit_code}"] += 1
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"ally {args!r} raised {result.exception!r}") from result.exception
    assert result.exit_code in DOCUMENTED, (args, result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr, (args, result.stderr)
    if result.exit_code != 0:
        lines = result.stderr.splitlines()
        assert lines and lines[-1].startswith("Error: "), (args, result.stderr)
        assert sum(line.startswith("Error: ") for line in lines) == 1, (args, result.stderr)
        assert home.unchanged(), f"ally {args!r} refused but changed the data file"
    if reads_only:
        assert home.unchanged(), f"ally {args!r} only reads but changed the data file"
    return result


@FUZZ
@given(command=commands())
def test_hostile_arguments(template: Path, command: tuple[list[str], bool]) -> None:
    args, reads_only = command
    home = Home(template)
    try:
        if check(home, args, reads_only).exit_code == 0 and not reads_only:
            check_reads(home)
    finally:
        home.remove()


@FUZZ
@given(content=import_files(), from_stdin=st.booleans())
def test_hostile_import_files(template: Path, content: bytes, from_stdin: bool) -> None:
    home = Home(template)
    try:
        if from_stdin:
            result = check(home, ["remind", "import", "-"], False, stdin=content)
        else:
            source = home.folder / "import.json"
            source.write_bytes(content)
            result = check(home, ["remind", "import", str(source)], False)
        if result.exit_code == 0:
            TALLY["imported"] += 1
            check_reads(home)
    finally:
        home.remove()


# Times the fuzzing above leaves out, because another change owns them (the time
# parser's range checks). Kept here so the run shows when they pass: then drop the
# marker and put the strings back into NASTY.
OWNED_BY_THE_TIME_PARSER = [
    ("remind", "add", "x", "--at", "in 100000000 hours"),
    ("remind", "add", "x", "--at", "in 99999999999999999999 minutes"),
    ("remind", "add", "x", "--at", "0001-01-01T00:00+14:00", "--dry-run"),
    ("remind", "edit", "1", "--at", "9999-12-31 23:59"),
    ("remind", "snooze", "1", "--until", "in 99999999999999999999 minutes"),
]


@pytest.mark.parametrize("args", OWNED_BY_THE_TIME_PARSER)
def test_out_of_range_times_are_refused(template: Path, args: tuple[str, ...]) -> None:
    home = Home(template)
    try:
        check(home, list(args), False)
    finally:
        home.remove()
