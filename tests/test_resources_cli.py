"""`ally resources`: the right lines for the user's country and region, crisis first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ally.resources import SECTION_ORDER

from conftest import assert_golden, invoke


def test_gb_shows_the_emergency_number_then_crisis_lines() -> None:
    result = invoke("resources", "--country", "gb")
    assert result.exit_code == 0
    out = result.stdout
    assert out.index("In immediate danger: call 999 or 112.") < out.index("Samaritans")
    assert "call 116 123" in out
    assert "988" not in out
    assert result.stderr == ""  # the country was given, nothing to explain


def test_the_default_view_is_two_lines_per_service_and_details_add_the_rest() -> None:
    brief = invoke("resources", "--country", "GB").stdout
    detailed = invoke("resources", "--country", "GB", "--details").stdout
    samaritans = brief.splitlines()[
        brief.splitlines().index("  24/7 · Samaritans  (gb-samaritans)") + 1
    ]
    assert samaritans == "    call 116 123 · email jo@samaritans.org"
    assert "Source (" not in brief and "Volunteers, not professionals" not in brief
    assert "Source (own page): https://www.samaritans.org" in detailed
    assert "confidence high" in detailed and "Volunteers, not professionals" in detailed
    assert len(brief.splitlines()) < len(detailed.splitlines()) / 2
    # No brackets inside brackets: each extra is its own piece.
    assert "(language: cy; Daily" not in detailed
    assert "Call 0808 164 0123 · language cy · Daily 19:00 to 23:00 (as of 2021)" in detailed


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
        assert entry["source"]["kind"] in ("own", "government", "emergency-service", "secondary")
        assert entry["checked"][:4] == "2026"
        assert set(entry) >= {"id", "name", "kind", "channels", "hours", "confidence", "country"}
        assert entry["fallback"] is False
    veterans = by_id["us-veterans-crisis-line"]
    assert veterans["channels"][0]["instruction"] == "then press 1"
    assert by_id["us-trevor-project"]["youth"] is True


@pytest.mark.parametrize("country", ["GB", "US", "DE"])
def test_rendering_is_stable(country: str) -> None:
    assert_golden(
        f"resources_{country.lower()}.txt", invoke("resources", "--country", country).stdout
    )


@pytest.mark.parametrize("code", ["XX", "GBR", "1", "ZZ"])
def test_an_invalid_country_code_is_a_usage_error(code: str) -> None:
    result = invoke("resources", "--country", code)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: --country")
    assert result.stderr.count("\n") == 1


def test_a_mistyped_country_suggests_the_close_ones() -> None:
    result = invoke("resources", "--country", "germany")
    assert result.exit_code == 2
    assert "did you mean DE (Germany)" in result.stderr


def test_a_valid_country_without_data_falls_back_to_directories() -> None:
    result = invoke("resources", "--country", "MX")
    assert result.exit_code == 0
    assert "Mexico (MX)" in result.stdout
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


def test_time_zone_then_locale_guess_the_country(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_AU.UTF-8")
    monkeypatch.setenv("TZ", "UTC")
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


def test_a_filter_that_leaves_nothing_says_so_and_shows_the_nearest_help() -> None:
    result = invoke("resources", "--for", "supporter", "--country", "KR")
    assert result.exit_code == 0
    assert "Nothing in ally's list for South Korea matches those filters" in result.stdout
    assert "call 109" in result.stdout  # the crisis line
    assert "Find A Helpline" in result.stdout
    assert "nearest help" in result.stderr

    entries = json.loads(
        invoke("resources", "--for", "supporter", "--country", "KR", "--json").stdout
    )
    fallback = [e for e in entries if e["fallback"]]
    assert [e["id"] for e in fallback][:1] == ["kr-109"]

    texting = invoke("resources", "--channel", "text", "--country", "JP")
    assert "Nothing in ally's list for Japan" in texting.stdout
    assert "0120-279-338" in texting.stdout


def test_unknown_filter_value_is_a_usage_error() -> None:
    assert invoke("resources", "--channel", "pigeon").exit_code == 2


# ------------------------------------------------------------------ regions


def test_without_a_region_every_regional_line_names_its_region() -> None:
    out = invoke("resources", "--country", "GB").stdout
    assert "NHS 111, mental health option (England and Wales)" in out
    assert "Breathing Space (Scotland)" in out
    assert "Lifeline (Northern Ireland)" in out
    assert "NHS 111 covers England and Wales; in Scotland, 111 reaches NHS 24" in out


@pytest.mark.parametrize(
    ("region", "shown", "hidden"),
    [
        ("scotland", ["NHS 24 on 111", "Breathing Space", "Samaritans"], ["NHS 111,", "Lifeline"]),
        ("Northern Ireland", ["Lifeline", "Samaritans"], ["Breathing Space", "NHS 111,"]),
        ("wales", ["NHS 111, mental health option"], ["Breathing Space", "Lifeline"]),
    ],
)
def test_a_region_shows_its_own_lines_and_the_national_ones(
    region: str, shown: list[str], hidden: list[str]
) -> None:
    result = invoke("resources", "--country", "GB", "--region", region)
    assert result.exit_code == 0, result.stderr
    for name in shown:
        assert name in result.stdout, name
    for name in hidden:
        assert name not in result.stdout, name


def test_the_region_comes_from_the_config_file_too(ally_home: Path) -> None:
    assert invoke("config", "set", "country", "GB").exit_code == 0
    assert invoke("config", "set", "region", "Northern Ireland").exit_code == 0
    result = invoke("resources")
    assert "Lifeline" in result.stdout and "Breathing Space" not in result.stdout
    # --region beats the setting.
    result = invoke("resources", "--region", "scotland")
    assert "Breathing Space" in result.stdout and "Lifeline" not in result.stdout
    # Another country: the Northern Ireland setting does not apply, and nothing breaks.
    result = invoke("resources", "--country", "IE")
    assert result.exit_code == 0 and "Samaritans Ireland" in result.stdout


def test_a_region_of_another_country_is_a_usage_error() -> None:
    result = invoke("resources", "--country", "US", "--region", "scotland")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "not a region of United States" in result.stderr


def test_config_refuses_a_region_ally_does_not_know(ally_home: Path) -> None:
    result = invoke("config", "set", "region", "narnia")
    assert result.exit_code == 2
    assert "northern-ireland" in result.stderr
    assert not (ally_home / "config.toml").exists()


# ------------------------------------------------------------------ show


def test_show_one_line_in_full() -> None:
    result = invoke("resources", "show", "gb-breathing-space")
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "  Monday to Thursday 18:00 to 02:00; Friday 18:00 to Monday 06:00 · Breathing Space"
    )
    assert "Source (own page): https://www.breathingspace.scot" in result.stdout
    data = json.loads(invoke("resources", "show", "gb-breathing-space", "--json").stdout)
    assert data["regions"] == ["scotland"] and data["always_open"] is False


def test_show_an_unknown_id_is_not_found() -> None:
    result = invoke("resources", "show", "samaritans")
    assert result.exit_code == 1
    assert "gb-samaritans" in result.stderr  # a close id is suggested
