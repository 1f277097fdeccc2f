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
    got = _same(vocab, slow, fast, hand_parsed())
    # Both find the founder compound, the meeting, the purchase and the ownership of the Doc.
    assert {key for key, _ in got} == {
        "founder-compound",
        "founder-sibling",
        "meet-verb",
        "buy-verb",
        "own-verb",
        "own-verb-control",
    }
    # A pattern's tokens are in the pattern's node order: meet-verb is (trigger, subject, object).
    assert ("meet-verb", (5, 4, 7)) in got


def test_depmatch_equals_spacy_where_nothing_matches(vocab):
    from tests.conftest import make_doc

    slow, fast = _both(vocab)
    doc = make_doc(vocab, ["Shares", "rose", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"], pos=["NOUN", "VERB", "PUNCT"])
    assert _same(vocab, slow, fast, doc) == set()


def test_depmatch_rejects_what_it_does_not_support():
    fast = FastDependencyMatcher()
    with pytest.raises(ValueError, match="unsupported token attribute"):
        fast.add("x", [[{"RIGHT_ID": "a", "RIGHT_ATTRS": {"SHAPE": "Xx"}}]])
    with pytest.raises(ValueError, match="unsupported predicate"):
        fast.add("x", [[{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LOWER": {"REGEX": "a"}}}]])
    with pytest.raises(ValueError, match="unsupported relation operator"):
        fast.add("x", [[{"RIGHT_ID": "a", "RIGHT_ATTRS": {}},
                        {"LEFT_ID": "a", "REL_OP": ">++", "RIGHT_ID": "b", "RIGHT_ATTRS": {}}]])  # fmt: skip


@pytest.mark.slow
def test_depmatch_equals_spacy_on_the_example_articles(nlp):
    from extract.reader import read_articles

    slow, fast = _both(nlp.vocab)
    rules = set()
    articles = list(read_articles([EXAMPLES]))
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        got = _same(nlp.vocab, slow, fast, doc)
        assert got, f"{article.id}: no rule matched; the comparison would prove nothing there"
        rules |= {key for key, _ in got}
    assert "meet-verb" in rules
