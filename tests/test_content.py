"""The shipped content is complete, sourced and well-formed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import ally.content
from ally.content import directory, scenarios, tips
from ally.content.crisis import load_crisis_guide
from ally.content.directory import NUMBER, load_directory
from ally.content.scenarios import load_scenarios
from ally.content.tips import load_tips
from ally.countries import NAMES
from ally.errors import ContentError

COVERED = ("US", "CA", "GB", "IE", "AU", "NZ", "IN", "DE", "FR")
TODAY = date(2026, 11, 25)


def test_tips_cover_eight_categories_with_enough_tips() -> None:
    book = load_tips()
    assert len(book.tips) >= 24
    assert len(book.categories) >= 6
    for category in book.categories:
        assert sum(t.category == category for t in book.tips) >= 3, category.id


def test_the_four_tips_of_the_original_brief_are_there() -> None:
    ids = {t.id for t in load_tips().tips}
    assert {
        "listen-actively",
        "educate-yourself",
        "encourage-self-care",
        "be-patient-and-persistent",
    } <= ids


def test_every_tip_is_complete_and_sourced() -> None:
    for tip in load_tips().tips:
        assert tip.sources, tip.id
        assert all(s.url.startswith("https://") for s in tip.sources), tip.id
        assert tip.steps and tip.say and tip.avoid, tip.id
        assert "[" not in tip.searchable(), f"{tip.id}: brackets read as markup in some tools"


def test_every_covered_country_has_an_emergency_number_and_a_crisis_line() -> None:
    found = load_directory()
    for code in COVERED:
        country = found.countries[code]
        assert country.emergency and country.source_url.startswith("https://")
        kinds = {r.kind for r in found.resources if r.country == code}
        assert "crisis" in kinds, code


def test_every_resource_has_a_source_a_check_date_and_a_way_in() -> None:
    found = load_directory()
    for r in found.resources:
        assert r.source_url.startswith("https://"), r.id
        assert date(2025, 1, 1) <= r.checked <= TODAY, r.id
        assert r.channels, r.id
        assert r.country == "ZZ" or r.country in NAMES, r.id
        for channel in r.channels:
            if channel.type in ("call", "text"):
                assert NUMBER.match(channel.value), (r.id, channel.value)
                assert sum(ch.isdigit() for ch in channel.value) >= 3, (r.id, channel.value)


def test_the_original_brief_organisations_are_listed() -> None:
    names = " | ".join(r.name for r in load_directory().resources)
    for expected in ("NAMI HelpLine", "Mental Health America", "SAMHSA's National Helpline"):
        assert expected in names


def test_numbers_are_keyed_to_the_right_countries() -> None:
    found = load_directory()

    def numbers(code: str) -> set[str]:
        return {c.value for r in found.resources if r.country == code for c in r.channels}

    assert "988" in numbers("US") and "988" in numbers("CA")
    assert not any(n == "988" for code in ("GB", "IE", "AU", "NZ") for n in numbers(code))
    assert "116 123" in numbers("GB") and "116 123" in numbers("IE")
    assert found.countries["NZ"].emergency[0] == "111"
    assert "111" not in found.countries["GB"].emergency


def test_international_directories_are_the_fallback() -> None:
    directories = [r for r in load_directory().resources if r.kind == "directory"]
    assert len(directories) >= 1
    assert all(r.country == "ZZ" for r in directories)


def test_scenarios_cover_the_situations_and_risk() -> None:
    all_scenarios = load_scenarios()
    assert len(all_scenarios) >= 20
    assert {s.situation for s in all_scenarios} == set(scenarios.SITUATIONS)
    assert sum(s.situation == "suicide-risk" for s in all_scenarios) >= 3
    assert all(s.risk for s in all_scenarios if s.situation in ("suicide-risk", "self-harm"))


def test_crisis_steps_are_short_and_sourced() -> None:
    guide = load_crisis_guide()
    assert 4 <= len(guide.steps) <= 7
    assert any("suicide" in s.title for s in guide.steps)
    assert guide.sources


# ------------------------------------------------------- the schema bites


def write_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(ally.content, "data_dir", lambda: folder)


TIP = """
[meta]
checked = 2026-11-25
[[category]]
id = "listening"
title = "Listening"
blurb = "b"
[[tip]]
id = "{id}"
category = "{category}"
title = "t"
summary = "s"
why = "w"
steps = ["a"]
say = ["a"]
avoid = ["a"]
{source}
"""
SOURCE = '[[tip.source]]\nname = "n"\ntitle = "t"\nurl = "https://example.org/x"'


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"id": "Bad Id", "category": "listening", "source": SOURCE}, "not well-formed"),
        ({"id": "ok", "category": "nowhere", "source": SOURCE}, "must be one of"),
        ({"id": "ok", "category": "listening", "source": ""}, "'source'"),
        (
            {"id": "ok", "category": "listening", "source": SOURCE.replace("https", "http")},
            "not well-formed",
        ),
    ],
)
def test_a_broken_tip_is_reported_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fields: dict[str, str], message: str
) -> None:
    write_data(tmp_path, monkeypatch, "tips.toml", TIP.format(**fields))
    with pytest.raises(ContentError, match=message):
        tips.load_tips()


def test_duplicate_ids_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = TIP.format(id="same", category="listening", source=SOURCE)
    twice = one + one[one.index("[[tip]]") :]
    write_data(tmp_path, monkeypatch, "tips.toml", twice)
    with pytest.raises(ContentError, match="duplicate tip id 'same'"):
        tips.load_tips()


RESOURCE = """
[meta]
checked = 2026-11-25
note = "n"
[[country]]
code = "{code}"
name = "X"
emergency = ["112"]
source_url = "https://example.org"
checked = 2026-11-25
[[resource]]
id = "x-line"
name = "X line"
country = "{code}"
kind = "crisis"
audience = "a"
summary = "s"
hours = "24/7"
languages = ["en"]
website = "https://example.org"
confidence = "high"
source_url = "https://example.org"
source_title = "t"
checked = 2026-11-25
[[resource.channel]]
type = "call"
value = "{number}"
"""


@pytest.mark.parametrize(
    ("code", "number", "message"),
    [
        ("XX", "112", "not an ISO 3166-1"),
        ("GB", "call 999 now", "not well-formed"),
        ("GB", "0800) 1", "not well-formed"),
    ],
)
def test_a_broken_resource_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str, number: str, message: str
) -> None:
    write_data(tmp_path, monkeypatch, "resources.toml", RESOURCE.format(code=code, number=number))
    with pytest.raises(ContentError, match=message):
        directory.load_directory()


def test_invalid_toml_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_data(tmp_path, monkeypatch, "tips.toml", "[[tip]\nid = ")
    with pytest.raises(ContentError, match=r"tips\.toml is not valid TOML"):
        tips.load_tips()


def test_the_parse_cache_follows_edits_and_survives_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ally_home: Path
) -> None:
    write_data(
        tmp_path,
        monkeypatch,
        "tips.toml",
        TIP.format(id="first", category="listening", source=SOURCE),
    )
    assert [t.id for t in tips.load_tips().tips] == ["first"]
    cached = ally_home / "cache" / "tips.toml.marshal"
    assert cached.exists()

    tips.load_tips.cache_clear()
    write_data(
        tmp_path,
        monkeypatch,
        "tips.toml",
        TIP.format(id="second-one", category="listening", source=SOURCE),
    )
    assert [t.id for t in tips.load_tips().tips] == ["second-one"]

    tips.load_tips.cache_clear()
    cached.write_bytes(b"\x00garbage")
    assert [t.id for t in tips.load_tips().tips] == ["second-one"]
