"""The text tables of scores (scoring.report)."""

from __future__ import annotations

from scoring.gold import Scores
from scoring.report import format_conll04, format_scores


def test_report_scores_table_has_a_row_per_relation_a_micro_row_and_quotes():
    scores = Scores()
    scores.add("met", "tp", 3)
    scores.add("met", "fn", 1)
    scores.add("owns", "fp", 2)
    scores.quotes_total, scores.quotes_correct = 4, 3
    text = format_scores(scores.as_dict())
    rows = {
        line.split()[0]: line.split()[1:]
        for line in text.splitlines()
        if line and line.split()[0] in {"met", "owns", "micro"}
    }
    assert rows["met"][:3] == ["4", "3", "3"]  # gold, predicted, correct
    assert rows["owns"][:3] == ["0", "2", "0"]
    assert rows["micro"][:3] == ["4", "5", "3"] and rows["micro"][-1] == "0.67"
    assert "quote attribution: 3/4 = 0.75" in text


def test_report_conll04_table():
    row = {"precision": 0.5, "recall": 0.25, "f1": 0.3333, "tp": 1, "fp": 1, "fn": 3}
    result = {
        "sentences": 2,
        "extractor": "x",
        "relations": {"Work_For": row},
        "micro": row,
        "kill": row,
        "argument_entities_exact": 0.9,
    }
    text = format_conll04(result)
    assert "Work_For        1    1    3   0.50   0.25   0.33" in text and "found exactly by the NER: 0.90" in text
