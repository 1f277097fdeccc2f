import json

import pytest

from extract.contract import (
    Amount,
    Document,
    Entity,
    Event,
    Mention,
    Participant,
    Provenance,
    Quote,
    Relation,
    document_from_json,
    document_to_json,
)


def _doc() -> Document:
    prov = Provenance("a.txt", 1, 10, 40, "Jack Ma met Donald Trump.", "rules.v1:meet-verb", "0.1.0", "en_core 3.8.0")
    ents = (
        Entity("e1", "Person", "Jack Ma", "jack ma", ("Ma",), (Mention("Jack Ma", "PERSON", 10, 17, 1),)),
        Entity("e2", "Person", "Donald Trump", "donald trump"),
    )
    return Document(
        id="a.txt",
        title="T",
        date="2017-01-10",
        entities=ents,
        relations=(Relation("e1", "met", "e2", 0.85, prov, subject_span=(10, 17), object_span=(22, 34)),),
        events=(
            Event(
                "ev1",
                "Offer",
                (Participant("e1", "offerer"), Participant("e2", "recipient")),
                0.7,
                prov,
                amounts=(Amount(1e6, "job", "1 million"),),
                modality="planned",
            ),
        ),
        quotes=(Quote("e1", "We talked about small firms today.", 0.9, prov),),
        extractor="rules.v1",
        extractor_version="0.1.0",
    )


def test_contract_json_round_trip_is_lossless():
    doc = _doc()
    line = document_to_json(doc)
    assert "\n" not in line
    assert document_from_json(line) == doc


def test_contract_records_are_frozen():
    doc = _doc()
    with pytest.raises(AttributeError):
        doc.relations[0].confidence = 1.0  # type: ignore[misc]


@pytest.mark.parametrize(
    "make",
    [
        lambda p: Relation("e1", "likes", "e2", 0.5, p),
        lambda p: Relation("e1", "met", "e2", 1.5, p),
        lambda p: Relation("e1", "met", "e2", 0.5, p, modality="rumoured"),
        lambda p: Event("x", "Party", (), 0.5, p),
        lambda p: Entity("e1", "Animal", "Rex", "rex"),
    ],
)
def test_contract_rejects_values_outside_the_vocabulary(make):
    prov = Provenance("a.txt", 0, 0, 1, "x", "r", "1")
    with pytest.raises(ValueError):
        make(prov)


def test_contract_rejects_bad_offsets():
    with pytest.raises(ValueError):
        Provenance("a.txt", 0, 5, 2, "x", "r", "1")


def test_contract_from_json_rejects_missing_fields():
    data = json.loads(document_to_json(_doc()))
    del data["relations"][0]["predicate"]
    with pytest.raises(TypeError):
        document_from_json(data)


def test_contract_from_json_refuses_what_is_not_a_record():
    # An article line read as a record would give an empty document: it is refused instead.
    with pytest.raises(ValueError, match="not a diplograph record"):
        document_from_json({"id": "wire.jsonl#1", "title": "T", "text": "Alibaba bought a newspaper."})
