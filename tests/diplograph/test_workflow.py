"""The main job as functions (diplograph.workflow), on hand-written records and short articles:
no spaCy model is loaded here (records JSONL needs no extraction)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from base.errors import InputError
from base.settings import Settings
from diplograph.workflow import (
    BuildReport,
    Inputs,
    build_store,
    extractor_key,
    read_inputs,
    remove_articles,
    stored_records,
    write_records,
)
from extract.reader import Article
from extract.sources import Skipped
from tests.conftest import hand_records

ENGLISH = "Alibaba founder Jack Ma met Donald Trump in New York and said the talks went well.\n"


@pytest.fixture()
def records_file(tmp_path) -> Path:
    path = tmp_path / "records.jsonl"
    write_records(hand_records(), path)
    return path


# ---------------------------------------------------------------- read_inputs


def test_workflow_read_inputs_takes_records_and_articles(tmp_path, records_file):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "c.txt").write_text("Talks\n\n" + ENGLISH, encoding="utf-8")
    inputs = read_inputs([records_file, folder])
    assert inputs.records == hand_records()
    assert [(a.id, a.title) for a in inputs.articles] == [("articles/c.txt", "Talks")]
    assert inputs.skipped == []


def test_workflow_read_inputs_skips_unusable_articles_of_a_corpus_unless_strict(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    inputs = read_inputs([folder])
    assert [a.id for a in inputs.articles] == ["corpus/good.txt"]
    assert [(s.kind, "empty.txt" in s.message) for s in inputs.skipped] == [("empty", True)]
    with pytest.raises(InputError, match="empty file"):
        read_inputs([folder], strict=True)


def test_workflow_read_inputs_refuses_nothing_twice_and_nothing_usable(tmp_path, records_file):
    with pytest.raises(InputError, match="no input given"):
        read_inputs([])
    with pytest.raises(InputError, match="a.txt: the same article id appears twice"):
        read_inputs([records_file, records_file])
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match=r"no usable article or record was read \(1 skipped\)"):
        read_inputs([folder])


# ---------------------------------------------------------------- summaries and keys


def test_workflow_inputs_summary_counts_by_kind():
    article = Article("a.txt", ENGLISH)
    skipped = [Skipped("x", "empty", "x: empty"), Skipped("y", "binary", "y"), Skipped("z", "empty", "z")]
    assert Inputs([article], [], []).summary() == "read 1 article(s)"
    assert Inputs([article, article], hand_records(), skipped).summary() == (
        "read 2 article(s) and 2 record(s); skipped 3 (2 empty, 1 binary)"
    )


def test_workflow_build_report_summary():
    report = BuildReport(Path("out"), 3, 2, 0, 4, 0, 5, [])
    assert report.summary() == (
        "extracted 3 article(s), 2 unchanged; wrote 4 article graph(s); the store holds 5 article(s)"
    )
    report = BuildReport(Path("out"), 0, 0, 2, 1, 1, 2, [])
    assert report.summary() == (
        "extracted 0 article(s), took 2 record(s), 0 unchanged; wrote 1 article graph(s), dropped 1; "
        "the store holds 2 article(s)"
    )


def test_workflow_extractor_key_changes_with_what_a_record_depends_on():
    from extract.pipeline import EXTRACTOR_VERSION

    base = Settings()
    assert extractor_key(base) == f"hybrid.v1 {EXTRACTOR_VERSION} model=default quotes=5"
    changed = [
        base.override(extractor="rules.v1"),
        base.override(model="en_core_web_md"),
        base.override(min_quote_words=8),
    ]
    assert len({extractor_key(s) for s in [base, *changed]}) == 4
    # What does not change a record does not change the key.
    assert extractor_key(base.override(batch_size=64, processes=4, min_confidence=0.5)) == extractor_key(base)


# ---------------------------------------------------------------- build_store, remove, stored records


def test_workflow_build_store_from_records_then_nothing_to_do(tmp_path, records_file):
    out = tmp_path / "out"
    first = build_store(read_inputs([records_file]), out, Settings(), formats=("ttl",))
    assert (first.extracted, first.unchanged, first.records, first.written, first.articles) == (0, 0, 2, 2, 2)
    assert first.paths == [out / "store", out / "manifest.sqlite", out / "graph.ttl"]
    assert all(p.exists() for p in first.paths)
    assert list(stored_records(out)) == hand_records()
    again = build_store(read_inputs([records_file]), out, Settings())
    assert (again.records, again.unchanged, again.written, again.articles) == (0, 2, 0, 2)


def test_workflow_build_store_takes_a_changed_record_again(tmp_path):
    out = tmp_path / "out"
    a, b = hand_records()
    build_store(Inputs([], [a, b], []), out, Settings())
    changed = replace(b, title="B, corrected")
    report = build_store(Inputs([], [a, changed], []), out, Settings())
    assert (report.records, report.unchanged, report.articles) == (1, 1, 2)
    assert [d.title for d in stored_records(out, ["b.txt"])] == ["B, corrected"]


def test_workflow_build_store_keeps_facts_at_or_above_the_floor(tmp_path, store_graphs):
    out = tmp_path / "out"
    build_store(Inputs([], hand_records(), []), out, Settings(min_confidence=0.5))
    from graph.namespace import DG

    union = store_graphs(out)[""]
    assert {p for _, p, _ in union if p in (DG.met, DG.founded, DG.worksFor)} == {DG.met, DG.founded}


def test_workflow_build_store_refuses_an_unknown_engine_before_extracting(tmp_path):
    inputs = Inputs([Article("c.txt", ENGLISH)], [], [])
    with pytest.raises(InputError, match="unknown engine 'spark'; accepted: local, dask"):
        build_store(inputs, tmp_path / "out", Settings(), engine="spark")


def test_workflow_remove_articles_drops_them_and_names_the_unknown(tmp_path):
    out = tmp_path / "out"
    build_store(Inputs([], hand_records(), []), out, Settings())
    unknown, report = remove_articles(out, ["a.txt", "nope.txt"], Settings())
    assert unknown == ["nope.txt"]
    assert (report.dropped, report.articles) == (1, 1)
    assert [d.id for d in stored_records(out)] == ["b.txt"]


def test_workflow_remove_articles_needs_a_store(tmp_path):
    with pytest.raises(InputError, match="no store here"):
        remove_articles(tmp_path, ["a.txt"], Settings())


@pytest.mark.slow
def test_workflow_build_store_writes_graphs_as_it_goes_and_ends_as_one_refresh(
    tmp_path, monkeypatch, store_graphs, same_graphs
):
    import diplograph.workflow as workflow
    from graph.corpus import Corpus
    from tests.conftest import EXAMPLES

    inputs = read_inputs([EXAMPLES])
    settings = Settings().override(batch_size=1)
    once = build_store(inputs, tmp_path / "once", settings)
    refreshed: list[int] = []
    real_refresh = Corpus.refresh

    def counting(self, *args, **kwargs):
        refreshed.append(len(self.entries()))
        return real_refresh(self, *args, **kwargs)

    monkeypatch.setattr(Corpus, "refresh", counting)
    monkeypatch.setattr(workflow, "REFRESH_EVERY", 1)
    steps = build_store(inputs, tmp_path / "steps", settings)
    assert refreshed == [1, 2, 3, 4, 4]  # after each article, then the closing refresh
    assert (steps.extracted, steps.written, steps.articles) == (once.extracted, once.written, once.articles) == (
        4,
        4,
        4,
    )
    assert same_graphs(store_graphs(tmp_path / "steps"), store_graphs(tmp_path / "once"))
