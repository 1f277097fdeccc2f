"""What the words around a match say (extract._clause): modality, titles, coordination."""

from __future__ import annotations

import pytest

from extract._clause import conjuncts, modality_of, near, title_of
from tests.conftest import make_doc


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "trigger", "expected"),
    [
        # "Ma bought Yahoo"
        (["Ma", "bought", "Yahoo"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["PROPN", "VERB", "PROPN"], 1, "actual"),
        # "Ma did not buy Yahoo"
        (
            ["Ma", "did", "not", "buy", "Yahoo"],
            [3, 3, 3, 3, 3],
            ["nsubj", "aux", "neg", "ROOT", "dobj"],
            ["PROPN", "AUX", "PART", "VERB", "PROPN"],
            3,
            None,
        ),
        # "Ma could buy Yahoo": potential
        (
            ["Ma", "could", "buy", "Yahoo"],
            [2, 2, 2, 2],
            ["nsubj", "aux", "ROOT", "dobj"],
            ["PROPN", "AUX", "VERB", "PROPN"],
            2,
            "potential",
        ),
        # "Ma will buy Yahoo": planned
        (
            ["Ma", "will", "buy", "Yahoo"],
            [2, 2, 2, 2],
            ["nsubj", "aux", "ROOT", "dobj"],
            ["PROPN", "AUX", "VERB", "PROPN"],
            2,
            "planned",
        ),
        # "Ma plans to buy Yahoo": a planning verb governs the trigger
        (
            ["Ma", "plans", "to", "buy", "Yahoo"],
            [1, 1, 3, 1, 3],
            ["nsubj", "ROOT", "aux", "xcomp", "dobj"],
            ["PROPN", "VERB", "PART", "VERB", "PROPN"],
            3,
            "planned",
        ),
        # "Ma denied he bought Yahoo": a verb of denial governs the trigger
        (
            ["Ma", "denied", "he", "bought", "Yahoo"],
            [1, 1, 3, 1, 3],
            ["nsubj", "ROOT", "nsubj", "ccomp", "dobj"],
            ["PROPN", "VERB", "PRON", "VERB", "PROPN"],
            3,
            None,
        ),
        # "if Ma buys Yahoo": a conditional mark
        (
            ["if", "Ma", "buys", "Yahoo"],
            [2, 2, 2, 2],
            ["mark", "nsubj", "ROOT", "dobj"],
            ["SCONJ", "PROPN", "VERB", "PROPN"],
            2,
            None,
        ),
        # "no deal": a negated noun
        (["no", "deal"], [1, 1], ["det", "ROOT"], ["DET", "NOUN"], 1, None),
        # "Alibaba founder Ma": a nominal fact stands
        (
            ["Alibaba", "founder", "Ma"],
            [1, 2, 2],
            ["compound", "compound", "ROOT"],
            ["PROPN", "NOUN", "PROPN"],
            1,
            "actual",
        ),
    ],
)
def test_clause_modality_of_the_trigger(vocab, words, heads, deps, pos, trigger, expected):
    doc = make_doc(vocab, words, heads, deps, pos=pos, lemmas=[_lemma(w) for w in words])
    assert modality_of(doc[trigger]) == expected


def _lemma(word):
    return {"bought": "buy", "plans": "plan", "denied": "deny", "buys": "buy", "did": "do"}.get(word, word.lower())


def test_clause_title_is_the_post_as_written_without_the_name(vocab, hand_index):
    # "Gazprom deputy director Aleksey Miller"
    words = ["Gazprom", "deputy", "director", "Aleksey", "Miller"]
    heads = [2, 2, 4, 4, 4]
    deps = ["compound", "amod", "compound", "compound", "ROOT"]
    ents = ["B-ORG", "O", "O", "B-PERSON", "I-PERSON"]
    doc = make_doc(vocab, words, heads, deps, ents=ents)
    index = hand_index(doc, [(0, 1, "e1", "Company"), (3, 5, "e2", "Person")])
    assert title_of(doc[2], index) == "deputy director"


def test_clause_title_joins_hyphenated_words(vocab, hand_index):
    # "president - elect" as three tokens
    words = ["president", "-", "elect", "Trump"]
    doc = make_doc(vocab, words, [2, 2, 3, 3], ["compound", "punct", "compound", "ROOT"])
    index = hand_index(doc, [(3, 4, "e1", "Person")])
    assert title_of(doc[2], index) == "president-elect"


def test_clause_conjuncts_are_the_coordinated_entities(vocab, hand_index):
    # "Macy and Saks and shoppers": shoppers is no entity
    words = ["Macy", "and", "Saks", "and", "shoppers"]
    doc = make_doc(vocab, words, [0, 0, 0, 2, 2], ["ROOT", "cc", "conj", "cc", "conj"])
    index = hand_index(doc, [(0, 1, "e1", "Company"), (2, 3, "e2", "Company")])
    assert [t.i for t in conjuncts(doc[0], index)] == [0, 2]


def test_clause_a_post_is_near_a_name_only_within_the_window(vocab, hand_index):
    # "Jack Ma , the former deputy chairman , ... director": five tokens either side of the name
    words = ["Jack", "Ma", ",", "the", "former", "deputy", "chairman", ",", "a", "b", "c", "d", "director"]
    n = len(words)
    ents = ["B-PERSON", "I-PERSON"] + ["O"] * (n - 2)
    doc = make_doc(vocab, words, [1] * n, ["dep"] * n, ents=ents)
    index = hand_index(doc, [(0, 2, "e1", "Person")])
    assert near(doc[0], doc[6], index)  # measured from the end of the whole name, not from "Jack"
    assert not near(doc[1], doc[12], index)
