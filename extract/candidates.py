"""Relation candidates for the learned extractor: entity pairs of a sentence and their features.

Every entity of an article is *mentioned* in a sentence by a name (or a demonym) or by a word
that refers back to it (a pronoun, "the company"), which :meth:`EntityIndex.resolve` links
across sentences. Each two mentions of different entities in one sentence, no further apart
than :data:`MAX_GAP` tokens, form a candidate pair; :func:`pair_features` describes a pair by
sparse, general features: the entity types, the words between them and their word classes
from the shipped lexicon, the dependency path, negation, and which rules matched the pair.
No feature names an entity.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extract._sentences import sentence_of, sentence_starts
from extract.contract import broad_type
from extract.entities import EntityIndex
from extract.lexicon import lexicon, word_set

__all__ = [
    "MAX_GAP",
    "MentionRef",
    "PairCandidate",
    "sentence_mentions",
    "candidate_pairs",
    "document_pairs",
    "dependency_path",
    "pair_features",
    "document_pair_features",
    "ArticleContext",
]

#: Mentions further apart than this many tokens are not paired.
MAX_GAP = 40
_COREF_POS = frozenset({"PRON", "NOUN"})
_NEG = frozenset({"not", "n't", "never", "no", "neither", "nor"})
# Word lists that are trigger classes (the ones that only tune the rules are left out).
_SKIP_LISTS = frozenset({"corporate_suffixes", "hypothetical_marks"})


@dataclass(frozen=True, slots=True)
class MentionRef:
    """One mention of an entity in a sentence: its token span, root and how it names it."""

    entity: str
    start: int
    end: int
    root: int
    kind: str  # "name", "demonym" or "coref"


@dataclass(frozen=True, slots=True)
class PairCandidate:
    """Two mentions of different entities, ``first`` before ``second``: in one sentence, or
    (``sentence == -1``) the nearest two mentions of entities that share no sentence."""

    sentence: int
    first: MentionRef
    second: MentionRef


@functools.lru_cache(maxsize=1)
def _word_classes() -> dict[str, tuple[str, ...]]:
    """lower-case word -> the names of the lexicon lists that hold it."""
    classes: dict[str, list[str]] = {}
    for name, words in lexicon().items():
        if name.startswith("_") or name in _SKIP_LISTS or not isinstance(words, list):
            continue
        for word in words:
            classes.setdefault(str(word).lower(), []).append(name)
    return {w: tuple(sorted(set(c))) for w, c in classes.items()}


@functools.lru_cache(maxsize=1)
def _reference_nouns() -> frozenset[str]:
    return word_set("company_nouns") | word_set("role_nouns_org") | {"country", "nation"}


def sentence_mentions(doc: Doc, index: EntityIndex) -> list[list[MentionRef]]:
    """The mentions of each sentence, in text order (one list per sentence)."""
    found: list[list[MentionRef]] = [[] for _ in sentence_starts(doc)]
    seen: set[int] = set()
    # Names: runs of tokens mapped to one entity.
    i = 0
    while i < len(doc):
        ent_id = index.token_entity.get(i)
        if ent_id is None:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and index.token_entity.get(j) == ent_id and doc[j].ent_iob_ == "I":
            j += 1
        span = doc[i:j]
        kind = "demonym" if span.root.ent_type_ == "NORP" else "name"
        found[sentence_of(doc, i)].append(MentionRef(ent_id, i, j, span.root.i, kind))
        seen.update(range(i, j))
        i = j
    # References: pronouns and role nouns ("the company", "the country") that resolve to an entity.
    nouns = _reference_nouns()
    for tok in doc:
        if tok.i in seen or tok.pos_ not in _COREF_POS:
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() not in nouns:
            continue
        ent_id = index.resolve(tok)
        if ent_id is not None:
            found[sentence_of(doc, tok.i)].append(MentionRef(ent_id, tok.i, tok.i + 1, tok.i, "coref"))
    for mentions in found:
        mentions.sort(key=lambda m: m.start)
    return found


def candidate_pairs(mentions: list[list[MentionRef]]) -> Iterator[PairCandidate]:
    """Every two mentions of different entities in one sentence, near enough together."""
    for n, sent in enumerate(mentions):
        for a_i, a in enumerate(sent):
            for b in sent[a_i + 1 :]:
                if b.start - a.end > MAX_GAP:
                    break
                if a.entity != b.entity:
                    yield PairCandidate(n, a, b)


def dependency_path(a: Token, b: Token) -> tuple[list[str], list[Token]]:
    """Dependency labels (``nsubj^`` going up, ``dobjv`` going down) and the inner tokens of
    the path from ``a`` to ``b``; ``(["none"], [])`` when they share no ancestor."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    pos_b = {t.i: n for n, t in enumerate(up_b)}
    for n, tok in enumerate(up_a):
        if tok.i in pos_b:
            left = up_a[: n + 1]
            right = list(reversed(up_b[: pos_b[tok.i]]))
            deps = [f"{t.dep_}^" for t in left[:-1]] + [f"{t.dep_}v" for t in right]
            inner = left[1:] + right[:-1]
            return deps, inner
    return ["none"], []


def _bucket(n: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (8, "6-8"), (12, "9-12"), (20, "13-20")):
        if n <= limit:
            return name
    return "21+"


def _type_of(index: EntityIndex, entity: str) -> str:
    return broad_type(index.by_id[entity].type)


def pair_features(doc: Doc, index: EntityIndex, pair: PairCandidate, rule_hits: Iterable[str] = ()) -> dict[str, float]:
    """Sparse features of a candidate pair; ``rule_hits`` are the rules' verdicts on it.

    Directional features are written from the first mention's side (``a``) to the second's
    (``b``), so a model learns "a worksFor b" and "b worksFor a" as different labels.
    """
    a, b = pair.first, pair.second
    ta, tb = _type_of(index, a.entity), _type_of(index, b.entity)
    tp = f"{ta}>{tb}"
    classes = _word_classes()
    between = doc[a.end : b.start]
    f: dict[str, float] = {f"T={tp}": 1.0, f"K={a.kind}>{b.kind}": 1.0, f"D={_bucket(len(between))}|{tp}": 1.0}
    f[f"fa={index.by_id[a.entity].type}"] = 1.0
    f[f"fb={index.by_id[b.entity].type}"] = 1.0
    words = [t for t in between if not t.is_space]
    others = sum(1 for t in words if t.i in index.token_entity and index.token_entity[t.i] not in (a.entity, b.entity))
    f[f"O={min(others, 3)}"] = 1.0
    if len(words) <= 12:
        for t in words:
            lemma = t.lemma_.lower()
            f[f"bw={lemma}"] = 1.0
            f[f"bw={lemma}|{tp}"] = 1.0
            for c in classes.get(lemma, ()):
                f[f"bc={c}|{tp}"] = 1.0
        if words:
            f[f"b0={words[0].lower_}|{tp}"] = 1.0
            f[f"b-1={words[-1].lower_}|{tp}"] = 1.0
        else:
            f[f"adjacent|{tp}"] = 1.0
    before = doc[a.start - 1] if a.start > 0 else None
    after = doc[b.end] if b.end < len(doc) else None
    if before is not None:
        f[f"w-1={before.lemma_.lower()}|{tp}"] = 1.0
        for c in classes.get(before.lemma_.lower(), ()):
            f[f"c-1={c}|{tp}"] = 1.0
    if after is not None:
        f[f"w+1={after.lemma_.lower()}|{tp}"] = 1.0
        for c in classes.get(after.lemma_.lower(), ()):
            f[f"c+1={c}|{tp}"] = 1.0
    deps, inner = dependency_path(doc[a.root], doc[b.root])
    if len(deps) <= 6:
        f[f"P={'/'.join(deps)}|{tp}"] = 1.0
        f[f"Pn={len(deps)}"] = 1.0
        lemmas = [t.lemma_.lower() for t in inner if not t.is_punct]
        f[f"PL={'/'.join(deps)}|{'/'.join(lemmas)}"] = 1.0
        for lemma in lemmas:
            f[f"pw={lemma}|{tp}"] = 1.0
            for c in classes.get(lemma, ()):
                f[f"pc={c}|{tp}"] = 1.0
                f[f"pc={c}|{deps[0]}|{deps[-1]}|{tp}"] = 1.0
    else:
        f["P=long"] = 1.0
    f[f"da={doc[a.root].dep_}|{tp}"] = 1.0
    f[f"db={doc[b.root].dep_}|{tp}"] = 1.0
    if any(t.lower_ in _NEG or t.dep_ == "neg" for t in [*words, *inner]):
        f["neg"] = 1.0
    for hit in rule_hits:
        f[f"R={hit}"] = 1.0
        f[f"R={hit}|{tp}"] = 1.0
    return f


def document_pairs(mentions: list[list[MentionRef]]) -> Iterator[PairCandidate]:
    """One pair for every two entities that are never mentioned in one sentence (named at
    least once each): their nearest two name mentions, so that facts the article states
    across sentences ("Chancellor Gordon Brown" in a story about the UK) have a candidate."""
    together: set[frozenset[str]] = set()
    named: dict[str, list[MentionRef]] = {}
    for sent in mentions:
        ids = {m.entity for m in sent}
        together.update(frozenset((a, b)) for a in ids for b in ids if a != b)
        for m in sent:
            if m.kind != "coref":
                named.setdefault(m.entity, []).append(m)
    ents = sorted(named)
    for i, a in enumerate(ents):
        for b in ents[i + 1 :]:
            if frozenset((a, b)) in together:
                continue
            ma, mb = min(((x, y) for x in named[a] for y in named[b]), key=lambda xy: abs(xy[0].start - xy[1].start))
            first, second = (ma, mb) if ma.start < mb.start else (mb, ma)
            yield PairCandidate(-1, first, second)


class ArticleContext:
    """What cross-sentence features need of the whole article, computed once per article:
    mention counts, ranks by mentions within a broad type, the word classes written next to
    each entity's names, and each mention's sentence number."""

    def __init__(self, doc: Doc, index: EntityIndex, mentions: list[list[MentionRef]]) -> None:
        self.index = index
        self.counts: dict[str, int] = {}
        self.sentence: dict[int, int] = {}
        self.context: dict[str, set[str]] = {}
        classes = _word_classes()
        for n, sent in enumerate(mentions):
            for m in sent:
                self.counts[m.entity] = self.counts.get(m.entity, 0) + 1
                self.sentence[m.root] = n
                if m.kind == "coref":
                    continue
                found = self.context.setdefault(m.entity, set())
                for tok in (*doc[max(m.start - 3, 0) : m.start], *doc[m.end : m.end + 2]):
                    if tok.i in index.token_entity:
                        continue
                    lemma = tok.lemma_.lower()
                    for c in classes.get(lemma, ()):
                        found.add(c)
                        if c == "titles":
                            found.add("title=" + lemma)
        self._ranks: dict[str, str] = {}

    def rank(self, entity: str) -> str:
        """1, 2 or 3 (third or lower): the entity's place by mentions within its broad type."""
        if entity not in self._ranks:
            btype = _type_of(self.index, entity)
            mine = self.counts.get(entity, 0)
            higher = sum(1 for e, n in self.counts.items() if n > mine and _type_of(self.index, e) == btype)
            self._ranks[entity] = str(min(higher + 1, 3))
        return self._ranks[entity]


def document_pair_features(
    index: EntityIndex, pair: PairCandidate, context: ArticleContext, rule_hits: Iterable[str] = ()
) -> dict[str, float]:
    """Sparse features of a pair of entities that share no sentence."""
    a, b = pair.first, pair.second
    ta, tb = _type_of(index, a.entity), _type_of(index, b.entity)
    tp = f"{ta}>{tb}"
    counts = context.counts
    gap = abs(context.sentence[b.root] - context.sentence[a.root])
    f: dict[str, float] = {f"DOC|{tp}": 1.0, f"DOC|gap={_bucket(gap)}|{tp}": 1.0}
    f[f"DOC|ra={context.rank(a.entity)}|{tp}"] = 1.0
    f[f"DOC|rb={context.rank(b.entity)}|{tp}"] = 1.0
    f[f"DOC|na={_bucket(counts.get(a.entity, 0))}|nb={_bucket(counts.get(b.entity, 0))}"] = 1.0
    for side, m in (("a", a), ("b", b)):
        for c in context.context.get(m.entity, ()):
            f[f"DOC|{side}:{c}|{tp}"] = 1.0
        if context.sentence[m.root] == 0:
            f[f"DOC|{side}:first-sentence|{tp}"] = 1.0
    for hit in rule_hits:
        f[f"DOC|R={hit}"] = 1.0
    return f
