"""What reaches the terminal: plain when piped, styled on a terminal, user text literal."""

from __future__ import annotations

import io

import pytest

from ally.cli.output import Page, clean, clean_line


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_clean_drops_control_characters_and_keeps_the_rest() -> None:
    assert clean("a\x1b[31mred\x1b[0m\x07b\n\tc") == "a[31mred[0mb\n\tc"
    assert clean("\x9b2J") == "2J"
    assert clean("[bold]café[/bold] ✓") == "[bold]café[/bold] ✓"
    assert clean_line("one\ntwo\r\nthree") == "one two three"


def test_piped_page_is_plain_text() -> None:
    out = io.StringIO()
    page = Page(out)
    page.title("Title")
    page.field("Hours", "24/7")
    page.bullets(["one"])
    assert out.getvalue() == "Title\n  Hours: 24/7\n  - one\n"


def test_terminal_page_shows_markup_and_escapes_literally(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    out = FakeTerminal()
    page = Page(out)
    assert page.styled
    page.text("[bold red]not markup[/] \x1b[2Jstill here")
    assert "[bold red]not markup[/] [2Jstill here" in out.getvalue()
    assert "\x1b" not in out.getvalue()  # NO_COLOR: no escape codes at all


def test_force_color_styles_even_when_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = io.StringIO()
    Page(out).alert("danger")
    assert "\x1b[" in out.getvalue()
