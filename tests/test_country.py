"""How `ally` decides which country's lines to show."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ally.content.directory import Country, Region
from ally.countries import NAMES
from ally.errors import UsageError
from ally.resources import (
    choose_country,
    choose_region,
    close_countries,
    country_from_locale,
    parse_country,
    region_id,
)

# A small zone.tab in the tz database's format, so the tests do not depend on the machine's.
ZONE_TAB = (
    "# code\tcoordinates\tzone\n"
    "DE\t+5230+01322\tEurope/Berlin\n"
    "GB\t+513030-0000731\tEurope/London\n"
    "US\t+404251-0740023\tAmerica/New_York\n"
)


@pytest.fixture
def zones(tmp_path: Path) -> Path:
    path = tmp_path / "zone.tab"
    path.write_text(ZONE_TAB)
    return path


def test_the_option_wins_over_everything(zones: Path) -> None:
    env = {"ALLY_COUNTRY": "FR", "LANG": "de_DE.UTF-8"}
    assert choose_country("gb", env, "America/New_York", zones).code == "GB"


def test_the_whole_chain_option_environment_config_time_zone_locale(zones: Path) -> None:
    env = {"ALLY_COUNTRY": "fr", "LANG": "de_DE.UTF-8"}
    everything = {"configured": "IE", "config_path": "/c.toml"}
    assert choose_country("nz", env, "Europe/London", zones, **everything).code == "NZ"
    choice = choose_country(None, env, "Europe/London", zones, **everything)
    assert (choice.code, choice.source) == ("FR", "ALLY_COUNTRY")
    choice = choose_country(None, {"LANG": "de_DE.UTF-8"}, "Europe/London", zones, **everything)
    assert (choice.code, choice.source, choice.guessed) == ("IE", "config", False)
    choice = choose_country(None, {"LANG": "de_DE.UTF-8"}, "Europe/London", zones)
    assert (choice.code, choice.source) == ("GB", "time zone")
    choice = choose_country(None, {"LANG": "de_DE.UTF-8"}, "Etc/UTC", zones)
    assert (choice.code, choice.source) == ("DE", "locale")
    assert choose_country(None, {}, "Etc/UTC", zones).code is None
    assert choose_country(None, {}, "Europe/Berlin", zones.with_name("missing")).code is None


def test_the_time_zone_beats_an_american_locale_and_says_so(zones: Path) -> None:
    choice = choose_country(None, {"LANG": "en_US.UTF-8"}, "Europe/London", zones)
    assert (choice.code, choice.source) == ("GB", "time zone")
    assert choice.alternative == ("US", "LANG=en_US.UTF-8")
    agreeing = choose_country(None, {"LANG": "en_GB.UTF-8"}, "Europe/London", zones)
    assert agreeing.alternative is None


def test_lc_all_decides_before_lang() -> None:
    assert country_from_locale({"LC_ALL": "fr_FR@euro", "LANG": "en_US.UTF-8"}) == (
        "FR",
        "LC_ALL=fr_FR@euro",
    )
    assert country_from_locale({"LC_ALL": "C", "LANG": "en_US.UTF-8"}) is None


def test_uk_is_understood_as_gb() -> None:
    assert parse_country("uk") == "GB"


@given(st.text(max_size=4))
def test_parse_country_accepts_iso_codes_and_refuses_the_rest(value: str) -> None:
    try:
        code = parse_country(value)
    except UsageError as exc:
        assert value.strip().upper() not in NAMES
        assert "not an ISO 3166" in exc.message
    else:
        assert code in NAMES


COVERED = {"DE": "Germany", "DK": "Denmark", "GB": "United Kingdom", "US": "United States"}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("germany", "DE"), ("Germny", "DE"), ("GR", "GB"), ("united kingdom", "GB"), ("USA", "US")],
)
def test_close_countries_suggests_codes_and_names(typed: str, expected: str) -> None:
    assert expected in close_countries(typed, COVERED)


def test_an_unknown_code_names_the_close_ones() -> None:
    with pytest.raises(UsageError) as caught:
        parse_country("germany", covered=COVERED)
    assert caught.value.hint is not None and "DE (Germany)" in caught.value.hint
    with pytest.raises(UsageError) as caught:
        parse_country("XX", covered=COVERED)
    assert caught.value.hint == "countries ally has lines for: DE, DK, GB, US"


GB = Country(
    code="GB",
    name="United Kingdom",
    emergency=("999",),
    emergency_note="",
    source_url="https://example.org",
    checked=date(2026, 12, 4),
    regions=(Region("scotland", "Scotland"), Region("northern-ireland", "Northern Ireland")),
)
US = Country(
    code="US",
    name="United States",
    emergency=("911",),
    emergency_note="",
    source_url="https://example.org",
    checked=date(2026, 12, 4),
)


def test_region_option_beats_the_config_file_and_is_normalised() -> None:
    assert region_id(" Northern Ireland ") == "northern-ireland"
    chosen = choose_region(GB, "Northern_Ireland", "scotland")
    assert chosen.region is not None and (chosen.region.id, chosen.source) == (
        "northern-ireland",
        "option",
    )
    configured = choose_region(GB, None, "scotland")
    assert configured.region is not None and configured.source == "config"


def test_a_region_must_belong_to_the_country() -> None:
    with pytest.raises(UsageError, match="not a region of United Kingdom"):
        choose_region(GB, "bavaria", None)
    with pytest.raises(UsageError, match="not a region of United States"):
        choose_region(US, "scotland", None)
    # A configured region of another country is not an error: it is set aside.
    assert choose_region(US, None, "scotland").region is None
    ignored = choose_region(GB, None, "wales-of-nowhere")
    assert ignored.region is None and ignored.ignored == "wales-of-nowhere"
