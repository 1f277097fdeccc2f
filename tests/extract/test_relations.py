import pytest

from extract.components import RelationMatcher
from extract.entities import build_entities
from extract.relations import read_matches, to_facts


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
