import pytest
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from base.errors import GraphFileError, InputError
from graph.build import union_graph
from graph.io import StoreDataset, load_graph, read_records, write_graph, write_outputs
from graph.query import run_query


@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".nq", ".jsonld", ".nt"])
def test_io_every_format_round_trips(tmp_path, small_dataset, suffix):
    path = tmp_path / f"g{suffix}"
    write_graph(small_dataset, path)
    assert isomorphic(union_graph(load_graph(path)), union_graph(small_dataset))


def test_io_trig_keeps_one_graph_per_article(tmp_path, small_dataset):
    (ttl, trig) = write_outputs(small_dataset, tmp_path)
    loaded = load_graph(trig)
    assert len([g for g in loaded.graphs() if len(g) and g.identifier != DATASET_DEFAULT_GRAPH_ID]) == 2
    # The default graph is their union, each triple once (Oxigraph's own union repeats them).
    assert isomorphic(loaded.graph(DATASET_DEFAULT_GRAPH_ID), union_graph(small_dataset))
    assert len(run_query(loaded, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }").rows) == len(union_graph(small_dataset))
    # A folder with graph files and no store resolves to its graph file.
    assert isomorphic(union_graph(load_graph(tmp_path)), union_graph(small_dataset))


def test_io_graph_file_is_queried_on_oxigraph(tmp_path, small_dataset):
    (_, trig) = write_outputs(small_dataset, tmp_path)
    assert isinstance(load_graph(trig), StoreDataset)


def test_io_malformed_graph_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix dg: <x> .\n dg:a dg:b \n")
    with pytest.raises(GraphFileError) as info:
        load_graph(bad)
    assert str(bad) in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(GraphFileError, match="unknown graph format"):
        load_graph(tmp_path.joinpath("x.csv").resolve() if tmp_path.joinpath("x.csv").write_text("a") else None)


def test_io_failed_write_leaves_earlier_output_whole(tmp_path, small_dataset, monkeypatch):
    write_outputs(small_dataset, tmp_path)
    before = (tmp_path / "graph.ttl").read_bytes()

    import graph.io as gio

    def explode(ds, path, fmt):
        path.write_text("half")
        raise RuntimeError("disk full")

    monkeypatch.setattr(gio, "_serialize", explode)
    with pytest.raises(RuntimeError):
        write_outputs(small_dataset, tmp_path)
    assert (tmp_path / "graph.ttl").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.trig", "graph.ttl"]


def test_io_malformed_records_line_names_file_and_line(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "a.txt", "entities": []}\n{"id": \n')
    with pytest.raises(InputError) as info:
        list(read_records(path))
    assert f"{path}:2: malformed record" in str(info.value)
    path.write_text('{"id": "a.txt", "entities": [], "relations": [{"subject": "e1"}]}\n')
    with pytest.raises(InputError, match=":1: malformed record"):
        list(read_records(path))


def test_io_records_file_with_an_article_line_is_an_error_naming_the_line(tmp_path):
    import json

    from base.errors import InputError
    from extract.contract import Document, document_to_json

    path = tmp_path / "records.jsonl"
    path.write_text(document_to_json(Document("a.txt")) + "\n" + json.dumps({"id": "b", "text": "An article."}) + "\n")
    with pytest.raises(InputError, match=r"records.jsonl:2: malformed record .*not a diplograph record"):
        list(read_records(path))
