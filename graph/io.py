"""Reading and writing graph files; every write is atomic."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import Dataset

from diplograph._atomic import atomic_writes
from diplograph.errors import GraphFileError, InputError
from extract.contract import Document, document_from_json
from graph.build import bind_prefixes, union_graph

__all__ = ["FORMATS", "load_graph", "write_graph", "write_outputs", "read_records", "resolve_graph_path"]

log = logging.getLogger(__name__)

#: File suffix -> rdflib format name, for reading and writing.
FORMATS = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nq": "nquads",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
}
_QUAD_FORMATS = {"trig", "nquads", "json-ld"}


def resolve_graph_path(path: Path) -> Path:
    """A graph file, or the ``graph.trig``/``graph.ttl`` inside a ``build`` output folder."""
    if path.is_dir():
        for name in ("graph.trig", "graph.ttl"):
            if (path / name).is_file():
                return path / name
        raise GraphFileError(f"{path}: folder holds no graph.trig or graph.ttl; run 'diplograph build' first")
    if not path.is_file():
        raise GraphFileError(f"{path}: no such graph file")
    return path


def load_graph(path: Path) -> Dataset:
    """Load a graph file (Turtle, TriG, N-Quads, N-Triples, JSON-LD, RDF/XML) as a dataset.

    Named graphs are kept where the format has them; queries see their union.
    """
    path = resolve_graph_path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphFileError(f"{path}: unknown graph format {path.suffix!r}; accepted: {', '.join(sorted(FORMATS))}")
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    try:
        if fmt in _QUAD_FORMATS:
            ds.parse(path, format=fmt)
        else:
            ds.default_graph.parse(path, format=fmt)
    except UnicodeDecodeError as exc:
        raise GraphFileError(f"{path}: not UTF-8 text (byte offset {exc.start})") from None
    except Exception as exc:  # rdflib's parsers raise many types; all mean "not this format"
        message = " ".join(str(exc).split())[:300]
        raise GraphFileError(f"{path}: not valid {fmt}: {message}") from None
    return ds


def write_graph(ds: Dataset, target: Path, fmt: str | None = None) -> None:
    """Write ``ds`` to ``target`` atomically, in the format its suffix names (or ``fmt``)."""
    fmt = fmt or FORMATS.get(target.suffix.lower())
    if fmt is None:
        raise GraphFileError(
            f"{target}: unknown graph format {target.suffix!r}; accepted: {', '.join(sorted(FORMATS))}"
        )
    with atomic_writes(target) as (tmp,):
        _serialize(ds, tmp, fmt)


def _serialize(ds: Dataset, path: Path, fmt: str) -> None:
    if fmt in _QUAD_FORMATS:
        ds.serialize(destination=str(path), format=fmt, encoding="utf-8")
    else:
        union_graph(ds).serialize(destination=str(path), format=fmt, encoding="utf-8")


def write_outputs(ds: Dataset, out_dir: Path, formats: Iterable[str] = ("ttl", "trig")) -> list[Path]:
    """Write ``OUT/graph.<fmt>`` for each format, all or nothing: every file is written to a
    temporary name first, and only then are they renamed into place."""
    targets = [out_dir / f"graph.{f}" for f in formats]
    with atomic_writes(*targets) as temps:
        for tmp, target in zip(temps, targets, strict=True):
            _serialize(ds, tmp, FORMATS[target.suffix])
    return targets


def read_records(path: Path) -> Iterator[Document]:
    """Read a JSON Lines file of extracted documents (``diplograph extract`` output).

    A malformed line raises :class:`InputError` naming the file and line number.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file; expected JSON Lines from 'diplograph extract'")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 (offset {exc.start})") from None
    if not text.strip():
        raise InputError(f"{path}: empty file; expected JSON Lines from 'diplograph extract'")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield document_from_json(line)
        except (ValueError, KeyError, TypeError) as exc:
            detail = " ".join(str(exc).split())[:200]
            raise InputError(
                f"{path}:{number}: malformed record ({type(exc).__name__}: {detail}); "
                "expected one JSON document per line as written by 'diplograph extract'"
            ) from None
