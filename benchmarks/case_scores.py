"""Precision and recall of the practice feedback on the project's labelled case files.

Run from the project root:

    python benchmarks/case_scores.py [--files NAME ...] [--misses N]

For each labelled file (own pitfall cases, the blind safety sets, the corpus splits, the
blind pitfall set) it prints, per label, the number of positives, precision, recall
and false alarms, and the false alarms per 50 clean items. ``--misses N`` prints up to
N missed and N wrongly flagged replies per label, for the tuning files only: the
held-out files (``safety_blind``, ``feedback_blind``, ``feedback_blind2``, corpus
``test``) are scored and never listed, so nobody tunes on them by accident.

A script, not a test: the tests assert floors; this prints the figures for the README.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ally.practice.feedback import PITFALLS, SAFETY, SKILLS, analyse  # noqa: E402

HELD_OUT = {"safety_blind", "feedback_blind", "feedback_blind2", "corpus_test"}


@dataclass
class Case:
    reply: str
    context: str
    labels: set[str]
    scored: set[str]  # the labels this file annotates (others are ignored)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _toml(name: str) -> list[dict[str, object]]:
    cases: list[dict[str, object]] = tomllib.loads((ROOT / name).read_text("utf-8"))["case"]
    return cases


def safety_file(name: str) -> list[Case]:
    out = []
    for c in _toml(name):
        labels = set(c["safety"])  # type: ignore[arg-type]
        if c["secrecy_promise"]:
            labels.add("secrecy_promise")
        if c["risk"]:
            labels.add("risk")
        scored = {*SAFETY, "secrecy_promise", "risk"}
        out.append(Case(str(c["reply"]), str(c.get("context", "")), labels, scored))
    return out


def pitfall_file(name: str) -> list[Case]:
    return [
        Case(str(c["reply"]), str(c.get("context", "")), set(c["pitfalls"]), set(PITFALLS))  # type: ignore[arg-type]
        for c in _toml(name)
    ]


def feedback_file(name: str) -> list[Case]:
    """A file labelled with skills, pitfalls and safety moves (absent keys not scored).

    Risk is scored from the ``[risk]`` tag its notes carry on every risk exchange."""
    out = []
    for c in _toml(name):
        labels: set[str] = {"risk"} if "[risk]" in str(c.get("note", "")) else set()
        scored: set[str] = {"risk"}
        for key, names in (("skills", SKILLS), ("pitfalls", PITFALLS), ("safety", SAFETY)):
            if key in c:
                labels |= set(c[key])  # type: ignore[arg-type]
                scored |= set(names)
        out.append(Case(str(c["reply"]), str(c.get("context", "")), labels, scored))
    return out


def corpus_split(split: str) -> list[Case]:
    corpus = ROOT / "data" / "corpus"
    splits = tomllib.loads((corpus / "splits.toml").read_text("utf-8"))
    writers = set(splits[split]["writers"])
    out = []
    for path in sorted((corpus / "batches").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            r = json.loads(line)
            if r["writer"] not in writers:
                continue
            labels = {*r["skills"], *r["pitfalls"], *r["safety"]} | (
                {"risk"} if r["risk"] else set()
            )
            scored = {*SKILLS, *PITFALLS, *SAFETY, "risk"}
            out.append(Case(r["reply"], r["context"], labels, scored))
    return out


FILES: dict[str, Callable[[], list[Case]]] = {
    "pitfall_cases": lambda: pitfall_file("tests/pitfall_cases.toml"),
    "safety_cases": lambda: safety_file("tests/cases/safety_cases.toml"),
    "safety_blind": lambda: safety_file("tests/cases/safety_blind.toml"),
    "feedback_blind": lambda: feedback_file("tests/cases/feedback_blind.toml"),
    "feedback_blind2": lambda: feedback_file("tests/cases/feedback_blind2.toml"),
    "corpus_train": lambda: corpus_split("train"),
    "corpus_validation": lambda: corpus_split("validation"),
    "corpus_test": lambda: corpus_split("test"),
}


def predicted(case: Case) -> set[str]:
    fb = analyse(case.reply, case.context)
    found = {*fb.skill_names, *fb.pitfall_names, *fb.safety_names}
    if fb.risk:
        found.add("risk")
    return found


def score(cases: Iterable[Case]) -> tuple[dict[str, Tally], int, int]:
    """Per-label tallies, the number of clean items (no pitfall or safety label) and the
    false alarms (any pitfall or safety move) on them."""
    tallies: dict[str, Tally] = {}
    clean = alarms = 0
    for case in cases:
        found = predicted(case) & case.scored
        for name in case.scored:
            t = tallies.setdefault(name, Tally())
            want, got = name in case.labels, name in found
            t.tp += want and got
            t.fp += got and not want
            t.fn += want and not got
            if want and not got:
                t.misses.append(f"{case.reply!r}  <- {case.context!r}")
            if got and not want:
                t.alarms.append(f"{case.reply!r}  <- {case.context!r}")
        flags = {*PITFALLS, *SAFETY, "secrecy_promise"}
        if not (case.labels & flags):
            clean += 1
            alarms += bool(found & flags)
    return tallies, clean, alarms


ORDER = [*SAFETY, "risk", *PITFALLS, *SKILLS]


def report(name: str, misses: int) -> None:
    try:
        cases = FILES[name]()
    except FileNotFoundError:
        print(f"\n== {name}: not present")
        return
    tallies, clean, alarms = score(cases)
    print(f"\n== {name} ({len(cases)} items, {clean} clean)")
    print(f"{'label':<20}{'pos':>6}{'P':>8}{'R':>8}{'FP':>6}")
    for label in [n for n in ORDER if n in tallies]:
        t = tallies[label]
        pos = t.tp + t.fn
        if not pos and not t.fp:
            continue
        print(f"{label:<20}{pos:>6}{t.precision:>8.3f}{t.recall:>8.3f}{t.fp:>6}")
    per50 = 50 * alarms / clean if clean else 0.0
    print(f"false alarms on clean items: {alarms} of {clean} ({per50:.2f} per 50)")
    if misses and name not in HELD_OUT:
        for label in [n for n in ORDER if n in tallies]:
            t = tallies[label]
            for m in t.misses[:misses]:
                print(f"  MISS {label}: {m}")
            for a in t.alarms[:misses]:
                print(f"  FALSE {label}: {a}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", nargs="*", default=list(FILES), choices=list(FILES))
    parser.add_argument("--misses", type=int, default=0)
    args = parser.parse_args()
    for name in args.files:
        report(name, args.misses)


if __name__ == "__main__":
    main()
