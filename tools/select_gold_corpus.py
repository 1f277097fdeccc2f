"""Draw the articles of diplograph's own annotated corpus and seal a test split (issue 7).

Deterministic (seeded): BBC business 100-249 and politics 100-417 (dev-gold articles
excluded) and Reuters stories whose id number is below 10000, mixed over their topics. 30% of
the drawn articles, chosen by a second seeded draw, form the sealed test split: its figures
are reported, its misses are never read to write rules. Writes ``gold/SPLIT.json``.

    python tools/select_gold_corpus.py ../shared/corpus
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SEED = 20261201
SEALED_SHARE = 0.30
N_BUSINESS, N_POLITICS = 65, 45
#: Reuters topics and how many stories of each (a story counts under its first topic drawn).
REUTERS_TOPICS = {"acq": 24, "trade": 12, "crude": 6, "money-fx": 3, "ship": 3, "grain": 3, "interest": 2, "gnp": 2}
DEV = {
    "bbc/business/155.txt",
    "bbc/business/181.txt",
    "bbc/business/208.txt",
    "bbc/business/212.txt",
    "bbc/politics/386.txt",
}


#: A second draw, made when the first gave fewer relations per article than planned: from the
#: articles left, sealed in the same share by its own seed.
BATCH2 = {"seed": SEED + 10, "business": 40, "politics": 10, "reuters": {"acq": 6, "trade": 4}}
#: A third draw (stop 11), for more training data: from the articles left, sealed in the same
#: share by its own seed before any file of it was used.
BATCH3 = {
    "seed": SEED + 20,
    "business": 20,
    "politics": 16,
    "reuters": {"acq": 4, "trade": 3, "crude": 2, "money-fx": 1, "grain": 1, "ship": 1},
}
#: A fourth draw (stop 13), for more training data on the rarer relations (trade stories carry
#: sanctions and suits, acquisition stories offers): sealed the same way before any file was used.
BATCH4 = {
    "seed": SEED + 30,
    "business": 16,
    "politics": 12,
    "reuters": {"acq": 6, "trade": 6, "crude": 2, "money-fx": 1, "ship": 1},
}
#: A fifth draw (stop 14), for more training data: the last BBC business articles of the pool,
#: more politics and Reuters; sealed the same way before any file was used.
BATCH5 = {
    "seed": SEED + 40,
    "business": 5,
    "politics": 16,
    "reuters": {"acq": 8, "trade": 6, "crude": 3, "money-fx": 2, "ship": 2, "grain": 2},
}


def _batch(corpus: Path, spec: dict, earlier: list[str]) -> tuple[list[str], list[str]]:
    """A later draw of ``spec`` from the articles not in ``earlier``, and its sealed share."""
    rng = random.Random(spec["seed"])
    taken = set(earlier) | DEV
    business = [f"bbc/business/{n:03d}.txt" for n in range(100, 250)]
    politics = [f"bbc/politics/{n:03d}.txt" for n in range(100, 418)]
    docs = rng.sample([d for d in business if d not in taken], spec["business"])
    docs += rng.sample([d for d in politics if d not in taken], spec["politics"])
    stories = _reuters(corpus, spec["reuters"])
    for topic, n in spec["reuters"].items():
        docs += rng.sample(
            [f"reuters21578.jsonl#{s}" for s in stories[topic] if f"reuters21578.jsonl#{s}" not in taken], n
        )
    docs = sorted(docs)
    sealed = sorted(random.Random(spec["seed"] + 1).sample(docs, round(SEALED_SHARE * len(docs))))
    return docs, sealed


def _reuters(corpus: Path, topics: dict[str, int]) -> dict[str, list[str]]:
    stories: dict[str, list[str]] = {t: [] for t in topics}
    with (corpus / "reuters21578.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            words = len(d["text"].split())
            if int(d["id"].split("-")[1]) >= 10000 or not 150 <= words <= 600:
                continue
            for topic in d["topics"]:
                if topic in stories:
                    stories[topic].append(d["id"])
                    break
    return stories


def main(corpus: Path) -> None:
    rng = random.Random(SEED)
    business = [f"bbc/business/{n:03d}.txt" for n in range(100, 250)]
    politics = [f"bbc/politics/{n:03d}.txt" for n in range(100, 418)]
    docs = rng.sample([d for d in business if d not in DEV], N_BUSINESS)
    docs += rng.sample([d for d in politics if d not in DEV], N_POLITICS)
    stories = _reuters(corpus, REUTERS_TOPICS)
    for topic, n in REUTERS_TOPICS.items():
        docs += [f"reuters21578.jsonl#{sid}" for sid in rng.sample(stories[topic], n)]
    docs = sorted(set(docs))
    sealed = sorted(random.Random(SEED + 1).sample(docs, round(SEALED_SHARE * len(docs))))
    twice = sorted(random.Random(SEED + 2).sample(docs, 20))
    docs2, sealed2 = _batch(corpus, BATCH2, docs)
    docs3, sealed3 = _batch(corpus, BATCH3, docs + docs2)
    docs4, sealed4 = _batch(corpus, BATCH4, docs + docs2 + docs3)
    docs5, sealed5 = _batch(corpus, BATCH5, docs + docs2 + docs3 + docs4)
    split = {
        "seed": SEED,
        "sealed_share": SEALED_SHARE,
        "command": "python tools/select_gold_corpus.py ../shared/corpus",
        "train": sorted(
            [d for d in docs if d not in set(sealed)]
            + [d for d in docs2 if d not in set(sealed2)]
            + [d for d in docs3 if d not in set(sealed3)]
            + [d for d in docs4 if d not in set(sealed4)]
            + [d for d in docs5 if d not in set(sealed5)]
        ),
        "sealed": sorted(sealed + sealed2 + sealed3 + sealed4 + sealed5),
        "annotated_twice": twice,
        "batches": {
            "1": {"seed": SEED, "articles": len(docs)},
            "2": {"seed": BATCH2["seed"], "articles": len(docs2)},
            "3": {"seed": BATCH3["seed"], "articles": len(docs3), "sealed": sealed3},
            "4": {"seed": BATCH4["seed"], "articles": len(docs4), "sealed": sealed4},
            "5": {"seed": BATCH5["seed"], "articles": len(docs5), "sealed": sealed5},
        },
    }
    docs = docs + docs2 + docs3 + docs4 + docs5
    Path("gold/SPLIT.json").write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    counts = f"{len(split['train'])} train, {len(split['sealed'])} sealed, {len(twice)} annotated twice"
    print(f"{len(docs)} articles: {counts}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus"))
