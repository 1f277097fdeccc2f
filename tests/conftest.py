"""Shared fixtures: hand-built spaCy Docs for fast tests, the real pipeline for slow ones."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="session")
def vocab():
    import spacy

    return spacy.blank("en").vocab


def make_doc(
    vocab,
    words: Sequence[str],
    heads: Sequence[int],
    deps: Sequence[str],
    pos: Sequence[str] | None = None,
    ents: Sequence[str] | None = None,
    lemmas: Sequence[str] | None = None,
):
    """A parsed Doc from hand-written annotations (heads are absolute token indices)."""
    from spacy.tokens import Doc

    return Doc(
        vocab,
        words=list(words),
        heads=list(heads),
        deps=list(deps),
        pos=list(pos) if pos else None,
        ents=list(ents) if ents else None,
        lemmas=list(lemmas) if lemmas else [w.lower() for w in words],
    )


# Three hand-parsed sentences: "Alibaba Group founder Jack Ma met Donald Trump. Ma did not buy
# Yahoo. Trump said he owns Univision."
HAND_WORDS = [
    "Alibaba",
    "Group",
    "founder",
    "Jack",
    "Ma",
    "met",
    "Donald",
    "Trump",
    ".",
    "Ma",
    "did",
    "not",
    "buy",
    "Yahoo",
    ".",
    "Trump",
    "said",
    "he",
    "owns",
    "Univision",
    ".",
]
HAND_HEADS = [1, 2, 4, 4, 5, 5, 7, 5, 5, 12, 12, 12, 12, 12, 12, 16, 16, 18, 16, 18, 16]
HAND_DEPS = [
    "compound",
    "compound",
    "compound",
    "compound",
    "nsubj",
    "ROOT",
    "compound",
    "dobj",
    "punct",
    "nsubj",
    "aux",
    "neg",
    "ROOT",
    "dobj",
    "punct",
    "nsubj",
    "ROOT",
    "nsubj",
    "ccomp",
    "dobj",
    "punct",
]
HAND_POS = [
    "PROPN",
    "PROPN",
    "NOUN",
    "PROPN",
    "PROPN",
    "VERB",
    "PROPN",
    "PROPN",
    "PUNCT",
    "PROPN",
    "AUX",
    "PART",
    "VERB",
    "PROPN",
    "PUNCT",
    "PROPN",
    "VERB",
    "PRON",
    "VERB",
    "PROPN",
    "PUNCT",
]
HAND_ENTS = [
    "B-ORG",
    "I-ORG",
    "O",
    "B-PERSON",
    "I-PERSON",
    "O",
    "B-PERSON",
    "I-PERSON",
    "O",
    "B-PERSON",
    "O",
    "O",
    "O",
    "B-ORG",
    "O",
    "B-PERSON",
    "O",
    "O",
    "O",
    "B-ORG",
    "O",
]
HAND_LEMMAS = [
    "alibaba",
    "group",
    "founder",
    "jack",
    "ma",
    "meet",
    "donald",
    "trump",
    ".",
    "ma",
    "do",
    "not",
    "buy",
    "yahoo",
    ".",
    "trump",
    "say",
    "he",
    "own",
    "univision",
    ".",
]

@pytest.fixture(scope="session")
def hand_parsed(vocab):
    """A factory of the hand-parsed three-sentence Doc above (a fresh Doc each call)."""

    def build():
        return make_doc(vocab, HAND_WORDS, HAND_HEADS, HAND_DEPS, pos=HAND_POS, ents=HAND_ENTS, lemmas=HAND_LEMMAS)

    return build


@pytest.fixture(scope="session")
def hand_index():
    """A factory of an EntityIndex over a hand-made Doc: ``hand_index(doc, [(start, end, id, type)])``
    with one (first token, last token + 1, entity id, entity type) per mention, in any order."""
    from extract.contract import Entity, broad_type
    from extract.entities import EntityIndex

    def build(doc, mentions):
        entities = {}
        token_entity = {}
        order = []
        for start, end, ent_id, ent_type in mentions:
            name = doc[start:end].text
            entities.setdefault(ent_id, Entity(ent_id, ent_type, name, name.lower()))
            token_entity.update(dict.fromkeys(range(start, end), ent_id))
            order.append((start, ent_id, broad_type(ent_type)))
        return EntityIndex(doc, list(entities.values()), token_entity, sorted(order))

    return build


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline with diplograph's components (slow to load, loaded once)."""
    from extract.model import load_pipeline

    return load_pipeline(None)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def example_documents(nlp):
    """Records extracted from the bundled example articles."""
    from extract.pipeline import extract_documents
    from extract.reader import read_articles

    return list(extract_documents(read_articles([EXAMPLES])))


def hand_prov(doc: str = "a.txt", start: int = 0, end: int = 30):
    """The provenance every fact of :func:`hand_records` carries."""
    from extract.contract import Provenance

    return Provenance(doc, 0, start, end, "Jack Ma met Donald Trump today.", "rules.v1:meet-verb", "0.1.0", "m 1")


def hand_records():
    """Two hand-written records: a.txt (Jack Ma met Donald Trump, Ma founded Alibaba Group,
    Trump works for the United States at 0.4, a dated Meeting, one quote by Ma) and b.txt
    (Alibaba alone, no facts)."""
    from extract.contract import Document, Entity, Event, Participant, Quote, Relation

    ma = Entity("e1", "Person", "Jack Ma", "jack ma", ("Ma",))
    trump = Entity("e2", "Person", "Donald Trump", "donald trump", ("Trump",))
    ali = Entity("e3", "Company", "Alibaba Group", "alibaba", ("Alibaba",))
    us = Entity("e4", "Country", "United States", "united states", ("US",))
    a = Document(
        "a.txt",
        title="A",
        date="2017-01-10",
        entities=(ma, trump, ali, us),
        relations=(
            Relation("e1", "met", "e2", 0.85, hand_prov()),
            Relation("e1", "founded", "e3", 0.9, hand_prov()),
            Relation("e2", "worksFor", "e4", 0.4, hand_prov(), title="president-elect"),
        ),
        events=(
            Event(
                "ev1",
                "Meeting",
                (Participant("e1", "participant"), Participant("e2", "participant")),
                0.85,
                hand_prov(),
                place=None,
                date="2017-01-09",
            ),
        ),
        quotes=(Quote("e1", "We talked about small firms in the Midwest.", 0.9, hand_prov()),),
        extractor="rules.v1",
        extractor_version="0.1.0",
        model="m 1",
    )
    ali2 = Entity("e1", "Organization", "Alibaba", "alibaba")
    b = Document("b.txt", title="B", entities=(ali2,), extractor="rules.v1", extractor_version="0.1.0")
    return [a, b]


@pytest.fixture()
def small_records():
    """The two records of :func:`hand_records`."""
    return hand_records()


@pytest.fixture()
def small_dataset(small_records):
    """The graph built from :func:`small_records`."""
    from graph.build import build_dataset

    return build_dataset(small_records)


def _store_graphs(path: Path) -> dict[str, object]:
    """Every graph of a build folder's store, by name ("" for the default graph), as rdflib
    graphs read through :func:`graph.io.open_store_dataset`."""
    from rdflib import Graph
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from graph.io import open_store_dataset

    graphs: dict[str, Graph] = {}
    for s, p, o, ctx in open_store_dataset(path / "store").quads((None, None, None, None)):
        name = getattr(ctx, "identifier", ctx)
        key = "" if name in (None, DATASET_DEFAULT_GRAPH_ID) else str(name)
        graphs.setdefault(key, Graph()).add((s, p, o))
    return graphs  # type: ignore[return-value]


def _same_graphs(one: dict, other: dict) -> bool:
    from rdflib.compare import isomorphic

    return one.keys() == other.keys() and all(isomorphic(one[k], other[k]) for k in one)


@pytest.fixture(scope="session")
def store_graphs():
    """``store_graphs(out)``: the graphs of a build's store by name ("" is the default graph)."""
    return _store_graphs


@pytest.fixture(scope="session")
def same_graphs():
    """``same_graphs(a, b)``: two ``store_graphs`` results hold the same graphs, isomorphic."""
    return _same_graphs


@pytest.fixture()
def article_copies(tmp_path):
    """``article_copies(n)``: a folder of ``n`` distinct articles made from the bundled examples
    (each an example with a numbered closing sentence), for builds that take a while."""

    def make(n: int) -> Path:
        folder = tmp_path / f"copies-{n}"
        folder.mkdir()
        sources = sorted(EXAMPLES.glob("*.txt"))
        for i in range(n):
            src = sources[i % len(sources)]
            text = src.read_text("utf-8").rstrip() + f"\n\nThis is copy number {i} of the report.\n"
            (folder / f"{src.stem}-{i:03d}.txt").write_text(text, encoding="utf-8")
        return folder

    return make
