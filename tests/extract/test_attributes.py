"""The lookup stand-in for spaCy's attribute_ruler leaves every token as the ruler does."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, DocBin

from extract._attributes import FastAttributeRuler

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
FIELDS = ("tag_", "pos_", "lemma_", "dep_")


def _state(doc: Doc) -> list[tuple[str, ...]]:
    return [(*(getattr(t, f) for f in FIELDS), str(t.morph)) for t in doc]


def _twins(nlp, doc: Doc) -> tuple[Doc, Doc]:
    data = DocBin(docs=[doc]).to_bytes()
    return next(DocBin().from_bytes(data).get_docs(nlp.vocab)), next(DocBin().from_bytes(data).get_docs(nlp.vocab))


@pytest.fixture()
def ruled():
    """A blank pipeline whose ruler holds each kind of pattern, overlapping on purpose."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN", "MORPH": "Number=Sing"})
    ruler.add([[{"TAG": {"IN": ["VBZ", "VBP"]}}]], {"POS": "VERB"})
    ruler.add([[{"LOWER": "ai", "TAG": "VBP"}, {"LOWER": {"REGEX": "^n'?t$"}}]], {"LEMMA": "be"})
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=1)
    ruler.add([[{"LOWER": "bank", "TAG": "NN"}]], {"MORPH": "Number=Plur"})  # later: wins over rule 0
    ruler.add([[{"DEP": "nsubj"}], [{"ORTH": "Volvo"}]], {"LEMMA": "subject"})
    return nlp, ruler


def test_attributes_match_the_ruler_on_every_kind_of_pattern(ruled):
    nlp, ruler = ruled
    words = ["Volvo", "ai", "n't", "gon", "na", "bank", "the", "bank", "runs"]
    tags = ["NNP", "VBP", "RB", "VBG", "TO", "NN", "DT", "NN", "VBZ"]
    doc = Doc(nlp.vocab, words=words, tags=tags, heads=[8, 8, 1, 8, 3, 8, 7, 8, 8],
              deps=["nsubj", "dep", "neg", "dep", "prep", "dep", "det", "dobj", "ROOT"])
    stock, fast = _twins(nlp, doc)
    ruler(stock)
    FastAttributeRuler(ruler)(fast)
    assert _state(fast) == _state(stock)
    assert fast[1].lemma_ == "be" and fast[4].lemma_ == "to" and fast[0].lemma_ == "subject"
    assert str(fast[5].morph) == "Number=Plur" and fast[8].pos_ == "VERB"


def test_attributes_send_only_complex_patterns_to_the_matcher(ruled):
    _, ruler = ruled
    fast = FastAttributeRuler(ruler)
    assert len(fast.rest) == 2  # the "ai n't" and the "gon na" rules


def test_attributes_memo_stays_within_its_limit_and_still_matches(ruled):
    nlp, ruler = ruled
    fast = FastAttributeRuler(ruler)
    fast.memo_limit = 3
    words = ["bank", "runs", "the", "Volvo", "car", "bank", "ran", "banks"]
    tags = ["NN", "VBZ", "DT", "NNP", "NN", "NN", "VBD", "NNS"]
    doc = Doc(nlp.vocab, words=words, tags=tags)
    stock, lean = _twins(nlp, doc)
    ruler(stock)
    fast(lean)
    assert 0 < len(fast._memo) <= 3
    assert _state(lean) == _state(stock)


@pytest.mark.slow
def test_attributes_match_the_models_ruler_on_real_text(nlp):
    from extract.model import resolve_model_name

    stock_nlp = spacy.load(resolve_model_name(None))
    stock_ruler = stock_nlp.get_pipe("attribute_ruler")
    fast = FastAttributeRuler(stock_ruler)
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    assert texts
    with stock_nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(stock_nlp.pipe(texts))
    for doc in docs:
        stock, mine = _twins(stock_nlp, doc)
        stock_ruler(stock)
        fast(mine)
        assert _state(mine) == _state(stock)
    assert "diplograph_attributes" in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
