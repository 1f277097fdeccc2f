"""Extraction in worker processes gives what one process gives, in input order."""

from __future__ import annotations

import pytest

from extract.contract import document_to_json
from extract.pipeline import extract_documents
from extract.reader import read_articles
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow


def test_pool_two_processes_equal_one():
    articles = list(read_articles([EXAMPLES]))
    one = [document_to_json(d) for d in extract_documents(articles)]
    two = [document_to_json(d) for d in extract_documents(articles, processes=2, batch_size=1)]
    assert two == one
    assert [d.split('"id":"')[1].split('"')[0] for d in two] == [a.id for a in articles]
