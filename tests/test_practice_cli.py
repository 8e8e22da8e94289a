"""`ally practice`: a conversation driven with scripted input, and `check`."""

from __future__ import annotations

import json
from pathlib import Path

from ally.content.scenarios import Scenario, load_scenarios

from conftest import invoke

GOOD = "It sounds like everything feels heavy right now. What has that been like for you?"
BAD = "Cheer up, at least you don't have exams to worry about."


def scenario(scenario_id: str) -> Scenario:
    return next(s for s in load_scenarios() if s.id == scenario_id)


def test_a_full_conversation_reacts_to_each_reply_and_ends_with_a_summary() -> None:
    flatmate = scenario("flatmate-low-mood")
    result = invoke("practice", "--scenario", "flatmate-low-mood", input=f"{GOOD}\n{BAD}\n{GOOD}\n")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert f"Sam: {flatmate.opening}" in out
    assert f"Sam: {flatmate.open[0]}" in out  # opened up after a reflection
    assert f"Sam: {flatmate.withdraw[1]}" in out  # pulled back after minimising
    assert f"Sam: {flatmate.open[2]}" in out
    assert "+ reflection" in out and "+ open question" in out
    assert '! minimising: "' in out
    assert "How it went" in out
    assert "Pitfalls: minimising x1" in out
    assert "One thing to try next time:" in out


def test_ctrl_d_ends_early_with_a_summary() -> None:
    result = invoke("practice", "--scenario", "flatmate-low-mood", input=f"{GOOD}\n")
    assert result.exit_code == 0
    assert "How it went" in result.stdout
    assert "Replies: 1" in result.stdout


def test_an_empty_reply_gets_a_nudge_not_an_error() -> None:
    result = invoke("practice", "--scenario", "flatmate-low-mood", input="\n   \n")
    assert result.exit_code == 0
    assert result.stdout.count("Take your time.") == 2
    assert "No replies this time" in result.stdout


def test_a_risk_scenario_checks_the_safety_steps_and_shows_crisis_lines() -> None:
    replies = [
        "That sounds really painful. Are you thinking about suicide?",
        "Thank you for telling me. I can't promise to keep this secret, because I care about you.",
        "Can we call a crisis line together right now?",
        "I'm staying right here with you.",
    ]
    result = invoke(
        "practice",
        "--scenario",
        "friend-better-off-without-me",
        input="\n".join(replies) + "\n",
        env={"ALLY_COUNTRY": "GB"},
    )
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Asked directly about suicide: yes" in out
    assert "Kept clear of promising secrecy: yes" in out
    assert "Pointed to help: yes" in out
    assert "Life in danger? Call 999 or 112 now." in out


def test_promising_secrecy_is_caught_in_a_risk_scenario() -> None:
    result = invoke(
        "practice",
        "--scenario",
        "niece-asks-for-secrecy",
        input="Okay, I promise I won't tell anyone.\n",
        env={"ALLY_COUNTRY": "US"},
    )
    assert "! promising secrecy" in result.stdout
    assert "Kept clear of promising secrecy: no" in result.stdout
    assert "One thing to try next time: Ask directly" in result.stdout
    assert "Call 911" in result.stdout


def test_sessions_are_stored_and_stats_show_them() -> None:
    invoke("practice", "--scenario", "flatmate-low-mood", input=f"{GOOD}\n{GOOD}\n{GOOD}\n")
    invoke("practice", "--scenario", "student-exam-panic", input=f"{BAD}\n")
    stats = json.loads(invoke("practice", "--stats", "--json").stdout)
    assert stats["sessions"] == 2
    rates = {s["name"]: s for s in stats["skills"]}
    assert rates["reflection"]["overall_rate"] == 0.75  # 3 of 4 replies
    text = invoke("practice", "--stats").stdout
    assert "2 session(s)" in text and "reflection" in text


def test_stats_before_any_session_create_nothing(ally_home: Path) -> None:
    result = invoke("practice", "--stats")
    assert result.exit_code == 0
    assert "No sessions yet" in result.stdout
    assert not ally_home.exists()


def test_list_and_filters() -> None:
    listed = json.loads(invoke("practice", "--list", "--json").stdout)
    assert len(listed) >= 20
    gentle = json.loads(invoke("practice", "--list", "--difficulty", "gentle", "--json").stdout)
    assert gentle and all(s["difficulty"] == "gentle" for s in gentle)
    assert "flatmate-low-mood" in invoke("practice", "--list").stdout


def test_unknown_scenario_and_difficulty() -> None:
    missing = invoke("practice", "--scenario", "nope")
    assert missing.exit_code == 1
    assert missing.stderr.startswith("Error: no scenario with id 'nope'")
    bad = invoke("practice", "--difficulty", "extreme")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("Error: ") and "gentle" in bad.stderr


def test_a_random_scenario_is_reproducible_with_a_seed() -> None:
    first = invoke("practice", "--seed", "3", input="").stdout.splitlines()[0]
    assert first == invoke("practice", "--seed", "3", input="").stdout.splitlines()[0]


# ------------------------------------------------------------------- check


def test_check_explains_a_pitfall_with_a_better_way() -> None:
    result = invoke(
        "practice", "check", "At least you still have your job.", "--context", "I feel awful"
    )
    assert result.exit_code == 0
    assert '! minimising: "At least' in result.stdout
    assert "Try: " in result.stdout


def test_check_json_has_spans_reasons_and_suggestions() -> None:
    reply = "You're overreacting. Just snap out of it."
    data = json.loads(invoke("practice", "check", reply, "--json").stdout)
    assert {p["name"] for p in data["pitfalls"]} == {"judgment"}
    first = data["pitfalls"][0]
    assert reply[first["span"][0] : first["span"][1]] == first["text"]
    assert first["reason"] and first["suggestion"]


def test_check_points_to_crisis_help_when_risk_is_mentioned() -> None:
    result = invoke(
        "practice", "check", "Are you thinking about suicide?", "--context", "I want to die"
    )
    assert "+ closed question" in result.stdout or "+ open question" in result.stdout
    assert "ally crisis" in result.stdout


def test_check_jsonl_contract() -> None:
    lines = [
        {"id": "a", "text": "What has this week been like?", "context": ""},
        {"id": 7, "text": "Don't cry, let's talk about something else.", "context": "I miss her"},
    ]
    result = invoke(
        "practice", "check", "--jsonl", input="".join(json.dumps(x) + "\n" for x in lines)
    )
    assert result.exit_code == 0
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 7]
    assert "open_question" in out[0]["skills"]
    assert out[1]["pitfalls"] == ["dismissing"]
    assert set(out[0]) == {"id", "skills", "pitfalls", "safety", "risk"}
    assert out[0]["safety"] == [] and out[0]["risk"] is False


def test_check_jsonl_refuses_a_bad_line() -> None:
    result = invoke("practice", "check", "--jsonl", input='{"id": 1, "text": "hi"}\nnot json\n')
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: line 2 is not a JSON object")


def test_check_needs_a_reply() -> None:
    assert invoke("practice", "check").exit_code == 2
