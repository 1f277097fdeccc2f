"""The build's manifest: what each article of a store was built from (SQLite, beside the store).

``OUT/manifest.sqlite`` keeps, for every article in ``OUT/store``, the hash of its content,
the extractor that read it, its extracted record, and the signature of the graph written for
it. It is what makes builds incremental: an article whose content hash and extractor are
unchanged is not extracted again, and an article graph whose signature is unchanged is not
written again. Every change is a SQLite transaction, so a build killed at any point leaves
the manifest as it was after its last commit.

The manifest and the store are two databases; they are kept consistent by the order of the
writes (see :mod:`graph.corpus`): a record is committed before its graph is written, and a
graph's signature only after the graph is committed, so a crash between the two means only
that a graph is written again.

>>> import tempfile, pathlib
>>> m = Manifest(pathlib.Path(tempfile.mkdtemp()) / "manifest.sqlite")
>>> m.entries()
{}
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from base.errors import GraphFileError
from extract.contract import Document, document_from_json, document_to_json

__all__ = ["MANIFEST_FILE", "Entry", "Manifest", "content_hash"]

#: The manifest's file inside a build output folder.
MANIFEST_FILE = "manifest.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    extractor TEXT NOT NULL,
    record TEXT NOT NULL,
    signature TEXT
)
"""


def content_hash(*parts: str | None) -> str:
    """A stable hash of an article's content (id, title, date, text...).

    >>> content_hash("a", "text") == content_hash("a", "text") != content_hash("a", "text!")
    True
    """
    return hashlib.sha256(json.dumps(list(parts), ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Entry:
    """What the manifest knows of one article."""

    content_hash: str
    extractor: str
    signature: str | None


class Manifest:
    """The SQLite manifest of one build output folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._db = sqlite3.connect(path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise GraphFileError(f"{path}: not a diplograph manifest ({exc})") from None

    def close(self) -> None:
        self._db.close()

    def entries(self) -> dict[str, Entry]:
        """Every article's entry, by article id."""
        rows = self._db.execute("SELECT id, content_hash, extractor, signature FROM articles")
        return {i: Entry(h, x, s) for i, h, x, s in rows}

    def put_records(self, items: Iterable[tuple[Document, str, str]]) -> None:
        """Store ``(record, content hash, extractor)`` for each article, in one transaction;
        an article's graph signature is cleared until its graph is written again."""
        rows = [(doc.id, h, x, document_to_json(doc)) for doc, h, x in items]
        with self._transaction():
            self._db.executemany(
                "INSERT INTO articles (id, content_hash, extractor, record, signature) VALUES (?, ?, ?, ?, NULL) "
                "ON CONFLICT(id) DO UPDATE SET content_hash=excluded.content_hash, "
                "extractor=excluded.extractor, record=excluded.record, signature=NULL",
                rows,
            )

    def set_signatures(self, signatures: Mapping[str, str]) -> None:
        """Record the signature of each article graph just written, in one transaction."""
        with self._transaction():
            self._db.executemany("UPDATE articles SET signature=? WHERE id=?", [(s, i) for i, s in signatures.items()])

    def remove(self, ids: Iterable[str]) -> None:
        """Forget the articles ``ids``, in one transaction."""
        with self._transaction():
            self._db.executemany("DELETE FROM articles WHERE id=?", [(i,) for i in ids])

    def records(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """The stored records, of ``ids`` or of every article (in id order), one at a time."""
        if ids is None:
            for (text,) in self._db.execute("SELECT record FROM articles ORDER BY id"):
                yield document_from_json(text)
            return
        for i in ids:
            row = self._db.execute("SELECT record FROM articles WHERE id=?", (i,)).fetchone()
            if row is not None:
                yield document_from_json(row[0])

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` on any exception."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *_: object) -> None:
        self.db.execute("ROLLBACK" if kind is not None else "COMMIT")
