"""`ally practice`: conversations driven with scripted input, --list, --stats, --replay,
--json, and `check`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from ally.content.scenarios import Scenario, find_scenario

from conftest import assert_golden, invoke

GOOD = "It sounds like everything feels heavy right now. What has that been like for you?"
BAD = "Cheer up, at least you don't have exams to worry about."


def scenario(scenario_id: str) -> Scenario:
    found = find_scenario(scenario_id)
    assert found is not None
    return found


def practise(scenario_id: str, *replies: str, seed: int = 1, **env: str) -> str:
    result = invoke(
        "practice",
        "--scenario",
        scenario_id,
        "--seed",
        str(seed),
        input="".join(f"{r}\n" for r in replies),
        env=env or None,
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_a_conversation_answers_each_reply_and_ends_with_a_summary() -> None:
    sam = scenario("flatmate-low-mood")
    out = practise("flatmate-low-mood", GOOD, BAD, GOOD)
    assert f"Sam: {sam.opening}" in out
    assert sam.beat("effort").told in out  # the open question brought out what comes first
    assert sam.pitfalls["minimising"] in out  # the pitfall got its own withdrawal
    assert "+ reflection" in out and "+ open question" in out
    assert '! minimising: "' in out
    assert "How it went" in out
    assert "Pitfalls: minimising x1" in out
    assert "How it ended: You stopped before the end." in out


def test_ctrl_d_ends_early_with_a_summary() -> None:
    out = practise("flatmate-low-mood", GOOD)
    assert "How it went" in out
    assert "Replies: 1" in out
    assert "A good start: one reply helped Sam open up." in out
    assert "harder scenario" not in out and "Well done" not in out


def test_an_empty_reply_gets_a_nudge_not_an_error() -> None:
    result = invoke("practice", "--scenario", "flatmate-low-mood", input="\n   \n")
    assert result.exit_code == 0
    assert result.stdout.count("Take your time.") == 2
    assert "No replies this time" in result.stdout


FLATMATE_TO_THE_END = (
    "You haven't been out much lately. What's been going on?",
    "How long has it been like this?",
    "That sounds exhausting. How have you been sleeping?",
    "It makes sense that you'd feel stuck. What scares you most about it?",
    "Thank you for telling me. What would help?",
    "Of course I will. I'll knock on your door on Monday evening.",
)


def test_a_whole_conversation_ends_on_an_answered_ask_and_offers_the_reminder(
    ally_home: Path,
) -> None:
    sam = scenario("flatmate-low-mood")
    out = practise("flatmate-low-mood", *FLATMATE_TO_THE_END)
    lines = [line for line in out.splitlines() if line.startswith("Sam: ")]
    assert lines[-2] == f"Sam: {sam.ask.line}"  # the ask ...
    assert lines[-1] == f"Sam: {sam.ask.close}"  # ... was answered before the end
    assert "How it ended: Sam got to what they needed, and you answered." in out
    command = 'ally remind add "Check in with Sam" --at "monday 18:00" --about Sam'
    assert command in out
    assert "nothing is saved unless you do" in out
    # nothing was saved as a reminder: only the practice session is stored
    with sqlite3.connect(ally_home / "ally.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM reminders").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM practice_sessions").fetchone() == (1,)


def test_the_reminder_command_runs_as_printed() -> None:
    sam = scenario("flatmate-low-mood")
    assert sam.ask.follow_up is not None
    dry = invoke(
        "remind",
        "add",
        sam.ask.follow_up.text,
        "--at",
        sam.ask.follow_up.at,
        "--about",
        sam.name,
        "--dry-run",
    )
    assert dry.exit_code == 0, dry.stderr


def test_a_risk_scenario_follows_the_safe_track_and_ticks_the_steps() -> None:
    ibrahim = scenario("friend-better-off-without-me")
    replies = [
        "That sounds really painful. Are you thinking about suicide?",
        "Thank you for telling me. I can't promise to keep this secret, because I care about you.",
        "Can we call a crisis line together right now?",
        "I'll be right here with you, and I can do the talking at first if you want.",
        "Yes. I'm not going anywhere.",
    ]
    out = practise("friend-better-off-without-me", *replies, ALLY_COUNTRY="GB")
    assert f"Ibrahim: {ibrahim.safe.asked}" in out
    assert f"Ibrahim: {ibrahim.safe.help}" in out
    # the user has just said they will be right there: he does not ask them to stay
    assert "Will you stay with me while we call?" in ibrahim.ask.line
    asked = ibrahim.ask.line.replace(" Will you stay with me while we call?", "")
    assert f"Ibrahim: {asked}" in out
    assert "Will you stay with me" not in out
    assert f"Ibrahim: {ibrahim.ask.close}" in out
    assert "Asked directly about suicide: yes" in out
    assert "Kept clear of promising secrecy: yes" in out
    assert "Pointed to help: yes" in out
    assert "Asked about a plan or timing: not yet" in out  # the cues called for it
    assert "Made the means safer" not in out  # not relevant here
    assert "Life in danger? Call 999 or 112 now." in out


def test_promising_secrecy_is_caught_in_a_risk_scenario() -> None:
    mia = scenario("niece-asks-for-secrecy")
    out = practise(
        "niece-asks-for-secrecy", "Okay, I promise I won't tell anyone.", ALLY_COUNTRY="US"
    )
    assert "! promising secrecy" in out
    assert f"Mia: {mia.pitfalls['secrecy_promise']}" in out
    assert "Kept clear of promising secrecy: no" in out
    assert "One thing to try next time: Ask directly" in out
    assert "Call 911" in out


def test_user_text_is_quoted_literally_in_the_summary() -> None:
    reply = "[bold]At least[/bold] \x1b[31myou have a job."
    out = practise("flatmate-low-mood", reply)
    assert 'One to try again: "[bold]At least[/bold] [31myou have a job."' in out
    assert "\x1b" not in out


# -------------------------------------------------------------- stats


def test_sessions_are_stored_and_stats_show_them_in_plain_words() -> None:
    reflect = "It sounds like everything feels like a lot."
    practise("flatmate-low-mood", reflect)
    practise("flatmate-low-mood", BAD)
    practise("student-exam-panic", reflect, reflect)
    practise("flatmate-low-mood", reflect, reflect, reflect)
    text = invoke("practice", "--stats").stdout
    assert "Your practice: 4 sessions" in text
    assert "Per session: your earlier sessions → your latest 3." in text
    assert "reflections:" in text and "1 → 1.7 per session" in text
    assert "minimising:" in text and "0 → 0.3 per session" in text
    stats = json.loads(invoke("practice", "--stats", "--json").stdout)
    assert stats["sessions"] == 4
    rates = {s["name"]: s for s in stats["skills"]}
    assert rates["reflection"]["earlier_per_session"] == 1
    assert rates["reflection"]["recent_per_session"] == pytest.approx(5 / 3)
    assert rates["reflection"]["overall_rate"] == pytest.approx(6 / 7)


def test_one_session_reads_as_one_session() -> None:
    practise("flatmate-low-mood", GOOD)
    text = invoke("practice", "--stats").stdout
    assert "Your practice: 1 session\n" in text
    assert "open questions:" in text and "1 per session" in text


def test_stats_track_the_safety_steps() -> None:
    practise("friend-better-off-without-me", "Are you thinking about suicide?")
    practise("niece-asks-for-secrecy", "I promise I won't tell anyone.")
    text = invoke("practice", "--stats").stdout
    assert "Safety steps, in 2 sessions where risk came up" in text
    assert "asked directly about suicide:    1 of 2" in text
    assert "kept clear of promising secrecy: 1 of 2" in text
    assert "asked about a plan or timing:    0 of 1" in text
    steps = {
        s["name"]: s for s in json.loads(invoke("practice", "--stats", "--json").stdout)["safety"]
    }
    assert steps["asked_directly"] == {"name": "asked_directly", "done": 1, "relevant": 2}
    assert steps["means_safety"]["relevant"] == 0


def test_stats_leave_out_safety_steps_where_no_risk_came_up() -> None:
    # asking plainly in a talk about low mood is fine, but no safety checklist was due
    practise("flatmate-low-mood", "Are you thinking about suicide?")
    practise("flatmate-low-mood", "It sounds like everything feels like a lot.")
    text = invoke("practice", "--stats").stdout
    assert "Your practice: 2 sessions" in text
    assert "Safety steps" not in text
    steps = json.loads(invoke("practice", "--stats", "--json").stdout)["safety"]
    assert steps and all(s["done"] == s["relevant"] == 0 for s in steps)


def test_stats_before_any_session_create_nothing(ally_home: Path) -> None:
    result = invoke("practice", "--stats")
    assert result.exit_code == 0
    assert "No sessions yet" in result.stdout
    assert not ally_home.exists()


def test_old_sessions_with_the_first_safety_keys_still_read(ally_home: Path) -> None:
    practise("flatmate-low-mood", GOOD)  # creates the database at the current schema
    with sqlite3.connect(ally_home / "ally.sqlite3") as conn:
        conn.execute(
            "INSERT INTO practice_sessions (scenario_id, started, finished, replies, skills,"
            " pitfalls, risk, safety) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                "niece-asks-for-secrecy",
                "2026-01-01T10:00:00+00:00",
                "2026-01-01T10:05:00+00:00",
                3,
                '{"open_question": 1}',
                "{}",
                1,
                '{"asked_directly": true, "avoided_secrecy": true, "pointed_to_help": false}',
            ),
        )
    result = invoke("practice", "--stats", "--json")
    assert result.exit_code == 0, result.stderr
    steps = {s["name"]: s for s in json.loads(result.stdout)["safety"]}
    assert steps["asked_directly"]["done"] == 1
    assert steps["asked_about_urgency"]["relevant"] == 0  # unknown then: not counted


def test_a_corrupt_stored_session_is_reported_not_rewritten(ally_home: Path) -> None:
    practise("flatmate-low-mood", GOOD)
    with sqlite3.connect(ally_home / "ally.sqlite3") as conn:
        conn.execute("UPDATE practice_sessions SET skills = 'not json'")
    before = (ally_home / "ally.sqlite3").read_bytes()
    result = invoke("practice", "--stats")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "practice session 1" in result.stderr
    assert (ally_home / "ally.sqlite3").read_bytes() == before


# ------------------------------------------------------------- replay


def test_replay_alone_practises_the_last_scenario_again_and_compares() -> None:
    practise("student-exam-panic", BAD)
    result = invoke("practice", "--replay", "--seed", "1", input=f"{GOOD}\n")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    priya = scenario("student-exam-panic")
    assert out.startswith(priya.title)
    assert "Last time: 1 reply, 1 pitfall" in out
    compared = (
        "Compared with last time: replies 1 → 1; open questions 0 → 1; reflections 0 → 1;"
        " validations 0 → 1; minimising 1 → 0"
    )
    assert compared in out


def test_replay_of_a_named_scenario() -> None:
    practise("flatmate-low-mood", GOOD)
    practise("student-exam-panic", GOOD)
    out = invoke("practice", "--scenario", "flatmate-low-mood", "--replay", input="").stdout
    assert out.startswith(scenario("flatmate-low-mood").title)
    assert "Last time: 1 reply" in out


def test_replay_with_nothing_stored() -> None:
    result = invoke("practice", "--replay")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no practice session stored yet")
    first_time = invoke("practice", "--scenario", "flatmate-low-mood", "--replay", input="")
    assert first_time.exit_code == 0
    assert "Last time" not in first_time.stdout


def test_replay_of_an_unknown_scenario() -> None:
    result = invoke("practice", "--scenario", "nope", "--replay")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no scenario with id 'nope'")


# --------------------------------------------------------------- json


def test_a_conversation_as_json_carries_each_turn_and_the_summary() -> None:
    replies = [
        "Are you thinking about killing yourself?",
        "Can we call the crisis line together right now?",
    ]
    result = invoke(
        "practice",
        "--scenario",
        "grandad-putting-affairs-in-order",
        "--seed",
        "4",
        "--json",
        input="\n".join(replies) + "\n",
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["scenario"] == "grandad-putting-affairs-in-order" and data["seed"] == 4
    assert [t["response"] for t in data["turns"]] == ["safe_asked", "safe_not_yet"]
    assert data["turns"][0]["feedback"]["safety"][0]["name"] == "asks_about_suicide"
    summary = data["summary"]
    assert summary["safety"] == {
        "asked_directly": True,
        "asked_about_urgency": False,
        "means_safety": False,
        "pointed_to_help": True,
        "stayed_with_them": None,
        "avoided_secrecy": True,
    }
    assert summary["ending"] is None and summary["goal_reached"] is False
    assert summary["reminder"] is None
    assert summary["next_time"].startswith("Ask about urgency")


def test_json_keys_for_a_scenario_without_risk() -> None:
    result = invoke(
        "practice",
        "--scenario",
        "flatmate-low-mood",
        "--json",
        input="\n".join(FLATMATE_TO_THE_END) + "\n",
    )
    summary = json.loads(result.stdout)["summary"]
    assert summary["safety"] is None and summary["risk"] is False
    assert summary["goal_reached"] is True
    assert (
        summary["reminder"]["command"]
        == 'ally remind add "Check in with Sam" --at "monday 18:00" --about Sam'
    )
    assert summary["best_moment"]["reply"] in FLATMATE_TO_THE_END


# --------------------------------------------------------------- list


def test_list_matches_the_golden_file() -> None:
    result = invoke("practice", "--list")
    assert result.exit_code == 0
    assert_golden("practice_list.txt", result.stdout)


def test_list_columns_line_up_with_risk_in_its_own_column() -> None:
    lines = invoke("practice", "--list").stdout.splitlines()[1:-2]
    header, rows = lines[0], lines[1:]
    title_at = header.index("TITLE")
    risk_at = header.index("RISK")
    for row in rows:
        assert row[title_at - 1] == " " and row[title_at] != " ", row
        assert row[risk_at : risk_at + 4] in ("risk", "    "), row
    assert ", risk" not in "\n".join(rows)


def test_list_and_filters() -> None:
    listed = json.loads(invoke("practice", "--list", "--json").stdout)
    assert len(listed) >= 30
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


def test_a_seed_picks_the_same_scenario_and_the_same_answers() -> None:
    script = "What has that been like?\nThat sounds hard.\nAre you okay?\n"
    first = invoke("practice", "--seed", "3", input=script).stdout
    assert first == invoke("practice", "--seed", "3", input=script).stdout


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
