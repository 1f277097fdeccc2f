"""Evaluation on CoNLL04 (SpERT JSON): strict micro F1 over Work_For, OrgBased_In, Located_In
and Live_In, with Kill reported apart.

Sentences are run through the pipeline over their given tokens, so spans are comparable. A
predicted relation counts only when its type and both arguments' exact token spans and entity
types are right. Ontology mapping: Work_For = worksFor, OrgBased_In = basedIn, Located_In =
locatedIn, Live_In = livesIn; entity types Person -> Peop, organisations -> Org, countries and
places -> Loc.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from base.errors import GoldError
from scoring.metrics import prf_table

__all__ = ["RELATION_MAP", "Sentence", "load_conll04", "evaluate_conll04"]

RELATION_MAP = {"worksFor": "Work_For", "basedIn": "OrgBased_In", "locatedIn": "Located_In", "livesIn": "Live_In"}
SCORED = ("Work_For", "OrgBased_In", "Located_In", "Live_In")
_TYPE_MAP = {"Person": "Peop", "Country": "Loc", "Place": "Loc"}

Triple = tuple[str, tuple[int, int], str, tuple[int, int], str]


@dataclass(frozen=True)
class Sentence:
    tokens: tuple[str, ...]
    gold: frozenset[Triple]


def load_conll04(path: Path) -> list[Sentence]:
    """Read a SpERT-format CoNLL04 file; a malformed one is a :class:`GoldError` naming it."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise GoldError(f"{path}: no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(data, list):
        raise GoldError(f"{path}: expected a JSON list of sentences (SpERT format)")
    sentences = []
    for i, item in enumerate(data):
        try:
            tokens = tuple(str(t) for t in item["tokens"])
            ents = [(e["type"], int(e["start"]), int(e["end"])) for e in item["entities"]]
            gold = frozenset(
                (r["type"], ents[r["head"]][1:], ents[r["head"]][0], ents[r["tail"]][1:], ents[r["tail"]][0])
                for r in item["relations"]
            )
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise GoldError(f"{path}: sentence {i} is malformed ({type(exc).__name__}: {exc})") from None
        sentences.append(Sentence(tokens, gold))
    return sentences


def _docs(nlp: Any, sentences: list[Sentence]) -> Iterator[Any]:
    from spacy.tokens import Doc

    return nlp.pipe(Doc(nlp.vocab, words=list(s.tokens)) for s in sentences)


def evaluate_conll04(
    sentences: list[Sentence], model: str | None = None, extractor_name: str = "conll04.v1"
) -> dict[str, Any]:
    """Strict micro precision/recall/F1 over the four relations, per relation, and Kill apart."""
    from extract.pipeline import get_extractor
    from extract.reader import Article

    extractor = get_extractor(extractor_name)(model)
    nlp = extractor.nlp
    counts: dict[str, Counter[str]] = {r: Counter() for r in (*SCORED, "Kill")}
    entity_counts: Counter[str] = Counter()
    for n, (sent, doc) in enumerate(zip(sentences, _docs(nlp, sentences), strict=True)):
        record = extractor(doc, Article(f"conll04-{n}", doc.text))
        types = {e.id: e.type for e in record.entities}
        predicted: set[Triple] = set()
        for rel in record.relations:
            if rel.predicate not in RELATION_MAP or rel.subject_span is None or rel.object_span is None:
                continue
            head, tail = doc.char_span(*rel.subject_span), doc.char_span(*rel.object_span)
            if head is None or tail is None:
                continue
            predicted.add(
                (
                    RELATION_MAP[rel.predicate],
                    (head.start, head.end),
                    _TYPE_MAP.get(types[rel.subject], "Org"),
                    (tail.start, tail.end),
                    _TYPE_MAP.get(types[rel.object], "Org"),
                )
            )
        for rtype in counts:
            gold_r = {t for t in sent.gold if t[0] == rtype}
            pred_r = {t for t in predicted if t[0] == rtype}
            counts[rtype]["tp"] += len(gold_r & pred_r)
            counts[rtype]["fp"] += len(pred_r - gold_r)
            counts[rtype]["fn"] += len(gold_r - pred_r)
        gold_ents = {(t[1], t[2]) for t in sent.gold} | {(t[3], t[4]) for t in sent.gold}
        entity_counts["gold_args"] += len(gold_ents)
        found = {((d.start, d.end), {"PERSON": "Peop", "ORG": "Org"}.get(d.label_, "Loc")) for d in doc.ents}
        entity_counts["gold_args_found"] += len(gold_ents & found)

    micro: Counter[str] = Counter()
    for r in SCORED:
        micro.update(counts[r])
    return {
        "extractor": extractor_name,
        "sentences": len(sentences),
        "micro": prf_table(micro),
        "relations": {r: prf_table(counts[r]) for r in SCORED},
        "kill": prf_table(counts["Kill"]),
        "argument_entities_exact": round(entity_counts["gold_args_found"] / entity_counts["gold_args"], 4)
        if entity_counts["gold_args"]
        else 0.0,
    }
