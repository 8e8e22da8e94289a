"""The `ally` command: root app, the one error boundary, command registration.

This package is the only place that imports typer or rich. Commands raise
AllyError (or a subclass) and never catch it; `AllyGroup` turns it into one
`Error: …` line on stderr and the documented exit code. The same boundary
prints the help for a bare `ally` or `ally remind` (exit 0), suggests close
command names for a typo at every level, keeps piped help plain text, and
turns output that cannot be written (a full disk, a closed pipe) into one
line and exit 1 instead of a traceback.
"""

from __future__ import annotations

import errno
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

import typer
import typer.main

# The vendored Click's context and exception types: typer re-exports only some of them.
from typer._click.core import Command, Context
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

from ally import __version__
from ally.cli import output
from ally.errors import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, AllyError

HELP = """\
A companion for people supporting someone with their mental health: tips,
who to contact, conversation practice and reminders. Offline and private.

ally is not treatment and not a crisis service. If someone may be in danger
now, run `ally crisis` or call your local emergency number.

Examples:

  ally tips                      # what to do, say and avoid
  ally crisis --country GB       # someone may be in danger now
  ally resources --for supporter # support for you, the supporter
"""


# Each command lives in its own module, imported only when that command runs:
# `ally` starts on every shell call, so `ally tips` must not pay for reminders.
COMMANDS = {
    "tips": "ally.cli.tips",
    "resources": "ally.cli.resources",
    "crisis": "ally.cli.crisis",
    "remind": "ally.cli.remind",
    "practice": "ally.cli.practice",
    "config": "ally.cli.config",
    "completion": "ally.cli.completion",
}
# Typer's own --install-completion/--show-completion, which each sub-app would grow;
# `ally completion` replaces them.
TYPER_COMPLETION_PARAMS = ("install_completion", "show_completion")


class AllyGroup(TyperGroup):
    """Root group: loads commands lazily, maps expected failures to one line and an exit code."""

    def list_commands(self, ctx: Context) -> list[str]:
        return [*COMMANDS, *super().list_commands(ctx)]

    def get_command(self, ctx: Context, cmd_name: str) -> Any:
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        module = importlib.import_module(COMMANDS[cmd_name])
        command = typer.main.get_command(module.app)
        command.name = cmd_name
        command.params = [p for p in command.params if p.name not in TYPER_COMPLETION_PARAMS]
        if not output.use_rich(sys.stdout):
            plain_help(command)
        return command

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:
            # Typer suggests only among commands it registered; ours load lazily.
            if args and "Did you mean" not in exc.message:
                exc.message = with_suggestion(exc.message, args[0], self.list_commands(ctx))
            raise

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except AllyError as exc:
            say_notices()
            message = f"{exc.message}; {exc.hint}" if exc.hint else exc.message
            output.error(message)
            raise typer.Exit(exc.exit_code) from None
        finally:
            say_notices()

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        **extra: Any,
    ) -> Any:
        extra["standalone_mode"] = False
        say_notices(discard=True)  # only this run's (matters when run in-process, as in tests)
        if not output.use_rich(sys.stdout):
            plain_help(self)
        try:
            result = super().main(args=args, prog_name=prog_name, **extra)
        except NoArgsIsHelpError as exc:
            # `ally` or `ally remind` alone: the help is the answer, not a mistake.
            # (Rich help is already printed; plain help is the message.)
            if exc.message:
                sys.stdout.write(f"{exc.message}\n")
            result = EXIT_OK
        except UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            output.error(f"{exc.format_message()}{hint}")
            sys.exit(exc.exit_code)
        except ClickException as exc:
            output.error(exc.format_message())
            sys.exit(exc.exit_code)
        except typer.Abort:
            sys.exit(EXIT_INTERRUPTED)
        except OSError as exc:
            output_failed(exc)
        finish(result if isinstance(result, int) else EXIT_OK)


def say_notices(*, discard: bool = False) -> None:
    """What the data layer did to the user's files (tightened permissions), once, on stderr."""
    db = sys.modules.get("ally.db")  # never imported here: only if a command used it
    if db is None:
        return
    for notice in db.take_notices():
        if not discard:
            output.note(notice)


def with_suggestion(message: str, typo: str, names: Sequence[str]) -> str:
    """The usage message, with the close command names when there are any."""
    from difflib import get_close_matches

    matches = get_close_matches(typo, list(names))
    if not matches:
        return message
    return f"{message.rstrip('.')}. Did you mean {', '.join(repr(m) for m in matches)}?"


def plain_help(command: Command) -> None:
    """Help as plain text for a pipe: no Rich panels, and example blocks kept as written.

    Click rewraps every paragraph; a paragraph with indented lines (examples)
    is marked with Click's no-rewrap marker so it reads as it does on a terminal.
    """
    if hasattr(command, "rich_markup_mode"):
        command.rich_markup_mode = None
    if command.help:
        command.help = _keep_indented_blocks(command.help)
    for sub in getattr(command, "commands", {}).values():
        plain_help(sub)


def _keep_indented_blocks(text: str) -> str:
    paragraphs = text.split("\n\n")
    kept = []
    for paragraph in paragraphs:
        lines = paragraph.splitlines()
        indented = any(line.startswith((" ", "\t")) for line in lines[1:]) or (
            len(lines) > 1 and lines[0].startswith((" ", "\t"))
        )
        marked = indented and lines[0] != "\b"
        kept.append(f"\b\n{paragraph}" if marked else paragraph)
    return "\n\n".join(kept)


def finish(code: int) -> None:
    """Exit once everything written has reached stdout (or say why it could not)."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        output_failed(exc)
    sys.exit(code)


def output_failed(exc: OSError) -> None:
    """Output that could not be written: one line (a closed pipe: quietly) and exit 1.

    The reader of a pipe going away (`ally tips | head -1`) is normal, so it
    says nothing. Anything else (a full disk, an I/O error) is one Error line.
    """
    if exc.errno != errno.EPIPE:
        where = exc.filename or "the output"
        output.error(f"cannot write {where}: {exc.strerror or exc}")
    # What is still buffered for a stdout that cannot take it goes nowhere, so
    # Python's own flush on the way out does not fail a second time.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    sys.exit(EXIT_ERROR)


app = typer.Typer(
    cls=AllyGroup,
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"ally {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """ally: support someone well."""


def main() -> None:
    app()
