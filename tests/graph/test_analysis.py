import networkx as nx
import pandas as pd
import pytest

from graph.analysis import (
    EntityNotFound,
    bipartite_person_org,
    centrality,
    communities,
    country_graph,
    country_matrix,
    ego_network,
    explain,
    find_entity,
    timeline,
)
from graph.network import to_networkx


def test_analysis_centrality_ranks_connected_entities(small_dataset):
    df = centrality(small_dataset)
    assert list(df.columns) == ["entity", "type", "degree", "betweenness", "pagerank"]
    assert set(df["entity"]) == {"Jack Ma", "Donald Trump", "Alibaba Group", "United States"}
    row = df.set_index("entity").loc["Jack Ma"]
    assert row["degree"] == 2 and row["betweenness"] > 0
    assert df["pagerank"].sum() == pytest.approx(1.0, abs=1e-3)


def test_analysis_centrality_on_a_relation_subset(small_dataset):
    assert set(centrality(small_dataset, relations=["founded"])["entity"]) == {"Jack Ma", "Alibaba Group"}


def test_analysis_communities_are_repeatable(small_dataset):
    a, b = communities(small_dataset, seed=7), communities(small_dataset, seed=7)
    pd.testing.assert_frame_equal(a, b)
    assert set(a["entity"]) == {"Jack Ma", "Donald Trump", "Alibaba Group", "United States"}


def test_analysis_explain_gives_each_step_with_evidence(small_dataset):
    df = explain(small_dataset, "Alibaba Group", "united states")
    assert list(df["path"].unique()) == [0]
    assert list(df["relation"]) == ["founded", "met", "worksFor"]
    assert set(df["article"]) == {"a.txt"}
    assert df.iloc[0]["source"] == "Jack Ma" and df.iloc[0]["target"] == "Alibaba Group"  # as stated


def test_analysis_explain_of_unconnected_entities_is_empty():
    G = nx.MultiDiGraph()
    G.add_node("a", label="A", type="Person", broad="Person", aliases=[])
    G.add_node("b", label="B", type="Person", broad="Person", aliases=[])
    assert explain(G, "A", "B").empty


def test_analysis_find_entity_by_alias_and_with_suggestions(small_dataset):
    G = to_networkx(small_dataset)
    assert G.nodes[find_entity(G, "Ma")]["label"] == "Jack Ma"
    with pytest.raises(EntityNotFound, match="did you mean 'Jack Ma'"):
        find_entity(G, "Jack M")


def test_analysis_ego_network_depth(small_dataset):
    labels = lambda H: {d["label"] for _, d in H.nodes(data=True)}  # noqa: E731
    assert labels(ego_network(small_dataset, "Donald Trump", 1)) == {"Donald Trump", "Jack Ma", "United States"}
    assert "Alibaba Group" in labels(ego_network(small_dataset, "Donald Trump", 2))


def test_analysis_bipartite_people_and_organisations(small_dataset):
    B = bipartite_person_org(small_dataset)
    assert {d["label"]: d["bipartite"] for _, d in B.nodes(data=True)} == {"Jack Ma": 0, "Alibaba Group": 1}
    (edge,) = B.edges(data=True)
    assert edge[2]["relations"] == ["founded"]


def test_analysis_timeline_and_country_views(small_dataset):
    df = timeline(small_dataset)
    assert list(df["type"]) == ["Meeting"]
    assert df.iloc[0]["date"] == pd.Timestamp("2017-01-09") and df.iloc[0]["precision"] == "day"
    # The meeting joins two people; only Trump acts for a country, so no country pair forms.
    assert country_graph(small_dataset).number_of_edges() == 0
    assert country_matrix(small_dataset).empty


def test_analysis_country_graph_goes_through_employers():
    from extract.contract import Document, Entity, Event, Participant, Provenance, Relation
    from graph.build import build_dataset

    prov = Provenance("c.txt", 0, 0, 10, "x", "r", "1")
    ents = (
        Entity("e1", "Person", "Xi Jinping", "xi jinping"),
        Entity("e2", "Country", "China", "china"),
        Entity("e3", "Person", "Vladimir Putin", "vladimir putin"),
        Entity("e4", "Country", "Russia", "russia"),
    )
    doc = Document(
        "c.txt",
        entities=ents,
        relations=(
            Relation("e1", "worksFor", "e2", 0.9, prov),
            Relation("e3", "worksFor", "e4", 0.9, prov),
            Relation("e1", "met", "e3", 0.9, prov),
        ),
        events=(
            Event(
                "ev1",
                "Meeting",
                (Participant("e1", "participant"), Participant("e3", "participant")),
                0.9,
                prov,
                date="2014-05-20",
            ),
        ),
    )
    ds = build_dataset([doc])
    C = country_graph(ds)
    assert C["China"]["Russia"]["events"] == {"Meeting": 1} and C["Russia"]["China"]["count"] == 1
    assert C["China"]["Russia"]["dates"] == ["2014-05-20"]
    assert country_matrix(ds).loc["China", "Russia"] == 1
