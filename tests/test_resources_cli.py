"""`ally resources` and `ally crisis`: the right lines for the user's country, crisis first."""

from __future__ import annotations

import json

import pytest

from ally.resources import SECTION_ORDER

from conftest import assert_golden, invoke


def test_gb_shows_the_emergency_number_then_crisis_lines() -> None:
    result = invoke("resources", "--country", "gb")
    assert result.exit_code == 0
    out = result.stdout
    assert out.index("In immediate danger: call 999 or 112.") < out.index("Samaritans")
    assert "Call 116 123" in out
    assert out.index("Crisis lines") < out.index("Support for you as a supporter")
    assert "988" not in out
    assert "checked 2026-" in out
    assert result.stderr == ""  # the country was given, nothing to explain


def test_us_json_is_ordered_sourced_and_has_the_brief_organisations() -> None:
    result = invoke("resources", "--country", "US", "--json")
    assert result.exit_code == 0
    entries = json.loads(result.stdout)
    assert entries[0]["kind"] == "emergency"
    assert entries[0]["channels"][0]["value"] == "911"
    ranks = [SECTION_ORDER[e["section"]] for e in entries]
    assert ranks == sorted(ranks)
    by_id = {e["id"]: e for e in entries}
    assert {c["value"] for c in by_id["us-988-lifeline"]["channels"]} >= {"988"}
    assert by_id["us-nami-helpline"]["section"] == "supporter"
    assert "us-mental-health-america" in by_id
    for entry in entries:
        assert entry["source"]["url"].startswith("https://")
        assert entry["checked"][:4] == "2026"
        assert set(entry) >= {"id", "name", "kind", "channels", "hours", "confidence", "country"}


def test_gb_rendering_is_stable() -> None:
    assert_golden("resources_gb.txt", invoke("resources", "--country", "GB").stdout)


@pytest.mark.parametrize("code", ["XX", "GBR", "1", "ZZ"])
def test_an_invalid_country_code_is_a_usage_error(code: str) -> None:
    result = invoke("resources", "--country", code)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: --country")
    assert result.stderr.count("\n") == 1


def test_a_valid_country_without_data_falls_back_to_directories() -> None:
    result = invoke("resources", "--country", "JP")
    assert result.exit_code == 0
    assert "Japan (JP)" in result.stdout
    assert "no lines for this country yet" in result.stdout
    assert "Find A Helpline" in result.stdout


def test_ally_country_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLY_COUNTRY", "ie")
    result = invoke("resources", "--json")
    assert json.loads(result.stdout)[0]["id"] == "ie-emergency"


def test_a_bad_ally_country_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLY_COUNTRY", "Narnia")
    result = invoke("resources")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ALLY_COUNTRY 'Narnia'")


def test_locale_then_time_zone_guess_the_country(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_AU.UTF-8")
    result = invoke("resources", "--json")
    assert json.loads(result.stdout)[0]["id"] == "au-emergency"
    assert "from locale LANG=en_AU.UTF-8" in result.stderr

    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("TZ", "Europe/Berlin")
    result = invoke("resources", "--json")
    assert json.loads(result.stdout)[0]["id"] == "de-emergency"
    assert "time zone Europe/Berlin" in result.stderr


def test_unknown_country_asks_for_it_and_shows_the_directories(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "C")
    monkeypatch.setenv("TZ", "UTC")
    result = invoke("resources")
    assert result.exit_code == 0
    assert "pass --country" in result.stderr
    assert "Find A Helpline" in result.stdout


def test_channel_filter_keeps_only_that_way_in() -> None:
    entries = json.loads(
        invoke("resources", "--country", "US", "--channel", "text", "--json").stdout
    )
    assert entries
    assert all(c["type"] == "text" for e in entries for c in e["channels"])
    assert any(c["value"] == "988" for e in entries for c in e["channels"])


def test_for_supporter_and_for_crisis() -> None:
    supporters = json.loads(
        invoke("resources", "--country", "US", "--for", "supporter", "--json").stdout
    )
    assert all(e["for_supporters"] or e["kind"] == "directory" for e in supporters)
    assert "us-nami-helpline" in {e["id"] for e in supporters}

    crisis = json.loads(invoke("resources", "--country", "US", "--for", "crisis", "--json").stdout)
    assert {e["kind"] for e in crisis} <= {"emergency", "crisis", "directory"}


def test_unknown_filter_value_is_a_usage_error() -> None:
    assert invoke("resources", "--channel", "pigeon").exit_code == 2


# ------------------------------------------------------------------ crisis


def test_crisis_puts_the_emergency_number_first() -> None:
    result = invoke("crisis", "--country", "GB")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Life in danger? Call 999 or 112 now."
    assert "Samaritans" in result.stdout
    assert '"Are you thinking about suicide?"' in result.stdout
    assert len(lines) < 40  # short enough to read in a panic


def test_crisis_json() -> None:
    data = json.loads(invoke("crisis", "--country", "NZ", "--json").stdout)
    assert data["country"] == "NZ"
    assert data["emergency"][0] == "111"
    assert data["lines"] and all(line["source"].startswith("https://") for line in data["lines"])
    assert len(data["steps"]) >= 4


def test_crisis_without_a_country_still_helps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "C")
    result = invoke("crisis")
    assert result.exit_code == 0
    assert result.stdout.startswith("Life in danger? Call your local emergency number now.")
    assert "https://" in result.stdout


def test_crisis_rendering_is_stable() -> None:
    assert_golden("crisis_us.txt", invoke("crisis", "--country", "US").stdout)
