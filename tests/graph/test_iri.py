from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from graph.iri import mint


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_iri_every_minted_iri_survives_a_turtle_round_trip(name):
    iri = mint("person", name)
    g = Graph()
    g.add((iri, RDFS.label, Literal("x")))
    back = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert set(back.subjects()) == {iri}


def test_iri_minting_is_deterministic_and_injective_on_names():
    assert mint("organization", "AT&T") == mint("organization", "AT&T")
    assert mint("organization", "AT&T") != mint("organization", "AT T")
    assert mint("place", "a/b") != mint("place", "a", "b")
    assert isinstance(mint("doc", "bbc/business/001.txt", fragment="char=0,10"), URIRef)


def test_iri_refuses_unknown_kinds():
    import pytest

    with pytest.raises(ValueError):
        mint("animal", "rex")
    with pytest.raises(ValueError):
        mint("person")


def test_iri_non_latin_names_are_kept_readable_when_decoded():
    from urllib.parse import unquote

    iri = mint("person", '马云 "Jack" Ma')
    assert unquote(str(iri)).endswith('马云_"Jack"_Ma')
