"""The learned relation classifier: entity-pair features in, relation probabilities out.

One logistic model per label scores each candidate pair of :mod:`extract.candidates`. A label
is a relation and a direction: ``worksFor>`` reads "the first mention works for the second",
``worksFor<`` the other way round; symmetric relations have one label. The weights are trained
by ``tools/train_relations.py`` (``make relations-model``) on the project's gold corpus and
ship as JSON with their provenance (``extract/models/relations/model.json``); scoring needs
no machine-learning library, only a dictionary look-up, one NumPy product and a sigmoid.

Per article, a triple's probability is the highest over the pairs that mention it; triples
at or above the model's threshold become relation candidates, read for modality like the
rules' (a negated or hypothetical clause gives nothing).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy
from spacy.tokens import Doc, Token

from extract._sentences import sentence_starts
from extract.candidates import (
    ArticleContext,
    PairCandidate,
    candidate_pairs,
    document_pair_features,
    document_pairs,
    pair_features,
    sentence_mentions,
)
from extract.contract import RELATIONS, SIGNATURES, SYMMETRIC_RELATIONS, broad_type
from extract.entities import EntityIndex
from extract.lexicon import word_set
from extract.relations import Candidate, modality_of, title_of

__all__ = ["LABELS", "RelationModel", "label_of", "labels_allowed", "learned_candidates", "load_relation_model"]

MODEL_FILE = "models/relations/model.json"
#: Relations the learned model reads (livesIn is CoNLL04's, outside the guidelines).
LEARNED_RELATIONS = tuple(r for r in RELATIONS if r != "livesIn")
LABELS: tuple[str, ...] = tuple(
    label for rel in LEARNED_RELATIONS for label in ((rel,) if rel in SYMMETRIC_RELATIONS else (f"{rel}>", f"{rel}<"))
)


def label_of(predicate: str, first_is_subject: bool) -> str:
    """The label of ``predicate`` between a pair's first and second mention.

    >>> label_of("owns", False), label_of("met", False)
    ('owns<', 'met')
    """
    if predicate in SYMMETRIC_RELATIONS:
        return predicate
    return f"{predicate}{'>' if first_is_subject else '<'}"


def _split(label: str) -> tuple[str, bool]:
    if label[-1] in "<>":
        return label[:-1], label[-1] == ">"
    return label, True


def labels_allowed(type_a: str, type_b: str) -> tuple[str, ...]:
    """Labels whose relation signature admits broad types ``type_a`` (first) and ``type_b``."""
    return _allowed(type_a, type_b)


@functools.lru_cache(maxsize=64)
def _allowed(type_a: str, type_b: str) -> tuple[str, ...]:
    out = []
    for label in LABELS:
        rel, forward = _split(label)
        subj, obj = SIGNATURES[rel]
        s, o = (type_a, type_b) if forward else (type_b, type_a)
        if s in subj and o in obj or rel in SYMMETRIC_RELATIONS and type_b in subj and type_a in obj:
            out.append(label)
    return tuple(out)


@dataclass(frozen=True)
class RelationModel:
    """Per-label logistic weights, the decision threshold and where they came from."""

    weights: dict[str, dict[str, float]]
    bias: dict[str, float]
    threshold: float
    thresholds: dict[str, float]
    provenance: dict[str, Any]

    def scores(self, features: dict[str, float], labels: Iterable[str]) -> dict[str, float]:
        """The probability of each of ``labels`` for one pair."""
        enabled = self.enabled()
        wanted = [label for label in labels if label in enabled]
        if not wanted:
            return {}
        rows_of, weights, column, bias = self._matrix()
        rows, values = [], []
        for k, v in features.items():
            row = rows_of.get(k)
            if row is not None:
                rows.append(row)
                values.append(v)
        # One product scores every label: the weights of the pair's features, row by row.
        z = bias + numpy.asarray(values) @ weights[rows] if rows else bias
        return {label: 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, float(z[column[label]]))))) for label in wanted}

    def _matrix(self) -> tuple[dict[str, int], Any, dict[str, int], Any]:
        """The enabled labels' weights as a matrix: feature -> row, rows x labels, label ->
        column, biases (built once)."""
        cached = self.__dict__.get("_matrix_cache")
        if cached is None:
            labels = sorted(self.enabled())
            column = {label: j for j, label in enumerate(labels)}
            rows_of: dict[str, int] = {}
            for label in labels:
                for k in self.weights[label]:
                    rows_of.setdefault(k, len(rows_of))
            weights = numpy.zeros((len(rows_of), len(labels)))
            for label in labels:
                j = column[label]
                for k, w in self.weights[label].items():
                    weights[rows_of[k], j] = w
            bias = numpy.array([self.bias[label] for label in labels])
            cached = (rows_of, weights, column, bias)
            object.__setattr__(self, "_matrix_cache", cached)
        return cached

    def threshold_for(self, label: str) -> float:
        return self.thresholds.get(label, self.threshold)

    def enabled(self) -> frozenset[str]:
        """The labels the model may give (a threshold above 1 leaves a relation to the rules)."""
        cached: frozenset[str] | None = self.__dict__.get("_enabled")
        if cached is None:
            cached = frozenset(label for label in self.weights if self.threshold_for(label) <= 1.0)
            object.__setattr__(self, "_enabled", cached)
        return cached

    def to_json(self) -> dict[str, Any]:
        return {
            "provenance": self.provenance,
            "threshold": self.threshold,
            "thresholds": self.thresholds,
            "labels": {lab: {"bias": self.bias[lab], "weights": self.weights[lab]} for lab in self.weights},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RelationModel:
        labels = data["labels"]
        return cls(
            weights={lab: dict(v["weights"]) for lab, v in labels.items()},
            bias={lab: float(v["bias"]) for lab, v in labels.items()},
            threshold=float(data["threshold"]),
            thresholds={k: float(v) for k, v in data.get("thresholds", {}).items()},
            provenance=dict(data.get("provenance", {})),
        )


@functools.lru_cache(maxsize=1)
def load_relation_model() -> RelationModel:
    """The shipped model (``extract/models/relations/model.json``)."""
    text = resources.files("extract").joinpath(MODEL_FILE).read_text("utf-8")
    return RelationModel.from_json(json.loads(text))


def rule_hits(candidates: Iterable[Candidate], doc: Doc) -> dict[tuple[int, str, str], list[str]]:
    """What the rules said per (sentence start, subject, object): ``pred>`` entries."""
    hits: dict[tuple[int, str, str], list[str]] = {}
    for c in candidates:
        sent = doc[c.trigger].sent.start
        hits.setdefault((sent, c.subject, c.object), []).append(c.predicate)
    return hits


def pair_rule_hits(hits: dict[tuple[int, str, str], list[str]], sent_start: int, a: str, b: str) -> list[str]:
    """The rules' verdicts on a pair, written from its first mention's side."""
    found = [f"{p}>" for p in hits.get((sent_start, a, b), ())]
    found += [f"{p}<" for p in hits.get((sent_start, b, a), ())]
    return found


def featurise(
    doc: Doc,
    index: EntityIndex,
    rule_candidates: list[Candidate],
    bagged: bool = True,
    labels: frozenset[str] | None = None,
) -> list[tuple[PairCandidate, dict[str, float], tuple[str, ...]]]:
    """Every candidate pair of the article with its features and the labels its types allow
    (of ``labels``, when given: pairs no wanted label fits are not described at all); with
    ``bagged``, one row per pair of entities (:func:`bags`)."""
    hits = rule_hits(rule_candidates, doc)
    anywhere: dict[tuple[str, str], list[str]] = {}
    for c in rule_candidates:
        anywhere.setdefault((c.subject, c.object), []).append(c.predicate)
    starts = sentence_starts(doc)
    mentions = sentence_mentions(doc, index)
    out = []
    for pair in candidate_pairs(mentions):
        allowed = _pair_labels(index, pair, labels)
        if not allowed:
            continue
        sent_start = starts[pair.sentence]
        found = pair_rule_hits(hits, sent_start, pair.first.entity, pair.second.entity)
        out.append((pair, pair_features(doc, index, pair, found), allowed))
    context = ArticleContext(doc, index, mentions)
    for pair in document_pairs(mentions):
        allowed = _pair_labels(index, pair, labels)
        if not allowed:
            continue
        a, b = pair.first.entity, pair.second.entity
        found = [f"{p}>" for p in anywhere.get((a, b), ())] + [f"{p}<" for p in anywhere.get((b, a), ())]
        out.append((pair, document_pair_features(index, pair, context, found), allowed))
    rows = bags(out) if bagged else out
    return rows


def bags(
    rows: list[tuple[PairCandidate, dict[str, float], tuple[str, ...]]],
) -> list[tuple[PairCandidate, dict[str, float], tuple[str, ...]]]:
    """One row per pair of entities: the union of the features of every pair of their mentions.

    A gold fact is known per article, not per sentence, so a bag holds the sentence that
    states it with the ones that do not, and is labelled once. The bag is written from its
    representative pair (the nearest two mentions in one sentence): features of pairs that
    run the other way round are marked ``~``.
    """
    groups: dict[frozenset[str], list[tuple[PairCandidate, dict[str, float], tuple[str, ...]]]] = {}
    for row in rows:
        groups.setdefault(frozenset((row[0].first.entity, row[0].second.entity)), []).append(row)
    out = []
    for group in groups.values():
        rep, _, allowed = min(group, key=lambda r: (r[0].sentence < 0, r[0].second.start - r[0].first.end))
        merged: dict[str, float] = {f"bag={min(len(group), 4)}": 1.0}
        for pair, features, _ in group:
            prefix = "" if pair.first.entity == rep.first.entity else "~"
            for k, v in features.items():
                merged[prefix + k] = max(v, merged.get(prefix + k, 0.0))
        out.append((rep, merged, allowed))
    return out


def _pair_labels(index: EntityIndex, pair: PairCandidate, labels: frozenset[str] | None = None) -> tuple[str, ...]:
    ta = broad_type(index.by_id[pair.first.entity].type)
    tb = broad_type(index.by_id[pair.second.entity].type)
    allowed = labels_allowed(ta, tb)
    return allowed if labels is None else tuple(lab for lab in allowed if lab in labels)


def _trigger(doc: Doc, pair: PairCandidate) -> Token:
    """The token the pair's link hangs on: where the two mentions' heads meet."""
    a, b = doc[pair.first.root], doc[pair.second.root]
    above_a = {t.i for t in [a, *a.ancestors]}
    for tok in [b, *b.ancestors]:
        if tok.i in above_a:
            if tok.i in (a.i, b.i):
                return doc[b.i] if tok.i == a.i else doc[a.i]
            return tok
    return b


def _title_near(doc: Doc, index: EntityIndex, person: int, other: PairCandidate) -> str | None:
    """The post written next to a person ("chief executive X", "X, the bank's chairman")."""
    titles = word_set("titles")
    lo = min(other.first.start, other.second.start) - 4
    hi = max(other.first.end, other.second.end) + 4
    best = None
    for tok in doc[max(lo, 0) : min(hi, len(doc))]:
        if tok.lemma_.lower() in titles or tok.lower_ in titles:
            if tok.i in index.token_entity:
                continue
            if best is None or abs(tok.i - person) < abs(best.i - person):
                best = tok
    return title_of(best, index) if best is not None else None


def learned_candidates(
    doc: Doc,
    index: EntityIndex,
    rule_candidates: list[Candidate],
    model: RelationModel,
    featurised: list[tuple[PairCandidate, dict[str, float], tuple[str, ...]]] | None = None,
) -> list[Candidate]:
    """Relation candidates the model finds in ``doc`` at or above its thresholds."""
    rows = featurise(doc, index, rule_candidates, labels=model.enabled()) if featurised is None else featurised
    titles = {(c.subject, c.object): c.title for c in rule_candidates if c.predicate == "worksFor" and c.title}
    best: dict[tuple[str, str, str], tuple[float, PairCandidate]] = {}
    for pair, features, allowed in rows:
        for label, p in model.scores(features, allowed).items():
            if p < model.threshold_for(label):
                continue
            rel, forward = _split(label)
            s, o = (pair.first, pair.second) if forward else (pair.second, pair.first)
            key = (s.entity, rel, o.entity)
            if key not in best or p > best[key][0]:
                best[key] = (p, pair)
    out = []
    for (s_id, rel, o_id), (p, pair) in best.items():
        s_ref, o_ref = (pair.first, pair.second) if pair.first.entity == s_id else (pair.second, pair.first)
        # A pair across sentences hangs on the subject's mention (its sentence is the evidence).
        trigger = _trigger(doc, pair) if pair.sentence >= 0 else doc[s_ref.root]
        modality = modality_of(trigger)
        if modality is None:
            continue
        title = None
        if rel == "worksFor":
            title = titles.get((s_id, o_id)) or _title_near(doc, index, s_ref.root, pair) or ""
        confidence = round(p * (0.5 if modality == "potential" else 1.0), 3)
        out.append(
            Candidate(s_id, rel, o_id, confidence, modality, title, trigger.i, "learned", s_ref.root, o_ref.root)
        )
    return out


#: How the learned candidates and the rules' are combined: the classifier alone (with the
#: rules that read a home from an organisation's own name, which no sentence pair carries),
#: or everything either finds.
COMBINE_MODES = ("learned", "union")


def combine(rules: list[Candidate], learned: list[Candidate], model: RelationModel) -> list[Candidate]:
    """The candidates the hybrid extractor keeps, by the model's ``combine`` mode."""
    mode = model.provenance.get("combine", "learned")
    if mode == "union":
        return learned + rules
    return learned + [c for c in rules if c.rule == "name-states-home"]
