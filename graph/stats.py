"""Counts that summarise a built graph."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rdflib import RDF, Dataset, Graph

from extract.contract import EVENT_TYPES
from graph.namespace import DG
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
    """Entities by most specific type, relations by predicate, events by class, quotes."""
    triples = {(s, p, o) for s, p, o in graph.triples((None, None, None))}
    types: dict[object, str] = {}
    for s, _, o in graph.triples((None, RDF.type, None)):
        name = str(o).rsplit("#", 1)[-1]
        if name in BROAD_TYPE and (s not in types or types[s] == "Organization"):
            types[s] = name
    relations: Counter[str] = Counter()
    for s in graph.subjects(RDF.type, DG.RelationStatement):
        p = graph.value(s, RDF.predicate)
        relations[str(p).rsplit("#", 1)[-1]] += 1
    events = Counter({e: len(set(graph.subjects(RDF.type, DG[e]))) for e in _EVENTS})
    return GraphStats(
        triples=len(triples),
        articles=len(set(graph.subjects(RDF.type, DG.Article))),
        entities=dict(sorted(Counter(types.values()).items())),
        relations=dict(sorted(relations.items())),
        events={k: v for k, v in sorted(events.items()) if v},
        quotes=len(set(graph.subjects(RDF.type, DG.Statement))),
    )


def format_stats(stats: GraphStats) -> str:
    """A short human-readable summary."""
    lines = [f"articles: {stats.articles}   triples: {stats.triples}   quotes: {stats.quotes}"]
    lines.append("entities: " + ", ".join(f"{k} {v}" for k, v in stats.entities.items()))
    lines.append("relations: " + (", ".join(f"{k} {v}" for k, v in stats.relations.items()) or "none"))
    lines.append("events: " + (", ".join(f"{k} {v}" for k, v in stats.events.items()) or "none"))
    return "\n".join(lines)
