"""The scores as the text tables the CLI prints: gold evaluation and agreement, and CoNLL04."""

from __future__ import annotations

from typing import Any

__all__ = ["format_scores", "format_conll04"]


def format_scores(result: dict[str, Any]) -> str:
    """The evaluation as a text table: one row per relation, micro total, quotes, bands."""
    lines = [f"{'relation':<12} {'gold':>5} {'pred':>5} {'tp':>4} {'P':>6} {'R':>6} {'F1':>6}"]
    for rel, c in result["relations"].items():
        gold, pred = c.get("tp", 0) + c.get("fn", 0), c.get("tp", 0) + c.get("fp", 0)
        lines.append(
            f"{rel:<12} {gold:>5} {pred:>5} {c.get('tp', 0):>4} {c['precision']:>6.2f} {c['recall']:>6.2f} "
            f"{c['f1']:>6.2f}"
        )
    m = result["micro"]
    gold, pred = m.get("tp", 0) + m.get("fn", 0), m.get("tp", 0) + m.get("fp", 0)
    lines.append("-" * 50)
    lines.append(
        f"{'micro':<12} {gold:>5} {pred:>5} {m.get('tp', 0):>4} {m['precision']:>6.2f} {m['recall']:>6.2f} "
        f"{m['f1']:>6.2f}"
    )
    q = result["quotes"]
    lines.append(f"\nquote attribution: {q['correct']}/{q['gold']} = {q['attribution']:.2f}")
    lines.append("\nprecision by confidence band:")
    for band, b in result["confidence_bands"].items():
        precision = "-" if b["precision"] is None else f"{b['precision']:.2f}"
        lines.append(f"  {band}: {b['correct']:>3}/{b['predicted']:<3} correct, precision {precision}")
    return "\n".join(lines)


def format_conll04(result: dict[str, Any]) -> str:
    lines = [
        f"CoNLL04: {result['sentences']} sentences, extractor {result['extractor']}; "
        "strict micro F1 over the four relations",
        f"{'relation':<12} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    rows = [*result["relations"].items(), ("micro", result["micro"]), ("Kill (apart)", result["kill"])]
    for name, c in rows:
        lines.append(
            f"{name:<12} {c.get('tp', 0):>4} {c.get('fp', 0):>4} {c.get('fn', 0):>4} "
            f"{c['precision']:>6.2f} {c['recall']:>6.2f} {c['f1']:>6.2f}"
        )
    lines.append(f"gold argument entities found exactly by the NER: {result['argument_entities_exact']:.2f}")
    return "\n".join(lines)
