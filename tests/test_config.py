"""`ally config`: settings chosen once, stored safely, reported (never rewritten) when bad."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ally import config

from conftest import invoke


def test_set_show_unset_round_trip(ally_home: Path) -> None:
    assert invoke("config", "set", "country", "uk").exit_code == 0
    assert invoke("config", "set", "region", "Scotland").exit_code == 0
    shown = invoke("config", "show")
    assert "country: GB" in shown.stdout and "region: scotland" in shown.stdout
    assert invoke("config", "unset", "region").exit_code == 0
    assert config.load(ally_home / "config.toml") == {"country": "GB"}


def test_file_is_private(ally_home: Path) -> None:
    invoke("config", "set", "country", "IE")
    path = ally_home / "config.toml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(ally_home.stat().st_mode) == 0o700


def test_bad_value_is_refused_and_writes_nothing(ally_home: Path) -> None:
    result = invoke("config", "set", "country", "XX")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    assert not (ally_home / "config.toml").exists()


def test_unknown_setting_is_a_usage_error(ally_home: Path) -> None:
    result = invoke("config", "set", "colour", "blue")
    assert result.exit_code == 2
    assert "unknown setting" in result.stderr


def test_bad_file_is_reported_with_its_path_and_left_alone(ally_home: Path) -> None:
    ally_home.mkdir()
    path = ally_home / "config.toml"
    path.write_text('country = "ZZ"\n')
    for args in (("config", "show"), ("config", "set", "region", "wales")):
        result = invoke(*args)
        assert result.exit_code == 1
        assert str(path) in result.stderr
    assert path.read_text() == 'country = "ZZ"\n'


def test_not_toml_is_reported(ally_home: Path) -> None:
    ally_home.mkdir()
    (ally_home / "config.toml").write_text("country = \n")
    result = invoke("config", "show", "--json")
    assert result.exit_code == 1
    assert "not valid TOML" in result.stderr


def test_unset_of_a_missing_setting_says_so(ally_home: Path) -> None:
    result = invoke("config", "unset", "country")
    assert result.exit_code == 0
    assert "was not set" in result.stderr


@given(
    st.dictionaries(
        st.sampled_from(["a", "b-c", "sync.url", "sync.user_name", "x.y.z"]),
        st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
    )
)
def test_written_toml_reads_back_the_same(values: dict[str, str]) -> None:
    parsed = tomllib.loads(config.dumps(values))
    assert dict(config._flatten(parsed)) == values


def test_the_config_path_matches_platformdirs_without_importing_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import platformdirs

    for xdg in ("", str(tmp_path / "xdg")):
        env = {"XDG_CONFIG_HOME": xdg} if xdg else {}
        monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
        if xdg:
            monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
        expected = Path(platformdirs.user_config_dir("ally", appauthor=False)) / "config.toml"
        assert config.config_path(env) == expected
