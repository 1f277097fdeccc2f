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

    def accepts(self, token: Any) -> bool:
        for get, kind, value in self.tests:
            got = get(token)
            if kind == "==":
                if got != value:
                    return False
            elif (got in value) != (kind == "IN"):
                return False
        return True


class FastDependencyMatcher:
    """``add(key, [pattern])`` and ``matcher(doc) -> [(key, [token index per node])]``."""

    def __init__(self) -> None:
        self._rules: dict[str, list[_Node]] = {}

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
            self._rules[key] = nodes

    def __call__(self, doc: Any) -> list[tuple[str, list[int]]]:
        index: dict[str, dict[str, list[Any]]] = {name: defaultdict(list) for name in _INDEXED}
        for tok in doc:
            for name in _INDEXED:
                index[name][_ATTRS[name](tok)].append(tok)
        found: list[tuple[str, list[int]]] = []
        for key, nodes in self._rules.items():
            first = nodes[0]
            if first.index_key is not None:
                name, values = first.index_key
                anchors = sorted({t.i: t for v in values for t in index[name].get(v, ())}.values(), key=lambda t: t.i)
            else:
                anchors = list(doc)
            for anchor in anchors:
                if first.accepts(anchor):
                    for bound in self._extend(nodes, [anchor], doc):
                        found.append((key, [t.i for t in bound]))
        return found

    def _extend(self, nodes: list[_Node], bound: list[Any], doc: Any) -> Iterator[list[Any]]:
        if len(bound) == len(nodes):
            yield list(bound)
            return
        node = nodes[len(bound)]
        assert node.left is not None
        for tok in _related(bound[node.left], node.op, doc):
            # As in spaCy's matcher, one token may fill two nodes.
            if node.accepts(tok):
                bound.append(tok)
                yield from self._extend(nodes, bound, doc)
                bound.pop()


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
