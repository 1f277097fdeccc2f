"""SPARQL on a build's Oxigraph store (graph.store): the canned queries, a time limit, no updates."""

from __future__ import annotations

import pytest

from base.errors import QueryError
from graph.corpus import Corpus
from graph.io import write_graph
from graph.manifest import content_hash
from graph.query import canned_queries, run_query
from graph.store import run_sparql


@pytest.fixture()
def built(tmp_path, small_records, small_dataset):
    with Corpus.open(tmp_path) as corpus:
        corpus.add_records((d, content_hash(repr(d)), "test") for d in small_records)
        corpus.refresh()
    write_graph(small_dataset, tmp_path / "graph.ttl")
    return tmp_path


@pytest.mark.parametrize("name", sorted(canned_queries()))
def test_store_answers_the_canned_queries_as_rdflib_does(built, small_dataset, name):
    sparql = canned_queries()[name]
    ours = run_sparql(built, sparql)
    theirs = run_query(small_dataset, sparql)
    assert ours.columns == theirs.columns

    def norm(rows):  # rdflib gives decimals as text, Oxigraph as numbers
        return sorted(repr(tuple(_number(v) for v in row)) for row in rows)

    assert norm(ours.rows) == norm(theirs.rows)


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return value


def test_store_answers_from_a_graph_file_without_a_store(built):
    rows = run_sparql(built / "graph.ttl", "SELECT ?a ?b WHERE { ?a dg:met ?b }").rows
    assert rows and all(len(r) == 2 for r in rows)


def test_store_stops_a_query_that_never_ends(built):
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    with pytest.raises(QueryError, match="query stopped after 1 s"):
        run_sparql(built, endless, timeout=1)


@pytest.mark.parametrize("update", ["INSERT DATA { <a:b> <a:c> <a:d> }", "PREFIX x: <a:>\nDELETE WHERE { ?a ?b ?c }"])
def test_store_refuses_updates(built, update):
    with pytest.raises(QueryError, match="refuses updates"):
        run_sparql(built, update)
    assert run_sparql(built, "ASK { ?a ?b ?c }").rows == ((True,),)


def test_store_a_bad_query_is_one_line(built):
    with pytest.raises(QueryError, match="bad SPARQL query") as err:
        run_sparql(built, "SELECT ?x WHERE { ?x }")
    assert "\n" not in str(err.value)
