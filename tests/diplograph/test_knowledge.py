"""``KnowledgeGraph`` (diplograph.knowledge) over the hand records: tables, analysis, pictures,
files, display."""

import pytest
from rdflib.compare import isomorphic

from diplograph.knowledge import KnowledgeGraph
from graph.build import union_graph
from graph.kinds import FIGURE_KINDS
from tests.conftest import hand_records

TRIPLES = [
    ("Jack Ma", "founded", "Alibaba Group"),
    ("Jack Ma", "met", "Donald Trump"),
    ("Donald Trump", "worksFor", "United States"),
]


@pytest.fixture()
def kg(small_dataset):
    return KnowledgeGraph(small_dataset)


def _triples(df):
    return [tuple(row) for row in df[["subject", "relation", "object"]].itertuples(index=False)]


def test_knowledge_entities_table(kg):
    df = kg.entities()
    assert list(df.columns) == ["entity", "type", "also", "articles", "iri"]
    rows = {r.entity: (r.type, r.also, r.articles) for r in df.itertuples()}
    assert rows == {
        "Alibaba Group": ("Company", "Alibaba", 2),  # named in a.txt and b.txt
        "Donald Trump": ("Person", "Trump", 1),
        "Jack Ma": ("Person", "Ma", 1),
        "United States": ("Country", "US", 1),
    }
    assert df["entity"].iloc[0] == "Alibaba Group"  # most articles first


def test_knowledge_relations_table_sorted_by_confidence_and_filtered(kg):
    rel = kg.relations()
    assert list(rel.columns[:3]) == ["subject", "relation", "object"]
    assert _triples(rel) == TRIPLES
    assert rel["confidence"].tolist() == [0.9, 0.85, 0.4]
    assert rel.loc[2, "title"] == "president-elect" and set(rel["article"]) == {"a.txt"}
    assert _triples(kg.relations(min_confidence=0.8)) == TRIPLES[:2]
    assert _triples(kg.relations(min_confidence=0.85)) == TRIPLES[:2]  # the floor itself is kept


def test_knowledge_query_by_canned_name(kg):
    met = kg.query("who-met-whom")
    assert {frozenset(row) for row in met[["a", "b"]].itertuples(index=False)} == {
        frozenset({"Jack Ma", "Donald Trump"})
    }


def test_knowledge_analysis(kg):
    steps = kg.explain("Jack Ma", "United States")
    assert steps["relation"].tolist() == ["met", "worksFor"]
    G = kg.to_networkx()
    labels = {n: d["label"] for n, d in G.nodes(data=True)}
    assert sorted((labels[u], k, labels[v]) for u, v, k in G.edges(keys=True)) == sorted(TRIPLES)
    assert [(labels[u], labels[v]) for u, v, _ in kg.to_networkx(relations=["met"]).edges(keys=True)] == [
        ("Jack Ma", "Donald Trump")
    ]
    central = kg.centrality().set_index("entity")
    assert central.loc["Jack Ma", "degree"] == 2 and central.loc["United States", "degree"] == 1
    assert kg.timeline()["type"].tolist() == ["Meeting"]


def test_knowledge_draw_every_kind_and_refuse_others(kg):
    options = {"ego": {"entity": "Jack Ma"}, "path": {"source": "Jack Ma", "target": "United States"}}
    for kind in FIGURE_KINDS:
        fig = kg.draw(kind, **options.get(kind, {}))
        assert fig._repr_png_().startswith(b"\x89PNG"), kind  # shows itself in a notebook
    ego = kg.draw("ego", entity="Jack Ma")
    assert ego.axes[0].get_title() == "Jack Ma: relations within 1 step"
    assert {"Jack Ma", "Donald Trump", "Alibaba Group"} <= {t.get_text() for t in ego.axes[0].texts}
    with pytest.raises(ValueError, match="unknown figure kind 'pie'; accepted: graph, ego"):
        kg.draw("pie")


def test_knowledge_html_page_and_validation(kg, tmp_path):
    page = tmp_path / "g.html"
    text = kg.html(page, title="Hand records")
    assert "vis.Network" in text and "Hand records" in text
    assert page.read_text("utf-8") == text
    report = kg.validate()
    assert report.conforms and report.violations == 0


def test_knowledge_display(kg):
    html = kg._repr_html_()
    assert "<strong>KnowledgeGraph</strong>: 2 articles" in html
    assert "<tr><td>worksFor</td><td style='text-align:right'>1</td></tr>" in html
    assert repr(kg) == "<KnowledgeGraph: 2 articles, 4 entities, 3 relations>"
    assert len(kg) == len(kg.dataset)


def test_knowledge_from_documents_keeps_facts_at_or_above_the_floor():
    kg = KnowledgeGraph.from_documents(hand_records(), min_confidence=0.5)
    assert _triples(kg.relations()) == TRIPLES[:2]


def test_knowledge_export_and_load_round_trip(kg, tmp_path):
    path = kg.export("trig", tmp_path / "graph.trig")
    again = KnowledgeGraph.load(path)
    assert isomorphic(union_graph(again.dataset), union_graph(kg.dataset))
    assert _triples(again.relations()) == TRIPLES
    # A build output folder loads too: its graph file is found inside.
    assert isomorphic(union_graph(KnowledgeGraph.load(tmp_path).dataset), union_graph(kg.dataset))


def test_knowledge_from_documents_answers_on_oxigraph_as_rdflib_does():
    from graph.build import build_dataset
    from graph.io import StoreDataset

    kg = KnowledgeGraph.from_documents(hand_records())
    assert isinstance(kg.dataset, StoreDataset)
    plain = KnowledgeGraph(build_dataset(hand_records()))
    # A label shared by two article graphs must not repeat a row (Oxigraph's own union would).
    assert kg.relations().to_dict("records") == plain.relations().to_dict("records")
    assert _triples(kg.relations()) == TRIPLES
    assert isomorphic(union_graph(kg.dataset), union_graph(plain.dataset))
