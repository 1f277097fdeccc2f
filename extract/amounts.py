"""Money and counts as values: "$11bn" -> (1.1e10, "USD"), "1 million jobs" -> (1e6, "job")."""

from __future__ import annotations

import re

__all__ = ["parse_amount"]

_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "trillion": 1e12,
}
_SYMBOLS = (
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("S$", "SGD"),
    ("NZ$", "NZD"),
    ("R$", "BRL"),
    ("$", "USD"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
)
_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "won": "KRW",
    "franc": "CHF",
    "francs": "CHF",
    "peso": "MXN",
    "pesos": "MXN",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "cny": "CNY",
    "jpy": "JPY",
    "hkd": "HKD",
}
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([a-zA-Z]+)?")


def parse_amount(text: str, unit_noun: str | None = None) -> tuple[float, str] | None:
    """Value and unit of an amount: an ISO 4217 code for money, else ``unit_noun``.

    >>> parse_amount("US$150 billion")
    (150000000000.0, 'USD')
    >>> parse_amount("1bn euros")
    (1000000000.0, 'EUR')
    >>> parse_amount("1 million", "job")
    (1000000.0, 'job')
    """
    match = _NUMBER.search(text)
    if not match:
        return None
    value = float(match.group(1).replace(",", ""))
    rest = text[match.end(1) :].lower().split()
    scale_word = (match.group(2) or "").lower()
    if scale_word in _SCALES:
        value *= _SCALES[scale_word]
    unit = None
    prefix = text[: match.start()]
    for symbol, code in _SYMBOLS:
        if symbol in prefix or symbol.lower() in prefix.lower():
            unit = code
            break
    if unit is None:
        for word in [scale_word, *rest]:
            if word.strip(".,") in _WORDS:
                unit = _WORDS[word.strip(".,")]
                break
    if unit is None:
        if unit_noun is None:
            return None
        unit = unit_noun
    return value, unit
