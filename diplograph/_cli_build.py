"""``diplograph build``, ``remove`` and ``extract``: articles into records and stores."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from diplograph._cli_common import (
    cli,
    config_option,
    extract_with_bar,
    field_option,
    load_options,
    model_option,
    processes_option,
    read_inputs_warning,
    strict_option,
    word_bar,
)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(path_type=Path), help="Output folder.")
@model_option
@config_option
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
@strict_option
@field_option
@processes_option
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
    settings = load_options(config, model=model, min_confidence=min_confidence, processes=processes)
    read = read_inputs_warning(inputs, field_map, strict)
    with word_bar(read.articles) as progress:
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
@config_option
def remove(out_dir: Path, ids: tuple[str, ...], config: Path | None) -> None:
    """Drop articles (by id, as the build named them) from a build's store.

    \b
    Example:
      diplograph remove out alibaba-trump-jobs.txt
    """
    from base.errors import InputError
    from diplograph.workflow import remove_articles

    unknown, report = remove_articles(out_dir, list(ids), load_options(config))
    if unknown and len(unknown) == len(ids):
        raise InputError(f"{out_dir}: no article {unknown[0]!r} in the store; nothing removed")
    for i in unknown:
        click.echo(f"warning: no article {i!r} in the store", err=True)
    click.echo(
        f"removed {report.dropped} article(s); rewrote {report.written} article graph(s) whose identities changed; "
        f"the store holds {report.articles} article(s)"
    )


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
@model_option
@config_option
@strict_option
@field_option
@processes_option
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

    settings = load_options(config, model=model, processes=processes)
    read = read_inputs_warning(inputs, field_map, strict)
    click.echo(read.summary(), err=True)
    documents = read.records + extract_with_bar(read.articles, settings)
    if str(out_file) == "-":
        for doc in documents:
            click.echo(document_to_json(doc))
    else:
        write_records(documents, out_file)
        click.echo(f"wrote {len(documents)} records to {out_file}", err=True)
