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

COVERED = (
    "US", "CA", "GB", "IE", "AU", "NZ", "IN", "DE", "FR",  # the first nine
    "ES", "IT", "NL", "BE", "CH", "AT", "SE", "NO", "DK", "FI", "PL", "JP", "SG", "ZA",
    "BR", "KR",
)  # fmt: skip
TODAY = date(2026, 12, 4)


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
    assert set(found.countries) == set(COVERED)
    for code in COVERED:
        country = found.countries[code]
        assert country.emergency and country.source_url.startswith("https://")
        kinds = {r.kind for r in found.resources if r.country == code}
        assert "crisis" in kinds, code


def test_every_entry_has_a_source_a_check_date_hours_cost_languages_and_a_way_in() -> None:
    found = load_directory()
    for r in found.resources:
        assert r.source_url.startswith("https://") and r.source_title, r.id
        assert date(2025, 1, 1) <= r.checked <= TODAY, r.id
        assert r.channels, r.id
        assert r.languages and r.cost, r.id
        assert r.hours or r.kind in ("information", "directory"), r.id
        assert r.country == "ZZ" or r.country in NAMES, r.id
        for channel in r.channels:
            if channel.type in ("call", "text"):
                assert NUMBER.match(channel.value), (r.id, channel.value)
                assert sum(ch.isdigit() for ch in channel.value) >= 3, (r.id, channel.value)
    for country in found.countries.values():
        assert date(2025, 1, 1) <= country.checked <= TODAY, country.code
        assert country.source_title, country.code


def test_every_source_is_on_the_allow_list_kept_in_the_data_file() -> None:
    found = load_directory()
    used = set()
    for r in found.resources:
        domain = found.source_domain(r.source_url)
        assert domain is not None, f"{r.id}: {r.source_url} is not on the allow-list"
        used.add(domain.domain)
        if r.source_kind == "secondary":
            assert r.confidence != "high", r.id
            assert "secondary" in r.note.lower(), f"{r.id}: say in the note it is secondary"
        elif r.source_kind == "emergency-service":
            assert domain.kind in ("emergency-service", "government"), r.id
        else:
            assert domain.kind == r.source_kind, (r.id, domain.kind, r.source_kind)
    for country in found.countries.values():
        domain = found.source_domain(country.source_url)
        assert domain is not None, country.code
        used.add(domain.domain)
        assert domain.kind in ("government", "emergency-service"), country.code
        assert country.source_kind == domain.kind, country.code
    assert {d.domain for d in found.source_domains} == used, "unused domains on the allow-list"


def test_news_aggregators_and_gp_blogs_are_gone() -> None:
    found = load_directory()
    urls = [r.source_url for r in found.resources] + [
        c.source_url for c in found.countries.values()
    ]
    assert not any("viralnewseveryday" in u or "norwoodmc" in u for u in urls)
    assert "wyo.gov" not in found.countries["US"].source_url


def numbers(found: directory.Directory, code: str) -> set[str]:
    return {
        c.value
        for r in found.resources
        if r.country == code
        for c in r.channels
        if c.type in ("call", "text", "whatsapp")
    }


# Numbers that mean something in one place only: (digits, "line" or "emergency") -> countries.
BELONGS_TO = {
    ("988", "line"): {"US", "CA"},
    ("741741", "line"): {"US"},
    ("838255", "line"): {"US"},
    ("678-678", "line"): {"US"},
    ("85258", "line"): {"GB"},
    ("50808", "line"): {"IE"},
    ("686868", "line"): {"CA"},
    ("1737", "line"): {"NZ"},
    ("3114", "line"): {"FR"},
    ("13 11 14", "line"): {"AU"},
    ("116 123", "line"): {"GB", "IE", "DE", "NO", "PL"},
    ("111", "line"): {"GB"},
    ("111", "emergency"): {"NZ"},
    ("113", "line"): {"NL"},
    ("113", "emergency"): {"NO"},
    ("147", "line"): {"CH", "AT"},
    ("1813", "line"): {"BE"},
    ("024", "line"): {"ES"},
    ("90101", "line"): {"SE"},
    ("109", "line"): {"KR"},
    ("188", "line"): {"BR"},
    ("1771", "line"): {"SG"},
    ("1767", "line"): {"SG"},
    ("911", "emergency"): {"US", "CA"},
    ("999", "emergency"): {"GB", "IE", "PL"},
    ("000", "emergency"): {"AU"},
    ("144", "emergency"): {"CH", "AT"},
    ("995", "emergency"): {"SG"},
    ("119", "emergency"): {"JP", "KR"},
}


def test_no_number_appears_under_a_country_it_does_not_belong_to() -> None:
    found = load_directory()
    for (number, kind), countries in BELONGS_TO.items():
        if kind == "line":
            where = {code for code in found.countries if number in numbers(found, code)}
        else:
            where = {c.code for c in found.countries.values() if number in c.emergency}
        assert where == countries, (number, kind, sorted(where))


def test_a_short_number_is_never_a_line_in_one_country_and_an_emergency_number_in_another() -> None:
    found = load_directory()
    emergency = {n: c.code for c in found.countries.values() for n in c.emergency}
    for code in found.countries:
        for n in numbers(found, code):
            if n in emergency and emergency[n] != code:
                assert (n, "line") in BELONGS_TO and (n, "emergency") in BELONGS_TO, (code, n)
    assert "111" not in found.countries["GB"].emergency
    assert found.countries["NZ"].emergency[0] == "111"


def test_the_lines_the_review_found_missing_are_there_and_kiran_is_gone() -> None:
    found = load_directory()
    by_id = {r.id: r for r in found.resources}
    assert "1300 659 467" in numbers(found, "AU")  # Suicide Call Back Service
    assert any(c.type == "text" for c in by_id["nz-lifeline-aotearoa"].channels)
    assert by_id["gb-lifeline-ni"].regions == ("northern-ireland",)
    assert by_id["gb-breathing-space"].regions == ("scotland",)
    assert by_id["gb-nhs24-111-scotland"].regions == ("scotland",)
    assert set(by_id["gb-nhs-111-mental-health"].regions) == {"england", "wales"}
    india = [r for r in found.resources if r.country == "IN" and r.kind == "crisis"]
    assert len(india) >= 2
    assert "in-kiran" not in by_id and "1800-599-0019" not in numbers(found, "IN")
    assert "Indigenous" in by_id["ca-hope-for-wellness"].label


def test_youth_lines_and_limited_hours_are_marked() -> None:
    found = load_directory()
    youth = {r.id for r in found.resources if r.youth}
    assert {"ca-kids-help-phone", "au-kids-helpline", "gb-childline"} <= youth
    for r in found.resources:
        assert r.always_open == (r.hours == "24/7"), r.id


def test_regions_are_declared_by_their_country() -> None:
    found = load_directory()
    gb = found.countries["GB"]
    assert [r.id for r in gb.regions] == ["england", "scotland", "wales", "northern-ireland"]
    assert "England and Wales" in gb.regions_note and "NHS 24" in gb.regions_note


def test_the_original_brief_organisations_are_listed() -> None:
    names = " | ".join(r.name for r in load_directory().resources)
    for expected in ("NAMI HelpLine", "Mental Health America", "SAMHSA's National Helpline"):
        assert expected in names


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


def test_every_crisis_step_that_recommends_a_move_has_things_to_say() -> None:
    guide = load_crisis_guide()
    moves = {"ask-directly", "ask-about-plan", "stay", "means", "call-together"}
    by_id = {s.id: s for s in guide.steps}
    assert moves <= set(by_id)
    for move in moves:
        assert 1 <= len(by_id[move].say) <= 2, move
    assert "Are you thinking about killing yourself?" in by_id["ask-directly"].say
    assert by_id["means"].say and by_id["call-together"].say
    for step in (*guide.steps, *guide.remote.steps):
        for line in step.say:
            assert line.endswith(("?", ".", "!")), line


def test_the_urgency_check_and_the_remote_steps_are_there() -> None:
    guide = load_crisis_guide()
    questions = " ".join(guide.urgency.questions)
    assert "hurt themselves" in questions and "plan" in questions and "means" in questions
    assert "{emergency}" in guide.urgency.if_yes
    assert [s.id for s in guide.remote.steps][:3] == [
        "keep-talking",
        "find-location",
        "get-help-there",
    ]
    assert len(guide.remote.routes) == 3


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
source_title = "t"
source_kind = "government"
confidence = "high"
checked = 2026-11-25
[[resource]]
id = "x-line"
name = "X line"
country = "{code}"
kind = "crisis"
audience = "a"
summary = "s"
hours = "24/7"
cost = "Free"
languages = ["en"]
website = "https://example.org"
confidence = "high"
source_url = "https://example.org"
source_title = "t"
source_kind = "own"
checked = 2026-11-25
{extra}
[[resource.channel]]
type = "call"
value = "{number}"
"""


@pytest.mark.parametrize(
    ("code", "number", "extra", "message"),
    [
        ("XX", "112", "", "not an ISO 3166-1"),
        ("GB", "call 999 now", "", "not well-formed"),
        ("GB", "0800) 1", "", "not well-formed"),
        ("GB", "116 123", 'regions = ["scotland"]', "unknown region"),
        ("GB", "116 123", 'instruction = "' + "x" * 61 + '"', "longer than"),
    ],
)
def test_a_broken_resource_is_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    code: str,
    number: str,
    extra: str,
    message: str,
) -> None:
    text = RESOURCE.format(code=code, number=number, extra=extra)
    write_data(tmp_path, monkeypatch, "resources.toml", text)
    with pytest.raises(ContentError, match=message):
        directory.load_directory()


@pytest.mark.parametrize("missing", ["cost", "source_kind", "languages", "hours"])
def test_an_entry_without_cost_source_kind_languages_or_hours_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, missing: str
) -> None:
    text = RESOURCE.format(code="GB", number="116 123", extra="")
    lines = [line for line in text.splitlines() if not line.startswith(f"{missing} =")]
    write_data(tmp_path, monkeypatch, "resources.toml", "\n".join(lines))
    with pytest.raises(ContentError, match=missing):
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


def test_every_language_a_line_answers_in_has_a_name_to_show() -> None:
    from ally.cli.resources import LANGUAGE_NAMES

    codes = {code for r in load_directory().resources for code in r.languages}
    assert codes <= set(LANGUAGE_NAMES), sorted(codes - set(LANGUAGE_NAMES))
