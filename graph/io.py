"""Reading and writing graphs: files and build folders; every write is atomic.

A build folder's graph is its Oxigraph store (``OUT/store``): :func:`load_graph` opens it
read-only as an rdflib :class:`StoreDataset` through `oxrdflib <https://github.com/oxigraph/oxrdflib>`_,
so the rdflib API works on it without parsing anything, and SPARQL through that API runs on
Oxigraph. Its default graph is the union of the article graphs. Graph files (Turtle, TriG, ...)
are parsed by Oxigraph into an in-memory store served the same way (:func:`load_file_store`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import XSD, Dataset, Literal

from base.atomic import atomic_writes
from base.errors import GraphFileError, InputError
from extract.contract import Document, document_from_json
from graph.build import bind_prefixes, decimal_literal, union_graph
from graph.corpus import store_path
from graph.namespace import PREFIXES

__all__ = [
    "FORMATS",
    "StoreDataset",
    "load_graph",
    "fill_default_graph",
    "load_file_store",
    "memory_dataset",
    "open_store_dataset",
    "write_graph",
    "write_outputs",
    "read_records",
    "resolve_graph_path",
]

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


class StoreDataset(Dataset):
    """An rdflib dataset over an Oxigraph store (oxrdflib): the named graphs are the articles,
    the default graph their union. ``oxigraph`` is the pyoxigraph store underneath.

    The store holds that union as its default graph (:func:`fill_default_graph`): Oxigraph's
    own union of named graphs repeats a triple once per graph that holds it, rdflib's does not.
    """

    def __init__(self, oxigraph: Any) -> None:
        super().__init__(store=_plain_string_store(oxigraph), default_union=False)
        self.oxigraph = oxigraph


def _plain(term: Any) -> Any:
    """A literal read from the store in the form diplograph writes it (see the store class)."""
    if isinstance(term, Literal):
        if term.datatype == XSD.string:
            return Literal(str(term))
        if term.datatype == XSD.decimal:
            return decimal_literal(Decimal(str(term)), None)
    return term


def _plain_string_store(oxigraph: Any) -> Any:
    """oxrdflib's store, giving literals back as diplograph writes them: ``xsd:string`` ones as
    plain literals (RDF 1.1 makes them the same, rdflib does not) and decimals in the lexical
    form of :func:`graph.build.decimal_literal` (Oxigraph keeps "1" for "1.0")."""
    from oxrdflib import OxigraphStore

    class PlainStringStore(OxigraphStore):
        def triples(self, triple_pattern: Any, context: Any = None) -> Iterator[Any]:
            for (s, p, o), contexts in super().triples(triple_pattern, context):
                yield (s, p, _plain(o)), contexts

        def query(self, *args: Any, **kwargs: Any) -> Any:
            result = super().query(*args, **kwargs)
            if result.type == "SELECT":
                rows = result.bindings
                result.bindings = ({k: _plain(v) for k, v in row.items()} for row in rows)
            return result

    return PlainStringStore(store=oxigraph)


def memory_dataset() -> StoreDataset:
    """An empty in-memory Oxigraph store as an rdflib dataset, to build into
    (:func:`graph.build.build_dataset`, then :func:`fill_default_graph`): SPARQL on it runs on
    Oxigraph, as on a build's store, where rdflib's own engine takes minutes on a large graph.

    >>> from rdflib import Literal, URIRef
    >>> ds = memory_dataset()
    >>> for name in ("urn:a", "urn:b"):  # one triple in two article graphs
    ...     _ = ds.graph(URIRef(name)).add((URIRef("urn:s"), URIRef("urn:p"), Literal("x")))
    >>> fill_default_graph(ds.oxigraph)
    >>> [str(row[0]) for row in ds.query("SELECT ?o WHERE { ?s ?p ?o }")]
    ['x']
    """
    import pyoxigraph as ox

    ds = StoreDataset(ox.Store())
    bind_prefixes(ds)
    return ds


def fill_default_graph(store: Any) -> None:
    """Copy every article graph's triples into the default graph of the Oxigraph ``store``,
    once each, as a build's store keeps it.

    Oxigraph's union of named graphs keeps a triple once per graph that holds it, and an
    entity's label is in every article that names it: joins on labels would multiply by the
    number of articles. The default graph is a set, so queries on it see each fact once.
    """
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def load_file_store(path: Path) -> Any:
    """A graph file (any suffix of :data:`FORMATS`) parsed by Oxigraph into an in-memory
    store, its default graph filled (:func:`fill_default_graph`)."""
    import pyoxigraph as ox

    suffix = path.suffix.lower()
    if suffix not in FORMATS:  # the suffixes every reading command accepts
        raise GraphFileError(f"{path}: unknown graph format {suffix!r}; accepted: {', '.join(sorted(FORMATS))}")
    # .owl is RDF/XML, which Oxigraph knows as .rdf.
    fmt = ox.RdfFormat.from_extension(suffix[1:]) or ox.RdfFormat.RDF_XML
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise GraphFileError(f"{path}: not valid {fmt.name}: {' '.join(str(exc).split())[:300]}") from None
    fill_default_graph(store)
    return store


def open_store_dataset(store_dir: Path) -> StoreDataset:
    """Open a build's store read-only as an rdflib dataset."""
    import pyoxigraph as ox

    try:
        ds = StoreDataset(ox.Store.read_only(str(store_dir)))
    except OSError as exc:
        raise GraphFileError(f"{store_dir}: cannot open the store: {' '.join(str(exc).split())[:300]}") from None
    bind_prefixes(ds)
    return ds


def load_graph(path: Path) -> Dataset:
    """Open a build folder's store (:func:`open_store_dataset`), or load a graph file (Turtle,
    TriG, N-Quads, N-Triples, JSON-LD, RDF/XML) into an in-memory Oxigraph store
    (:func:`load_file_store`), so that SPARQL on it runs on Oxigraph as on a build's store.

    Named graphs are kept where the format has them; queries see their union.
    """
    store = store_path(path)
    if store is not None:
        return open_store_dataset(store)
    ds = StoreDataset(load_file_store(resolve_graph_path(path)))
    bind_prefixes(ds)
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


#: rdflib format name -> what pyoxigraph calls it, for writing from a store.
_OX_FORMATS = {"turtle": "TURTLE", "trig": "TRIG", "nquads": "N_QUADS", "nt": "N_TRIPLES", "xml": "RDF_XML"}


def _serialize(ds: Dataset, path: Path, fmt: str) -> None:
    if isinstance(ds, StoreDataset) and fmt in _OX_FORMATS:
        _serialize_store(ds.oxigraph, path, fmt)
    elif fmt in _QUAD_FORMATS:
        ds.serialize(destination=str(path), format=fmt, encoding="utf-8")
    else:
        union_graph(ds).serialize(destination=str(path), format=fmt, encoding="utf-8")


def _serialize_store(store: Any, path: Path, fmt: str) -> None:
    """Write a store with Oxigraph's own serialisers: quad formats get the article graphs,
    triple formats the default graph (their union)."""
    import pyoxigraph as ox

    target = getattr(ox.RdfFormat, _OX_FORMATS[fmt])
    if fmt in _QUAD_FORMATS:
        quads = (q for q in store.quads_for_pattern(None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph))
    else:
        quads = store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        quads = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
    prefixes = dict(PREFIXES) if fmt in ("turtle", "trig") else None  # N-Quads and N-Triples have no prefixes
    with path.open("wb") as fh:
        ox.serialize(quads, fh, target, prefixes=prefixes)


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
