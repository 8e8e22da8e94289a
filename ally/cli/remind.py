"""`ally remind`: reminders to check in, follow up and look after yourself.

The command layer: it reads the clock and the time zone (ALLY_NOW and TZ
make tests deterministic), calls the core in ally.reminders, and renders.
Only typer and light modules are imported here at the top: `ally remind due`
runs at every shell start, so SQLite, date parsing, rule expansion and
iCalendar code are imported inside the commands that need them.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ally.cli.localzone import zone_candidates
from ally.cli.output import Page, clean_line, emit_json, json_text, note
from ally.errors import AllyError, UsageError
from ally.paths import database_path

if TYPE_CHECKING:
    from ally.reminders.actions import Plan
    from ally.reminders.delivery import Notification
    from ally.reminders.due import Due
    from ally.reminders.model import Reminder
    from ally.reminders.store import ReminderStore

EXAMPLE_ADD = 'ally remind add "Check in with Sam" --at "sunday 6pm" --every sunday --about Sam'

app = typer.Typer(
    help=f"""Reminders to check in, follow up and look after yourself.

Times in plain English or ISO ("tomorrow 6pm", "friday at 7pm", "sunday evening",
"in 3 days", "2027-01-05 18:00"); repeats like "day", "weekday morning",
"sunday evening", "other friday at 7pm", "first monday of the month". Every word
must be understood, or ally says what it could not read. Kept in a private file
on this machine (see: ally remind path).

Examples:

  ally remind add "Text my brother every Sunday evening"
  {EXAMPLE_ADD}
  ally remind add "Take a walk" --at "tomorrow 8am" --every "3 days" --from-done
  ally remind list                   # open reminders, soonest first
  ally remind due --quiet            # what is due now (for a shell start-up file)
  ally remind done 3 --note "we talked for an hour"
  ally remind hook bash >> ~/.bashrc # show due reminders in every new terminal
""",
    no_args_is_help=True,
)

JSON = typer.Option(False, "--json", help="Print JSON instead of text.")
# Ids are SQLite integers: anything outside their range can only be a typo.
ID = typer.Argument(
    ...,
    metavar="ID",
    min=1,
    max=2**63 - 1,
    help="The reminder's number, from `ally remind list`.",
)
ABOUT = typer.Option(
    None, "--about", "-p", metavar="PERSON", help="Who it is about, e.g. Sam (optional)."
)
EVERY_HELP = (
    'Repeat: day, weekday, "sunday evening", "mon and thu at 6pm", "other friday at 7pm", '
    '"2 weeks", "first monday of the month", "month on the 1st", year.'
)
TZ_HELP = "IANA time zone for this reminder, e.g. America/New_York (default: this machine's)."


# The clock and the zone: read here, and only here.


def now_from_env() -> datetime:
    """The current time; ALLY_NOW (ISO 8601) fixes it, for tests and demos."""
    fixed = os.environ.get("ALLY_NOW")
    if not fixed:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        moment = datetime.fromisoformat(fixed)
    except ValueError:
        raise UsageError(f"ALLY_NOW is not an ISO 8601 time: {fixed!r}") from None
    if moment.tzinfo is None:
        from zoneinfo import ZoneInfo

        moment = moment.replace(tzinfo=ZoneInfo(local_zone()))
    return moment.astimezone(UTC).replace(microsecond=0)


def local_zone() -> str:
    """This machine's IANA zone: $TZ, else the /etc/localtime link, else UTC.

    A TZ that is set is never passed over for another zone: a POSIX rule with
    a fixed whole-hour offset ("EST+5") becomes the IANA zone with that
    offset (said on stderr), and anything else ally cannot keep is refused.
    """
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    tz = os.environ.get("TZ", "").strip()
    for name in zone_candidates(os.environ):
        try:
            return ZoneInfo(name).key
        except (ZoneInfoNotFoundError, ValueError, OSError):
            if tz:
                return _zone_of_posix_tz(tz)
    return "UTC"


def _zone_of_posix_tz(tz: str) -> str:
    from ally.cli.localzone import fixed_zone_of_posix

    zone, offset, changes = fixed_zone_of_posix(tz)
    if zone is not None:
        note(
            f"TZ {tz!r} is a fixed {offset} with no clock changes; reminders use {zone}. "
            "For clock changes, set TZ to a zone name such as America/New_York."
        )
        return zone
    if not offset:
        what = "not a time zone name"
    elif changes:
        what = "a POSIX rule with clock changes"
    else:
        what = f"a fixed {offset}, which no zone name has"
    raise UsageError(
        f"TZ is {tz!r}, {what}, and ally keeps reminders on a named zone's clock",
        hint="set TZ to a name such as Europe/London or America/New_York, or give --tz",
    )


def new_uid() -> str:
    import uuid

    return str(uuid.uuid4())


# The store: reads never create the file.


def reader(*, write: bool = False) -> ReminderStore | None:
    """The store if there is a file (read-only unless `write`), else None."""
    path = database_path()
    if not path.exists():
        return None  # nothing stored yet: not even sqlite3 needs loading
    from ally.reminders.store import ReminderStore

    return ReminderStore.existing(path, write=write)


def writer() -> ReminderStore:
    from ally.reminders.store import ReminderStore

    return ReminderStore.create(database_path())


def store_for(reminder_id: int) -> ReminderStore:
    """The store for changing a reminder; a missing file just means no such reminder."""
    store = reader(write=True)
    if store is None:
        from ally.errors import NotFoundError

        raise NotFoundError(f"no reminder {reminder_id}", hint="see: ally remind list --all")
    return store


def due_items(store: ReminderStore, now: datetime) -> list[Due]:
    """What is due, each reminder on its own: one whose rule cannot be read is a problem."""
    from ally.reminders.due import due_item
    from ally.reminders.store import Unreadable

    items = []
    for reminder in store.due(now):
        try:
            items.append(due_item(reminder, now))
        except (ValueError, OverflowError):
            store.problems.append(Unreadable(reminder.id, "rrule", reminder.rrule))
    return items


def warn_unreadable(store: ReminderStore) -> None:
    """One line on stderr per stored reminder that had to be left out."""
    for problem in store.problems:
        note(f"Warning: {problem}; remove it with: ally remind remove {problem.reminder_id}")


# Rendering


def when(moment: datetime | None) -> str:
    from ally.reminders.model import human_time

    return human_time(moment) if moment else "-"


def details(reminder: Reminder) -> list[str]:
    parts = []
    if reminder.every:
        counted = ", counted from when last done" if reminder.from_done else ""
        parts.append(f"every {reminder.every}{counted}")
    if reminder.about:
        parts.append(f"about {reminder.about}")
    if reminder.snoozed_until and reminder.due:
        from ally.reminders.schedule import in_zone

        parts.append(f"snoozed; was due {when(in_zone(reminder.due, reminder.tz))}")
    return parts


def render_plan(page: Page, plan: Plan, source: str | None) -> None:
    """The echo: how the time was read, the repeat, the next times, and any notes."""
    r = plan.reminder
    page.title(f"Reminder: {r.text}")
    read_from = f" (from {clean_line(source)!r})" if source else ""
    page.field("When", f"{when(r.next_due)}{read_from}")
    if r.every:
        counted = ", counted from when it was last done" if r.from_done else ""
        page.field("Repeats", f"every {r.every}{counted}  ({r.rrule})")
    if plan.then:
        from ally.reminders.schedule import in_zone

        page.field("Then", ", ".join(when(in_zone(wall, r.tz)) for wall in plan.then))
    page.field("About", r.about or "")
    for line in plan.notes:
        page.field("Note", line)


def last_note(reminder: Reminder) -> str | None:
    """How the latest done with a note went, for `list --all`: 'done <when>: "<note>"'."""
    for event in reversed(reminder.history):
        if event.kind == "done" and event.note:
            done = "done" if reminder.status == "done" else "last done"
            return f'{done} {when(event.at.astimezone(reminder.tz))}: "{event.note}"'
    return None


def render_list(page: Page, reminders: list[Reminder], *, heading: str) -> None:
    open_ones = [r for r in reminders if r.status == "open"]
    finished = [r for r in reminders if r.status != "open"]
    width = max(len(str(r.id)) for r in reminders)
    if open_ones:
        page.title(f"{heading} ({len(open_ones)})")
        times = [when(r.next_due) for r in open_ones]
        time_width = max(len(t) for t in times)
        for r, shown in zip(open_ones, times, strict=True):
            page.text(f"{r.id:>{width}}  {shown:<{time_width}}  {clean_line(r.text)}", indent=2)
            extra = details(r)
            if extra:
                page.dim(" · ".join(extra), indent=width + 4)
            said = last_note(r)
            if said:
                page.dim(said, indent=width + 4)
    if finished:
        if open_ones:
            page.blank()
        page.title(f"Finished ({len(finished)})")
        for r in finished:
            page.text(f"{r.id:>{width}}  {r.status:<7}  {clean_line(r.text)}", indent=2)
            said = last_note(r)
            if said:
                page.dim(said, indent=width + 4)


def due_line(item: Due) -> str:
    from ally.reminders.delivery import times

    r = item.reminder
    about = f" (about {r.about})" if r.about else ""
    missed = f", missed {times(item.missed)}" if item.missed else ""
    return f"{r.id}  {clean_line(r.text)}{about}: due {when(item.since)}{missed}"


def due_json(item: Due) -> dict[str, Any]:
    from ally.reminders.interchange import iso, reminder_json

    return {
        **reminder_json(item.reminder, history=False),
        "due_since": iso(item.since),
        "missed": item.missed,
    }


# Commands


@app.command("add")
def add(
    text: str = typer.Argument(
        ...,
        metavar="TEXT",
        help="What to remember, in your words; without --at, say when in it too: "
        '"Text my brother every Sunday evening".',
    ),
    at: str | None = typer.Option(
        None,
        "--at",
        "-a",
        metavar="WHEN",
        help='When: "tomorrow 6pm", "friday at 7pm", "sunday evening", "in 3 days", '
        '"2027-01-05 18:00", "now" (no time means 09:00). Default: read from TEXT.',
    ),
    every: str | None = typer.Option(None, "--every", "-e", metavar="RULE", help=EVERY_HELP),
    about: str | None = ABOUT,
    from_done: bool = typer.Option(
        False, "--from-done", help="Count each repeat from when you last did it, not the calendar."
    ),
    tz: str | None = typer.Option(None, "--tz", metavar="ZONE", help=TZ_HELP),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show how it was read; save nothing."),
    as_json: bool = JSON,
) -> None:
    """Add a reminder, showing how its time was read before it is saved.

    Example: ally remind add "Text my brother every Sunday evening"
    """
    from ally.reminders.actions import plan_new
    from ally.reminders.schedule import zone_named
    from ally.reminders.when import read_when

    now = now_from_env()
    zone = zone_named(tz or local_zone())
    source, when_words = at, at
    extra: list[str] = []
    if at is None:
        text, when_words, every, source, extra = _when_from_text(text, every)
    reading = read_when(when_words, now, zone) if when_words is not None else None
    plan = plan_new(
        text,
        reading,
        now=now,
        zone=zone.key,
        uid=new_uid(),
        every=every,
        about=about,
        from_done=from_done,
    )
    page = None if as_json else Page()
    if page:
        render_plan(page, plan, source)
        for line in extra:
            page.field("Note", line)
    if dry_run:
        if page:
            page.dim("Not saved (--dry-run).")
        else:
            _emit_reminder(plan.reminder)
        return
    with writer() as store:
        saved = store.insert(plan.reminder)
    if page:
        page.text(f"Saved as reminder {saved.id}. When it is done: ally remind done {saved.id}")
    else:
        _emit_reminder(saved)


def _when_from_text(
    text: str, every: str | None
) -> tuple[str, str | None, str | None, str | None, list[str]]:
    """Without --at: the reminder's words, its WHEN and repeat, the words read, and notes."""
    from ally.reminders.when import split_line

    found = split_line(text)
    if found is None:
        if every is not None:
            return text, None, every, f"every {every}", []
        raise UsageError(
            f"cannot tell when from {clean_line(text)!r}",
            hint='say it in the text ("... tomorrow 6pm", "... every sunday evening") '
            'or give --at, e.g. --at "tomorrow 6pm"',
        )
    notes = [f"read {found.words!r} from the text; to keep every word in the reminder, give --at"]
    if every is not None and found.every is not None:
        notes.append(f"--every {every!r} is used, not {found.every!r} from the text")
    return found.text, found.at, every or found.every, found.words, notes


def _emit_reminder(reminder: Reminder) -> None:
    from ally.reminders.interchange import reminder_json

    emit_json(reminder_json(reminder))


@app.command("list")
def list_reminders(
    as_json: bool = JSON,
    show_all: bool = typer.Option(
        False, "--all", help="Include finished reminders, and the notes given with done."
    ),
    about: str | None = typer.Option(
        None, "--about", "-p", metavar="NAME", help="Only reminders about this person."
    ),
) -> None:
    """List open reminders, soonest first.

    Example: ally remind list --about Sam
    """
    store = reader()
    found: list[Reminder] = []
    if store is not None:
        with store:
            # --all shows how things went (the notes given with done), so it reads history.
            found = store.reminders(finished=show_all, history=as_json or show_all)
        warn_unreadable(store)
    if about is not None:
        wanted = " ".join(about.split()).casefold()
        found = [r for r in found if (r.about or "").casefold() == wanted]
    if as_json:
        from ally.reminders.interchange import reminder_json

        emit_json([reminder_json(r) for r in found])
        return
    page = Page()
    if not found:
        if about is not None:
            page.text(f"No reminders about {clean_line(about)}.")
        else:
            page.text("No reminders yet. Add one:")
            page.text(EXAMPLE_ADD, indent=2)
        return
    render_list(page, found, heading="Reminders")


@app.command("due")
def due(
    as_json: bool = JSON,
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="Print nothing when nothing is due (for shell start-up)."
    ),
) -> None:
    """Show what is due now; reminders missed while you were away show once each.

    Example: ally remind due --quiet
    """
    now = now_from_env()
    store = reader()
    items: list[Due] = []
    upcoming = None
    if store is not None:
        with store:
            items = due_items(store, now)
            if not items and not quiet and not as_json:
                upcoming = store.next_up()
        warn_unreadable(store)
    if as_json:
        emit_json([due_json(item) for item in items])
        return
    if not items:
        if not quiet:
            nxt = (
                f" Next: {when(upcoming.next_due)}, {clean_line(upcoming.text)}" if upcoming else ""
            )
            Page().text(f"Nothing due.{nxt}")
        return
    page = Page()
    count = len(items)
    page.title(f"ally: {count} reminder{'s' if count != 1 else ''} due")
    for item in items:
        page.text(due_line(item), indent=2)
    page.dim("Done: ally remind done ID · Later: ally remind snooze ID --until WHEN")


@app.command("done")
def done(
    reminder_id: int = ID,
    note_text: str | None = typer.Option(
        None, "--note", "-n", metavar="TEXT", help="A word on how it went (kept in its history)."
    ),
    as_json: bool = JSON,
) -> None:
    """Mark the current occurrence done (early is fine); a repeat moves to its next time.

    Example: ally remind done 3 --note "she sounded brighter"
    """
    from ally.reminders.actions import complete

    now = now_from_env()
    with store_for(reminder_id) as store, store.transaction():
        updated = store.save(complete(store.get(reminder_id), now, note_text))
    if as_json:
        return _emit_reminder(updated)
    if updated.status == "open":
        Page().text(f"Done: {clean_line(updated.text)}. Next: {when(updated.next_due)}")
    else:
        Page().text(f"Done: {clean_line(updated.text)}. That was a one-off, so it is finished.")


@app.command("snooze")
def snooze(
    reminder_id: int = ID,
    until: str = typer.Option(
        ..., "--until", "-u", metavar="WHEN", help='When to show it again: "in 2 hours", "6pm".'
    ),
    as_json: bool = JSON,
) -> None:
    """Hide a reminder until later; its schedule does not change.

    Example: ally remind snooze 3 --until "tomorrow 9am"
    """
    from ally.reminders.actions import snooze as snoozed
    from ally.reminders.when import read_when

    now = now_from_env()
    with store_for(reminder_id) as store:
        reading = read_when(until, now, store.get(reminder_id).tz)
        with store.transaction():
            updated = store.save(snoozed(store.get(reminder_id), reading, now))
    if as_json:
        return _emit_reminder(updated)
    Page().text(f"Snoozed: {clean_line(updated.text)}. Back {when(updated.next_due)}")


@app.command("skip")
def skip(reminder_id: int = ID, as_json: bool = JSON) -> None:
    """Skip the current occurrence: a repeat moves to its next time, a one-off is finished.

    Example: ally remind skip 3
    """
    from ally.reminders.actions import skip as skipped

    now = now_from_env()
    with store_for(reminder_id) as store, store.transaction():
        updated = store.save(skipped(store.get(reminder_id), now))
    if as_json:
        return _emit_reminder(updated)
    if updated.status == "open":
        Page().text(
            f"Skipped this time: {clean_line(updated.text)}. Next: {when(updated.next_due)}"
        )
    else:
        Page().text(f"Skipped: {clean_line(updated.text)}. That was a one-off, so it is finished.")


@app.command("edit")
def edit(
    reminder_id: int = ID,
    text: str | None = typer.Argument(None, metavar="[TEXT]", help="New text."),
    at: str | None = typer.Option(None, "--at", "-a", metavar="WHEN", help="New time."),
    every: str | None = typer.Option(None, "--every", "-e", metavar="RULE", help=EVERY_HELP),
    once: bool = typer.Option(False, "--once", help="Stop repeating."),
    about: str | None = typer.Option(
        None, "--about", "-p", metavar="PERSON", help='Who it is about ("" to clear).'
    ),
    from_done: bool | None = typer.Option(
        None,
        "--from-done/--fixed",
        help="Count repeats from when last done, or keep a fixed calendar schedule.",
    ),
    tz: str | None = typer.Option(None, "--tz", metavar="ZONE", help=TZ_HELP),
    as_json: bool = JSON,
) -> None:
    """Change a reminder's text, time, repeat, person or zone; the rest stays.

    Example: ally remind edit 3 --at "saturday 10am" --every saturday
    """
    from ally.reminders.actions import Changes, revise
    from ally.reminders.schedule import zone_named
    from ally.reminders.when import read_when

    if once and every is not None:
        raise UsageError("give either --every or --once, not both")
    asked = (text, at, every, about, from_done, tz)
    if not once and all(value is None for value in asked):
        raise UsageError(
            "nothing to change",
            hint="give TEXT, --at, --every, --once, --about, --from-done/--fixed or --tz",
        )
    now = now_from_env()
    with store_for(reminder_id) as store:
        zone = zone_named(tz or store.get(reminder_id).zone)
        reading = read_when(at, now, zone) if at is not None else None
        changes = Changes(
            text=text,
            when=reading,
            every=every,
            once=once,
            about=about,
            from_done=from_done,
            zone=tz,
        )
        with store.transaction():
            plan = revise(store.get(reminder_id), changes, now)
            store.save(plan.reminder)
    if as_json:
        return _emit_reminder(plan.reminder)
    page = Page()
    render_plan(page, plan, at)
    page.text(f"Updated reminder {reminder_id}.")


@app.command("remove")
def remove(
    reminder_id: int = ID,
    forget: bool = typer.Option(
        False, "--forget", help="Also delete the copy kept for `ally remind restore`."
    ),
) -> None:
    """Remove a reminder; a copy is kept so `ally remind restore ID` can bring it back.

    Example: ally remind remove 3
    """
    from ally.reminders import versions

    with store_for(reminder_id) as store:
        gone = versions.remove(store, reminder_id, now_from_env())
        if forget:
            versions.forget(store, reminder_id)
    Page().text(f"Removed reminder {reminder_id}: {clean_line(gone.text)}")
    if not forget:
        note(f"To bring it back: ally remind restore {reminder_id}")


@app.command("restore")
def restore(
    reminder_id: int = ID,
    show: bool = typer.Option(False, "--list", help="List the versions kept of this reminder."),
    version: int | None = typer.Option(
        None, "--version", min=1, metavar="N", help="Put kept version N back (see --list)."
    ),
    as_json: bool = JSON,
) -> None:
    """Bring back a removed reminder, or an earlier version kept by a sync conflict.

    Example: ally remind restore 3 --list
    """
    from ally.reminders import versions

    if show and version is not None:
        raise UsageError("give either --list or --version, not both")
    store = store_for(reminder_id)
    with store:
        if show:
            return _render_kept(reminder_id, versions.kept_for(store, reminder_id), as_json)
        now = now_from_env()
        if version is None:
            restored = versions.restore_removed(store, reminder_id, now)
        else:
            restored = versions.restore_version(store, reminder_id, version, now)
    if as_json:
        return _emit_reminder(restored)
    Page().text(f"Restored reminder {restored.id}: {clean_line(restored.text)}")


def _render_kept(reminder_id: int, kept: list[Any], as_json: bool) -> None:
    if as_json:
        from ally.reminders.interchange import iso, reminder_json

        emit_json(
            [
                {
                    "version": k.number,
                    "kept": iso(k.kept),
                    "reason": k.reason,
                    "reminder": reminder_json(k.reminder),
                }
                for k in kept
            ]
        )
        return
    page = Page()
    if not kept:
        page.text(f"No versions of reminder {reminder_id} are kept.")
        return
    page.title(f"Kept versions of reminder {reminder_id}")
    for k in kept:
        r = k.reminder
        rule = f", every {r.every}" if r.every else ""
        page.text(f"{k.number}. {clean_line(r.text)}: {when(r.next_due)}{rule}", indent=2)
        page.dim(f"kept {when(k.kept)}: {k.reason}", indent=5)
    undo = "ally remind restore {id}" if any(k.removal for k in kept) else ""
    page.dim(
        f"Put one back: ally remind restore {reminder_id} --version N"
        + (f" (removed: {undo.format(id=reminder_id)})" if undo else "")
    )


class Format(StrEnum):
    ics = "ics"
    json = "json"


@app.command("export")
def export(
    fmt: Format = typer.Option(
        Format.json,
        "--format",
        "-f",
        help="json: everything, to keep or re-import; ics: open reminders for a calendar app.",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write to FILE (atomically) instead of stdout."
    ),
    private: bool = typer.Option(
        False, "--private", help="ics only: neutral titles, no text and no names."
    ),
) -> None:
    """Export reminders: JSON (a full backup) or iCalendar for Google, Apple or Thunderbird.

    Example: ally remind export --format ics --private -o ally.ics
    """
    if private and fmt is not Format.ics:
        raise UsageError("--private is for --format ics; the JSON export is a full backup")
    now = now_from_env()
    store = reader()
    found: list[Reminder] = []
    if store is not None:
        with store:
            found = store.reminders(finished=fmt is Format.json, history=fmt is Format.json)
    if fmt is Format.ics:
        from ally.reminders.ical import calendar

        data = calendar(found, now=now, private=private)
    else:
        from ally.reminders.interchange import export_document

        data = json_text(export_document(found, now)) + "\n"
    if output is None:
        # As bytes: the CRLF line ends of .ics must reach the file untranslated.
        sys.stdout.flush()
        sys.stdout.buffer.write(data.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        from ally.reminders.interchange import write_atomically

        write_atomically(output, data.encode("utf-8"))
        note(f"Wrote {len(found)} reminder{'s' if len(found) != 1 else ''} to {output}")
    if store is not None and store.problems:
        # A backup that leaves something out must not look like a success.
        raise AllyError(
            f"{'; '.join(map(str, store.problems))}; so the export leaves "
            f"{'it' if len(store.problems) == 1 else 'them'} out",
            hint="remove with: ally remind remove ID, or repair the file",
        )


@app.command("import")
def import_reminders(
    file: str = typer.Argument(..., metavar="FILE", help="A JSON export (- for stdin)."),
) -> None:
    """Import a JSON export; reminders already here (same uid) are updated, not duplicated.

    Example: ally remind import ally-reminders.json
    """
    from ally.reminders.interchange import (
        MAX_IMPORT_BYTES,
        entries_of,
        merge,
        parse_document,
        read_entries,
    )

    try:
        if file == "-":
            raw = sys.stdin.buffer.read(MAX_IMPORT_BYTES + 1)
        else:
            with open(file, "rb") as source:
                raw = source.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {file}: {exc.strerror or exc}") from None
    document = parse_document(raw, "stdin" if file == "-" else file)
    entries = entries_of(document)
    incoming = read_entries(entries, now=now_from_env(), default_zone=local_zone(), new_uid=new_uid)
    if not incoming:
        Page().text("Nothing to import: the file has no reminders.")
        return
    with writer() as store:
        report = merge(store, incoming)
    Page().text(
        f"Imported {len(incoming)}: {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged."
    )


class Hook(StrEnum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    systemd = "systemd"
    systemd_service = "systemd-service"
    systemd_timer = "systemd-timer"
    cron = "cron"


def ally_argv() -> list[str]:
    """How a timer should start this ally: its own script if we can tell, else python -m ally."""
    import shutil

    script = Path(sys.argv[0])
    if script.name == "ally" and script.is_file():
        return [str(script.absolute())]
    found = shutil.which("ally")
    return [found] if found else [sys.executable, "-m", "ally"]


@app.command("hook")
def hook(
    kind: Hook = typer.Argument(
        ...,
        metavar="SHELL",
        help="bash, zsh, fish, systemd, systemd-service, systemd-timer or cron.",
    ),
    hide_text: bool = typer.Option(
        False, "--hide-text", help="systemd/cron: notifications say only how many are due."
    ),
) -> None:
    """Print a start-up snippet (bash, zsh, fish) or a timer (systemd, cron) for notifications.

    Example: ally remind hook bash >> ~/.bashrc
    """
    from ally.reminders import delivery

    if kind in (Hook.bash, Hook.zsh, Hook.fish):
        text = delivery.shell_hook(kind.value)
    elif kind is Hook.systemd:
        text = delivery.systemd_units(ally_argv(), hide_text)
    elif kind is Hook.systemd_service:
        text = delivery.systemd_service(ally_argv(), hide_text)
    elif kind is Hook.systemd_timer:
        text = delivery.systemd_timer()
    else:
        text = delivery.cron_line(ally_argv(), os.getuid(), hide_text)
    sys.stdout.write(text)


@app.command("notify")
def notify(
    hide_text: bool = typer.Option(
        False, "--hide-text", help='Show only "N reminders due", not what they say.'
    ),
) -> None:
    """Send due reminders as desktop notifications (for a systemd timer or cron).

    Each occurrence is sent once; snoozing or the next occurrence sends again.
    Each notification is sent on its own: one that fails is reported (exit 1)
    and tried again next time, and the others still go out.
    Example: ally remind notify --hide-text
    """
    import shutil

    from ally.reminders.delivery import notifications

    program = shutil.which("notify-send")
    if program is None:
        raise AllyError(
            "notify-send was not found, so no desktop notification can be sent",
            hint="install libnotify (Debian/Ubuntu: libnotify-bin; Fedora: libnotify), "
            "or use the shell hook: ally remind hook bash",
        )
    now = now_from_env()
    store = reader(write=True)
    if store is None:
        return
    sent = 0
    failed: list[str] = []
    with store:
        fresh = [item for item in due_items(store, now) if item.reminder.notified != item.since]
        for message, covered in notifications(fresh, hide_text):
            reason = _send(program, message)
            if reason is not None:
                one = len(covered) == 1
                failed.append(f"reminder {covered[0].reminder.id}: {reason}" if one else reason)
                continue
            with store.transaction():
                for item in covered:
                    store.mark_notified(item.reminder, item.since)
            sent += len(covered)
    warn_unreadable(store)
    if sent:
        print(f"Sent {sent} reminder{'s' if sent != 1 else ''}.")
    if failed:
        total = len(fresh)
        raise AllyError(
            f"notify-send failed for {total - sent} of {total} reminder{'s' if total != 1 else ''} "
            f"({'; '.join(failed)})",
            hint="they are tried again next time",
        )


def _send(program: str, message: Notification) -> str | None:
    """Show one notification; None if it went out, else why not."""
    import subprocess

    from ally.reminders.delivery import notification_argv

    try:
        result = subprocess.run(
            notification_argv(message, program), capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    if result.returncode != 0:
        return clean_line(result.stderr) or f"exit status {result.returncode}"
    return None


@app.command("path")
def path() -> None:
    """Print where reminders are kept (the file may not exist until the first add).

    Example: ally remind path
    """
    print(database_path())


# `ally remind sync` lives in its own module; it imports nothing heavy until it runs.
from ally.cli.sync import app as sync_app  # noqa: E402

app.add_typer(sync_app, name="sync")
