"""What the benchmark scripts share: compiled bytecode and interleaved medians."""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ALLY = str(BIN / "ally")

Command = tuple[list[str], dict[str, str]]


def compile_everything() -> None:
    """Byte-compile ally and its dependencies, as any installer does.

    With PYTHONDONTWRITEBYTECODE set, every run would otherwise compile again.
    """
    for folder in {sysconfig.get_paths()["purelib"], str(REPO / "ally")}:
        compileall.compile_dir(folder, quiet=1, workers=0)


def time_once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, capture_output=True, check=True)
    return time.perf_counter() - start


def medians_ms(commands: dict[str, Command], runs: int) -> dict[str, float]:
    """Median wall time of each command, output piped, runs interleaved.

    Interleaving spreads any load on the machine over every command alike, so
    the ratios between them hold even when the absolute times do not.
    """
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for argv, env in commands.values():  # warm-up: page cache, parse cache
        time_once(argv, env)
    for _ in range(runs):
        for name, (argv, env) in commands.items():
            samples[name].append(time_once(argv, env))
    return {name: statistics.median(times) * 1000 for name, times in samples.items()}
