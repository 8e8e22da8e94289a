"""List where the writers' labels and the second coder's labels differ, label by label.

    python data/corpus/agreement/disagreements.py           # one block per disagreeing item
    python data/corpus/agreement/disagreements.py --json    # the same, one JSON object a line
    python data/corpus/agreement/disagreements.py --check   # adjudications complete and applied

The writer's labels are the batch record in ``data/corpus/batches``; the second coder's
are ``coder2-*.jsonl`` in this folder. Because adjudicated labels are written back into
the batch records, the plain listing compares the second coder with the *current*
corpus. The list of items that disagreed in the independent coding is therefore
reconstructed from ``adjudicated.jsonl``: an adjudicated item keeps the writer's
original reading in its ``decisions``. ``--check`` verifies that every disagreement
(current or recorded) has an adjudication, that every decision's ``writer`` and
``coder2`` values match the second coder's file, and that the batch record of every
adjudicated item equals its final labels. Standard library only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
sys.path.insert(0, str(CORPUS.parents[1]))

from ally.practice.feedback import PITFALLS, SAFETY, SKILLS  # noqa: E402  (the engine's names)

ADJUDICATED = HERE / "adjudicated.jsonl"

LABELS = (*SKILLS, *PITFALLS, *SAFETY, "risk")
FIELDS = ("skills", "pitfalls", "safety", "risk")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def names(record: dict) -> set[str]:
    found = {*record["skills"], *record["pitfalls"], *record["safety"]}
    if record["risk"]:
        found.add("risk")
    return found


def load() -> tuple[dict[str, dict], dict[str, dict], list[dict], dict[str, dict]]:
    batches = {
        r["id"]: r
        for path in sorted((CORPUS / "batches").glob("*.jsonl"))
        for r in read_jsonl(path)
    }
    second = [r for path in sorted(HERE.glob("coder2-*.jsonl")) for r in read_jsonl(path)]
    samples = {r["id"]: r for path in sorted(HERE.glob("sample-*.jsonl")) for r in read_jsonl(path)}
    adjudicated = {r["id"]: r for r in read_jsonl(ADJUDICATED)} if ADJUDICATED.exists() else {}
    return batches, samples, second, adjudicated


def writer_names(record: dict, adjudication: dict | None) -> set[str]:
    """The writer's labels as first committed, before adjudication changed the record."""
    if adjudication is None:
        return names(record)
    found = names(adjudication["final"])
    for decision in adjudication["decisions"]:
        (found.add if decision["writer"] else found.discard)(decision["label"])
    return found


def differences(writer: set[str], coder2: dict) -> list[tuple[str, bool, bool]]:
    b = names(coder2)
    return [
        (label, label in writer, label in b)
        for label in LABELS
        if (label in writer) != (label in b)
    ]


def listing(as_json: bool) -> int:
    batches, _, second, adjudicated = load()
    items = labels = 0
    kept: dict[str, list[int]] = {}
    for c2 in second:
        record = batches[c2["id"]]
        adjudication = adjudicated.get(c2["id"])
        diffs = differences(writer_names(record, adjudication), c2)
        if not diffs:
            continue
        items += 1
        labels += len(diffs)
        outcome = (
            {d["label"]: d["final"] for d in adjudication["decisions"]} if adjudication else {}
        )
        for label, w, _ in diffs:
            if label in outcome:
                kept.setdefault(label, [0, 0])[0 if outcome[label] == w else 1] += 1
        if as_json:
            row = {
                "id": c2["id"],
                "context": record["context"],
                "reply": record["reply"],
                "differ": [
                    {"label": la, "writer": w, "coder2": c, "final": outcome.get(la)}
                    for la, w, c in diffs
                ],
                "coder2_note": c2.get("note", ""),
                "adjudication_note": adjudication["note"] if adjudication else None,
            }
            print(json.dumps(row, ensure_ascii=False))
            continue
        print(f"== {c2['id']}")
        print(f"   context: {record['context']}")
        print(f"   reply:   {record['reply']}")
        for label, w, c in diffs:
            final = outcome.get(label)
            decided = "not adjudicated" if final is None else f"final {'yes' if final else 'no'}"
            said = f"writer {'yes' if w else 'no'}, coder2 {'yes' if c else 'no'}"
            print(f"   {label}: {said}; {decided}")
        if c2.get("note"):
            print(f"   coder2 note: {c2['note']}")
        if adjudication:
            print(f"   adjudication: {adjudication['note']}")
    if not as_json:
        print(f"\n{items} of {len(second)} items differ, on {labels} label decisions")
        if kept:
            print("\nper label, reading kept at adjudication (writer / second coder):")
            for label in LABELS:
                if label in kept:
                    print(f"   {label}: {kept[label][0]} / {kept[label][1]}")
    return 0


def check() -> int:
    batches, _, second, adjudicated = load()
    problems: list[str] = []
    by_id = {r["id"]: r for r in second}
    for c2 in second:
        adjudication = adjudicated.get(c2["id"])
        diffs = differences(writer_names(batches[c2["id"]], adjudication), c2)
        if diffs and adjudication is None:
            labels = ", ".join(d[0] for d in diffs)
            problems.append(f"{c2['id']}: disagrees on {labels} with no adjudication")
    for item_id, adj in adjudicated.items():
        if item_id not in by_id:
            problems.append(f"{item_id}: adjudicated but not in the double-coded sample")
            continue
        record = batches[item_id]
        for field in FIELDS:
            if record[field] != adj["final"][field]:
                problems.append(
                    f"{item_id}: batch {field} {record[field]!r} != final {adj['final'][field]!r}"
                )
        c2 = names(by_id[item_id])
        final = names(adj["final"])
        decided = set()
        for decision in adj["decisions"]:
            label = decision["label"]
            decided.add(label)
            if decision["coder2"] != (label in c2):
                problems.append(f"{item_id}: decision on {label} misstates the second coder")
            if decision["final"] != (label in final):
                problems.append(f"{item_id}: decision on {label} disagrees with final labels")
            if decision["writer"] == decision["coder2"]:
                problems.append(f"{item_id}: decision on {label} where the coders agreed")
            if not decision.get("rule"):
                problems.append(f"{item_id}: decision on {label} cites no rule")
        for label in LABELS:
            if label not in decided and (label in final) != (label in c2):
                problems.append(f"{item_id}: {label} changed from the coders' shared reading")
        if not adj.get("note"):
            problems.append(f"{item_id}: no note")
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"Error: {len(problems)} problems", file=sys.stderr)
        return 1
    print(f"ok: {len(adjudicated)} adjudicated items, all applied; no unresolved disagreement")
    return 0


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        return check()
    if argv in ([], ["--json"]):
        return listing(as_json=bool(argv))
    print("Error: usage: disagreements.py [--json | --check]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
