"""Precision, recall and F1 (scoring.metrics)."""

from __future__ import annotations

import pytest

from scoring.metrics import prf, prf_table


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({"tp": 2, "fp": 2, "fn": 0}, (0.5, 1.0, 2 / 3)),
        ({"tp": 0, "fp": 0, "fn": 5}, (0.0, 0.0, 0.0)),
        ({}, (0.0, 0.0, 0.0)),
        ({"tp": 9, "fp": 1, "fn": 9}, (0.9, 0.5, 0.9 * 0.5 * 2 / 1.4)),
    ],
)
def test_metrics_prf(counts, expected):
    assert prf(counts) == pytest.approx(expected)


def test_metrics_prf_table_keeps_the_counts():
    row = prf_table({"tp": 1, "fp": 3, "fn": 1})
    assert row == {"precision": 0.25, "recall": 0.5, "f1": 0.3333, "tp": 1, "fp": 3, "fn": 1}
