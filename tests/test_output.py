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


# Invisible characters: shown, not hidden (issue 11, item 13).


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Call \u202eMum", "Call <U+202E>Mum"),  # right-to-left override
        ("S\u200bam", "S<U+200B>am"),  # zero-width space
        ("S\u200dam", "S<U+200D>am"),  # a joiner between plain letters hides nothing useful
        ("\ufeffstart", "<U+FEFF>start"),
        ("one\u2028two", "one<U+2028>two"),
        ("caf\udce9", "caf<U+DCE9>"),  # a byte that was not UTF-8, as Python keeps it
        ("hidden\U000e0041\U000e0042", "hidden<U+E0041><U+E0042>"),  # tag characters
    ],
)
def test_invisible_characters_are_shown_escaped(raw: str, shown: str) -> None:
    assert clean(raw) == shown
    assert clean_line(raw) == shown


@pytest.mark.parametrize(
    "text",
    [
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: a joiner between letters
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # a family emoji is joined characters
        "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",  # England's flag
        "\u05e9\u05dc\u05d5\u05dd and caf\u00e9 \u2014 \u2713",
    ],
)
def test_joiners_inside_words_and_emoji_are_kept(text: str) -> None:
    assert clean(text) == text


def test_the_invisible_set_is_every_format_character() -> None:
    """The hand-written ranges match Python's Unicode tables (Cf, Cs, Zl, Zp).

    They may run ahead of an older Python's tables (characters still unassigned there).
    """
    import sys
    import unicodedata

    from ally.cli.output import INVISIBLE

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        if category in ("Cf", "Cs", "Zl", "Zp"):
            assert INVISIBLE.fullmatch(char), f"U+{code:04X} ({category}) is not escaped"
        elif INVISIBLE.fullmatch(char):
            assert category == "Cn", f"U+{code:04X} ({category}) is escaped"


def test_json_escapes_controls_and_invisible_characters() -> None:
    import json

    from ally.cli.output import json_text

    data = {"text": "a\x9bb\x85c\u202ed\u200be\udce9f caf\u00e9 \u2713"}
    text = json_text(data)
    for raw in ("\x9b", "\x85", "\u202e", "\u200b", "\udce9"):
        assert raw not in text
    for escaped in ("\\u009b", "\\u0085", "\\u202e", "\\u200b", "\\udce9"):
        assert escaped in text
    assert "caf\u00e9 \u2713" in text  # ordinary text stays readable
    assert json.loads(text) == data
    text.encode("utf-8")  # writable as UTF-8 (a lone surrogate would not be)


def test_json_escapes_characters_beyond_the_basic_plane_as_surrogate_pairs() -> None:
    import json

    from ally.cli.output import json_text

    flag = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
    data = {"text": f"hidden\U000e0041 {flag} \U00011bd0"}
    text = json_text(data)
    assert "\\udb40\\udc41" in text
    assert json.loads(text) == data
