"""Getting reminders to a person: shell start-up snippets, timers, desktop notifications.

A command-line tool cannot push, so delivery is layered: the shell hook
shows what is due whenever a terminal opens; a systemd user timer (or cron)
runs `ally remind notify` every few minutes for desktop notifications; and
the .ics export lets the phone's calendar do the rest.

Pure: this module builds text and argument lists; the CLI runs them.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import dataclass

from ally.errors import AllyError
from ally.reminders.due import Due
from ally.reminders.model import human_time, one_line

SHELLS = ("bash", "zsh", "fish")
UNIT = "ally-remind"
APP_NAME = "ally"

_POSIX_HOOK = """\
# ally: show due reminders when an interactive shell starts.
# Add to {rc}. It does nothing if ally is not installed.
case $- in
    *i*) command -v ally >/dev/null 2>&1 && {{ ally remind due --quiet || true; }} ;;
esac
"""

_FISH_HOOK = """\
# ally: show due reminders when an interactive shell starts.
# Add to ~/.config/fish/config.fish. It does nothing if ally is not installed.
if status is-interactive; and command -q ally
    ally remind due --quiet; or true
end
"""

_SERVICE = """\
[Unit]
Description=ally: desktop notifications for due reminders

[Service]
Type=oneshot
ExecStart={command}
"""

_TIMER = """\
[Unit]
Description=ally: check for due reminders every 5 minutes

[Timer]
OnCalendar=*:0/5
Persistent=true
AccuracySec=30s

[Install]
WantedBy=timers.target
"""


def shell_hook(shell: str) -> str:
    """The start-up snippet for bash, zsh or fish."""
    if shell == "fish":
        return _FISH_HOOK
    return _POSIX_HOOK.format(rc="~/.bashrc" if shell == "bash" else "~/.zshrc")


def notify_command(ally: Sequence[str], hide_text: bool = False) -> list[str]:
    """The command a timer runs: `ally remind notify`, given how to start ally."""
    return [*ally, "remind", "notify", *(["--hide-text"] if hide_text else [])]


def systemd_service(ally: Sequence[str], hide_text: bool = False) -> str:
    return _SERVICE.format(command=_systemd_quote(notify_command(ally, hide_text)))


def systemd_timer() -> str:
    return _TIMER


def systemd_units(ally: Sequence[str], hide_text: bool = False) -> str:
    """Both units with the commands that install them, as one commented text."""
    return (
        f"# Save as ~/.config/systemd/user/{UNIT}.service\n"
        f"{systemd_service(ally, hide_text)}\n"
        f"# Save as ~/.config/systemd/user/{UNIT}.timer\n"
        f"{systemd_timer()}\n"
        "# Then run:\n"
        "#   systemctl --user daemon-reload\n"
        f"#   systemctl --user enable --now {UNIT}.timer\n"
        "# Or write both files at once:\n"
        f"#   ally remind hook systemd-service > ~/.config/systemd/user/{UNIT}.service\n"
        f"#   ally remind hook systemd-timer > ~/.config/systemd/user/{UNIT}.timer\n"
    )


def cron_line(ally: Sequence[str], uid: int, hide_text: bool = False) -> str:
    """A crontab line; cron has no session bus, so it is named for notify-send.

    Cron reads a line before the shell does: an unescaped % ends the command
    (even inside quotes) and a backslash before % or a backslash is dropped,
    so both are escaped after the shell quoting.
    """
    argv = notify_command(ally, hide_text)
    _one_line(argv)
    command = shlex.join(argv).replace("\\", "\\\\").replace("%", "\\%")
    bus = f"DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/{uid}/bus"
    return (
        "# ally: desktop notifications for due reminders, every 5 minutes (crontab -e).\n"
        f"*/5 * * * * {bus} {command} >/dev/null 2>&1\n"
    )


def _systemd_quote(argv: Sequence[str]) -> str:
    """ExecStart's words: quoted, with %% for % (a specifier) everywhere.

    systemd expands $VAR (and turns $$ into $) in the arguments but not in
    the program path, so only the arguments get $$.
    """
    _one_line(argv)
    quoted = []
    for n, arg in enumerate(argv):
        if any(c in arg for c in " \t\"'\\;$%"):
            escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
            if n > 0:
                escaped = escaped.replace("$", "$$")
            quoted.append(f'"{escaped}"')
        else:
            quoted.append(arg)
    return " ".join(quoted)


def _one_line(argv: Sequence[str]) -> None:
    if any(c in arg for arg in argv for c in "\n\r\0"):
        raise AllyError(
            "ally's path has a line break in it, which a timer line cannot hold",
            hint="install ally in a folder whose name has no line break",
        )


@dataclass(frozen=True)
class Notification:
    title: str
    body: str


def notification_argv(note: Notification, program: str = "notify-send") -> list[str]:
    """notify-send's arguments. The body is escaped: notification servers read it as markup.

    "--" ends the options: notify-send reads any argument that starts with "-"
    as an option, wherever it is, so text like "- call Mum" or "--icon=..."
    must come after it.
    """
    return [program, f"--app-name={APP_NAME}", "--", note.title, markup_escape(note.body)]


def markup_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def notifications(
    items: Sequence[Due], hide_text: bool = False
) -> list[tuple[Notification, tuple[Due, ...]]]:
    """What to show on the desktop, each with the reminders it covers.

    One notification per reminder; with `hide_text`, one that only counts them.
    """
    if not items:
        return []
    if hide_text:
        count = f"{len(items)} reminder{'s' if len(items) != 1 else ''}"
        summary = Notification(APP_NAME, f"{count} due. Open a terminal: ally remind due")
        return [(summary, tuple(items))]
    return [(Notification("ally reminder", _body(item)), (item,)) for item in items]


def _body(item: Due) -> str:
    r = item.reminder
    lines = [one_line(r.text)]
    if r.about:
        lines.append(f"About: {one_line(r.about)}")
    missed = f" (missed {times(item.missed)})" if item.missed else ""
    lines.append(f"Due {human_time(item.since)}{missed}. Done: ally remind done {r.id}")
    return "\n".join(lines)


def times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"
