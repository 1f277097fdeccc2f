"""SHACL validation of a built graph (graph.validate) against ontologies/shapes.ttl."""

from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, RDFS, Literal

from graph.build import union_graph
from graph.namespace import DG
from graph.validate import ValidationReport, validate


def test_validate_a_built_graph_conforms(small_dataset):
    report = validate(small_dataset)
    assert isinstance(report, ValidationReport)
    assert (report.conforms, report.violations) == (True, 0)
    assert "Conforms: True" in report.text


def test_validate_a_second_confidence_is_one_violation_named_in_the_text(small_dataset):
    g = union_graph(small_dataset)
    statement = next(g.subjects(RDF.predicate, DG.met))
    g.add((statement, DG.confidence, Literal(Decimal("0.5"))))
    report = validate(g)
    assert (report.conforms, report.violations) == (False, 1)
    assert "MaxCountConstraintComponent" in report.text and "dg:confidence" in report.text


def test_validate_reads_every_article_graph_of_a_dataset(small_dataset):
    # An entity label removed from one article graph only is still there in the union...
    (ma,) = {s for s, _, o in union_graph(small_dataset).triples((None, RDFS.label, Literal("Jack Ma")))}
    for g in small_dataset.graphs():
        for triple in list(g.triples((ma, RDFS.label, None))):
            g.remove(triple)
    # ...gone from every graph, the entity has no label: a violation found through the Dataset.
    report = validate(small_dataset)
    assert not report.conforms and report.violations == 1
    assert "rdfs:label" in report.text


def test_validate_counts_each_violation(small_dataset):
    g = union_graph(small_dataset)
    for predicate in (DG.met, DG.founded):
        statement = next(g.subjects(RDF.predicate, predicate))
        g.add((statement, DG.confidence, Literal(Decimal("0.5"))))
    assert validate(g).violations == 2


def test_validate_reads_the_class_hierarchy_from_the_ontology(small_dataset):
    # Alibaba typed only as a Company: "founded" wants an Organization, which a Company is.
    g = union_graph(small_dataset)
    (alibaba,) = g.subjects(RDF.type, DG.Company)
    g.remove((alibaba, RDF.type, DG.Organization))
    assert validate(g).conforms


def test_validate_a_dataset_is_validated_as_the_union_of_its_graphs(small_dataset):
    # Jack Ma's label in a named graph of its own: the union still has everything.
    from rdflib import Dataset, URIRef

    g = union_graph(small_dataset)
    (ma,) = g.subjects(RDFS.label, Literal("Jack Ma"))
    split = Dataset()
    for graph in small_dataset.graphs():
        target = split.graph(graph.identifier)
        for triple in graph:
            if triple[:2] != (ma, RDFS.label):
                target.add(triple)
    split.graph(URIRef("https://example.org/labels")).add((ma, RDFS.label, Literal("Jack Ma")))
    assert validate(split).conforms
