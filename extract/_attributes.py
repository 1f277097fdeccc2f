"""A faster stand-in for spaCy's ``attribute_ruler``, built from that ruler's own patterns.

The English pipelines map each fine-grained tag to its coarse part of speech and features, and
fix a few dozen words, with ~180 ``AttributeRuler`` patterns. The ruler runs them through a
general token ``Matcher``, which costs about a tenth of the whole pipeline's time. Nearly all
of them test one token for equality (``TAG``, ``LOWER``, ``DEP``, ``IS_SPACE``, ``ORTH``), so
here those are looked up by the token's lower-case form or tag, and only the rest (multi-token
patterns, regular expressions) go through a ``Matcher``. The attributes set, and the order in
which later patterns win, are the ruler's own, so every token comes out as the ruler leaves it
(``tests/extract/test_attributes.py`` compares the two on real text).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

__all__ = ["FastAttributeRuler"]

#: The token attributes a pattern may test and still be looked up: name -> column of to_array.
_COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3, "ORTH": 4}
_ARRAY_ATTRS = [LOWER, TAG, DEP, IS_SPACE, ORTH]

#: The most token rows remembered at once (a row is a few ints and points at a shared dict).
MEMO_LIMIT = 1 << 17

#: One single-token test: (pattern number, ((column, accepted values), ...)).
_Test = tuple[int, tuple[tuple[int, frozenset[int]], ...]]


class FastAttributeRuler:
    """Sets what ``ruler`` (an ``AttributeRuler``) would set on every token of a doc, without
    its general matcher.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> ruler = nlp.add_pipe("attribute_ruler")
    >>> ruler.add([[{"LOWER": "ai"}]], {"LEMMA": "be"})
    >>> doc = FastAttributeRuler(ruler)(nlp("Ai said no"))
    >>> doc[0].lemma_
    'be'
    """

    def __init__(self, ruler: Any) -> None:
        self.vocab = ruler.vocab
        self.attrs: list[dict[Any, Any]] = list(ruler.attrs)
        self.indices: list[int] = list(ruler.indices)
        self.by_lower: dict[int, list[_Test]] = defaultdict(list)
        self.by_tag: dict[int, list[_Test]] = defaultdict(list)
        self.anywhere: list[_Test] = []
        self.rest = Matcher(self.vocab)
        #: A token's tested attributes -> the attributes the lookup patterns give it; emptied
        #: when it reaches ``memo_limit`` keys, as a stream of news never stops adding words.
        self._memo: dict[tuple[int, ...], dict[Any, Any]] = {}
        self.memo_limit = MEMO_LIMIT
        rule: Any
        for number, rule in enumerate(ruler.patterns):
            tests = [self._test(number, alternative) for alternative in rule["patterns"]]
            if rule["index"] != 0 or any(t is None for t in tests):
                self.rest.add(str(number), rule["patterns"])
                continue
            for test in tests:
                assert test is not None
                self._file(test)

    def _test(self, number: int, pattern: list[dict[str, Any]]) -> _Test | None:
        """The pattern as a lookup test, or None when it is not a plain one-token test."""
        if len(pattern) != 1:
            return None
        conditions = []
        for key, value in pattern[0].items():
            if key not in _COLUMNS:
                return None
            if isinstance(value, dict):
                if set(value) != {"IN"}:
                    return None
                values = list(value["IN"])
            else:
                values = [value]
            conditions.append((_COLUMNS[key], frozenset(self._value(key, v) for v in values)))
        return number, tuple(conditions)

    def _value(self, key: str, value: Any) -> int:
        if key == "IS_SPACE":
            return int(bool(value))
        return int(self.vocab.strings.add(str(value)))

    def _file(self, test: _Test) -> None:
        """Index a test by its most selective column (the word, then the tag)."""
        columns = dict(test[1])
        if _COLUMNS["LOWER"] in columns:
            for value in columns[_COLUMNS["LOWER"]]:
                self.by_lower[value].append(test)
        elif _COLUMNS["TAG"] in columns:
            for value in columns[_COLUMNS["TAG"]]:
                self.by_tag[value].append(test)
        else:
            self.anywhere.append(test)

    def __call__(self, doc: Doc) -> Doc:
        extra: dict[int, list[int]] = defaultdict(list)
        for match_id, start, end in self.rest(doc, allow_missing=True) if len(self.rest) else ():
            number = int(self.vocab.strings[match_id])
            extra[doc[start:end][self.indices[number]].i].append(number)
        memo = self._memo
        for i, row in enumerate(doc.to_array(_ARRAY_ATTRS).tolist()):
            key = tuple(row)
            if i in extra:
                attrs = self._merged(tuple(sorted({*self._numbers(row), *extra[i]})))
            elif key in memo:
                attrs = memo[key]
            else:
                if len(memo) >= self.memo_limit:
                    memo.clear()
                attrs = memo[key] = self._merged(self._numbers(row))
            if attrs:
                set_token_attrs(doc[i], attrs)
        return doc

    def _numbers(self, row: list[int]) -> tuple[int, ...]:
        """The numbers of the lookup patterns that match a token's row, in order."""
        found = {
            number
            for number, conditions in (*self.by_lower.get(row[0], ()), *self.by_tag.get(row[1], ()), *self.anywhere)
            if all(row[col] in values for col, values in conditions)
        }
        return tuple(sorted(found))

    def _merged(self, numbers: tuple[int, ...]) -> dict[Any, Any]:
        """The attributes the patterns ``numbers`` set, applied in order (a later one wins)."""
        merged: dict[Any, Any] = {}
        for number in numbers:
            merged.update(self.attrs[number])
        return merged
