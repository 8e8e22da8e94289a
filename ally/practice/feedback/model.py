"""The learned scorer at run time: a linear model per label over the features of a reply,
read from ``scorer.json`` (written by ``ally.practice.scorer_training``).

Standard library only: a dictionary from feature to its weights, summed and squashed.
The file is read once, the first time a reply is scored, so importing the engine stays
cheap and ``ally tips`` never pays for it. Without the file the engine runs on its rules
alone.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WEIGHTS = Path(__file__).with_name("scorer.json")
FORMAT = 1


@dataclass(frozen=True)
class Policy:
    """How one label's rule and model combine (chosen on the corpus validation split):
    ``rules`` keeps the rule's answer, ``model`` takes the model's (score at or above the
    threshold), ``either`` takes a hit from either."""

    combine: str
    threshold: float


@dataclass(frozen=True)
class Scorer:
    labels: tuple[str, ...]
    bias: tuple[float, ...]
    table: dict[str, tuple[tuple[int, float], ...]]
    policy: dict[str, Policy]

    def scores(self, feats: set[str]) -> dict[str, float]:
        """The model's probability for each label."""
        totals = list(self.bias)
        table = self.table
        for feat in feats:
            for index, weight in table.get(feat, ()):
                totals[index] += weight
        return {label: _sigmoid(t) for label, t in zip(self.labels, totals, strict=True)}

    def contributions(self, label: str, feats: set[str]) -> list[tuple[str, float]]:
        """The features that pushed ``label`` up, largest first."""
        index = self.labels.index(label)
        found = []
        for feat in feats:
            for i, weight in self.table.get(feat, ()):
                if i == index and weight > 0:
                    found.append((feat, weight))
        return sorted(found, key=lambda fw: (-fw[1], fw[0]))


def _sigmoid(x: float) -> float:
    if x < -40:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


def from_document(doc: dict[str, Any]) -> Scorer:
    """A Scorer from the parsed weights file; ValueError if it is not in the format."""
    if doc.get("format") != FORMAT:
        raise ValueError(f"scorer weights: expected format {FORMAT}")
    labels = tuple(str(label) for label in doc["labels"])
    bias = tuple(float(doc["bias"][label]) for label in labels)
    table: dict[str, tuple[tuple[int, float], ...]] = {}
    for feat, packed in doc["weights"].items():
        pairs = []
        for item in packed.split():
            index, _, weight = item.partition(":")
            pairs.append((int(index), float(weight)))
        table[feat] = tuple(pairs)
    policy = {
        label: Policy(str(p["combine"]), float(p["threshold"]))
        for label, p in doc["policy"].items()
    }
    return Scorer(labels, bias, table, policy)


_loaded: list[Scorer | None] = []


def scorer() -> Scorer | None:
    """The shipped scorer, read on first use; None when there is no weights file."""
    if not _loaded:
        try:
            doc = json.loads(WEIGHTS.read_text("utf-8"))
        except FileNotFoundError:
            _loaded.append(None)
        else:
            _loaded.append(from_document(doc))
    return _loaded[0]
