"""The examples that opened the issue about conversations that answer what you said.

Each was a way `ally practice` felt like a fixed script; each test is the same
exchange now.
"""

from __future__ import annotations

import json

from ally.content.scenarios import Scenario, find_scenario
from ally.practice.session import Session

from conftest import invoke


def sam() -> Scenario:
    found = find_scenario("flatmate-low-mood")
    assert found is not None
    return found


def test_what_has_it_been_like_is_not_answered_with_how_long() -> None:
    turn = Session(sam()).reply("What has it been like for you?")
    assert turn.response.kind == "reveal"
    assert turn.response.beat != "how-long"
    assert "month" not in turn.answer


def test_are_you_ok_and_advice_get_different_answers() -> None:
    check_in = Session(sam()).reply("Are you ok?")
    advice = Session(sam()).reply("You should try to get more sleep.")
    assert check_in.response.kind == "deflect"
    assert advice.response.kind == "resist"
    assert advice.answer == sam().advice[0].early  # resistance to the sleep advice itself
    assert check_in.answer != advice.answer


def test_an_apology_is_recognised_and_nothing_is_thanked_for_that_was_not_asked() -> None:
    session = Session(sam())
    session.reply("What has it been like for you?")
    session.reply("At least you don't have exams.")
    turn = session.reply("Sorry, that came out wrong. It sounds like it's been really hard.")
    assert turn.response.kind == "repair"
    assert "asking" not in turn.answer and "doctor" not in turn.answer


def test_nobody_goes_from_im_fine_to_booking_a_doctor_in_one_turn() -> None:
    good = [
        "What would help?",
        "It sounds like it's been really hard. What would help?",
        "Maybe you could see a doctor?",
        "Thank you for telling me.",
    ]
    for reply in good:
        session = Session(sam())
        session.reply("Let's talk about something else.")  # "Forget it. It's nothing."
        turn = session.reply(reply)
        assert "doctor" not in turn.answer.lower() or turn.response.kind == "resist", reply
        assert turn.response.kind != "ask", reply


def test_the_check_in_question_is_answered_before_the_summary() -> None:
    session = Session(sam())
    replies = [
        "You haven't been out much lately. What's been going on?",
        "How long has it been like this?",
        "That sounds exhausting. How have you been sleeping?",
        "It makes sense that you'd feel stuck. What scares you most about it?",
        "Thank you for telling me. What would help?",
    ]
    for reply in replies:
        turn = session.reply(reply)
    assert turn.response.kind == "ask" and "Monday" in turn.answer
    assert not session.finished  # Sam waits for an answer
    session.reply("Of course I will.")
    summary = session.summary()
    assert summary.goal_reached
    assert summary.reminder is not None
    assert summary.reminder.command == (
        'ally remind add "Check in with Sam" --at "monday 18:00" --about Sam'
    )


def test_one_good_reply_is_a_good_start_not_well_done() -> None:
    session = Session(sam())
    session.reply("What has it been like for you?")
    summary = session.summary()
    assert summary.praise == "A good start: one reply helped Sam open up."
    assert "harder" not in summary.next_time


def test_stats_read_in_plain_words() -> None:
    reflect = "It sounds like everything feels like a lot."
    invoke("practice", "--scenario", "flatmate-low-mood", input=f"{reflect}\n")
    for _ in range(3):
        invoke(
            "practice",
            "--scenario",
            "student-exam-panic",
            input=f"{reflect}\nIt sounds like it's a lot.\nIt sounds really hard.\n",
        )
    out = invoke("practice", "--stats").stdout
    assert "Your practice: 4 sessions" in out
    assert "session(s)" not in out and "->" not in out
    assert "reflections:" in out and " 1 → 3 per session" in out
    data = json.loads(invoke("practice", "--stats", "--json").stdout)
    assert data["sessions"] == 4


def test_list_has_a_risk_column_and_no_risk_suffix_on_titles() -> None:
    out = invoke("practice", "--list").stdout
    assert ", risk" not in out
    header = out.splitlines()[1]
    assert header.split() == ["ID", "LEVEL", "RISK", "TITLE"]
