"""Entity spans trimmed to the name and coordinations split (extract.spans), on hand-made Docs."""

from __future__ import annotations

import pytest

from extract.spans import extend_organisations, repair_entities
from tests.conftest import make_doc


def _ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def _doc(vocab, words, ents, pos=None):
    n = len(words)
    return make_doc(vocab, words, heads=list(range(n)), deps=["dep"] * n, pos=pos or ["PROPN"] * n, ents=ents)


def test_spans_cut_before_an_honorific(vocab):
    doc = _doc(vocab, ["Tanzania", "Mr", "Brown", "said", "."], ["B-ORG", "I-ORG", "I-ORG", "O", "O"])
    assert _ents(repair_entities(doc)) == [("Tanzania", "ORG"), ("Mr Brown", "PERSON")]


def test_spans_a_post_is_no_part_of_a_persons_name(vocab):
    doc = _doc(vocab, ["said", "Treasurer", "Peter", "Costello", "."], ["O", "B-PERSON", "I-PERSON", "I-PERSON", "O"])
    assert _ents(repair_entities(doc)) == [("Peter Costello", "PERSON")]
    # A post alone names no one: "said the MSP" has no speaker called "MSP".
    doc = _doc(vocab, ["said", "the", "MSP", "."], ["O", "O", "B-ORG", "O"])
    assert _ents(repair_entities(doc)) == []


def test_spans_cut_at_a_lower_case_word_that_is_no_name_particle(vocab):
    words = ["the", "Commons", "after", "Mr", "Brown", "spoke"]
    doc = _doc(vocab, words, ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"])
    assert _ents(repair_entities(doc)) == [("Commons", "ORG"), ("Mr Brown", "PERSON")]


def test_spans_keep_name_particles(vocab):
    doc = _doc(vocab, ["Bank", "of", "England", "rates"], ["B-ORG", "I-ORG", "I-ORG", "O"])
    assert _ents(repair_entities(doc)) == [("Bank of England", "ORG")]


def test_spans_split_a_coordination_of_names_used_alone(vocab):
    words = ["Blair", "and", "Brown", "met", ".", "Blair", "said", "Brown", "left"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "O", "B-PERSON", "O", "B-PERSON", "O"]
    doc = repair_entities(_doc(vocab, words, ents))
    assert _ents(doc) == [("Blair", "PERSON"), ("Brown", "PERSON"), ("Blair", "PERSON"), ("Brown", "PERSON")]


def test_spans_a_document_is_no_organisation(vocab):
    # Ruling 7: "the Multi-Fibre Agreement" cannot own, sue or employ; spaCy's label is LAW.
    words = ["the", "Multi-Fibre", "Agreement", "ended", "and", "the", "Trade", "Council", "met"]
    ents = ["O", "B-ORG", "I-ORG", "O", "O", "O", "B-ORG", "I-ORG", "O"]
    found = _ents(repair_entities(_doc(vocab, words, ents)))
    assert found == [("Multi-Fibre Agreement", "LAW"), ("Trade Council", "ORG")]


def test_spans_keep_a_fixed_name_with_and(vocab):
    # "Procter" and "Gamble" never stand alone: the name is one company.
    doc = _doc(vocab, ["Procter", "and", "Gamble", "rose"], ["B-ORG", "I-ORG", "I-ORG", "O"])
    assert _ents(repair_entities(doc)) == [("Procter and Gamble", "ORG")]


def test_spans_drop_a_sentence_opening_verb(vocab):
    pos = ["VERB", "PROPN", "ADP", "PROPN"]
    doc = _doc(vocab, ["Get", "Brown", "out", "now"], ["B-PERSON", "I-PERSON", "O", "O"], pos=pos)
    # A hand-made parse: every token heads its own sentence, so "Get" opens one.
    assert _ents(repair_entities(doc)) == [("Brown", "PERSON")]


def test_spans_split_a_person_ending_in_an_organisation_name(vocab):
    words = ["Blair", "Labour", "won", ".", "Labour", "gained"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O"]
    doc = repair_entities(_doc(vocab, words, ents))
    assert _ents(doc) == [("Blair", "PERSON"), ("Labour", "ORG"), ("Labour", "ORG")]


def test_spans_never_cut_a_gazetteer_entry(vocab):
    from spacy.tokens import Span

    doc = _doc(vocab, ["Marsh", "after", "McLennan", "fell"], None)
    doc.ents = [Span(doc, 0, 3, label="ORG", span_id="Marsh after McLennan")]
    assert doc.ents[0].ent_id_ == "Marsh after McLennan"
    assert _ents(repair_entities(doc)) == [("Marsh after McLennan", "ORG")]


def test_spans_drop_punctuation_and_a_closing_post(vocab):
    words = ["Associated", "Cement", "Companies", "(", "ACC", ")", ",", "the", "Bedford", "MP", "said"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "B-ORG", "O", "O", "O", "B-ORG", "I-ORG", "O"]
    doc = repair_entities(_doc(vocab, words, ents))
    assert _ents(doc) == [("Associated Cement Companies", "ORG"), ("ACC", "ORG"), ("Bedford", "ORG")]


@pytest.mark.parametrize("post", ["MEP", "MSP", "MLA"])
def test_spans_drop_the_post_of_an_elected_member_that_closes_an_organisation(vocab, post):
    # "UKIP MEP Tom Wise": the party, not a body called "UKIP MEP".
    doc = repair_entities(_doc(vocab, ["UKIP", post, "Tom", "Wise"], ["B-ORG", "I-ORG", "B-PERSON", "I-PERSON"]))
    assert _ents(doc) == [("UKIP", "ORG"), ("Tom Wise", "PERSON")]


def test_spans_join_an_organisation_and_a_group_written_together(vocab):
    doc = _doc(vocab, ["Liberal", "Democrat", "leader", "Kennedy"], ["B-ORG", "B-NORP", "O", "B-PERSON"])
    assert _ents(repair_entities(doc)) == [("Liberal Democrat", "ORG"), ("Kennedy", "PERSON")]
    # A demonym stays apart: "British" + "Airways" is not joined.
    doc = _doc(vocab, ["British", "Airways", "rose"], ["B-NORP", "B-ORG", "O"])
    assert _ents(repair_entities(doc)) == [("British", "NORP"), ("Airways", "ORG")]


def test_organisations_run_on_over_a_suffix_and_the_noun_they_compound():
    import spacy

    vocab = spacy.blank("en").vocab
    # "Geely Holding bought Volvo Cars from Ford Chairman Bill Ford ."
    words = ["Geely", "Holding", "bought", "Volvo", "Cars", "from", "Ford", "Chairman", "Bill", "Ford", "."]
    heads = [1, 2, 2, 4, 2, 2, 7, 9, 9, 5, 2]
    deps = ["advmod", "nsubj", "ROOT", "compound", "dobj", "prep", "compound", "compound", "compound", "pobj", "punct"]
    pos = ["ADV", "PROPN", "VERB", "PROPN", "PROPN", "ADP", "PROPN", "PROPN", "PROPN", "PROPN", "PUNCT"]
    ents = ["B-ORG", "O", "O", "B-ORG", "O", "O", "B-ORG", "O", "B-PERSON", "I-PERSON", "O"]
    doc = extend_organisations(make_doc(vocab, words, heads, deps, pos=pos, ents=ents))
    # A title is never taken into the name, nor is a word of another entity.
    assert _ents(doc) == [("Geely Holding", "ORG"), ("Volvo Cars", "ORG"), ("Ford", "ORG"), ("Bill Ford", "PERSON")]


def _office_doc(vocab, words, ents, heads):
    return make_doc(vocab, words, heads=heads, deps=["compound"] * len(words), pos=["PROPN"] * len(words), ents=ents)


def test_spans_drop_the_brief_of_an_office_title(vocab):
    # "Defence Secretary Geoff Hoon said": "Defence" compounds "Secretary" and is named nowhere else.
    words = ["Defence", "Secretary", "Geoff", "Hoon", "said"]
    doc = _office_doc(vocab, words, ["B-ORG", "O", "B-PERSON", "I-PERSON", "O"], heads=[1, 3, 3, 4, 4])
    assert _ents(repair_entities(doc)) == [("Geoff Hoon", "PERSON")]


def test_spans_keep_an_office_modifier_that_is_an_organisation(vocab):
    # "Treasury" named on its own elsewhere, and "Labour Party" holding an organisation word, stay.
    words = ["Treasury", "Secretary", "Snow", "and", "the", "Treasury", "and", "Labour", "Party", "Secretary", "Ann"]
    ents = ["B-ORG", "O", "B-PERSON", "O", "O", "B-ORG", "O", "B-ORG", "I-ORG", "O", "B-PERSON"]
    heads = [1, 2, 2, 2, 5, 2, 2, 8, 9, 10, 10]
    assert _ents(repair_entities(_office_doc(vocab, words, ents, heads))) == [
        ("Treasury", "ORG"),
        ("Snow", "PERSON"),
        ("Treasury", "ORG"),
        ("Labour Party", "ORG"),
        ("Ann", "PERSON"),
    ]


def test_spans_drop_a_coordinated_brief_of_an_office_title(vocab):
    # "Justice and Home Affairs Commissioner Frattini": both briefs go, the person stays.
    words = ["Justice", "and", "Home", "Affairs", "Commissioner", "Frattini", "said"]
    ents = ["B-ORG", "O", "B-ORG", "I-ORG", "O", "B-PERSON", "O"]
    heads = [4, 0, 3, 0, 5, 6, 6]
    assert _ents(repair_entities(_office_doc(vocab, words, ents, heads))) == [("Frattini", "PERSON")]


def test_spans_drop_a_brief_of_two_coordinated_portfolios_in_one_span(vocab):
    # "Trade and Industry Secretary Patricia Hewitt said": the NER's one ORG span is the brief.
    words = ["Trade", "and", "Industry", "Secretary", "Patricia", "Hewitt", "said"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O"]
    heads = [3, 0, 0, 5, 5, 6, 6]
    assert _ents(repair_entities(_office_doc(vocab, words, ents, heads))) == [("Patricia Hewitt", "PERSON")]
    # Three named parts are more than a brief: the span stays.
    words = ["Marks", "and", "Spencer", "Group", "Secretary", "Ann", "said"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-PERSON", "O"]
    heads = [4, 0, 0, 0, 5, 6, 6]
    assert _ents(repair_entities(_office_doc(vocab, words, ents, heads)))[0] == ("Marks and Spencer Group", "ORG")


def test_spans_drop_the_first_word_of_an_office_ending_in_general(vocab):
    # "Solicitor General Harriet Harman said": "Solicitor" is half of the post, not an employer.
    words = ["Solicitor", "General", "Harriet", "Harman", "said"]
    doc = _office_doc(vocab, words, ["B-ORG", "O", "B-PERSON", "I-PERSON", "O"], heads=[1, 3, 3, 4, 4])
    assert _ents(repair_entities(doc)) == [("Harriet Harman", "PERSON")]


def _group_doc(vocab, words, ents, heads, deps):
    pos = ["ADJ" if d == "amod" else "PROPN" for d in deps]
    return make_doc(vocab, words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_spans_take_in_a_modifier_the_article_writes_with_the_name_elsewhere(vocab):
    # "Liberal Democrat leader Kennedy . the Liberal Democrat party": the NER left "Liberal" out
    # of the first; the second shows it belongs to the name.
    words = ["Liberal", "Democrat", "leader", "Kennedy", ".", "the", "Liberal", "Democrat", "party"]
    ents = ["O", "B-NORP", "O", "B-PERSON", "O", "O", "B-ORG", "I-ORG", "O"]
    heads = [1, 2, 3, 3, 3, 8, 7, 8, 8]
    deps = ["amod", "compound", "compound", "ROOT", "punct", "det", "amod", "compound", "ROOT"]
    doc = extend_organisations(_group_doc(vocab, words, ents, heads, deps))
    assert _ents(doc)[0] == ("Liberal Democrat", "NORP")


def test_spans_leave_a_modifier_the_article_never_writes_with_the_name(vocab):
    # "Liberal Democrat leader Kennedy ." alone: nothing shows "Liberal" is part of the name.
    words = ["Liberal", "Democrat", "leader", "Kennedy", "."]
    heads = [1, 2, 3, 3, 3]
    deps = ["amod", "compound", "compound", "ROOT", "punct"]
    doc = extend_organisations(_group_doc(vocab, words, ["O", "B-NORP", "O", "B-PERSON", "O"], heads, deps))
    assert _ents(doc) == [("Democrat", "NORP"), ("Kennedy", "PERSON")]
