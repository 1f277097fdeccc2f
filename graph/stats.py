"""Counts that summarise a built graph."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, Dataset, Graph

from extract.contract import EVENT_TYPES
from graph.namespace import DG, PREFIXES
from graph.network import BROAD_TYPE

__all__ = ["GraphStats", "graph_stats", "format_stats"]

_EVENTS = tuple(e for e in EVENT_TYPES if e != "Statement")  # quotes are counted apart


@dataclass(frozen=True)
class GraphStats:
    triples: int
    articles: int
    entities: dict[str, int] = field(default_factory=dict)
    relations: dict[str, int] = field(default_factory=dict)
    events: dict[str, int] = field(default_factory=dict)
    quotes: int = 0


def graph_stats(graph: Dataset | Graph) -> GraphStats:
    """Entities by most specific type, relations by predicate, events by class, quotes.

    A build's store (:class:`graph.io.StoreDataset`) is counted by Oxigraph, on its default
    graph (the union of the article graphs); other graphs are walked with rdflib.
    """
    from graph.io import StoreDataset

    if isinstance(graph, StoreDataset):
        return _store_stats(graph.oxigraph)
    triples = {(s, p, o) for s, p, o in graph.triples((None, None, None))}
    types = _entity_types((s, str(o)) for s, _, o in graph.triples((None, RDF.type, None)))
    relations: Counter[str] = Counter()
    for s in graph.subjects(RDF.type, DG.RelationStatement):
        p = graph.value(s, RDF.predicate)
        relations[str(p).rsplit("#", 1)[-1]] += 1
    events = Counter({e: len(set(graph.subjects(RDF.type, DG[e]))) for e in _EVENTS})
    return GraphStats(
        triples=len(triples),
        articles=len(set(graph.subjects(RDF.type, DG.Article))),
        entities=types,
        relations=dict(sorted(relations.items())),
        events={k: v for k, v in sorted(events.items()) if v},
        quotes=len(set(graph.subjects(RDF.type, DG.Statement))),
    )


def _entity_types(typings: Iterable[tuple[object, str]]) -> dict[str, int]:
    """Entities by their most specific class, from (entity, class IRI) pairs: a subclass of
    Organization wins over Organization itself."""
    types: dict[object, str] = {}
    for s, iri in typings:
        name = iri.rsplit("#", 1)[-1]
        if name in BROAD_TYPE and (s not in types or types[s] == "Organization"):
            types[s] = name
    return dict(sorted(Counter(types.values()).items()))


def _store_stats(store: Any) -> GraphStats:
    """:func:`graph_stats` by SPARQL on an Oxigraph store's default graph."""

    def rows(sparql: str) -> list[tuple[str, ...]]:
        return [tuple(t.value for t in row) for row in store.query(sparql, prefixes=dict(PREFIXES))]

    def count(sparql: str) -> int:
        return int(rows(sparql)[0][0])

    classes = " ".join(f"dg:{name}" for name in BROAD_TYPE)
    typings = rows(f"SELECT ?s ?t WHERE {{ VALUES ?t {{ {classes} }} ?s a ?t }}")
    types = _entity_types((s, t) for s, t in typings)
    relations = rows("SELECT ?p (COUNT(?st) AS ?n) WHERE { ?st a dg:RelationStatement ; rdf:predicate ?p } GROUP BY ?p")
    events = rows(
        f"SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE {{ VALUES ?t {{ {' '.join(f'dg:{e}' for e in _EVENTS)} }} "
        "?e a ?t } GROUP BY ?t"
    )
    return GraphStats(
        triples=count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
        articles=count("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a dg:Article }"),
        entities=types,
        relations=dict(sorted((p.rsplit("#", 1)[-1], int(n)) for p, n in relations)),
        events={k: v for k, v in sorted((t.rsplit("#", 1)[-1], int(n)) for t, n in events) if v},
        quotes=count("SELECT (COUNT(DISTINCT ?q) AS ?n) WHERE { ?q a dg:Statement }"),
    )


def format_stats(stats: GraphStats) -> str:
    """A short human-readable summary."""
    lines = [f"articles: {stats.articles}   triples: {stats.triples}   quotes: {stats.quotes}"]
    lines.append("entities: " + ", ".join(f"{k} {v}" for k, v in stats.entities.items()))
    lines.append("relations: " + (", ".join(f"{k} {v}" for k, v in stats.relations.items()) or "none"))
    lines.append("events: " + (", ".join(f"{k} {v}" for k, v in stats.events.items()) or "none"))
    return "\n".join(lines)
