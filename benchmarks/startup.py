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
import json
import os
import subprocess
import sys
import tempfile

from timing import ALLY, Command, compile_everything, medians_ms

TARGET = 8.0
COMMANDS: dict[str, list[str]] = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "ally tips": [ALLY, "tips"],
    "ally tips show listen-actively": [ALLY, "tips", "show", "listen-actively"],
    "ally resources --country GB": [ALLY, "resources", "--country", "GB"],
    "ally crisis --country US": [ALLY, "crisis", "--country", "US"],
    "ally remind list": [ALLY, "remind", "list"],
    "ally remind due --quiet": [ALLY, "remind", "due", "--quiet"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="rounds of every command")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    compile_everything()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "ALLY_HOME": home, "ALLY_COUNTRY": "GB"}
        add = ["remind", "add", "Check in with Sam", "--at", "sunday 6pm", "--every", "sunday"]
        subprocess.run([ALLY, *add], env=env, capture_output=True, check=True)
        commands: dict[str, Command] = {name: (argv, env) for name, argv in COMMANDS.items()}
        medians = medians_ms(commands, args.runs)
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
