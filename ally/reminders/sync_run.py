"""One `ally remind sync` pass: read both sides, plan, write the calendar, then the file.

1. Read the reminders, and what the last sync left (`sync_state`).
2. Ask the calendar what changed since its sync token (the first time: a list
   of every object's href and ETag) and download only objects whose ETag is
   new, so a big calendar is not fetched again on every run.
3. Plan (`sync_plan`), pure.
4. Write to the calendar, each write conditional on the ETag last seen
   (If-Match, or If-None-Match for a new object), so a change made on the
   phone meanwhile is never overwritten: that write is left for the next run.
5. Apply everything to the file in one transaction, with the new sync token.

A failure in 1-4 raises before the file is touched. Writes already made in
4 are then found again by the next run, equal to what is here, and only
remembered: a run can be interrupted and repeated at any point. A run right
after a complete run changes nothing.

The calendar is reached through `CalendarServer` (see `caldav_sync` for the
real one). No clock: `now` is passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal, Protocol

from ally.errors import AllyError
from ally.reminders import rules, sync_state, versions
from ally.reminders.actions import complete, minute_of, skip, with_due
from ally.reminders.calendar_item import Item, Kind, item_of, summary_of, zone_key
from ally.reminders.ics_objects import Unusable, build, patch, read
from ally.reminders.model import MAX_TEXT, Reminder
from ally.reminders.schedule import first_at_or_after, to_utc, to_wall, zone_named
from ally.reminders.store import ReminderStore
from ally.reminders.sync_plan import Counts, Step, Version, counts, plan


class Changed(AllyError):
    """The object changed (or appeared) in the calendar after it was read: a 412."""


class CalendarServer(Protocol):
    """The calendar collection a sync talks to."""

    @property
    def url(self) -> str: ...

    def changes(self, token: str | None) -> Changes: ...

    def fetch(self, hrefs: Sequence[str]) -> dict[str, tuple[bytes, str | None]]: ...

    def create(self, uid: str, data: bytes) -> tuple[str, str | None]: ...

    def update(self, href: str, data: bytes, etag: str | None) -> str | None: ...

    def delete(self, href: str, etag: str | None) -> None: ...


@dataclass(frozen=True)
class Changes:
    """What the calendar reports since a sync token.

    `etags`: href → ETag of each object added or changed (with `full`, of
    every object: the first sync, or a token the server no longer knows).
    `removed`: hrefs removed. `complete` is False when the server cut the
    list short; the token is then not kept.
    """

    token: str | None
    etags: dict[str, str | None]
    removed: frozenset[str] = frozenset()
    full: bool = False
    complete: bool = True


LineKind = Literal[
    "added there", "updated there", "removed there", "added here", "updated here",
    "removed here", "deferred", "skipped",
]  # fmt: skip


@dataclass(frozen=True)
class Line:
    """One thing a run did (or, dry, would do), for the user."""

    kind: LineKind
    text: str
    reminder_id: int | None = None
    conflict: bool = False
    note: str | None = None


@dataclass(frozen=True)
class Report:
    counts: Counts
    lines: tuple[Line, ...]
    dry_run: bool = False
    complete: bool = True  # False: something was left for the next run


@dataclass(frozen=True)
class Remote:
    """An object in the calendar as this run sees it."""

    href: str
    etag: str | None
    data: bytes
    item: Item
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Write:
    """A write to the calendar: create (target: the uid), update or delete (target: the href)."""

    action: Literal["create", "update", "delete"]
    target: str
    etag: str | None = None


@dataclass
class _Work:
    """One step made concrete: the calendar write, and what then changes in the file."""

    step: Step
    reminder: Reminder | None
    write: _Write | None = None
    data: bytes = b""
    href: str | None = None
    etag: str | None = None
    record: Item | None = None  # the item both sides hold afterwards (None: forget the uid)
    after: Reminder | None = None  # the reminder to save here
    remove_here: bool = False
    kept: Reminder | None = None  # a losing version, to keep
    kept_reason: str = ""
    line: Line | None = None
    done: bool = field(default=False)


def run(
    store: ReminderStore,
    server: CalendarServer,
    *,
    kind: Kind,
    now: datetime,
    default_zone: str,
    dry_run: bool = False,
) -> Report:
    account = sync_state.account(store)
    fresh = account is None or account.calendar_url != server.url
    synced = {} if fresh else sync_state.objects(store)
    token = None if fresh or account is None else account.sync_token
    reminders = {r.uid: r for r in store.reminders(finished=True, history=True)}

    view = _read_calendar(server, token, synced, kind, default_zone)
    skipped = view.skipped
    local = {
        uid: Version(item_of(r, kind), r.updated)
        for uid, r in reminders.items()
        if uid not in skipped
    }
    there = {
        uid: Version(r.item, r.item.modified or now)
        for uid, r in view.current.items()
        if uid not in skipped
    }
    base = {uid: s.item for uid, s in synced.items() if uid not in skipped}
    steps = plan(local, base, there)
    work = [
        _concrete(
            step, reminders.get(step.uid), view.current.get(step.uid), synced, store, kind, now
        )
        for step in steps
    ]
    lines = list(view.lines)
    if dry_run:
        planned = sorted((w.line for w in work if w.line), key=_order)
        return Report(counts(steps), tuple(lines + planned), True)

    complete_run = view.complete
    for item in work:
        try:
            _write(server, item)
        except Changed:
            complete_run = False
            text = item.line.text if item.line else item.step.uid
            lines.append(Line("deferred", text, item.reminder.id if item.reminder else None))
    with store.transaction():
        if fresh:
            sync_state.forget_all(store)  # another calendar: what was synced with the old one goes
        applied = [w for w in work if _apply(store, w, reminders, now)]
        complete_run = complete_run and len(applied) == len(work)
        sync_state.save_account(
            store,
            sync_state.Account(
                calendar_url=server.url,
                # An incomplete run keeps the old token: what it left is listed again next time.
                sync_token=view.token if complete_run else token,
                last_synced=now,
            ),
        )
    done_steps = [w.step for w in applied]
    lines += sorted((w.line for w in applied if w.line), key=_order)
    return Report(counts(done_steps), tuple(lines), False, complete_run)


def _order(line: Line) -> tuple[int, str]:
    return (line.reminder_id or 2**63, line.text)


@dataclass(frozen=True)
class _View:
    current: dict[str, Remote]
    skipped: frozenset[str]
    lines: tuple[Line, ...]
    token: str | None
    complete: bool


def _read_calendar(
    server: CalendarServer,
    token: str | None,
    synced: dict[str, sync_state.Synced],
    kind: Kind,
    default_zone: str,
) -> _View:
    """Every object in the calendar as of now: what was synced, updated by what changed."""
    changes = server.changes(token)
    by_href = {s.href: uid for uid, s in synced.items()}
    current = {uid: Remote(s.href, s.etag, s.data, s.item) for uid, s in synced.items()}
    gone = set(changes.removed)
    if changes.full and changes.complete:
        gone |= set(by_href) - set(changes.etags)
    for href in gone:
        current.pop(by_href.get(href, ""), None)
    wanted = [
        href
        for href, etag in changes.etags.items()
        if etag is None or href not in by_href or synced[by_href[href]].etag != etag
    ]
    fetched = server.fetch(wanted) if wanted else {}
    skipped: set[str] = set()
    lines: list[Line] = []
    complete_view = changes.complete
    for href in wanted:
        old_uid = by_href.get(href)
        if href not in fetched:  # removed between the list and the download: next run
            complete_view = False
            if old_uid:
                skipped.add(old_uid)
            continue
        data, etag = fetched[href]
        etag = etag or changes.etags.get(href)
        try:
            found = read(data, default_zone=default_zone)
        except Unusable as exc:
            complete_view = False
            if old_uid:
                skipped.add(old_uid)
            lines.append(Line("skipped", _name(href), note=f"ally cannot follow it: {exc}"))
            continue
        if found is None or (old_uid and old_uid != found.uid):
            current.pop(old_uid or "", None)  # no longer a reminder of ours at this href
        if found is None:
            continue
        uid = found.uid
        if uid in current and current[uid].href != href and uid not in synced:
            lines.append(
                Line("skipped", found.item.summary, note="its UID is in the calendar twice")
            )
            skipped.add(uid)
            complete_view = False
            continue
        if found.item.kind != kind and uid not in synced:
            continue  # the other kind (a to-do among events, say) is not ally's
        item = found.item
        if item.about is None and uid in synced:
            # Some apps drop properties they do not know: that is not a change.
            item = replace(item, about=synced[uid].item.about)
        current[uid] = Remote(href, etag, data, item, found.notes)
        for note in found.notes:
            lines.append(Line("skipped", item.summary, note=note))
    token_next = changes.token if complete_view else None
    return _View(current, frozenset(skipped), tuple(lines), token_next, complete_view)


def _name(href: str) -> str:
    return href.rstrip("/").rsplit("/", 1)[-1]


def _concrete(
    step: Step,
    reminder: Reminder | None,
    remote: Remote | None,
    synced: dict[str, sync_state.Synced],
    store: ReminderStore,
    kind: Kind,
    now: datetime,
) -> _Work:
    uid = step.uid
    work = _Work(step=step, reminder=reminder)
    rid = reminder.id if reminder else None
    if step.action == "agree":
        assert remote is not None
        work.record, work.href, work.etag, work.data = (
            remote.item,
            remote.href,
            remote.etag,
            remote.data,
        )
        return work
    if step.action == "forget":
        return work
    if step.action == "remove_there":
        assert reminder is not None or uid in synced
        old = synced[uid]
        work.write = _Write("delete", old.href, remote.etag if remote else old.etag)
        text = reminder.text if reminder else old.item.summary
        work.line = Line("removed there", text, rid)
        return work
    if step.action == "remove_here":
        assert reminder is not None
        work.remove_here = True
        work.line = Line("removed here", reminder.text, rid, note="deleted in the calendar")
        return work
    if step.action == "push":
        assert reminder is not None
        item = item_of(reminder, kind)
        assert item is not None
        _send(work, uid, item, remote, now, created=reminder.created)
        work.record = item
        if step.kept is not None:
            work.kept = adopt(reminder, step.kept, uid=uid, kind=kind, now=now)
            work.kept_reason = "the calendar's version (both changed; the newer change here won)"
        work.line = Line(
            "updated there" if remote else "added there", reminder.text, rid, conflict=step.conflict
        )
        return work
    # pull
    assert remote is not None
    earlier = reminder
    if earlier is None:
        removed = versions.latest_removed(store, uid)
        earlier = removed.reminder if removed else None
        if earlier is not None and store.id_taken(earlier.id or 0):
            earlier = replace(earlier, id=None)
    after = adopt(earlier, remote.item, uid=uid, kind=kind, now=now)
    work.after = after
    mine = item_of(after, kind)
    if mine is not None and mine != remote.item:
        # What ally made of it differs (a task done: its next time): send that back.
        _send(work, uid, mine, remote, now, created=after.created)
        work.record = mine
    else:
        work.record, work.href, work.etag, work.data = (
            remote.item,
            remote.href,
            remote.etag,
            remote.data,
        )
    if step.conflict and reminder is not None:
        work.kept = reminder
        work.kept_reason = "your version here (both changed; the calendar's newer change won)"
    note = "brought back: it was removed here" if reminder is None and earlier else None
    work.line = Line(
        "updated here" if reminder else "added here",
        after.text,
        rid if reminder else (earlier.id if earlier else None),
        conflict=step.conflict,
        note=note,
    )
    return work


def _keep_remote(work: _Work, remote: Remote) -> None:
    """Both sides will hold the calendar's object as it is: remember it."""
    work.record, work.href, work.etag, work.data = (
        remote.item,
        remote.href,
        remote.etag,
        remote.data,
    )


def _send(
    work: _Work, uid: str, item: Item, remote: Remote | None, now: datetime, created: datetime
) -> None:
    if remote is None:
        work.data = build(uid, item, now=now, created=created)
        work.write = _Write("create", uid)
    else:
        work.data = patch(remote.data, uid, item, now=now)
        work.write = _Write("update", remote.href, remote.etag)
        work.href = remote.href


def _write(server: CalendarServer, work: _Work) -> None:
    if work.write is None:
        work.done = True
        return
    write = work.write
    if write.action == "create":
        work.href, work.etag = server.create(write.target, work.data)
    elif write.action == "update":
        work.etag = server.update(write.target, work.data, write.etag)
    else:
        server.delete(write.target, write.etag)
    work.done = True


def _apply(
    store: ReminderStore, work: _Work, read_before: dict[str, Reminder], now: datetime
) -> bool:
    """Apply one step's local side; False (nothing applied) if it was deferred or raced."""
    if not work.done:
        return False
    uid = work.step.uid
    # A change made here while the run talked to the calendar wins: this step waits.
    changes_here = work.after is not None or work.remove_here
    if changes_here and store.by_uid(uid) != read_before.get(uid):
        return False
    if work.kept is not None and work.kept.id is not None:
        versions.keep(store, work.kept, work.kept_reason, now)
    if work.remove_here and work.reminder is not None and work.reminder.id is not None:
        versions.remove(store, work.reminder.id, now, versions.REMOVED_IN_CALENDAR)
    if work.after is not None:
        if work.reminder is not None:
            store.save(work.after)
        else:
            saved = store.insert(work.after)
            if work.line is not None:
                work.line = replace(work.line, reminder_id=saved.id)
    if work.record is None:
        sync_state.forget(store, uid)
    else:
        assert work.href is not None
        sync_state.record(
            store, uid, sync_state.Synced(work.href, work.etag, work.record, work.data)
        )
    return True


# What a calendar item means for a reminder


def adopt(
    reminder: Reminder | None, item: Item, *, uid: str, kind: Kind, now: datetime
) -> Reminder:
    """The reminder after taking in the calendar's version of it (a new one if None).

    Only what differs from the reminder's own item changes, so a text with
    line breaks is not flattened because its time moved. A repeating task
    that a task app moved to its next time was done there.
    """
    current = item_of(reminder, kind) if reminder is not None else None
    if reminder is None:
        reminder = Reminder(
            uid=uid,
            text=_text(item.summary),
            zone=_zone(item.zone, None),
            start=item.start,
            due=None,
            created=now,
            updated=now,
        )
    if current is not None and _done_by_moving_on(reminder, current, item, kind):
        return replace(complete(reminder, now), updated=now)
    updated = reminder
    if summary_of(reminder.text) != item.summary:
        updated = replace(updated, text=_text(item.summary))
    if current is None or current.about != item.about:
        updated = replace(updated, about=item.about)
    same_time = current is not None and (current.zone, current.start, current.rrule) == (
        item.zone,
        item.start,
        item.rrule,
    )
    reopened = current is not None and current.status != "open" and item.status == "open"
    if not same_time or reopened or updated.status != "open":
        updated = _rescheduled(updated, item, kind, now)
    if kind == "todo" and item.status != "open" and updated.status == "open":
        at = item.completed or now
        updated = complete(updated, at) if item.status == "done" else skip(updated, at)
    return replace(updated, updated=now)


def _done_by_moving_on(reminder: Reminder, current: Item, item: Item, kind: Kind) -> bool:
    if kind != "todo" or reminder.status != "open" or reminder.following is None:
        return False
    if (item.rrule, item.zone, item.status) != (current.rrule, current.zone, "open"):
        return False
    return item.start == to_wall(reminder.following, reminder.tz)


def _rescheduled(reminder: Reminder, item: Item, kind: Kind, now: datetime) -> Reminder:
    zone = _zone(item.zone, reminder.zone)
    rrule = item.rrule
    every = reminder.every if rrule == reminder.rrule else None
    if rrule and every is None:
        every = rules.describe(rrule)
    moved = replace(
        reminder,
        zone=zone,
        start=item.start,
        rrule=rrule,
        every=every,
        from_done=reminder.from_done and rrule is not None,
        status="open",
    )
    if rrule is None or kind == "todo":
        return with_due(moved, item.start)
    tz = zone_named(zone)
    due = first_at_or_after(rrule, item.start, max(to_utc(item.start, tz), minute_of(now)), tz)
    if due is None:
        return replace(with_due(moved, None), status="done")
    return with_due(moved, due)


def _zone(key: str, current: str | None) -> str:
    """The IANA name to keep: the reminder's own spelling when it is the same zone."""
    if current is not None and zone_key(current) == key:
        return current
    return zone_named(key).key


def _text(summary: str) -> str:
    return summary[:MAX_TEXT]
