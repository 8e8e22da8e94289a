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


def search_ids(*words: str) -> list[str]:
    result = invoke("tips", "--search", *words, "--json")
    assert result.exit_code == 0, result.stderr
    return [t["id"] for t in json.loads(result.stdout)]


def test_search_takes_several_words_without_quotes() -> None:
    assert "low-pressure-messages" in search_ids("text", "message")
    assert search_ids("text", "message") == search_ids("text message")
    # Options after the words still work.
    result = invoke("tips", "--search", "secret", "promise", "--category", "crisis")
    assert result.exit_code == 0 and "dont-promise-secrecy" in result.stdout
    assert invoke("tips", "-s", "text", "message").exit_code == 0


def test_a_goodbye_message_is_a_warning_sign_tips_can_find() -> None:
    for words in (("goodbye",), ("farewell",), ("giving", "things", "away")):
        assert "know-the-signs" in search_ids(*words), words
    signs = json.loads(invoke("tips", "show", "know-the-signs", "--json").stdout)
    text = " ".join(signs["steps"])
    for sign in ("burden", "not being around", "giving things away", "affairs in order", "calm"):
        assert sign in text, sign
    assert "ally crisis" in text


def test_self_harm_and_far_away_crises_have_tips() -> None:
    self_harm = json.loads(invoke("tips", "show", "respond-to-self-harm", "--json").stdout)
    text = " ".join([self_harm["why"], *self_harm["steps"], *self_harm["avoid"]])
    for idea in ("not a bid for attention", "calm", "urgent medical help", "Ultimatums"):
        assert idea in text, idea
    assert self_harm["say"]
    remote = json.loads(invoke("tips", "show", "crisis-from-far-away", "--json").stdout)
    steps = " ".join(remote["steps"])
    assert "Keep them talking" in steps and "where they are" in steps.lower()
    assert "--remote" in steps
    assert "crisis-from-far-away" in search_ids("far", "away")


def test_professional_help_says_some_signs_cannot_wait() -> None:
    tip = json.loads(invoke("tips", "show", "encourage-professional-help", "--json").stdout)
    first = tip["steps"][0]
    assert first.startswith("Some signs need help now")
    for sign in (
        "suicide",
        "not eating or sleeping for days",
        "losing touch with reality",
        "mania",
    ):
        assert sign in first, sign
    assert "never a reason to wait" in tip["why"]


def test_no_tip_cites_a_campaign_that_has_closed() -> None:
    tips = json.loads(invoke("tips", "--json").stdout)
    urls = [s["url"] for t in tips for s in t["sources"]]
    assert not any("time-to-change.org.uk" in url for url in urls)
