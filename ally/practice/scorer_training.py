"""Train the practice feedback's learned scorer from the project's own corpus.

    uv run --group train python -m ally.practice.scorer_training [--check]

Reads ``data/corpus/batches/*.jsonl`` and ``data/corpus/splits.toml`` (split by writer),
turns every reply into features (``ally.practice.feedback.features``, the same code the
engine runs), fits one L2-regularised logistic regression per label on the train split
(scikit-learn, liblinear, fixed seed), and chooses, per label, how rules and model
combine and the model's threshold, on the validation split only. It then scores the
validation and test splits with the standard-library scorer exactly as ``ally`` will run
it, and writes ``ally/practice/feedback/scorer.json``: the weights (pruned and rounded),
the policies, and those scores. ``--check`` retrains and compares with the shipped file
instead of writing it.

The test split is scored, never used to choose anything. The listening benchmark in
``../shared/eval`` is never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ally.practice.feedback import PITFALLS, SAFETY, SKILLS, model
from ally.practice.feedback.blend import Reading, blend
from ally.practice.feedback.combine import rules
from ally.practice.feedback.features import features
from ally.practice.feedback.sentences import _sentences

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
LABELS = (*SKILLS, *PITFALLS, *SAFETY, "risk")
SEED = 20261204
C = 0.5  # inverse regularisation strength, the same for every label
MIN_COUNT = 3  # a feature seen fewer times in training is dropped
MIN_WEIGHT = 0.02  # smaller weights are pruned from the shipped file
DIGITS = 4
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(2, 19))
# The labels the model may add to, beside the rules. Skills keep the rules: a model adding
# skills did no better on replies in other voices (the listening benchmark's dev half:
# 0.602 macro-F1 with the rules, 0.597 with the model adding, 0.505 with the model deciding
# alone). Judgment and risk keep the rules too: on the benchmark's replies the model
# called advice judgment (13 rule hits in 14,071 replies became 159 even at a 0.8
# threshold) and read risk into thank-yous in conversations about low mood. A promise of
# secrecy keeps the rules, which read it in context: the model took "Cross my heart, I
# won't tell. Congratulations!" and "I can't make that promise" for promises. Of the
# safety moves only staying with them takes the model: for the others, its additions
# were false alarms on the project's own safety cases ("The crisis line is useless" as
# connecting to help, "Can you tell me what you took?" as means safety). The other
# pitfalls take a model hit beside the rules': there the rules are precise and the
# model finds the phrasings no rule names.
MODELLED = (
    "minimising",
    "self_focus",
    "dismissing",
    "stays_with_them",
)
# A false alarm costs trust, so what the model adds beside the rules must be right at
# least this often on validation, on at least MIN_ADDED replies.
PRECISION_FLOOR = 0.8
F1_SLACK = 0.01
MIN_ADDED = 5


@dataclass(frozen=True)
class Example:
    reply: str
    context: str
    labels: frozenset[str]
    feats: frozenset[str]
    rule_names: frozenset[str]


def load_corpus() -> dict[str, list[dict[str, Any]]]:
    """The corpus records of each split."""
    splits = tomllib.loads((CORPUS / "splits.toml").read_text("utf-8"))
    writer_split = {w: name for name, part in splits.items() for w in part["writers"]}
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in splits}
    for path in sorted((CORPUS / "batches").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            record = json.loads(line)
            split = writer_split.get(record["writer"])
            if split is not None:
                out[split].append(record)
    return out


def labels_of(record: dict[str, Any]) -> frozenset[str]:
    names = {*record["skills"], *record["pitfalls"]}
    # the engine reports safety moves only in a risk exchange; so are they learned
    if record["risk"]:
        names |= {*record["safety"], "risk"}
    return frozenset(names)


def example(record: dict[str, Any]) -> Example:
    reply, context = record["reply"], record["context"]
    sentences = _sentences(reply)
    reading = rules(sentences, context)
    feats = features(
        [word for s in sentences for word in s.words],
        reading.context_words,
        reading.names(),
        context_risk=reading.context_risk,
    )
    return Example(reply, context, labels_of(record), frozenset(feats), frozenset(reading.names()))


# ------------------------------------------------------------------- fitting


def fit(train: Sequence[Example]) -> dict[str, Any]:
    """Weights per label (as the weights file stores them) from the train split."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for ex in train for f in ex.feats)
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocabulary)}
    rows, cols = [], []
    for r, ex in enumerate(train):
        for f in ex.feats:
            if f in index:
                rows.append(r)
                cols.append(index[f])
    x = csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(train), len(vocabulary)))
    bias: dict[str, float] = {}
    weights: dict[str, list[tuple[int, float]]] = {}
    for k, label in enumerate(LABELS):
        y = [int(label in ex.labels) for ex in train]
        if not any(y):
            bias[label] = -10.0
            continue
        clf = LogisticRegression(C=C, solver="liblinear", random_state=SEED, max_iter=1000)
        clf.fit(x, y)
        bias[label] = round(float(clf.intercept_[0]), DIGITS)
        for i, w in enumerate(clf.coef_[0]):
            if abs(w) >= MIN_WEIGHT:
                weights.setdefault(vocabulary[i], []).append((k, round(float(w), DIGITS)))
    packed = {f: " ".join(f"{k}:{w}" for k, w in pairs) for f, pairs in sorted(weights.items())}
    return {"bias": bias, "weights": packed}


# ------------------------------------------------------------------- policy


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, want: bool, got: bool) -> None:
        self.tp += want and got
        self.fp += got and not want
        self.fn += want and not got

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def choose_policy(
    label: str, examples: Sequence[Example], scores: Sequence[dict[str, float]]
) -> dict[str, Any]:
    """How ``label`` combines rules and model, chosen on the validation examples.

    A label outside ``MODELLED`` keeps the rules. A modelled label takes a model hit beside
    the rules' (``either``) at the threshold that gives the best F1 on validation (the
    highest within ``F1_SLACK`` of it) among those whose additions are right at least
    ``PRECISION_FLOOR`` of the time; where no threshold manages that, the rules alone.
    """
    rules_only = {"combine": "rules", "threshold": 0.5}
    if label not in MODELLED:
        return rules_only
    f1s: list[float] = []  # F1 of rules and model at each threshold
    allowed: list[bool] = []  # whether the model's additions there are precise enough
    for threshold in THRESHOLDS:
        added = Tally()  # what the model finds that the rules do not
        blended = Tally()  # rules and model together
        for ex, sc in zip(examples, scores, strict=True):
            by_rules, by_model = label in ex.rule_names, sc[label] >= threshold
            if by_model and not by_rules:
                added.add(label in ex.labels, True)
            blended.add(label in ex.labels, by_rules or by_model)
        f1s.append(blended.f1)
        allowed.append(added.tp + added.fp >= MIN_ADDED and added.precision >= PRECISION_FLOOR)
    # each threshold is judged by the worst F1 around it (its neighbours' too), so a
    # threshold that is best only by a lucky step is not chosen, and retraining after a
    # small change in the rules or the corpus does not swing it
    candidates = [
        (min(f1s[max(0, k - 1) : k + 2]), threshold)
        for k, threshold in enumerate(THRESHOLDS)
        if allowed[k]
    ]
    if not candidates:
        return rules_only
    # the highest threshold whose F1 is within F1_SLACK of the best: near-ties go to
    # precision
    best = max(f1 for f1, _ in candidates)
    threshold = max(t for f1, t in candidates if f1 >= best - F1_SLACK)
    return {"combine": "either", "threshold": threshold}


# ------------------------------------------------------------------- scoring


def evaluate(scorer: model.Scorer, records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Precision, recall and F1 per label of the whole engine (rules and scorer blended,
    as ``ally`` runs it) on ``records``."""
    tallies = {label: Tally() for label in LABELS}
    n = 0
    for record in records:
        n += 1
        reply, context = record["reply"], record["context"]
        sentences = _sentences(reply)
        reading = rules(sentences, context)
        blended = blend(reading, sentences, scorer)
        found = _names(blended)
        want = labels_of(record)
        for label, tally in tallies.items():
            tally.add(label in want, label in found)
    return {
        "items": n,
        "labels": {
            label: {
                "positives": t.tp + t.fn,
                "precision": round(t.precision, 3),
                "recall": round(t.recall, 3),
                "f1": round(t.f1, 3),
            }
            for label, t in tallies.items()
        },
    }


def _names(reading: Reading) -> set[str]:
    found = {f.name for f in (*reading.skills, *reading.pitfalls)}
    if reading.risk:
        found |= {f.name for f in reading.safety} | {"risk"}
    return found


# ------------------------------------------------------------------- main


def train() -> dict[str, Any]:
    corpus = load_corpus()
    train_set = [example(r) for r in corpus["train"]]
    validation = [example(r) for r in corpus["validation"]]
    fitted = fit(train_set)
    doc: dict[str, Any] = {
        "format": model.FORMAT,
        "labels": list(LABELS),
        "bias": fitted["bias"],
        "policy": {},
        "weights": fitted["weights"],
    }
    # policies are chosen with the model alone scoring the validation replies
    bare = model.from_document({**doc, "policy": {}})
    val_scores = [bare.scores(set(ex.feats)) for ex in validation]
    doc["policy"] = {label: choose_policy(label, validation, val_scores) for label in LABELS}
    doc["weights"] = _used(doc["weights"], doc["policy"])
    scorer = model.from_document(doc)
    doc["trained"] = {
        "seed": SEED,
        "c": C,
        "min_count": MIN_COUNT,
        "min_weight": MIN_WEIGHT,
        "records": {name: len(records) for name, records in corpus.items()},
        "features": len(doc["weights"]),
    }
    doc["scores"] = {
        "validation": evaluate(scorer, corpus["validation"]),
        "test": evaluate(scorer, corpus["test"]),
    }
    return doc


def _used(weights: dict[str, str], policy: dict[str, Any]) -> dict[str, str]:
    """The weights of the labels whose policy uses the model; the others are dead weight."""
    used = {str(k) for k, label in enumerate(LABELS) if policy[label]["combine"] != "rules"}
    kept = {}
    for feat, packed in weights.items():
        pairs = [item for item in packed.split() if item.partition(":")[0] in used]
        if pairs:
            kept[feat] = " ".join(pairs)
    return kept


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="retrain and compare with the shipped weights"
    )
    args = parser.parse_args(argv)
    doc = train()
    text = dumps(doc)
    if args.check:
        same = model.WEIGHTS.read_text("utf-8") == text
        print("the shipped weights match a fresh training run" if same else "they differ")
        return 0 if same else 1
    model.WEIGHTS.write_text(text, "utf-8")
    # only the validation figures are shown while designing: the test split's are
    # recorded in the weights file (a test holds the shipped model to them) and
    # reported by benchmarks/case_scores.py, never read while choosing
    print(f"validation: {doc['scores']['validation']['items']} replies")
    for label, s in doc["scores"]["validation"]["labels"].items():
        print(f"  {label:<20}{s['positives']:>6}{s['precision']:>8}{s['recall']:>8}{s['f1']:>8}")
    print(f"wrote {model.WEIGHTS.relative_to(ROOT)} ({len(text) // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
