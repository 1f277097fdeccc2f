"""How the learned relation extractor's cross-validation moves with the amount of training data.

    python tools/learning_curve.py                       # shares 0.5 0.75 1.0
    python tools/learning_curve.py --shares 0.25 0.5 1.0

The folds are those of ``make relations-model`` (5 folds over the articles of ``gold/train``,
seed 13); for each share, every fold's model is fitted on that share of its training articles
only, and every fold is predicted in full, so the test articles are the same for every share.
Thresholds are chosen per relation on the pooled out-of-fold predictions, as the training
command does (the figures carry that selection). The sealed split is never read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import train_relations as training  # noqa: E402

from scoring.gold import score  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shares", type=float, nargs="+", default=[0.5, 0.75, 1.0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    examples = training.prepare([ROOT / "gold" / "train"], args.corpus, None)
    for share in args.shares:
        pooled = training.pooled_predictions(examples, args.folds, 1.0, "union", args.seed, share)
        chosen = training.per_relation_thresholds(pooled, 0.8)
        result = score(training.documents_at(pooled, 0.5, chosen), [ex.gold for ex, _ in pooled])
        p, r, f = result.prf(result.micro())
        print(f"share {share:.2f} of each fold's training articles: P {p:.3f} R {r:.3f} F1 {f:.3f}", flush=True)


if __name__ == "__main__":
    main()
