"""The CoNLL04 pair classifier (extract.pairs): candidate pairs, their features, and the
logistic model's predictions, on the hand-parsed Doc and hand-written weights."""

from __future__ import annotations

import json
import math

import pytest

from extract.pairs import PAIR_TYPES, PairModel, candidate_pairs, pair_features


def _first_sentence_ents(hand_parsed):
    doc = hand_parsed()
    return [e for e in doc.ents if e.sent.start == 0]  # Alibaba Group, Jack Ma, Donald Trump


def test_pairs_candidates_are_ordered_distinct_pairs_of_joinable_types(hand_parsed):
    ents = _first_sentence_ents(hand_parsed)
    pairs = [(h.text, t.text) for h, t in candidate_pairs(ents)]
    # PERSON > ORG (Work_For) and PERSON > PERSON (Kill) are joinable; ORG > PERSON is not.
    assert pairs == [
        ("Jack Ma", "Alibaba Group"),
        ("Jack Ma", "Donald Trump"),
        ("Donald Trump", "Alibaba Group"),
        ("Donald Trump", "Jack Ma"),
    ]
    assert ("PERSON", "ORG") in PAIR_TYPES.values() and ("ORG", "PERSON") not in PAIR_TYPES.values()


def test_pairs_features_of_a_pair_describe_order_gap_words_and_path(hand_parsed):
    _, ma, trump = _first_sentence_ents(hand_parsed)
    f = pair_features(ma, trump)
    assert all(v == 1.0 for v in f.values())
    expected = {
        "types=PERSON>PERSON",
        "order=ht",
        "gap=1-2",
        "bw=met",
        "bw0=met",
        "bw-1=met",
        "hprev=group",
        "hprev=founder",
        "tprev=ma",
        "tprev=met",
        "before=founder",
        "after=.",
        "path=nsubj^ dobjv",
        "pathlen=2",
        "pl=meet",
        "hhead=meet",
        "thead=meet",
        "hdep=nsubj",
        "tdep=dobj",
        "hlast=ma",
        "tlast=trump",
        "hlen=2",
        "tlen=2",
        "path+types=PERSON:nsubj^ dobjv:PERSON",
    }
    assert set(f) == expected
    # The reverse pair: the same words between, the other order and the path read backwards.
    back = pair_features(trump, ma)
    assert {"order=th", "types=PERSON>PERSON", "bw=met", "path=dobj^ nsubjv"} <= set(back)
    assert "order=ht" not in back


def test_pairs_features_name_an_adjacent_pair_and_an_entity_between(hand_parsed):
    ali, ma, trump = _first_sentence_ents(hand_parsed)
    f = pair_features(ali, trump)
    assert "entity_between" in f  # Jack Ma stands between them
    assert "gap=3-5" in f
    doc = hand_parsed()
    assert "entity_between" not in pair_features(doc.ents[1], doc.ents[2])


def _model(threshold=0.4):
    return PairModel(
        classes=("NONE", "Work_For", "Kill"),
        intercepts=(1.0, 0.0, 0.0),
        weights={"bw=for": (0.0, 3.0, 0.0), "bw=shot": (0.0, 0.0, 4.0), "types=PERSON>ORG": (-0.5, 0.5, 0.0)},
        threshold=threshold,
    )


def _softmax(scores):
    exps = [math.exp(s) for s in scores]
    return [e / sum(exps) for e in exps]


def test_pairs_model_predicts_the_best_relation_with_its_probability():
    label, p = _model().predict({"bw=for": 1.0, "types=PERSON>ORG": 1.0, "unknown-feature": 1.0})
    assert label == "Work_For"
    assert p == pytest.approx(_softmax([0.5, 3.5, 0.0])[1])


def test_pairs_model_says_none_below_its_threshold():
    # No feature known: NONE's intercept wins, and the best relation is far under 0.4.
    label, p = _model().predict({"bw=said": 1.0})
    best = _softmax([1.0, 0.0, 0.0])[1]
    assert (label, p) == ("NONE", pytest.approx(1 - best))
    # The same pair with a threshold under that probability is a relation.
    assert _model(threshold=best - 1e-9).predict({"bw=said": 1.0})[0] == "Work_For"


def test_pairs_model_round_trips_through_its_json_file(tmp_path):
    model = PairModel(("NONE", "Kill"), (0.25, -0.5), {"b": (0.123456789, 1.0), "a": (2.0, -3.0)}, 0.45)
    path = tmp_path / "relations.json"
    model.save(path)
    data = json.loads(path.read_text("utf-8"))
    assert list(data["weights"]) == ["a", "b"]  # sorted, for stable diffs
    again = PairModel.load(path)
    assert again.classes == model.classes and again.intercepts == model.intercepts
    assert again.threshold == 0.45
    assert again.weights == {"a": (2.0, -3.0), "b": (0.12346, 1.0)}  # five decimals kept


def test_pairs_model_file_without_threshold_uses_one_half(tmp_path):
    path = tmp_path / "relations.json"
    path.write_text(json.dumps({"classes": ["NONE", "Kill"], "intercepts": [0, 0], "weights": {}}), encoding="utf-8")
    assert PairModel.load(path).threshold == 0.5


def test_pairs_shipped_model_knows_every_relation_it_can_be_asked_for():
    from extract.statistical import MODEL_DIR

    model = PairModel.load(MODEL_DIR / "relations.json")
    assert "NONE" in model.classes
    assert set(model.classes) - {"NONE"} <= set(PAIR_TYPES)
    assert all(len(row) == len(model.classes) for row in model.weights.values())
