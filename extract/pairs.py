"""A statistical relation classifier over entity pairs (trained on CoNLL04, see
``tools/train_conll04.py``).

Each ordered pair of entities in a sentence is described by sparse features (types, order,
distance, the words between, the dependency path) and scored by a multinomial logistic model
whose weights ship as JSON (``extract/models/conll04/relations.json``). Scoring needs no
machine-learning library: it is a dictionary look-up and a softmax.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.candidates import dependency_path

__all__ = ["PAIR_TYPES", "pair_features", "candidate_pairs", "PairModel"]

#: The entity types each CoNLL04 relation joins (head, tail).
PAIR_TYPES = {
    "Work_For": ("PERSON", "ORG"),
    "OrgBased_In": ("ORG", "GPE"),
    "Located_In": ("GPE", "GPE"),
    "Live_In": ("PERSON", "GPE"),
    "Kill": ("PERSON", "PERSON"),
}
_ALLOWED = {types for types in PAIR_TYPES.values()}


def candidate_pairs(ents: list[Any]) -> Iterator[tuple[Any, Any]]:
    """Ordered pairs of distinct entity spans whose types some relation joins."""
    for h in ents:
        for t in ents:
            if h is not t and (h.label_, t.label_) in _ALLOWED:
                yield h, t


def pair_features(h: Any, t: Any) -> dict[str, float]:
    """Sparse features of an ordered entity pair (spans of one sentence)."""
    doc = h.doc
    first, second = (h, t) if h.start < t.start else (t, h)
    between = doc[first.end : second.start]
    f: dict[str, float] = {
        f"types={h.label_}>{t.label_}": 1.0,
        f"order={'ht' if h.start < t.start else 'th'}": 1.0,
    }
    gap = len(between)
    f[f"gap={'0' if gap == 0 else '1-2' if gap <= 2 else '3-5' if gap <= 5 else '6-10' if gap <= 10 else '11+'}"] = 1.0
    words = [w.lower_ for w in between if not w.is_punct]
    for w in words:
        f[f"bw={w}"] = 1.0
    for a, b in zip(words, words[1:], strict=False):
        f[f"bb={a}_{b}"] = 1.0
    for w in doc[max(0, h.start - 2) : h.start]:
        f[f"hprev={w.lower_}"] = 1.0
    for w in doc[max(0, t.start - 2) : t.start]:
        f[f"tprev={w.lower_}"] = 1.0
    if words:
        f[f"bw0={words[0]}"] = 1.0
        f[f"bw-1={words[-1]}"] = 1.0
    else:
        f["bw=<none>"] = 1.0
    if any(e.start >= first.end and e.end <= second.start for e in doc.ents):
        f["entity_between"] = 1.0
    if "," in between.text:
        f["comma_between"] = 1.0
    before = doc[first.start - 1].lower_ if first.start > 0 else "<s>"
    after = doc[second.end].lower_ if second.end < len(doc) else "</s>"
    f[f"before={before}"] = 1.0
    f[f"after={after}"] = 1.0
    deps, inner = dependency_path(h.root, t.root)
    lemmas = [tok.lemma_.lower() for tok in inner if not tok.is_punct]
    f["path=" + " ".join(deps)] = 1.0
    f[f"pathlen={min(len(deps), 6)}"] = 1.0
    for lemma in lemmas:
        f[f"pl={lemma}"] = 1.0
    f[f"hhead={h.root.head.lemma_.lower()}"] = 1.0
    f[f"thead={t.root.head.lemma_.lower()}"] = 1.0
    f[f"hdep={h.root.dep_}"] = 1.0
    f[f"tdep={t.root.dep_}"] = 1.0
    # The last word of a name often says what it is ("Inc", "University", "County").
    f[f"hlast={h[-1].lower_}"] = 1.0
    f[f"tlast={t[-1].lower_}"] = 1.0
    f[f"hlen={min(len(h), 4)}"] = 1.0
    f[f"tlen={min(len(t), 4)}"] = 1.0
    f[f"path+types={h.label_}:{' '.join(deps)}:{t.label_}"] = 1.0
    return f


@dataclass(frozen=True)
class PairModel:
    """Weights of the multinomial logistic model: classes, intercepts, per-feature weights."""

    classes: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: float = 0.4

    @classmethod
    def load(cls, path: Path) -> PairModel:
        data = json.loads(path.read_text("utf-8"))
        return cls(
            tuple(data["classes"]),
            tuple(data["intercepts"]),
            {k: tuple(v) for k, v in data["weights"].items()},
            float(data.get("threshold", 0.5)),
        )

    def save(self, path: Path) -> None:
        data = {
            "classes": self.classes,
            "intercepts": self.intercepts,
            "threshold": self.threshold,
            "weights": {k: [round(x, 5) for x in v] for k, v in sorted(self.weights.items())},
        }
        path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")

    def predict(self, features: dict[str, float]) -> tuple[str, float]:
        """The most probable relation other than ``NONE`` and its probability; ``NONE`` when that
        probability is under :attr:`threshold`."""
        scores = list(self.intercepts)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w * value
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        candidates = [k for k in range(len(scores)) if self.classes[k] != "NONE"]
        best = max(candidates, key=lambda k: scores[k])
        probability = exps[best] / total
        return (self.classes[best], probability) if probability >= self.threshold else ("NONE", 1 - probability)
