"""Candidate pairs and their features (extract.candidates), on the hand-parsed Doc."""

from __future__ import annotations

from extract.candidates import MAX_GAP, candidate_pairs, pair_features, sentence_mentions
from extract.entities import build_entities


def _names(index, mentions):
    return [[(index.by_id[m.entity].name, m.kind) for m in sent] for sent in mentions]


def test_candidates_mentions_per_sentence_include_resolved_pronouns(hand_parsed):
    doc = hand_parsed()
    index = build_entities(doc)
    mentions = sentence_mentions(doc, index)
    names = _names(index, mentions)
    assert names[0] == [("Alibaba Group", "name"), ("Jack Ma", "name"), ("Donald Trump", "name")]
    assert names[1] == [("Jack Ma", "name"), ("Yahoo", "name")]
    # "he" in the third sentence is Trump: a coreference mention, so Trump-Univision pairs twice.
    assert names[2] == [("Donald Trump", "name"), ("Donald Trump", "coref"), ("Univision", "name")]


def test_candidates_pairs_join_different_entities_of_one_sentence(hand_parsed):
    doc = hand_parsed()
    index = build_entities(doc)
    pairs = list(candidate_pairs(sentence_mentions(doc, index)))
    by_sent = {}
    for p in pairs:
        assert p.first.entity != p.second.entity
        assert p.first.start < p.second.start
        by_sent.setdefault(p.sentence, []).append(p)
    assert [len(by_sent[n]) for n in sorted(by_sent)] == [3, 1, 2]


def test_candidates_far_mentions_are_not_paired(hand_parsed):
    from extract.candidates import MentionRef

    near = [[MentionRef("e1", 0, 1, 0, "name"), MentionRef("e2", MAX_GAP + 2, MAX_GAP + 3, MAX_GAP + 2, "name")]]
    assert list(candidate_pairs(near)) == []


def test_candidates_features_describe_types_words_path_and_rules(hand_parsed):
    doc = hand_parsed()
    index = build_entities(doc)
    pairs = list(candidate_pairs(sentence_mentions(doc, index)))
    ma_trump = next(p for p in pairs if p.sentence == 0 and index.by_id[p.first.entity].name == "Jack Ma")
    f = pair_features(doc, index, ma_trump, rule_hits=["met>"])
    assert f["T=Person>Person"] == 1.0
    assert f["bw=meet"] == 1.0  # the lemma between the two names
    assert "bc=meeting_verbs|Person>Person" in f  # its word class from the lexicon
    assert f["R=met>"] == 1.0
    assert not any("Ma" in k or "Trump" in k for k in f)  # no feature names an entity
    ma_yahoo = next(p for p in pairs if p.sentence == 1)
    assert "neg" in pair_features(doc, index, ma_yahoo)
