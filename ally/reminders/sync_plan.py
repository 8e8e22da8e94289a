"""The sync plan: from what each side holds now and what both held last time, what to do.

For every reminder uid there are three versions of its calendar item: here
(`local`), in the calendar (`server`) and as both sides last agreed
(`synced`). A side *changed* when its version differs from the synced one
(being removed is a change too). Then:

- nothing changed: nothing to do;
- one side changed: its version goes to the other side (a removal removes);
- both changed to the same thing: only remember that they agree;
- both changed differently: a conflict. The newer change wins and the
  other version is kept (`Step.kept`), so it can be restored. A removal
  never beats a change: the changed version comes back on the side that
  removed it, since removing it silently would lose that change.

With no synced version (never synced, or synced with another calendar) a
reminder on one side only is copied to the other, and one on both sides
is a conflict only if the two differ.

Pure: the times that decide "newer" are passed in, with the versions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from ally.reminders.calendar_item import Item

Action = Literal["push", "pull", "remove_there", "remove_here", "agree", "forget"]


@dataclass(frozen=True)
class Version:
    """One side's version of a reminder's item (None: not there) and when it last changed."""

    item: Item | None
    changed: datetime | None = None


@dataclass(frozen=True)
class Step:
    """What to do for one uid.

    push: send the local item to the calendar; pull: take the calendar's
    item here; remove_there / remove_here: remove it in the calendar / here;
    agree: both sides hold the same item, remember it; forget: both removed it.
    """

    uid: str
    action: Action
    conflict: bool = False
    kept: Item | None = None  # the version that lost a conflict, to keep in history


@dataclass(frozen=True)
class Counts:
    pushed: int = 0
    pulled: int = 0
    removed: int = 0
    conflicts: int = 0

    @property
    def changes(self) -> int:
        return self.pushed + self.pulled + self.removed


def plan(
    local: Mapping[str, Version],
    synced: Mapping[str, Item],
    server: Mapping[str, Version],
) -> list[Step]:
    """The steps for every uid that needs one, in uid order.

    A uid missing from `local` or `server` is not there on that side.
    """
    steps = []
    for uid in sorted(set(local) | set(synced) | set(server)):
        step = decide(
            uid,
            local.get(uid, Version(None)),
            synced.get(uid),
            server.get(uid, Version(None)),
        )
        if step is not None:
            steps.append(step)
    return steps


def decide(uid: str, here: Version, base: Item | None, there: Version) -> Step | None:
    mine, theirs = here.item, there.item
    if base is None:
        if mine is None and theirs is None:
            return None
        if theirs is None:
            return Step(uid, "push")
        if mine is None:
            return Step(uid, "pull")
        if mine == theirs:
            return Step(uid, "agree")
        return _newer_wins(uid, here, there)
    changed_here, changed_there = mine != base, theirs != base
    if not changed_here and not changed_there:
        return None
    if not changed_there:
        return Step(uid, "push" if mine is not None else "remove_there")
    if not changed_here:
        return Step(uid, "pull" if theirs is not None else "remove_here")
    if mine == theirs:
        return Step(uid, "agree" if mine is not None else "forget")
    if mine is None:
        return Step(uid, "pull", conflict=True)
    if theirs is None:
        return Step(uid, "push", conflict=True)
    return _newer_wins(uid, here, there)


def _newer_wins(uid: str, here: Version, there: Version) -> Step:
    """Both sides hold different items: the later change wins; a tie goes to the calendar."""
    if here.changed is not None and there.changed is not None and here.changed > there.changed:
        return Step(uid, "push", conflict=True, kept=there.item)
    return Step(uid, "pull", conflict=True, kept=here.item)


def counts(steps: list[Step]) -> Counts:
    return Counts(
        pushed=sum(s.action == "push" for s in steps),
        pulled=sum(s.action == "pull" for s in steps),
        removed=sum(s.action in ("remove_there", "remove_here") for s in steps),
        conflicts=sum(s.conflict for s in steps),
    )
