"""Reminders: the core behind `ally remind` (no typer, no rich, no clock, no environment).

- `when`: reading WHEN ("tomorrow 6pm", ISO, …) into a wall time
- `rules`: the repeat grammar ("sunday", "2 weeks") and its RFC 5545 RRULEs
- `schedule`: wall time + zone + rule → occurrences, through clock changes
- `model`: the Reminder and its history
- `actions`: plan, done, skip, snooze, edit
- `due`: what is due now, missed occurrences collapsed
- `store`: the reminders in the SQLite file (see ally.db)
- `interchange`, `ical`: JSON import/export and the .ics export
- `delivery`: shell hooks, systemd/cron timers, desktop notifications
"""
