"""The shipped word lists and pattern files, loaded once (no spaCy import here)."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

__all__ = ["lexicon", "load_jsonl", "word_set", "expand_lists", "place_names"]


def _read(name: str) -> str:
    return resources.files("extract").joinpath("patterns", name).read_text("utf-8")


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """The place names of ``patterns/places.txt`` (GeoNames' larger cities, the US states, the
    countries of the UK; written by ``tools/make_places.py``), as written."""
    return frozenset(line for line in _read("places.txt").splitlines() if line and not line.startswith("//"))


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The word lists of ``patterns/lexicon.json`` by name."""
    data: dict[str, Any] = json.loads(_read("lexicon.json"))
    return data


@functools.cache
def word_set(name: str) -> frozenset[str]:
    """One word list of the lexicon as a set of lower-case strings."""
    return frozenset(w.lower() for w in lexicon()[name])


def load_jsonl(name: str) -> list[dict[str, Any]]:
    """Read a shipped JSON Lines pattern file, skipping blank lines and ``//`` comments."""
    rows = []
    for line in _read(name).splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            rows.append(json.loads(line))
    return rows


def expand_lists(obj: Any) -> Any:
    """Replace every ``"@name"`` string inside a pattern by the lexicon list ``name``.

    >>> expand_lists({"LEMMA": {"IN": "@founder_nouns"}})["LEMMA"]["IN"][0]
    'founder'
    """
    if isinstance(obj, str) and obj.startswith("@"):
        # Proper-noun lemmas keep their case ("Minister", "CEO"), so every word is listed in
        # lower, title and upper case.
        words: list[str] = []
        for word in lexicon()[obj[1:]]:
            for form in (word, word[:1].upper() + word[1:], word.upper()):
                if form not in words:
                    words.append(form)
        return words
    if isinstance(obj, dict):
        return {k: expand_lists(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [expand_lists(v) for v in obj]
    return obj
