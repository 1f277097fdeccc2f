"""The reading commands: ``query``, ``validate``, ``draw``, ``html``, ``export``, ``stats``, ``serve``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from diplograph._cli_common import (
    cli,
)
from graph.kinds import EXPORT_FORMATS, FIGURE_KINDS


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option(
    "--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True, help="Seconds before a query stops."
)
def query(graph: Path, query: str, fmt: str, timeout: float) -> None:
    """Ask a graph a SPARQL question: inline text, a .rq file, or a canned query name.

    Answered by Oxigraph from the build's store (OUT/store), or from a graph file loaded into
    memory; the default graph is the union of the article graphs. Updates are refused.
    Canned queries: who-met-whom, who-owns-what, who-said-what, people-and-posts,
    all-relations. Prefixes dg, rdf, rdfs, skos, prov, dcterms, nif, xsd are predeclared.

    \b
    Example:
      diplograph query out who-met-whom
      diplograph query out/graph.ttl 'SELECT ?o WHERE { ?a dg:owns ?o }' --format csv
      diplograph query out all-relations --timeout 5
    """
    from graph.query import format_result, resolve_query
    from graph.store import run_sparql

    sparql = resolve_query(query)
    click.echo(format_result(run_sparql(graph, sparql, timeout=timeout), fmt))


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
def validate(graph: Path) -> None:
    """Check a graph against the SHACL shapes (exit 1 if it does not conform).

    \b
    Example:
      diplograph validate out/graph.ttl
    """
    from graph.io import load_graph
    from graph.validate import validate as run_validation

    report = run_validation(load_graph(graph))
    if report.conforms:
        click.echo(f"{graph}: conforms to the diplograph shapes")
    else:
        click.echo(report.text)
        click.echo(f"{graph}: {report.violations} violation(s)", err=True)
        sys.exit(1)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "-o", "--out", "out_file", required=True, type=click.Path(path_type=Path), help="Image file (.png, .svg, .pdf)."
)
@click.option("--kind", type=click.Choice(FIGURE_KINDS), default="graph", show_default=True)
@click.option("--entity", help="Centre of an ego network (--kind ego).")
@click.option("--depth", type=click.IntRange(1, 4), default=1, show_default=True, help="Ego network depth.")
@click.option("--source", help="First entity of a path (--kind path).")
@click.option("--target", help="Last entity of a path (--kind path).")
@click.option("--relations", help="Comma-separated relations to draw (--kind graph; default: all).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True)
@click.option("--title", help="Figure title.")
def draw(
    graph: Path,
    out_file: Path,
    kind: str,
    entity: str | None,
    depth: int,
    source: str | None,
    target: str | None,
    relations: str | None,
    min_confidence: float,
    title: str | None,
) -> None:
    """Draw a figure: the whole graph, an ego network, a path, a timeline or a country matrix.

    \b
    Example:
      diplograph draw out -o out/graph.png
      diplograph draw out -o ego.png --kind ego --entity "Jack Ma" --depth 2
      diplograph draw out -o path.png --kind path --source "Jack Ma" --target "South China Morning Post"
      diplograph draw out -o timeline.png --kind timeline
      diplograph draw out -o matrix.png --kind matrix
    """
    from base.errors import InputError
    from graph import figures
    from graph.draw import save_figure
    from graph.io import load_graph

    ds = load_graph(graph)
    try:
        if kind == "graph":
            rels = [r.strip() for r in relations.split(",")] if relations else None
            fig = figures.figure_graph(ds, relations=rels, min_confidence=min_confidence, title=title)
        elif kind == "ego":
            if not entity:
                raise InputError("--kind ego needs --entity NAME")
            fig = figures.figure_ego(ds, entity, depth, title=title)
        elif kind == "path":
            if not (source and target):
                raise InputError("--kind path needs --source NAME and --target NAME")
            fig = figures.figure_path(ds, source, target)
        elif kind == "timeline":
            fig = figures.figure_timeline(ds, title=title)
        else:
            fig = figures.figure_matrix(ds, title=title)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    save_figure(fig, out_file)
    click.echo(f"wrote {out_file}")


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_file", required=True, type=click.Path(path_type=Path), help="HTML file to write.")
@click.option("--title", default="diplograph", show_default=True, help="Page title.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True)
def html(graph: Path, out_file: Path, title: str, min_confidence: float) -> None:
    """Write one self-contained interactive page that works with no network.

    Nodes are coloured by type; click an edge for its evidence sentence and article; the
    search box finds an entity.

    \b
    Example:
      diplograph html out -o out/graph.html --title "Seed article"
    """
    from graph.html import write_page
    from graph.io import load_graph
    from graph.network import to_networkx

    G = to_networkx(load_graph(graph), min_confidence=min_confidence)
    write_page(G, out_file, title)
    click.echo(f"wrote {out_file} ({sum(1 for n in G if G.degree(n))} entities, {G.number_of_edges()} relations)")


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(EXPORT_FORMATS),
    help="jsonld (with a context), nquads/trig (named graphs), ttl, graphml/gexf (Gephi, Cytoscape).",
)
@click.option("-o", "--out", "out_file", required=True, type=click.Path(path_type=Path), help="File to write.")
def export(graph: Path, fmt: str, out_file: Path) -> None:
    """Export a graph to another format.

    \b
    Example:
      diplograph export out --format jsonld -o graph.jsonld
      diplograph export out --format gexf -o graph.gexf
    """
    from graph.export import export as run_export
    from graph.io import load_graph

    run_export(load_graph(graph), fmt, out_file)
    click.echo(f"wrote {out_file}")


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(graph: Path, as_json: bool) -> None:
    """Count articles, entities by type, relations, events and quotes.

    \b
    Example:
      diplograph stats out
    """
    import dataclasses
    import json

    from graph.io import load_graph
    from graph.stats import format_stats, graph_stats

    result = graph_stats(load_graph(graph))
    click.echo(json.dumps(dataclasses.asdict(result), indent=1) if as_json else format_stats(result))


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option("--writable", is_flag=True, help="Accept SPARQL updates at /update (read-only otherwise).")
@click.option(
    "--timeout", type=click.FloatRange(min=1), default=30.0, show_default=True, help="Seconds before a query stops."
)
def serve(graph: Path, port: int, writable: bool, timeout: float) -> None:
    """Serve a build's store as a SPARQL endpoint (the Oxigraph server), on 127.0.0.1.

    The default graph is the union of the article graphs. Stop it with Ctrl-C.

    \b
    Example:
      diplograph serve out --port 7878
      curl 'http://127.0.0.1:7878/query' --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 3'
    """
    import signal

    from graph.serve import endpoint, start_server, stop_server

    def stop(_signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        proc = start_server(graph, port=port, writable=writable, timeout=timeout)
    except KeyboardInterrupt:
        return
    try:
        click.echo(
            f"SPARQL endpoint {endpoint(port)} ({'writable' if writable else 'read-only'}); Ctrl-C stops it", err=True
        )
        proc.wait()
    except KeyboardInterrupt:
        pass
    finally:
        stop_server(proc)
