"""The scenarios as content: in step with the engine's names, safe to read, and with
follow-ups `ally remind` understands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ally.content import scenarios
from ally.content.scenarios import Scenario, load_scenarios
from ally.practice import feedback
from ally.practice.feedback import analyse

from conftest import invoke

SCENARIOS = load_scenarios()
IDS = [s.id for s in SCENARIOS]
NEW = (
    "colleague-back-from-sick-leave",
    "friend-far-away-video-call",
    "parent-memory-worry",
    "partner-after-miscarriage",
    "daughter-being-bullied",
    "friend-after-psychotic-episode",
)


def lines(s: Scenario) -> list[str]:
    """Everything the loved one can say."""
    said = [s.opening, s.since, s.warm, s.cold, s.ask.line, s.ask.early, s.ask.close]
    for beat in s.beats:
        said += [beat.open, beat.closed, beat.told]
    for reactions in s.reactions.values():
        said += list(reactions)
    said += list(s.pitfalls.values())
    for advice in s.advice:
        said += [advice.early, advice.weighed]
    said += [m.line for m in s.misreadings]
    safe = s.safe
    said += [safe.asked, safe.urgency, safe.means, safe.help, safe.stay, safe.not_yet]
    return [line for line in [*said, safe.emergency] if line]


def test_the_scenarios_use_the_engines_names() -> None:
    assert scenarios.PITFALLS == feedback.PITFALLS
    assert scenarios.SAFETY_MOVES == feedback.SAFETY


def test_thirty_scenarios_including_the_six_new_ones() -> None:
    assert len(SCENARIOS) >= 30
    assert set(NEW) <= set(IDS)


def test_enough_scenarios_practise_urgency_and_one_an_emergency() -> None:
    urgent = [s.id for s in SCENARIOS if s.safe.urgent]
    assert len(urgent) >= 2
    assert "grandad-putting-affairs-in-order" in urgent
    assert [s.id for s in SCENARIOS if s.safe.emergency_now] == ["friend-goodbye-message"]
    grandad = next(s for s in SCENARIOS if s.id == "grandad-putting-affairs-in-order")
    assert "asks_about_urgency" in grandad.ask.needs


@pytest.mark.parametrize("s", [s for s in SCENARIOS if not s.risk], ids=lambda s: s.id)
def test_no_line_of_a_scenario_without_risk_reads_as_risk(s: Scenario) -> None:
    for line in lines(s):
        assert not analyse("Okay.", line).risk, line


# Method detail has no place in anything we write (safe messaging).
METHOD = re.compile(
    r"\b(overdose|pills?|paracetamol|hang(ing|ed)?(?! up)|rope|bridge|jump(ing)?(?! to)|gun|knife|"
    r"blade|razor|poison|rail(way)?|train tracks|cutting (myself|my)|\d+ (tablets|pills))\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_nothing_any_scenario_says_gives_method_detail(s: Scenario) -> None:
    for line in [s.setting, s.goal, *lines(s)]:
        assert not METHOD.search(line), line


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_lines_are_plain_text(s: Scenario) -> None:
    for line in lines(s):
        assert "[" not in line and "\x1b" not in line, line
        assert line == " ".join(line.split()), line


@pytest.mark.parametrize("s", [s for s in SCENARIOS if s.ask.follow_up], ids=lambda s: s.id)
def test_every_follow_up_is_a_reminder_ally_can_read(s: Scenario, ally_home: Path) -> None:
    follow = s.ask.follow_up
    assert follow is not None
    result = invoke("remind", "add", follow.text, "--at", follow.at, "--about", s.name, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert not (ally_home / "ally.sqlite3").exists()  # a dry run saves nothing


@pytest.mark.parametrize("s", [s for s in SCENARIOS if s.risk], ids=lambda s: s.id)
def test_every_risk_scenario_asks_for_a_follow_up(s: Scenario) -> None:
    assert s.ask.follow_up is not None
