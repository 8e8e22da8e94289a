"""Rendering: Rich on a terminal, plain text when piped, JSON on request.

Commands describe what to show through a `Page` (title, headings, fields,
bullets); the page writes it either with Rich styles or as plain lines, so a
command has one human renderer, not two. Rich is imported only when a page is
actually styled, keeping piped and `--json` runs fast.

All text that reaches the terminal goes through `clean`, which drops control
characters (so stored text cannot move the cursor or recolour the screen) and
shows invisible ones as `<U+202E>` (so a right-to-left override or a
zero-width space cannot disguise what text says), and Rich receives `Text`
objects, never markup strings, so brackets in user text are shown as typed.
JSON escapes the same characters (`\u202e`), which loses nothing.
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
# Characters that change how text reads without being seen: Unicode's format
# characters (Cf: bidi overrides, zero-width spaces and joiners, tags), line and
# paragraph separators (Zl, Zp) and lone surrogates (Cs: bytes that were not
# UTF-8). Written out so nothing is computed at start-up; a test checks the
# ranges against Python's Unicode tables (these include Unicode 15's additions).
INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
# Kept as they are: a joiner inside a word or an emoji (Persian, Indic scripts,
# family emoji) and the tag sequence of a subdivision flag (England, Scotland, Wales).
JOINERS = "\u200c\u200d"
_FLAG = re.compile("\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f")
# For JSON: C1 controls and DEL as well (JSON itself escapes C0).
_JSON_UNSAFE = re.compile(f"[\\x7f-\\x9f]|{INVISIBLE.pattern}")


def clean(text: str) -> str:
    """Text safe to print: controls removed, invisible characters shown as <U+XXXX>."""
    text = CONTROL.sub("", text)
    if text.isascii():
        return text
    return INVISIBLE.sub(_shown, text)


def _shown(match: re.Match[str]) -> str:
    char, text, at = match.group(), match.string, match.start()
    if char in JOINERS and _joins(text[at - 1 : at]) and _joins(text[at + 1 : at + 2]):
        return char
    if "\U000e0020" <= char <= "\U000e007f" and _in_flag(text, at):
        return char
    return f"<U+{ord(char):04X}>"


def _joins(char: str) -> bool:
    """A neighbour a joiner may sit beside: a letter, mark or symbol beyond ASCII."""
    return bool(char) and not char.isascii() and not char.isspace() and not INVISIBLE.match(char)


def _in_flag(text: str, at: int) -> bool:
    start = text.rfind("\U0001f3f4", 0, at)
    found = _FLAG.match(text, start) if start >= 0 else None
    return found is not None and found.start() < at < found.end()


def clean_line(text: str) -> str:
    """Like `clean`, and a single line: line breaks become spaces."""
    return " ".join(clean(text).split())


def use_rich(stream: TextIO) -> bool:
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return stream.isatty()


def json_text(data: Any, *, indent: int | None = 2) -> str:
    """JSON as UTF-8-safe text: readable, with controls and invisible characters escaped."""
    import json  # not on the start-up path of the text output

    text = json.dumps(data, indent=indent, ensure_ascii=False)
    # Outside strings JSON has only ASCII, so escaping in the whole text is safe.
    return _JSON_UNSAFE.sub(_json_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    """\\u202e; beyond the basic plane, JSON's UTF-16 pair (\\udb40\\udc41)."""
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def emit_json(data: Any, stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    out.write(json_text(data) + "\n")


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
