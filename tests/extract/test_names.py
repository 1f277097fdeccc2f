"""The shapes of a name (extract._names): initials and acronyms."""

from __future__ import annotations

import pytest

from extract._names import acronyms, initials


@pytest.mark.parametrize(
    ("name", "strict", "expected"),
    [
        ("South China Morning Post", False, "SCMP"),
        ("Bank of England", False, "BE"),  # small words skipped
        ("Rolls-Royce Holdings", False, "RRH"),  # hyphens split words
        ("Alibaba", False, ""),  # one word has no initials
        ("Bank of england", False, "B"),
        ("Bank of england", True, ""),  # strict: every content word capitalised
    ],
)
def test_names_initials(name, strict, expected):
    assert initials(name, strict=strict) == expected


def test_names_acronyms_keep_capitalised_words_whole_and_the_small_words():
    assert acronyms("UK Independence Party") == {"UIP", "UKIP"}
    assert acronyms("Bank of America") == {"BA", "BOA"}


def test_names_acronyms_of_one_word_are_none():
    assert acronyms("Alibaba") == frozenset()
    assert acronyms("Rolls-Royce") == {"RR"}
