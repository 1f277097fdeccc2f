"""The build's SQLite manifest (graph.manifest): records round trip, signatures, removal, and
every change one transaction."""

from __future__ import annotations

import sqlite3

import pytest

from base.errors import GraphFileError
from extract.contract import Document, Entity
from graph.manifest import MANIFEST_FILE, Entry, Manifest, content_hash
from tests.conftest import hand_records


@pytest.fixture()
def manifest(tmp_path):
    m = Manifest(tmp_path / MANIFEST_FILE)
    yield m
    m.close()


def _doc(doc_id: str, name: str = "Rover") -> Document:
    return Document(doc_id, title=doc_id, entities=(Entity("e1", "Company", name, name.lower()),), extractor="rules.v1")


def test_manifest_content_hash_is_stable_and_tells_parts_apart():
    assert content_hash("a.txt", "text") == content_hash("a.txt", "text")
    assert len(content_hash("a.txt")) == 64
    # The parts are kept apart: moving a character from one part to the next is a change.
    assert content_hash("ab", "c") != content_hash("a", "bc")
    assert content_hash("a", None) != content_hash("a", "")


def test_manifest_records_round_trip_exactly(manifest):
    records = hand_records()
    manifest.put_records((doc, f"hash-{doc.id}", "rules.v1 k") for doc in records)
    assert list(manifest.records()) == records
    assert list(manifest.records(["b.txt", "missing.txt", "a.txt"])) == [records[1], records[0]]
    assert manifest.entries() == {
        "a.txt": Entry("hash-a.txt", "rules.v1 k", None),
        "b.txt": Entry("hash-b.txt", "rules.v1 k", None),
    }


def test_manifest_records_come_in_id_order(manifest):
    manifest.put_records([(_doc("c.txt"), "h", "k"), (_doc("a.txt"), "h", "k"), (_doc("b.txt"), "h", "k")])
    assert [d.id for d in manifest.records()] == ["a.txt", "b.txt", "c.txt"]


def test_manifest_a_new_record_replaces_the_old_and_clears_its_signature(manifest):
    manifest.put_records([(_doc("a.txt"), "h1", "k1"), (_doc("b.txt"), "h1", "k1")])
    manifest.set_signatures({"a.txt": "sig-a", "b.txt": "sig-b"})
    assert manifest.entries()["a.txt"].signature == "sig-a"
    manifest.put_records([(_doc("a.txt", "MG Rover"), "h2", "k2")])
    assert manifest.entries() == {"a.txt": Entry("h2", "k2", None), "b.txt": Entry("h1", "k1", "sig-b")}
    (again,) = manifest.records(["a.txt"])
    assert again.entities[0].name == "MG Rover"


def test_manifest_remove_forgets_articles(manifest):
    manifest.put_records([(_doc("a.txt"), "h", "k"), (_doc("b.txt"), "h", "k")])
    manifest.remove(["a.txt", "never-there.txt"])
    assert list(manifest.entries()) == ["b.txt"]
    assert list(manifest.records(["a.txt"])) == []


def test_manifest_survives_closing_and_reopening(tmp_path):
    path = tmp_path / MANIFEST_FILE
    first = Manifest(path)
    first.put_records([(_doc("a.txt"), "h", "k")])
    first.set_signatures({"a.txt": "s"})
    first.close()
    again = Manifest(path)
    try:
        assert again.entries() == {"a.txt": Entry("h", "k", "s")}
        assert list(again.records()) == [_doc("a.txt")]
    finally:
        again.close()


def test_manifest_a_failed_batch_leaves_nothing_of_itself(manifest):
    manifest.put_records([(_doc("a.txt"), "h", "k")])

    def batch():
        yield _doc("b.txt"), "h", "k"
        yield _doc("a.txt", "Changed"), "h2", "k"
        raise RuntimeError("killed half way")

    with pytest.raises(RuntimeError):
        manifest.put_records(batch())
    assert manifest.entries() == {"a.txt": Entry("h", "k", None)}
    # An error inside the transaction itself (a row SQLite refuses) rolls back the whole batch.
    with pytest.raises(sqlite3.IntegrityError):
        manifest.put_records([(_doc("c.txt"), "h", "k"), (_doc("d.txt"), None, "k")])  # type: ignore[list-item]
    assert list(manifest.entries()) == ["a.txt"]
    # And the manifest is usable afterwards: no transaction was left open.
    manifest.put_records([(_doc("e.txt"), "h", "k")])
    assert sorted(manifest.entries()) == ["a.txt", "e.txt"]


def test_manifest_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / MANIFEST_FILE
    path.write_bytes(b"this is not a database, just some text that is long enough" * 20)
    with pytest.raises(GraphFileError, match="not a diplograph manifest"):
        Manifest(path)
