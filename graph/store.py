"""SPARQL with a time limit on Oxigraph: a build's store, or a graph file loaded into memory.

``diplograph build -o OUT`` writes ``OUT/store`` (:mod:`graph.corpus`), an Oxigraph store
holding one named graph per article and their union, each triple once, as the default graph.

:func:`run_sparql` answers SELECT and ASK queries on Oxigraph's engine; a graph file's default
graph is filled the same way (:func:`graph.io.fill_default_graph`).
It runs the query in a child process, so a query that never ends (a cross product) is
stopped after ``timeout`` seconds with a one-line :class:`~base.errors.QueryError`;
updates are refused. A graph file (``.ttl``, ``.trig``,
...) with no store beside it is loaded into an in-memory Oxigraph store first.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

from base.errors import GraphFileError, QueryError
from graph.corpus import store_path
from graph.io import load_file_store, resolve_graph_path
from graph.namespace import PREFIXES as NAMESPACES
from graph.query import QueryResult, refuse_updates

__all__ = ["DEFAULT_TIMEOUT", "run_sparql"]

#: Seconds a query may run before it is stopped.
DEFAULT_TIMEOUT = 30.0


def _value(term: Any) -> Any:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dtype = term.datatype.value if term.datatype is not None else ""
        text = term.value
        try:
            if dtype.endswith(("#integer", "#int", "#long", "#short", "#nonNegativeInteger")):
                return int(text)
            if dtype.endswith(("#decimal", "#double", "#float")):
                return float(text)
            if dtype.endswith("#boolean"):
                return text == "true"
        except ValueError:
            return text
        return text
    return term.value


def _prefixes() -> dict[str, str]:
    """The predeclared prefixes (graph.namespace.PREFIXES)."""
    return dict(NAMESPACES)


def _open(source: str) -> Any:
    import pyoxigraph as ox

    path = Path(source)
    if path.is_dir():
        return ox.Store.read_only(str(path))
    return load_file_store(path)


def _answer(source: str, sparql: str) -> tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]] | bool:
    import pyoxigraph as ox

    store = _open(source)
    try:
        result = store.query(sparql, prefixes=_prefixes())
    except SyntaxError as exc:
        raise QueryError(f"bad SPARQL query: {' '.join(str(exc).split())[:300]}") from None
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT and ASK queries give tables; this is a CONSTRUCT or DESCRIBE query")
    columns = tuple(v.value for v in result.variables)
    rows = tuple(tuple(_value(row[i]) for i in range(len(columns))) for row in result)
    return columns, rows


def _child(conn: Any, source: str, sparql: str) -> None:
    try:
        conn.send(("ok", _answer(source, sparql)))
    except (QueryError, GraphFileError) as exc:
        conn.send(("error", type(exc).__name__, str(exc)))
    except Exception as exc:  # noqa: BLE001 - every failure goes back as one line
        conn.send(("error", "QueryError", f"the query failed: {' '.join(str(exc).split())[:300]}"))
    finally:
        conn.close()


def run_sparql(source: Path, sparql: str, timeout: float = DEFAULT_TIMEOUT) -> QueryResult:
    """Answer a SELECT or ASK query on ``source`` (a build folder, a store, or a graph file)
    with Oxigraph, stopping it after ``timeout`` seconds. Updates are refused."""
    refuse_updates(sparql)
    store = store_path(source) or resolve_graph_path(source)
    ctx: Any = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, str(store), sparql), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout):
            raise QueryError(f"query stopped after {timeout:g} s without an answer; raise --timeout or narrow it")
        message = parent.recv()
    except EOFError:
        raise QueryError("the query process ended without an answer") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        parent.close()
    if message[0] == "error":
        kind, text_ = message[1], message[2]
        raise (GraphFileError if kind == "GraphFileError" else QueryError)(text_)
    answer = message[1]
    if isinstance(answer, bool):
        return QueryResult(("answer",), ((answer,),))
    return QueryResult(*answer)
