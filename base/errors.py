"""The project's exceptions: one root, a few kinds, messages fit for one line on stderr."""

from __future__ import annotations

__all__ = [
    "DiplographError",
    "InputError",
    "UnusableArticle",
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


class UnusableArticle(InputError):
    """One article cannot be used (empty, binary, not English, too little text...).

    A single named file that is unusable fails the command; in a corpus (a folder or a JSON
    Lines file of articles) the article is skipped with a warning, unless ``--strict``.
    ``kind`` names the problem for the end-of-build summary.
    """

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


class ModelError(DiplographError):
    """No usable spaCy pipeline could be loaded."""


class QueryError(DiplographError):
    """A SPARQL query is malformed or names an unknown canned query."""


class GoldError(DiplographError):
    """A gold relation file is malformed."""


class GraphFileError(DiplographError):
    """A graph file cannot be read or is not RDF."""
