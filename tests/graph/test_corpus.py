"""The incremental store of a build folder (graph.corpus, graph.manifest): built in steps,
it equals a clean build; unchanged articles are not rewritten; removed ones leave no trace."""

from __future__ import annotations

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

from extract.contract import Document, Entity, Provenance, Relation
from graph.build import build_dataset, entity_iri, graph_iri, union_graph
from graph.corpus import Corpus
from graph.io import load_graph
from graph.manifest import content_hash
from graph.namespace import DG

KEY = "rules.v1 test"


def _prov(doc: str) -> Provenance:
    return Provenance(doc, 0, 0, 20, "SAIC owns Rover and met Ma.", "rules.v1:test", "0", "m")


def _doc(doc_id: str, *relations: tuple[str, str, str], entities: tuple[Entity, ...]) -> Document:
    rels = tuple(Relation(s, p, o, 0.9, _prov(doc_id)) for s, p, o in relations)
    return Document(doc_id, title=doc_id, entities=entities, relations=rels, extractor="rules.v1")


def _a() -> Document:
    saic = Entity("e1", "Company", "SAIC", "saic")
    rover = Entity("e2", "Company", "Rover", "rover")
    return _doc("a.txt", ("e1", "owns", "e2"), entities=(saic, rover))


def _b() -> Document:
    rover = Entity("e1", "Company", "Rover", "rover")
    uk = Entity("e2", "Country", "United Kingdom", "united kingdom")
    return _doc("b.txt", ("e1", "basedIn", "e2"), entities=(rover, uk))


def _c() -> Document:
    # Spells out the acronym that a.txt uses alone: a.txt's "SAIC" becomes this company.
    saic = Entity("e1", "Company", "Shanghai Automotive Industry Corp", "shanghai automotive industry corp", ("SAIC",))
    uk = Entity("e2", "Country", "United Kingdom", "united kingdom")
    return _doc("c.txt", ("e1", "investsIn", "e2"), entities=(saic, uk))


def _add(corpus: Corpus, *docs: Document) -> None:
    corpus.add_records((d, content_hash(d.id, repr(d)), KEY) for d in docs)


def _build(path, *steps: tuple[Document, ...]):
    with Corpus.open(path) as corpus:
        for docs in steps:
            _add(corpus, *docs)
            report = corpus.refresh()
    return report


def test_corpus_incremental_build_equals_clean_build(tmp_path, store_graphs, same_graphs):
    _build(tmp_path / "steps", (_a(), _b()), (_c(),))
    _build(tmp_path / "clean", (_a(), _b(), _c()))
    steps, clean = store_graphs(tmp_path / "steps"), store_graphs(tmp_path / "clean")
    assert same_graphs(steps, clean)
    # ... and equals the in-memory build: the named graphs, and a default graph that is their union.
    memory = build_dataset([_a(), _b(), _c()])
    assert isomorphic(steps[""], union_graph(memory))
    assert isomorphic(steps[str(graph_iri("a.txt"))], memory.graph(graph_iri("a.txt")))


def test_corpus_identity_from_a_later_article_rewrites_the_earlier_graph(tmp_path, store_graphs, same_graphs):
    _build(tmp_path, (_a(), _b()))
    first = store_graphs(tmp_path)[str(graph_iri("a.txt"))]
    report = _build(tmp_path, (_c(),))
    assert report.written == 2  # c.txt, and a.txt whose "SAIC" is now the spelled-out company
    spelled = entity_iri(_c().entities[0])
    after = store_graphs(tmp_path)[str(graph_iri("a.txt"))]
    assert (spelled, DG.owns, entity_iri(_a().entities[1])) in after
    assert not isomorphic(first, after)


def test_corpus_refresh_without_changes_writes_nothing(tmp_path):
    _build(tmp_path, (_a(), _b(), _c()))
    with Corpus.open(tmp_path) as corpus:
        report = corpus.refresh()
    assert (report.written, report.dropped, report.articles) == (0, 0, 3)


def test_corpus_changed_article_replaces_its_graph_and_the_union(tmp_path, store_graphs, same_graphs):
    _build(tmp_path, (_a(), _b()))
    rover = entity_iri(_b().entities[0])
    changed = _doc("b.txt", entities=_b().entities)  # b.txt no longer says where Rover is based
    _build(tmp_path, (changed,))
    graphs = store_graphs(tmp_path)
    assert not list(graphs[""].triples((rover, DG.basedIn, None)))
    # a triple that a.txt still holds stays in the union
    assert (None, DG.owns, rover) in graphs[""]
    clean = tmp_path / "clean"
    _build(clean, (_a(), changed))
    assert same_graphs(graphs, store_graphs(clean))


def test_corpus_removed_article_leaves_what_a_build_without_it_has(tmp_path, store_graphs, same_graphs):
    _build(tmp_path, (_a(), _b(), _c()))
    with Corpus.open(tmp_path) as corpus:
        assert corpus.remove(["c.txt", "nope.txt"]) == ["nope.txt"]
        report = corpus.refresh()
    assert report.dropped == 1 and report.articles == 2
    _build(tmp_path / "clean", (_a(), _b()))
    assert same_graphs(store_graphs(tmp_path), store_graphs(tmp_path / "clean"))


def test_corpus_store_reads_back_through_rdflib_as_built(tmp_path):
    _build(tmp_path, (_a(), _b(), _c()))
    ds = load_graph(tmp_path)
    assert isinstance(ds, Dataset)
    assert isomorphic(union_graph(ds), union_graph(build_dataset([_a(), _b(), _c()])))
    rows = list(ds.query("SELECT ?s WHERE { ?s dg:owns ?o }"))
    assert len(rows) == 1


def test_corpus_failed_write_commits_nothing(tmp_path, store_graphs, same_graphs):
    _build(tmp_path, (_a(),))
    before = store_graphs(tmp_path)
    broken = _doc("b.txt", ("e1", "basedIn", "e9"), entities=_b().entities)  # e9: no such entity
    with Corpus.open(tmp_path) as corpus, pytest.raises(KeyError):
        _add(corpus, broken)
        corpus.refresh()
    assert same_graphs(store_graphs(tmp_path), before)


def test_corpus_refresh_in_one_session_follows_additions_and_removals(tmp_path, store_graphs, same_graphs):
    # One open corpus refreshed after each step keeps its identities in step with the manifest.
    with Corpus.open(tmp_path / "session") as corpus:
        _add(corpus, _a(), _b())
        corpus.refresh()
        _add(corpus, _c())
        assert corpus.refresh().written == 2  # c.txt, and a.txt whose "SAIC" is spelled out
        corpus.remove(["c.txt"])
        report = corpus.refresh()
        assert (report.written, report.dropped) == (1, 1)  # a.txt's "SAIC" is its own again
        assert corpus.written == {"a.txt", "b.txt", "c.txt"}
    _build(tmp_path / "clean", (_a(), _b()))
    assert same_graphs(store_graphs(tmp_path / "session"), store_graphs(tmp_path / "clean"))
