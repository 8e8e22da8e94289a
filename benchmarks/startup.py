"""Start-up benchmark: ally commands against a bare `python -c pass`, side by side.

`ally` runs on every shell call (and in shell start-up files), so its start-up
time is a feature. This measures the median wall time of each command with its
output piped, interleaving the runs so that machine load affects every command
alike, and reports each as a ratio to the bare interpreter from the same
environment. Target: every command at most 8x `python -c pass`.

Run from the repository root:

    uv run python benchmarks/startup.py            # 30 rounds
    uv run python benchmarks/startup.py --runs 60 --json

Bytecode is compiled first (as any installer does), since an environment with
PYTHONDONTWRITEBYTECODE set would otherwise re-compile on every run.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET = 8.0
BIN = Path(sys.executable).parent

COMMANDS: dict[str, list[str]] = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "ally tips": [str(BIN / "ally"), "tips"],
    "ally tips show listen-actively": [str(BIN / "ally"), "tips", "show", "listen-actively"],
    "ally resources --country GB": [str(BIN / "ally"), "resources", "--country", "GB"],
    "ally crisis --country US": [str(BIN / "ally"), "crisis", "--country", "US"],
    "ally remind list": [str(BIN / "ally"), "remind", "list"],
    "ally remind due --quiet": [str(BIN / "ally"), "remind", "due", "--quiet"],
}


def compile_everything() -> None:
    for folder in {sysconfig.get_paths()["purelib"], str(REPO / "ally")}:
        compileall.compile_dir(folder, quiet=1, workers=0)


def time_once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, capture_output=True, check=True)
    return time.perf_counter() - start


def measure(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():  # warm-up: page cache, parse cache
        time_once(argv, env)
    for _ in range(runs):
        for name, argv in commands.items():
            samples[name].append(time_once(argv, env))
    return {name: statistics.median(times) * 1000 for name, times in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="rounds of every command")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    compile_everything()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "ALLY_HOME": home, "ALLY_COUNTRY": "GB"}
        add = ["remind", "add", "Check in with Sam", "--at", "sunday 6pm", "--every", "sunday"]
        subprocess.run([str(BIN / "ally"), *add], env=env, capture_output=True, check=True)
        medians = measure(COMMANDS, args.runs, env)
    base = medians["python -c pass"]
    rows = [
        {"command": name, "median_ms": round(ms, 1), "ratio": round(ms / base, 2)}
        for name, ms in medians.items()
    ]
    if args.json:
        print(json.dumps({"runs": args.runs, "target_ratio": TARGET, "results": rows}, indent=2))
        return
    print(f"median of {args.runs} interleaved runs, output piped; target <= {TARGET:g}x\n")
    print(f"{'command':<34}{'median':>10}{'ratio':>9}")
    for row in rows:
        flag = "" if row["ratio"] <= TARGET else "  over target"
        print(f"{row['command']:<34}{row['median_ms']:>8.1f}ms{row['ratio']:>8.2f}x{flag}")


if __name__ == "__main__":
    main()
