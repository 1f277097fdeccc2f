"""Writes the notebooks in notebooks/ from the cell lists below (outputs are never committed).

Run ``python tools/make_notebooks.py`` after editing; ``make test`` executes every notebook.
"""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOKS: dict[str, list[tuple[str, str]]] = {}

NOTEBOOKS["01-quickstart"] = [
    ("md", """# diplograph quickstart

From news articles to a queryable knowledge graph of business-diplomacy relations: who met whom,
who owns, founded, invests in or sanctions whom, who offered what, who said what.

This notebook builds the graph of the bundled example articles, shows the entities and
relations it found, asks it questions in SPARQL, and draws it."""),
    ("code", """from pathlib import Path

from diplograph.knowledge import KnowledgeGraph

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
kg = KnowledgeGraph.from_articles([ROOT / "examples" / "articles"])
kg"""),
    ("md", "## Entities\nEach article's mentions are merged into canonical entities (\"Ma\" is Jack Ma, \"US\" and \"America\" are the United States); the same entity has the same IRI in every article."),
    ("code", """kg.entities().head(15)"""),
    ("md", "## Relations\nEvery fact carries its confidence, its modality, the post held (for `worksFor`), and the sentence and article it comes from."),
    ("code", """kg.relations().head(20)"""),
    ("md", "## Asking the graph in SPARQL\nThe canned queries live in `graph/queries/`; any SPARQL works, with the `dg:` prefix predeclared."),
    ("code", """kg.query("who-met-whom")"""),
    ("code", """kg.query("who-said-what")"""),
    ("code", """kg.query(\"\"\"
SELECT ?company ?home WHERE {
  ?c dg:basedIn ?h . ?c rdfs:label ?company . ?h rdfs:label ?home .
} ORDER BY ?company
\"\"\")"""),
    ("md", "## Drawing it\nColour by entity type, size by PageRank, every edge labelled."),
    ("code", """kg.draw(title="Example articles")"""),
    ("md", "## Saving\n`graph.ttl` holds every triple; `graph.trig` keeps one named graph per article; `graph.html` is an offline interactive page."),
    ("code", """import tempfile

out = Path(tempfile.mkdtemp())
kg.export("ttl", out / "graph.ttl")
kg.export("trig", out / "graph.trig")
kg.html(out / "graph.html", title="Example articles")
sorted(p.name for p in out.iterdir())"""),
]

NOTEBOOKS["02-explore-a-corpus"] = [
    ("md", """# Exploring a corpus

Builds a graph from the BBC business articles in `../shared/corpus` when they are present (the
first 200, so that the notebook runs in well under three minutes), else from the bundled
examples, and explores it: who is central, which communities form, how two entities are
connected and on what evidence, what happened when, and which countries deal with which."""),
    ("code", """from pathlib import Path

from diplograph.knowledge import KnowledgeGraph

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
BBC = ROOT.parent / "shared" / "corpus" / "bbc" / "business"
if BBC.is_dir():
    source, limit = BBC, 200
else:
    source, limit = ROOT / "examples" / "articles", None
kg = KnowledgeGraph.from_articles([source], limit=limit)
print(f"built from {source}")
kg"""),
    ("md", "## Who is central?\nDegree, betweenness and PageRank over all relations, then over ownership and investment only."),
    ("code", """kg.centrality(top=15)"""),
    ("code", """kg.centrality(relations=["owns", "acquires", "investsIn"], top=10)"""),
    ("md", "## Communities\nLouvain communities of the entity graph, seeded so that a rerun gives the same grouping."),
    ("code", """groups = kg.communities(seed=42)
groups.groupby("community")["entity"].apply(lambda names: ", ".join(names[:8])).head(10)"""),
    ("md", "## How are two entities connected?\n`explain` gives every shortest path, each step with the sentence and the article it rests on. Here: the two most central entities."),
    ("code", """top = kg.centrality(top=2)["entity"].tolist()
paths = kg.explain(top[0], top[1])
paths"""),
    ("code", """kg.draw("path", source=top[0], target=top[1])"""),
    ("md", "## An ego network\nEverything within two steps of the most central entity."),
    ("code", """kg.draw("ego", entity=top[0], depth=2)"""),
    ("md", "## Timeline\nDated events; an event whose text gives only a month or a year stands at the start of that period (hollow marker)."),
    ("code", """kg.timeline().head(15)"""),
    ("code", """kg.draw("timeline")"""),
    ("md", "## Countries\nEvents between countries, through the people and organisations that act for them."),
    ("code", """matrix = kg.country_matrix()
matrix.loc[matrix.sum(axis=1).sort_values(ascending=False).index[:8]]"""),
    ("code", """kg.draw("matrix")"""),
    ("md", "## The whole graph"),
    ("code", """kg.draw(title="BBC business articles" if limit else "Example articles")"""),
]

NOTEBOOKS["03-sparql-cookbook"] = [
    ("md", """# SPARQL cookbook

Each canned query in `graph/queries/` with what it answers, then a few questions written by hand.
Relations are plain triples (`?a dg:owns ?b`); each also has a `dg:RelationStatement` that
carries its confidence, modality, title and evidence; quotes are `dg:Statement` events."""),
    ("code", """from pathlib import Path

from diplograph.knowledge import KnowledgeGraph
from graph.query import canned_queries

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
SEED = ROOT.parent / "shared" / "corpus" / "seed"
inputs = [ROOT / "examples" / "articles"] + ([SEED] if SEED.is_dir() else [])
kg = KnowledgeGraph.from_articles(inputs)
sorted(canned_queries())"""),
    ("md", "## who-met-whom\nEvery pair that held a meeting, talks or a summit, once per pair and article (`met` is symmetric, so the query looks both ways)."),
    ("code", """kg.query("who-met-whom")"""),
    ("md", "## who-owns-what\nOwnership, direct or through a chain (`dg:owns+`); `direct` says whether the article states it outright."),
    ("code", """kg.query("who-owns-what")"""),
    ("md", "## who-said-what\nEvery attributed direct quotation with its speaker and article."),
    ("code", """kg.query("who-said-what")"""),
    ("md", "## people-and-posts\nWho works for which organisation or country, with the title as the article writes it."),
    ("code", """kg.query("people-and-posts")"""),
    ("md", "## all-relations\nEvery relation with its confidence and evidence sentence, most confident first."),
    ("code", """kg.query("all-relations").head(10)"""),
    ("md", "## By hand: planned deals\nModality separates what happened from what is planned."),
    ("code", """kg.query(\"\"\"
SELECT ?subject ?relation ?object ?modality WHERE {
  ?st a dg:RelationStatement ; dg:modality ?modality ; rdf:subject/rdfs:label ?subject ;
      rdf:predicate ?p ; rdf:object/rdfs:label ?object .
  FILTER (?modality != "actual")
  BIND (STRAFTER(STR(?p), "#") AS ?relation)
}\"\"\")"""),
    ("md", "## By hand: which article says so?\nNamed graphs: one per article."),
    ("code", """kg.query(\"\"\"
SELECT ?article (COUNT(*) AS ?relations) WHERE {
  GRAPH ?g { ?st a dg:RelationStatement ; dg:evidence/nif:referenceContext ?doc . }
  ?doc dcterms:identifier ?article .
} GROUP BY ?article ORDER BY DESC(?relations)
\"\"\")"""),
    ("md", "## By hand: events with money\nAmounts are normalised to a value and an ISO 4217 currency."),
    ("code", """kg.query(\"\"\"
SELECT ?type ?value ?unit ?text WHERE {
  ?e dg:amount ?a . ?a dg:value ?value ; dg:unit ?unit ; rdfs:label ?text .
  ?e a ?t . BIND (STRAFTER(STR(?t), "#") AS ?type)
} ORDER BY DESC(?value)
\"\"\")"""),
]


def main() -> None:
    folder = Path(__file__).resolve().parents[1] / "notebooks"
    folder.mkdir(exist_ok=True)
    for name, cells in NOTEBOOKS.items():
        nb = new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.cells = [new_markdown_cell(src) if kind == "md" else new_code_cell(src) for kind, src in cells]
        nbformat.write(nb, folder / f"{name}.ipynb")
        print(f"wrote notebooks/{name}.ipynb")


if __name__ == "__main__":
    main()
