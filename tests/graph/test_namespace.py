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


def test_namespace_has_the_fifteen_guideline_relations_and_symmetric_ones():
    from rdflib import OWL, RDF

    g = Graph().parse(ontologies.path(ontologies.ONTOLOGY))
    guideline = [
        "owns",
        "acquires",
        "investsIn",
        "founded",
        "worksFor",
        "memberOf",
        "basedIn",
        "locatedIn",
        "met",
        "visited",
        "offered",
        "partnerOf",
        "tradesWith",
        "sanctioned",
        "sued",
    ]
    for name in guideline:
        assert (DG[name], RDF.type, OWL.ObjectProperty) in g, name
    symmetric = {str(s)[len(NS) :] for s in g.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == {"met", "partnerOf", "tradesWith"}
