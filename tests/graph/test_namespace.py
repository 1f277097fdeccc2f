from rdflib import Graph, URIRef

import ontologies
from graph.namespace import DG

NS = str(DG._NS)


def _ontology_terms() -> set[str]:
    g = Graph().parse(ontologies.path(ontologies.ONTOLOGY))
    return {
        str(t)[len(NS) :] for t in g.all_nodes() if isinstance(t, URIRef) and str(t).startswith(NS) and str(t) != NS
    }


def test_namespace_matches_the_ontology_both_ways():
    declared = set(DG.__annotations__)
    assert declared == _ontology_terms()


def test_namespace_rejects_undefined_terms():
    import pytest

    with pytest.raises(AttributeError):
        DG.likes  # noqa: B018


def test_namespace_the_contract_relations_are_the_ontology_relations():
    """The relation list is the contract's (extract.contract.RELATIONS), read here, not restated:
    every relation is an object property under dg:relatedTo, and nothing else is."""
    from rdflib import OWL, RDF, RDFS

    from extract.contract import RELATIONS, SYMMETRIC_RELATIONS

    g = Graph().parse(ontologies.path(ontologies.ONTOLOGY))
    for name in RELATIONS:
        assert (DG[name], RDF.type, OWL.ObjectProperty) in g, name
    under_related = {str(s)[len(NS) :] for s in g.subjects(RDFS.subPropertyOf, DG.relatedTo)}
    assert under_related == set(RELATIONS)
    symmetric = {str(s)[len(NS) :] for s in g.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == set(SYMMETRIC_RELATIONS)
