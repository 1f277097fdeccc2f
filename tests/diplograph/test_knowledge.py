import pytest

from diplograph.knowledge import KnowledgeGraph


@pytest.fixture()
def kg(small_dataset):
    return KnowledgeGraph(small_dataset)


def test_knowledge_tables(kg):
    assert set(kg.entities()["entity"]) >= {"Jack Ma", "Alibaba Group"}
    rel = kg.relations()
    assert list(rel.columns[:3]) == ["subject", "relation", "object"]
    assert rel.iloc[0]["confidence"] == 0.9
    assert len(kg.relations(min_confidence=0.8)) == 2
    assert kg.query("who-met-whom").iloc[0]["a"] == "Donald Trump"


def test_knowledge_display_and_analysis(kg, tmp_path):
    html = kg._repr_html_()
    assert "KnowledgeGraph" in html and "worksFor" in html
    assert "2 articles" in repr(kg)
    assert kg.explain("Jack Ma", "United States")["relation"].tolist() == ["met", "worksFor"]
    assert kg.to_networkx().number_of_edges() == 3
    assert kg.draw("ego", entity="Jack Ma") is not None
    with pytest.raises(ValueError, match="unknown figure kind"):
        kg.draw("pie")
    page = tmp_path / "g.html"
    assert "vis.Network" in kg.html(page) and page.is_file()
    assert kg.validate().conforms


def test_knowledge_load_round_trip(kg, tmp_path):
    kg.export("trig", tmp_path / "graph.trig")
    again = KnowledgeGraph.load(tmp_path)
    assert len(again) == len(kg)
