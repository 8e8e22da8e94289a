"""Does the corpus copy the benchmark? The longest run of words any corpus reply (or
context) shares with the listening benchmark's dev half.

    python benchmarks/corpus_overlap.py [--eval ../shared/eval/data/dev] [--top 15]

The corpus must be the project's own writing: nothing copied or paraphrased from the
benchmark. This prints how many corpus texts share a run of N words with any dev text,
for N from 5 up, and the longest shared runs, so a reader can see they are common
phrases ("how are you feeling about it"), not copied sentences. The benchmark's texts are
read from its folder and never written anywhere.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"[a-z0-9']+")
SHORTEST = 5


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("\u2019", "'"))


def grams(ws: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(ws[i : i + n]) for i in range(len(ws) - n + 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared/eval/data/dev")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    dev = []
    for path in sorted(args.eval.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            record = json.loads(line)
            dev.append(words(record["text"]))
            dev.append(words(record.get("context") or ""))
    corpus = []
    for path in sorted((ROOT / "data/corpus/batches").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            record = json.loads(line)
            corpus.append((record["id"], words(record["reply"])))
            corpus.append((record["id"], words(record["context"])))
    longest: list[tuple[int, str, str]] = []
    n = SHORTEST
    remaining = corpus
    by_length: Counter[int] = Counter()
    while remaining:
        seen = set().union(*(grams(ws, n) for ws in dev))
        kept = []
        for rid, ws in remaining:
            shared = grams(ws, n) & seen
            if shared:
                by_length[n] += 1
                kept.append((rid, ws))
                longest.append((n, rid, " ".join(sorted(shared)[0])))
        remaining = kept
        n += 1
    print(f"{len(corpus)} corpus texts against {len(dev)} benchmark texts")
    for length in sorted(by_length):
        print(f"  share a run of {length:>2} words: {by_length[length]}")
    best: dict[str, tuple[int, str]] = {}
    for length, rid, text in longest:
        if length >= best.get(rid, (0, ""))[0]:
            best[rid] = (length, text)
    print("\nlongest shared runs:")
    for rid, (length, text) in sorted(best.items(), key=lambda kv: -kv[1][0])[: args.top]:
        print(f"  {length:>2}  {rid}  {text}")


if __name__ == "__main__":
    main()
