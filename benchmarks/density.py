"""Relations per article over a whole corpus, and a seeded sample of them for a hand check.

Extracts every article of the BBC corpus (``../shared/corpus/bbc``) with the default
extractor, prints relations per article (overall and per relation), and writes a seeded random
sample of relations from articles outside every gold set (``../shared/gold/dev``, ``gold/``) to
a JSON Lines file (outside the project: it quotes article text), one relation a line with its
evidence sentence, for judging against the
guidelines by hand.

    .venv/bin/python benchmarks/density.py [--sample 50] [--out sample.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def _gold_docs() -> set[str]:
    docs = set()
    for folder in (SHARED / "gold" / "dev", ROOT / "gold" / "train", ROOT / "gold" / "sealed"):
        for path in folder.glob("*.json"):
            docs.add(json.loads(path.read_text("utf-8"))["doc"])
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "diplograph-density-sample.jsonl")
    parser.add_argument("--extractor", default=None)
    args = parser.parse_args()
    if not (SHARED / "corpus" / "bbc").is_dir():
        raise SystemExit("../shared/corpus/bbc is not present")

    from extract.pipeline import DEFAULT_EXTRACTOR, extract_documents
    from extract.reader import read_articles

    name = args.extractor or DEFAULT_EXTRACTOR
    articles = list(read_articles([SHARED / "corpus" / "bbc"]))
    docs = list(extract_documents(articles, extractor=name))
    per_rel = Counter(r.predicate for d in docs for r in d.relations)
    total = sum(per_rel.values())
    print(f"{name}: {len(docs)} BBC articles, {total} relations, {total / len(docs):.2f} per article")
    for rel, n in per_rel.most_common():
        print(f"  {rel:12s} {n:5d}  {n / len(docs):.2f} per article")
    gold = _gold_docs()
    pool = []
    for d in docs:
        # Article ids are relative to the corpus folder's parent ("bbc/business/001.txt").
        if d.id in gold:
            continue
        names = {e.id: e.name for e in d.entities}
        for r in d.relations:
            pool.append(
                {
                    "doc": d.id,
                    "s": names[r.subject],
                    "p": r.predicate,
                    "o": names[r.object],
                    "title": r.title,
                    "confidence": r.confidence,
                    "extractor": r.provenance.extractor,
                    "sentence": r.provenance.evidence,
                }
            )
    sample = random.Random(args.seed).sample(pool, min(args.sample, len(pool)))
    with args.out.open("w", encoding="utf-8") as fh:
        for row in sample:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(sample)} relations from {len({r['doc'] for r in pool})} articles outside every gold set -> {args.out}")


if __name__ == "__main__":
    main()
