"""The RDF graph as a typed networkx graph, for analysis and drawing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx
from rdflib import Dataset, Graph

from extract.contract import BROAD_TYPES, RELATIONS, SYMMETRIC_RELATIONS
from graph.query import run_query

__all__ = ["to_networkx", "entity_types", "ENTITY_CLASSES", "BROAD_TYPE"]

#: Most specific class -> broad type, for colouring and grouping (stated in the contract).
BROAD_TYPE = BROAD_TYPES
ENTITY_CLASSES = tuple(BROAD_TYPE)
_SPECIFICITY = {name: i for i, name in enumerate(("Organization", "Person", "Country", "Place"))}

_ENTITIES = """
SELECT ?e ?type ?label WHERE {
  ?e a ?t ; rdfs:label ?label .
  FILTER (STRSTARTS(STR(?t), STR(dg:)))
  BIND (STRAFTER(STR(?t), "#") AS ?type)
}"""
_EDGES = """
SELECT ?s ?p ?o ?confidence ?evidence ?article ?title WHERE {
  ?st a dg:RelationStatement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      dg:confidence ?confidence ; dg:evidence ?ev .
  ?ev nif:anchorOf ?evidence ; nif:referenceContext ?doc .
  ?doc dcterms:identifier ?article .
  OPTIONAL { ?st dg:title ?title }
}"""


def entity_types(graph: Dataset | Graph) -> dict[str, dict[str, str]]:
    """IRI -> {label, type (most specific class), broad (Person/Organization/Country/Place)}."""
    found: dict[str, dict[str, str]] = {}
    for iri, typ, label in run_query(graph, _ENTITIES).rows:
        if typ not in BROAD_TYPE:
            continue
        prior = found.get(iri)
        # Keep the most specific class: Company beats Organization.
        if prior is None or (prior["type"] == "Organization" and typ != "Organization"):
            found[iri] = {"label": label, "type": typ, "broad": BROAD_TYPE[typ]}
    return found


def to_networkx(
    graph: Dataset | Graph,
    relations: Iterable[str] | None = None,
    min_confidence: float = 0.0,
) -> nx.MultiDiGraph:
    """Entities as nodes, relations as edges (one per statement and article).

    Nodes carry ``label``, ``type`` and ``broad``; edges are keyed by relation name and carry
    ``relation``, ``confidence``, ``evidence`` (the sentence), ``article`` and ``title``.
    Only ``relations`` (default: all) at or above ``min_confidence`` are kept.

    >>> G = to_networkx(load_graph(Path("out/graph.trig")), relations=["owns"])  # doctest: +SKIP
    """
    wanted = set(relations) if relations is not None else set(RELATIONS)
    unknown = wanted - set(RELATIONS)
    if unknown:
        raise ValueError(f"unknown relations {sorted(unknown)}; known: {', '.join(RELATIONS)}")
    G = nx.MultiDiGraph()
    nodes = entity_types(graph)
    aliases: dict[str, list[str]] = {}
    for iri, alt in run_query(graph, "SELECT ?e ?a WHERE { ?e skos:altLabel ?a }").rows:
        aliases.setdefault(iri, []).append(alt)
    for iri, attrs in nodes.items():
        G.add_node(iri, **attrs, aliases=sorted(aliases.get(iri, [])))
    best: dict[tuple[str, str, str], dict[str, Any]] = {}
    for s, p, o, conf, evidence, article, title in run_query(graph, _EDGES).rows:
        rel = p.rsplit("#", 1)[-1]
        if rel not in wanted or float(conf) < min_confidence or s not in nodes or o not in nodes:
            continue
        key = (s, o, rel)
        data = {
            "relation": rel,
            "confidence": float(conf),
            "evidence": evidence,
            "article": article,
            "title": title,
            "symmetric": rel in SYMMETRIC_RELATIONS,
        }
        # One edge per relation and pair; the best-supported statement speaks for it.
        if key not in best or (data["confidence"], data["article"]) > (best[key]["confidence"], best[key]["article"]):
            best[key] = data
    for (s, o, rel), data in sorted(best.items()):
        G.add_edge(s, o, key=rel, **data)
    return G
