import json

import pytest

from base.errors import GoldError
from extract.contract import Document, Entity, Provenance, Quote, Relation
from scoring.gold import load_gold, normalise_name, score


def _gold(tmp_path, **overrides):
    data = {
        "doc": "a.txt",
        "entities": [
            {"id": "ma", "type": "Person", "names": ["Jack Ma", "Ma"]},
            {"id": "ali", "type": "Organization", "names": ["Alibaba Group", "Alibaba"]},
            {"id": "trump", "type": "Person", "names": ["Donald Trump"]},
            {"id": "us", "type": "Country", "names": ["US"], "canonical": "United States"},
        ],
        "relations": [
            {"s": "ali", "p": "foundedBy", "o": "ma"},
            {"s": "trump", "p": "met", "o": "ma"},
            {"s": "trump", "p": "headOf", "o": "us"},
        ],
        "quotes": [{"speaker": "ma", "start": "We talked about small firms"}],
    }
    data.update(overrides)
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data))
    return path


def _prov():
    return Provenance("a.txt", 0, 0, 5, "x", "r", "1")


def _doc(*relations, quotes=()):
    ents = (
        Entity("e1", "Person", "Jack Ma", "jack ma", ("Ma",)),
        Entity("e2", "Company", "Alibaba", "alibaba"),
        Entity("e3", "Person", "Mr Donald Trump", "donald trump"),
        Entity("e4", "Country", "United States", "united states"),
        Entity("e5", "Company", "Alibaba Group", "alibaba group"),
    )
    return Document("a.txt", entities=ents, relations=tuple(relations), quotes=tuple(quotes))


def test_gold_normalisation_follows_the_guidelines():
    assert normalise_name("The Macy’s") == normalise_name("macys") or normalise_name("The Macy’s") == "macy"
    assert normalise_name("Mr Donald Trump") == "donald trump"
    assert normalise_name("U.S.") == "u s"


def test_gold_inverse_subrelation_symmetric_and_canonical_names_match(tmp_path):
    gold = load_gold(_gold(tmp_path))
    doc = _doc(
        Relation("e1", "founded", "e2", 0.9, _prov()),  # inverse of foundedBy
        Relation("e1", "met", "e3", 0.8, _prov()),  # symmetric, other way round
        Relation("e3", "worksFor", "e4", 0.7, _prov()),  # headOf is a worksFor; canonical name
    )
    result = score([doc], [gold]).as_dict()
    assert result["micro"]["precision"] == 1.0 and result["micro"]["recall"] == 1.0


def test_gold_each_prediction_matches_at_most_one_gold_triple(tmp_path):
    gold = load_gold(_gold(tmp_path))
    # Two predicted Alibabas (split entities) both claim the one gold triple: one is a false positive.
    doc = _doc(Relation("e1", "founded", "e2", 0.9, _prov()), Relation("e1", "founded", "e5", 0.9, _prov()))
    micro = score([doc], [gold]).as_dict()["micro"]
    assert (micro["tp"], micro["fp"], micro["fn"]) == (1, 1, 2)


def test_gold_quotes_and_confidence_bands(tmp_path):
    gold = load_gold(_gold(tmp_path))
    doc = _doc(
        Relation("e1", "founded", "e2", 0.95, _prov()),
        Relation("e2", "owns", "e4", 0.55, _prov()),
        quotes=[Quote("e1", "We talked about small firms in the Midwest.", 0.9, _prov())],
    )
    result = score([doc], [gold]).as_dict()
    assert result["quotes"] == {"gold": 1, "correct": 1, "attribution": 1.0}
    assert result["confidence_bands"]["0.9-1.0"]["precision"] == 1.0
    assert result["confidence_bands"]["0.5-0.6"]["precision"] == 0.0
    assert score([doc], [gold], min_confidence=0.6).as_dict()["micro"]["fp"] == 0


@pytest.mark.parametrize(
    ("override", "problem"),
    [
        ({"entities": [{"id": "x", "type": "Animal", "names": ["X"]}]}, "unknown type 'Animal'"),
        ({"relations": [{"s": "ma", "p": "likes", "o": "ali"}]}, "unknown relation 'likes'"),
        ({"relations": [{"s": "ma", "p": "founded", "o": "nobody"}]}, "unknown entity 'nobody'"),
        ({"quotes": [{"speaker": "nobody", "start": "x"}]}, "quote 0 needs a known speaker"),
        ({"doc": 3}, "missing or malformed 'doc'"),
    ],
)
def test_gold_malformed_files_name_the_file_and_problem(tmp_path, override, problem):
    path = _gold(tmp_path, **override)
    with pytest.raises(GoldError) as info:
        load_gold(path)
    assert str(path) in str(info.value) and problem in str(info.value)


def test_gold_bad_json_is_reported_with_position(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"doc": "a.txt", ')
    with pytest.raises(GoldError, match=r"bad.json: not valid JSON \(line 1"):
        load_gold(path)


def test_gold_document_missing_from_the_build_is_an_error(tmp_path):
    gold = load_gold(_gold(tmp_path, doc="other.txt"))
    with pytest.raises(GoldError, match="no extracted document"):
        score([_doc()], [gold])


def test_gold_agreement_of_a_set_with_itself_is_perfect(tmp_path):
    from scoring.gold import agreement

    gold = load_gold(_gold(tmp_path))
    result = agreement([gold], [gold]).as_dict()
    assert result["micro"]["f1"] == 1.0
    assert result["quotes"]["attribution"] == 1.0


def test_gold_agreement_counts_what_the_second_annotator_added_and_missed(tmp_path):
    from scoring.gold import agreement

    first = load_gold(_gold(tmp_path))
    other = tmp_path / "b"
    other.mkdir()
    second = load_gold(
        _gold(
            other,
            relations=[
                {"s": "ma", "p": "founded", "o": "ali"},  # the same fact, written the other way round
                {"s": "ma", "p": "worksFor", "o": "us"},  # one the first annotator did not take
            ],
            quotes=[{"speaker": "ma", "start": "We talked about small firms and jobs"}],  # a longer opening
        )
    )
    result = agreement([first], [second]).as_dict()
    assert (result["micro"]["tp"], result["micro"]["fp"], result["micro"]["fn"]) == (1, 1, 2)
    assert result["quotes"]["correct"] == 1


def test_gold_agreement_needs_the_same_articles(tmp_path):
    from scoring.gold import agreement

    first = load_gold(_gold(tmp_path))
    other = tmp_path / "b"
    other.mkdir()
    second = load_gold(_gold(other, doc="b.txt"))
    with pytest.raises(GoldError, match="b.txt: annotated in the second set only"):
        agreement([first], [second])
