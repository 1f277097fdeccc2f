"""Dates as the article states them, resolved against the article's own date.

>>> resolve_date("on Tuesday", "2017-01-10")          # the article is dated Tuesday 10 Jan
('2017-01-10', 'on Tuesday')
>>> resolve_date("on Monday", "2017-01-10")
('2017-01-09', 'on Monday')
>>> resolve_date("last year", "2017-01-10")
(None, 'last year (2016)')
>>> resolve_date("12 March 2004", None)
('2004-03-12', '12 March 2004')
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from dateutil import parser as dateparser

__all__ = ["resolve_date"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY_PRECISE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\b|\b{_MONTH}\s+\d{{1,2}}\b|\d{{4}}-\d{{2}}-\d{{2}}")
_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


@functools.lru_cache(maxsize=8192)
def resolve_date(text: str, article_date: str | None, future: bool = False) -> tuple[str | None, str]:
    """An ISO date when ``text`` names a day (absolutely, or relative to ``article_date``),
    and the text as written, with the resolved year or month added for vaguer times.

    Weekday names point back to the most recent such day (forward when ``future``).
    """
    lower = text.lower()
    anchor = dt.date.fromisoformat(article_date) if article_date else None
    if _DAY_PRECISE.search(text):
        try:
            default = dt.datetime.combine(anchor, dt.time()) if anchor else None
            return dateparser.parse(text, fuzzy=True, default=default).date().isoformat(), text
        except (ValueError, OverflowError):
            return None, text
    if anchor is None:
        return None, text
    for word, shift in _RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", lower):
            return (anchor + dt.timedelta(days=shift)).isoformat(), text
    for index, day in enumerate(_WEEKDAYS):
        if re.search(rf"\b{day}\b", lower):
            delta = (index - anchor.weekday()) % 7
            if future:
                return (anchor + dt.timedelta(days=delta)).isoformat(), text
            return (anchor - dt.timedelta(days=(anchor.weekday() - index) % 7)).isoformat(), text
    if re.search(r"\blast year\b", lower):
        return None, f"{text} ({anchor.year - 1})"
    if re.search(r"\bnext year\b", lower):
        return None, f"{text} ({anchor.year + 1})"
    if re.search(r"\bthis year\b", lower):
        return None, f"{text} ({anchor.year})"
    if re.search(r"\blast month\b", lower):
        first = anchor.replace(day=1) - dt.timedelta(days=1)
        return None, f"{text} ({first.strftime('%B %Y')})"
    return None, text
