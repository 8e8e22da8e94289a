"""Rendering: Rich on a terminal, plain text when piped, JSON on request.

Commands describe what to show through a `Page` (title, headings, fields,
bullets); the page writes it either with Rich styles or as plain lines, so a
command has one human renderer, not two. Rich is imported only when a page is
actually styled, keeping piped and `--json` runs fast.

All text that reaches the terminal goes through `clean`, which drops control
characters (so stored text cannot move the cursor or recolour the screen), and
Rich receives `Text` objects, never markup strings, so brackets in user text
are shown as typed.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console

# C0 controls except tab and newline, DEL, and C1 controls (includes ESC and CSI).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Text safe to print: control characters removed, everything else literal."""
    return CONTROL.sub("", text)


def clean_line(text: str) -> str:
    """Like `clean`, and a single line: line breaks become spaces."""
    return " ".join(clean(text).split())


def use_rich(stream: TextIO) -> bool:
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def emit_json(data: Any, stream: TextIO | None = None) -> None:
    import json  # not on the start-up path of the text output

    out = stream or sys.stdout
    out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def error(message: str) -> None:
    """One line on stderr; the error boundary's only way of talking."""
    sys.stderr.write(f"Error: {clean_line(message)}\n")


def note(message: str) -> None:
    """A diagnostic for the user on stderr (never mixed into results)."""
    sys.stderr.write(f"{clean_line(message)}\n")


class Page:
    """A human rendering of one command's result."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout
        self._console: Console | None = None
        if use_rich(self.stream):
            from rich.console import Console

            self._console = Console(file=self.stream, highlight=False, soft_wrap=False)

    @property
    def styled(self) -> bool:
        return self._console is not None

    def _write(self, text: str, style: str = "", indent: int = 0) -> None:
        if self._console is None:
            self.stream.write(" " * indent + text + "\n")
            return
        from rich.padding import Padding
        from rich.text import Text

        self._console.print(Padding(Text(text, style=style), (0, 0, 0, indent), expand=False))

    def title(self, text: str) -> None:
        self._write(clean_line(text), "bold")

    def heading(self, text: str) -> None:
        self.blank()
        self._write(clean_line(text), "bold underline" if self.styled else "")

    def text(self, text: str, *, indent: int = 0, style: str = "") -> None:
        for line in clean(text).splitlines() or [""]:
            self._write(line, style, indent)

    def alert(self, text: str) -> None:
        self._write(clean_line(text), "bold red")

    def dim(self, text: str, *, indent: int = 0) -> None:
        self._write(clean_line(text), "dim", indent)

    def field(self, label: str, value: str, *, indent: int = 2) -> None:
        if not value:
            return
        line = f"{label}: {clean_line(value)}"
        if self._console is None:
            self._write(line, indent=indent)
            return
        from rich.padding import Padding
        from rich.text import Text

        styled = Text.assemble((f"{label}: ", "bold"), clean_line(value))
        self._console.print(Padding(styled, (0, 0, 0, indent), expand=False))

    def bullets(self, items: Iterable[str], *, indent: int = 2, marker: str = "-") -> None:
        for item in items:
            self._write(f"{marker} {clean_line(item)}", indent=indent)

    def numbered(self, items: Iterable[str], *, indent: int = 2) -> None:
        for n, item in enumerate(items, 1):
            self._write(f"{n}. {clean_line(item)}", indent=indent)

    def blank(self) -> None:
        if self._console is None:
            self.stream.write("\n")
        else:
            self._console.print()
