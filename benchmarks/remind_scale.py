"""Reminder benchmark: `ally remind due` with 1 reminder against 10,000, side by side.

`ally remind due --quiet` sits in shell start-up files, so it must cost the
same whether the user keeps one reminder or ten thousand: due times are
precomputed and indexed, and `due` is one range query. This builds two data
folders through the store API (each in one transaction), then measures the
median wall time of each command with its output piped, interleaving the runs
so machine load affects all alike. It reports:

- `due` with 10,000 reminders over `due` with 1 (target: at most 1.5x);
- `list` and `due` over a bare `python -c pass` from the same environment
  (target: at most 8x).

Run from the repository root:

    uv run python benchmarks/remind_scale.py            # 30 rounds
    uv run python benchmarks/remind_scale.py --runs 60 --json

Bytecode is compiled first (as any installer does), since an environment with
PYTHONDONTWRITEBYTECODE set would otherwise re-compile on every run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from timing import ALLY, REPO, Command, compile_everything, medians_ms

sys.path.insert(0, str(REPO))

from ally.reminders.actions import plan_new
from ally.reminders.model import Reminder
from ally.reminders.store import ReminderStore
from ally.reminders.when import Reading

NOW = datetime(2026, 11, 25, 21, 50, tzinfo=UTC)
ZONE = "Europe/London"
SCALE_TARGET = 1.5
STARTUP_TARGET = 8.0
# Shapes of the reminders in the big folder: mostly one-offs, a share of repeats.
EVERY = (None, None, "week", "day", "sunday", "2 weeks", "month", None)


def planned(n: int, every: str | None, due: datetime) -> Reminder:
    wall = due.astimezone(ZoneInfo(ZONE)).replace(tzinfo=None)
    reading = Reading(text=wall.isoformat(), wall=wall)
    plan = plan_new(
        f"Reminder number {n}", reading, now=NOW, zone=ZONE, uid=f"bench-{n}", every=every
    )
    return plan.reminder


def fill(home: Path, count: int) -> None:
    """One reminder due now, and count - 1 spread over the next two years."""
    due_now = planned(0, "week", NOW)
    templates = {every: planned(1, every, NOW + timedelta(days=1)) for every in EVERY}
    with ReminderStore.create(home / "ally.sqlite3") as store, store.transaction():
        store.insert(due_now)
        for n in range(1, count):
            every = EVERY[n % len(EVERY)]
            later = NOW + timedelta(hours=1 + n * 17520 // count)
            base = templates[every]
            if every is None:
                wall = later.astimezone(ZoneInfo(ZONE)).replace(tzinfo=None, minute=0, second=0)
                store.insert(replace(base, uid=f"bench-{n}", start=wall, due=wall))
            else:
                store.insert(planned(n, every, later))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="rounds of every command")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    compile_everything()
    with tempfile.TemporaryDirectory() as tmp:
        small, big = Path(tmp) / "one", Path(tmp) / "ten-thousand"
        fill(small, 1)
        started = time.perf_counter()
        fill(big, 10_000)
        filled = time.perf_counter() - started
        base = {**os.environ, "ALLY_NOW": NOW.isoformat(), "TZ": ZONE}
        env_small = {**base, "ALLY_HOME": str(small)}
        env_big = {**base, "ALLY_HOME": str(big)}
        ally = ALLY
        commands: dict[str, Command] = {
            "python -c pass": ([sys.executable, "-c", "pass"], base),
            "ally remind due (1)": ([ally, "remind", "due"], env_small),
            "ally remind due (10,000)": ([ally, "remind", "due"], env_big),
            "ally remind due --quiet (10,000)": ([ally, "remind", "due", "--quiet"], env_big),
            "ally remind list (1)": ([ally, "remind", "list"], env_small),
        }
        medians = medians_ms(commands, args.runs)
    bare = medians["python -c pass"]
    scale = medians["ally remind due (10,000)"] / medians["ally remind due (1)"]
    rows = [
        {"command": name, "median_ms": round(ms, 1), "vs_python": round(ms / bare, 2)}
        for name, ms in medians.items()
    ]
    report = {
        "runs": args.runs,
        "fill_10000_seconds": round(filled, 2),
        "rows": rows,
        "due_10000_over_1": round(scale, 2),
        "scale_target": SCALE_TARGET,
        "startup_target": STARTUP_TARGET,
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{args.runs} interleaved runs each; 10,000 reminders stored in {filled:.1f} s\n")
    width = max(len(r["command"]) for r in rows)
    print(f"{'command':<{width}}  median ms  x python -c pass")
    for r in rows:
        print(f"{r['command']:<{width}}  {r['median_ms']:>9}  {r['vs_python']:>6}")
    verdict = "ok" if scale <= SCALE_TARGET else "OVER TARGET"
    print(f"\ndue with 10,000 / due with 1: {scale:.2f}x (target <= {SCALE_TARGET}x) {verdict}")
    worst = max(r["vs_python"] for r in rows if r["command"].startswith("ally"))
    verdict = "ok" if worst <= STARTUP_TARGET else "OVER TARGET"
    print(
        f"slowest ally command vs python -c pass: {worst}x (target <= {STARTUP_TARGET}x) {verdict}"
    )


if __name__ == "__main__":
    main()
