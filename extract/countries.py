"""The country table: names, aliases, demonyms and capitals of every sovereign state.

Built from the maintained ``countryinfo`` package plus the project's alias file
(``patterns/country_aliases.json``), so that "US", "U.S.", "America" and "American" all lead
to "United States".

>>> table = country_table()
>>> table.country_of("U.S."), table.country_of_demonym("Chinese")
('United States', 'China')
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources

__all__ = ["CountryTable", "country_table"]

# Codes that are also common English words or names would cause false hits ("IN", "TO").
_CODE = re.compile(r"^[A-Z]{2,3}$")


@dataclass(frozen=True)
class CountryTable:
    """Lookups from surface forms to the canonical country name."""

    names: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)

    def country_of(self, text: str) -> str | None:
        """Canonical country for a name or alias (case-sensitive for codes), else None."""
        text = text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        if _CODE.match(text):
            return self.names.get(text)
        return self.names.get(text) or self.names.get(text.lower())

    def country_of_demonym(self, text: str) -> str | None:
        """Canonical country for a demonym ("Chinese", "British"), else None."""
        return self.demonyms.get(text.strip()) or self.demonyms.get(text.strip().lower())

    def country_of_capital(self, text: str) -> str | None:
        """Country whose capital is ``text`` ("Beijing" -> "China"), else None."""
        return self.capitals.get(text.strip())


@functools.lru_cache(maxsize=1)
def country_table() -> CountryTable:
    """Build (once) the country table from countryinfo and the shipped alias file."""
    import countryinfo

    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    codes: dict[str, str] = {}
    for country in countryinfo.all_countries():
        info = country.info()
        name = info.get("name")
        if not name:
            continue
        names[name] = name
        names[name.lower()] = name
        iso = info.get("ISO") or {}
        for key in ("alpha2", "alpha3"):
            if iso.get(key):
                codes[iso[key]] = name
        for alt in info.get("altSpellings") or ():
            if not alt or _CODE.match(alt) or not alt.isascii():
                continue
            names.setdefault(alt, name)
            names.setdefault(alt.lower(), name)
        demonym = info.get("demonym")
        if demonym:
            demonyms.setdefault(demonym, name)
        capital = info.get("capital")
        for cap in [capital] if isinstance(capital, str) else capital or ():
            if cap:
                capitals.setdefault(cap, name)
    extra = json.loads(resources.files("extract").joinpath("patterns/country_aliases.json").read_text("utf-8"))
    for name, aliases in extra["names"].items():
        for alias in aliases:
            names[alias] = name
            if not _CODE.match(alias):
                names[alias.lower()] = name
    for name, forms in extra["demonyms"].items():
        for form in forms:
            demonyms[form] = name
    for capital, name in extra.get("capitals", {}).items():
        capitals[capital] = name
    return CountryTable(names=names, demonyms=demonyms, capitals=capitals, codes=codes)
