"""One self-contained, offline HTML page to explore a graph in a browser.

The page inlines vis-network 9.1.2 (script and style), vendored from the npm registry in
``graph/assets`` (see its README), so it needs no network. Nodes are coloured by type; edges carry their relation name;
clicking an edge shows its evidence sentence and article; the search box finds an entity by
name or alternative name.
"""

from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from base.atomic import atomic_writes
from graph.draw import TYPE_COLOURS

__all__ = ["graph_page", "write_page"]


_STYLE = """
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1d; }
header { display: flex; gap: 16px; align-items: center; padding: 10px 16px; border-bottom: 1px solid #ddd; }
header h1 { font-size: 17px; margin: 0; font-weight: 600; }
#search { padding: 6px 10px; width: 280px; border: 1px solid #bbb; border-radius: 6px; font-size: 14px; }
#status { color: #666; font-size: 13px; }
main { display: flex; height: calc(100vh - 54px); }
#graph { flex: 1; min-width: 0; }
#details { width: 340px; border-left: 1px solid #ddd; padding: 12px 16px; overflow-y: auto;
  background: #fafafa; }
#details h2 { font-size: 15px; margin: 4px 0 8px; }
#details blockquote { margin: 8px 0; padding: 6px 10px; border-left: 3px solid #999; background: #fff; }
#details .meta { color: #555; font-size: 12px; }
#details ul { padding-left: 18px; }
.legend { display: flex; gap: 12px; font-size: 13px; }
.legend span::before { content: ""; display: inline-block; width: 11px; height: 11px; border-radius: 50%;
  margin-right: 5px; vertical-align: -1px; background: var(--c); }
"""

_SCRIPT = """
(function () {
  const errors = [];
  window.addEventListener("error", (e) => {
    errors.push(String(e.message));
    document.body.dataset.errors = errors.length;
  });
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const container = document.getElementById("graph");
  const options = {
    nodes: { shape: "dot", font: { size: 14, strokeWidth: 3, strokeColor: "#ffffff" }, borderWidth: 1.5 },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.6 } }, font: { size: 11, align: "middle", color: "#444" },
             color: { color: "#9a9a9a", highlight: "#333333" }, smooth: { type: "dynamic" }, width: 1.4 },
    physics: { solver: "forceAtlas2Based", forceAtlas2Based: { gravitationalConstant: -60, springLength: 120 },
               stabilization: { iterations: 300 } },
    interaction: { hover: true, tooltipDelay: 150 },
  };
  const network = new vis.Network(container, { nodes, edges }, options);
  document.body.dataset.nodes = String(nodes.length);
  document.body.dataset.edges = String(edges.length);
  document.body.dataset.errors = String(errors.length);
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({ physics: false });
    document.body.dataset.rendered = String(nodes.length);
  });
  network.once("afterDrawing", () => { document.body.dataset.drawn = "1"; });

  const details = document.getElementById("details");
  function clear() { while (details.firstChild) details.removeChild(details.firstChild); }
  function add(tag, text, cls) {
    const el = document.createElement(tag); el.textContent = text; if (cls) el.className = cls;
    details.appendChild(el); return el;
  }
  function showEdge(id) {
    const e = edges.get(id); if (!e) return;
    clear();
    add("h2", nodes.get(e.from).label + " " + e.label + " " + nodes.get(e.to).label);
    if (e.jobTitle) add("p", "Title: " + e.jobTitle, "meta");
    add("blockquote", e.evidence);
    add("p", "Article: " + e.article, "meta");
    add("p", "Confidence: " + e.confidence, "meta");
  }
  function showNode(id) {
    const n = nodes.get(id); if (!n) return;
    clear();
    add("h2", n.label);
    add("p", n.type + (n.aliases.length ? " · also " + n.aliases.join(", ") : ""), "meta");
    const list = add("ul", "");
    edges.get({ filter: (e) => e.from === id || e.to === id }).forEach((e) => {
      const li = document.createElement("li");
      li.textContent = nodes.get(e.from).label + " " + e.label + " " + nodes.get(e.to).label;
      li.style.cursor = "pointer"; li.addEventListener("click", () => showEdge(e.id));
      list.appendChild(li);
    });
  }
  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  const status = document.getElementById("status");
  status.textContent = nodes.length + " entities, " + edges.length + " relations";
  function find(text) {
    const q = text.trim().toLowerCase(); if (!q) return null;
    const all = nodes.get();
    return all.find((n) => n.label.toLowerCase() === q)
      || all.find((n) => n.aliases.some((a) => a.toLowerCase() === q))
      || all.find((n) => n.label.toLowerCase().includes(q));
  }
  document.getElementById("search").addEventListener("change", (ev) => {
    const hit = find(ev.target.value);
    if (!hit) { status.textContent = "No entity called “" + ev.target.value + "”"; return; }
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: 1.3, animation: { duration: 400 } });
    showNode(hit.id);
    status.textContent = "Found " + hit.label;
  });
  // Deep links: #entity=NAME selects an entity, #edge=N shows a relation's evidence.
  function follow() {
    const hash = decodeURIComponent(location.hash.slice(1));
    if (hash.startsWith("entity=")) {
      const box = document.getElementById("search");
      box.value = hash.slice(7); box.dispatchEvent(new Event("change"));
    } else if (hash.startsWith("edge=")) {
      showEdge(Number(hash.slice(5)));
    }
  }
  window.addEventListener("hashchange", follow);
  follow();
  window.diplograph = { network, nodes, edges, find, showEdge, showNode };
})();
"""


def _asset(name: str) -> str:
    return resources.files("graph").joinpath("assets", name).read_text("utf-8")


def _payload(G: nx.MultiDiGraph) -> dict[str, Any]:
    ids = {n: i for i, n in enumerate(sorted(G))}
    degree = dict(G.degree())
    nodes = [
        {
            "id": ids[n],
            "label": d.get("label", str(n)),
            "type": d.get("type", ""),
            "aliases": list(d.get("aliases", ())),
            "iri": str(n),
            "color": TYPE_COLOURS.get(d.get("broad", ""), "#999999"),
            "value": 1 + degree.get(n, 0),
            "title": f"{d.get('label', n)} ({d.get('type', '')})",
        }
        for n, d in sorted(G.nodes(data=True), key=lambda nd: ids[nd[0]])
    ]
    edges = [
        {
            "id": i,
            "from": ids[u],
            "to": ids[v],
            "label": k,
            "evidence": d.get("evidence", ""),
            "article": d.get("article", ""),
            "confidence": d.get("confidence"),
            "jobTitle": d.get("title"),
            "title": f"{k}: {d.get('evidence', '')}",
        }
        for i, (u, v, k, d) in enumerate(
            sorted(G.edges(keys=True, data=True), key=lambda e: (ids[e[0]], ids[e[1]], e[2]))
        )
    ]
    return {"nodes": nodes, "edges": edges}


def graph_page(G: nx.MultiDiGraph, title: str = "diplograph") -> str:
    """The page's HTML for a graph from :func:`graph.network.to_networkx` (connected entities only)."""
    H = G.subgraph([n for n in G if G.degree(n) > 0])
    payload = json.dumps(_payload(nx.MultiDiGraph(H)), ensure_ascii=False)
    # "</" inside a script element would end it early; JSON allows the escaped form.
    payload = payload.replace("</", "<\\/")
    legend = "".join(f'<span style="--c:{c}">{html.escape(t)}</span>' for t, c in TYPE_COLOURS.items())
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{_asset("vis-network.min.css")}</style>
<style>{_STYLE}</style>
<script>{_asset("vis-network.min.js")}</script>
</head>
<body>
<header>
<h1>{html.escape(title)}</h1>
<input id="search" type="search" placeholder="Find an entity…" aria-label="Find an entity">
<div class="legend">{legend}</div>
<span id="status"></span>
</header>
<main>
<div id="graph"></div>
<aside id="details"><h2>Details</h2><p>Click an edge to see the sentence it comes from; click an entity to list its
relations; type a name in the search box to find an entity.</p></aside>
</main>
<script id="graph-data" type="application/json">{payload}</script>
<script>{_SCRIPT}</script>
</body>
</html>
"""


def write_page(G: nx.MultiDiGraph, path: Path, title: str = "diplograph") -> Path:
    """Write :func:`graph_page` to ``path`` atomically."""
    with atomic_writes(path) as (tmp,):
        tmp.write_text(graph_page(G, title), encoding="utf-8")
    return path
