"""A build output folder as a persistent, incremental corpus: ``OUT/store`` plus ``OUT/manifest.sqlite``.

``OUT/store`` is an `Oxigraph <https://pyoxigraph.readthedocs.io>`_ store (RocksDB on disk):
one named graph per article, and a default graph that holds their union, each triple once
(joins on labels would otherwise multiply by the number of articles that name an entity).
``OUT/manifest.sqlite`` (:mod:`graph.manifest`) holds each article's content hash, extractor
and record.

A build has two steps, and every write is a transaction:

1. :meth:`Corpus.add_records`: the records of new or changed articles go into the manifest.
2. :meth:`Corpus.refresh`: corpus-level identity (entity IRIs, one label per entity) is worked
   out from every record, and each article graph whose content differs from what the store
   holds (its *signature*: content, extractor, identities, confidence floor) is replaced, in
   one Oxigraph transaction per batch that also keeps the default graph the union. Orphan
   graphs (of articles the manifest no longer lists) are dropped.

A build may refresh as often as it likes (``diplograph build`` does every thousand records or so,
while its workers extract the next ones): the last refresh leaves the same graphs.

A build killed at any point leaves both databases as they were after their last commit: every
article graph is wholly in or wholly out, and running the build again redoes only what was
not committed. Because the graphs are always written from the stored records by the same
function, an incremental build equals a clean build of the same inputs.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Any

from rdflib import URIRef

from base.errors import GraphFileError, InputError
from extract.contract import Document
from graph.build import GRAPH_VERSION, article_ntriples, corpus_identities, corpus_labels, graph_iri
from graph.iri import BASE, digest
from graph.manifest import MANIFEST_FILE, Entry, Manifest

__all__ = ["STORE_DIR", "Corpus", "RefreshReport", "store_path"]

log = logging.getLogger(__name__)

#: The store's folder inside a build output folder.
STORE_DIR = "store"
#: Articles written to the store in one transaction.
BATCH = 64
#: Article graphs written between flushes of the store to disk.
FLUSH_EVERY = 1024
_GRAPHS = BASE + "graph/"


def store_path(path: Path) -> Path | None:
    """The Oxigraph store a reading command should use for ``path`` (a build folder or the
    store folder itself), if there is one."""
    if path.is_dir() and (path / STORE_DIR).is_dir():
        return path / STORE_DIR
    if path.is_dir() and path.name == STORE_DIR:
        return path
    return None


@dataclass(frozen=True)
class RefreshReport:
    """What :meth:`Corpus.refresh` changed: article graphs written and graphs dropped."""

    written: int
    dropped: int
    articles: int


class Corpus:
    """The store and manifest of one build output folder, open for writing.

    >>> with Corpus.open(Path("out")) as corpus:              # doctest: +SKIP
    ...     corpus.add_records([(doc, content_hash(doc.id, text), "hybrid.v1 0.2.0")])
    ...     corpus.refresh()
    """

    def __init__(self, out_dir: Path, store: Any, manifest: Manifest) -> None:
        self.out_dir = out_dir
        self.store = store
        self.manifest = manifest
        # The records' entities (all identity needs), read from the manifest once and kept in
        # step with it, so a build that refreshes as it goes does not parse every record each time.
        self._light: dict[str, Document] | None = None
        #: The articles whose graphs this session has written.
        self.written: set[str] = set()

    @classmethod
    def open(cls, out_dir: Path) -> Corpus:
        """Open (creating if need be) the store and manifest in ``out_dir``."""
        import pyoxigraph as ox

        if out_dir.exists() and not out_dir.is_dir():
            raise InputError(f"{out_dir}: exists and is not a folder; -o names the output folder")
        out_dir.mkdir(parents=True, exist_ok=True)
        try:
            store = ox.Store(str(out_dir / STORE_DIR))
        except OSError as exc:
            raise GraphFileError(
                f"{out_dir / STORE_DIR}: cannot open the store: {' '.join(str(exc).split())}"
            ) from None
        manifest = Manifest(out_dir / MANIFEST_FILE)
        return cls(out_dir, store, manifest)

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Flush and close both databases."""
        self.store.flush()
        self.manifest.close()
        del self.store

    # ------------------------------------------------------------------ step 1: records
    def entries(self) -> dict[str, Entry]:
        """What the manifest holds, by article id."""
        return self.manifest.entries()

    def add_records(self, items: Iterable[tuple[Document, str, str]]) -> None:
        """Commit ``(record, content hash, extractor)`` of new or changed articles, in one transaction."""
        items = list(items)
        self.manifest.put_records(items)
        if self._light is not None:
            self._light.update((doc.id, _light(doc)) for doc, _, _ in items)

    def remove(self, ids: Sequence[str]) -> list[str]:
        """Forget the articles ``ids`` (their graphs go at the next :meth:`refresh`); returns
        the ids that were not in the corpus."""
        known = self.manifest.entries()
        unknown = [i for i in ids if i not in known]
        self.manifest.remove([i for i in ids if i in known])
        if self._light is not None:
            for i in ids:
                self._light.pop(i, None)
        return unknown

    # ------------------------------------------------------------------ step 2: graphs
    def refresh(self, min_confidence: float = 0.0, progress: Callable[[int], None] | None = None) -> RefreshReport:
        """Bring every article graph in line with the manifest (see the module docstring)."""
        entries = self.manifest.entries()
        dropped = self._drop_orphans({str(graph_iri(i)) for i in entries})
        iris, labels = self._identities()
        by_doc: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for (doc_id, ent), iri in iris.items():
            by_doc[doc_id].append((ent, str(iri), labels.get(iri, "")))
        stale = {}
        for doc_id, entry in entries.items():
            signature = _signature(entry, by_doc[doc_id], min_confidence)
            if signature != entry.signature:
                stale[doc_id] = signature
        written = 0
        for batch in _chunks(sorted(stale), BATCH):
            docs = list(self.manifest.records(batch))
            self._replace_graphs(docs, labels, iris, min_confidence)
            self.manifest.set_signatures({d.id: stale[d.id] for d in docs})
            self.written.update(d.id for d in docs)
            written += len(docs)
            if written % FLUSH_EVERY < BATCH:
                # Oxigraph keeps what it writes in RocksDB's memory tables until flushed:
                # unflushed, a corpus of 19,000 articles holds about 1.3 GB there.
                self.store.flush()
            if progress is not None:
                progress(len(docs))
        log.info("refreshed %d article graph(s), dropped %d, of %d", written, dropped, len(entries))
        return RefreshReport(written, dropped, len(entries))

    def _identities(self) -> tuple[dict[tuple[str, str], URIRef], dict[URIRef, str]]:
        """Entity IRIs and labels over the whole corpus, from the records' entities only (so
        memory holds names, not every record's facts)."""
        if self._light is None:
            self._light = {d.id: _light(d) for d in self.manifest.records()}
        light = [self._light[i] for i in sorted(self._light)]
        iris = corpus_identities(light)
        return iris, corpus_labels(light, iris)

    def _drop_orphans(self, expected: set[str]) -> int:
        orphans = [
            g.value for g in self.store.named_graphs() if g.value.startswith(_GRAPHS) and g.value not in expected
        ]
        for chunk in _chunks(orphans, BATCH):
            self.store.update(" ;\n".join(_drop(g) for g in chunk))
        return len(orphans)

    def _replace_graphs(
        self,
        docs: list[Document],
        labels: dict[URIRef, str],
        iris: dict[tuple[str, str], URIRef],
        min_confidence: float,
    ) -> None:
        """One transaction: drop the old graphs of ``docs`` (and their triples from the
        default graph where no other graph holds them), insert the new ones and their triples.

        A batch of articles new to the store is one N-Quads load (Oxigraph's parser, no SPARQL);
        a batch that replaces graphs is one SPARQL update."""
        import pyoxigraph as ox

        parts = [(str(graph_iri(d.id)), article_ntriples(d, labels, iris, min_confidence)) for d in docs]
        if not any(self.store.contains_named_graph(ox.NamedNode(g)) for g, _ in parts):
            # Each N-Triples line ends " .": the same line with the graph name before the dot
            # is its N-Quads line; the line as it is goes into the default graph.
            quads = "".join(
                f"{line[:-1]}<{g}> .\n{line}\n" for g, body in parts for line in body.splitlines() if line
            )
            self.store.load(input=quads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
            return
        drops = [_drop(g) for g, _ in parts]
        inserts = "".join(f"GRAPH <{g}> {{\n{body}}}\n{body}" for g, body in parts)
        self.store.update(" ;\n".join([*drops, f"INSERT DATA {{\n{inserts}}}"]))


def _light(doc: Document) -> Document:
    """A record with its entities only."""
    return replace(doc, relations=(), events=(), quotes=())


def _drop(graph: str) -> str:
    """SPARQL update: take ``graph``'s triples out of the default graph unless another graph
    holds them, then drop ``graph``."""
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{graph}>) }} }} ;\n"
        f"DROP SILENT GRAPH <{graph}>"
    )


def _signature(entry: Entry, identities: list[tuple[str, str, str]], min_confidence: float) -> str:
    """What an article graph is written from: content, extractor, the corpus identity of its
    entities (local id, IRI, label), the confidence floor and the graph writer's version.
    Equal signatures mean equal graphs."""
    return digest(entry.content_hash, entry.extractor, min_confidence, sorted(identities), GRAPH_VERSION)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
