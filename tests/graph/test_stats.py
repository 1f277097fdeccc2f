"""Counts that summarise a built graph (graph.stats)."""

from __future__ import annotations

from rdflib import RDF, Dataset, Graph, URIRef

from graph.build import union_graph
from graph.namespace import DG
from graph.stats import GraphStats, format_stats, graph_stats


def test_stats_of_the_hand_records(small_dataset):
    stats = graph_stats(small_dataset)
    assert stats == GraphStats(
        triples=len(union_graph(small_dataset)),
        articles=2,
        # Alibaba is a Company in a.txt and an Organization in b.txt: one entity, counted as a Company.
        entities={"Company": 1, "Country": 1, "Person": 2},
        relations={"founded": 1, "met": 1, "worksFor": 1},
        # The quote is a Statement, counted as a quote and not as an event.
        events={"Meeting": 1},
        quotes=1,
    )


def test_stats_an_entity_counts_once_under_its_most_specific_class():
    ex = "https://example.org/"
    for order in ((DG.Organization, DG.Company), (DG.Company, DG.Organization)):
        g = Graph()
        for cls in order:
            g.add((URIRef(ex + "a"), RDF.type, cls))
        g.add((URIRef(ex + "b"), RDF.type, DG.Organization))
        assert graph_stats(g).entities == {"Company": 1, "Organization": 1}


def test_stats_a_triple_in_two_article_graphs_counts_once():
    ds = Dataset(default_union=True)  # as graph.build and graph.io make them
    triple = (URIRef("https://example.org/a"), RDF.type, DG.Person)
    ds.graph(URIRef("https://example.org/g1")).add(triple)
    ds.graph(URIRef("https://example.org/g2")).add(triple)
    stats = graph_stats(ds)
    assert (stats.triples, stats.entities) == (1, {"Person": 1})


def test_stats_format_is_four_lines(small_dataset):
    stats = graph_stats(small_dataset)
    assert format_stats(stats).splitlines() == [
        f"articles: 2   triples: {stats.triples}   quotes: 1",
        "entities: Company 1, Country 1, Person 2",
        "relations: founded 1, met 1, worksFor 1",
        "events: Meeting 1",
    ]


def test_stats_format_says_none_for_an_empty_graph():
    assert format_stats(graph_stats(Graph())) == (
        "articles: 0   triples: 0   quotes: 0\nentities: \nrelations: none\nevents: none"
    )


def test_stats_of_a_store_are_counted_by_oxigraph_as_rdflib_counts_them(tmp_path, small_records, small_dataset):
    from graph.corpus import Corpus
    from graph.io import StoreDataset, load_graph
    from graph.manifest import content_hash

    with Corpus.open(tmp_path) as corpus:
        corpus.add_records((d, content_hash(repr(d)), "test") for d in small_records)
        corpus.refresh()
    stored = load_graph(tmp_path)
    assert isinstance(stored, StoreDataset)
    assert graph_stats(stored) == graph_stats(small_dataset)
