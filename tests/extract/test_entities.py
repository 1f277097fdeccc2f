import pytest

from extract.contract import broad_type
from extract.entities import build_entities, clean_name, entity_key
from tests.conftest import make_doc


def _doc(vocab):
    # "The US and America . South China Morning Post ( SCMP ) . Jack Ma met Chinese officials . Ma left ."
    words = [
        "The",
        "US",
        "and",
        "America",
        ".",
        "South",
        "China",
        "Morning",
        "Post",
        "(",
        "SCMP",
        ")",
        ".",
        "Jack",
        "Ma",
        "met",
        "Chinese",
        "officials",
        ".",
        "Ma",
        "left",
        ".",
    ]
    heads = [1, 1, 1, 1, 1, 8, 8, 8, 8, 10, 8, 10, 8, 14, 15, 15, 17, 15, 15, 20, 20, 20]
    deps = [
        "det",
        "ROOT",
        "cc",
        "conj",
        "punct",
        "compound",
        "compound",
        "compound",
        "ROOT",
        "punct",
        "appos",
        "punct",
        "punct",
        "compound",
        "nsubj",
        "ROOT",
        "amod",
        "dobj",
        "punct",
        "nsubj",
        "ROOT",
        "punct",
    ]
    ents = [
        "O",
        "B-GPE",
        "O",
        "B-GPE",
        "O",
        "B-ORG",
        "I-ORG",
        "I-ORG",
        "I-ORG",
        "O",
        "B-ORG",
        "O",
        "O",
        "B-PERSON",
        "I-PERSON",
        "O",
        "B-NORP",
        "O",
        "O",
        "B-PERSON",
        "O",
        "O",
    ]
    return make_doc(vocab, words, heads, deps, ents=ents)


def test_entities_merge_aliases_acronyms_and_surnames(vocab):
    index = build_entities(_doc(vocab))
    by_name = {e.name: e for e in index.entities}
    assert set(by_name) == {"United States", "South China Morning Post", "Jack Ma", "China"}
    assert set(by_name["United States"].surface_forms) == {"US", "America"}
    assert by_name["South China Morning Post"].surface_forms == ("SCMP",)
    assert by_name["South China Morning Post"].type == "MediaOrganization"
    assert by_name["Jack Ma"].surface_forms == ("Ma",)
    assert len(by_name["Jack Ma"].mentions) == 2


def test_entities_demonyms_link_to_the_country_without_being_names(vocab):
    index = build_entities(_doc(vocab))
    china = next(e for e in index.entities if e.name == "China")
    assert china.type == "Country"
    assert china.surface_forms == ()
    assert index.token_entity[16] == china.id


def test_entities_keys_fold_case_suffixes_and_possessives():
    assert entity_key("Alibaba Group", "Organization") == entity_key("ALIBABA", "Organization") == "alibaba"
    assert entity_key("Mr Hugo Chavez's", "Person") == "hugo chavez"
    # Corporate suffixes are dropped from organisations only: a person's name keeps every word.
    assert entity_key("Marks and Spencer Group", "Organization") == "marks and spencer"
    assert entity_key("John Group", "Person") == "john group"
    assert clean_name("the Post’s") == "Post"


@pytest.mark.parametrize("name", ["Institute of American Studies", "Chinese Academy of Social Sciences"])
def test_entities_research_institutes_are_typed(vocab, name):
    words = name.split()
    heads = [len(words) - 1] * len(words)
    heads[-1] = len(words) - 1
    deps = ["compound"] * (len(words) - 1) + ["ROOT"]
    ents = ["B-ORG"] + ["I-ORG"] * (len(words) - 1)
    index = build_entities(make_doc(vocab, words, heads, deps, ents=ents))
    assert index.entities[0].type == "ResearchInstitute"


def test_entities_confidence_weighs_mentions_knowledge_and_headlines():
    import spacy

    from extract.contract import Mention
    from extract.entities import entity_confidence

    text = "BRAZIL SEAMEN CONTINUE STRIKE\n\nThe seamen's union said the strike by Brazil's seamen would go on."
    doc = spacy.blank("en")(text)
    headline = [Mention("BRAZIL SEAMEN CONTINUE", "ORG", 0, 22, 0)]
    body = [Mention("Brazil", "GPE", text.index("Brazil's"), text.index("Brazil's") + 6, 1)]
    assert entity_confidence(doc.text, headline, known=False) < 0.3  # only ever in an upper-case headline
    assert entity_confidence(doc.text, body, known=True) > entity_confidence(doc.text, body, known=False)
    assert entity_confidence(doc.text, body * 3, known=False) > entity_confidence(doc.text, body, known=False)
    assert 0.05 <= entity_confidence(doc.text, headline * 5, known=True) <= 1.0


def test_entities_records_carry_their_confidence(hand_parsed):
    from extract.contract import Document, document_from_json, document_to_json

    index = build_entities(hand_parsed())
    assert all(0 < e.confidence <= 1 for e in index.entities)
    doc = Document("t.txt", entities=tuple(index.entities))
    assert document_from_json(document_to_json(doc)) == doc


@pytest.mark.parametrize(("title", "seat_type"), [("MP", "Place"), ("senator", "Place"), ("chief", "Organization")])
def test_entities_the_seat_of_an_elected_member_is_a_place(vocab, title, seat_type):
    # "Roche , Labour MP for Hornsey , spoke ." with "Hornsey" tagged ORG by the NER.
    words = ["Roche", ",", "Labour", title, "for", "Hornsey", ",", "spoke", "."]
    heads = [7, 0, 3, 0, 3, 4, 0, 7, 7]
    deps = ["nsubj", "punct", "compound", "appos", "prep", "pobj", "punct", "ROOT", "punct"]
    ents = ["B-PERSON", "O", "B-ORG", "O", "O", "B-ORG", "O", "O", "O"]
    index = build_entities(make_doc(vocab, words, heads, deps, ents=ents))
    types = {e.name: e.type for e in index.entities}
    assert types["Hornsey"] == seat_type
    assert broad_type(types["Labour"]) == "Organization"


GROUPS = [
    ("Tory", "frontbencher", True),
    ("Republican", "senator", True),
    ("Muslim", "leader", False),
    ("Tory", "voters", False),
]


@pytest.mark.parametrize(("group", "title", "is_party"), GROUPS)
def test_entities_a_group_that_heads_a_post_is_a_party_not_a_religion(vocab, group, title, is_party):
    # "Tory frontbencher Patrick Mercer spoke ." with "Tory" tagged NORP by the NER.
    words = [group, title, "Patrick", "Mercer", "spoke", "."]
    heads = [1, 3, 3, 4, 4, 4]
    deps = ["compound", "compound", "compound", "nsubj", "ROOT", "punct"]
    ents = ["B-NORP", "O", "B-PERSON", "I-PERSON", "O", "O"]
    index = build_entities(make_doc(vocab, words, heads, deps, ents=ents))
    organisations = [e.name for e in index.entities if broad_type(e.type) == "Organization"]
    assert organisations == ([group] if is_party else [])
