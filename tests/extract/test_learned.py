"""The learned relation classifier (extract.learned): labels, scoring, candidates, the shipped file."""

from __future__ import annotations

import json

import pytest

from extract.entities import build_entities
from extract.learned import (
    LABELS,
    RelationModel,
    combine,
    label_of,
    labels_allowed,
    learned_candidates,
    load_relation_model,
)
from extract.relations import Candidate


def _model(weights, bias, threshold=0.5, combine_mode="learned"):
    return RelationModel(weights, bias, threshold, {}, {"combine": combine_mode})


def test_learned_labels_carry_direction_except_symmetric():
    assert "worksFor>" in LABELS and "worksFor<" in LABELS
    assert "met" in LABELS and "met>" not in LABELS
    assert label_of("worksFor", True) == "worksFor>"


def test_learned_labels_allowed_follow_the_signatures():
    allowed = labels_allowed("Person", "Organization")
    assert "worksFor>" in allowed and "worksFor<" not in allowed
    assert "owns>" in allowed and "owns<" not in allowed  # an organisation owns no person
    assert "basedIn>" not in allowed
    assert "basedIn>" in labels_allowed("Organization", "Country")
    assert labels_allowed("Place", "Place") == ("locatedIn>", "locatedIn<")


def test_learned_scores_are_a_sigmoid_of_the_weights():
    model = _model({"met": {"a": 2.0}}, {"met": -1.0})
    assert model.scores({"a": 1.0}, ["met"])["met"] == pytest.approx(1 / (1 + 2.718281828**-1.0), rel=1e-6)
    assert model.scores({"a": 1.0}, ["owns>"]) == {}  # a label the model has no weights for


def test_learned_model_survives_a_json_round_trip():
    model = RelationModel({"met": {"a": 2.0}}, {"met": -1.0}, 0.4, {"met": 0.6}, {"data": "x"})
    again = RelationModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again == model
    assert again.threshold_for("met") == 0.6 and again.threshold_for("owns>") == 0.4


def test_learned_candidates_above_threshold_and_not_negated(hand_parsed):
    doc = hand_parsed()
    index = build_entities(doc)
    model = _model({"met": {"bw=meet": 4.0}, "acquires>": {"bw=buy": 4.0}}, {"met": -1.0, "acquires>": -1.0})
    names = {e.id: e.name for e in index.entities}
    found = {(names[c.subject], c.predicate, names[c.object]) for c in learned_candidates(doc, index, [], model)}
    assert ("Jack Ma", "met", "Donald Trump") in found or ("Donald Trump", "met", "Jack Ma") in found
    # "Ma did not buy Yahoo": the model scores it, the negated clause voids it.
    assert not any(t[2] == "Yahoo" for t in found)
    strict = _model(model.weights, model.bias, threshold=0.99)
    assert learned_candidates(doc, index, [], strict) == []


def test_learned_combine_keeps_name_homes_or_everything():
    rule = Candidate("e1", "owns", "e2", 0.8, "actual", None, 0, "owner-of")
    home = Candidate("e1", "basedIn", "e3", 0.7, "actual", None, 0, "name-states-home")
    learned = [Candidate("e1", "met", "e4", 0.9, "actual", None, 0, "learned")]
    assert combine([rule, home], learned, _model({}, {})) == [*learned, home]
    assert combine([rule, home], learned, _model({}, {}, combine_mode="union")) == [*learned, rule, home]


def test_learned_shipped_model_records_its_provenance():
    model = load_relation_model()
    prov = model.provenance
    for key in ("data", "command", "learner", "cross_validation", "combine"):
        assert key in prov, key
    assert "gold/train" in prov["data"] and "sealed" not in prov["data"].replace("SPLIT", "")
    assert set(model.weights) <= set(LABELS)
    assert 0 < model.threshold < 1


def test_learned_relations_left_to_the_rules_are_never_scored():
    model = RelationModel(
        {"met": {"a": 2.0}, "owns>": {"a": 2.0}}, {"met": 0.0, "owns>": 0.0}, 0.5, {"owns>": 1.01}, {}
    )
    assert model.enabled() == {"met"}
    assert set(model.scores({"a": 1.0}, ["met", "owns>"])) == {"met"}
