"""A faster engine for DependencyMatcher patterns, giving the same matches as spaCy's.

spaCy's ``DependencyMatcher`` turns every node of every pattern into a one-token ``Matcher``
pattern and runs all of them over every token of the document; with the hundred-odd relation
rules that is most of extraction's time. This engine reads the same pattern format but finds
each rule's anchor tokens through indexes of the document (lemma, lower-case form, dependency
label, part of speech, entity type) and walks the parse from there, so a rule whose trigger
word is absent costs nothing. ``tests/extract/test_depmatch.py`` checks that it returns the
same matches as spaCy's matcher.

Supported: the attributes LEMMA, LOWER, ORTH, TEXT, DEP, POS, TAG and ENT_TYPE with a value,
``IN`` or ``NOT_IN``; the relation operators ``>``, ``<``, ``>>``, ``<<``, ``.``, ``;``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["FastDependencyMatcher"]

_ATTRS: dict[str, Callable[[Any], str]] = {
    "LEMMA": lambda t: t.lemma_,
    "LOWER": lambda t: t.lower_,
    "ORTH": lambda t: t.text,
    "TEXT": lambda t: t.text,
    "DEP": lambda t: t.dep_,
    "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_,
    "ENT_TYPE": lambda t: t.ent_type_,
}
# Attributes the document is indexed by, most selective first.
_INDEXED = ("LEMMA", "LOWER", "ORTH", "TEXT", "ENT_TYPE", "DEP", "POS", "TAG")
_INVERSE = {">": "<", "<": ">", ">>": "<<", "<<": ">>", ".": ";", ";": "."}


class _Node:
    def __init__(self, attrs: dict[str, Any], left: int | None, op: str | None) -> None:
        self.left = left
        self.op = op
        self.tests: list[tuple[Callable[[Any], str], str, Any]] = []
        self.index_key: tuple[str, frozenset[str]] | None = None
        for name, value in attrs.items():
            if name not in _ATTRS:
                raise ValueError(f"unsupported token attribute {name!r} in a dependency pattern")
            if isinstance(value, dict):
                ((kind, values),) = value.items()
                if kind not in ("IN", "NOT_IN"):
                    raise ValueError(f"unsupported predicate {kind!r} in a dependency pattern")
                self.tests.append((_ATTRS[name], kind, frozenset(values)))
                if kind == "IN":
                    self._offer_index(name, frozenset(values))
            else:
                self.tests.append((_ATTRS[name], "==", value))
                self._offer_index(name, frozenset([value]))

    def _offer_index(self, name: str, values: frozenset[str]) -> None:
        if self.index_key is None or _INDEXED.index(name) < _INDEXED.index(self.index_key[0]):
            self.index_key = (name, values)

    def selectivity(self) -> int:
        """Lower is more selective: a node found through a word list beats one found by label."""
        return len(_INDEXED) if self.index_key is None else _INDEXED.index(self.index_key[0])

    def accepts(self, token: Any) -> bool:
        for get, kind, value in self.tests:
            got = get(token)
            if kind == "==":
                if got != value:
                    return False
            elif (got in value) != (kind == "IN"):
                return False
        return True


class _Rule:
    """A pattern re-rooted at its most selective node, walked in breadth-first order."""

    def __init__(self, key: str, nodes: list[_Node]) -> None:
        self.key = key
        self.nodes = nodes
        edges: dict[int, list[tuple[int, str]]] = {i: [] for i in range(len(nodes))}
        for j, node in enumerate(nodes):
            if node.left is not None:
                assert node.op is not None
                if node.op not in _INVERSE:
                    raise ValueError(f"unsupported relation operator {node.op!r} in a dependency pattern")
                edges[node.left].append((j, node.op))
                edges[j].append((node.left, _INVERSE[node.op]))
        start = min(range(len(nodes)), key=lambda i: (nodes[i].selectivity(), i))
        # steps[k] = (node index, position in walk of the node it hangs on, operator from it)
        self.steps: list[tuple[int, int, str]] = [(start, -1, "")]
        placed = {start: 0}
        frontier = [start]
        while frontier:
            current = frontier.pop(0)
            for other, op in edges[current]:
                if other not in placed:
                    placed[other] = len(self.steps)
                    self.steps.append((other, placed[current], op))
                    frontier.append(other)
        if len(self.steps) != len(nodes):
            raise ValueError(f"rule {key!r}: the pattern's nodes are not all connected")


class FastDependencyMatcher:
    """``add(key, [pattern])`` and ``matcher(doc) -> [(key, [token index per node])]``."""

    def __init__(self) -> None:
        self._rules: list[_Rule] = []
        self._indexed: set[str] = set()

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        for pattern in patterns:
            ids: dict[str, int] = {}
            nodes = []
            for n, spec in enumerate(pattern):
                left = ids[spec["LEFT_ID"]] if "LEFT_ID" in spec else None
                if (left is None) != (n == 0):
                    raise ValueError(f"rule {key!r}: only the first node may lack LEFT_ID")
                nodes.append(_Node(spec.get("RIGHT_ATTRS", {}), left, spec.get("REL_OP")))
                ids[spec["RIGHT_ID"]] = n
            rule = _Rule(key, nodes)
            anchor = nodes[rule.steps[0][0]]
            if anchor.index_key is not None:
                self._indexed.add(anchor.index_key[0])
            self._rules.append(rule)

    def __call__(self, doc: Any) -> list[tuple[str, list[int]]]:
        getters = [(name, _ATTRS[name]) for name in _INDEXED if name in self._indexed]
        index: dict[str, dict[str, list[Any]]] = {name: defaultdict(list) for name, _ in getters}
        for tok in doc:
            for name, get in getters:
                index[name][get(tok)].append(tok)
        found: list[tuple[str, list[int]]] = []
        cache: dict[tuple[str, frozenset[str]], list[Any]] = {}
        for rule in self._rules:
            first = rule.nodes[rule.steps[0][0]]
            if first.index_key is not None:
                anchors = cache.get(first.index_key)
                if anchors is None:
                    name, values = first.index_key
                    table = index[name]
                    # Rules share their word lists; each list is looked up once per document.
                    lists = [table[v] for v in table.keys() & values]
                    anchors = (
                        lists[0]
                        if len(lists) == 1
                        else sorted({t.i: t for ts in lists for t in ts}.values(), key=lambda t: t.i)
                    )
                    cache[first.index_key] = anchors
                if not anchors:
                    continue
            else:
                anchors = list(doc)
            for anchor in anchors:
                if first.accepts(anchor):
                    for walk in self._extend(rule, [anchor], doc):
                        tokens = [0] * len(rule.nodes)
                        for (node, _, _), tok in zip(rule.steps, walk, strict=True):
                            tokens[node] = tok.i
                        found.append((rule.key, tokens))
        return found

    def _extend(self, rule: _Rule, walk: list[Any], doc: Any) -> Iterator[list[Any]]:
        if len(walk) == len(rule.steps):
            yield list(walk)
            return
        node_index, parent, op = rule.steps[len(walk)]
        node = rule.nodes[node_index]
        for tok in _related(walk[parent], op, doc):
            # As in spaCy's matcher, one token may fill two nodes.
            if node.accepts(tok):
                walk.append(tok)
                yield from self._extend(rule, walk, doc)
                walk.pop()


def _related(tok: Any, op: str | None, doc: Any) -> Iterator[Any]:
    if op == ">":
        yield from tok.children
    elif op == "<":
        if tok.head.i != tok.i:
            yield tok.head
    elif op == ">>":
        yield from (t for t in tok.subtree if t.i != tok.i)
    elif op == "<<":
        yield from tok.ancestors
    elif op == ".":
        if tok.i + 1 < len(doc):
            yield doc[tok.i + 1]
    elif op == ";":
        if tok.i > 0:
            yield doc[tok.i - 1]
    else:
        raise ValueError(f"unsupported relation operator {op!r} in a dependency pattern")
