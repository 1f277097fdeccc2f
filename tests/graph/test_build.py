from decimal import Decimal

import pytest
from rdflib import RDF, RDFS, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

from extract.contract import SIGNATURES, Document, Entity
from graph.build import build_dataset, entity_iri, graph_iri, union_graph
from graph.namespace import DG, NIF
from graph.validate import validate
from tests.conftest import hand_records


def test_build_relations_are_plain_triples_with_statement_nodes():
    ds = build_dataset(hand_records())
    g = union_graph(ds)
    ma, trump = entity_iri(hand_records()[0].entities[0]), entity_iri(hand_records()[0].entities[1])
    assert (ma, DG.met, trump) in g
    (stmt,) = g.subjects(RDF.predicate, DG.met)
    assert g.value(stmt, DG.confidence) == Literal(Decimal("0.85"))
    assert g.value(stmt, RDF.subject) == ma
    evidence = g.value(stmt, DG.evidence)
    assert DG.Evidence in set(g.objects(evidence, RDF.type))
    assert str(g.value(evidence, NIF.anchorOf)) == "Jack Ma met Donald Trump today."


def test_build_rebuild_is_isomorphic():
    assert isomorphic(union_graph(build_dataset(hand_records())), union_graph(build_dataset(hand_records())))


def test_build_one_named_graph_per_article_and_same_entity_same_iri():
    ds = build_dataset(hand_records())
    graphs = {c.identifier for c in ds.graphs() if len(c)}
    assert {graph_iri("a.txt"), graph_iri("b.txt")} <= graphs
    alibaba = entity_iri(hand_records()[0].entities[2])
    assert alibaba == entity_iri(hand_records()[1].entities[0])
    assert (alibaba, RDF.type, DG.Company) in ds.graph(graph_iri("a.txt"))
    assert (alibaba, RDF.type, DG.Organization) in ds.graph(graph_iri("b.txt"))


def test_build_entities_have_one_label_and_alt_labels():
    g = union_graph(build_dataset(hand_records()))
    alibaba = entity_iri(hand_records()[0].entities[2])
    labels = set(g.objects(alibaba, RDFS.label))
    assert len(labels) == 1
    assert set(g.objects(alibaba, SKOS.altLabel)) | labels == {Literal("Alibaba Group"), Literal("Alibaba")}


def test_build_min_confidence_drops_weak_facts():
    g = union_graph(build_dataset(hand_records(), min_confidence=0.5))
    assert not list(g.triples((None, DG.worksFor, None)))
    assert list(g.triples((None, DG.met, None)))


def test_build_quotes_are_statements_with_speakers():
    g = union_graph(build_dataset(hand_records()))
    (q,) = g.subjects(RDF.type, DG.Statement)
    assert g.value(q, DG.speaker) == entity_iri(hand_records()[0].entities[0])
    assert str(g.value(q, DG.quote)).startswith("We talked")


def test_build_graph_conforms_to_the_shapes():
    report = validate(build_dataset(hand_records()))
    assert report.conforms, report.text


def test_build_shapes_catch_a_wrong_type():
    ds = build_dataset(hand_records())
    g = union_graph(ds)
    us = entity_iri(hand_records()[0].entities[3])
    g.add((us, DG.founded, us))  # a country cannot found anything, nor be founded
    report = validate(g)
    assert not report.conforms
    assert report.violations >= 2


def test_build_shapes_state_the_contract_signatures():
    from rdflib import Graph
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    import ontologies

    shapes = Graph().parse(ontologies.path(ontologies.SHAPES))
    for relation, (subjects, objects) in SIGNATURES.items():
        for target, expected in ((SH.targetSubjectsOf, subjects), (SH.targetObjectsOf, objects)):
            (shape,) = shapes.subjects(target, DG[relation])
            classes = {
                str(shapes.value(node, SH["class"])).rsplit("#", 1)[1]
                for node in Collection(shapes, shapes.value(shape, SH["or"]))
            }
            assert classes == set(expected), relation


@pytest.mark.parametrize("name", ['O\'Brien "Ltd" / Co', "马云", "a\\b", "<tag>"])
def test_build_any_entity_name_round_trips_through_turtle(name):
    from rdflib import Graph

    doc = Document("x.txt", entities=(Entity("e1", "Organization", name, name.lower()),))
    g = union_graph(build_dataset([doc]))
    back = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert isomorphic(g, back)


def _entity_doc(doc_id, *entities):
    return Document(doc_id, entities=tuple(entities))


def test_build_identity_single_names_stay_apart_across_articles():
    a = _entity_doc("a.txt", Entity("e1", "Person", "Ma", "ma"), Entity("e2", "Person", "Jack Ma", "jack ma"))
    b = _entity_doc("b.txt", Entity("e1", "Person", "Ma", "ma"), Entity("e2", "Person", "Jack Ma", "jack ma"))
    from graph.build import corpus_identities

    iris = corpus_identities([a, b])
    assert iris[("a.txt", "e1")] != iris[("b.txt", "e1")]  # two unrelated "Ma"s
    assert iris[("a.txt", "e2")] == iris[("b.txt", "e2")]  # one Jack Ma


def test_build_identity_company_and_person_of_one_name_stay_apart():
    a = _entity_doc("a.txt", Entity("e1", "Company", "May", "may"))
    b = _entity_doc("b.txt", Entity("e1", "Person", "Theresa May", "theresa may"), Entity("e2", "Person", "May", "may"))
    from graph.build import corpus_identities

    iris = corpus_identities([a, b])
    assert len({iris[("a.txt", "e1")], iris[("b.txt", "e1")], iris[("b.txt", "e2")]}) == 3


def test_build_identity_acronyms_learned_in_one_article_apply_in_others():
    a = _entity_doc(
        "a.txt",
        Entity(
            "e1",
            "Company",
            "Shanghai Automotive Industry Corp",
            "shanghai automotive industry",
            ("SAIC", "Shanghai Automotive"),
        ),
    )
    b = _entity_doc("b.txt", Entity("e1", "Organization", "SAIC", "saic"))
    g = union_graph(build_dataset([a, b]))
    from graph.build import corpus_identities

    iris = corpus_identities([a, b])
    assert iris[("a.txt", "e1")] == iris[("b.txt", "e1")]
    assert set(g.objects(iris[("b.txt", "e1")], RDFS.label)) == {Literal("Shanghai Automotive Industry Corp")}


def test_build_entities_carry_their_confidence_in_the_article_graph():
    from dataclasses import replace

    docs = hand_records()
    ma = replace(docs[0].entities[0], confidence=0.35)
    docs[0] = replace(docs[0], entities=(ma, *docs[0].entities[1:]))
    ds = build_dataset(docs)
    values = set(union_graph(ds).objects(entity_iri(ma), DG.confidence))
    assert values == {Literal(Decimal("0.35"))}
