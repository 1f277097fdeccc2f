"""What a fact carries besides its triple (extract._fact_details), on hand-made Docs."""

from __future__ import annotations

from extract._fact_details import amounts_of, date_of, evidence, mention_span, place_of, sentence_index
from extract.contract import Amount
from tests.conftest import make_doc

# "Jack Ma met Trump in Beijing . Alibaba invested $ 5 billion in 200 shops ."
WORDS = ["Jack", "Ma", "met", "Trump", "in", "Beijing", ".", "Alibaba", "invested", "$", "5", "billion", "in"]
WORDS += ["200", "shops", "."]
HEADS = [1, 2, 2, 2, 2, 4, 2, 8, 8, 11, 11, 8, 8, 14, 12, 8]
DEPS = ["compound", "nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "nsubj", "ROOT", "quantmod", "compound", "dobj"]
DEPS += ["prep", "nummod", "pobj", "punct"]
POS = ["PROPN", "PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT", "PROPN", "VERB", "SYM", "NUM", "NUM", "ADP"]
POS += ["NUM", "NOUN", "PUNCT"]
ENTS = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "B-GPE", "O", "B-ORG", "O", "B-MONEY", "I-MONEY", "I-MONEY"]
ENTS += ["O", "B-CARDINAL", "O", "O"]
LEMMAS = [w.lower() for w in WORDS[:8]] + ["invest"] + [w.lower() for w in WORDS[9:14]] + ["shop", "."]


def _doc(vocab):
    return make_doc(vocab, WORDS, HEADS, DEPS, pos=POS, ents=ENTS, lemmas=LEMMAS)


def test_fact_details_evidence_is_the_sentence_with_its_offsets(vocab):
    doc = _doc(vocab)
    second = list(doc.sents)[1]
    start, end, text = evidence(second)
    assert text == "Alibaba invested $ 5 billion in 200 shops ."
    assert doc.text[start:end] == text


def test_fact_details_sentence_index_counts_from_zero(vocab):
    doc = _doc(vocab)
    first, second = doc.sents
    assert (sentence_index(doc, first), sentence_index(doc, second)) == (0, 1)


def test_fact_details_mention_span_covers_the_whole_name(vocab):
    doc = _doc(vocab)
    assert mention_span(doc, 1) == (0, len("Jack Ma"))  # read from "Ma", spans "Jack Ma"
    assert mention_span(doc, 2) == (8, 11)  # no entity: the token itself
    assert mention_span(doc, -1) is None  # no token recorded


def test_fact_details_place_is_a_place_or_country_after_in(vocab, hand_index):
    doc = _doc(vocab)
    as_place = hand_index(doc, [(0, 2, "e1", "Person"), (3, 4, "e2", "Person"), (5, 6, "e3", "Place")])
    assert place_of(doc[2], as_place) == "e3"
    as_company = hand_index(doc, [(0, 2, "e1", "Person"), (3, 4, "e2", "Person"), (5, 6, "e3", "Company")])
    assert place_of(doc[2], as_company) is None


def test_fact_details_amounts_are_read_from_the_verbs_objects(vocab):
    doc = _doc(vocab)
    assert amounts_of(doc[8]) == (Amount(5e9, "USD", "$ 5 billion"), Amount(200.0, "shop", "200"))
    assert amounts_of(doc[2]) == ()


def test_fact_details_date_is_the_sentences_own_time_else_the_articles(vocab):
    words = ["Ma", "met", "Trump", "in", "2016", ".", "Ma", "left", "."]
    heads = [1, 1, 1, 1, 3, 1, 7, 7, 7]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "nsubj", "ROOT", "punct"]
    ents = ["O", "O", "O", "O", "B-DATE", "O", "O", "O", "O"]
    first, second = make_doc(vocab, words, heads, deps, ents=ents).sents
    assert date_of(first, "2017-01-10") == (None, "2016")
    assert date_of(second, "2017-01-10") == ("2017-01-10", None)
