"""Direct quotations and their speakers (extract.quotes): quote marks paired from context,
speakers from speech verbs, continuation paragraphs; on hand-parsed Docs."""

from __future__ import annotations

import pytest

from extract.quotes import MIN_QUOTE_WORDS, extract_quotes, find_quote_spans
from tests.conftest import make_doc


def _inner(text):
    return [text[s:e] for s, e in find_quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ('He said: "We will win." Then left.', ["We will win."]),
        ("“Curly marks,” she said, “pair too.”", ["Curly marks,", "pair too."]),
        # Curly marks typed the wrong way round are read from what stands around them.
        ("”Wrong way round,“ he said.", ["Wrong way round,"]),
        # Spaces on both sides: a curly mark says which way it faces.
        ("He said “ spaced out ” today", [" spaced out "]),
        # An unclosed quote runs to the end of its paragraph, not into the next one.
        ('"No end here\nNext paragraph "closed" here', ["No end here", "closed"]),
        # A second opener while one is open: the first quote ends there.
        ('He said "one thing "and another', ["one thing ", "and another"]),
        # A stray closing mark with nothing open is ignored, as is an empty pair.
        ('Stray" mark and "" empty', []),
    ],
)
def test_quotes_spans_pair_marks_within_paragraphs(text, quotes):
    assert _inner(text) == quotes


# '" We will create one million jobs , " Ma said . \n " It will be great for all of us " .'
WORDS = ['"', "We", "will", "create", "one", "million", "jobs", ",", '"', "Ma", "said", ".",
         "\n", '"', "It", "will", "be", "great", "for", "all", "of", "us", '"', "."]  # fmt: skip
HEADS = [10, 3, 3, 10, 5, 6, 3, 10, 10, 10, 10, 10, 16, 16, 16, 16, 16, 16, 17, 18, 19, 20, 16, 16]
DEPS = ["punct", "nsubj", "aux", "ccomp", "nummod", "nummod", "dobj", "punct", "punct", "nsubj", "ROOT", "punct",
        "dep", "punct", "nsubj", "aux", "ROOT", "acomp", "prep", "pobj", "prep", "pobj", "punct", "punct"]  # fmt: skip
POS = ["PUNCT", "PRON", "AUX", "VERB", "NUM", "NUM", "NOUN", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT",
       "SPACE", "PUNCT", "PRON", "AUX", "AUX", "ADJ", "ADP", "PRON", "ADP", "PRON", "PUNCT", "PUNCT"]  # fmt: skip


def _doc(vocab, words=WORDS, heads=HEADS, deps=DEPS, pos=POS):
    lemmas = ["say" if w == "said" else w.lower() for w in words]
    return make_doc(vocab, words, heads, deps, pos=pos, lemmas=lemmas)


def _quotes(doc, index, **options):
    return extract_quotes(doc, index, doc_id="a.txt", extractor="rules.v1", version="0.1", model="m", **options)


def test_quotes_speaker_is_the_subject_of_the_speech_verb(vocab, hand_index):
    doc = _doc(vocab)
    first, second = _quotes(doc, hand_index(doc, [(9, 10, "e1", "Person")]))
    assert (first.speaker, first.text, first.confidence) == ("e1", "We will create one million jobs ,", 0.9)
    prov = first.provenance
    assert doc.text[prov.start : prov.end] == prov.evidence == first.text
    assert (prov.doc_id, prov.sentence, prov.extractor, prov.extractor_version) == ("a.txt", 0, "rules.v1:quote", "0.1")
    # The next paragraph is a quote alone: it continues the same speaker, with less confidence.
    assert (second.speaker, second.text, second.confidence) == ("e1", "It will be great for all of us", 0.7)
    assert second.provenance.sentence == 1


def test_quotes_shorter_than_the_floor_are_scare_quotes(vocab, hand_index):
    doc = _doc(vocab)
    index = hand_index(doc, [(9, 10, "e1", "Person")])
    assert MIN_QUOTE_WORDS == 5
    # The first quote has 7 words and the second 8: a floor of 8 keeps only the second...
    assert [q.text for q in _quotes(doc, index, min_words=8)] == ["It will be great for all of us"]
    # ...which still has its speaker from the short quote before it.
    assert [q.speaker for q in _quotes(doc, index, min_words=8)] == ["e1"]


def test_quotes_need_a_speaker_the_article_names(vocab, hand_index):
    doc = _doc(vocab)
    # "Ma" is no entity: nobody said the first quote, so the second continues nobody either.
    assert _quotes(doc, hand_index(doc, [])) == []


def test_quotes_a_place_does_not_speak(vocab, hand_index):
    doc = _doc(vocab)
    assert _quotes(doc, hand_index(doc, [(9, 10, "e1", "Place")])) == []
    assert [q.speaker for q in _quotes(doc, hand_index(doc, [(9, 10, "e1", "Company")]))] == ["e1", "e1"]


def test_quotes_a_subject_inside_the_quote_is_not_the_speaker(vocab, hand_index):
    # '" Ma wants jobs for Ohio " , said the report .', misparsed with "Ma" as the subject of
    # "said": the subject stands inside the quote, so nobody the article names said it.
    words = ['"', "Ma", "wants", "jobs", "for", "Ohio", '"', ",", "said", "the", "report", "."]
    heads = [8, 8, 8, 2, 3, 4, 8, 8, 8, 10, 8, 8]
    deps = ["punct", "nsubj", "ccomp", "dobj", "prep", "pobj", "punct", "punct", "ROOT", "det", "dobj", "punct"]
    pos = ["PUNCT", "PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    doc = _doc(vocab, words, heads, deps, pos)
    assert _quotes(doc, hand_index(doc, [(1, 2, "e1", "Person")])) == []
    # The same words with the subject outside the quote: Ma said it.
    words = ["Ma", "said", '"', "we", "want", "jobs", "for", "Ohio", '"', "."]
    heads = [1, 1, 1, 4, 1, 4, 5, 6, 1, 1]
    deps = ["nsubj", "ROOT", "punct", "nsubj", "ccomp", "dobj", "prep", "pobj", "punct", "punct"]
    pos = ["PROPN", "VERB", "PUNCT", "PRON", "VERB", "NOUN", "ADP", "PROPN", "PUNCT", "PUNCT"]
    doc = _doc(vocab, words, heads, deps, pos)
    assert [q.speaker for q in _quotes(doc, hand_index(doc, [(0, 1, "e1", "Person")]))] == ["e1"]


@pytest.mark.parametrize(
    ("body", "spoken_by"),
    [("Company", "e1"), ("Country", "e1"), ("Person", None), ("Place", None)],
)
def test_quotes_an_unnamed_spokesperson_speaks_for_the_body_named_with_them(vocab, hand_index, body, spoken_by):
    # '" We will resist the charges firmly , " said a Vodafone spokesman .' (project ruling 1)
    words = ['"', "We", "will", "resist", "the", "charges", "firmly", ",", '"', "said", "a", "Vodafone",
             "spokesman", "."]  # fmt: skip
    heads = [9, 3, 3, 9, 5, 3, 3, 9, 9, 9, 12, 12, 9, 9]
    deps = ["punct", "nsubj", "aux", "ccomp", "det", "dobj", "advmod", "punct", "punct", "ROOT", "det", "compound",
            "nsubj", "punct"]  # fmt: skip
    pos = ["PUNCT", "PRON", "AUX", "VERB", "DET", "NOUN", "ADV", "PUNCT", "PUNCT", "VERB", "DET", "PROPN", "NOUN",
           "PUNCT"]  # fmt: skip
    doc = _doc(vocab, words, heads, deps, pos)
    quotes = _quotes(doc, hand_index(doc, [(11, 12, "e1", body)]))
    assert [q.speaker for q in quotes] == ([spoken_by] if spoken_by else [])
    # A spokesperson with no body named beside them is nobody the article names.
    assert _quotes(doc, hand_index(doc, [])) == []


@pytest.mark.parametrize(("pronoun", "kind"), [("he", "Person"), ("it", "Company")])
def test_quotes_a_pronoun_speaker_is_who_the_text_was_about(vocab, hand_index, pronoun, kind):
    # 'Conrad said the plan fails . " Bush spends too much money now , " he said .': "he" is
    # Conrad, the subject before the quote, not Bush, the last person named (inside the quote);
    # "it" the same for organisations.
    words = ["Conrad", "said", "the", "plan", "fails", ".", '"', "Bush", "spends", "too", "much", "money", "now", ",",
             '"', pronoun, "said", "."]  # fmt: skip
    heads = [1, 1, 3, 4, 1, 1, 16, 8, 16, 10, 11, 8, 8, 16, 16, 16, 16, 16]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "punct", "punct", "nsubj", "ccomp", "advmod", "amod", "dobj",
            "advmod", "punct", "punct", "nsubj", "ROOT", "punct"]  # fmt: skip
    pos = ["PROPN", "VERB", "DET", "NOUN", "VERB", "PUNCT", "PUNCT", "PROPN", "VERB", "ADV", "ADJ", "NOUN", "ADV",
           "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT"]  # fmt: skip
    doc = _doc(vocab, words, heads, deps, pos)
    index = hand_index(doc, [(0, 1, "e1", kind), (7, 8, "e2", kind)])
    assert [(q.speaker, q.text) for q in _quotes(doc, index)] == [("e1", "Bush spends too much money now ,")]
    # With nobody named before the quote, the pronoun still goes to the last one named.
    index = hand_index(doc, [(7, 8, "e2", kind)])
    assert [q.speaker for q in _quotes(doc, index)] == ["e2"]
