import pytest

from graph.draw import draw_network, save_figure
from graph.network import to_networkx


def test_network_typed_multidigraph_with_evidence(small_dataset):
    G = to_networkx(small_dataset)
    labels = {d["label"]: n for n, d in G.nodes(data=True)}
    ma, alibaba = labels["Jack Ma"], labels["Alibaba Group"]
    assert G.nodes[alibaba]["type"] == "Company" and G.nodes[alibaba]["broad"] == "Organization"
    data = G.get_edge_data(ma, alibaba)["founded"]
    assert data["evidence"].startswith("Jack Ma met") and data["article"] == "a.txt"
    assert data["confidence"] == pytest.approx(0.9)


def test_network_relation_subset_and_confidence(small_dataset):
    G = to_networkx(small_dataset, relations=["met"])
    assert {k for _, _, k in G.edges(keys=True)} == {"met"}
    assert to_networkx(small_dataset, min_confidence=0.95).number_of_edges() == 0
    with pytest.raises(ValueError, match="unknown relations"):
        to_networkx(small_dataset, relations=["likes"])


def test_network_drawing_is_a_non_blank_png(tmp_path, small_dataset):
    from PIL import Image

    path = save_figure(draw_network(to_networkx(small_dataset), title="t"), tmp_path / "g.png")
    image = Image.open(path).convert("L")
    lo, hi = image.getextrema()
    assert image.size[0] > 400 and hi - lo > 100
