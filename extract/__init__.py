"""Stage one: article text to entity-relation records (spaCy). Never imports rdflib.

Importing this package is cheap; spaCy is loaded only when a pipeline is.
"""

from collections.abc import Iterator
from typing import Any

from extract.contract import Document, document_from_json, document_to_json
from extract.reader import Article, read_article, read_articles

__all__ = [
    "Article",
    "Document",
    "document_from_json",
    "document_to_json",
    "extract_documents",
    "read_article",
    "read_articles",
]


def extract_documents(*args: Any, **kwargs: Any) -> Iterator[Document]:
    """See :func:`extract.pipeline.extract_documents` (imported lazily: it needs spaCy)."""
    from extract.pipeline import extract_documents as run

    return run(*args, **kwargs)
