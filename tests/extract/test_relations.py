import pytest

from extract.components import RelationMatcher
from extract.entities import build_entities
from extract.relations import read_matches, to_facts
from tests.conftest import make_doc


@pytest.fixture(scope="module")
def facts(vocab, hand_parsed):
    doc = hand_parsed()
    matcher = RelationMatcher(vocab)
    matcher(doc)
    index = build_entities(doc)
    candidates = read_matches(doc, index, matcher.rules)
    relations, events = to_facts(
        doc,
        index,
        candidates,
        doc_id="t.txt",
        extractor="rules.v1",
        version="0.1.0",
        model="test",
        article_date="2017-01-10",
    )
    names = {e.id: e.name for e in index.entities}
    triples = {(names[r.subject], r.predicate, names[r.object]) for r in relations}
    return triples, relations, events


def test_relations_noun_compound_gives_founded(facts):
    triples, _, _ = facts
    assert ("Jack Ma", "founded", "Alibaba Group") in triples


def test_relations_verb_gives_symmetric_met_once(facts):
    triples, relations, _ = facts
    met = [t for t in triples if t[1] == "met"]
    assert met == [("Jack Ma", "met", "Donald Trump")]


def test_relations_negated_statements_give_no_fact(facts):
    triples, _, _ = facts
    assert not any(t[2] == "Yahoo" for t in triples)


def test_relations_pronoun_subject_resolves_to_the_last_person(facts):
    triples, _, _ = facts
    assert ("Donald Trump", "owns", "Univision") in triples


def test_relations_carry_provenance_and_events(facts):
    _, relations, events = facts
    founded = next(r for r in relations if r.predicate == "founded")
    assert founded.provenance.doc_id == "t.txt"
    assert founded.provenance.extractor.startswith("rules.v1:founder")
    assert founded.provenance.evidence.startswith("Alibaba Group founder Jack Ma met")
    assert 0 < founded.confidence <= 1
    meeting = next(e for e in events if e.type == "Meeting")
    assert {p.role for p in meeting.participants} == {"participant"}
    assert meeting.date == "2017-01-10"


def test_relations_pattern_files_name_only_known_relations():
    from extract.contract import RELATIONS
    from extract.lexicon import load_jsonl

    for name in ("relations.jsonl", "surface.jsonl"):
        for rule in load_jsonl(name):
            assert rule["relation"] in RELATIONS, rule["id"]
            assert 0 < rule["confidence"] <= 1


def _talks(vocab):
    # "talks between Japan , China and Korea ."
    words = ["talks", "between", "Japan", ",", "China", "and", "Korea", "."]
    heads = [0, 0, 1, 2, 2, 4, 4, 0]
    deps = ["ROOT", "prep", "pobj", "punct", "conj", "cc", "conj", "punct"]
    pos = ["NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "PUNCT"]
    return make_doc(vocab, words, heads, deps, pos=pos)


def test_relations_all_pairs_rule_joins_every_two_of_a_group(vocab, hand_index):
    doc = _talks(vocab)
    index = hand_index(doc, [(2, 3, "e1", "Country"), (4, 5, "e2", "Country"), (6, 7, "e3", "Country")])
    doc._.dg_matches = [("between", {"trigger": 0, "subject": 2, "object": 4})]
    rules = {"between": {"relation": "met", "confidence": 0.8, "all_pairs": True, "pattern": []}}
    found = [(c.subject, c.object, c.s_tok, c.o_tok) for c in read_matches(doc, index, rules)]
    assert found == [("e1", "e2", 2, 4), ("e1", "e3", 2, 6), ("e2", "e3", 4, 6)]


def test_relations_arguments_must_fit_the_signature_and_the_rules_types(vocab, hand_index):
    doc = _talks(vocab)
    index = hand_index(doc, [(2, 3, "e1", "Country"), (4, 5, "e2", "Company"), (6, 7, "e3", "Place")])
    doc._.dg_matches = [
        ("r", {"trigger": 0, "subject": 2, "object": 4}),
        ("r", {"trigger": 0, "subject": 2, "object": 6}),
    ]
    met = {"r": {"relation": "met", "confidence": 0.8, "pattern": []}}
    # Place is no party to a meeting (the signature); the company is.
    assert [(c.subject, c.object) for c in read_matches(doc, index, met)] == [("e1", "e2")]
    only_countries = {"r": {**met["r"], "object_types": ["Country"]}}
    assert read_matches(doc, index, only_countries) == []


def _rule_facts(vocab, hand_index, words, heads, deps, pos, lemmas, mentions):
    """(subject, relation, object, rule) of the candidates the shipped rules read off a hand-parsed Doc."""
    doc = make_doc(vocab, words, heads, deps, pos=pos, lemmas=lemmas)
    matcher = RelationMatcher(vocab)
    matcher(doc)
    index = hand_index(doc, mentions)
    return {(c.subject, c.predicate, c.object, c.rule) for c in read_matches(doc, index, matcher.rules)}


def test_relations_membership_stated_by_a_copula_and_a_compound(vocab, hand_index):
    # "Cyprus is an EU member ."
    found = _rule_facts(
        vocab,
        hand_index,
        ["Cyprus", "is", "an", "EU", "member", "."],
        [1, 1, 4, 4, 1, 1],
        ["nsubj", "ROOT", "det", "compound", "attr", "punct"],
        ["PROPN", "AUX", "DET", "PROPN", "NOUN", "PUNCT"],
        ["cyprus", "be", "an", "eu", "member", "."],
        [(0, 1, "e1", "Country"), (3, 4, "e2", "InternationalOrganization")],
    )
    assert ("e1", "memberOf", "e2", "member-attr-compound") in found


def test_relations_other_members_make_the_first_conjunct_a_member(vocab, hand_index):
    # "Saudi Arabia and other OPEC members agreed ." -- and, without "other", nothing.
    words = ["Saudi", "Arabia", "and", "other", "OPEC", "members", "agreed", "."]
    heads = [1, 6, 1, 5, 5, 1, 6, 6]
    deps = ["compound", "nsubj", "cc", "amod", "compound", "conj", "ROOT", "punct"]
    pos = ["PROPN", "PROPN", "CCONJ", "ADJ", "PROPN", "NOUN", "VERB", "PUNCT"]
    lemmas = ["saudi", "arabia", "and", "other", "opec", "member", "agree", "."]
    mentions = [(0, 2, "e1", "Country"), (4, 5, "e2", "InternationalOrganization")]
    found = _rule_facts(vocab, hand_index, words, heads, deps, pos, lemmas, mentions)
    assert ("e1", "memberOf", "e2", "members-conj-other") in found
    words_without = ["Saudi", "Arabia", "and", "the", "OPEC", "members", "agreed", "."]
    deps_without = ["compound", "nsubj", "cc", "det", "compound", "conj", "ROOT", "punct"]
    pos_without = ["PROPN", "PROPN", "CCONJ", "DET", "PROPN", "NOUN", "VERB", "PUNCT"]
    lemmas_without = ["saudi", "arabia", "and", "the", "opec", "member", "agree", "."]
    found = _rule_facts(vocab, hand_index, words_without, heads, deps_without, pos_without, lemmas_without, mentions)
    assert not any(f[1] == "memberOf" for f in found)


def test_relations_starting_proceedings_against_someone_is_suing_them(vocab, hand_index):
    # "Orange started proceedings against Easymobile ."
    found = _rule_facts(
        vocab,
        hand_index,
        ["Orange", "started", "proceedings", "against", "Easymobile", "."],
        [1, 1, 1, 2, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["orange", "start", "proceeding", "against", "easymobile", "."],
        [(0, 1, "e1", "Company"), (4, 5, "e2", "Company")],
    )
    assert ("e1", "sued", "e2", "lawsuit-against") in found


def test_relations_a_shadow_post_in_a_body_of_the_state_is_no_employment(vocab, hand_index):
    from extract.relations import Candidate

    words = ["Shadow", "Treasury", "secretary", "Osborne", "and", "Treasury", "secretary", "Browne", "spoke"]
    doc = make_doc(
        vocab,
        words,
        [1, 2, 3, 8, 3, 6, 7, 3, 8],
        ["compound"] * 3 + ["nsubj", "cc"] + ["compound"] * 2 + ["conj", "ROOT"],
    )
    index = hand_index(
        doc,
        [(1, 2, "t", "GovernmentBody"), (5, 6, "t", "GovernmentBody"), (3, 4, "o", "Person"), (7, 8, "b", "Person")],
    )
    cands = [
        Candidate("o", "worksFor", "t", 0.8, "actual", "secretary", 2, "r", 3, 1),
        Candidate("b", "worksFor", "t", 0.8, "actual", "secretary", 6, "r", 7, 5),
    ]
    relations, _ = to_facts(doc, index, cands, doc_id="t", extractor="x", version="0", model="m", article_date=None)
    # The shadow secretary works for no Treasury; the secretary does.
    assert [(r.subject, r.object) for r in relations] == [("b", "t")]
