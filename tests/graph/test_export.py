"""Exports (graph.export): every format reads back to the graph that was written; graph files
for Gephi and Cytoscape hold only flat attributes; every file is written atomically."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from base.errors import InputError
from graph.build import build_dataset, union_graph
from graph.export import EXPORT_FORMATS, JSONLD_CONTEXT, export, flat_networkx
from graph.io import load_graph
from graph.kinds import EXPORT_FORMATS as KIND_FORMATS
from graph.namespace import PREFIXES
from tests.conftest import hand_records

SUFFIX = {"jsonld": ".jsonld", "nquads": ".nq", "trig": ".trig", "ttl": ".ttl", "graphml": ".graphml", "gexf": ".gexf"}
NAMES = {"Jack Ma", "Donald Trump", "Alibaba Group", "United States"}
EDGES = {("Jack Ma", "founded", "Alibaba Group"), ("Jack Ma", "met", "Donald Trump"),
         ("Donald Trump", "worksFor", "United States")}  # fmt: skip


def _named_graphs(ds: Dataset) -> dict[str, object]:
    """The article graphs (a loaded file's default graph is their union, and not one of them)."""
    return {str(g.identifier): g for g in ds.graphs() if len(g) and g.identifier != DATASET_DEFAULT_GRAPH_ID}


def test_export_formats_are_the_kinds_and_every_one_has_a_suffix():
    assert EXPORT_FORMATS == KIND_FORMATS
    assert set(SUFFIX) == set(EXPORT_FORMATS)


@pytest.mark.parametrize("fmt", ["nquads", "trig", "jsonld"])
def test_export_rdf_with_graphs_reads_back_graph_by_graph(tmp_path, small_dataset, fmt):
    path = export(small_dataset, fmt, tmp_path / f"graph{SUFFIX[fmt]}")
    again = load_graph(path)
    written, read = _named_graphs(small_dataset), _named_graphs(again)
    assert set(read) == set(written) and len(written) == 2  # a.txt and b.txt
    for name, graph in written.items():
        assert isomorphic(read[name], graph), name


def test_export_turtle_is_the_union_of_the_article_graphs(tmp_path, small_dataset):
    again = load_graph(export(small_dataset, "ttl", tmp_path / "graph.ttl"))
    assert isomorphic(union_graph(again), union_graph(small_dataset))


def test_export_jsonld_carries_the_context(tmp_path, small_dataset):
    data = json.loads(export(small_dataset, "jsonld", tmp_path / "graph.jsonld").read_text("utf-8"))
    assert data["@context"] == json.loads(json.dumps(JSONLD_CONTEXT))
    assert data["@context"]["dg"] == PREFIXES["dg"] == "https://w3id.org/diplograph/ns#"
    assert data["@context"]["confidence"] == {"@id": "dg:confidence", "@type": "xsd:decimal"}


@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_graph_files_hold_the_entities_and_relations(tmp_path, small_dataset, fmt, read):
    path = export(small_dataset, fmt, tmp_path / f"graph{SUFFIX[fmt]}")
    ET.parse(path)  # well-formed XML
    G = read(path)
    labels = {n: d["label"] for n, d in G.nodes(data=True)}
    assert set(labels.values()) == NAMES
    edges = {(labels[u], d.get("relation"), labels[v]) for u, v, d in G.edges(data=True)}
    assert edges == EDGES


def test_export_flat_networkx_joins_lists_and_drops_missing_values():
    from dataclasses import replace

    records = hand_records()
    a = records[0]
    ma = replace(a.entities[0], surface_forms=("Ma", "Jack"))
    a = replace(a, entities=(ma, *a.entities[1:]))
    F = flat_networkx(build_dataset([a, records[1]]))
    by_label = {d["label"]: d for _, d in F.nodes(data=True)}
    assert by_label["Jack Ma"]["aliases"] == "Jack; Ma"
    edges = {k: d for _, _, k, d in F.edges(keys=True, data=True)}
    assert "title" not in edges["met"]  # None: left out
    assert edges["worksFor"]["title"] == "president-elect"
    for _, d in F.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in d.values())


def test_export_unknown_format_is_an_error_naming_the_accepted_ones(tmp_path, small_dataset):
    with pytest.raises(InputError, match="unknown export format 'xlsx'; accepted: jsonld, nquads, trig, ttl, graphml"):
        export(small_dataset, "xlsx", tmp_path / "g.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_export_a_failed_write_leaves_no_file(tmp_path, small_dataset, monkeypatch):
    def broken(graph, path, *args, **kwargs):
        path.write_text("<graphml half")
        raise OSError("disk full")

    monkeypatch.setattr(nx, "write_graphml", broken)
    with pytest.raises(OSError):
        export(small_dataset, "graphml", tmp_path / "graph.graphml")
    assert list(tmp_path.iterdir()) == []
