"""Which entity a token stands for (extract._entity_index.EntityIndex), on hand-made Docs."""

from __future__ import annotations

from tests.conftest import make_doc


def test_entity_index_entity_tokens_map_to_their_entity(vocab, hand_index):
    doc = make_doc(vocab, ["Jack", "Ma", "left", "."], [1, 2, 2, 2], ["compound", "nsubj", "ROOT", "punct"])
    index = hand_index(doc, [(0, 2, "e1", "Person")])
    assert index.resolve(doc[0]) == index.resolve(doc[1]) == "e1"
    assert index.resolve(doc[2]) is None


def test_entity_index_personal_pronoun_is_the_last_person_not_the_last_name(vocab, hand_index):
    # "Ma met Trump at Alibaba . Aides thanked him ."
    words = ["Ma", "met", "Trump", "at", "Alibaba", ".", "Aides", "thanked", "him", "."]
    heads = [1, 1, 1, 1, 3, 1, 7, 7, 7, 7]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT", "NOUN", "VERB", "PRON", "PUNCT"]
    doc = make_doc(vocab, words, heads, deps, pos=pos)
    index = hand_index(doc, [(0, 1, "e1", "Person"), (2, 3, "e2", "Person"), (4, 5, "e3", "Company")])
    assert index.resolve(doc[8]) == "e2"


def test_entity_index_subject_pronoun_continues_the_subject_person_before(vocab, hand_index):
    # "Ma met Trump at Alibaba . He left .": a subject "He" keeps the subject, Ma.
    words = ["Ma", "met", "Trump", "at", "Alibaba", ".", "He", "left", "."]
    heads = [1, 1, 1, 1, 3, 1, 7, 7, 7]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT"]
    doc = make_doc(vocab, words, heads, deps, pos=pos)
    index = hand_index(doc, [(0, 1, "e1", "Person"), (2, 3, "e2", "Person"), (4, 5, "e3", "Company")])
    assert index.resolve(doc[6]) == "e1"
    # With no person as a subject before it, the last person named.
    index = hand_index(doc, [(2, 3, "e2", "Person"), (4, 5, "e3", "Company")])
    assert index.resolve(doc[6]) == "e2"


def test_entity_index_sentence_initial_it_continues_the_subject_before(vocab, hand_index):
    # "Alibaba bought Yahoo . It grew ." : "It" is Alibaba, though Yahoo was named last.
    words = ["Alibaba", "bought", "Yahoo", ".", "It", "grew", "."]
    heads = [1, 1, 1, 1, 5, 5, 5]
    deps = ["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT"]
    doc = make_doc(vocab, words, heads, deps, pos=pos)
    index = hand_index(doc, [(0, 1, "e1", "Company"), (2, 3, "e2", "Company")])
    assert index.resolve(doc[4]) == "e1"


def test_entity_index_relative_pronoun_is_the_noun_its_clause_modifies(vocab, hand_index):
    # "Yahoo , which Alibaba bought , grew ."
    words = ["Yahoo", ",", "which", "Alibaba", "bought", ",", "grew", "."]
    heads = [6, 0, 4, 4, 0, 0, 6, 6]
    deps = ["nsubj", "punct", "dobj", "nsubj", "relcl", "punct", "ROOT", "punct"]
    pos = ["PROPN", "PUNCT", "PRON", "PROPN", "VERB", "PUNCT", "VERB", "PUNCT"]
    doc = make_doc(vocab, words, heads, deps, pos=pos)
    index = hand_index(doc, [(0, 1, "e1", "Company"), (3, 4, "e2", "Company")])
    assert index.resolve(doc[2]) == "e1"


def test_entity_index_typed_role_noun_skips_entities_of_other_types(vocab, hand_index):
    # "Post sued Alibaba . The newspaper won ." : the newspaper is the media organisation.
    words = ["Post", "sued", "Alibaba", ".", "The", "newspaper", "won", "."]
    heads = [1, 1, 1, 1, 5, 6, 6, 6]
    deps = ["nsubj", "ROOT", "dobj", "punct", "det", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    doc = make_doc(vocab, words, heads, deps, pos=pos)
    index = hand_index(doc, [(0, 1, "e1", "MediaOrganization"), (2, 3, "e2", "Company")])
    assert index.resolve(doc[5]) == "e1"


def test_entity_index_role_noun_needs_a_definite_determiner(vocab, hand_index):
    # "Alibaba grew . The company won . A company lost ."
    words = ["Alibaba", "grew", ".", "The", "company", "won", ".", "A", "company", "lost", "."]
    heads = [1, 1, 1, 4, 5, 5, 5, 8, 9, 9, 9]
    deps = ["nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    doc = make_doc(vocab, words, heads, deps, pos=pos)
    index = hand_index(doc, [(0, 1, "e1", "Company")])
    assert index.resolve(doc[4]) == "e1"
    assert index.resolve(doc[8]) is None


def test_entity_index_the_country_is_the_last_country(vocab, hand_index):
    # "Japan and Sony grew . The country won ."
    words = ["Japan", "and", "Sony", "grew", ".", "The", "country", "won", "."]
    heads = [3, 0, 0, 3, 3, 6, 7, 7, 7]
    deps = ["nsubj", "cc", "conj", "ROOT", "punct", "det", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "CCONJ", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    doc = make_doc(vocab, words, heads, deps, pos=pos)
    index = hand_index(doc, [(0, 1, "e1", "Country"), (2, 3, "e2", "Company")])
    assert index.resolve(doc[6]) == "e1"


def test_entity_index_company_noun_before_a_name_is_that_organisation(vocab, hand_index):
    # "carmaker Geely grew ."
    words = ["carmaker", "Geely", "grew", "."]
    doc = make_doc(
        vocab, words, [1, 2, 2, 2], ["compound", "nsubj", "ROOT", "punct"], pos=["NOUN", "PROPN", "VERB", "PUNCT"]
    )
    index = hand_index(doc, [(1, 2, "e1", "Company")])
    assert index.resolve(doc[0]) == "e1"


def test_entity_index_noun_stands_for_its_apposition_or_example(vocab, hand_index):
    # "the firm , Alibaba , and markets such as Japan"
    words = ["the", "firm", ",", "Alibaba", ",", "and", "markets", "such", "as", "Japan"]
    heads = [1, 1, 1, 1, 1, 1, 1, 6, 7, 8]
    deps = ["det", "ROOT", "punct", "appos", "punct", "cc", "conj", "prep", "prep", "pobj"]
    pos = ["DET", "NOUN", "PUNCT", "PROPN", "PUNCT", "CCONJ", "NOUN", "ADJ", "ADP", "PROPN"]
    doc = make_doc(vocab, words, heads, deps, pos=pos)
    index = hand_index(doc, [(3, 4, "e1", "Company"), (9, 10, "e2", "Country")])
    assert index.resolve(doc[1]) == "e1"
    assert index.resolve(doc[6]) == "e2"
