"""Extraction speed: bare spaCy ``nlp.pipe`` against ``diplograph extract``, same model, same texts.

Prints words per second for both and their ratio (diplograph / bare spaCy), and a third run:
bare spaCy with the lookup stand-in for its ``attribute_ruler`` that diplograph's pipeline uses
(``extract/_attributes.py``), whose ratio to the build is diplograph's own overhead. Texts: the BBC
articles in ../shared/corpus when present, else the bundled examples repeated.

    .venv/bin/python benchmarks/throughput.py [--limit N] [--batch-size N] [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "corpus" / "bbc"


def _articles(limit: int):
    from extract.reader import read_articles

    if BBC.is_dir():
        return list(read_articles([BBC]))[:limit], f"{BBC} (first {limit})"
    examples = list(read_articles([ROOT / "examples" / "articles"]))
    return (examples * (limit // len(examples) + 1))[:limit], "bundled examples, repeated"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=300, help="number of articles (default 300)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is reported")
    parser.add_argument("--model", default=None)
    parser.add_argument("--extractor", default=None, help="registered extractor (default: the default, hybrid.v1)")
    args = parser.parse_args()

    import spacy

    from extract.model import resolve_model_name
    from extract.pipeline import DEFAULT_EXTRACTOR, get_extractor

    articles, source = _articles(args.limit)
    texts = [a.text for a in articles]
    name = resolve_model_name(args.model)
    bare = spacy.load(name)
    extractor_name = args.extractor or DEFAULT_EXTRACTOR
    extractor = get_extractor(extractor_name)(args.model)
    full = extractor.nlp
    words = sum(len(doc) for doc in bare.pipe(texts[:50], batch_size=args.batch_size))  # warm-up
    words = sum(1 for text in texts for _ in text.split())

    def run_bare() -> float:
        start = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=args.batch_size):
            pass
        return time.perf_counter() - start

    # The same bare pipeline with the attribute_ruler stand-in the build uses: the gap between
    # this and the build is diplograph's own work, the gap to plain bare spaCy includes the stand-in's gain.
    import extract.components  # noqa: F401  (registers diplograph_attributes)

    lookup = spacy.load(name)
    lookup.add_pipe("diplograph_attributes", after="attribute_ruler")
    lookup.remove_pipe("attribute_ruler")

    def run_lookup() -> float:
        start = time.perf_counter()
        for _ in lookup.pipe(texts, batch_size=args.batch_size):
            pass
        return time.perf_counter() - start

    def run_full() -> float:
        start = time.perf_counter()
        pairs = ((a.text, a) for a in articles)
        for doc, article in full.pipe(pairs, as_tuples=True, batch_size=args.batch_size):
            extractor(doc, article)
        return time.perf_counter() - start

    # Interleaved runs, so that a slower spell of the machine hits both sides alike.
    runs = [(run_bare(), run_lookup(), run_full()) for _ in range(args.repeat)]
    bare_s = min(b for b, _, _ in runs)
    lookup_s = min(k for _, k, _ in runs)
    full_s = min(f for _, _, f in runs)
    ratios = sorted(b / f for b, _, f in runs)
    print(f"texts: {len(texts)} articles, {words:,} words ({source}); model {name}; batch size {args.batch_size}")
    print(f"bare spaCy nlp.pipe:      {words / bare_s:10,.0f} words/s  ({bare_s:.2f} s)")
    label = f"diplograph {extractor_name}:".ljust(26)
    print(f"{label}{words / full_s:10,.0f} words/s  ({full_s:.2f} s)")
    print(f"bare, attribute lookup:   {words / lookup_s:10,.0f} words/s  ({lookup_s:.2f} s)")
    per_run = ", ".join(f"{r:.3f}" for r in ratios)
    print(f"ratio (diplograph/spaCy): {bare_s / full_s:10.3f}  (best times; per-run ratios {per_run})")
    print(f"ratio to the lookup run:  {lookup_s / full_s:10.3f}  (diplograph's own components and extractor alone)")


if __name__ == "__main__":
    main()
