"""What is due now, with missed occurrences collapsed into one line each.

A daily reminder left for four days is one line ("missed 3 times"), not
four. The store keeps the occurrence after the pending one (`following`),
so the rule is expanded only for reminders that really were missed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from ally.reminders.model import Reminder
from ally.reminders.schedule import in_zone, latest_passed


@dataclass(frozen=True)
class Due:
    reminder: Reminder
    since: datetime  # aware, in the reminder's zone: the latest occurrence that has come
    missed: int = 0  # earlier occurrences that passed without being done


def due_now(reminders: Iterable[Reminder], now: datetime) -> list[Due]:
    """The reminders that are due at `now`, each with how often it was missed."""
    return [due_item(r, now) for r in reminders if r.is_due(now)]


def due_item(reminder: Reminder, now: datetime) -> Due:
    shown = reminder.next_due
    assert shown is not None and reminder.due is not None
    missed_some = reminder.following is not None and reminder.following <= now
    if reminder.rrule is None or not missed_some:
        return Due(reminder, shown)
    tz = reminder.tz
    missed, latest = latest_passed(reminder.rrule, reminder.start, reminder.due, now, tz)
    return Due(reminder, max(shown, in_zone(latest, tz)), missed)
