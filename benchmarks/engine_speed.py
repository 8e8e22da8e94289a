"""How fast the feedback engine answers: per-reply time of ``analyse`` and its import time.

Run from the project root:

    python benchmarks/engine_speed.py [--calls N]

It times ``analyse(reply, context)`` over the labelled replies in
``tests/pitfall_cases.toml``, cycling through them until at least N calls (default
2000) have run, and prints the median and 95th-percentile time per reply in
milliseconds. Import time is measured in fresh interpreters, next to the import of the
standard-library modules the engine needs (``re``, ``dataclasses``), which no change to
the engine can remove; bytecode is compiled first, as any installer does. The engine
parses its word patterns on first use, so the first call in a fresh interpreter is timed
too. A script, not a test: speed is reported, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from timing import compile_everything

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "pitfall_cases.toml"

IMPORT_PROBE = (
    "import time; t = time.perf_counter(); import ally.practice.feedback as f; "
    "u = time.perf_counter(); f.analyse('That sounds hard. What happened?', 'I lost my job'); "
    "print(u - t, time.perf_counter() - u)"
)
STDLIB_PROBE = (
    "import time; t = time.perf_counter(); import re, dataclasses; print(time.perf_counter() - t)"
)


def _fresh(code: str) -> list[float]:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [float(x) for x in done.stdout.split()]


def import_seconds(runs: int) -> tuple[list[float], list[float], list[float]]:
    """Import time of ally.practice.feedback, the time of its first call, and the import
    time of the standard-library modules it needs, each in fresh interpreters."""
    imports, first_calls, stdlib = [], [], []
    for _ in range(runs):
        imported, first = _fresh(IMPORT_PROBE)
        imports.append(imported)
        first_calls.append(first)
        stdlib.extend(_fresh(STDLIB_PROBE))
    return imports, first_calls, stdlib


def per_reply_seconds(calls: int) -> list[float]:
    sys.path.insert(0, str(ROOT))
    from ally.practice.feedback import analyse

    cases = tomllib.loads(CASES.read_text("utf-8"))["case"]
    pairs = [(c["reply"], c.get("context", "")) for c in cases]
    timings = []
    while len(timings) < calls:
        for reply, context in pairs:
            start = time.perf_counter()
            analyse(reply, context)
            timings.append(time.perf_counter() - start)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000, help="at least this many calls")
    parser.add_argument("--imports", type=int, default=9, help="fresh imports to time")
    args = parser.parse_args()

    compile_everything()
    imports, first_calls, stdlib = import_seconds(args.imports)
    timings = per_reply_seconds(args.calls)
    ms = sorted(t * 1000 for t in timings)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    print(f"analyse: {len(ms)} calls over {CASES.name}")
    print(f"  median per reply: {statistics.median(ms):.3f} ms")
    print(f"  p95 per reply:    {p95:.3f} ms")
    print(f"  max per reply:    {ms[-1]:.3f} ms")
    print(f"import ally.practice.feedback ({len(imports)} fresh interpreters, medians)")
    print(f"  import:                      {statistics.median(imports) * 1000:.1f} ms")
    print(f"  of which re + dataclasses:   {statistics.median(stdlib) * 1000:.1f} ms")
    print(f"  first analyse() after it:    {statistics.median(first_calls) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
