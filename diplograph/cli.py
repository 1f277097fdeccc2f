"""The ``diplograph`` command: thin wrappers over the library, one example in each help.

Heavy libraries (spaCy, matplotlib, rdflib) are imported inside the commands, so that
``diplograph --help`` is instant.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from base.errors import DiplographError
from diplograph import __version__
from graph.kinds import EXPORT_FORMATS, FIGURE_KINDS

__all__ = ["main", "cli"]

EXIT_BAD_INPUT = 2


class _Group(click.Group):
    """Turns every :class:`DiplographError` into one line on stderr and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DiplographError as exc:
            click.echo(f"diplograph: error: {exc}", err=True)
            ctx.exit(EXIT_BAD_INPUT)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="diplograph")
@click.option("-v", "--verbose", count=True, help="Log progress (-v) or details (-vv) to stderr.")
def cli(verbose: int) -> None:
    """Build knowledge graphs of business-diplomacy relations from news articles.

    \b
    Example:
      diplograph build examples/articles -o out
      diplograph query out who-met-whom
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _settings(config: Path | None, **overrides: Any) -> Any:
    from base.settings import load_settings

    return load_settings(config).override(**overrides)


def _progress(total: int, desc: str) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="article", file=sys.stderr, disable=None, leave=False)


@contextlib.contextmanager
def _word_bar(articles: list[Any]) -> Iterator[Callable[[Any], None]]:
    """A progress bar of articles extracted, with words/s and the ETA; yields its callback."""
    from tqdm import tqdm

    words = {a.id: len(a.text.split()) for a in articles}
    with tqdm(
        total=len(articles), desc="extracting", unit="article", file=sys.stderr, disable=None, leave=False
    ) as bar:
        start, done = time.monotonic(), [0]

        def update(doc: Any) -> None:
            done[0] += words.get(doc.id, 0)
            bar.set_postfix_str(f"{done[0] / max(time.monotonic() - start, 1e-6):,.0f} words/s", refresh=False)
            bar.update(1)

        yield update


def _extract_with_bar(articles: list[Any], settings: Any) -> list[Any]:
    from diplograph.workflow import extract_all

    if not articles:
        return []
    with _progress(len(articles), "extracting") as bar:
        return extract_all(articles, settings, progress=lambda _doc: bar.update(1))


_model_option = click.option("--model", help="spaCy pipeline: an installed package name or a folder.")
_processes_option = click.option(
    "--processes", type=click.IntRange(min=1), help="Worker processes for extraction (default 1)."
)
_strict_option = click.option(
    "--strict", is_flag=True, help="Fail on any article of a corpus that cannot be used, instead of skipping it."
)
_field_option = click.option(
    "--field",
    "field_map",
    multiple=True,
    metavar="NAME=KEY",
    help="Field of a JSON Lines file of articles: id, title, date or text (e.g. --field text=body).",
)


def _read(inputs: tuple[Path, ...], field_map: tuple[str, ...], strict: bool) -> Any:
    """Read the inputs, warning on stderr (one line each) about the articles skipped."""
    from diplograph.workflow import read_inputs
    from extract.sources import Fields

    read = read_inputs(list(inputs), fields=Fields.parse(field_map), strict=strict)
    for skipped in read.skipped:
        click.echo(f"warning: skipped {skipped.message}", err=True)
    return read


_config_option = click.option("--config", type=click.Path(path_type=Path), help="TOML settings file.")


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(path_type=Path), help="Output folder.")
@_model_option
@_config_option
@click.option("--min-confidence", type=click.FloatRange(0, 1), help="Leave out facts less confident than this.")
@click.option(
    "--format",
    "formats",
    default="",
    help="Also write OUT/graph.<fmt> for these comma-separated formats: ttl, trig, nq, jsonld.",
)
@click.option("--records", type=click.Path(path_type=Path), help="Also write the inputs' records (JSONL).")
@click.option("--validate/--no-validate", default=False, help="Check the graph against the SHACL shapes.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where extraction runs: local processes, or a Dask cluster.",
)
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler to join (default: a local cluster).")
@_strict_option
@_field_option
@_processes_option
def build(
    inputs: tuple[Path, ...],
    out_dir: Path,
    model: str | None,
    config: Path | None,
    min_confidence: float | None,
    formats: str,
    records: Path | None,
    validate: bool,
    engine: str,
    scheduler: str | None,
    strict: bool,
    field_map: tuple[str, ...],
    processes: int | None,
) -> None:
    """Build articles (.txt, .html, JSON Lines of articles, folders) or records into OUT's store.

    OUT/store is an Oxigraph store, one named graph per article, that every reading command
    takes as OUT. Building into an existing OUT adds new articles, replaces changed ones and
    skips unchanged ones (content hash and extractor version); 'diplograph remove' drops
    articles. In a corpus, an article that cannot be used is skipped with a warning and counted.

    \b
    Example:
      diplograph build examples/articles -o out --format ttl,trig
      diplograph build ../shared/corpus/reuters21578.jsonl -o out --processes 2
      diplograph build corpus/ -o out --engine dask --scheduler tcp://10.0.0.5:8786
      diplograph build stories.jsonl -o out --field text=body --field id=story_id
      diplograph build records.jsonl -o out --min-confidence 0.7
    """
    from base.errors import InputError
    from diplograph.workflow import build_store, stored_records, write_records

    fmts = [f.strip().lstrip(".") for f in formats.split(",") if f.strip()]
    bad = [f for f in fmts if f not in ("ttl", "trig", "nq", "jsonld")]
    if bad:
        raise InputError(f"unknown graph format {bad[0]!r}; accepted: ttl, trig, nq, jsonld")
    settings = _settings(config, model=model, min_confidence=min_confidence, processes=processes)
    read = _read(inputs, field_map, strict)
    with _word_bar(read.articles) as progress:
        report = build_store(
            read, out_dir, settings, formats=fmts, progress=progress, engine=engine, scheduler=scheduler
        )
    if records is not None:
        ids = [a.id for a in read.articles] + [d.id for d in read.records]
        write_records(stored_records(out_dir, ids), records)
    from graph.io import load_graph
    from graph.stats import format_stats, graph_stats

    click.echo(read.summary())
    click.echo(report.summary())
    click.echo(f"wrote {', '.join(str(p) for p in report.paths)}")
    dataset = load_graph(out_dir)
    click.echo(format_stats(graph_stats(dataset)))
    if validate:
        from graph.validate import validate as run_validation

        result = run_validation(dataset)
        click.echo("conforms to the SHACL shapes" if result.conforms else result.text)
        if not result.conforms:
            sys.exit(1)


@cli.command()
@click.argument("out_dir", type=click.Path(path_type=Path))
@click.argument("ids", nargs=-1, required=True)
@_config_option
def remove(out_dir: Path, ids: tuple[str, ...], config: Path | None) -> None:
    """Drop articles (by id, as the build named them) from a build's store.

    \b
    Example:
      diplograph remove out alibaba-trump-jobs.txt
    """
    from base.errors import InputError
    from diplograph.workflow import remove_articles

    unknown, report = remove_articles(out_dir, list(ids), _settings(config))
    if unknown and len(unknown) == len(ids):
        raise InputError(f"{out_dir}: no article {unknown[0]!r} in the store; nothing removed")
    for i in unknown:
        click.echo(f"warning: no article {i!r} in the store", err=True)
    click.echo(report.summary())


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "out_file",
    required=True,
    type=click.Path(path_type=Path),
    help="JSON Lines file to write, or - for standard output.",
)
@_model_option
@_config_option
@_strict_option
@_field_option
@_processes_option
def extract(
    inputs: tuple[Path, ...],
    out_file: Path,
    model: str | None,
    config: Path | None,
    strict: bool,
    field_map: tuple[str, ...],
    processes: int | None,
) -> None:
    """Extract entity-relation records from articles, as JSON Lines (one article a line).

    \b
    Example:
      diplograph extract examples/articles -o records.jsonl
      diplograph build records.jsonl -o out
    """
    from diplograph.workflow import write_records
    from extract.contract import document_to_json

    settings = _settings(config, model=model, processes=processes)
    read = _read(inputs, field_map, strict)
    click.echo(read.summary(), err=True)
    documents = read.records + _extract_with_bar(read.articles, settings)
    if str(out_file) == "-":
        for doc in documents:
            click.echo(document_to_json(doc))
    else:
        write_records(documents, out_file)
        click.echo(f"wrote {len(documents)} records to {out_file}", err=True)


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


@cli.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--corpus", required=True, type=click.Path(path_type=Path), help="Folder the gold 'doc' paths start from."
)
@_model_option
@_config_option
@click.option("--extractor", default=None, help="Registered extractor (default hybrid.v1; also rules.v1, conll04.v1).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def eval_command(
    gold: tuple[Path, ...],
    corpus: Path,
    model: str | None,
    config: Path | None,
    extractor: str | None,
    min_confidence: float,
    as_json: bool,
) -> None:
    """Score extraction against gold relation files (GUIDELINES.md rules).

    Prints micro precision, recall and F1 with a per-relation table, quote attribution, and
    precision per confidence band.

    \b
    Example:
      diplograph eval ../shared/gold/dev --corpus ../shared/corpus
      diplograph eval ../shared/gold/dev/bbc-business-340.json --corpus ../shared/corpus --json
      diplograph eval gold/sealed --corpus ../shared/corpus --extractor rules.v1
    """
    import json

    from diplograph.workflow import evaluate
    from scoring.report import format_scores

    settings = _settings(config, model=model, extractor=extractor)
    result = evaluate(list(gold), corpus, settings, min_confidence=min_confidence).as_dict()
    click.echo(json.dumps(result, indent=1) if as_json else format_scores(result))


@cli.command("agree")
@click.argument("first", type=click.Path(path_type=Path))
@click.argument("second", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def agree_command(first: Path, second: Path, as_json: bool) -> None:
    """Inter-annotator agreement: score one set of gold files against another.

    FIRST and SECOND are folders (or files) annotating the same articles; SECOND is scored
    as if it were an extraction, by the rules of ``diplograph eval``.

    \b
    Example:
      diplograph agree gold/agreement/first gold/agreement/second
    """
    import json

    from scoring.gold import agreement, load_gold_files
    from scoring.report import format_scores

    result = agreement(load_gold_files([first]), load_gold_files([second])).as_dict()
    click.echo(json.dumps(result, indent=1) if as_json else format_scores(result))


@cli.command("eval-conll04")
@click.argument("file", type=click.Path(path_type=Path))
@_model_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--extractor", default="conll04.v1", show_default=True, help="Registered extractor: conll04.v1 or rules.v1."
)
def eval_conll04(file: Path, model: str | None, as_json: bool, extractor: str) -> None:
    """Strict micro F1 on CoNLL04 (SpERT JSON) over Work_For, OrgBased_In, Located_In, Live_In.

    \b
    Example:
      diplograph eval-conll04 ../shared/benchmarks/conll04/dev.json
    """
    import json

    from scoring.conll04 import evaluate_conll04, load_conll04
    from scoring.report import format_conll04

    result = evaluate_conll04(load_conll04(file), model=model, extractor_name=extractor)
    click.echo(json.dumps(result, indent=1) if as_json else format_conll04(result))


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


def main() -> None:
    cli(prog_name="diplograph")


if __name__ == "__main__":
    main()
