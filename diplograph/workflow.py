"""The main job as library functions: inputs -> records -> graph files.

The CLI commands are thin wrappers over these. Inputs are read and checked in full before
anything is extracted or written, so bad input never leaves a half-written output.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from diplograph.config import Settings
from diplograph.errors import InputError
from extract.contract import Document
from extract.reader import Article, collect_paths, read_article

__all__ = ["BuildResult", "read_inputs", "extract_all", "build_graph_files", "write_records"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    documents: list[Document]
    dataset: Any  # rdflib.Dataset
    paths: list[Path]


def read_inputs(inputs: Sequence[Path]) -> tuple[list[Article], list[Document]]:
    """Articles (``.txt`` files and folders of them) and records (``.jsonl`` files) named by
    ``inputs``, all read and checked; raises :class:`InputError` at the first bad one."""
    from graph.io import read_records

    if not inputs:
        raise InputError("no input given; name .txt articles, folders of them, or .jsonl records")
    articles: list[Article] = []
    records: list[Document] = []
    text_inputs: list[Path] = []
    for inp in inputs:
        if inp.suffix == ".jsonl" and not inp.is_dir():
            records.extend(read_records(inp))
        else:
            text_inputs.append(inp)
    for path, root in collect_paths(text_inputs):
        articles.append(read_article(path, root))
    ids = [a.id for a in articles] + [d.id for d in records]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise InputError(f"{dupes[0]}: the same article id appears twice in the inputs; give each article once")
    return articles, records


def extract_all(
    articles: Iterable[Article], settings: Settings, progress: Callable[[Document], None] | None = None
) -> list[Document]:
    """Extract every article with the configured pipeline (``nlp.pipe`` in batches)."""
    from extract.pipeline import extract_documents

    docs = []
    for doc in extract_documents(
        articles, model=settings.model, batch_size=settings.batch_size, min_quote_words=settings.min_quote_words
    ):
        docs.append(doc)
        if progress is not None:
            progress(doc)
    return docs


def write_records(documents: Iterable[Document], target: Path) -> None:
    """Write documents as JSON Lines, atomically."""
    from diplograph._atomic import atomic_writes
    from extract.contract import document_to_json

    with atomic_writes(target) as (tmp,), tmp.open("w", encoding="utf-8") as fh:
        for doc in documents:
            fh.write(document_to_json(doc) + "\n")


def build_graph_files(
    documents: list[Document], out_dir: Path, settings: Settings, formats: Sequence[str] = ("ttl", "trig")
) -> BuildResult:
    """Build the dataset and write ``OUT/graph.<fmt>`` for each format, all or nothing."""
    from graph.build import build_dataset
    from graph.io import write_outputs

    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: exists and is not a folder; -o names the output folder")
    ds = build_dataset(documents, min_confidence=settings.min_confidence)
    paths = write_outputs(ds, out_dir, formats)
    return BuildResult(documents, ds, paths)
