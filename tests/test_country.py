"""How `ally` decides which country's lines to show."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ally.countries import NAMES
from ally.errors import UsageError
from ally.resources import choose_country, country_from_locale, parse_country

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


def test_then_ally_country_then_locale_then_time_zone(zones: Path) -> None:
    assert choose_country(None, {"ALLY_COUNTRY": "fr"}, None, zones).code == "FR"
    choice = choose_country(None, {"LANG": "de_DE.UTF-8"}, "Europe/London", zones)
    assert (choice.code, choice.source) == ("DE", "locale")
    choice = choose_country(None, {"LANG": "C.UTF-8"}, "Europe/London", zones)
    assert (choice.code, choice.source) == ("GB", "time zone")
    assert choose_country(None, {}, "Etc/UTC", zones).code is None
    assert choose_country(None, {}, "Europe/Berlin", zones.with_name("missing")).code is None


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
