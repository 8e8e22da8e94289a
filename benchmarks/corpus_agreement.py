"""How far two coders agree on the corpus: Cohen's kappa per label on the double-coded
sample.

    python benchmarks/corpus_agreement.py

Compares every ``data/corpus/agreement/coder2-*.jsonl`` (a second coder's labels, given
blind) with the writers' own labels in ``data/corpus/batches`` as first committed (where
``adjudicated.jsonl`` records a changed label, the writer's original is put back), and
prints, per label, how often each coder used it, the share of items they agree on, and
Cohen's kappa: the independent codings, before adjudication. The corpus README quotes
this table.
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
FIELDS = {"skills": SKILLS, "pitfalls": PITFALLS, "safety": SAFETY}


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
    # The kappa is of the independent codings (codebook 13.3): where adjudication has
    # since changed a record, put back the writer's label as first committed.
    adjudicated = CORPUS / "agreement" / "adjudicated.jsonl"
    if adjudicated.exists():
        for line in adjudicated.read_text("utf-8").splitlines():
            item = json.loads(line)
            record = dict(writers[item["id"]])
            for decision in item["decisions"]:
                label, said = decision["label"], decision["writer"]
                if label == "risk":
                    record["risk"] = said
                    continue
                field = next(f for f, group in FIELDS.items() if label in group)
                values = set(record[field]) - {label} | ({label} if said else set())
                record[field] = sorted(values)
            writers[item["id"]] = record
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
