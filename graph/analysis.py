"""Analysis of a built graph with networkx; every result is a pandas DataFrame.

Views: the entity graph (relation-typed edges), the person-organisation bipartite graph, and
the country-to-country diplomacy graph aggregated from events. Measures: degree,
betweenness and PageRank, Louvain communities (seeded), ego networks, :func:`explain` (the
shortest paths between two entities with the evidence of every edge), and a timeline of dated
events.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx
import pandas as pd
from rdflib import Dataset, Graph

from base.errors import DiplographError
from graph.network import to_networkx
from graph.query import run_query

__all__ = [
    "EntityNotFound",
    "find_entity",
    "bipartite_person_org",
    "country_graph",
    "country_matrix",
    "centrality",
    "communities",
    "ego_network",
    "explain",
    "timeline",
]


class EntityNotFound(DiplographError):
    """No entity, or more than one, answers to a name."""


def find_entity(G: nx.Graph, name: str) -> Any:
    """The node whose label or alternative label is ``name`` (case-insensitive).

    Raises :class:`EntityNotFound` with the closest labels when there is none.
    """
    wanted = name.casefold().strip()
    exact = [n for n, d in G.nodes(data=True) if d.get("label", "").casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    alias = [n for n, d in G.nodes(data=True) if wanted in {a.casefold() for a in d.get("aliases", ())}]
    if len(exact) + len(alias) == 1:
        return (exact + alias)[0]
    if exact or alias:
        labels = sorted({G.nodes[n]["label"] for n in exact + alias})
        raise EntityNotFound(f"{name!r} names several entities: {', '.join(labels)}; use the full label")
    labels = [d.get("label", "") for _, d in G.nodes(data=True)]
    close = difflib.get_close_matches(name, labels, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise EntityNotFound(f"no entity is called {name!r}{hint}")


def _entity_graph(graph: Dataset | Graph | nx.MultiDiGraph, relations: Iterable[str] | None = None) -> nx.MultiDiGraph:
    if isinstance(graph, nx.Graph):
        if relations is None:
            return graph
        keep = set(relations)
        return graph.edge_subgraph([(u, v, k) for u, v, k in graph.edges(keys=True) if k in keep]).copy()
    return to_networkx(graph, relations=relations)


def bipartite_person_org(graph: Dataset | Graph | nx.MultiDiGraph) -> nx.Graph:
    """People and organisations joined by any relation between them (``bipartite`` 0/1).

    Edge attribute ``relations`` lists the relation names between the pair.
    """
    G = _entity_graph(graph)
    B = nx.Graph()
    for u, v, rel in G.edges(keys=True):
        kinds = {G.nodes[u]["broad"], G.nodes[v]["broad"]}
        if kinds != {"Person", "Organization"}:
            continue
        for n in (u, v):
            B.add_node(n, **G.nodes[n], bipartite=0 if G.nodes[n]["broad"] == "Person" else 1)
        if B.has_edge(u, v):
            B[u][v]["relations"] = sorted(set(B[u][v]["relations"]) | {rel})
        else:
            B.add_edge(u, v, relations=[rel])
    return B


def centrality(
    graph: Dataset | Graph | nx.MultiDiGraph, relations: Iterable[str] | None = None, top: int | None = None
) -> pd.DataFrame:
    """Degree, betweenness and PageRank of every connected entity, by PageRank.

    ``relations`` restricts the graph to a subset (``["owns", "investsIn"]``...).
    """
    G = _entity_graph(graph, relations)
    H = G.subgraph([n for n in G if G.degree(n) > 0])
    columns = ["entity", "type", "degree", "betweenness", "pagerank"]
    if H.number_of_nodes() == 0:
        return pd.DataFrame(columns=columns)
    simple = nx.Graph(H.to_undirected())
    betweenness = nx.betweenness_centrality(simple, normalized=True)
    pagerank = nx.pagerank(nx.DiGraph(H))
    rows = [
        {
            "entity": H.nodes[n]["label"],
            "type": H.nodes[n]["type"],
            "degree": simple.degree(n),
            "betweenness": round(betweenness[n], 4),
            "pagerank": round(pagerank[n], 4),
        }
        for n in H
    ]
    df = pd.DataFrame(rows, columns=columns).sort_values(["pagerank", "entity"], ascending=[False, True])
    df = df.reset_index(drop=True)
    return df.head(top) if top else df


def communities(
    graph: Dataset | Graph | nx.MultiDiGraph, seed: int = 42, relations: Iterable[str] | None = None
) -> pd.DataFrame:
    """Louvain communities of the undirected entity graph; the same seed gives the same result.

    Communities are numbered from 0, largest first.
    """
    G = _entity_graph(graph, relations)
    simple = nx.Graph(G.subgraph([n for n in G if G.degree(n) > 0]).to_undirected())
    if simple.number_of_nodes() == 0:
        return pd.DataFrame(columns=["community", "entity", "type"])
    found = nx.community.louvain_communities(simple, seed=seed)
    ordered = sorted(found, key=lambda c: (-len(c), min(simple.nodes[n]["label"] for n in c)))
    rows = [
        {"community": i, "entity": simple.nodes[n]["label"], "type": simple.nodes[n]["type"]}
        for i, comm in enumerate(ordered)
        for n in sorted(comm, key=lambda n: simple.nodes[n]["label"])
    ]
    return pd.DataFrame(rows)


def ego_network(graph: Dataset | Graph | nx.MultiDiGraph, entity: str, depth: int = 1) -> nx.MultiDiGraph:
    """The entities within ``depth`` relations of ``entity`` (either direction), and their edges."""
    G = _entity_graph(graph)
    center = find_entity(G, entity)
    reach = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), center, cutoff=depth)
    ego = G.subgraph(reach).copy()
    ego.graph["center"] = center
    return ego


def explain(graph: Dataset | Graph | nx.MultiDiGraph, a: str, b: str, max_paths: int = 5) -> pd.DataFrame:
    """The shortest paths between two entities, one row per step, with evidence.

    Columns: ``path``, ``step``, ``source``, ``relation``, ``target`` (in the direction the fact
    is stated), ``evidence`` (the sentence) and ``article``. Empty when they are not connected.
    """
    G = _entity_graph(graph)
    start, end = find_entity(G, a), find_entity(G, b)
    columns = ["path", "step", "source", "relation", "target", "evidence", "article", "confidence"]
    U = nx.Graph(G.to_undirected())
    try:
        paths = list(_limited(nx.all_shortest_paths(U, start, end), max_paths))
    except nx.NetworkXNoPath:
        return pd.DataFrame(columns=columns)
    rows = []
    for p, path in enumerate(paths):
        for step, (u, v) in enumerate(zip(path, path[1:], strict=False)):
            forward = [(u, v, k, d) for k, d in (G.get_edge_data(u, v) or {}).items()]
            backward = [(v, u, k, d) for k, d in (G.get_edge_data(v, u) or {}).items()]
            s, o, rel, data = max(forward + backward, key=lambda e: e[3]["confidence"])
            rows.append(
                {
                    "path": p,
                    "step": step,
                    "source": G.nodes[s]["label"],
                    "relation": rel,
                    "target": G.nodes[o]["label"],
                    "evidence": data["evidence"],
                    "article": data["article"],
                    "confidence": data["confidence"],
                }
            )
    return pd.DataFrame(rows, columns=columns)


def _limited(iterable: Iterable[Any], n: int) -> Iterable[Any]:
    for i, item in enumerate(iterable):
        if i >= n:
            return
        yield item


_EVENTS = """
SELECT ?event ?type ?date ?dateText ?place ?article ?evidence ?modality ?participant ?role WHERE {
  ?event dg:participation ?pp ; dg:evidence ?ev ; dg:modality ?modality .
  ?event a ?t . FILTER (STRSTARTS(STR(?t), STR(dg:)))
  BIND (STRAFTER(STR(?t), "#") AS ?type)
  ?pp dg:participant ?p ; dg:role ?role . ?p rdfs:label ?participant .
  ?ev nif:anchorOf ?evidence ; nif:referenceContext ?doc . ?doc dcterms:identifier ?article .
  OPTIONAL { ?event dg:date ?date }
  OPTIONAL { ?event dg:dateText ?dateText }
  OPTIONAL { ?event dg:place/rdfs:label ?place }
}"""


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}


def _period(text: str | None) -> tuple[str | None, str]:
    """The start of the period a vague time names ("in May 2004" -> 2004-05-01, month)."""
    if not text:
        return None, ""
    year = _YEAR.search(text)
    if not year:
        return None, ""
    for word in re.findall(r"[A-Za-z]+", text.lower()):
        if word in _MONTHS:
            return f"{year.group(1)}-{_MONTHS[word]:02d}-01", "month"
    return f"{year.group(1)}-01-01", "year"


def timeline(graph: Dataset | Graph, include_undated: bool = False) -> pd.DataFrame:
    """One row per event: date, precision, type, participants (with roles), place, article, evidence.

    An event without a day-precise date but with a year or month in its text ("in 2004") is
    placed at the start of that period, with ``precision`` "year" or "month". Sorted by date;
    events with no time at all are left out unless ``include_undated``.
    """
    merged: dict[str, dict[str, Any]] = {}
    roles: dict[str, list[str]] = defaultdict(list)
    for event, typ, date, date_text, place, article, evidence, modality, participant, role in run_query(
        graph, _EVENTS
    ).rows:
        merged[event] = {
            "date": date,
            "type": typ,
            "place": place,
            "when": date_text,
            "modality": modality,
            "article": article,
            "evidence": evidence,
        }
        entry = f"{participant} ({role})"
        if entry not in roles[event]:
            roles[event].append(entry)
    rows = []
    for e, data in merged.items():
        precision = "day" if data["date"] else ""
        if not data["date"]:
            data["date"], precision = _period(data["when"])
        rows.append({**data, "precision": precision, "participants": "; ".join(sorted(roles[e]))})
    columns = ["date", "precision", "type", "participants", "place", "when", "modality", "article", "evidence"]
    df = pd.DataFrame(rows, columns=columns)
    if not include_undated:
        df = df[df["date"].notna()]
    df["date"] = pd.to_datetime(df["date"].astype("string"), errors="coerce")
    return df.sort_values(["date", "type", "participants"], na_position="last").reset_index(drop=True)


_EVENT_PARTIES = """
SELECT ?event ?type ?date ?p ?ptype WHERE {
  ?event dg:participation/dg:participant ?p ; a ?t .
  FILTER (?t IN (dg:Meeting, dg:Visit, dg:Offer, dg:Agreement, dg:Investment, dg:Acquisition,
                 dg:TradeFlow, dg:Sanction, dg:LegalAction))
  BIND (STRAFTER(STR(?t), "#") AS ?type)
  ?p a ?pt . FILTER (?pt IN (dg:Country, dg:Person, dg:Organization, dg:Company, dg:GovernmentBody,
                             dg:InternationalOrganization, dg:ResearchInstitute, dg:MediaOrganization))
  BIND (STRAFTER(STR(?pt), "#") AS ?ptype)
  OPTIONAL { ?event dg:date ?date }
}"""
_HOME = """
SELECT ?e ?country WHERE {
  { ?e dg:worksFor ?c } UNION { ?e dg:basedIn ?c } UNION { ?e dg:worksFor/dg:basedIn ?c }
  ?c a dg:Country ; rdfs:label ?country .
}"""
_VISIT_PLACES = """
SELECT ?event ?country WHERE {
  ?event a dg:Visit ; dg:place ?c . ?c a dg:Country ; rdfs:label ?country .
}"""


def country_graph(graph: Dataset | Graph) -> nx.DiGraph:
    """Countries joined by the events their people, organisations or governments took part in.

    A participant stands for its country when it is one, works for one, or is based in one
    (directly or through its employer). Edges carry ``count``, ``events`` (type -> count) and
    ``dates``. Directed from the first participant's country to the other's; symmetric event
    types are stored in both directions.
    """
    labels = {iri: d for iri, d in _labels(graph).items()}
    home: dict[str, set[str]] = defaultdict(set)
    for e, country in run_query(graph, _HOME).rows:
        home[e].add(country)
    parties: dict[str, dict[str, Any]] = {}
    for event, typ, date, p, ptype in run_query(graph, _EVENT_PARTIES).rows:
        entry = parties.setdefault(event, {"type": typ, "date": date, "countries": []})
        countries = {labels[p]} if ptype == "Country" else home.get(p, set())
        for c in sorted(countries):
            if c not in entry["countries"]:
                entry["countries"].append(c)
    for event, country in run_query(graph, _VISIT_PLACES).rows:
        if event in parties and country not in parties[event]["countries"]:
            parties[event]["countries"].append(country)
    C = nx.DiGraph()
    symmetric = {"Meeting", "Agreement", "TradeFlow"}
    for data in parties.values():
        countries = data["countries"]
        for i, a in enumerate(countries):
            for b in countries[i + 1 :]:
                pairs = [(a, b), (b, a)] if data["type"] in symmetric else [(a, b)]
                for u, v in pairs:
                    if not C.has_edge(u, v):
                        C.add_edge(u, v, count=0, events={}, dates=[])
                    edge = C[u][v]
                    edge["count"] += 1
                    edge["events"][data["type"]] = edge["events"].get(data["type"], 0) + 1
                    if data["date"]:
                        edge["dates"] = sorted({*edge["dates"], str(data["date"])})
    return C


def _labels(graph: Dataset | Graph) -> dict[str, str]:
    rows = run_query(graph, "SELECT ?e ?l WHERE { ?e a dg:Country ; rdfs:label ?l }").rows
    return {e: label for e, label in rows}


def country_matrix(graph: Dataset | Graph) -> pd.DataFrame:
    """Country-by-country counts of events (rows act on columns; symmetric events both ways)."""
    C = country_graph(graph)
    names = sorted(C.nodes)
    matrix = pd.DataFrame(0, index=pd.Index(names, name="from"), columns=pd.Index(names, name="to"))
    for u, v, data in C.edges(data=True):
        matrix.loc[u, v] = data["count"]
    return matrix
