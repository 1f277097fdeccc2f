"""Precision, recall and F1: the one statement of them."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["prf", "prf_table"]


def prf(counts: Mapping[str, int]) -> tuple[float, float, float]:
    """Precision, recall and F1 from ``tp``, ``fp`` and ``fn`` counts (0.0 where undefined).

    >>> prf({"tp": 3, "fp": 1, "fn": 3})
    (0.75, 0.5, 0.6)
    """
    tp, fp, fn = counts.get("tp", 0), counts.get("fp", 0), counts.get("fn", 0)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def prf_table(counts: Mapping[str, int]) -> dict[str, float]:
    """The counts with their precision, recall and F1 (rounded to 4 places), as one row.

    >>> prf_table({"tp": 1, "fp": 1, "fn": 0})
    {'precision': 0.5, 'recall': 1.0, 'f1': 0.6667, 'tp': 1, 'fp': 1, 'fn': 0}
    """
    p, r, f = prf(counts)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), **dict(counts)}
