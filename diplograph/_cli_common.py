"""The ``diplograph`` command group and what its commands share: options, settings, progress bars."""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from base.settings import Settings
    from diplograph.workflow import Inputs
    from extract.contract import Document
    from extract.reader import Article

from base.errors import DiplographError
from diplograph import __version__

__all__ = [
    "EXIT_BAD_INPUT",
    "cli",
    "config_option",
    "extract_with_bar",
    "field_option",
    "load_options",
    "model_option",
    "processes_option",
    "read_inputs_warning",
    "strict_option",
    "word_bar",
]

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


def load_options(config: Path | None, **overrides: object) -> Settings:
    """The settings of ``--config`` (or the defaults), with every option given on the command line."""
    from base.settings import load_settings

    return load_settings(config).override(**overrides)


@contextlib.contextmanager
def word_bar(articles: Sequence[Article]) -> Iterator[Callable[[Document], None]]:
    """A progress bar of articles extracted, with words/s and the ETA; yields its callback.
    (tqdm hides itself when stderr is not a terminal.)"""
    from tqdm import tqdm

    words = {a.id: len(a.text.split()) for a in articles}
    with tqdm(
        total=len(articles), desc="extracting", unit="article", file=sys.stderr, disable=None, leave=False
    ) as bar:
        start, done = time.monotonic(), [0]

        def update(doc: Document) -> None:
            done[0] += words.get(doc.id, 0)
            bar.set_postfix_str(f"{done[0] / max(time.monotonic() - start, 1e-6):,.0f} words/s", refresh=False)
            bar.update(1)

        yield update


def extract_with_bar(articles: Sequence[Article], settings: Settings) -> list[Document]:
    """Extract ``articles`` as a list, drawing :func:`word_bar`."""
    from diplograph.workflow import extract_all

    if not articles:
        return []
    with word_bar(articles) as update:
        return extract_all(articles, settings, progress=update)


model_option = click.option("--model", help="spaCy pipeline: an installed package name or a folder.")
processes_option = click.option(
    "--processes", type=click.IntRange(min=1), help="Worker processes for extraction (default 1)."
)
strict_option = click.option(
    "--strict", is_flag=True, help="Fail on any article of a corpus that cannot be used, instead of skipping it."
)
field_option = click.option(
    "--field",
    "field_map",
    multiple=True,
    metavar="NAME=KEY",
    help="Field of a JSON Lines file of articles: id, title, date or text (e.g. --field text=body).",
)


def read_inputs_warning(inputs: tuple[Path, ...], field_map: tuple[str, ...], strict: bool) -> Inputs:
    """Read the inputs, warning on stderr (one line each) about the articles skipped."""
    from diplograph.workflow import read_inputs
    from extract.sources import Fields

    read = read_inputs(list(inputs), fields=Fields.parse(field_map), strict=strict)
    for skipped in read.skipped:
        click.echo(f"warning: skipped {skipped.message}", err=True)
    return read


config_option = click.option("--config", type=click.Path(path_type=Path), help="TOML settings file.")
