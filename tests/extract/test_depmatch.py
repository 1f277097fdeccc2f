"""The fast dependency-pattern engine gives exactly spaCy's DependencyMatcher matches."""

import pytest
from spacy.matcher import DependencyMatcher

from extract._depmatch import FastDependencyMatcher
from extract.lexicon import expand_lists, load_jsonl
from tests.conftest import EXAMPLES


def _both(vocab):
    slow, fast = DependencyMatcher(vocab), FastDependencyMatcher()
    for rule in load_jsonl("relations.jsonl"):
        pattern = expand_lists(rule["pattern"])
        slow.add(rule["id"], [pattern])
        fast.add(rule["id"], [pattern])
    return slow, fast


def _same(vocab, slow, fast, doc):
    expected = {(vocab.strings[key], tuple(tokens)) for key, tokens in slow(doc)}
    got = {(key, tuple(tokens)) for key, tokens in fast(doc)}
    assert got == expected
    return got


def test_depmatch_equals_spacy_on_a_hand_built_doc(vocab, hand_parsed):
    slow, fast = _both(vocab)
    doc = hand_parsed()
    assert _same(vocab, slow, fast, doc)  # and it found something


def test_depmatch_rejects_what_it_does_not_support():
    fast = FastDependencyMatcher()
    with pytest.raises(ValueError, match="unsupported token attribute"):
        fast.add("x", [[{"RIGHT_ID": "a", "RIGHT_ATTRS": {"SHAPE": "Xx"}}]])
    with pytest.raises(ValueError, match="unsupported predicate"):
        fast.add("x", [[{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LOWER": {"REGEX": "a"}}}]])


@pytest.mark.slow
def test_depmatch_equals_spacy_on_the_example_articles(nlp):
    from extract.reader import read_articles

    slow, fast = _both(nlp.vocab)
    total = 0
    for doc in nlp.pipe(a.text for a in read_articles([EXAMPLES])):
        total += len(_same(nlp.vocab, slow, fast, doc))
    assert total > 50
