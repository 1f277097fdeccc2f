"""diplograph's spaCy components (extract.components), on hand-made Docs: no model is loaded."""

from __future__ import annotations

import types

import pytest
from spacy.tokens import Span

import extract.components as components
from extract.components import (
    CORE_LABELS,
    EntityCues,
    NamePropagator,
    RelationMatcher,
    country_patterns,
    gazetteer_patterns,
)
from extract.lexicon import load_jsonl
from tests.conftest import make_doc


@pytest.fixture(scope="module")
def blank():
    import spacy

    return spacy.blank("en")


def _flat(vocab, words, ents, pos=None):
    """A Doc with the given entities and no real parse (every token its own head)."""
    n = len(words)
    return make_doc(vocab, words, list(range(n)), ["dep"] * n, pos=pos or ["PROPN"] * n, ents=ents)


def _ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


# ---------------------------------------------------------------- diplograph_paragraphs


def test_components_paragraphs_a_line_break_opens_a_sentence_at_the_break(blank):
    nlp = blank.from_config(blank.config)
    nlp.add_pipe("diplograph_paragraphs")
    doc = nlp("Trade talks\nChina and Japan met.")
    starts = {t.text: t.is_sent_start for t in doc}
    # The whitespace token opens the sentence; the word after it must not be cut off alone.
    assert starts["\n"] is True
    assert starts["China"] is False
    assert [t.is_sent_start for t in doc if t.text in ("and", "Japan", "met")] == [None, None, None]


def test_components_paragraphs_leave_a_text_without_breaks_alone(blank):
    nlp = blank.from_config(blank.config)
    nlp.add_pipe("diplograph_paragraphs")
    doc = nlp("China and Japan met in Tokyo.")
    assert [t.is_sent_start for t in doc][1:] == [None] * (len(doc) - 1)


# ---------------------------------------------------------------- rulers' patterns


def test_components_gazetteer_patterns_give_every_name_and_alias_its_canonical_id():
    patterns = gazetteer_patterns()
    assert {"label": "ORG", "pattern": "United Nations", "id": "United Nations"} in patterns
    assert {"label": "ORG", "pattern": "UN", "id": "United Nations"} in patterns
    names = {row["name"] for row in load_jsonl("gazetteer.jsonl")}
    assert {p["id"] for p in patterns} == names
    assert {p["label"] for p in patterns} == {"ORG"}


def test_components_gazetteer_patterns_skip_comment_lines(monkeypatch):
    text = (
        "// the gazetteer: a header comment, as every other pattern file may have\n"
        '{"name": "World Trade Organization", "type": "InternationalOrganization", "aliases": ["WTO"]}\n'
    )
    import extract.lexicon as lexicon

    read = lexicon._read
    monkeypatch.setattr(lexicon, "_read", lambda name: text if name == "gazetteer.jsonl" else read(name))

    class _File:
        def joinpath(self, *parts):
            return self

        def read_text(self, encoding="utf-8"):
            return text

    monkeypatch.setattr(components, "resources", types.SimpleNamespace(files=lambda package: _File()), raising=False)
    assert [p["pattern"] for p in gazetteer_patterns()] == ["World Trade Organization", "WTO"]


def test_components_country_patterns_capitalised_names_and_demonyms_only():
    patterns = country_patterns()
    assert {"label": "GPE", "pattern": "U.S.", "id": "United States"} in patterns
    assert {"label": "GPE", "pattern": "America", "id": "United States"} in patterns
    assert {"label": "NORP", "pattern": "Chinese", "id": "China"} in patterns
    # Lower-case look-up keys ("china") are not ruler patterns: the ruler matches names as written.
    assert not [p for p in patterns if not p["pattern"][:1].isupper()]
    # A demonym that is also a country's name is a GPE pattern only, never a second NORP one.
    gpe = {p["pattern"] for p in patterns if p["label"] == "GPE"}
    assert not [p for p in patterns if p["label"] == "NORP" and p["pattern"] in gpe]


# ---------------------------------------------------------------- diplograph_names


def test_components_names_refind_a_surname_and_a_name_without_its_suffix(blank):
    words = ["Donald", "Trump", "met", "Alibaba", "Group", ".", "Trump", "praised", "Alibaba", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "O", "O", "O", "B-GPE", "O"]
    doc = NamePropagator(blank.vocab, blank.make_doc)(_flat(blank.vocab, words, ents))
    # "Trump" was missed, "Alibaba" mislabelled as a place: both now carry their first label.
    assert _ents(doc) == [
        ("Donald Trump", "PERSON"),
        ("Alibaba Group", "ORG"),
        ("Trump", "PERSON"),
        ("Alibaba", "ORG"),
    ]


def test_components_names_refind_an_acronym_of_an_organisation(blank):
    words = ["South", "China", "Morning", "Post", "said", ".", "SCMP", "grew", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O"]
    doc = NamePropagator(blank.vocab, blank.make_doc)(_flat(blank.vocab, words, ents))
    assert ("SCMP", "ORG") in _ents(doc)


def test_components_names_keep_a_longer_name_that_contains_a_short_form(blank):
    words = ["Donald", "Trump", "opened", "Trump", "Tower", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-FAC", "I-FAC", "O"]
    doc = NamePropagator(blank.vocab, blank.make_doc)(_flat(blank.vocab, words, ents))
    assert _ents(doc) == [("Donald Trump", "PERSON"), ("Trump Tower", "FAC")]
    assert "FAC" in CORE_LABELS


def test_components_names_a_lone_surname_person_teaches_nothing(blank):
    words = ["Trump", "met", "Ma", ".", "Trump", "left", "."]
    ents = ["B-PERSON", "O", "O", "O", "O", "O", "O"]
    doc = NamePropagator(blank.vocab, blank.make_doc)(_flat(blank.vocab, words, ents))
    assert _ents(doc) == [("Trump", "PERSON")]


# ---------------------------------------------------------------- diplograph_entity_cues


def test_components_entity_cues_relabel_a_name_the_context_calls_a_company(blank):
    cues = EntityCues(blank.vocab)
    doc = _flat(blank.vocab, ["the", "brokerage", "Aton", "said", "."], ["O", "O", "B-PERSON", "O", "O"],
                pos=["DET", "NOUN", "PROPN", "VERB", "PUNCT"])  # fmt: skip
    assert _ents(cues(doc)) == [("Aton", "ORG")]
    doc = _flat(blank.vocab, ["its", "Clearstream", "unit", "grew", "."], ["O"] * 5,
                pos=["PRON", "PROPN", "NOUN", "VERB", "PUNCT"])  # fmt: skip
    assert _ents(cues(doc)) == [("Clearstream", "ORG")]


def test_components_entity_cues_the_name_after_a_post_at_or_with_is_an_organisation(blank):
    cues = EntityCues(blank.vocab)
    words = ["Sweere", ",", "an", "analyst", "at", "Petercam", ",", "said", "."]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "VERB", "PUNCT"]
    doc = _flat(blank.vocab, words, ["B-PERSON"] + ["O"] * 8, pos=pos)
    assert _ents(cues(doc)) == [("Sweere", "PERSON"), ("Petercam", "ORG")]
    words = ["an", "analyst", "with", "Purvin", "and", "Gertz", "said", "."]
    pos = ["DET", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"]
    doc = _flat(blank.vocab, words, ["O", "O", "O", "O", "O", "B-GPE", "O", "O"], pos=pos)
    assert _ents(cues(doc)) == [("Purvin and Gertz", "ORG")]
    # Two firms the NER found are never joined into one.
    doc = _flat(blank.vocab, words, ["O", "O", "O", "B-ORG", "O", "B-ORG", "O", "O"], pos=pos)
    assert _ents(cues(doc)) == [("Purvin", "ORG"), ("Gertz", "ORG")]
    # Talks with a person are not a post: "talks" is no title, the name stays a person's.
    words = ["talks", "with", "Chirac", "ended", "."]
    doc = _flat(blank.vocab, words, ["O", "O", "B-PERSON", "O", "O"], pos=["NOUN", "ADP", "PROPN", "VERB", "PUNCT"])
    assert _ents(cues(doc)) == [("Chirac", "PERSON")]


def test_components_entity_cues_a_name_before_a_party_post_and_a_person_is_an_organisation(blank):
    cues = EntityCues(blank.vocab)
    words = ["Labour", "MP", "John", "Cryer", "said", "."]
    pos = ["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"]
    doc = _flat(blank.vocab, words, ["O", "O", "B-PERSON", "I-PERSON", "O", "O"], pos=pos)
    assert _ents(cues(doc)) == [("Labour", "ORG"), ("John Cryer", "PERSON")]
    # A word that qualifies the post ("Former", "State") is no party's name.
    for first in ("Former", "State"):
        doc = _flat(blank.vocab, [first, *words[1:]], ["O", "O", "B-PERSON", "I-PERSON", "O", "O"], pos=pos)
        assert _ents(cues(doc)) == [("John Cryer", "PERSON")]
    # A state post is no party post: "Finance Minister X" names no organisation.
    words = ["Finance", "Minister", "Kiichi", "Miyazawa", "said", "."]
    doc = _flat(blank.vocab, words, ["O", "O", "B-PERSON", "I-PERSON", "O", "O"], pos=pos)
    assert _ents(cues(doc)) == [("Kiichi Miyazawa", "PERSON")]


def test_components_entity_cues_leave_full_person_names_and_gazetteer_entities(blank):
    cues = EntityCues(blank.vocab)
    pos = ["DET", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"]
    words = ["the", "brokerage", "John", "Smith", "said", "."]
    doc = _flat(blank.vocab, words, ["O", "O", "B-PERSON", "I-PERSON", "O", "O"], pos=pos)
    assert _ents(cues(doc)) == [("John Smith", "PERSON")]
    # A name the gazetteer placed (it carries an id) is never relabelled by a cue.
    doc = _flat(blank.vocab, ["the", "bank", "Geneva", "said", "."], ["O"] * 5,
                pos=["DET", "NOUN", "PROPN", "VERB", "PUNCT"])  # fmt: skip
    doc.ents = [Span(doc, 2, 3, label="GPE", span_id="Geneva")]
    assert doc.ents[0].ent_id_ == "Geneva"
    assert _ents(cues(doc)) == [("Geneva", "GPE")]


# ---------------------------------------------------------------- diplograph_relations


def test_components_relation_matcher_leaves_role_to_token_matches(vocab, hand_parsed):
    doc = RelationMatcher(vocab)(hand_parsed())
    matches = doc._.dg_matches
    by_rule = {}
    for rule_id, roles in matches:
        by_rule.setdefault(rule_id, []).append(roles)
    # "Ma met Donald Trump": subject Ma (4), object Trump (7), trigger "met" (5).
    assert {"trigger": 5, "subject": 4, "object": 7} in by_rule["meet-verb"]
    # "Ma did not buy Yahoo" is matched (the negation is judged later, in extract.relations).
    assert {"trigger": 12, "subject": 9, "object": 13} in by_rule["buy-verb"]
    # "he owns Univision".
    assert {"trigger": 18, "subject": 17, "object": 19} in by_rule["own-verb"]
    rules = {r["id"] for r in load_jsonl("relations.jsonl")} | {r["id"] for r in load_jsonl("surface.jsonl")}
    assert set(by_rule) <= rules


def test_components_relation_matcher_runs_surface_rules_with_their_roles(vocab):
    # "Shares rose . SAIC , owner of the Rover brand": the surface rule owner-dash, whose roles
    # are pattern elements 0 and 5, here tokens 3 and 8.
    words = ["Shares", "rose", ".", "SAIC", ",", "owner", "of", "the", "Rover", "brand"]
    ents = ["O", "O", "O", "B-ORG", "O", "O", "O", "O", "B-ORG", "O"]
    n = len(words)
    doc = make_doc(vocab, words, list(range(n)), ["dep"] * n, pos=["PROPN"] * n, ents=ents)
    matches = RelationMatcher(vocab)(doc)._.dg_matches
    assert ("owner-dash", {"subject": 3, "object": 8}) in matches
