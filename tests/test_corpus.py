"""The labelled corpus the learned scorer trains on: well formed, split by writer, and
large and varied enough for what the issue asked of it."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from pathlib import Path

from ally.practice.feedback import PITFALLS, SAFETY, SKILLS

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
KEYS = [
    "id",
    "writer",
    "batch",
    "situation",
    "relationship",
    "style",
    "context",
    "reply",
    "skills",
    "pitfalls",
    "safety",
    "risk",
    "hard_negative",
]


def records() -> list[dict[str, object]]:
    return [
        json.loads(line)
        for path in sorted((CORPUS / "batches").glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
    ]


RECORDS = records()


def test_every_record_has_the_fields_of_the_codebook_and_only_its_labels() -> None:
    for r in RECORDS:
        assert list(r) == KEYS, r["id"]
        assert str(r["batch"]).startswith(f"{r['writer']}-b"), r["id"]
        assert str(r["id"]).startswith(f"{r['batch']}-"), r["id"]
        assert str(r["reply"]).strip(), r["id"]
        assert set(r["skills"]) <= set(SKILLS), r["id"]  # type: ignore[arg-type]
        assert set(r["pitfalls"]) <= set(PITFALLS), r["id"]  # type: ignore[arg-type]
        assert set(r["safety"]) <= set(SAFETY), r["id"]  # type: ignore[arg-type]
        assert isinstance(r["risk"], bool) and isinstance(r["hard_negative"], bool)
        if "asks_about_suicide" in r["safety"]:  # type: ignore[operator]
            assert r["risk"], r["id"]


def test_ids_are_unique() -> None:
    ids = Counter(r["id"] for r in RECORDS)
    assert not [i for i, n in ids.items() if n > 1]


def test_the_corpus_is_as_large_and_varied_as_asked() -> None:
    assert len(RECORDS) >= 10_000
    with_pitfall = sum(bool(r["pitfalls"]) for r in RECORDS)
    hard = sum(bool(r["hard_negative"]) for r in RECORDS)
    assert with_pitfall >= 0.40 * len(RECORDS)
    assert hard >= 0.25 * len(RECORDS)
    for pitfall in PITFALLS:
        assert sum(pitfall in r["pitfalls"] for r in RECORDS) >= 300, pitfall  # type: ignore[operator]
    assert len({r["situation"] for r in RECORDS}) >= 20
    assert len({r["relationship"] for r in RECORDS}) >= 12


def test_every_writer_is_in_exactly_one_split() -> None:
    splits = tomllib.loads((CORPUS / "splits.toml").read_text("utf-8"))
    assigned = [w for part in splits.values() for w in part["writers"]]
    assert len(assigned) == len(set(assigned))
    assert set(assigned) == {r["writer"] for r in RECORDS}
    assert set(splits) == {"train", "validation", "test"}


def test_the_second_coder_labelled_a_sample_of_600() -> None:
    samples = sorted((CORPUS / "agreement").glob("sample-*.jsonl"))
    coded = sorted((CORPUS / "agreement").glob("coder2-*.jsonl"))
    assert len(samples) == len(coded)
    known = {r["id"] for r in RECORDS}
    total = 0
    for sample, labels in zip(samples, coded, strict=True):
        ids = [json.loads(x)["id"] for x in sample.read_text("utf-8").splitlines()]
        got = [json.loads(x)["id"] for x in labels.read_text("utf-8").splitlines()]
        assert ids == got
        assert set(ids) <= known
        total += len(ids)
    assert total >= 600
