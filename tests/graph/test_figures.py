"""Report figures (graph.figures): each kind draws what it says, from the hand records; a figure
with nothing to show says so instead of drawing an empty plot."""

from __future__ import annotations

import pytest
from PIL import Image

from extract.contract import Document, Entity, Event, Participant
from graph.analysis import EntityNotFound
from graph.build import build_dataset
from graph.draw import save_figure
from graph.figures import KINDS, figure_ego, figure_graph, figure_matrix, figure_path, figure_timeline
from graph.kinds import FIGURE_KINDS
from tests.conftest import hand_prov, hand_records


def _texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def _title(fig):
    return fig.axes[0].get_title()


def _busy(path):
    """A picture, not a blank: wide, with contrast and many colours."""
    image = Image.open(path).convert("L")
    lo, hi = image.getextrema()
    return image.size[0] > 300 and hi - lo > 100 and len(image.getcolors(1 << 16) or []) > 20


def _countries():
    """A third record: China and the United States meet (dated) and the US sanctions China."""
    cn = Entity("e1", "Country", "China", "china")
    us = Entity("e2", "Country", "United States", "united states")
    both = (Participant("e1", "participant"), Participant("e2", "participant"))
    sanction = (Participant("e2", "imposer"), Participant("e1", "target"))
    events = (
        Event("ev1", "Meeting", both, 0.9, hand_prov("c.txt"), date="2017-02-01"),
        Event("ev2", "Sanction", sanction, 0.9, hand_prov("c.txt"), date="2017-02-03"),
    )
    return Document("c.txt", title="C", entities=(cn, us), events=events, extractor="rules.v1")


def test_figures_kinds_are_the_figure_kinds():
    assert KINDS == FIGURE_KINDS
    import graph.figures

    assert all(callable(getattr(graph.figures, f"figure_{kind}")) for kind in KINDS)


def test_figures_graph_draws_every_related_entity(small_dataset, tmp_path):
    fig = figure_graph(small_dataset)
    assert _title(fig) == "Entity graph"
    assert {"Jack Ma", "Donald Trump", "Alibaba Group", "United States", "met", "founded", "worksFor"} <= set(
        _texts(fig)
    )
    assert _busy(save_figure(fig, tmp_path / "graph.png"))


def test_figures_graph_keeps_only_the_relations_and_confidence_asked_for(small_dataset):
    texts = _texts(figure_graph(small_dataset, relations=["founded"], title="Founders"))
    assert {"Jack Ma", "Alibaba Group", "founded"} <= set(texts)
    assert not {"Donald Trump", "met"} & set(texts)
    # worksFor has confidence 0.4: under a floor of 0.5 the United States has no relation left.
    assert "United States" not in _texts(figure_graph(small_dataset, min_confidence=0.5))


def test_figures_ego_rings_the_centre_within_the_depth(small_dataset):
    one = figure_ego(small_dataset, "Donald Trump", 1)
    assert _title(one) == "Donald Trump: relations within 1 step"
    assert "Alibaba Group" not in _texts(one)  # two steps away
    two = figure_ego(small_dataset, "Donald Trump", 2)
    assert _title(two) == "Donald Trump: relations within 2 steps"
    assert "Alibaba Group" in _texts(two)
    with pytest.raises(EntityNotFound):
        figure_ego(small_dataset, "Nobody At All")


def test_figures_path_shows_each_step_with_its_evidence(small_dataset, tmp_path):
    fig = figure_path(small_dataset, "Alibaba Group", "United States")
    assert _title(fig) == "How Alibaba Group connects to United States"
    texts = _texts(fig)
    # Alibaba Group <-founded- Jack Ma -met- Donald Trump -worksFor-> United States
    names = ["Alibaba Group", "Jack Ma", "Donald Trump", "United States"]
    assert [t for t in texts if t in names] == names  # walked in order, whichever way a fact points
    assert [t for t in texts if t in ("founded", "met", "worksFor")] == ["founded", "met", "worksFor"]
    assert texts.count("“Jack Ma met Donald Trump today.”\n— a.txt") == 3
    assert _busy(save_figure(fig, tmp_path / "path.png"))


def test_figures_path_without_a_path_says_so():
    ds = build_dataset([*hand_records(), _countries()])
    assert _texts(figure_path(ds, "Jack Ma", "China")) == ["No path between Jack Ma and China"]


def test_figures_timeline_puts_dated_events_in_lanes_by_type():
    ds = build_dataset([*hand_records(), _countries()])
    fig = figure_timeline(ds)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Meeting", "Sanction"]
    assert len(_texts(fig)) == 3  # three dated events, one label each
    assert any("Jack Ma" in t and "Donald Trump" in t for t in _texts(fig))


def test_figures_timeline_without_dated_events_says_so(small_records):
    ds = build_dataset(small_records[1:])
    assert _texts(figure_timeline(ds)) == ["No dated events"]


def test_figures_matrix_counts_events_between_countries(small_dataset, tmp_path):
    ds = build_dataset([*hand_records(), _countries()])
    fig = figure_matrix(ds)
    ax = fig.axes[0]
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows == [t.get_text() for t in ax.get_xticklabels()]
    assert sorted(rows) == ["China", "United States"]
    # The meeting counts both ways, the sanction from the United States to China only.
    grid = ax.images[0].get_array()
    cn, us = rows.index("China"), rows.index("United States")
    assert (grid[us][cn], grid[cn][us], grid[cn][cn], grid[us][us]) == (2, 1, 0, 0)
    assert sorted(_texts(fig)) == ["1", "2"]
    assert _busy(save_figure(fig, tmp_path / "matrix.png"))
    # The hand records alone have no event between two countries.
    assert _texts(figure_matrix(small_dataset)) == ["No events between countries"]
