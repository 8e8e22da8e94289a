"""The `ally` command: root app, the one error boundary, command registration.

This package is the only place that imports typer or rich. Commands raise
AllyError (or a subclass) and never catch it; `AllyGroup` turns it into one
`Error: …` line on stderr and the documented exit code.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Any

import typer
import typer.main

# The vendored Click's context and exception types: typer re-exports only some of them.
from typer._click.core import Context
from typer._click.exceptions import ClickException, UsageError
from typer.core import TyperGroup

from ally import __version__
from ally.cli import output
from ally.errors import EXIT_INTERRUPTED, AllyError

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
}


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
        return command

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except AllyError as exc:
            message = f"{exc.message}; {exc.hint}" if exc.hint else exc.message
            output.error(message)
            raise typer.Exit(exc.exit_code) from None

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        **extra: Any,
    ) -> Any:
        extra["standalone_mode"] = False
        try:
            result = super().main(args=args, prog_name=prog_name, **extra)
        except UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            output.error(f"{exc.format_message()}{hint}")
            sys.exit(exc.exit_code)
        except ClickException as exc:
            output.error(exc.format_message())
            sys.exit(exc.exit_code)
        except typer.Abort:
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(result if isinstance(result, int) else 0)


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
