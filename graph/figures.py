"""Report figures (matplotlib): the whole graph, an ego network, a path explanation, an event
timeline and a country-by-country matrix. Each function returns a Figure; save it with
:func:`graph.draw.save_figure`. Nothing here touches pyplot's global state.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd
from rdflib import Dataset, Graph

from graph.analysis import country_matrix, ego_network, explain, timeline
from graph.draw import TYPE_COLOURS, draw_network, new_figure
from graph.kinds import FIGURE_KINDS
from graph.network import to_networkx

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["KINDS", "figure_graph", "figure_ego", "figure_path", "figure_timeline", "figure_matrix"]

KINDS = FIGURE_KINDS
_EVENT_COLOURS = {
    "Meeting": "#4C72B0",
    "Visit": "#8172B3",
    "Offer": "#DD8452",
    "Agreement": "#55A868",
    "Investment": "#937860",
    "Acquisition": "#C44E52",
    "TradeFlow": "#64B5CD",
    "Sanction": "#000000",
    "LegalAction": "#DA8BC3",
}


def _new_figure(width: float, height: float) -> tuple[Figure, Axes]:
    fig = new_figure(figsize=(width, height), dpi=110)
    return fig, fig.add_subplot()


def _message_figure(text: str, width: float = 9) -> Figure:
    """A small figure that says there is nothing to draw, rather than an empty plot."""
    fig, ax = _new_figure(width, 2.5)
    ax.set_axis_off()
    ax.text(0.5, 0.5, text, ha="center", va="center", fontsize=12)
    return fig


def figure_graph(
    graph: Dataset | Graph,
    *,
    relations: list[str] | None = None,
    min_confidence: float = 0.0,
    title: str | None = None,
    max_nodes: int = 60,
    seed: int = 7,
) -> Figure:
    """The whole entity graph: seeded layout, colour by type, size by PageRank, a legend."""
    G = to_networkx(graph, relations=relations, min_confidence=min_confidence)
    return draw_network(G, title=title or "Entity graph", max_nodes=max_nodes, seed=seed)


def figure_ego(graph: Dataset | Graph, entity: str, depth: int = 1, *, title: str | None = None) -> Figure:
    """The entities within ``depth`` relations of ``entity``, the centre ringed in black."""
    ego = ego_network(graph, entity, depth)
    label = ego.nodes[ego.graph["center"]]["label"]
    return draw_network(
        ego,
        title=title or f"{label}: relations within {depth} step{'s' * (depth > 1)}",
        highlight={ego.graph["center"]},
        max_nodes=80,
    )


def figure_path(graph: Dataset | Graph, source: str, target: str, *, max_paths: int = 3) -> Figure:
    """The shortest paths between two entities, one row per path, each step with its evidence."""
    steps = explain(graph, source, target, max_paths=max_paths)
    if steps.empty:
        return _message_figure(f"No path between {source} and {target}", 9)
    G = to_networkx(graph)
    types = {d["label"]: d["broad"] for _, d in G.nodes(data=True)}
    n_paths = steps["path"].nunique()
    longest = int(steps.groupby("path").size().max())
    fig, ax = _new_figure(max(8.0, 4.2 * (longest + 1)), 2.9 * n_paths + 0.8)
    ax.set_axis_off()
    ax.set_xlim(-0.6, longest + 0.6)
    ax.set_ylim(-n_paths + 0.2, 0.9)
    for p, rows in steps.groupby("path"):
        y = -float(p)  # type: ignore[arg-type]
        # Walk the path in order; a fact may be stated in either direction.
        current = _first_label(rows, G, source)
        chain = [current]
        for _, row in rows.iterrows():
            nxt = row["target"] if row["source"] == current else row["source"]
            chain.append(nxt)
            current = nxt
        for i, label in enumerate(chain):
            ax.scatter(
                [i],
                [y],
                s=1600,
                color=TYPE_COLOURS.get(types.get(label, ""), "#999999"),
                zorder=3,
                edgecolors="white",
                linewidths=2,
            )
            ax.text(i, y + 0.28, textwrap.fill(label, 22), ha="center", va="bottom", fontsize=10, fontweight="bold")
        for i, (_, row) in enumerate(rows.iterrows()):
            forward = row["source"] == chain[i]
            ax.annotate(
                "",
                xy=(i + 1 - 0.12, y) if forward else (i + 0.12, y),
                xytext=(i + 0.12, y) if forward else (i + 1 - 0.12, y),
                arrowprops={"arrowstyle": "-|>", "color": "#555555", "lw": 1.6},
            )
            ax.text(i + 0.5, y + 0.07, row["relation"], ha="center", va="bottom", fontsize=10, color="#222222")
            evidence = textwrap.shorten(str(row["evidence"]), 170, placeholder=" …")
            ax.text(
                i + 0.5,
                y - 0.16,
                textwrap.fill(f"“{evidence}”", 46) + f"\n— {row['article']}",
                ha="center",
                va="top",
                fontsize=7.5,
                color="#444444",
                style="italic",
            )
    ax.set_title(f"How {source} connects to {target}", fontsize=13)
    fig.tight_layout()
    return fig


def _first_label(rows: pd.DataFrame, G: nx.MultiDiGraph, name: str) -> str:
    first = rows.iloc[0]
    wanted = name.casefold()
    for label in (first["source"], first["target"]):
        node = next((n for n, d in G.nodes(data=True) if d["label"] == label), None)
        aliases = {a.casefold() for a in G.nodes[node].get("aliases", ())} if node is not None else set()
        if label.casefold() == wanted or wanted in aliases:
            return str(label)
    return str(first["source"])


def figure_timeline(graph: Dataset | Graph, *, title: str | None = None, max_events: int = 40) -> Figure:
    """Dated events on a time axis, one lane per event type, labelled with their participants."""
    df = timeline(graph)
    if df.empty:
        return _message_figure("No dated events", 9)
    df = df.tail(max_events)
    lanes = [t for t in _EVENT_COLOURS if t in set(df["type"])]
    fig, ax = _new_figure(13, 1.6 + 0.95 * len(lanes) + 0.12 * len(df))
    offsets: dict[tuple[str, Any], int] = {}
    for _, row in df.iterrows():
        lane = lanes.index(row["type"])
        key = (row["type"], row["date"])
        shift = offsets.get(key, 0)
        offsets[key] = shift + 1
        y = lane + 0.22 * shift
        exact = row["precision"] == "day"
        colour = _EVENT_COLOURS[row["type"]]
        # Hollow markers stand at the start of a vaguer period ("in 2004", "in May").
        ax.scatter(
            [row["date"]], [y], s=90, zorder=3, color=colour if exact else "white", edgecolors=colour, linewidths=1.8
        )
        who = textwrap.shorten(row["participants"].replace(" (participant)", "").replace(" (party)", ""), 60)
        ax.annotate(who, (row["date"], y), xytext=(6, 4), textcoords="offset points", fontsize=7.5)
    span = df["date"].max() - df["date"].min()
    if span < pd.Timedelta(days=60):
        # A few days of news: a window of weeks, not the years matplotlib pads a single date with.
        from matplotlib.dates import AutoDateLocator, DateFormatter

        pad = pd.Timedelta(days=7) + span * 0.1
        ax.set_xlim(df["date"].min() - pad, df["date"].max() + pad)
        ax.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=8))
        ax.xaxis.set_major_formatter(DateFormatter("%d %b %Y"))
    ax.set_yticks(range(len(lanes)), lanes)
    ax.set_ylim(-0.6, len(lanes) - 0.2 + 0.22 * max(offsets.values()))
    ax.grid(axis="x", color="#e5e5e5")
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.set_title(title or "Timeline of dated events (hollow: month or year only)", fontsize=13)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def figure_matrix(graph: Dataset | Graph, *, title: str | None = None, max_countries: int = 25) -> Figure:
    """Country-by-country event counts as an annotated heat map (rows act on columns)."""
    matrix = country_matrix(graph)
    if matrix.empty:
        return _message_figure("No events between countries", 7)
    totals = (matrix.sum(axis=0) + matrix.sum(axis=1)).sort_values(ascending=False)
    keep = list(totals.index[:max_countries])
    matrix = matrix.loc[keep, keep]
    n = len(keep)
    fig, ax = _new_figure(2.5 + 0.55 * n, 2.0 + 0.5 * n)
    image = ax.imshow(matrix.values, cmap="Blues", vmin=0)
    ax.set_xticks(range(n), keep, rotation=45, ha="right")
    ax.set_yticks(range(n), keep)
    peak = matrix.values.max() or 1
    for i in range(n):
        for j in range(n):
            value = int(matrix.values[i, j])
            if value:
                ax.text(
                    j,
                    i,
                    str(value),
                    ha="center",
                    va="center",
                    fontsize=9,
                    color="white" if value > peak / 2 else "#1a1a1a",
                )
    ax.set_xlabel("to")
    ax.set_ylabel("from")
    fig.colorbar(image, ax=ax, shrink=0.7, label="events")
    ax.set_title(title or "Events between countries", fontsize=13)
    fig.tight_layout()
    return fig
