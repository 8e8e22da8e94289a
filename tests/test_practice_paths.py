"""Every scenario's graph: every beat can come out, the goal can be reached, every path
ends properly; and the rules of the conversation model, move by move.

The walk (tests/practice_paths.py) tries every kind of move from every state, so
these tests do not depend on how the feedback engine reads a particular reply.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from practice_paths import moves, walk
from practice_talk import without_company_question

import ally.content
from ally.content.scenarios import MAX_TRUST, Scenario, load_scenarios
from ally.errors import ContentError
from ally.practice.conversation import HEARD, Conversation, Move

SCENARIOS = load_scenarios()
IDS = [s.id for s in SCENARIOS]


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_every_beat_can_come_out_and_every_path_ends_properly(s: Scenario) -> None:
    found = walk(s)
    assert found.problems == []
    assert found.revealed == {b.id for b in s.beats}
    assert found.endings == {"goal", "lost", "limit"}
    # the goal is in reach, and never faster than the beats it waits for allow (in a
    # risk scenario: an offer of help, the barrier worked with, the answer; otherwise
    # enough beats to feel heard, then an offer of what they want, taken up)
    assert found.goal_in is not None
    quickest = 3 if s.risk else min(HEARD, len(s.ask.after)) + 1
    assert quickest <= found.goal_in <= s.turns


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_time_runs_out_with_a_warning_then_a_closing_line_never_a_question(s: Scenario) -> None:
    c = Conversation(s, random.Random(0))
    c.replies = s.turns - 2
    warned = c.respond(Move(skills=frozenset({"reflection"})))
    assert warned.ends is None and s.soon in warned.line
    assert warned.line.endswith(s.soon) or warned.line.endswith("?")
    last = c.respond(Move(skills=frozenset({"information"})))
    assert last.ends == "limit" and last.line.startswith(s.warm)
    assert "?" not in last.line


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_the_last_line_answers_the_last_question_before_it_ends(s: Scenario) -> None:
    c = Conversation(s, random.Random(0))
    c.trust = MAX_TRUST
    c.replies = s.turns - 1
    c.warned = True
    first = s.beats[0]
    c.revealed = [first.id]
    asked = Move(skills=frozenset({"open_question"}), asks="open", asked=(first.id,))
    last = c.respond(asked)
    assert last.ends == "limit" and "?" not in last.line
    assert last.line == f"{first.more} {s.warm}" + (f" {s.thanks}" if s.thanks else "") or (
        last.line.startswith(first.more)
    )


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_a_talk_that_goes_nowhere_never_repeats_a_line_and_ends(s: Scenario) -> None:
    for move in (
        Move(skills=frozenset({"information"})),
        Move(skills=frozenset({"closed_question"}), asks="closed", check_in=True),
        Move(skills=frozenset({"closed_question"}), asks="closed"),
        Move(skills=frozenset({"open_question"}), asks="open", asks_goal=True),
        Move(empty=True),
    ):
        c = Conversation(s, random.Random(0))
        said = [c.respond(move).line for _ in range(s.turns) if not c.ended]
        assert len(said) == len(set(said)), said
        assert c.ended in ("limit", "lost")


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_an_ask_at_the_turn_limit_still_gets_its_answer(s: Scenario) -> None:
    c = Conversation(s, random.Random(0))
    c.trust = MAX_TRUST
    c.revealed = [b.id for b in s.beats]
    c.done = {"asks_about_suicide", "asks_about_urgency"}
    c.replies = s.turns - 1
    if s.risk:
        c.help_offered = True
    ask = c.respond(Move(skills=frozenset({"validation"})))
    assert ask.kind == "ask" and ask.ends is None  # past the limit, but it must be answered
    close = c.respond(Move())
    # no slip in this talk: they thank you for it, unless the line already thanks you
    thanks = f" {s.thanks}" if s.thanks and "thank" not in s.ask.close.lower() else ""
    assert close.ends == "goal" and close.line == f"{s.ask.close}{thanks}"


@pytest.mark.parametrize("s", [s for s in SCENARIOS if s.risk], ids=lambda s: s.id)
def test_a_safety_answer_is_never_cut_off_by_the_turn_limit(s: Scenario) -> None:
    c = Conversation(s, random.Random(0))
    c.replies = s.turns - 1
    r = c.respond(Move(safety=frozenset({"asks_about_suicide"})))
    assert r.kind == "safe_asked" and r.ends is None


@pytest.mark.parametrize("s", SCENARIOS, ids=IDS)
def test_every_move_has_an_answer_from_the_start(s: Scenario) -> None:
    for name, move in moves(s).items():
        r = Conversation(s, random.Random(0)).respond(move)
        assert r.line.strip(), name
        assert r.kind != "ask", f"{name} jumped straight to the ask"


# ---------------------------------------------------- the safe track, by move


def risk(scenario_id: str) -> Scenario:
    return next(s for s in SCENARIOS if s.id == scenario_id)


@pytest.mark.parametrize("s", [s for s in SCENARIOS if s.risk], ids=lambda s: s.id)
def test_each_safety_move_is_answered_by_its_line(s: Scenario) -> None:
    expected = {
        "asks_about_suicide": ("safe_asked", s.safe.asked),
        "asks_about_urgency": ("safe_urgency", s.safe.urgency),
        "means_safety": ("safe_means", s.safe.means),
        "stays_with_them": ("safe_stay", s.safe.stay),
    }
    for name, (kind, line) in expected.items():
        r = Conversation(s, random.Random(0)).respond(Move(safety=frozenset({name})))
        assert (r.kind, r.line) == (kind, line), name


def test_asking_directly_and_about_urgency_at_once_gets_both_answers() -> None:
    s = risk("friend-better-off-without-me")
    both = frozenset({"asks_about_suicide", "asks_about_urgency"})
    r = Conversation(s, random.Random(0)).respond(Move(safety=both))
    assert r.line == f"{s.safe.asked} {s.safe.urgency}"


def test_a_safety_move_with_a_pitfall_is_still_answered_honestly() -> None:
    s = risk("niece-asks-for-secrecy")
    move = Move(pitfalls=("secrecy_promise",), safety=frozenset({"asks_about_suicide"}))
    r = Conversation(s, random.Random(0)).respond(move)
    assert (r.kind, r.line) == ("safe_asked", s.safe.asked)


def test_the_grandad_is_not_ready_for_help_until_the_urgency_is_known() -> None:
    s = risk("grandad-putting-affairs-in-order")
    c = Conversation(s, random.Random(0))
    help_ = Move(safety=frozenset({"connects_to_help"}))
    assert c.respond(help_).line == s.safe.not_yet  # "Monday, no rush"
    assert c.respond(Move(safety=frozenset({"asks_about_suicide"}))).kind == "safe_asked"
    again = c.respond(help_)  # still not ready: nobody asked about a plan
    assert again.kind == "again" and again.line in s.reactions["again"]
    assert c.respond(Move(safety=frozenset({"asks_about_urgency"}))).line == s.safe.urgency
    assert c.respond(Move(safety=frozenset({"means_safety"}))).line == s.safe.means
    assert c.respond(help_).line == s.safe.help  # a barrier the user can work with
    staying = c.respond(Move(safety=frozenset({"stays_with_them"})))
    assert staying.kind == "ask" and staying.line == without_company_question(s.ask.line)
    assert "sit with me" in s.ask.line and "sit with me" not in staying.line
    assert c.respond(Move()).ends == "goal"


# ----------------------------------------------------------- authoring checks

MINIMAL = """
id = "{id}"
title = "A test"
situation = "low-mood"
difficulty = "gentle"
risk = false
person = "Kim, a friend"
setting = "Somewhere."
goal = "Listen."
opening = "Hi."
since = "A while."
turns = {turns}
{extra}
[[beat]]
id = "one"
about = "one thing"
topics = ["alpha"]
open = "One."
closed = "One, briefly."
more = "One, and more."
after = {after}
[[beat]]
id = "two"
about = "another thing"
topics = ["bravo"]
open = "Two."
closed = "Two, briefly."
more = "Two, and more."
[ask]
topics = ["help"]
trust = {ask_trust}
line = "Will you help?"
early = "Not yet."
close = {close}
accept = "Yes, please."
[reactions]
confirm = ["Yes."]
relief = ["Thanks."]
deflect = ["Fine."]
nudge = ["Mm."]
guarded = ["Hm."]
share = ["Oh."]
repair = ["Okay."]
spent = ["That's it."]
unsure = ["Not sure."]
yesno = ["Perhaps."]
echo = ["I said."]
puzzled = ["What?"]
doubt = ["You would say that."]
again = ["We've done this."]
[pitfalls]
minimising = "a"
judgment = "b"
self_focus = "c"
secrecy_promise = "d"
dismissing = "e"
[[advice]]
early = "No way."
weighed = "Maybe."
[endings]
warm = "Bye."
cold = "Go away."
soon = "I must go soon."
[safe]
asked = "No."
asked_again = "Still no."
"""


def write_scenario(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **fields: str) -> None:
    values = {
        "id": "test-one",
        "turns": "8",
        "after": "[]",
        "close": '"Thanks, then."',
        "extra": "",
        "ask_trust": "3",
    } | fields
    folder = tmp_path / "data" / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "test-one.toml").write_text(MINIMAL.format(**values), encoding="utf-8")
    monkeypatch.setattr(ally.content, "data_dir", lambda: tmp_path / "data")
    load_scenarios.cache_clear()


def test_a_minimal_scenario_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_scenario(tmp_path, monkeypatch)
    (loaded,) = load_scenarios()
    assert loaded.name == "Kim" and loaded.trust == 3 and loaded.ask.after == ("one", "two")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"after": '["two", "missing"]'}, "beat 'one': 'after' names no beat: 'missing'"),
        ({"after": '["one"]'}, "beats can never come out (a cycle in 'after'): one"),
        ({"close": '"Will you?"'}, "'close' ends the conversation, so it cannot ask a question"),
        ({"turns": "3"}, "'turns' must be between 6 and 16"),
        ({"id": "other-id"}, "'id' must match the file name (test-one.toml)"),
        ({"extra": "trust = 9\n"}, "'trust' must be between 0 and 5"),
        (
            {"turns": "6", "extra": "trust = 0\n", "ask_trust": "5"},
            "the ask cannot be reached in 6 turns (it needs 7)",
        ),
    ],
)
def test_a_broken_scenario_is_refused_naming_the_scenario_and_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fields: dict[str, str], message: str
) -> None:
    write_scenario(tmp_path, monkeypatch, **fields)
    with pytest.raises(ContentError) as caught:
        load_scenarios()
    assert "scenarios/test-one.toml" in str(caught.value)
    assert message in str(caught.value)


def test_a_missing_line_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_scenario(tmp_path, monkeypatch)
    path = tmp_path / "data" / "scenarios" / "test-one.toml"
    path.write_text(path.read_text().replace('dismissing = "e"\n', ""), encoding="utf-8")
    load_scenarios.cache_clear()
    with pytest.raises(ContentError, match=r"\[pitfalls\]: missing 'dismissing'"):
        load_scenarios()


def test_a_risk_scenario_needs_its_safe_track(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_scenario(tmp_path, monkeypatch)
    path = tmp_path / "data" / "scenarios" / "test-one.toml"
    path.write_text(path.read_text().replace("risk = false", "risk = true"), encoding="utf-8")
    load_scenarios.cache_clear()
    with pytest.raises(ContentError, match=r"\[safe\]: missing 'urgency'"):
        load_scenarios()


@pytest.mark.parametrize("s", [s for s in SCENARIOS if s.risk], ids=lambda s: s.id)
def test_calling_the_emergency_number_never_waits_for_the_questions(s: Scenario) -> None:
    c = Conversation(s, random.Random(0))
    call = Move(safety=frozenset({"connects_to_help"}), emergency=True)
    assert c.respond(call).kind == "safe_help"
    assert c.respond(Move(skills=frozenset({"validation"}))).kind == "ask"
