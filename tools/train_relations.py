"""Train the learned relation classifier (``extract/models/relations/model.json``) on the
project's gold corpus, with k-fold cross-validation over articles.

    python tools/train_relations.py                 # make relations-model
    python tools/train_relations.py --folds 5 --no-write

Data: the gold files of ``gold/train`` (the sealed split, ``gold/sealed``, is never read here)
and the articles they name under ``../shared/corpus``. Each candidate pair of a sentence
(:mod:`extract.candidates`) is labelled with the gold relations between the gold entities its
two mentions name (mention pairs of one entity pair are bagged, see ``extract.learned.bags``).
One L2-regularised logistic regression per label (scikit-learn, liblinear) is fitted. Each
relation's threshold is the one that maximises its F1 over out-of-fold predictions of a k-fold
cross-validation over articles, scored exactly as ``diplograph eval`` scores (the same
extractor code, the same scorer), among the thresholds that keep the relation's precision at
``--min-precision`` or at the rules' own precision where that is lower (never below 0.6); a
relation the classifier does not improve keeps only the rules' findings.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.contract import Document  # noqa: E402
from scoring.gold import GoldFile, load_gold_files, normalise_name, score  # noqa: E402

GRID = [round(0.2 + 0.05 * i, 2) for i in range(15)]
#: No relation's threshold is chosen where its out-of-fold precision falls below this.
PRECISION_FLOOR = 0.6


@dataclass
class Example:
    gold: GoldFile
    doc: Any
    index: Any
    rules: list[Any]
    rows: list[Any]
    labels: list[set[str]]
    article: Any
    covered: set[tuple[str, str, str]]


def _gold_ids(entity: Any, gold: GoldFile) -> set[str]:
    labels = {normalise_name(n) for n in (entity.name, *entity.surface_forms)}
    return {gid for gid, names in gold.names.items() if labels & names}


def prepare(gold_dirs: list[Path], corpus: Path, model: str | None) -> list[Example]:
    from extract.entities import build_entities
    from extract.learned import featurise, label_of
    from extract.model import load_pipeline
    from extract.pipeline import RulesExtractor
    from extract.sources import read_corpus_document

    golds = load_gold_files(gold_dirs)
    articles = [read_corpus_document(corpus, g.doc) for g in golds]
    rules_x = RulesExtractor(load_pipeline(model))
    examples = []
    pairs = ((a.text, (a, g)) for a, g in zip(articles, golds, strict=True))
    for doc, (article, gold) in rules_x.nlp.pipe(pairs, as_tuples=True, batch_size=16):
        index = build_entities(doc)
        rules = rules_x.candidates(doc, index)
        rows = featurise(doc, index, rules)
        gid = {e.id: _gold_ids(e, gold) for e in index.entities}
        labels = []
        covered = set()
        for pair, _features, allowed in rows:
            a, b = gid[pair.first.entity], gid[pair.second.entity]
            found = set()
            for s, p, o in gold.relations:
                if s in a and o in b and label_of(p, True) in allowed:
                    found.add(label_of(p, True))
                    covered.add((s, p, o))
                if s in b and o in a and label_of(p, False) in allowed:
                    found.add(label_of(p, False))
                    covered.add((s, p, o))
            labels.append(found)
        examples.append(Example(gold, doc, index, rules, rows, labels, article, covered))
    return examples


def fit(examples: list[Example], c: float) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from extract.learned import LABELS, RelationModel

    feats = [f for ex in examples for _, f, _ in ex.rows]
    allowed = [set(al) for ex in examples for _, _, al in ex.rows]
    ys = [lab for ex in examples for lab in ex.labels]
    counts = Counter(k for f in feats for k in f)
    vec = DictVectorizer()
    x = vec.fit_transform([{k: v for k, v in f.items() if counts[k] >= 2} for f in feats])
    names = vec.get_feature_names_out()
    weights: dict[str, dict[str, float]] = {}
    bias: dict[str, float] = {}
    for label in LABELS:
        rows = [i for i, al in enumerate(allowed) if label in al]
        y = [1 if label in ys[i] else 0 for i in rows]
        if sum(y) < 2:
            continue
        clf = LogisticRegression(C=c, solver="liblinear", max_iter=500)
        clf.fit(x[rows], y)
        coef = clf.coef_[0]
        weights[label] = {str(names[j]): round(float(coef[j]), 3) for j in coef.nonzero()[0] if abs(coef[j]) >= 0.02}
        bias[label] = round(float(clf.intercept_[0]), 4)
    return RelationModel(weights, bias, threshold=0.0, thresholds={}, provenance={})


def predict(examples: list[Example], model: Any, combine_mode: str) -> list[tuple[Example, list[Any]]]:
    """Each article's candidates at threshold 0 (cut later per threshold)."""
    from extract.learned import combine, learned_candidates

    model.provenance["combine"] = combine_mode
    return [
        (ex, combine(ex.rules, learned_candidates(ex.doc, ex.index, ex.rules, model, featurised=ex.rows), model))
        for ex in examples
    ]


def documents_at(
    predicted: list[tuple[Example, list[Any]]], threshold: float, per_relation: dict[str, float] | None = None
) -> list[Document]:
    from extract.relations import to_facts

    per_relation = per_relation or {}
    docs = []
    for ex, cands in predicted:
        kept = [c for c in cands if c.rule != "learned" or c.confidence >= per_relation.get(c.predicate, threshold)]
        relations, _ = to_facts(
            ex.doc, ex.index, kept, doc_id=ex.article.id, extractor="cv", version="0", model="", article_date=None
        )
        docs.append(Document(id=ex.article.id, entities=tuple(ex.index.entities), relations=tuple(relations)))
    return docs


def pooled_predictions(
    examples: list[Example], folds: int, c: float, combine_mode: str, seed: int, share: float = 1.0
) -> list[tuple[Example, list[Any]]]:
    """Out-of-fold candidates for every article: each fold predicted by a model of the others
    (fitted on the first ``share`` of them, for a learning curve)."""
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    pooled: list[tuple[Example, list[Any]]] = []
    for k in range(folds):
        test = [examples[i] for i in order[k::folds]]
        train = [examples[i] for n, i in enumerate(order) if n % folds != k]
        train = train[: max(1, int(len(train) * share))]
        pooled.extend(predict(test, fit(train, c), combine_mode))
    return pooled


def per_relation_thresholds(pooled: list[tuple[Example, list[Any]]], min_precision: float) -> dict[str, float]:
    """For each relation, the threshold whose out-of-fold F1 for that relation is highest
    among those that keep its precision at or above a bar (relations are matched separately,
    so each threshold can be chosen on its own); a relation the classifier does not improve
    so gets 1.01, i.e. only the rules' findings.

    The bar is ``min_precision``, or the rules' own out-of-fold precision for the relation
    where that is lower (the classifier may then add findings as long as they do not make the
    relation less precise than the rules alone are), but never below :data:`PRECISION_FLOOR`.
    """
    golds = [ex.gold for ex, _ in pooled]
    from extract.learned import LEARNED_RELATIONS

    by_t = {t: score(documents_at(pooled, t), golds) for t in [*GRID, 1.01]}
    rules = by_t[1.01]
    chosen = {}
    for rel in LEARNED_RELATIONS:
        rules_p, _, _ = rules.prf(rules.per_relation.get(rel, Counter()))
        bar = max(min(min_precision, rules_p), PRECISION_FLOOR) if rules_p > 0 else min_precision

        def key(t: float, rel: str = rel, bar: float = bar) -> tuple[bool, float, float]:
            p, _, f = by_t[t].prf(by_t[t].per_relation.get(rel, Counter()))
            return (p >= bar or t > 1, round(f, 4), t)

        chosen[rel] = max(by_t, key=key)
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, nargs="+", default=[ROOT / "gold" / "train"])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--out", type=Path, default=ROOT / "extract" / "models" / "relations" / "model.json")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--combine", choices=("learned", "union"), default="union")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--min-precision", type=float, default=0.8, help="per relation, out of fold")
    ap.add_argument("--model", default=None)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--show-uncovered", action="store_true", help="list gold relations no pair carries")
    args = ap.parse_args()
    if any("sealed" in p.parts for p in args.gold):
        raise SystemExit("the sealed split is never trained on")
    t0 = time.time()
    examples = prepare(args.gold, args.corpus, args.model)
    n_rel = sum(len(ex.gold.relations) for ex in examples)
    print(
        f"{len(examples)} articles, {n_rel} gold relations, {sum(len(ex.rows) for ex in examples)} pairs "
        f"({time.time() - t0:.0f} s)"
    )
    reach = sum(len(ex.covered) for ex in examples)
    print(f"gold relations some candidate pair carries (an upper bound on recall): {reach} of {n_rel}")
    if args.show_uncovered:
        for ex in examples:
            for rel in ex.gold.relations:
                if rel not in ex.covered:
                    print("  uncovered", ex.gold.doc, rel)
    pooled = pooled_predictions(examples, args.folds, args.c, args.combine, args.seed)
    golds = [ex.gold for ex, _ in pooled]
    chosen = per_relation_thresholds(pooled, args.min_precision)
    result = score(documents_at(pooled, 0.5, chosen), golds)
    p, r, f = result.prf(result.micro())
    print(
        f"{args.folds}-fold CV over articles (per-relation thresholds chosen on these out-of-fold predictions, "
        f"so the figure carries that selection): P {p:.3f} R {r:.3f} F1 {f:.3f}"
    )
    rules_only = score(documents_at(pooled, 1.01), golds)
    rp, rr, rf = rules_only.prf(rules_only.micro())
    print(f"the rules alone on the same articles: P {rp:.3f} R {rr:.3f} F1 {rf:.3f}")
    for rel, row in result.as_dict()["relations"].items():
        print(
            f"    {rel:12s} gold {row['tp'] + row['fn']:4d} pred {row['tp'] + row['fp']:4d} tp {row['tp']:4d} "
            f"P {row['precision']:.2f} R {row['recall']:.2f} F1 {row['f1']:.2f}  threshold {chosen.get(rel, '-')}"
        )
    if args.no_write:
        return
    import sklearn

    from diplograph import __version__

    final = fit(examples, args.c)
    from extract.learned import LABELS, _split

    model = type(final)(
        final.weights,
        final.bias,
        threshold=0.5,
        thresholds={label: chosen[_split(label)[0]] for label in LABELS if _split(label)[0] in chosen},
        provenance={
            "data": f"{len(examples)} gold files of gold/train ({n_rel} relations), split by gold/SPLIT.json",
            "command": "make relations-model (python tools/train_relations.py)",
            "learner": f"scikit-learn {sklearn.__version__} LogisticRegression(C={args.c}, liblinear), one per label",
            "diplograph": __version__,
            "trained": date.today().isoformat(),
            "combine": args.combine,
            "cross_validation": {
                "folds": args.folds,
                "seed": args.seed,
                "precision": round(p, 4),
                "recall": round(r, 4),
                "f1": round(f, 4),
                "note": "per-relation thresholds chosen on the same out-of-fold predictions",
            },
            "bags": True,
        },
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(json.dumps(model.to_json(), sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    tmp.replace(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB) in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
