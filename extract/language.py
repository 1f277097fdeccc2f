"""Is a text English? A maintained language identifier, guarded for newswire briefs.

`py3langid <https://pypi.org/project/py3langid/>`_ (a maintained, deterministic port of
langid.py; its model ships in the package) is restricted to :data:`LANGUAGES`, the languages
news commonly arrives in. Short English tables and briefs ("Shr loss nil vs profit 19 cts")
carry too little prose for any identifier, so a text counts as English when any of these
holds: a fair share of its words are English function words, the identifier says English, or
it is a table (fewer than :data:`MIN_PROSE_WORDS` words of prose, and figures in at least
:data:`TABLE_FIGURES` of its tokens), or it has no prose at all (fewer than :data:`NO_PROSE`).
"""

from __future__ import annotations

import functools
import re
from typing import Any

__all__ = ["LANGUAGES", "MIN_PROSE_WORDS", "TABLE_FIGURES", "ENGLISH_SHARE", "language_of", "english_problem"]

#: Languages the identifier chooses among (ISO 639-1).
LANGUAGES = (
    "en", "fr", "de", "es", "it", "pt", "nl", "ru", "zh", "ja", "ar", "pl", "sv", "da", "no", "fi",
    "tr", "el", "cs", "hu", "ro", "ko", "he", "id", "uk", "hi", "vi", "th", "fa", "ms",
)  # fmt: skip
#: Below this many lower-case words of four letters or more, a text is a table or a brief.
MIN_PROSE_WORDS = 15
#: Fewer lower-case words of four letters or more than this: no prose at all (an upper-case
#: brief, a list of names), nothing for an identifier to judge.
NO_PROSE = 2
#: ... when at least this share of its tokens hold a figure.
TABLE_FIGURES = 0.15
#: A text at least this share of whose words are English function words is English.
ENGLISH_SHARE = 0.15

# The commonest English function words.
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "it",
        "as",
        "was",
        "with",
        "be",
        "by",
        "on",
        "not",
        "he",
        "she",
        "his",
        "her",
        "are",
        "this",
        "from",
        "or",
        "have",
        "an",
        "they",
        "which",
        "at",
        "but",
        "has",
        "had",
        "were",
        "said",
        "its",
        "their",
        "would",
        "will",
        "been",
        "more",
        "who",
        "also",
        "one",
        "all",
        "there",
        "can",
        "than",
        "into",
        "after",
        "over",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    import py3langid.langid as langid

    identifier = langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=False)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def language_of(text: str) -> str:
    """The ISO 639-1 code the identifier gives ``text``, among :data:`LANGUAGES`.

    >>> language_of("Le gouvernement a annoncé hier une nouvelle loi sur les banques.")
    'fr'
    """
    lang, _score = _identifier().classify(text[:20000])
    return str(lang)


def english_share(text: str) -> float:
    """The share of ``text``'s words that are common English function words."""
    words = _WORD.findall(text.lower())
    return sum(w in _ENGLISH for w in words) / len(words) if words else 0.0


def english_problem(text: str) -> str | None:
    """None when ``text`` is English (see the module), else why it is not, in a few words.

    >>> english_problem("Shr loss nil vs profit 19 cts Net loss 12,000 vs profit 1,300,000") is None
    True
    >>> english_problem("Die Regierung hat am Montag beschlossen, die Steuern für kleine und mittlere "
    ...                 "Firmen im kommenden Jahr deutlich zu senken, wie ein Sprecher in Berlin am "
    ...                 "späten Abend mitteilte. Die Opposition kritisierte den teuren Plan scharf, "
    ...                 "weil er nach ihrer Ansicht vor allem den großen Konzernen nützen werde.")
    "the language identifier says 'de' (2% English function words)"
    """
    share = english_share(text)
    if share >= ENGLISH_SHARE:
        return None
    lang = language_of(text)
    if lang == "en":
        return None
    # A table or brief: mostly figures, with too little prose for any identifier to judge.
    tokens = text.split()
    figures = sum(any(ch.isdigit() for ch in t) for t in tokens)
    prose = [w for w in _WORD.findall(text) if len(w) >= 4 and w.islower()]
    if len(prose) < NO_PROSE or (len(prose) < MIN_PROSE_WORDS and figures >= TABLE_FIGURES * len(tokens)):
        return None
    return f"the language identifier says {lang!r} ({share:.0%} English function words)"
