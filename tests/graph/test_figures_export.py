import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from PIL import Image

from graph.draw import save_figure
from graph.export import EXPORT_FORMATS, export
from graph.figures import figure_ego, figure_graph, figure_matrix, figure_path, figure_timeline


def _busy(path):
    image = Image.open(path).convert("L")
    lo, hi = image.getextrema()
    return image.size[0] > 300 and hi - lo > 100 and len(image.getcolors(1 << 16) or []) > 20


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("graph", lambda ds: figure_graph(ds)),
        ("ego", lambda ds: figure_ego(ds, "Jack Ma", 2)),
        ("path", lambda ds: figure_path(ds, "Alibaba Group", "United States")),
        ("timeline", lambda ds: figure_timeline(ds)),
        ("matrix", lambda ds: figure_matrix(ds)),
    ],
)
def test_figures_every_kind_draws_a_picture(tmp_path, small_dataset, name, make):
    path = save_figure(make(small_dataset), tmp_path / f"{name}.png")
    assert _busy(path)


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_every_format_is_readable(tmp_path, small_dataset, fmt):
    path = export(small_dataset, fmt, tmp_path / f"g.{fmt}")
    if fmt == "jsonld":
        data = json.loads(path.read_text())
        assert data["@context"]["dg"] == "https://w3id.org/diplograph/ns#"
    elif fmt == "graphml":
        G = nx.read_graphml(path)
        assert {d["label"] for _, d in G.nodes(data=True)} >= {"Jack Ma", "Alibaba Group"}
    elif fmt == "gexf":
        G = nx.read_gexf(path)
        assert G.number_of_edges() == 3
        ET.parse(path)
    else:
        from graph.io import load_graph

        suffix = {"nquads": ".nq", "trig": ".trig", "ttl": ".ttl"}[fmt]
        renamed = path.rename(path.with_suffix(suffix))
        assert len(load_graph(renamed)) > 50


def test_export_unknown_format_is_an_error(tmp_path, small_dataset):
    from base.errors import InputError

    with pytest.raises(InputError, match="accepted: jsonld"):
        export(small_dataset, "xlsx", tmp_path / "g.xlsx")
