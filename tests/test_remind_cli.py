"""`ally remind` as a user and their scripts see it (in-process, output piped)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from conftest import assert_golden, invoke

NOW = "2026-11-25T21:50:00+00:00"  # a Wednesday evening in London


@pytest.fixture(autouse=True)
def london_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLY_NOW", NOW)
    monkeypatch.setenv("TZ", "Europe/London")


def at_time(moment: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLY_NOW", moment)


def add(*args: str) -> None:
    result = invoke("remind", "add", *args)
    assert result.exit_code == 0, result.stderr


def one_error_line(result: object, code: int) -> str:
    assert result.exit_code == code, result.stdout  # type: ignore[attr-defined]
    err: str = result.stderr  # type: ignore[attr-defined]
    assert err.startswith("Error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


# Adding, and how the time was read.


def test_add_echoes_how_it_read_the_time_then_saves(ally_home: Path) -> None:
    result = invoke(
        "remind",
        "add",
        "Check in with Sam",
        "--at",
        "sunday 6pm",
        "--every",
        "sunday",
        "--about",
        "Sam",
    )
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "When: Sun 29 Nov 2026 18:00 GMT" in out
    assert "Repeats: every sunday" in out and "FREQ=WEEKLY;BYDAY=SU" in out
    assert "Then: Sun 6 Dec 2026 18:00 GMT, Sun 13 Dec 2026 18:00 GMT" in out
    assert out.index("When:") < out.index("Saved as reminder 1")
    assert stat.S_IMODE((ally_home / "ally.sqlite3").stat().st_mode) == 0o600


def test_add_explains_its_choices(ally_home: Path) -> None:
    out = invoke("remind", "add", "Call", "--at", "next friday").stdout
    assert "When: Fri 27 Nov 2026 09:00 GMT" in out
    assert "coming Friday" in out and "no time given, so 09:00" in out


def test_add_in_another_zone_shows_that_zone(ally_home: Path) -> None:
    out = invoke(
        "remind",
        "add",
        "Call Mum",
        "--at",
        "2027-03-14 18:00",
        "--every",
        "week",
        "--tz",
        "America/New_York",
    ).stdout
    assert "When: Sun 14 Mar 2027 18:00 EDT" in out
    assert "Then: Sun 21 Mar 2027 18:00 EDT" in out


def test_machine_zone_comes_from_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    out = invoke("remind", "add", "x", "--at", "2027-01-05 18:00", "--dry-run").stdout
    assert "Tue 5 Jan 2027 18:00 EST" in out


def test_dry_run_saves_nothing(ally_home: Path) -> None:
    result = invoke("remind", "add", "x", "--at", "tomorrow 6pm", "--dry-run")
    assert result.exit_code == 0 and "Not saved" in result.stdout
    assert not ally_home.exists()


def test_add_json_prints_the_saved_reminder() -> None:
    result = invoke("remind", "add", "x", "--at", "tomorrow 6pm", "--about", "Sam", "--json")
    shape = json.loads(result.stdout)
    assert shape["id"] == 1 and shape["about"] == "Sam"
    assert shape["next_due"] == "2026-11-26T18:00:00+00:00"
    assert shape["every"] is None and shape["rrule"] is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--at", "blah"), "cannot read 'blah'"),
        (("--at", "yesterday 6pm"), "in the past (read as Tue 24 Nov 2026 18:00 GMT)"),
        (("--at", "tomorrow", "--every", "sometimes"), "unknown repeat rule"),
        (("--at", "tomorrow", "--every", "hour"), "at most once a day"),
        (("--at", "tomorrow", "--from-done"), "needs a repeat"),
        (("--at", "tomorrow", "--tz", "Mars/Base"), "unknown time zone"),
        (("--at", "1/2/2027"), "ambiguous"),
    ],
)
def test_refused_input_is_one_line_exit_2_and_creates_no_file(
    ally_home: Path, args: tuple[str, ...], message: str
) -> None:
    err = one_error_line(invoke("remind", "add", "Check in", *args), 2)
    assert message in err
    assert not ally_home.exists()


def test_empty_text_is_refused(ally_home: Path) -> None:
    one_error_line(invoke("remind", "add", "  ", "--at", "tomorrow"), 2)
    assert not ally_home.exists()


def test_at_now_is_accepted_and_due_at_once() -> None:
    add("Breathe", "--at", "now")
    assert "Breathe" in invoke("remind", "due").stdout


# Read-only commands never create the file.


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("list", "--json"),
        ("list", "--all"),
        ("due",),
        ("due", "--quiet"),
        ("due", "--json"),
        ("path",),
        ("export",),
        ("export", "--format", "ics"),
        ("hook", "bash"),
    ],
)
def test_read_only_commands_create_nothing(ally_home: Path, args: tuple[str, ...]) -> None:
    result = invoke("remind", *args)
    assert result.exit_code == 0, result.stderr
    assert not ally_home.exists()


def test_path_prints_where_the_data_lives(ally_home: Path) -> None:
    assert invoke("remind", "path").stdout == f"{ally_home / 'ally.sqlite3'}\n"


# Listing.


def fill() -> None:
    add("Check in with Sam", "--at", "sunday 6pm", "--every", "sunday", "--about", "Sam")
    add("Pay the rent", "--at", "2027-01-31 09:00", "--every", "month")
    add("Take a walk", "--at", "tomorrow 8am", "--every", "3 days", "--from-done")
    add("Ask Alex how the interview went", "--at", "friday 7pm", "--about", "alex")
    add("Book the GP", "--at", "tomorrow 10am")
    assert invoke("remind", "done", "5").exit_code == 0


def test_list_matches_the_golden_file() -> None:
    fill()
    result = invoke("remind", "list", "--all")
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert_golden("remind_list.txt", result.stdout)


def test_list_shows_open_reminders_soonest_first() -> None:
    fill()
    out = invoke("remind", "list").stdout
    order = ["Take a walk", "Ask Alex", "Check in with Sam", "Pay the rent"]
    assert [out.index(text) for text in order] == sorted(out.index(text) for text in order)
    assert "Book the GP" not in out


def test_list_about_is_case_insensitive() -> None:
    fill()
    out = invoke("remind", "list", "--about", "ALEX").stdout
    assert "Ask Alex" in out and "Check in with Sam" not in out
    assert "No reminders about Nobody" in invoke("remind", "list", "--about", "Nobody").stdout


def test_list_json_has_the_contract_keys() -> None:
    fill()
    items = json.loads(invoke("remind", "list", "--json", "--all").stdout)
    assert [i["id"] for i in items] == [3, 4, 1, 2, 5]
    sam = items[2]
    assert sam["text"] == "Check in with Sam" and sam["about"] == "Sam"
    assert (sam["every"], sam["rrule"]) == ("sunday", "FREQ=WEEKLY;BYDAY=SU")
    assert sam["next_due"] == "2026-11-29T18:00:00+00:00"
    assert sam["timezone"] == "Europe/London" and sam["from_done"] is False
    assert sam["created"] == NOW and isinstance(sam["uid"], str) and sam["done"] == []
    gp = items[4]
    assert gp["status"] == "done" and gp["next_due"] is None
    assert gp["done"] == [{"at": NOW, "note": None, "due": "2026-11-26T10:00:00+00:00"}]


# Due.


def test_nothing_due_says_so_and_quiet_says_nothing() -> None:
    add("Check in", "--at", "sunday 6pm")
    assert invoke("remind", "due").stdout.startswith("Nothing due. Next: Sun 29 Nov")
    quiet = invoke("remind", "due", "--quiet")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")


def test_missed_reminders_collapse_into_one_line_each(monkeypatch: pytest.MonkeyPatch) -> None:
    add("Water the plants", "--at", "tomorrow 9am", "--every", "day")
    add("Check in with Sam", "--at", "sunday 6pm", "--every", "sunday", "--about", "Sam")
    at_time("2026-12-14T10:00:00+00:00", monkeypatch)  # back from two weeks away
    result = invoke("remind", "due", "--quiet")
    lines = result.stdout.splitlines()
    assert lines[0] == "ally: 2 reminders due"
    assert lines[1:3] == [
        "  1  Water the plants: due Mon 14 Dec 2026 09:00 GMT, missed 18 times",
        "  2  Check in with Sam (about Sam): due Sun 13 Dec 2026 18:00 GMT, missed 2 times",
    ]
    items = json.loads(invoke("remind", "due", "--json").stdout)
    assert [(i["id"], i["missed"]) for i in items] == [(1, 18), (2, 2)]
    assert items[0]["due_since"] == "2026-12-14T09:00:00+00:00"
    # Done once moves past all of them.
    assert "Next: Tue 15 Dec 2026 09:00 GMT" in invoke("remind", "done", "1").stdout


# Done, snooze, skip, edit, remove.


def test_done_moves_a_repeat_on_and_finishes_a_one_off() -> None:
    add("Check in with Sam", "--at", "sunday 6pm", "--every", "sunday")
    add("Book the GP", "--at", "tomorrow 10am")
    out = invoke("remind", "done", "1", "--note", "she sounded brighter").stdout
    assert out == "Done: Check in with Sam. Next: Sun 6 Dec 2026 18:00 GMT\n"
    assert "finished" in invoke("remind", "done", "2").stdout
    assert "already done" in one_error_line(invoke("remind", "done", "2"), 1)
    history = json.loads(invoke("remind", "list", "--json").stdout)[0]["done"]
    assert history[0]["note"] == "she sounded brighter"


def test_missing_ids_are_not_found_with_exit_1(ally_home: Path) -> None:
    for args in (
        ("done", "7"),
        ("skip", "7"),
        ("remove", "7"),
        ("edit", "7", "x"),
        ("snooze", "7", "--until", "tomorrow"),
    ):
        assert "no reminder 7" in one_error_line(invoke("remind", *args), 1)
    assert not ally_home.exists()
    add("x", "--at", "tomorrow")
    assert "no reminder 7" in one_error_line(invoke("remind", "done", "7"), 1)


def test_snooze_then_due_later(monkeypatch: pytest.MonkeyPatch) -> None:
    add("Check in with Sam", "--at", "sunday 6pm", "--every", "sunday")
    at_time("2026-11-29T18:10:00+00:00", monkeypatch)
    assert "Check in with Sam" in invoke("remind", "due").stdout
    out = invoke("remind", "snooze", "1", "--until", "in 2 hours").stdout
    assert out == "Snoozed: Check in with Sam. Back Sun 29 Nov 2026 20:10 GMT\n"
    assert invoke("remind", "due", "--quiet").stdout == ""
    at_time("2026-11-29T20:10:00+00:00", monkeypatch)
    assert "Check in with Sam" in invoke("remind", "due").stdout
    bad = invoke("remind", "snooze", "1", "--until", "yesterday")
    assert "not in the future" in one_error_line(bad, 2)


def test_skip_and_remove() -> None:
    add("Check in with Sam", "--at", "sunday 6pm", "--every", "sunday")
    assert "Next: Sun 6 Dec 2026" in invoke("remind", "skip", "1").stdout
    assert invoke("remind", "remove", "1").stdout == "Removed reminder 1: Check in with Sam\n"
    assert json.loads(invoke("remind", "list", "--json", "--all").stdout) == []


def test_edit_changes_only_what_is_asked() -> None:
    add("Check in with Sam", "--at", "sunday 6pm", "--every", "sunday", "--about", "Sam")
    result = invoke(
        "remind",
        "edit",
        "1",
        "Call Sam",
        "--at",
        "saturday 10am",
        "--every",
        "saturday",
        "--from-done",
    )
    assert result.exit_code == 0, result.stderr
    [item] = json.loads(invoke("remind", "list", "--json").stdout)
    assert item["text"] == "Call Sam" and item["about"] == "Sam"
    assert item["next_due"] == "2026-11-28T10:00:00+00:00" and item["from_done"] is True
    invoke("remind", "edit", "1", "--about", "", "--fixed", "--once")
    [item] = json.loads(invoke("remind", "list", "--json").stdout)
    assert item["about"] is None and item["every"] is None and item["from_done"] is False
    one_error_line(invoke("remind", "edit", "1"), 2)
    one_error_line(invoke("remind", "edit", "1", "--once", "--every", "day"), 2)


# User text is data, never markup or terminal control.

NASTY = "[bold]x[/bold] \x1b[31mred\x1b[0m"


@pytest.mark.parametrize("force_color", [False, True])
def test_markup_and_escapes_in_user_text_are_shown_literally(
    monkeypatch: pytest.MonkeyPatch, force_color: bool
) -> None:
    if force_color:
        monkeypatch.setenv("FORCE_COLOR", "1")
    add(NASTY, "--at", "now", "--about", "[red]Sam[/red]")
    for args in (("list",), ("due",), ("done", "1")):
        out = invoke("remind", *args).stdout
        assert "[bold]x[/bold]" in out, out
        assert "\x1b[31mred" not in out
        if args[0] != "done":
            assert "[red]Sam[/red]" in out


# Export and import.


def test_export_json_then_import_twice_duplicates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill()
    target = tmp_path / "backup.json"
    result = invoke("remind", "export", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    monkeypatch.setenv("ALLY_HOME", str(tmp_path / "elsewhere"))
    assert "5 added" in invoke("remind", "import", str(target)).stdout
    assert "5 unchanged" in invoke("remind", "import", str(target)).stdout
    again = invoke("remind", "export").stdout
    assert json.loads(again)["reminders"] == json.loads(target.read_text())["reminders"]


def test_export_ics_to_stdout_and_private(tmp_path: Path) -> None:
    fill()
    data = invoke("remind", "export", "--format", "ics").stdout_bytes.decode()
    assert data.startswith("BEGIN:VCALENDAR\r\n") and data.count("BEGIN:VEVENT") == 4
    private = invoke("remind", "export", "--format", "ics", "--private").stdout_bytes.decode()
    assert "Sam" not in private and "SUMMARY:Reminder\r\n" in private
    one_error_line(invoke("remind", "export", "--private"), 2)


def test_import_refuses_bad_files_and_writes_nothing(ally_home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("BEGIN:VCALENDAR\n")
    assert "not JSON" in one_error_line(invoke("remind", "import", str(bad)), 2)
    half = tmp_path / "half.json"
    half.write_text(json.dumps([{"text": "ok", "next_due": "2027-01-05T18:00:00Z"}, {"x": 1}]))
    assert "entry 2" in one_error_line(invoke("remind", "import", str(half)), 2)
    one_error_line(invoke("remind", "import", str(tmp_path / "missing.json")), 2)
    assert not ally_home.exists()


def test_import_from_stdin() -> None:
    entry = [{"text": "From a script", "next_due": "2027-01-05T18:00:00Z"}]
    result = invoke("remind", "import", "-", input=json.dumps(entry))
    assert "1 added" in result.stdout


# Delivery: hooks, timers, notifications.


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_posix_hooks_are_valid_and_harmless_without_ally(shell: str, tmp_path: Path) -> None:
    snippet = invoke("remind", "hook", shell).stdout
    assert "ally remind due --quiet" in snippet and "command -v ally" in snippet
    rc = tmp_path / "rc"
    rc.write_text(snippet)
    assert subprocess.run(["bash", "-n", str(rc)], check=False).returncode == 0
    # An interactive shell with no ally anywhere on PATH: silent, and it carries on.
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    bash = shutil.which("bash")
    assert bash is not None
    run = subprocess.run(
        [bash, "--norc", "-i", "-c", f"source {rc}; echo still-here"],
        env={"PATH": str(empty), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0
    assert run.stdout == "still-here\n"


def test_fish_hook_guards_against_a_missing_ally() -> None:
    snippet = invoke("remind", "hook", "fish").stdout
    assert "command -q ally" in snippet and "status is-interactive" in snippet
    assert "ally remind due --quiet" in snippet


def test_systemd_units_and_cron_line() -> None:
    both = invoke("remind", "hook", "systemd").stdout
    for part in (
        "[Service]",
        "Type=oneshot",
        "remind notify",
        "[Timer]",
        "OnCalendar=",
        "Persistent=true",
        "WantedBy=timers.target",
        "systemctl --user enable --now",
    ):
        assert part in both
    service = invoke("remind", "hook", "systemd-service", "--hide-text").stdout
    assert service.startswith("[Unit]") and "remind notify --hide-text" in service
    assert invoke("remind", "hook", "systemd-timer").stdout.startswith("[Unit]")
    cron = invoke("remind", "hook", "cron").stdout
    assert "*/5 * * * *" in cron and "DBUS_SESSION_BUS_ADDRESS=" in cron
    assert invoke("remind", "hook", "tcsh").exit_code == 2


def fake_notify_send(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int = 0) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    log = tmp_path / "notify.log"
    script = folder / "notify-send"
    script.write_text(
        f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done >> "{log}"\n'
        f'echo "---" >> "{log}"\nexit {code}\n'
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return log


def test_notify_sends_each_occurrence_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = fake_notify_send(tmp_path, monkeypatch)
    add("Check <b>in</b> & see", "--at", "sunday 6pm", "--every", "sunday", "--about", "Sam")
    assert invoke("remind", "notify").stdout == ""  # nothing due yet
    at_time("2026-11-29T18:02:00+00:00", monkeypatch)
    assert invoke("remind", "notify").stdout == "Sent 1 reminder.\n"
    assert invoke("remind", "notify").stdout == ""  # not again for the same occurrence
    sent = log.read_text()
    assert sent.count("---") == 1
    assert "Check &lt;b&gt;in&lt;/b&gt; &amp; see" in sent  # servers read markup: escaped
    assert "About: Sam" in sent
    # Not done, and the next Sunday has come: that is a new occurrence, so it is sent.
    at_time("2026-12-06T18:02:00+00:00", monkeypatch)
    assert invoke("remind", "notify").stdout == "Sent 1 reminder.\n"
    assert invoke("remind", "notify").stdout == ""


def test_notify_hide_text_says_only_how_many(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = fake_notify_send(tmp_path, monkeypatch)
    add("Check in with Sam", "--at", "now", "--about", "Sam")
    invoke("remind", "notify", "--hide-text")
    sent = log.read_text()
    assert "Sam" not in sent and "1 reminder due" in sent


def test_notify_without_notify_send_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert "notify-send was not found" in one_error_line(invoke("remind", "notify"), 1)


def test_a_failing_notify_send_is_reported_and_retried_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_notify_send(tmp_path, monkeypatch, code=1)
    add("x", "--at", "now")
    one_error_line(invoke("remind", "notify"), 1)
    fake_notify_send(tmp_path, monkeypatch, code=0)
    assert invoke("remind", "notify").stdout == "Sent 1 reminder.\n"


# Generated timers for ally installed in an odd place (issue 11, item 15).

ODD_FOLDERS = ["with space", "100% sure", "cost $HOME", "it's \\ here", "50%$d"]


def cron_command(line: str) -> tuple[str, str]:
    """What cron runs for a crontab line, and its stdin (crontab(5), as vixie cron/cronie do).

    An unescaped % ends the command (the rest is stdin, % as newlines); a backslash
    before % or another backslash is removed.
    """
    command = line.split(None, 5)[5]
    out, escaped = [], False
    for at, char in enumerate(command):
        if escaped:
            if char not in "%\\":
                out.append("\\")
            out.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "%":
            return "".join(out), command[at + 1 :].replace("%", "\n")
        else:
            out.append(char)
    return "".join(out), ""


def echo_args_program(folder: Path) -> Path:
    folder.mkdir(parents=True)
    program = folder / "ally"
    program.write_text('#!/bin/sh\nprintf "%s\\n" "$@"\n')
    program.chmod(0o755)
    return program


@pytest.mark.parametrize("odd", ODD_FOLDERS)
def test_the_cron_line_runs_ally_from_an_odd_folder(tmp_path: Path, odd: str) -> None:
    from ally.reminders.delivery import cron_line

    program = echo_args_program(tmp_path / odd)
    line = next(x for x in cron_line([str(program)], 1000).splitlines() if not x.startswith("#"))
    command, stdin = cron_command(line)
    assert stdin == ""
    command = command.replace(">/dev/null 2>&1", "")
    run = subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["remind", "notify"]


def systemd_exec(unit: str) -> list[str]:
    """ExecStart as systemd reads it: %% is %, then quoted words; $$ is $ after the first word."""
    import shlex

    line = next(x for x in unit.splitlines() if x.startswith("ExecStart="))
    words = shlex.split(line.removeprefix("ExecStart=").replace("%%", "%"))
    return [words[0], *(w.replace("$$", "$") for w in words[1:])]


@pytest.mark.parametrize("odd", ODD_FOLDERS)
def test_the_systemd_service_runs_ally_from_an_odd_folder(tmp_path: Path, odd: str) -> None:
    from ally.reminders.delivery import systemd_service

    program = echo_args_program(tmp_path / odd)
    unit = systemd_service([str(program), "--flag=$x%y"], hide_text=True)
    assert systemd_exec(unit) == [str(program), "--flag=$x%y", "remind", "notify", "--hide-text"]
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        return
    units = tmp_path / "units"
    units.mkdir()
    (units / "ally-remind.service").write_text(unit)
    check = subprocess.run(
        [analyze, "verify", "--man=no", str(units / "ally-remind.service")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "not executable" not in check.stderr, check.stderr


def test_a_path_with_a_line_break_gets_no_timer(tmp_path: Path) -> None:
    from ally.errors import AllyError
    from ally.reminders.delivery import cron_line, systemd_service

    for make in (lambda argv: cron_line(argv, 1000), systemd_service):
        with pytest.raises(AllyError, match="line break"):
            make([str(tmp_path / "two\nlines" / "ally")])


def test_hook_cron_from_an_odd_folder_names_that_ally(tmp_path: Path) -> None:
    """The installed script's own path goes into the line, escaped for cron."""
    import sys

    from ally.reminders.delivery import cron_line

    folder = tmp_path / "100% $HOME"
    folder.mkdir()
    script = folder / "ally"
    script.write_text(f"#!{sys.executable}\nfrom ally.cli import main\nmain()\n")
    script.chmod(0o755)
    from conftest import python_env

    for kind in ("cron", "systemd-service"):
        run = subprocess.run(
            [str(script), "remind", "hook", kind],
            env=python_env(tmp_path / "home"),
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 0, run.stderr
        if kind == "cron":
            assert run.stdout == cron_line([str(script)], os.getuid())
        else:
            assert systemd_exec(run.stdout)[:3] == [str(script), "remind", "notify"]


# notify-send reads its arguments with GLib's option parser: anything that looks like
# an option before "--" is one ("Unknown option - call Mum"), anywhere on the line.
GOPTION_NOTIFY_SEND = """\
#!{python}
import sys
takes_value = {{"-u", "--urgency", "-t", "--expire-time", "-a", "--app-name", "-i", "--icon",
    "-c", "--category", "-h", "--hint", "-r", "--replace-id", "-A", "--action"}}
flags = {{"-e", "--transient", "-p", "--print-id", "-w", "--wait", "-v", "--version"}}
args, options, plain = sys.argv[1:], [], []
while args:
    arg = args.pop(0)
    if plain is None or arg == "-" or not arg.startswith("-"):
        (plain if plain is not None else rest).append(arg)
    elif arg == "--":
        rest, plain = plain, None
    else:
        name = arg.split("=", 1)[0]
        if name in takes_value:
            options.append("OPTION " + (arg if "=" in arg else f"{{arg}}={{args.pop(0)}}"))
        elif name not in flags:
            sys.stderr.write(f"Unknown option {{arg}}\\n")
            sys.exit(1)
positional = rest if plain is None else plain
with open({log!r}, "a") as log:
    log.write("\\n".join([*options, *positional, "---"]) + "\\n")
sys.exit(1 if any("boom" in p for p in positional) else 0)
"""


def goption_notify_send(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in that parses its arguments as notify-send does and fails on "boom"."""
    import sys

    folder = tmp_path / "goption-bin"
    folder.mkdir(exist_ok=True)
    log = tmp_path / "notify.log"
    script = folder / "notify-send"
    script.write_text(GOPTION_NOTIFY_SEND.format(python=sys.executable, log=str(log)))
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return log


@pytest.mark.parametrize("text", ["- call Mum", "--icon=/etc/passwd", "-u critical", "--"])
def test_notify_shows_text_that_looks_like_an_option_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    log = goption_notify_send(tmp_path, monkeypatch)
    add("--at", "now", "--", text)
    result = invoke("remind", "notify")
    assert result.exit_code == 0, result.stderr
    sent = log.read_text().splitlines()
    assert text in sent  # the first line of the body, as given
    assert [line for line in sent if line.startswith("OPTION")] == ["OPTION --app-name=ally"]


def test_one_failing_notification_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = goption_notify_send(tmp_path, monkeypatch)
    add("boom goes the first", "--at", "now")
    add("Call Mum", "--at", "now")
    add("Take a walk", "--at", "now")
    result = invoke("remind", "notify")
    err = one_error_line(result, 1)
    assert "reminder 1" in err and "1 of 3" in err
    assert result.stdout == "Sent 2 reminders.\n"
    sent = log.read_text()
    assert "Call Mum" in sent and "Take a walk" in sent
    # The two that went out are not sent again; the failed one is tried again.
    log.write_text("")
    result = invoke("remind", "notify")
    assert result.exit_code == 1 and result.stdout == ""
    assert "boom goes the first" in log.read_text() and "Call Mum" not in log.read_text()


@pytest.mark.skipif(shutil.which("notify-send") is None, reason="needs the real notify-send")
@pytest.mark.parametrize("text", ["- call Mum", "--icon=/etc/passwd"])
def test_the_real_notify_send_reads_the_text_as_text(tmp_path: Path, text: str) -> None:
    """Without a desktop, the real notify-send gets as far as the session bus, not an option."""
    from ally.reminders.delivery import Notification, notification_argv

    program = shutil.which("notify-send")
    assert program is not None
    argv = notification_argv(Notification(text, f"{text} body"), program)
    env = {"PATH": os.environ["PATH"], "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/none"}
    run = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    assert "Unknown option" not in run.stderr, run.stderr
    assert "No summary" not in run.stderr, run.stderr


# The environment.


def test_a_bad_ally_now_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLY_NOW", "last tuesday")
    assert "ALLY_NOW" in one_error_line(invoke("remind", "due"), 2)


@pytest.mark.parametrize(
    "command",
    [
        "add",
        "list",
        "due",
        "done",
        "snooze",
        "skip",
        "edit",
        "remove",
        "export",
        "import",
        "hook",
        "notify",
        "path",
    ],
)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = invoke("remind", command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_export_to_a_missing_folder_is_one_error_line(tmp_path: Path) -> None:
    add("x", "--at", "tomorrow")
    result = invoke("remind", "export", "-o", str(tmp_path / "no" / "such" / "x.json"))
    assert "cannot write" in one_error_line(result, 1)


@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        ("America/New_York", "America/New_York"),
        (":Europe/Paris", "Europe/Paris"),
        ("/usr/share/zoneinfo/Asia/Tokyo", "Asia/Tokyo"),
    ],
)
def test_the_machine_zone_is_read_from_tz(
    monkeypatch: pytest.MonkeyPatch, tz: str, expected: str
) -> None:
    from ally.cli.remind import local_zone

    monkeypatch.setenv("TZ", tz)
    assert local_zone() == expected


def test_without_tz_the_system_zone_is_used_or_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    from ally.cli.remind import local_zone

    monkeypatch.delenv("TZ")
    monkeypatch.setattr(os, "readlink", lambda _path: "/usr/share/zoneinfo/Europe/Berlin")
    assert local_zone() == "Europe/Berlin"

    def no_link(_path: str) -> str:
        raise OSError("not a link")

    monkeypatch.setattr(os, "readlink", no_link)
    assert local_zone() == "UTC"


@pytest.mark.parametrize(
    ("tz", "zone", "offset"),
    [
        ("EST+5", "Etc/GMT+5", "-05:00"),
        ("<+03>-3", "Etc/GMT-3", "+03:00"),
        ("UTC0", "UTC", "+00:00"),
        ("<+14>-14", "Etc/GMT-14", "+14:00"),  # Kiribati's Line Islands
        ("<-12>12", "Etc/GMT+12", "-12:00"),
    ],
)
def test_a_posix_tz_with_a_fixed_whole_hour_offset_is_that_offset_and_said(
    monkeypatch: pytest.MonkeyPatch, tz: str, zone: str, offset: str
) -> None:
    monkeypatch.setenv("TZ", tz)
    result = invoke("remind", "add", "x", "--at", "2027-01-05 18:00", "--json")
    assert result.exit_code == 0, result.stderr
    shape = json.loads(result.stdout)
    assert shape["timezone"] == zone
    assert shape["next_due"] == f"2027-01-05T18:00:00{offset}"
    assert tz in result.stderr and "no clock changes" in result.stderr


@pytest.mark.parametrize(
    "tz",
    ["<+0530>-5:30", "EST+5EDT,M3.2.0,M11.1.0", "Not/AZone", "Europe", "+5", "<+15>-15"],
)
def test_a_tz_ally_cannot_keep_is_refused_never_silently_utc(
    ally_home: Path, monkeypatch: pytest.MonkeyPatch, tz: str
) -> None:
    monkeypatch.setenv("TZ", tz)
    err = one_error_line(invoke("remind", "add", "x", "--at", "2027-01-05 18:00"), 2)
    assert "TZ" in err and "--tz" in err
    assert not ally_home.exists()
    # --tz settles it.
    ok = invoke("remind", "add", "x", "--at", "2027-01-05 18:00", "--tz", "Asia/Kolkata", "--json")
    assert json.loads(ok.stdout)["next_due"] == "2027-01-05T18:00:00+05:30"


def test_a_naive_ally_now_is_read_in_the_machine_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLY_NOW", "2026-07-01T12:00:00")
    from ally.cli.remind import now_from_env

    assert now_from_env().isoformat() == "2026-07-01T11:00:00+00:00"  # BST


@pytest.mark.parametrize("zone", ["Europe", "Not/AZone", "../../etc/passwd"])
def test_bad_zone_names_are_usage_errors(zone: str) -> None:
    assert "unknown time zone" in one_error_line(
        invoke("remind", "add", "x", "--at", "tomorrow", "--tz", zone), 2
    )


@pytest.mark.parametrize("bad_id", ["0", "-3", "99999999999999999999", "seven"])
def test_an_id_that_cannot_exist_is_a_usage_error(ally_home: Path, bad_id: str) -> None:
    for command in ("done", "skip", "remove"):
        result = invoke("remind", command, bad_id)
        assert result.exit_code == 2
        assert result.stderr.startswith("Error: ")
        assert result.stderr.count("\n") == 1
    assert not ally_home.exists()


# The repeated hour: when the clocks go back, 01:00-02:00 happens twice.

REPEATED_HOUR = [
    # zone, now (the second 01:10), that zone's offset in the second hour
    ("America/New_York", "2027-11-07T06:10:00+00:00", "-05:00"),
    ("Europe/London", "2027-10-31T01:10:00+00:00", "+00:00"),
]


@pytest.mark.parametrize(("zone", "now", "offset"), REPEATED_HOUR)
@pytest.mark.parametrize(
    ("at", "due"),
    [("now", "01:10"), ("in 30 minutes", "01:40"), ("1:50am", "01:50")],
)
def test_times_in_the_second_of_a_repeated_hour_are_not_in_the_past(
    monkeypatch: pytest.MonkeyPatch, zone: str, now: str, offset: str, at: str, due: str
) -> None:
    monkeypatch.setenv("TZ", zone)
    at_time(now, monkeypatch)
    result = invoke("remind", "add", "x", "--at", at, "--json")
    assert result.exit_code == 0, result.stderr
    day = now[:10]
    assert json.loads(result.stdout)["next_due"] == f"{day}T{due}:00{offset}"
    # Stored as that instant: read back the same, and not due an hour early.
    [item] = json.loads(invoke("remind", "list", "--json").stdout)
    assert item["next_due"] == f"{day}T{due}:00{offset}"


@pytest.mark.parametrize(("zone", "now", "offset"), REPEATED_HOUR)
def test_an_explicit_offset_in_the_repeated_hour_is_kept(
    monkeypatch: pytest.MonkeyPatch, zone: str, now: str, offset: str
) -> None:
    monkeypatch.setenv("TZ", zone)
    at_time(now, monkeypatch)
    day = now[:10]
    add("x", "--at", f"{day}T01:30{offset}")
    [item] = json.loads(invoke("remind", "list", "--json").stdout)
    assert item["next_due"] == f"{day}T01:30:00{offset}"
    assert invoke("remind", "due", "--quiet").stdout == ""  # not due an hour early
    at_time(f"{day}T01:30:00{offset}", monkeypatch)
    assert "x" in invoke("remind", "due").stdout


@pytest.mark.parametrize(("zone", "now", "offset"), REPEATED_HOUR)
def test_snooze_in_the_repeated_hour_counts_on_the_clock(
    monkeypatch: pytest.MonkeyPatch, zone: str, now: str, offset: str
) -> None:
    monkeypatch.setenv("TZ", zone)
    at_time(now, monkeypatch)
    add("x", "--at", "now")
    result = invoke("remind", "snooze", "1", "--until", "in 20 minutes", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["next_due"] == f"{now[:10]}T01:30:00{offset}"


def test_the_second_of_a_repeated_hour_survives_export_and_import(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    at_time("2027-11-07T06:10:00+00:00", monkeypatch)
    add("x", "--at", "2027-11-07T01:30-05:00")
    target = tmp_path / "backup.json"
    invoke("remind", "export", "-o", str(target))
    [exported] = json.loads(target.read_text())["reminders"]
    assert exported["due_local"] == "2027-11-07T01:30:00-05:00"
    monkeypatch.setenv("ALLY_HOME", str(tmp_path / "elsewhere"))
    assert "1 added" in invoke("remind", "import", str(target)).stdout
    [item] = json.loads(invoke("remind", "list", "--json").stdout)
    assert item["next_due"] == "2027-11-07T01:30:00-05:00"


@pytest.mark.parametrize(
    "rrule", ["FREQ=DAILY;INTERVAL=0", "FREQ=DAILY;INTERVAL=-1", "", "FREQ=DAILY;COUNT=0"]
)
def test_import_refuses_a_rule_that_cannot_move_on(
    ally_home: Path, tmp_path: Path, rrule: str
) -> None:
    entry = [{"text": "t", "next_due": "2027-01-05T18:00:00Z", "rrule": rrule}]
    result = invoke("remind", "import", "-", input=json.dumps(entry))
    assert "entry 1" in one_error_line(result, 2)
    assert not ally_home.exists()


# Times outside the years ally keeps (1900-2200) are refused in one line.


@pytest.mark.parametrize(
    "args",
    [
        ("--at", "in 100000000 hours"),
        ("--at", "in 99999999999999999999 minutes"),
        ("--at", "in 99999999 days"),
        ("--at", "in 9999999 months"),
        ("--at", "in 250 years"),
        ("--at", "9999-12-30", "--every", "week"),
        ("--at", "9999-12-31T23:59+14:00"),
        ("--at", "2201-01-01"),
    ],
)
def test_times_beyond_2200_are_refused_saying_the_range(
    ally_home: Path, args: tuple[str, ...]
) -> None:
    err = one_error_line(invoke("remind", "add", "x", *args), 2)
    assert "1900 to 2200" in err
    assert not ally_home.exists()


def test_edit_to_a_time_beyond_2200_is_refused() -> None:
    add("x", "--at", "tomorrow")
    assert "1900 to 2200" in one_error_line(invoke("remind", "edit", "1", "--at", "9999-12-31"), 2)


@pytest.mark.parametrize(
    "entry",
    [
        {"text": "t", "next_due": "0001-01-01T00:00+14:00"},
        {"text": "t", "next_due": "9999-12-31T18:00:00Z", "rrule": "FREQ=WEEKLY"},
        {"text": "t", "due_local": "9999-12-31T23:59:59", "timezone": "Pacific/Kiritimati"},
        {"text": "t", "next_due": "2027-01-05T18:00:00Z", "created": "0001-01-01T00:00+14:00"},
    ],
)
def test_import_refuses_times_outside_the_years_ally_keeps(
    ally_home: Path, entry: dict[str, str]
) -> None:
    result = invoke("remind", "import", "-", input=json.dumps([entry]))
    assert "1900 to 2200" in one_error_line(result, 2)
    assert not ally_home.exists()


# Silent misreads, as a user sees them.


@pytest.mark.parametrize(
    ("at", "shown", "note"),
    [
        ("at 6", "Thu 26 Nov 2026 06:00 GMT", "say 6pm for the other"),
        ("sunday 6", "Sun 29 Nov 2026 06:00 GMT", "say 6pm for the other"),
        ("saturday 7", "Sat 28 Nov 2026 07:00 GMT", "say 7pm for the other"),
        ("friday 3", "Fri 27 Nov 2026 03:00 GMT", "say 3pm for the other"),
        ("in ½ hour", "Wed 25 Nov 2026 22:20 GMT", None),
        ("tonight", "Wed 25 Nov 2026 22:00 GMT", "later tonight"),
    ],
)
def test_the_echo_says_how_a_bare_hour_was_read(at: str, shown: str, note: str | None) -> None:
    result = invoke("remind", "add", "x", "--at", at, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert f"When: {shown}" in result.stdout
    if note is not None:
        assert note in result.stdout


@pytest.mark.parametrize(
    "at",
    [
        "tomorrow 25:00",
        "tomorrow 25pm",
        "tomorrow 13pm",
        "tomorrow 99:99",
        "in 3 days 99:99",
        "sunday 25pm",
    ],
)
def test_impossible_times_are_one_error_line(ally_home: Path, at: str) -> None:
    assert "is not a time of day" in one_error_line(invoke("remind", "add", "x", "--at", at), 2)
    assert not ally_home.exists()


def test_words_not_understood_are_refused_with_what_was_read(ally_home: Path) -> None:
    err = one_error_line(invoke("remind", "add", "x", "--at", "tomorrow at 6 with sam"), 2)
    assert "'with sam' is not understood" in err
    assert "'tomorrow at 6' reads as Thu 26 Nov 2026 06:00" in err
    assert not ally_home.exists()


def test_tonight_after_eight_is_later_tonight(monkeypatch: pytest.MonkeyPatch) -> None:
    at_time("2026-11-25T20:09:00+00:00", monkeypatch)
    for at in ("tonight", "this evening"):
        result = invoke("remind", "add", "x", "--at", at, "--dry-run")
        assert result.exit_code == 0, result.stderr
        assert "When: Wed 25 Nov 2026 21:00 GMT" in result.stdout
        assert "the next full hour, 21:00" in result.stdout


# Reminders in one line (issue 14): the time and the repeat read from the text.


@pytest.mark.parametrize(
    ("line", "says", "when", "repeats"),
    [
        (
            "Text my brother every Sunday evening",
            "Text my brother",
            "Sun 29 Nov 2026 18:00 GMT",
            "every sunday",
        ),
        ("Call the GP tomorrow at 9am", "Call the GP", "Thu 26 Nov 2026 09:00 GMT", None),
        ("Take my meds at 8am every day", "Take my meds", "Thu 26 Nov 2026 08:00 GMT", "every day"),
        (
            "Every weekday morning, stretch",
            "stretch",
            "Thu 26 Nov 2026 09:00 GMT",
            "every weekday",
        ),
        (
            "Pay the rent on the 1st of every month",
            "Pay the rent",
            "Tue 1 Dec 2026 09:00 GMT",
            "every month on the 1st",
        ),
        (
            "Ask Sam how it went on friday.",
            "Ask Sam how it went",
            "Fri 27 Nov 2026 09:00 GMT",
            None,
        ),
        ("Book the GP for next friday 10am", "Book the GP", "Fri 27 Nov 2026 10:00 GMT", None),
        ("Watch episode 3 tonight", "Watch episode 3", "Wed 25 Nov 2026 22:00 GMT", None),
        ("Room 12 at 3pm on friday", "Room 12", "Fri 27 Nov 2026 15:00 GMT", None),
        ("Take 2 pills every day at 8am", "Take 2 pills", "Thu 26 Nov 2026 08:00 GMT", "every day"),
    ],
)
def test_add_reads_when_from_the_text_and_echoes_what_it_will_say(
    line: str, says: str, when: str, repeats: str | None
) -> None:
    result = invoke("remind", "add", line)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert f"Reminder: {says}\n" in out
    assert f"When: {when}" in out
    if repeats is None:
        assert "Repeats:" not in out
    else:
        assert f"Repeats: {repeats}" in out
    [item] = json.loads(invoke("remind", "list", "--json").stdout)
    assert item["text"] == says


def test_at_and_every_win_over_the_text() -> None:
    result = invoke("remind", "add", "Text my brother every Sunday evening", "--at", "friday 6pm")
    assert result.exit_code == 0, result.stderr
    assert "Reminder: Text my brother every Sunday evening\n" in result.stdout
    assert "Repeats:" not in result.stdout
    result = invoke("remind", "add", "Call Sam tomorrow 6pm", "--every", "day", "--dry-run")
    assert "Reminder: Call Sam\n" in result.stdout and "Repeats: every day" in result.stdout


@pytest.mark.parametrize("line", ["Text my brother", "Read chapter 6", "Call Sam soon"])
def test_add_without_a_time_it_can_read_is_refused_with_an_example(
    ally_home: Path, line: str
) -> None:
    err = one_error_line(invoke("remind", "add", line), 2)
    assert "cannot tell when" in err and "--at" in err and "every sunday evening" in err
    assert not ally_home.exists()


def test_an_impossible_time_in_the_text_is_refused_not_skipped(ally_home: Path) -> None:
    err = one_error_line(invoke("remind", "add", "Call Sam tomorrow 25:00"), 2)
    assert "'25:00' is not a time of day" in err
    assert not ally_home.exists()


@pytest.mark.parametrize(
    ("every", "when"),
    [
        ("sunday evening", "Sun 29 Nov 2026 18:00 GMT"),
        ("every weekday morning", "Thu 26 Nov 2026 09:00 GMT"),
        ("every other Friday at 7pm", "Fri 27 Nov 2026 19:00 GMT"),
        ("first Monday of the month", "Mon 7 Dec 2026 09:00 GMT"),
    ],
)
def test_every_takes_the_day_and_time_phrases_at_takes(every: str, when: str) -> None:
    result = invoke("remind", "add", "x", "--every", every)
    assert result.exit_code == 0, result.stderr
    assert f"When: {when}" in result.stdout


@pytest.mark.parametrize("every", ["-1 weeks", "0 days", "-2 days"])
def test_every_refuses_counts_below_one(ally_home: Path, every: str) -> None:
    one_error_line(invoke("remind", "add", "x", "--at", "tomorrow", "--every", every), 2)
    assert not ally_home.exists()


def test_list_all_shows_the_notes_given_with_done(monkeypatch: pytest.MonkeyPatch) -> None:
    add("Book the GP", "--at", "tomorrow 10am")
    add("Check in with Sam", "--at", "sunday 6pm", "--every", "sunday")
    invoke("remind", "done", "1", "--note", "booked for Tuesday")
    invoke("remind", "done", "2", "--note", "she sounded [bold]brighter[/bold]")
    out = invoke("remind", "list", "--all").stdout
    assert 'done Wed 25 Nov 2026 21:50 GMT: "booked for Tuesday"' in out
    assert 'last done Wed 25 Nov 2026 21:50 GMT: "she sounded [bold]brighter[/bold]"' in out
    assert_golden("remind_list_notes.txt", out)
    # Without --all, the list stays as short as it was.
    assert "sounded" not in invoke("remind", "list").stdout


# Invisible characters in stored text (issue 11, item 13).

SNEAKY = "Call \u202eMum\u200b\x9b\x85 today"


def test_invisible_characters_are_escaped_in_list_and_due(ally_home: Path) -> None:
    add(SNEAKY, "--at", "now", "--about", "S\u200bam")
    for args in (("list",), ("due",), ("list", "--about", "S\u200bam")):
        out = invoke("remind", *args).stdout
        assert "<U+202E>Mum<U+200B>" in out, out
        for raw in ("\u202e", "\u200b", "\x9b", "\x85"):
            assert raw not in out


@pytest.mark.parametrize(
    "args", [("list", "--json"), ("due", "--json"), ("export",), ("export", "--format", "json")]
)
def test_json_output_escapes_invisible_and_c1_characters(
    ally_home: Path, args: tuple[str, ...]
) -> None:
    add(SNEAKY, "--at", "now")
    out = invoke("remind", *args).stdout
    for raw in ("\u202e", "\u200b", "\x9b", "\x85"):
        assert raw not in out
    assert "\\u202e" in out and "\\u009b" in out and "\\u0085" in out
    parsed = json.loads(out)
    entries = parsed if isinstance(parsed, list) else parsed["reminders"]
    assert entries[0]["text"] == SNEAKY.strip()


def test_export_into_a_link_writes_the_file_it_points_to(tmp_path: Path) -> None:
    add("x", "--at", "tomorrow")
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert invoke("remind", "export", "-o", str(link)).exit_code == 0
    assert link.is_symlink()
    assert json.loads(real.read_text())["reminders"][0]["text"] == "x"


def test_export_into_a_pipe_writes_into_it_and_leaves_it_a_pipe(tmp_path: Path) -> None:
    import threading

    add("x", "--at", "tomorrow")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = invoke("remind", "export", "-o", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(received[0])["reminders"][0]["text"] == "x"
