"""Drawing the entity graph (graph.draw): what is drawn, how it is marked, and saving it."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.draw import TYPE_COLOURS, _layout, draw_network, new_figure, save_figure


def _graph():
    G = nx.MultiDiGraph()
    G.add_node("ma", label="Jack Ma", broad="Person")
    G.add_node("ali", label="Alibaba Group", broad="Organization")
    G.add_node("trump", label="Donald Trump", broad="Person")
    G.add_node("alone", label="Nobody Related", broad="Place")
    G.add_edge("ma", "ali", key="founded")
    G.add_edge("ma", "trump", key="met")
    G.add_edge("trump", "ma", key="worksFor")
    return G


def _texts(fig):
    return [t.get_text() for t in fig.axes[0].texts]


def _nodes(fig):
    """The node markers: the one scatter collection of the axes."""
    (nodes,) = [c for c in fig.axes[0].collections if type(c).__name__ == "PathCollection"]
    return nodes


def test_draw_new_figure_shows_itself_as_png():
    fig = new_figure(figsize=(2, 1))
    fig.add_subplot().plot([0, 1], [0, 1])
    assert fig._repr_png_().startswith(b"\x89PNG\r\n\x1a\n")


def test_draw_network_labels_nodes_and_edges_and_leaves_out_isolated_entities():
    fig = draw_network(_graph(), title="Who is who")
    texts = _texts(fig)
    assert {"Jack Ma", "Alibaba Group", "Donald Trump", "founded"} <= set(texts)
    assert "Nobody Related" not in texts
    assert len(_nodes(fig).get_offsets()) == 3
    assert fig.axes[0].get_title() == "Who is who"
    # The two directions between Ma and Trump share one label.
    assert "met, worksFor" in texts or "worksFor, met" in texts


def test_draw_network_legend_names_the_types_drawn_with_their_colours():
    fig = draw_network(_graph())
    (legend,) = fig.legends
    assert [t.get_text() for t in legend.get_texts()] == ["Organization", "Person"]  # no Place: it was left out
    colours = {tuple(round(x, 3) for x in c) for c in _nodes(fig).get_facecolor()}
    from matplotlib.colors import to_rgb

    expected = {tuple(round(x, 3) for x in to_rgb(TYPE_COLOURS[t])) for t in ("Person", "Organization")}
    assert {c[:3] for c in colours} == expected


def test_draw_network_rings_the_highlighted_node_and_keeps_it_even_when_isolated():
    fig = draw_network(_graph(), highlight={"alone"})
    assert "Nobody Related" in _texts(fig)
    edges = [tuple(c[:3]) for c in _nodes(fig).get_edgecolor()]
    assert edges.count((0.0, 0.0, 0.0)) == 1  # one black ring, the others white


def test_draw_network_keeps_the_highest_ranked_nodes():
    G = nx.MultiDiGraph()
    G.add_node("hub", label="Hub", broad="Organization")
    for i in range(12):
        G.add_node(f"n{i}", label=f"Spoke {i}", broad="Person")
        G.add_edge(f"n{i}", "hub", key="worksFor")
    fig = draw_network(G, max_nodes=5)
    texts = _texts(fig)
    assert "Hub" in texts
    assert len(_nodes(fig).get_offsets()) == 5


def test_draw_network_of_nothing_says_so():
    G = nx.MultiDiGraph()
    G.add_node("alone", label="Alone", broad="Person")
    assert _texts(draw_network(G)) == ["no relations to draw"]


def test_draw_network_is_the_same_picture_each_time(tmp_path):
    one = save_figure(draw_network(_graph(), seed=3), tmp_path / "one.png").read_bytes()
    two = save_figure(draw_network(_graph(), seed=3), tmp_path / "two.png").read_bytes()
    assert one == two


def test_draw_network_a_relation_both_ways_is_labelled_once():
    G = _graph()
    G.add_edge("trump", "ma", key="met")
    G.remove_edge("trump", "ma", key="worksFor")
    assert "met" in _texts(draw_network(G))


def test_draw_layout_puts_components_apart():
    G = nx.MultiDiGraph()
    G.add_edges_from([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("p", "q")])
    pos = _layout(G, seed=7)
    boxes = []
    for comp in (("a", "b", "c"), ("x", "y"), ("p", "q")):
        xs, ys = [pos[v][0] for v in comp], [pos[v][1] for v in comp]
        boxes.append((min(xs), max(xs), min(ys), max(ys)))
    for i, (x0, x1, y0, y1) in enumerate(boxes):
        for u0, u1, v0, v1 in boxes[i + 1 :]:
            assert x1 < u0 or u1 < x0 or y1 < v0 or v1 < y0  # the boxes do not overlap


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")])
def test_draw_save_figure_writes_the_format_of_the_suffix(tmp_path, suffix, magic):
    path = save_figure(draw_network(_graph()), tmp_path / f"graph{suffix}")
    assert path.read_bytes().startswith(magic)


def test_draw_save_figure_leaves_no_file_when_drawing_fails(tmp_path):
    class Broken:
        def savefig(self, target, **options):
            target.write_bytes(b"half a picture")
            raise RuntimeError("renderer died")

    with pytest.raises(RuntimeError):
        save_figure(Broken(), tmp_path / "graph.png")
    assert list(tmp_path.iterdir()) == []
