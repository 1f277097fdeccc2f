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

import pandas as pd

from extract.pipeline import extract_documents
from extract.reader import read_articles
from graph.build import build_dataset

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
articles = list(read_articles([ROOT / "examples" / "articles"]))
documents = list(extract_documents(articles))
dataset = build_dataset(documents)
print(f"{len(documents)} articles, {len(dataset)} quads")"""),
    ("md", "## Entities\nEach article's mentions are merged into canonical entities (\"Ma\" is Jack Ma, \"US\" and \"America\" are the United States)."),
    ("code", """entities = pd.DataFrame(
    [{"article": d.id, "entity": e.name, "type": e.type, "also written": ", ".join(e.surface_forms), "mentions": len(e.mentions)}
     for d in documents for e in d.entities]
)
entities.head(20)"""),
    ("md", "## Relations\nEvery fact carries its confidence, the rule that found it, and the sentence it comes from."),
    ("code", """relations = pd.DataFrame(
    [{"subject": d.entity(r.subject).name, "relation": r.predicate, "object": d.entity(r.object).name,
      "title": r.title, "confidence": r.confidence, "rule": r.provenance.extractor, "evidence": r.provenance.evidence}
     for d in documents for r in d.relations]
)
relations.sort_values("confidence", ascending=False).head(30)"""),
    ("md", "## Asking the graph in SPARQL\nThe canned queries live in `graph/queries/`; any SPARQL works, with the `dg:` prefix predeclared."),
    ("code", """from graph.query import canned_queries, run_query


def sparql(text):
    result = run_query(dataset, text)
    return pd.DataFrame(result.rows, columns=result.columns)


sparql(canned_queries()["who-met-whom"])"""),
    ("code", """sparql(canned_queries()["who-said-what"])"""),
    ("code", """sparql(\"\"\"
SELECT ?company ?home WHERE {
  ?c dg:basedIn ?h . ?c rdfs:label ?company . ?h rdfs:label ?home .
} ORDER BY ?company
\"\"\")"""),
    ("md", "## Drawing it\nColour by entity type, size by number of relations, every edge labelled."),
    ("code", """from graph.draw import draw_network
from graph.network import to_networkx

figure = draw_network(to_networkx(dataset), title="Example articles")
figure"""),
    ("md", "## Saving\n`graph.ttl` holds every triple; `graph.trig` keeps one named graph per article."),
    ("code", """import tempfile

from graph.io import write_outputs

out = Path(tempfile.mkdtemp())
[p.name for p in write_outputs(dataset, out)]"""),
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
