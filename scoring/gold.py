"""Gold relation files (``../shared/gold/GUIDELINES.md``) and scoring against them.

Scoring follows the guidelines exactly: inverse relations are turned round and sub-relations
mapped to their parent; a predicted entity matches a gold one when one of its labels equals
one of the gold names or the canonical name after normalisation (case folding, a leading
"the", a leading honorific, a final possessive 's and punctuation dropped); symmetric relations
match either way round; each predicted triple matches at most one gold triple (a maximum
one-to-one matching); precision, recall and F1 are micro-averaged over unique triples per
article and reported per relation. Quote attribution is the share of gold quotes whose speaker
the build names correctly.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from base.errors import GoldError
from extract.contract import RELATIONS, SYMMETRIC_RELATIONS, Document
from scoring.metrics import prf

__all__ = [
    "GoldFile",
    "Scores",
    "normalise_name",
    "load_gold",
    "load_gold_files",
    "score",
    "agreement",
    "gold_as_document",
    "INVERSES",
    "SUBRELATIONS",
]

GOLD_TYPES = frozenset({"Person", "Organization", "Country", "Place"})
INVERSES = {
    "ownedBy": "owns",
    "foundedBy": "founded",
    "acquiredBy": "acquires",
    "employs": "worksFor",
    "hasMember": "memberOf",
    "visitedBy": "visited",
    "sanctionedBy": "sanctioned",
    "suedBy": "sued",
}
SUBRELATIONS = {"headOf": "worksFor", "chairOf": "worksFor", "ceoOf": "worksFor", "subsidiaryOf": "owns"}
_HONORIFICS = ("mr", "mrs", "ms", "dr", "sir", "lord", "lady")


def normalise_name(name: str) -> str:
    """Case-folded, without a leading "the" or honorific, a final 's, or punctuation.

    >>> normalise_name("The Macy’s")
    'macy'
    >>> normalise_name("Mr. Hugo Chavez")
    'hugo chavez'
    """
    text = unicodedata.normalize("NFKC", name).replace("’", "'").casefold().strip()
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    if words and words[0] in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class GoldFile:
    path: Path
    doc: str
    names: dict[str, frozenset[str]]  # entity id -> normalised names (and canonical)
    relations: tuple[tuple[str, str, str], ...]
    quotes: tuple[tuple[str, str], ...]  # (speaker id, normalised start)


def _fail(path: Path, problem: str) -> GoldError:
    return GoldError(f"{path}: {problem}")


def load_gold(path: Path) -> GoldFile:
    """Read and check one gold file; every problem is a :class:`GoldError` naming the file."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise _fail(path, "no such gold file") from None
    except UnicodeDecodeError:
        raise _fail(path, "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise _fail(path, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(data, dict):
        raise _fail(path, "a gold file is a JSON object with doc, entities, relations and quotes")
    for key, kind in (("doc", str), ("entities", list), ("relations", list)):
        if not isinstance(data.get(key), kind):
            raise _fail(path, f"missing or malformed {key!r} ({kind.__name__} expected)")
    names: dict[str, frozenset[str]] = {}
    for i, ent in enumerate(data["entities"]):
        if not isinstance(ent, dict) or not isinstance(ent.get("id"), str):
            raise _fail(path, f"entity {i} has no string id")
        if ent.get("type") not in GOLD_TYPES:
            raise _fail(
                path, f"entity {ent['id']!r} has unknown type {ent.get('type')!r}; accepted: {sorted(GOLD_TYPES)}"
            )
        forms = list(ent.get("names") or [])
        if ent.get("canonical"):
            forms.append(ent["canonical"])
        if not forms or not all(isinstance(f, str) for f in forms):
            raise _fail(path, f"entity {ent['id']!r} has no names and no canonical name")
        if ent["id"] in names:
            raise _fail(path, f"entity id {ent['id']!r} appears twice")
        names[ent["id"]] = frozenset(normalise_name(f) for f in forms)
    relations: list[tuple[str, str, str]] = []
    for i, rel in enumerate(data["relations"]):
        if not isinstance(rel, dict):
            raise _fail(path, f"relation {i} is not an object")
        p = INVERSES.get(rel.get("p", ""))
        s, o = (rel.get("o"), rel.get("s")) if p else (rel.get("s"), rel.get("o"))
        p = p or SUBRELATIONS.get(rel.get("p", ""), rel.get("p"))
        if p not in RELATIONS:
            raise _fail(
                path, f"relation {i} has unknown relation {rel.get('p')!r}; accepted: {', '.join(RELATIONS[:15])}"
            )
        for role, ent_id in (("s", s), ("o", o)):
            if ent_id not in names:
                raise _fail(path, f"relation {i} ({rel.get('p')}) names unknown entity {ent_id!r} as {role}")
        relations.append((str(s), str(p), str(o)))
    quotes = []
    for i, q in enumerate(data.get("quotes") or []):
        if not isinstance(q, dict) or q.get("speaker") not in names or not isinstance(q.get("start"), str):
            raise _fail(path, f"quote {i} needs a known speaker id and a start string")
        quotes.append((q["speaker"], _quote_key(q["start"])))
    return GoldFile(path, data["doc"], names, tuple(dict.fromkeys(relations)), tuple(quotes))


def load_gold_files(inputs: Iterable[Path]) -> list[GoldFile]:
    """Gold files named directly or found in folders (``*.json``), sorted within a folder."""
    files: list[Path] = []
    for inp in inputs:
        if inp.is_dir():
            found = sorted(inp.glob("*.json"))
            if not found:
                raise GoldError(f"{inp}: folder holds no .json gold files")
            files.extend(found)
        else:
            files.append(inp)
    return [load_gold(f) for f in files]


def _quote_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKC", text).replace("’", "'").casefold()))


@dataclass
class Scores:
    """Counts and figures of one evaluation."""

    per_relation: dict[str, Counter[str]] = field(default_factory=dict)
    quotes_total: int = 0
    quotes_correct: int = 0
    bands: dict[str, Counter[str]] = field(default_factory=dict)
    per_article: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, relation: str, kind: str, n: int = 1) -> None:
        self.per_relation.setdefault(relation, Counter())[kind] += n

    @staticmethod
    def prf(c: Counter[str]) -> tuple[float, float, float]:
        """Precision, recall and F1 of one relation's (or the micro) counts."""
        return prf(c)

    def micro(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for c in self.per_relation.values():
            total.update(c)
        return total

    def as_dict(self) -> dict[str, Any]:
        micro = self.micro()
        p, r, f = self.prf(micro)
        return {
            "micro": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), **_counts(micro)},
            "relations": {
                rel: dict(zip(("precision", "recall", "f1"), (round(x, 4) for x in self.prf(c)), strict=True))
                | _counts(c)
                for rel, c in sorted(self.per_relation.items())
            },
            "quotes": {
                "gold": self.quotes_total,
                "correct": self.quotes_correct,
                "attribution": round(self.quotes_correct / self.quotes_total, 4) if self.quotes_total else 0.0,
            },
            "confidence_bands": {
                band: {
                    "predicted": c["tp"] + c["fp"],
                    "correct": c["tp"],
                    "precision": round(c["tp"] / (c["tp"] + c["fp"]), 4) if c["tp"] + c["fp"] else None,
                }
                for band, c in sorted(self.bands.items())
            },
            "articles": {doc: dict(c) for doc, c in sorted(self.per_article.items())},
        }


def _counts(c: Counter[str]) -> dict[str, int]:
    return {"tp": c["tp"], "fp": c["fp"], "fn": c["fn"]}


def _band(confidence: float) -> str:
    low = min(int(confidence * 10), 9) / 10
    return f"{low:.1f}-{low + 0.1:.1f}"


def _matching(pred: Sequence[Any], gold: Sequence[Any], ok: Any) -> dict[int, int]:
    """Maximum one-to-one matching of predicted to gold items (augmenting paths)."""
    edges = {i: [j for j, g in enumerate(gold) if ok(p, g)] for i, p in enumerate(pred)}
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(pred)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def score(documents: Sequence[Document], golds: Sequence[GoldFile], min_confidence: float = 0.0) -> Scores:
    """Score extracted documents against gold files (matched by document id = gold ``doc``)."""
    by_id = {d.id: d for d in documents}
    scores = Scores()
    for gold in golds:
        doc = by_id.get(gold.doc)
        if doc is None:
            raise GoldError(f"{gold.path}: no extracted document for {gold.doc!r}")
        labels = {e.id: frozenset(normalise_name(n) for n in (e.name, *e.surface_forms)) for e in doc.entities}
        # Unique triples: two predicted entities with the same labels make one triple.
        predicted: dict[tuple[frozenset[str], str, frozenset[str]], float] = {}
        for rel in doc.relations:
            if rel.confidence < min_confidence:
                continue
            key = (labels[rel.subject], rel.predicate, labels[rel.object])
            predicted[key] = max(rel.confidence, predicted.get(key, 0.0))
        pred = list(predicted)

        def ok(p: tuple[frozenset[str], str, frozenset[str]], g: tuple[str, str, str], gold: GoldFile = gold) -> bool:
            ps, pp, po = p
            gs, gp, go = g
            if pp != gp:
                return False
            if ps & gold.names[gs] and po & gold.names[go]:
                return True
            return pp in SYMMETRIC_RELATIONS and bool(ps & gold.names[go]) and bool(po & gold.names[gs])

        matched = _matching(pred, gold.relations, ok)
        article: Counter[str] = Counter()
        for i, p in enumerate(pred):
            kind = "tp" if i in matched else "fp"
            scores.add(p[1], kind)
            article[kind] += 1
            scores.bands.setdefault(_band(predicted[p]), Counter())[kind] += 1
        hit = set(matched.values())
        for j, g in enumerate(gold.relations):
            if j not in hit:
                scores.add(g[1], "fn")
                article["fn"] += 1
        scores.per_article[gold.doc] = article
        # Quotes: a gold quote is attributed correctly when a predicted quote starting with (or
        # containing) its first words names one of the gold speaker's names.
        for speaker, start in gold.quotes:
            scores.quotes_total += 1
            for q in doc.quotes:
                if start and start in _quote_key(q.text) and labels[q.speaker] & gold.names[speaker]:
                    scores.quotes_correct += 1
                    break
    return scores


def gold_as_document(gold: GoldFile) -> Document:
    """A gold file read as if it were an extraction, to score one annotator against another.

    Each gold entity becomes an entity whose labels are its names; each relation a fact.
    """
    from extract.contract import Entity, Provenance, Quote, Relation

    prov = Provenance(gold.doc, 0, 0, 0, "", "gold", "")
    entities = tuple(
        Entity(id=gid, type="Organization", name=sorted(names)[0], key=gid, surface_forms=tuple(sorted(names)[1:]))
        for gid, names in gold.names.items()
    )
    relations = tuple(Relation(s, p, o, 1.0, prov) for s, p, o in gold.relations)
    quotes = tuple(Quote(speaker, start, 1.0, prov) for speaker, start in gold.quotes)
    return Document(id=gold.doc, entities=entities, relations=relations, quotes=quotes)


def agreement(first: Sequence[GoldFile], second: Sequence[GoldFile]) -> Scores:
    """Score the ``second`` annotation of each article against the ``first`` (same ``doc``).

    Relation F1 is symmetric in the two annotators up to the one-to-one matching; quotes
    agree when one opening starts with the other and the speakers match.
    """
    by_doc = {g.doc: g for g in first}
    missing = [g.doc for g in second if g.doc not in by_doc]
    if missing:
        raise GoldError(f"{missing[0]}: annotated in the second set only; both sets must hold the same articles")
    pairs = [(by_doc[g.doc], g) for g in second]
    scores = score([gold_as_document(b) for _, b in pairs], [a for a, _ in pairs])
    # Openings of different lengths: compare on the shorter.
    scores.quotes_total = scores.quotes_correct = 0
    for a, b in pairs:
        for speaker, start in a.quotes:
            scores.quotes_total += 1
            names = a.names[speaker]
            if any((s.startswith(start) or start.startswith(s)) and b.names[sp] & names for sp, s in b.quotes if s):
                scores.quotes_correct += 1
    return scores
