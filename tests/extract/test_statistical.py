"""``conll04.v1`` (extract.statistical): entities typed and merged from the recognizer's spans,
relations from the pair classifier kept only where the relation's signature allows. Fast tests
run the extractor on a hand-parsed Doc with hand-written classifier weights."""

from __future__ import annotations

import types

import pytest

from extract.pairs import PairModel
from extract.reader import Article
from extract.statistical import MODEL_DIR, Conll04Extractor
from tests.conftest import make_doc

# "Ma works for Alibaba in Hangzhou . Alibaba Group is based in Hangzhou , China ."
WORDS = ["Ma", "works", "for", "Alibaba", "in", "Hangzhou", ".",
         "Alibaba", "Group", "is", "based", "in", "Hangzhou", ",", "China", "."]  # fmt: skip
HEADS = [1, 1, 1, 2, 1, 4, 1, 8, 10, 10, 10, 10, 11, 12, 12, 10]
DEPS = ["nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct",
        "compound", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct", "appos", "punct"]  # fmt: skip
POS = ["PROPN", "VERB", "ADP", "PROPN", "ADP", "PROPN", "PUNCT",
       "PROPN", "PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT"]  # fmt: skip
# The recognizer calls the first Hangzhou a location: CoNLL04 has only one place label.
ENTS = ["B-PERSON", "O", "O", "B-ORG", "O", "B-LOC", "O",
        "B-ORG", "I-ORG", "O", "O", "O", "B-GPE", "O", "B-GPE", "O"]  # fmt: skip

# Hand-written weights: each type pair leans to one relation; PERSON > GPE only moderately.
WEIGHTS = {
    "types=PERSON>ORG": (0.0, 6.0, 0.0, 0.0, 0.0),
    "types=ORG>GPE": (0.0, 0.0, 6.0, 0.0, 0.0),
    "types=GPE>GPE": (0.0, 0.0, 0.0, 6.0, 0.0),
    "types=PERSON>GPE": (0.0, 0.0, 0.0, 0.0, 3.0),
}
CLASSES = ("NONE", "Work_For", "OrgBased_In", "Located_In", "Live_In")


def _extractor(threshold=None):
    nlp = types.SimpleNamespace(meta={"lang": "en", "name": "core_web_sm", "version": "3.8.0"})
    ex = Conll04Extractor(nlp, threshold=threshold)
    ex.pairs = PairModel(CLASSES, (0.0,) * 5, WEIGHTS, threshold=0.4)
    if threshold is None:
        ex.threshold = 0.4
    return ex


def _run(vocab, threshold=None):
    doc = make_doc(vocab, WORDS, HEADS, DEPS, pos=POS, ents=ENTS)
    return _extractor(threshold)(doc, Article("a.txt", doc.text, title="T", date="2020-01-02", source="s"))


def _triples(record):
    names = {e.id: e.name for e in record.entities}
    return [(names[r.subject], r.predicate, names[r.object]) for r in record.relations]


def test_statistical_entities_are_typed_and_merged_by_key(vocab):
    record = _run(vocab)
    by_name = {e.name: e for e in record.entities}
    assert {n: e.type for n, e in by_name.items()} == {
        "Ma": "Person",
        "Alibaba": "Organization",
        "Hangzhou": "Place",
        "China": "Country",
    }
    # "Alibaba" and "Alibaba Group" are one organisation; both Hangzhous one place.
    assert [(m.text, m.sentence) for m in by_name["Alibaba"].mentions] == [("Alibaba", 0), ("Alibaba Group", 1)]
    assert [m.label for m in by_name["Hangzhou"].mentions] == ["GPE", "GPE"]
    assert [e.id for e in record.entities] == ["e1", "e2", "e3", "e4"]


def test_statistical_relations_follow_the_classifier_within_the_signatures(vocab):
    record = _run(vocab)
    assert _triples(record) == [
        ("Ma", "worksFor", "Alibaba"),
        ("Ma", "livesIn", "Hangzhou"),
        ("Alibaba", "basedIn", "Hangzhou"),  # said again in the second sentence: kept once
        ("Alibaba", "basedIn", "China"),
        ("Hangzhou", "locatedIn", "China"),  # China locatedIn Hangzhou: a country is in no place
    ]
    first = record.relations[0]
    assert first.provenance.evidence == "Ma works for Alibaba in Hangzhou ."
    assert first.provenance.sentence == 0 and first.provenance.extractor == "conll04.v1:pairs"
    assert record.relations[3].provenance.sentence == 1
    assert (first.subject_span, first.object_span) == ((0, 2), (13, 20))  # "Ma", "Alibaba"
    assert first.confidence == pytest.approx(1 / (1 + 4 * 2.718281828459045**-6), abs=1e-3)


def test_statistical_threshold_drops_less_likely_relations(vocab):
    record = _run(vocab, threshold=0.9)
    assert ("Ma", "livesIn", "Hangzhou") not in _triples(record)
    assert len(record.relations) == 4


def test_statistical_record_carries_the_article_and_the_extractor(vocab):
    record = _run(vocab)
    assert (record.id, record.title, record.date, record.source) == ("a.txt", "T", "2020-01-02", "s")
    assert (record.extractor, record.extractor_version) == ("conll04.v1", Conll04Extractor.version)
    assert record.model == "en_core_web_sm 3.8.0 + conll04"


def test_statistical_shipped_components_are_present():
    assert (MODEL_DIR / "relations.json").is_file()
    assert (MODEL_DIR / "ner" / "meta.json").is_file()
