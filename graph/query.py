"""SPARQL over a built graph: inline queries, .rq files and the canned queries."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal
from rdflib.term import Node

from base.errors import QueryError
from graph.namespace import PREFIXES as NAMESPACES

__all__ = ["QueryResult", "canned_queries", "refuse_updates", "resolve_query", "run_query", "format_result"]

#: The SPARQL prologue predeclared for every query (from :data:`graph.namespace.PREFIXES`).
PREFIXES = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in NAMESPACES.items())


@dataclass(frozen=True)
class QueryResult:
    """Column names and rows of a SELECT (or the boolean of an ASK)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def canned_queries() -> dict[str, str]:
    """The shipped queries by name (``who-met-whom``...), with their text."""
    folder = resources.files("graph").joinpath("queries")
    return {entry.name[:-3]: entry.read_text("utf-8") for entry in folder.iterdir() if entry.name.endswith(".rq")}


_UPDATE = re.compile(r"^\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I | re.M)


def refuse_updates(sparql: str) -> None:
    """Raise :class:`QueryError` if ``sparql`` is a SPARQL update (queries only read)."""
    body = re.sub(r"(?im)^\s*#[^\n]*$", "", sparql)
    body = re.sub(r"(?i)\b(PREFIX\s+\w*:\s*<[^>]*>|BASE\s*<[^>]*>)", "\n", body)
    if _UPDATE.search(body):
        raise QueryError("query refuses updates (INSERT, DELETE, LOAD, CLEAR...); only SELECT and ASK are answered")


def resolve_query(spec: str) -> str:
    """SPARQL text from a canned query name, a ``.rq`` file path, or inline SPARQL."""
    canned = canned_queries()
    if spec in canned:
        return canned[spec]
    if spec.endswith(".rq"):
        path = Path(spec)
        if not path.is_file():
            raise QueryError(f"{spec}: no such query file")
        return path.read_text("utf-8")
    refuse_updates(spec)
    if not any(word in spec.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        raise QueryError(
            f"{spec!r} is neither a canned query ({', '.join(sorted(canned))}), a .rq file, "
            "nor SPARQL (SELECT, ASK, CONSTRUCT or DESCRIBE)"
        )
    return spec


def _py(node: Node | None) -> Any:
    if node is None:
        return None
    if isinstance(node, Literal):
        value = node.toPython()
        return value if isinstance(value, (int, float, bool, str)) else str(node)
    return str(node)


def run_query(graph: Dataset | Graph, sparql: str) -> QueryResult:
    """Run a SELECT or ASK query (common prefixes predeclared); rows hold plain Python values.

    Raises :class:`QueryError` with the parser's message on one line for a malformed query.
    """
    text = sparql if "PREFIX dg:" in sparql else PREFIXES + sparql
    try:
        result = graph.query(text)
    except Exception as exc:  # pyparsing and rdflib raise many types for a bad query
        message = " ".join(str(exc).split())[:300] or type(exc).__name__
        raise QueryError(f"bad SPARQL query: {message}") from None
    if result.type == "ASK":
        return QueryResult(("answer",), ((bool(result.askAnswer),),))
    if result.type != "SELECT":
        raise QueryError(f"only SELECT and ASK queries give tables; this is a {result.type} query")
    columns = tuple(str(v) for v in result.vars or ())
    rows = tuple(tuple(_py(row[i]) for i in range(len(columns))) for row in result)  # type: ignore[index]
    return QueryResult(columns, rows)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render as an aligned text ``table``, ``csv`` or ``json`` (a list of objects)."""
    if fmt == "json":
        return json.dumps(
            [dict(zip(result.columns, row, strict=True)) for row in result.rows], ensure_ascii=False, indent=1
        )
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(["" if v is None else v for v in row] for row in result.rows)
        return buf.getvalue()
    if fmt != "table":
        raise QueryError(f"unknown output format {fmt!r}; accepted: table, csv, json")
    cells = [[("" if v is None else str(v)).replace("\n", " ")[:80] for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(result.columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)
