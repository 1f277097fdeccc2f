import json

import pytest

from base.errors import QueryError
from graph.query import canned_queries, format_result, resolve_query, run_query


def test_query_canned_queries_are_shipped():
    assert {"who-met-whom", "who-owns-what", "who-said-what", "people-and-posts"} <= set(canned_queries())


@pytest.mark.parametrize("name", sorted(canned_queries()))
def test_query_every_canned_query_runs(small_dataset, name):
    result = run_query(small_dataset, resolve_query(name))
    assert result.columns and len(set(result.columns)) == len(result.columns)
    assert all(len(row) == len(result.columns) for row in result.rows)


def test_query_who_met_whom_answers(small_dataset):
    result = run_query(small_dataset, resolve_query("who-met-whom"))
    assert [row[:2] for row in result.rows] == [("Donald Trump", "Jack Ma")]
    assert result.rows[0][2] == "a.txt"


def test_query_people_and_posts_has_titles(small_dataset):
    result = run_query(small_dataset, resolve_query("people-and-posts"))
    assert ("Donald Trump", "president-elect", "United States") in result.rows


def test_query_inline_with_predeclared_prefixes_and_ask(small_dataset):
    result = run_query(small_dataset, "SELECT ?o WHERE { ?a dg:founded ?o }")
    assert len(result.rows) == 1
    assert run_query(small_dataset, "ASK { ?a dg:met ?b }").rows == ((True,),)


def test_query_bad_sparql_is_one_line_error(small_dataset):
    with pytest.raises(QueryError) as info:
        run_query(small_dataset, "SELECT ?x WHERE { ?x dg:owns }")
    assert "bad SPARQL query" in str(info.value)
    assert "\n" not in str(info.value)


def test_query_unknown_names_and_files_are_errors(tmp_path):
    with pytest.raises(QueryError, match="neither a canned query"):
        resolve_query("who-is-who")
    with pytest.raises(QueryError, match="no such query file"):
        resolve_query(str(tmp_path / "missing.rq"))


def test_query_formats(small_dataset):
    result = run_query(small_dataset, resolve_query("who-met-whom"))
    assert format_result(result, "csv").splitlines()[0] == "a,b,article"
    assert json.loads(format_result(result, "json"))[0]["a"] == "Donald Trump"
    table = format_result(result, "table")
    assert "Donald Trump" in table and table.endswith("(1 row)")
