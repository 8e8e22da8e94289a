"""`ally remind sync`: two-way sync of reminders with your own CalDAV calendar.

The command layer: settings from the config file, the password from a
command, the environment or a prompt (never stored, never printed), the
clock, and rendering. The sync itself is `ally.reminders.sync_run`; the
CalDAV library is imported only inside these commands, so no other command
pays for it at start-up.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import typer

from ally.cli.output import Page, clean_line, emit_json, note
from ally.errors import AllyError, UsageError

if TYPE_CHECKING:
    from ally.reminders.caldav_sync import CalDAVCalendar
    from ally.reminders.store import ReminderStore
    from ally.reminders.sync_config import Account
    from ally.reminders.sync_run import Report

PASSWORD_ENV = "ALLY_CALDAV_PASSWORD"
SETUP_EXAMPLE = (
    "ally remind sync setup --url https://caldav.fastmail.com/dav/ --username you@fastmail.com "
    "--password-command 'pass show fastmail/caldav'"
)

app = typer.Typer(
    help=f"""Two-way sync of your reminders with your own CalDAV calendar.

Each reminder becomes an event (with an alert) or a task in one calendar
("ally" by default) on your server: Nextcloud, Fastmail, iCloud, Radicale...
Changes made on either side reach the other on the next sync.

Examples:

  {SETUP_EXAMPLE}
  ally remind sync               # one two-way pass
  ally remind sync --dry-run     # show what would change
  ally remind sync status
""",
    invoke_without_command=True,
)


class As(StrEnum):
    event = "event"
    todo = "todo"


@app.callback(invoke_without_command=True)
def sync(
    ctx: typer.Context,
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Show what would change; change nothing."
    ),
    as_json: bool = typer.Option(
        False, "--json", help='Print {"pushed", "pulled", "removed", "conflicts"} as JSON.'
    ),
) -> None:
    """Sync reminders with your CalDAV calendar, both ways (set it up first: sync setup).

    Example: ally remind sync --dry-run
    """
    if ctx.invoked_subcommand is not None:
        return
    from ally.reminders.sync_run import run

    account, settings = _account()
    calendar = _open(account, _password(None, settings), create=False)
    from ally.cli.remind import local_zone, now_from_env

    now = now_from_env()
    try:
        with _store(dry_run) as store:
            report = run(
                store,
                calendar,
                kind=account.kind,
                now=now,
                default_zone=local_zone(),
                dry_run=dry_run,
            )
    finally:
        calendar.close()
    if as_json:
        c = report.counts
        emit_json(
            {"pushed": c.pushed, "pulled": c.pulled, "removed": c.removed, "conflicts": c.conflicts}
        )
        return
    _render(report, account)


@app.command("setup")
def setup(
    url: str = typer.Option(
        ..., "--url", metavar="URL", help="Your CalDAV server, e.g. https://caldav.fastmail.com/"
    ),
    username: str = typer.Option(..., "--username", "-u", metavar="NAME", help="Your user name."),
    password_command: str | None = typer.Option(
        None,
        "--password-command",
        metavar="CMD",
        help="A command that prints the password, e.g. 'pass show caldav' (run without a shell). "
        f"Else ${PASSWORD_ENV}, else you are asked each time.",
    ),
    calendar: str = typer.Option(
        "ally", "--calendar", "-c", metavar="NAME", help="The calendar to use; made if missing."
    ),
    kind: As = typer.Option(
        As.event, "--as", help="event: calendar events with an alert; todo: tasks you tick off."
    ),
    allow_http: bool = typer.Option(
        False, "--allow-http", help="Allow plain http:// to a server other than this machine."
    ),
) -> None:
    """Check your CalDAV server and calendar (making it if missing), then save the settings.

    The password is never saved and never shown.

    Example: ally remind sync setup --url https://nextcloud.example.org/remote.php/dav/
    --username sam
    """
    from ally import config
    from ally.reminders.sync_config import Account, check_name, check_url, password_argv

    checked_url = check_url(url, allow_http=allow_http)
    account = Account(
        url=checked_url,
        username=check_name(username, "user name"),
        calendar=check_name(calendar, "calendar name"),
        kind=kind.value,
    )
    if password_command is not None:
        password_argv(password_command)
    settings = {
        "sync.url": account.url,
        "sync.username": account.username,
        "sync.calendar": account.calendar,
        "sync.as": account.kind,
    }
    if password_command is not None:
        settings["sync.password_command"] = password_command.strip()
    if allow_http:
        settings["sync.allow_http"] = "true"
    path = config.config_path()
    config.load(path)  # a broken config file is reported before the server is asked
    found = _open(account, _password(password_command, {}), create=True)
    try:
        count = 0 if found.created else found.count()
    finally:
        found.close()
    config.replace_section(path, "sync", settings)
    page = Page()
    state = "created" if found.created else "found"
    page.text(f"Calendar {clean_line(account.calendar)!r} {state} on {account.url}.")
    if count:
        page.text(
            f"It holds {count} item{'s' if count != 1 else ''}: the first sync brings each "
            f"{account.kind} into ally as a reminder."
        )
    page.text(f"Settings saved in {path} (no password).")
    page.text("Now run: ally remind sync")


@app.command("status")
def status(
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
) -> None:
    """Show the server, the calendar and when the last sync finished (asks no server).

    Example: ally remind sync status
    """
    from ally import config
    from ally.reminders.sync_config import account_from

    settings = config.load(config.config_path())
    account = account_from(settings)
    last, synced = _last_sync()
    source = _password_source(settings)
    if as_json:
        emit_json(
            {
                "configured": account is not None,
                "url": account.url if account else None,
                "username": account.username if account else None,
                "calendar": account.calendar if account else None,
                "as": account.kind if account else None,
                "password_from": source if account else None,
                "last_synced": last.isoformat(timespec="seconds") if last else None,
                "synced_reminders": synced,
            }
        )
        return
    page = Page()
    if account is None:
        page.text("Sync is not set up. Set it up with:")
        page.text(SETUP_EXAMPLE, indent=2)
        return
    page.title("ally remind sync")
    page.field("Server", account.url)
    page.field("User", account.username)
    page.field("Calendar", f"{account.calendar} (as {account.kind}s)")
    page.field("Password", source)
    if last is None:
        page.field("Last sync", "never")
    else:
        from zoneinfo import ZoneInfo

        from ally.cli.remind import local_zone
        from ally.reminders.model import human_time

        shown = human_time(last.astimezone(ZoneInfo(local_zone())))
        page.field("Last sync", f"{shown} ({synced} reminders in the calendar)")


# Settings, password, store


def _account() -> tuple[Account, dict[str, str]]:
    from ally import config
    from ally.reminders.sync_config import account_from

    settings = config.load(config.config_path())
    account = account_from(settings)
    if account is None:
        raise AllyError("sync is not set up", hint=f"run: {SETUP_EXAMPLE}")
    return account, settings


def _password(command: str | None, settings: dict[str, str]) -> str:
    """The password, never stored and never printed: --password-command, else
    $ALLY_CALDAV_PASSWORD, else the saved command, else a prompt on the terminal."""
    if command:
        return _run_password_command(command)
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    saved = settings.get("sync.password_command")
    if saved:
        return _run_password_command(saved)
    if not sys.stdin.isatty():
        raise UsageError(
            "no password: not on a terminal to ask for it",
            hint=f"set {PASSWORD_ENV}, or give --password-command to sync setup",
        )
    import getpass

    try:
        password = getpass.getpass("CalDAV password (not saved): ")
    except EOFError:
        raise UsageError("no password given") from None
    if not password:
        raise UsageError("no password given")
    return password


def _run_password_command(command: str) -> str:
    import subprocess

    from ally.reminders.sync_config import password_argv

    argv = password_argv(command)
    try:
        # No shell: the command is split like vdirsyncer's fetch = ["command", ...].
        done = subprocess.run(argv, stdout=subprocess.PIPE, text=True, timeout=120, check=False)
    except FileNotFoundError:
        raise AllyError(f"the password command {argv[0]!r} was not found") from None
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise AllyError(f"the password command {argv[0]!r} failed: {exc}") from None
    if done.returncode != 0:
        raise AllyError(f"the password command {argv[0]!r} failed (exit status {done.returncode})")
    password = done.stdout.splitlines()[0] if done.stdout else ""
    if not password:
        raise AllyError(f"the password command {argv[0]!r} printed no password")
    return password


def _password_source(settings: dict[str, str]) -> str:
    if os.environ.get(PASSWORD_ENV):
        return f"${PASSWORD_ENV}"
    if settings.get("sync.password_command"):
        return f"command: {settings['sync.password_command']}"
    return "asked each time"


def _open(account: Account, password: str, *, create: bool) -> CalDAVCalendar:
    from ally.reminders.caldav_sync import open_calendar

    return open_calendar(account, password, create=create)


@contextmanager
def _store(dry_run: bool) -> Iterator[ReminderStore]:
    """The reminder store; a dry run without a data file uses a throw-away one."""
    from ally.cli.remind import reader, writer

    store = reader() if dry_run else writer()
    if store is not None:
        with store:
            yield store
        return
    import tempfile
    from pathlib import Path

    from ally.reminders.store import ReminderStore

    with (
        tempfile.TemporaryDirectory(prefix="ally-dry-run-") as folder,
        ReminderStore.create(Path(folder) / "dry-run.sqlite3") as empty,
    ):
        yield empty


def _last_sync() -> tuple[Any, int]:
    from ally.cli.remind import reader

    store = reader()
    if store is None:
        return None, 0
    from ally.reminders import sync_state

    with store:
        account = sync_state.account(store)
        count = len(sync_state.objects(store))
    return (account.last_synced if account else None), count


# Rendering

LABELS = {
    "added there": "Added to the calendar",
    "updated there": "Updated in the calendar",
    "removed there": "Removed from the calendar",
    "added here": "New from the calendar",
    "updated here": "Updated from the calendar",
    "removed here": "Removed here (deleted in the calendar)",
    "deferred": "Changed in the calendar meanwhile; left for the next sync",
    "skipped": "Skipped",
}


def _render(report: Report, account: Account) -> None:
    from urllib.parse import urlsplit

    page = Page()
    c = report.counts
    host = urlsplit(account.url).hostname or account.url
    where = f"{account.calendar!r} on {host}"
    if report.dry_run:
        page.title(
            f"Dry run with {where}: would push {c.pushed}, pull {c.pulled}, remove {c.removed}, "
            f"conflicts {c.conflicts}. Nothing changed."
        )
    elif c.changes == 0 and c.conflicts == 0:
        page.title(f"Up to date with {where}.")
    else:
        page.title(
            f"Synced with {where}: {c.pushed} pushed, {c.pulled} pulled, {c.removed} removed, "
            f"{c.conflicts} conflict{'s' if c.conflicts != 1 else ''}."
        )
    for line in report.lines:
        number = f"{line.reminder_id}  " if line.reminder_id else ""
        extra = []
        if line.note:
            extra.append(line.note)
        if line.conflict:
            changed = "both sides changed; the newer change won"
            if line.reminder_id:
                changed += f", the other is kept: ally remind restore {line.reminder_id} --list"
            extra.append(changed)
        if line.kind == "removed here" and line.reminder_id:
            extra.append(f"restore: ally remind restore {line.reminder_id}")
        tail = f" ({'; '.join(extra)})" if extra else ""
        page.text(f"{LABELS[line.kind]}: {number}{clean_line(line.text)}{tail}", indent=2)
    if not report.complete and not report.dry_run:
        note("Some changes were left for the next sync (see above); run it again later.")
