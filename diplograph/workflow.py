"""The main job as library functions: inputs -> records -> the store of a build folder.

The CLI commands are thin wrappers over these. Inputs are read and checked in full before
the store is opened, so bad input changes nothing; the store changes only in transactions.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from base.errors import InputError
from base.settings import Settings
from extract.contract import Document, document_to_json
from extract.reader import Article
from extract.sources import DEFAULT_FIELDS, Fields, Skipped, iter_sources, read_corpus_document

if TYPE_CHECKING:
    from scoring.gold import Scores

__all__ = [
    "BuildReport",
    "Inputs",
    "read_inputs",
    "extract_iter",
    "extract_all",
    "build_store",
    "remove_articles",
    "stored_records",
    "extractor_key",
    "write_records",
]

log = logging.getLogger(__name__)

#: A build writes the graphs of the records it has stored once at least this many (or a
#: quarter of the corpus so far) wait, instead of all at the end.
REFRESH_EVERY = 1024


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


def extract_iter(articles: Iterable[Article], settings: Settings) -> Iterator[Document]:
    """Extract articles with the configured pipeline (``nlp.pipe`` in batches, ``settings.processes``
    workers), one document at a time, in input order."""
    from extract.pipeline import extract_documents

    return extract_documents(
        articles,
        model=settings.model,
        extractor=settings.extractor,
        batch_size=settings.batch_size,
        min_quote_words=settings.min_quote_words,
        processes=settings.processes,
    )


def extract_all(
    articles: Iterable[Article], settings: Settings, progress: Callable[[Document], None] | None = None
) -> list[Document]:
    """Extract every article with the configured pipeline, as a list."""
    docs = []
    for doc in extract_iter(articles, settings):
        docs.append(doc)
        if progress is not None:
            progress(doc)
    return docs


def write_records(documents: Iterable[Document], target: Path) -> None:
    """Write documents as JSON Lines, atomically."""
    from base.atomic import atomic_writes
    from extract.contract import document_to_json

    with atomic_writes(target) as (tmp,), tmp.open("w", encoding="utf-8") as fh:
        for doc in documents:
            fh.write(document_to_json(doc) + "\n")


def extractor_key(settings: Settings) -> str:
    """What an article's record depends on besides its content: the extractor, its version,
    the pipeline and the quote floor. A changed key means the article is extracted again."""
    from extract.pipeline import EXTRACTOR_VERSION

    model = settings.model or "default"
    return f"{settings.extractor} {EXTRACTOR_VERSION} model={model} quotes={settings.min_quote_words}"


def article_hash(article: Article) -> str:
    """The content hash of an article (id, title, date, source, text)."""
    from graph.manifest import content_hash

    return content_hash(article.id, article.title, article.date, article.source, article.text)


@dataclass(frozen=True)
class BuildReport:
    """What a build into a store did."""

    out_dir: Path
    extracted: int
    unchanged: int
    records: int
    written: int
    dropped: int
    articles: int
    paths: list[Path]

    def summary(self) -> str:
        """One line: what was extracted, what was skipped as unchanged, what the store holds."""
        done = f"extracted {self.extracted} article(s)"
        if self.records:
            done += f", took {self.records} record(s)"
        return (
            f"{done}, {self.unchanged} unchanged; wrote {self.written} article graph(s)"
            + (f", dropped {self.dropped}" if self.dropped else "")
            + f"; the store holds {self.articles} article(s)"
        )


def build_store(
    inputs: Inputs,
    out_dir: Path,
    settings: Settings,
    *,
    formats: Sequence[str] = (),
    progress: Callable[[Document], None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> BuildReport:
    """Build ``inputs`` into the store of ``out_dir`` (:mod:`graph.corpus`), incrementally.

    Articles whose content and extractor are unchanged since they were stored are not
    extracted again; new and changed ones are extracted in a stream (``settings.processes``
    workers, or a Dask cluster with ``engine="dask"``) and committed in batches, so memory
    holds a batch, not the corpus. Their graphs are written as they come, every
    :data:`REFRESH_EVERY` records or a quarter of the corpus (while the workers go on), with
    the identities known so far; a closing refresh rewrites every article graph whose
    corpus-level identity changed since, so the store ends as if written once at the end.
    ``formats`` (``ttl``, ``trig``, ``nq``, ``jsonld``) are also written as
    ``OUT/graph.<fmt>``, from the store.
    """
    from graph.corpus import STORE_DIR, Corpus
    from graph.io import open_store_dataset, write_outputs
    from graph.manifest import MANIFEST_FILE, content_hash

    key = extractor_key(settings)
    with Corpus.open(out_dir) as corpus:
        entries = corpus.entries()
        todo: list[tuple[Article, str]] = []
        for article in inputs.articles:
            digest_ = article_hash(article)
            entry = entries.get(article.id)
            if entry is None or (entry.content_hash, entry.extractor) != (digest_, key):
                todo.append((article, digest_))
        given = []
        for doc in inputs.records:
            digest_ = content_hash(document_to_json(doc))
            entry = entries.get(doc.id)
            if entry is None or (entry.content_hash, entry.extractor) != (digest_, "records"):
                given.append((doc, digest_, "records"))
        corpus.add_records(given)
        hashes = dict((a.id, h) for a, h in todo)
        stream = _extract_stream([a for a, _ in todo], settings, engine, scheduler)
        pending, stored, dropped = 0, len(entries) + len(given), 0
        for batch in _batched(stream, max(settings.batch_size, 1)):  # one transaction a batch
            corpus.add_records((doc, hashes[doc.id], key) for doc in batch)
            if progress is not None:
                for doc in batch:
                    progress(doc)
            pending += len(batch)
            # Graphs are written as the records come (the workers go on extracting meanwhile),
            # not all at the end; each refresh works over the whole corpus, so they grow apart.
            if pending >= max(REFRESH_EVERY, stored // 4):
                dropped += corpus.refresh(settings.min_confidence).dropped
                stored, pending = stored + pending, 0
        report = corpus.refresh(settings.min_confidence)
        written = len(corpus.written)
    paths = [out_dir / STORE_DIR, out_dir / MANIFEST_FILE]
    if formats:
        paths += write_outputs(open_store_dataset(out_dir / STORE_DIR), out_dir, formats)
    unchanged = len(inputs.articles) - len(todo) + len(inputs.records) - len(given)
    return BuildReport(
        out_dir, len(todo), unchanged, len(given), written, dropped + report.dropped, report.articles, paths
    )


def remove_articles(out_dir: Path, ids: Sequence[str], settings: Settings) -> tuple[list[str], BuildReport]:
    """Drop the articles ``ids`` from the store of ``out_dir`` (and rewrite the graphs whose
    corpus-level identity that changes). Returns the ids that were not there, and the report."""
    from graph.corpus import STORE_DIR, Corpus, store_path
    from graph.manifest import MANIFEST_FILE

    if store_path(out_dir) is None:
        raise InputError(f"{out_dir}: no store here (OUT/store); name a folder written by 'diplograph build -o'")
    with Corpus.open(out_dir) as corpus:
        unknown = corpus.remove(ids)
        report = corpus.refresh(settings.min_confidence)
    paths = [out_dir / STORE_DIR, out_dir / MANIFEST_FILE]
    return unknown, BuildReport(out_dir, 0, 0, 0, report.written, report.dropped, report.articles, paths)


def stored_records(out_dir: Path, ids: Iterable[str] | None = None) -> Iterator[Document]:
    """The records of a build's articles (``ids``, or all), as stored in its manifest."""
    from graph.manifest import MANIFEST_FILE, Manifest

    manifest = Manifest(out_dir / MANIFEST_FILE)
    try:
        yield from manifest.records(ids)
    finally:
        manifest.close()


def _extract_stream(
    articles: list[Article], settings: Settings, engine: str, scheduler: str | None
) -> Iterator[Document]:
    if not articles:
        return iter(())
    if engine == "dask":
        from extract.distributed import extract_with_dask

        return extract_with_dask(
            articles,
            scheduler=scheduler,
            workers=settings.processes,
            model=settings.model,
            extractor=settings.extractor,
            batch_size=settings.batch_size,
            min_quote_words=settings.min_quote_words,
        )
    if engine != "local":
        raise InputError(f"unknown engine {engine!r}; accepted: local, dask")
    return extract_iter(articles, settings)


def _batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def evaluate(
    gold_inputs: Sequence[Path],
    corpus: Path,
    settings: Settings,
    min_confidence: float = 0.0,
    progress: Callable[[Document], None] | None = None,
) -> Scores:
    """Extract the articles the gold files name (relative to ``corpus``) and score them."""
    from scoring.gold import load_gold_files, score

    golds = load_gold_files(gold_inputs)
    if not corpus.is_dir():
        raise InputError(f"{corpus}: no such corpus folder; --corpus names the folder the gold 'doc' paths start from")
    articles = [read_corpus_document(corpus, g.doc) for g in golds]
    documents = extract_all(articles, settings, progress=progress)
    return score(documents, golds, min_confidence=min_confidence)
