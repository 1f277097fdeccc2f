"""``KnowledgeGraph``: the notebook-facing object over a built graph.

>>> kg = KnowledgeGraph.from_articles(["examples/articles"])      # doctest: +SKIP
>>> kg.query("who-met-whom")                                       # doctest: +SKIP
>>> kg.explain("Jack Ma", "South China Morning Post")              # doctest: +SKIP

In Jupyter the object shows itself as a short summary; every table is a pandas DataFrame and
every picture a matplotlib Figure.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.figure import Figure
    from rdflib import Dataset

    from extract.contract import Document
    from graph.stats import GraphStats
    from graph.validate import ValidationReport

__all__ = ["KnowledgeGraph"]

# Each pattern is its own sub-select, as in the canned queries, so that Oxigraph joins whole
# scans by hashing: the one-pattern-at-a-time form takes over a minute on the BBC corpus.
_RELATIONS = """
SELECT ?subject ?relation ?object ?confidence ?modality ?title ?evidence ?article WHERE {
  ?st a dg:RelationStatement .
  { SELECT ?st ?s WHERE { ?st rdf:subject ?s } }
  { SELECT ?st ?p WHERE { ?st rdf:predicate ?p } }
  { SELECT ?st ?o WHERE { ?st rdf:object ?o } }
  { SELECT ?st ?confidence WHERE { ?st dg:confidence ?confidence } }
  { SELECT ?st ?ev WHERE { ?st dg:evidence ?ev } }
  { SELECT ?ev ?evidence WHERE { ?ev nif:anchorOf ?evidence } }
  { SELECT ?ev ?article WHERE { ?ev nif:referenceContext/dcterms:identifier ?article } }
  { SELECT ?s ?subject WHERE { ?s rdfs:label ?subject } }
  { SELECT ?o ?object WHERE { ?o rdfs:label ?object } }
  OPTIONAL { SELECT ?st ?modality WHERE { ?st dg:modality ?modality } }
  OPTIONAL { SELECT ?st ?title WHERE { ?st dg:title ?title } }
  BIND (STRAFTER(STR(?p), "#") AS ?relation)
}"""
_ENTITIES = """
SELECT ?iri ?label (COUNT(DISTINCT ?doc) AS ?articles) WHERE {
  ?iri rdfs:label ?label ; dg:mentionedIn ?doc .
} GROUP BY ?iri ?label"""


class KnowledgeGraph:
    """A built graph (an rdflib Dataset, one named graph per article) with analysis helpers."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    # ------------------------------------------------------------------ construction
    @classmethod
    def load(cls, path: str | Path) -> KnowledgeGraph:
        """Open a graph file, or a ``diplograph build`` output folder."""
        from graph.io import load_graph

        return cls(load_graph(Path(path)))

    @classmethod
    def from_documents(cls, documents: Iterable[Document], min_confidence: float = 0.0) -> KnowledgeGraph:
        """Build from extracted records (:class:`extract.contract.Document`), into an in-memory
        Oxigraph store, so that queries run on Oxigraph as they do on a build folder."""
        from graph.build import build_dataset
        from graph.io import fill_default_graph, memory_dataset

        ds = memory_dataset()
        build_dataset(documents, min_confidence=min_confidence, into=ds)
        fill_default_graph(ds.oxigraph)
        return cls(ds)

    @classmethod
    def from_articles(
        cls,
        inputs: Sequence[str | Path],
        *,
        model: str | None = None,
        min_confidence: float = 0.0,
        limit: int | None = None,
    ) -> KnowledgeGraph:
        """Extract and build from article files and folders (``limit`` caps the count)."""
        from base.settings import Settings
        from diplograph.workflow import extract_all, read_inputs

        read = read_inputs([Path(p) for p in inputs])
        articles, records = read.articles, read.records
        if limit is not None:
            articles = articles[:limit]
        documents = records + extract_all(articles, Settings(model=model))
        return cls.from_documents(documents, min_confidence=min_confidence)

    # ------------------------------------------------------------------ tables
    def query(self, sparql: str) -> pd.DataFrame:
        """Run SPARQL (inline, a .rq path or a canned query name) and return a DataFrame."""
        from graph.query import resolve_query, run_query

        result = run_query(self.dataset, resolve_query(sparql))
        return pd.DataFrame(list(result.rows), columns=list(result.columns))

    def entities(self) -> pd.DataFrame:
        """Every entity: label, type, other names, number of articles that mention it."""
        from graph.network import entity_types

        types = entity_types(self.dataset)
        aliases: dict[str, list[str]] = {}
        for iri, alt in self.query("SELECT ?e ?a WHERE { ?e skos:altLabel ?a }").itertuples(index=False):
            aliases.setdefault(iri, []).append(alt)
        rows = [
            {
                "entity": label,
                "type": types.get(iri, {}).get("type", ""),
                "also": ", ".join(sorted(aliases.get(iri, []))),
                "articles": int(n),
                "iri": iri,
            }
            for iri, label, n in self.query(_ENTITIES).itertuples(index=False)
        ]
        columns = ["entity", "type", "also", "articles", "iri"]
        df = pd.DataFrame(rows, columns=columns)
        return df.sort_values(["articles", "entity"], ascending=[False, True]).reset_index(drop=True)

    def relations(self, min_confidence: float = 0.0) -> pd.DataFrame:
        """Every relation statement with confidence, title, evidence sentence and article."""
        df = self.query(_RELATIONS)
        df["confidence"] = df["confidence"].astype(float)
        df = df[df["confidence"] >= min_confidence]
        return df.sort_values(["confidence", "subject", "relation"], ascending=[False, True, True]).reset_index(
            drop=True
        )

    # ------------------------------------------------------------------ analysis
    def to_networkx(self, relations: Iterable[str] | None = None, min_confidence: float = 0.0) -> nx.MultiDiGraph:
        """The relations as a networkx MultiDiGraph: nodes are entity IRIs with label and type."""
        from graph.network import to_networkx

        return to_networkx(self.dataset, relations=relations, min_confidence=min_confidence)

    def centrality(self, relations: Iterable[str] | None = None, top: int | None = 20) -> pd.DataFrame:
        from graph.analysis import centrality

        return centrality(self.dataset, relations=relations, top=top)

    def communities(self, seed: int = 42) -> pd.DataFrame:
        from graph.analysis import communities

        return communities(self.dataset, seed=seed)

    def explain(self, a: str, b: str, max_paths: int = 5) -> pd.DataFrame:
        """Shortest paths between two entities, each step with its evidence and article."""
        from graph.analysis import explain

        return explain(self.dataset, a, b, max_paths=max_paths)

    def timeline(self) -> pd.DataFrame:
        from graph.analysis import timeline

        return timeline(self.dataset)

    def country_matrix(self) -> pd.DataFrame:
        from graph.analysis import country_matrix

        return country_matrix(self.dataset)

    # ------------------------------------------------------------------ pictures and files
    def draw(self, kind: str = "graph", **options: object) -> Figure:
        """A Figure: ``graph``, ``ego`` (entity=, depth=), ``path`` (source=, target=),
        ``timeline`` or ``matrix``."""
        from graph import figures
        from graph.kinds import FIGURE_KINDS

        if kind not in FIGURE_KINDS:
            raise ValueError(f"unknown figure kind {kind!r}; accepted: {', '.join(FIGURE_KINDS)}")
        maker: Callable[..., Figure] = getattr(figures, f"figure_{kind}")
        return maker(self.dataset, **options)

    def html(self, path: str | Path | None = None, title: str = "diplograph") -> str:
        """The offline interactive page; written to ``path`` when one is given."""
        from graph.html import graph_page, write_page

        G = self.to_networkx()
        if path is not None:
            write_page(G, Path(path), title)
        return graph_page(G, title)

    def export(self, fmt: str, path: str | Path) -> Path:
        """Write the graph as jsonld, nquads, trig, ttl, graphml or gexf."""
        from graph.export import export

        return export(self.dataset, fmt, Path(path))

    def validate(self) -> ValidationReport:
        """The SHACL report of the graph against ``ontologies/shapes.ttl``."""
        from graph.validate import validate

        return validate(self.dataset)

    # ------------------------------------------------------------------ display
    def stats(self) -> GraphStats:
        """Counts: articles, triples, quotes, entities by type, relations and events by kind."""
        from graph.stats import graph_stats

        return graph_stats(self.dataset)

    def __len__(self) -> int:
        return len(self.dataset)

    def __repr__(self) -> str:
        s = self.stats()
        entities, relations = sum(s.entities.values()), sum(s.relations.values())
        return f"<KnowledgeGraph: {s.articles} articles, {entities} entities, {relations} relations>"

    def _repr_html_(self) -> str:
        s = self.stats()
        rows = "".join(
            f"<tr><td>{html.escape(k)}</td><td style='text-align:right'>{v}</td></tr>" for k, v in s.relations.items()
        )
        ents = ", ".join(f"{html.escape(k)} {v}" for k, v in s.entities.items())
        return (
            f"<div><strong>KnowledgeGraph</strong>: {s.articles} articles, {s.triples} triples, "
            f"{s.quotes} quotes<br><em>entities</em>: {ents}"
            f"<table><thead><tr><th>relation</th><th>statements</th></tr></thead><tbody>{rows}</tbody></table></div>"
        )
