"""How far two coders agree on the corpus: Cohen's kappa per label on the double-coded
sample.

    python benchmarks/corpus_agreement.py

Compares every ``data/corpus/agreement/coder2-*.jsonl`` (a second coder's labels, given
blind) with the writers' own labels in ``data/corpus/batches``, and prints, per label,
how often each coder used it, the share of items they agree on, and Cohen's kappa. The
corpus README quotes this table.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ally.practice.feedback import PITFALLS, SAFETY, SKILLS  # noqa: E402

CORPUS = ROOT / "data" / "corpus"
LABELS = (*SKILLS, *PITFALLS, *SAFETY, "risk")


def names(record: dict[str, object]) -> set[str]:
    found = {*record["skills"], *record["pitfalls"], *record["safety"]}  # type: ignore[misc]
    if record["risk"]:
        found.add("risk")
    return found


def kappa(a: list[bool], b: list[bool]) -> tuple[float, float]:
    """Observed agreement and Cohen's kappa for two yes/no codings of the same items."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return observed, (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main() -> None:
    writers = {}
    for path in sorted((CORPUS / "batches").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            record = json.loads(line)
            writers[record["id"]] = record
    second = [
        json.loads(line)
        for path in sorted((CORPUS / "agreement").glob("coder2-*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
    ]
    print(f"{len(second)} items coded twice\n")
    print("| label | writer | second coder | agreement | kappa |\n|---|---|---|---|---|")
    for label in LABELS:
        a = [label in names(writers[r["id"]]) for r in second]
        b = [label in names(r) for r in second]
        observed, k = kappa(a, b)
        print(f"| {label} | {sum(a)} | {sum(b)} | {observed:.3f} | {k:.2f} |")


if __name__ == "__main__":
    main()
