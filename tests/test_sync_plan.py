"""The sync plan: what happens to a reminder given its version here, there and last synced."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from ally.reminders.calendar_item import Item
from ally.reminders.sync_plan import Step, Version, counts, decide, plan

T0 = datetime(2026, 11, 1, tzinfo=UTC)
A = Item(
    kind="event", summary="Check in with Sam", zone="Europe/London", start=datetime(2026, 12, 6, 18)
)
B = replace(A, summary="Call Sam")
C = replace(A, start=datetime(2026, 12, 6, 19))


def at(hours: int) -> datetime:
    return T0 + timedelta(hours=hours)


def test_nothing_changed_needs_nothing() -> None:
    assert decide("u", Version(A, at(1)), A, Version(A, at(2))) is None


def test_a_change_on_one_side_goes_to_the_other() -> None:
    assert decide("u", Version(B, at(1)), A, Version(A)) == Step("u", "push")
    assert decide("u", Version(A), A, Version(B, at(1))) == Step("u", "pull")


def test_a_removal_on_one_side_removes_on_the_other() -> None:
    assert decide("u", Version(None), A, Version(A)) == Step("u", "remove_there")
    assert decide("u", Version(A), A, Version(None)) == Step("u", "remove_here")


def test_new_on_one_side_is_copied() -> None:
    assert decide("u", Version(A), None, Version(None)) == Step("u", "push")
    assert decide("u", Version(None), None, Version(A)) == Step("u", "pull")


def test_the_same_change_on_both_sides_is_only_remembered() -> None:
    assert decide("u", Version(B, at(1)), A, Version(B, at(2))) == Step("u", "agree")
    assert decide("u", Version(A), None, Version(A)) == Step("u", "agree")
    assert decide("u", Version(None), A, Version(None)) == Step("u", "forget")


def test_both_changed_the_newer_change_wins_and_the_other_is_kept() -> None:
    assert decide("u", Version(B, at(3)), A, Version(C, at(2))) == Step(
        "u", "push", conflict=True, kept=C
    )
    assert decide("u", Version(B, at(2)), A, Version(C, at(3))) == Step(
        "u", "pull", conflict=True, kept=B
    )


def test_a_tie_or_an_unknown_time_goes_to_the_calendar() -> None:
    assert decide("u", Version(B, at(2)), A, Version(C, at(2))).action == "pull"  # type: ignore[union-attr]
    assert decide("u", Version(B, at(2)), A, Version(C, None)).action == "pull"  # type: ignore[union-attr]


def test_a_removal_never_beats_a_change() -> None:
    assert decide("u", Version(None), A, Version(B, at(1))) == Step("u", "pull", conflict=True)
    assert decide("u", Version(B, at(1)), A, Version(None)) == Step("u", "push", conflict=True)


def test_the_times_an_item_carries_are_not_part_of_it() -> None:
    assert replace(A, modified=at(5), completed=at(4)) == A


def test_counts() -> None:
    steps = plan(
        {"1": Version(B, at(1)), "2": Version(None), "3": Version(A), "4": Version(A)},
        {"1": A, "2": A, "4": A},
        {"1": Version(A), "2": Version(A), "3": Version(None), "4": Version(None), "5": Version(A)},
    )
    assert [s.action for s in steps] == ["push", "remove_there", "push", "remove_here", "pull"]
    c = counts(steps)
    assert (c.pushed, c.pulled, c.removed, c.conflicts) == (2, 1, 2, 0)


# Random histories: both sides edit, add and remove, then sync twice.

ITEMS = st.builds(
    Item,
    kind=st.just("event"),
    summary=st.sampled_from(["Check in", "Call", "Walk"]),
    zone=st.just("UTC"),
    start=st.sampled_from([datetime(2027, 1, d, 9) for d in range(1, 4)]),
    rrule=st.sampled_from([None, "FREQ=WEEKLY"]),
)
UIDS = st.sampled_from(["a", "b", "c", "d"])
OPS = st.lists(
    st.tuples(st.sampled_from(["here", "there"]), UIDS, st.one_of(st.none(), ITEMS)),
    max_size=12,
)


class World:
    """Two sides and the last synced state, with a clock; `sync` applies a plan like a run."""

    def __init__(self) -> None:
        self.sides: dict[str, dict[str, tuple[Item, datetime]]] = {"here": {}, "there": {}}
        self.synced: dict[str, Item] = {}
        self.kept: list[Item] = []
        self.clock = 0

    def edit(self, side: str, uid: str, item: Item | None) -> None:
        self.clock += 1
        if item is None:
            self.sides[side].pop(uid, None)
        else:
            self.sides[side][uid] = (item, at(self.clock))

    def versions(self, side: str) -> dict[str, Version]:
        return {uid: Version(item, when) for uid, (item, when) in self.sides[side].items()}

    def sync(self) -> list[Step]:
        steps = plan(self.versions("here"), self.synced, self.versions("there"))
        here, there = self.sides["here"], self.sides["there"]
        for step in steps:
            uid = step.uid
            if step.action == "push":
                there[uid] = here[uid]
            elif step.action == "pull":
                here[uid] = there[uid]
            elif step.action == "remove_there":
                there.pop(uid)
            elif step.action == "remove_here":
                here.pop(uid)
            if step.kept is not None:
                self.kept.append(step.kept)
            if uid in here:
                self.synced[uid] = here[uid][0]
            else:
                self.synced.pop(uid, None)
        return steps

    def items(self, side: str) -> dict[str, Item]:
        return {uid: item for uid, (item, _) in self.sides[side].items()}


@settings(max_examples=300, deadline=None)
@given(before=OPS, between=OPS)
def test_syncing_twice_converges_and_loses_nothing(
    before: list[tuple[str, str, Item | None]], between: list[tuple[str, str, Item | None]]
) -> None:
    world = World()
    for op in before:
        world.edit(*op)
    world.sync()
    assert world.items("here") == world.items("there")
    for op in between:
        world.edit(*op)
    # What each side holds before the sync, and what the user removed on either side.
    here, there = world.items("here"), world.items("there")
    removed_here = set(world.synced) - set(here)
    removed_there = set(world.synced) - set(there)
    changed_here = {u for u in here if world.synced.get(u) != here[u]}
    changed_there = {u for u in there if world.synced.get(u) != there[u]}

    first = world.sync()
    assert world.items("here") == world.items("there")
    assert world.sync() == []  # a second run right after changes nothing

    after = world.items("here")
    for uid in set(here) | set(there):
        if uid in changed_here or uid in changed_there:
            # Changed by someone: never removed, whatever the other side did.
            assert uid in after
        elif uid in removed_here or uid in removed_there:
            assert uid not in after
        else:
            assert uid in after
    for step in first:
        if step.conflict and step.kept is not None:
            # The losing version is kept, and it really was one side's version.
            assert step.kept in (here.get(step.uid), there.get(step.uid))
            assert step.kept != after[step.uid]
