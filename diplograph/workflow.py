"""The main job as library functions: inputs -> records -> graph files.

The CLI commands are thin wrappers over these. Inputs are read and checked in full before
anything is extracted or written, so bad input never leaves a half-written output.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from diplograph.config import Settings
from diplograph.errors import InputError
from extract.contract import Document
from extract.reader import Article
from extract.sources import DEFAULT_FIELDS, Fields, Skipped, iter_sources, read_corpus_document

__all__ = ["BuildResult", "Inputs", "read_inputs", "extract_all", "build_graph_files", "write_records"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    documents: list[Document]
    dataset: Any  # rdflib.Dataset
    paths: list[Path]


@dataclass(frozen=True)
class Inputs:
    """What the inputs held: articles to extract, records already extracted, and the articles
    of a corpus that could not be used (each named, with why)."""

    articles: list[Article]
    records: list[Document]
    skipped: list[Skipped]

    def summary(self) -> str:
        """One line: how many articles and records were read and how many were skipped, by kind."""
        line = f"read {len(self.articles)} article(s)"
        if self.records:
            line += f" and {len(self.records)} record(s)"
        if self.skipped:
            kinds = Counter(s.kind for s in self.skipped)
            line += f"; skipped {len(self.skipped)} ({', '.join(f'{n} {k}' for k, n in kinds.most_common())})"
        return line


def read_inputs(inputs: Sequence[Path], fields: Fields = DEFAULT_FIELDS, strict: bool = False) -> Inputs:
    """Articles (``.txt``, ``.html``, JSON Lines of articles, folders of them) and records
    (JSON Lines from ``diplograph extract``) named by ``inputs``, all read and checked.

    An unusable article of a corpus is logged and listed in ``skipped`` (with ``strict`` it
    is an error); a bad file named on its own, a malformed line, or inputs that hold nothing
    usable raise :class:`InputError`.
    """
    from graph.io import read_records

    if not inputs:
        raise InputError("no input given; name .txt/.html articles, .jsonl files of articles or records, or folders")
    articles: list[Article] = []
    records: list[Document] = []
    skipped: list[Skipped] = []
    for kind, item in iter_sources(inputs, fields=fields, strict=strict):
        if kind == "article":
            articles.append(item)
        elif kind == "records":
            records.extend(read_records(item))
        else:
            log.warning("skipped %s", item.message)
            skipped.append(item)
    ids = [a.id for a in articles] + [d.id for d in records]
    dupes = sorted(i for i, n in Counter(ids).items() if n > 1)
    if dupes:
        raise InputError(f"{dupes[0]}: the same article id appears twice in the inputs; give each article once")
    if not articles and not records:
        names = ", ".join(str(p) for p in inputs)
        raise InputError(f"{names}: no usable article or record was read ({len(skipped)} skipped)")
    return Inputs(articles, records, skipped)


def extract_all(
    articles: Iterable[Article], settings: Settings, progress: Callable[[Document], None] | None = None
) -> list[Document]:
    """Extract every article with the configured pipeline (``nlp.pipe`` in batches)."""
    from extract.pipeline import extract_documents

    docs = []
    for doc in extract_documents(
        articles,
        model=settings.model,
        extractor=settings.extractor,
        batch_size=settings.batch_size,
        min_quote_words=settings.min_quote_words,
        processes=settings.processes,
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
    """Build the dataset and write ``OUT/graph.<fmt>`` for each format, all or nothing, then
    the Oxigraph store ``OUT/store`` (swapped in when complete) that ``query`` answers from."""
    from graph.build import build_dataset
    from graph.io import write_outputs
    from graph.store import write_store

    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: exists and is not a folder; -o names the output folder")
    ds = build_dataset(documents, min_confidence=settings.min_confidence)
    nquads = ds.serialize(format="nquads", encoding="utf-8")
    paths = write_outputs(ds, out_dir, formats)
    paths.append(write_store(nquads, out_dir))
    return BuildResult(documents, ds, paths)


def evaluate(
    gold_inputs: Sequence[Path],
    corpus: Path,
    settings: Settings,
    min_confidence: float = 0.0,
    progress: Callable[[Document], None] | None = None,
) -> Any:
    """Extract the articles the gold files name (relative to ``corpus``) and score them.

    Returns :class:`extract.gold.Scores`.
    """
    from extract.gold import load_gold_files, score

    golds = load_gold_files(gold_inputs)
    if not corpus.is_dir():
        raise InputError(f"{corpus}: no such corpus folder; --corpus names the folder the gold 'doc' paths start from")
    articles = [read_corpus_document(corpus, g.doc) for g in golds]
    documents = extract_all(articles, settings, progress=progress)
    return score(documents, golds, min_confidence=min_confidence)


def format_scores(result: dict[str, Any]) -> str:
    """The evaluation as a text table: one row per relation, micro total, quotes, bands."""
    lines = [f"{'relation':<12} {'gold':>5} {'pred':>5} {'tp':>4} {'P':>6} {'R':>6} {'F1':>6}"]
    for rel, c in result["relations"].items():
        gold, pred = c.get("tp", 0) + c.get("fn", 0), c.get("tp", 0) + c.get("fp", 0)
        lines.append(
            f"{rel:<12} {gold:>5} {pred:>5} {c.get('tp', 0):>4} {c['precision']:>6.2f} {c['recall']:>6.2f} "
            f"{c['f1']:>6.2f}"
        )
    m = result["micro"]
    gold, pred = m.get("tp", 0) + m.get("fn", 0), m.get("tp", 0) + m.get("fp", 0)
    lines.append("-" * 50)
    lines.append(
        f"{'micro':<12} {gold:>5} {pred:>5} {m.get('tp', 0):>4} {m['precision']:>6.2f} {m['recall']:>6.2f} "
        f"{m['f1']:>6.2f}"
    )
    q = result["quotes"]
    lines.append(f"\nquote attribution: {q['correct']}/{q['gold']} = {q['attribution']:.2f}")
    lines.append("\nprecision by confidence band:")
    for band, b in result["confidence_bands"].items():
        precision = "-" if b["precision"] is None else f"{b['precision']:.2f}"
        lines.append(f"  {band}: {b['correct']:>3}/{b['predicted']:<3} correct, precision {precision}")
    return "\n".join(lines)
