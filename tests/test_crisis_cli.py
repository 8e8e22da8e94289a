"""`ally crisis`: the emergency number first, then the urgency check, then the lines.

Never a dead end: an unknown country, a bad setting or a bad region still shows
the screen, and the problem goes to stderr with the documented exit code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ally.cli.resources import headline
from ally.content.directory import load_directory
from ally.resources import CountryChoice, listing

from conftest import assert_golden, invoke

COUNTRIES = sorted(load_directory().countries)


@pytest.mark.parametrize("code", COUNTRIES)
def test_every_country_puts_the_emergency_number_first_then_urgency_then_lines(
    code: str,
) -> None:
    country = load_directory().countries[code]
    result = invoke("crisis", "--country", code)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Life in danger? Call {' or '.join(country.emergency)} now."
    out = result.stdout
    urgency = out.index("Is it an emergency?")
    assert urgency < out.index(f"Crisis lines ({country.name})") < out.index("What to do")
    assert f"call {country.emergency[0]} now, stay with them" in out
    assert len(lines) <= 48, "short enough to read in a panic"


@pytest.mark.parametrize("code", COUNTRIES)
def test_lines_show_their_hours_first_and_youth_lines_are_on_the_screen(code: str) -> None:
    out = invoke("crisis", "--country", code).stdout
    found = listing(load_directory(), CountryChoice(code, "option"))
    shown = [r for r in found.entries if r.kind == "crisis" and f"· {r.name}" in out]
    assert shown
    for r in shown:
        assert f"  {headline(r, found.country)}\n" in out  # hours, then the name
        assert headline(r, found.country).startswith(r.hours)
    for r in found.entries:
        if r.kind == "crisis" and r.youth and r.always_open:
            assert r.name in out, f"{code}: 24/7 youth line {r.id} missing"


@pytest.mark.parametrize(
    ("code", "instruction"),
    [
        ("US", "call 988, then press 1"),
        ("GB", "call 111, choose the mental health option"),
        ("DE", "(if busy, try the other number)"),
        ("ZA", "text 31393, a counsellor calls you back"),
    ],
)
def test_each_channel_keeps_its_short_instruction(code: str, instruction: str) -> None:
    assert instruction in invoke("crisis", "--country", code).stdout


def test_indigenous_and_youth_labels_are_said() -> None:
    out = invoke("crisis", "--country", "CA").stdout
    assert "Hope for Wellness Help Line, for Indigenous peoples" in out
    assert "Kids Help Phone, for children, teens and young adults" in out


@pytest.mark.parametrize("code", ["US", "GB", "DE", "JP"])
def test_crisis_rendering_is_stable(code: str) -> None:
    assert_golden(f"crisis_{code.lower()}.txt", invoke("crisis", "--country", code).stdout)


def test_scotland_gets_its_own_lines_and_says_what_111_is() -> None:
    result = invoke("crisis", "--country", "GB", "--region", "scotland")
    out = result.stdout
    assert result.exit_code == 0
    assert "Crisis lines (United Kingdom, Scotland)" in out
    assert "NHS 24 on 111" in out and "Breathing Space" in out
    assert "NHS 111, mental health option" not in out and "Lifeline" not in out
    assert_golden("crisis_gb_scotland.txt", out)


# ------------------------------------------------------------------ which country


def test_a_london_time_zone_beats_an_american_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("TZ", "Europe/London")
    result = invoke("crisis")
    assert result.exit_code == 0
    assert result.stdout.startswith("Life in danger? Call 999 or 112 now.")
    assert "988" not in result.stdout
    assert "time zone Europe/London" in result.stderr
    assert "--country US" in result.stderr


def test_the_precedence_chain_end_to_end(ally_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def first_line(*args: str) -> str:
        return invoke("crisis", *args).stdout.splitlines()[0]

    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("TZ", "UTC")
    assert first_line() == "Life in danger? Call 911 now."  # locale, last resort
    monkeypatch.setenv("TZ", "Europe/Berlin")
    assert first_line() == "Life in danger? Call 112 or 110 now."  # time zone beats locale
    assert invoke("config", "set", "country", "IE").exit_code == 0
    assert first_line() == "Life in danger? Call 112 or 999 now."  # config beats time zone
    monkeypatch.setenv("ALLY_COUNTRY", "AU")
    assert first_line() == "Life in danger? Call 000 or 112 now."  # environment beats config
    assert first_line("--country", "NZ") == "Life in danger? Call 111 now."  # flag beats all


def test_a_configured_country_is_not_announced_as_a_guess(ally_home: Path) -> None:
    invoke("config", "set", "country", "NL")
    result = invoke("crisis")
    assert result.stdout.startswith("Life in danger? Call 112 now.")
    assert result.stderr == ""


# ------------------------------------------------------------------ never a dead end


@pytest.mark.parametrize(
    ("args", "env"),
    [(("--country", "XX"), {}), ((), {"ALLY_COUNTRY": "zz"}), (("--country", "Narnia"), {})],
)
def test_an_unknown_country_still_shows_what_is_true_everywhere(
    args: tuple[str, ...], env: dict[str, str]
) -> None:
    result = invoke("crisis", *args, env=env)
    assert result.exit_code == 2  # scripts can tell the code was wrong
    out = result.stdout
    assert out.startswith("Life in danger? Call your local emergency number now.")
    assert "Is it an emergency?" in out
    assert "call your local emergency number now, stay with them" in out
    assert "Find A Helpline: https://findahelpline.com" in out
    assert "What to do" in out
    assert result.stderr.startswith("Error: ")
    assert "not an ISO 3166" in result.stderr
    assert "Showing the crisis screen anyway." in result.stderr


def test_an_unknown_country_gets_close_suggestions() -> None:
    result = invoke("crisis", "--country", "germany")
    assert "did you mean DE (Germany)" in result.stderr
    assert_golden("crisis_unknown.txt", invoke("crisis", "--country", "XX").stdout)


def test_a_bad_config_file_still_shows_the_screen(ally_home: Path) -> None:
    ally_home.mkdir()
    path = ally_home / "config.toml"
    path.write_text('country = "QQ"\n')
    result = invoke("crisis")
    assert result.exit_code == 1
    assert result.stdout.startswith("Life in danger? Call your local emergency number now.")
    assert str(path) in result.stderr
    assert path.read_text() == 'country = "QQ"\n'


def test_a_bad_region_still_shows_the_whole_country() -> None:
    result = invoke("crisis", "--country", "GB", "--region", "bavaria")
    assert result.exit_code == 2
    assert result.stdout.startswith("Life in danger? Call 999 or 112 now.")
    assert "Samaritans" in result.stdout
    assert "not a region of United Kingdom" in result.stderr


def test_crisis_without_a_country_still_helps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "C")
    result = invoke("crisis")
    assert result.exit_code == 0
    assert result.stdout.startswith("Life in danger? Call your local emergency number now.")
    assert "https://" in result.stdout


# ------------------------------------------------------------------ far away


def test_remote_uses_their_country_for_help_and_yours_for_support(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.setenv("TZ", "Europe/London")
    result = invoke("crisis", "--country", "CA", "--remote")
    assert result.exit_code == 0
    out = result.stdout
    assert out.splitlines()[0] == (
        "Life in danger where they are? The emergency number in Canada is 911."
    )
    assert "Keep them talking." in out and "Find out where they are." in out
    assert "Get emergency help to where they are: 911 in Canada." in out
    assert "cannot be dialled from another country" in out
    assert "Call your own emergency number" in out
    assert "Your own emergency number (United Kingdom): 999 or 112" in out
    their = out[out.index("Crisis lines where they are (Canada)") : out.index("Support for you")]
    assert "call 988" in their and "116 123" not in their
    yours = out[out.index("Support for you (United Kingdom)") :]
    assert "988" not in yours
    assert_golden("crisis_ca_remote_from_gb.txt", out)


def test_remote_shows_the_police_non_emergency_number_where_known() -> None:
    out = invoke("crisis", "--country", "NL", "--remote", env={"ALLY_COUNTRY": "GB"}).stdout
    assert "Police, not urgent, in the Netherlands: 0900-8844" in out


def test_remote_without_their_country_asks_where_they_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ALLY_COUNTRY", "GB")
    result = invoke("crisis", "--remote")
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "Life in danger where they are? Call the emergency number of the country they are in."
    )
    assert "--country CC" in result.stderr
    assert "Support for you (United Kingdom)" in result.stdout


# ------------------------------------------------------------------ JSON


def test_crisis_json_keeps_its_keys_and_adds_new_ones() -> None:
    data = json.loads(invoke("crisis", "--country", "NZ", "--json").stdout)
    assert set(data) >= {
        "country",
        "country_name",
        "emergency",
        "emergency_source",
        "lines",
        "directories",
        "steps",
        "sources",
        "urgency",
        "region",
        "remote",
    }
    assert data["country"] == "NZ"
    assert data["emergency"][0] == "111"
    assert data["lines"] and all(line["source"].startswith("https://") for line in data["lines"])
    assert len(data["steps"]) >= 4
    assert all({"title", "detail", "say", "id"} <= set(step) for step in data["steps"])
    assert "call 111 now" in data["urgency"]["if_yes"]


def test_remote_json_has_their_help_and_your_support() -> None:
    data = json.loads(
        invoke("crisis", "--country", "CA", "--remote", "--json", env={"ALLY_COUNTRY": "GB"}).stdout
    )
    assert data["remote"] is True and data["country"] == "CA"
    assert data["support_for_you"]["country"] == "GB"
    assert data["support_for_you"]["emergency"] == ["999", "112"]
    assert any("911" in route for route in data["routes"])
    assert [s["id"] for s in data["remote_steps"]][:2] == ["keep-talking", "find-location"]


def test_unknown_country_json_is_still_json() -> None:
    result = invoke("crisis", "--country", "XX", "--json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["country"] is None and data["emergency"] == []
    assert data["directories"]
