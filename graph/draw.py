"""Drawing the entity graph with matplotlib: colour by type, size by degree, labelled edges."""

from __future__ import annotations

import functools
import io
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from base.atomic import atomic_writes

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["TYPE_COLOURS", "draw_network", "new_figure", "save_figure"]

TYPE_COLOURS = {
    "Person": "#4C72B0",
    "Organization": "#DD8452",
    "Country": "#55A868",
    "Place": "#8172B3",
}



@functools.cache
def _figure_class() -> type[Figure]:
    from matplotlib.figure import Figure

    class ReportFigure(Figure):
        """A Figure that shows itself wherever IPython displays it (a notebook, the IPython
        REPL) without ``%matplotlib`` or pyplot: it renders itself as PNG."""

        def _repr_png_(self) -> bytes:
            buf = io.BytesIO()
            self.savefig(buf, format="png", bbox_inches="tight")
            return buf.getvalue()

    return ReportFigure


def new_figure(figsize: tuple[float, float] = (10.0, 7.0), dpi: float = 100) -> Figure:
    """A new matplotlib Figure (no pyplot, no global state) that displays itself in Jupyter."""
    return _figure_class()(figsize=figsize, dpi=dpi)


def _component_layout(C: nx.Graph, seed: int) -> dict[Any, Any]:
    n = C.number_of_nodes()
    if n == 1:
        return {next(iter(C)): (0.0, 0.0)}
    if n == 2:
        a, b = sorted(C)
        return {a: (-1.5, 0.0), b: (1.5, 0.0)}
    # Kamada-Kawai reads best for small components; spring layout scales to large ones.
    pos = nx.kamada_kawai_layout(C) if n <= 40 else nx.spring_layout(C, seed=seed, k=1.5 / n**0.5, iterations=200)
    radius = 1.2 + 0.75 * n**0.5
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {v: ((x - cx) / span * 2 * radius, (y - cy) / span * 2 * radius) for v, (x, y) in pos.items()}


def _layout(G: nx.Graph, seed: int) -> dict[Any, Any]:
    """Each connected component laid out on its own, then packed in rows, largest first,
    so that small components do not collapse onto each other."""
    U = nx.Graph(G.to_undirected())
    if not U:
        return {}
    comps = sorted(nx.connected_components(U), key=lambda c: (-len(c), sorted(map(str, c))))
    boxes = []
    for comp in comps:
        pos = _component_layout(U.subgraph(comp), seed)
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        boxes.append((pos, min(xs), max(xs), min(ys), max(ys)))
    total = sum((x1 - x0 + 2.6) * (y1 - y0 + 1.6) for _, x0, x1, y0, y1 in boxes)
    row_width = max(total**0.5 * 1.5, max(x1 - x0 + 2.6 for _, x0, x1, _, _ in boxes))
    layout: dict[Any, Any] = {}
    x_cursor = y_cursor = row_height = 0.0
    for pos, x0, x1, y0, y1 in boxes:
        w, h = x1 - x0 + 2.6, y1 - y0 + 1.6
        if x_cursor > 0 and x_cursor + w > row_width:
            x_cursor, y_cursor, row_height = 0.0, y_cursor - row_height, 0.0
        for v, (x, y) in pos.items():
            layout[v] = (x_cursor + (x - x0) + 1.3, y_cursor - (y1 - y) - 0.8)
        x_cursor += w
        row_height = max(row_height, h)
    return layout


def draw_network(
    G: nx.MultiDiGraph,
    *,
    title: str | None = None,
    seed: int = 7,
    max_nodes: int = 80,
    edge_labels: bool = True,
    highlight: set[str] | None = None,
) -> Figure:
    """A matplotlib Figure of ``G`` (from :func:`graph.network.to_networkx`).

    Nodes are coloured by type and sized by PageRank; isolated entities are left out; above
    ``max_nodes`` only the highest-ranked are drawn. The layout is seeded, so the same graph
    gives the same picture. Nodes in ``highlight`` get a black ring.
    """
    from matplotlib.lines import Line2D

    H = G.subgraph([n for n in G if G.degree(n) > 0 or n in (highlight or ())]).copy()
    rank = nx.pagerank(nx.DiGraph(H)) if H.number_of_nodes() else {}
    if H.number_of_nodes() > max_nodes:
        keep = sorted(H, key=lambda n: (-rank[n], n))[:max_nodes]
        H = H.subgraph(keep).copy()
        H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0 and n not in (highlight or ())])
    n = H.number_of_nodes()
    pos = _layout(H, seed)
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    aspect = (max(xs) - min(xs) + 2) / (max(ys) - min(ys) + 2)
    width = min(22.0, 8 + n * 0.16)
    fig = new_figure(figsize=(width, max(5.0, min(18.0, width / aspect))), dpi=110)
    ax = fig.add_subplot()
    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=13)
    if n == 0:
        ax.text(0.5, 0.5, "no relations to draw", ha="center", va="center", fontsize=12)
        return fig
    colours = [TYPE_COLOURS.get(H.nodes[v].get("broad", ""), "#999999") for v in H]
    top = max((rank.get(v, 0.0) for v in H), default=1.0) or 1.0
    sizes = [350 + 1500 * (rank.get(v, 0.0) / top) ** 0.8 for v in H]
    nx.draw_networkx_edges(
        H,
        pos,
        ax=ax,
        edge_color="#888888",
        width=1.2,
        arrows=True,
        arrowsize=14,
        node_size=sizes,
        connectionstyle="arc3,rad=0.08",
    )
    ringed = highlight or set()
    nx.draw_networkx_nodes(
        H,
        pos,
        ax=ax,
        node_color=colours,
        node_size=sizes,
        alpha=0.92,
        edgecolors=["black" if v in ringed else "white" for v in H],
        linewidths=[3.0 if v in ringed else 1.5 for v in H],
    )
    labels = {v: textwrap.fill(H.nodes[v].get("label", str(v)), 18) for v in H}
    nx.draw_networkx_labels(
        H,
        pos,
        labels=labels,
        ax=ax,
        font_size=8.5,
        bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.6},
    )
    if edge_labels:
        keys: dict[tuple[Any, Any], list[str]] = {}
        for u, v, key in H.edges(keys=True):
            # Both directions share one label, or the two labels would sit on each other; a
            # relation stated both ways ("met") is named once.
            pair = (v, u) if (v, u) in keys else (u, v)
            if key not in keys.setdefault(pair, []):
                keys[pair].append(key)
        elabels = {pair: ", ".join(names) for pair, names in keys.items()}
        nx.draw_networkx_edge_labels(
            H,
            pos,
            edge_labels=elabels,
            ax=ax,
            font_size=7.5,
            font_color="#333333",
            bbox={"boxstyle": "round,pad=0.1", "fc": "#f7f7f7", "ec": "none", "alpha": 0.85},
        )
    present = sorted({H.nodes[v].get("broad", "") for v in H} & set(TYPE_COLOURS))
    handles = [
        Line2D([0], [0], marker="o", color="w", markerfacecolor=TYPE_COLOURS[t], markersize=11, label=t)
        for t in present
    ]
    fig.legend(handles=handles, loc="upper right", frameon=True, fontsize=9, title="entity type")
    ax.margins(0.08)
    fig.tight_layout()
    return fig


def save_figure(fig: Figure, path: Path) -> Path:
    """Save a Figure atomically, in the format of the suffix (png, svg, pdf)."""
    fmt = path.suffix.lstrip(".").lower() or "png"
    with atomic_writes(path) as (tmp,):
        fig.savefig(tmp, format=fmt, bbox_inches="tight")
    return path
