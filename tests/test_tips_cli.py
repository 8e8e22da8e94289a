"""`ally tips` as a user sees it."""

from __future__ import annotations

import json

from conftest import assert_golden, invoke


def test_tips_lists_every_tip_grouped_by_category() -> None:
    result = invoke("tips")
    assert result.exit_code == 0
    out = result.stdout
    assert "Listening (listening)" in out
    assert "Crisis" in out
    assert out.index("listen-actively") < out.index("educate-yourself")
    assert "\x1b[" not in out  # piped: plain text


def test_show_gives_the_whole_tip() -> None:
    result = invoke("tips", "show", "listen-actively")
    assert result.exit_code == 0
    assert_golden("tips_show_listen_actively.txt", result.stdout)
    for heading in ("Why it matters", "How", "Try saying", "Avoid", "Sources"):
        assert f"\n{heading}\n" in result.stdout


def test_show_accepts_any_case() -> None:
    assert invoke("tips", "show", "LISTEN-ACTIVELY").exit_code == 0


def test_unknown_tip_is_one_line_on_stderr_with_exit_1() -> None:
    result = invoke("tips", "show", "listen")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: no tip with id 'listen'")
    assert "listen-actively" in result.stderr
    assert result.stderr.count("\n") == 1


def test_category_filter_and_unknown_category() -> None:
    result = invoke("tips", "--category", "crisis")
    assert result.exit_code == 0
    assert "listen-actively" not in result.stdout
    assert "ask-directly-about-suicide" in result.stdout

    bad = invoke("tips", "--category", "nonsense")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("Error: unknown category 'nonsense'")
    assert "listening" in bad.stderr and "your-wellbeing" in bad.stderr


def test_search_needs_every_word() -> None:
    result = invoke("tips", "--search", "secret", "--json")
    ids = [t["id"] for t in json.loads(result.stdout)]
    assert "dont-promise-secrecy" in ids
    nothing = invoke("tips", "--search", "zebra xylophone")
    assert nothing.exit_code == 0
    assert "No tips match" in nothing.stdout


def test_json_lists_tips_with_stable_keys() -> None:
    data = json.loads(invoke("tips", "--json").stdout)
    assert isinstance(data, list) and len(data) >= 24
    assert set(data[0]) == {
        "id",
        "category",
        "category_title",
        "title",
        "summary",
        "why",
        "steps",
        "say",
        "avoid",
        "sources",
    }
    assert all(t["sources"][0]["url"].startswith("https://") for t in data)


def test_show_json_is_one_object() -> None:
    data = json.loads(invoke("tips", "show", "educate-yourself", "--json").stdout)
    assert data["id"] == "educate-yourself"
    assert data["category"] == "learning"


def test_random_is_reproducible_with_a_seed() -> None:
    first = invoke("tips", "random", "--seed", "7", "--json").stdout
    assert first == invoke("tips", "random", "--seed", "7", "--json").stdout
    picks = {
        json.loads(invoke("tips", "random", "--seed", str(n), "--json").stdout)["id"]
        for n in range(8)
    }
    assert len(picks) > 1


def test_random_within_a_category() -> None:
    data = json.loads(invoke("tips", "random", "--category", "patience", "--json").stdout)
    assert data["category"] == "patience"


def test_bad_option_is_a_usage_error() -> None:
    result = invoke("tips", "--nope")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    assert result.stderr.count("\n") == 1
