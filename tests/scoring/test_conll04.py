import json

import pytest

from base.errors import GoldError
from scoring.conll04 import evaluate_conll04, load_conll04

SENTENCE = {
    "tokens": [
        "Fu",
        "Mengzi",
        ",",
        "deputy",
        "director",
        "of",
        "the",
        "Institute",
        "of",
        "Studies",
        ",",
        "said",
        "it",
        ".",
    ],
    "entities": [{"type": "Peop", "start": 0, "end": 2}, {"type": "Org", "start": 6, "end": 10}],
    "relations": [{"type": "Work_For", "head": 0, "tail": 1}],
    "orig_id": 1,
}


def test_conll04_loader_reads_spert_json(tmp_path):
    path = tmp_path / "d.json"
    path.write_text(json.dumps([SENTENCE]))
    (sent,) = load_conll04(path)
    assert sent.gold == {("Work_For", (0, 2), "Peop", (6, 10), "Org")}


@pytest.mark.parametrize(
    "text",
    [
        "{}",
        '[{"tokens": []}]',
        "not json",
        '[{"tokens": ["a"], "entities": [], "relations": [{"type": "X", "head": 0, "tail": 1}]}]',
    ],
)
def test_conll04_malformed_files_are_errors(tmp_path, text):
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(GoldError, match="bad.json"):
        load_conll04(path)


@pytest.mark.slow
def test_conll04_strict_scoring_runs_on_given_tokens(tmp_path, nlp):
    path = tmp_path / "d.json"
    path.write_text(json.dumps([SENTENCE]))
    result = evaluate_conll04(load_conll04(path))
    assert result["sentences"] == 1
    work = result["relations"]["Work_For"]
    assert work["tp"] + work["fn"] == 1
    assert set(result) >= {"micro", "relations", "kill", "argument_entities_exact"}


@pytest.mark.slow
def test_conll04_dev_set_figures(shared):
    result = evaluate_conll04(load_conll04(shared / "benchmarks" / "conll04" / "dev.json"))
    assert result["sentences"] == 231
    assert sum(c["tp"] + c["fn"] for c in result["relations"].values()) == 301
