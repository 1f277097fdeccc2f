"""The scoring commands: ``eval``, ``agree`` and ``eval-conll04``."""

from __future__ import annotations

from pathlib import Path

import click

from diplograph._cli_common import (
    cli,
    config_option,
    load_options,
    model_option,
)


@cli.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--corpus", required=True, type=click.Path(path_type=Path), help="Folder the gold 'doc' paths start from."
)
@model_option
@config_option
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

    settings = load_options(config, model=model, extractor=extractor)
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
@model_option
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
