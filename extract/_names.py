"""The shapes of a name: its initials and the acronyms it may go by (no spaCy, no lexicon).

:mod:`extract.contract` re-exports these; import them from there.
"""

from __future__ import annotations

__all__ = ["ACRONYM_SKIP", "acronyms", "initials"]

#: Small words an acronym skips ("Bank of England" -> BE; see :func:`acronyms` for BOE).
ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "&", "de", "du", "la", "on", "in"})


def initials(name: str, strict: bool = False) -> str:
    """The first letters of a name's capitalised words, small words skipped; "" for a name of
    fewer than two words (or, with ``strict``, one whose content words are not all capitalised).

    >>> initials("South China Morning Post"), initials("Bank of England"), initials("Bank of england", strict=True)
    ('SCMP', 'BE', '')
    """
    words = [w for w in name.replace("-", " ").split() if w.lower() not in ACRONYM_SKIP]
    if len(words) < 2 or (strict and not all(w[:1].isupper() for w in words)):
        return ""
    return "".join(w[0] for w in words if w[:1].isupper())


def acronyms(name: str) -> frozenset[str]:
    """Every acronym a name may go by: :func:`initials`, initials with the small words, and
    capitalised words kept whole.

    >>> sorted(acronyms("UK Independence Party")), sorted(acronyms("Bank of America"))
    (['UIP', 'UKIP'], ['BA', 'BOA'])
    """
    words = name.replace("-", " ").split()
    if len(words) < 2:
        return frozenset()
    content = [w for w in words if w.lower() not in ACRONYM_SKIP]
    found = {
        initials(name),
        "".join(w[0] for w in words if w[:1].isalpha()).upper(),
        "".join(w if w.isupper() else w[0] for w in content),
    }
    return frozenset(a for a in found if len(a) >= 2)
