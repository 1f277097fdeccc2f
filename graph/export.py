"""Exports: RDF serialisations (JSON-LD with a context, N-Quads, TriG, Turtle) and graph files
for Gephi and Cytoscape (GraphML, GEXF). Every file is written atomically."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Dataset, Graph

from base.atomic import atomic_writes
from base.errors import InputError
from graph.io import write_graph
from graph.kinds import EXPORT_FORMATS
from graph.namespace import PREFIXES
from graph.network import to_networkx

__all__ = ["EXPORT_FORMATS", "JSONLD_CONTEXT", "export", "flat_networkx"]

JSONLD_CONTEXT: dict[str, Any] = {
    **PREFIXES,
    "label": "rdfs:label",
    "altLabel": "skos:altLabel",
    "confidence": {"@id": "dg:confidence", "@type": "xsd:decimal"},
}


def flat_networkx(graph: Dataset | Graph) -> nx.MultiDiGraph:
    """The entity graph with only string, number and boolean attributes (what GraphML and
    GEXF can hold): lists are joined with "; ", missing values dropped."""
    G = to_networkx(graph)
    F = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        F.add_node(n, **_flat(d))
    for u, v, k, d in G.edges(keys=True, data=True):
        F.add_edge(u, v, key=k, **_flat(d))
    return F


def _flat(d: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in d.items():
        if value is None:
            continue
        out[key] = "; ".join(map(str, value)) if isinstance(value, (list, tuple, set)) else value
    return out


def export(graph: Dataset, fmt: str, target: Path) -> Path:
    """Write ``graph`` to ``target`` in ``fmt`` (one of :data:`EXPORT_FORMATS`)."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; accepted: {', '.join(EXPORT_FORMATS)}")
    if fmt in ("nquads", "trig", "ttl"):
        write_graph(graph, target, {"nquads": "nquads", "trig": "trig", "ttl": "turtle"}[fmt])
    elif fmt == "jsonld":
        text = graph.serialize(format="json-ld", context=JSONLD_CONTEXT, indent=1)
        json.loads(text)  # never write a file that is not JSON
        with atomic_writes(target) as (tmp,):
            tmp.write_text(text, encoding="utf-8")
    else:
        F = flat_networkx(graph)
        with atomic_writes(target) as (tmp,):
            if fmt == "graphml":
                nx.write_graphml(F, tmp)
            else:
                nx.write_gexf(F, tmp)
    return target
