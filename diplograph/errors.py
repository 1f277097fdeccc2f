"""The project's exceptions: one root, a few kinds, messages fit for one line on stderr."""

from __future__ import annotations

__all__ = [
    "DiplographError",
    "InputError",
    "ModelError",
    "QueryError",
    "GoldError",
    "GraphFileError",
]


class DiplographError(Exception):
    """Root of every error diplograph raises on purpose.

    The message says what was wrong and what is accepted; the CLI prints it as one line.
    """


class InputError(DiplographError):
    """An input article, folder or records file cannot be used."""


class ModelError(DiplographError):
    """No usable spaCy pipeline could be loaded."""


class QueryError(DiplographError):
    """A SPARQL query is malformed or names an unknown canned query."""


class GoldError(DiplographError):
    """A gold relation file is malformed."""


class GraphFileError(DiplographError):
    """A graph file cannot be read or is not RDF."""
