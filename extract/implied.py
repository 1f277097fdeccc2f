"""Facts a name or a post implies without a verb to match: the home a name states ("Air China",
"Bank of England") and the country a state post with no body named serves ("Chancellor Gordon
Brown"). Each gives :class:`extract.relations.Candidate` records like the rules' matches.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from extract._clause import title_of
from extract.contract import Entity, Mention, broad_type
from extract.countries import CountryTable, country_table
from extract.entities import EntityIndex, clean_name, entity_key
from extract.lexicon import lexicon, place_names, word_set
from extract.relations import Candidate

__all__ = ["name_home_candidates", "state_post_candidates"]


def name_home_candidates(doc: Doc, index: EntityIndex) -> list[Candidate]:
    """basedIn from a name that states a home ("Air China", "London Stock Exchange", "US
    Securities and Exchange Commission"): the guidelines' ruling, for places the article names.

    The home is a country (by any of its names or its demonym) or a place entity of the
    article whose name begins the organisation's name.
    """
    table = country_table()
    subject_named = word_set("named_after_subject")
    homes: dict[str, str] = {}
    for ent in index.entities:
        if ent.type in ("Country", "Place"):
            for form in (ent.name, *ent.surface_forms):
                homes.setdefault(form, ent.id)
    countries = {e.name: e.id for e in index.entities if e.type == "Country"}
    found: list[Candidate] = []
    for ent in list(index.entities):
        if broad_type(ent.type) != "Organization" or not ent.mentions:
            continue
        # Only a name the article writes states a home: a gazetteer's canonical name the text
        # never uses ("British Broadcasting Corporation" for "BBC") says nothing.
        written = dict.fromkeys(clean_name(m.text) for m in ent.mentions)
        home = None
        # Companies and public bodies carry their home in their name ("Air China"); institutes
        # and associations are often named after the country they study or speak for (the
        # "Institute of American Studies" is in Beijing), so their names are not read so.
        if ent.type != "ResearchInstitute":
            for name in written:
                home = _home_in_name(name.split(), table, countries, homes, subject_named)
                if home is not None:
                    break
        # A city, state or UK country in an institution's name is its home even where the
        # article never names the place alone ("Bank of England", "Cambridge University").
        for name in written if home is None else ():
            place = _place_in_name(name.split())
            if place is not None:
                home = _place_entity(index, table, place, ent, homes)
                break
        if home is None or home == ent.id:
            continue
        first = ent.mentions[0]
        span = doc.char_span(first.start, first.end, alignment_mode="expand")
        if span is None:
            continue
        found.append(
            Candidate(
                ent.id, "basedIn", home, 0.7, "actual", None, span.root.i, "name-states-home", span.root.i, span.root.i
            )
        )
    return found


def _home_in_name(
    words: list[str],
    table: CountryTable,
    countries: dict[str, str],
    homes: dict[str, str],
    subject_named: frozenset[str],
) -> str | None:
    """The country or place entity a written organisation name states as its home, if any."""
    if len(words) < 2 or {w.lower() for w in words} & subject_named:
        return None
    # The home stands at the start ("London Stock Exchange", "US Securities and Exchange
    # Commission") or, for a country, at the end ("Air China") of the name.
    parts = [(" ".join(words[:n]), True) for n in (3, 2, 1) if n < len(words)]
    parts += [(" ".join(words[-n:]), False) for n in (2, 1) if n < len(words)]
    for part, at_start in parts:
        country = table.country_of(part) or table.country_of_demonym(part)
        if country in countries:
            return countries[country]
        if at_start and part in homes:
            return homes[part]
    return None


def state_post_candidates(doc: Doc, index: EntityIndex, found: list[Candidate]) -> list[Candidate]:
    """worksFor the article's country from a state post whose body is not named ("Chancellor
    Gordon Brown", "Charles Clarke, the home secretary"): the guidelines give an official of a
    state whose body is unnamed to the country, here the country the article names most (at
    least twice). A person the other candidates already place gets nothing from this."""
    counts: dict[str, int] = {}
    for ent in index.entities:
        if ent.type == "Country":
            counts[ent.id] = len(ent.mentions)
    if not counts or max(counts.values()) < 2:
        return []
    country = max(counts, key=lambda e: counts[e])
    placed = {c.subject for c in found if c.predicate == "worksFor"}
    posts = word_set("state_posts")
    portfolios = word_set("state_portfolios")
    shadow = word_set("opposition_marks")
    out: list[Candidate] = []
    for tok in doc:
        if tok.lower_ not in posts or tok.dep_ not in ("compound", "appos"):
            continue
        if tok.lower_ == "secretary" and not any(c.lower_ in portfolios for c in tok.children):
            continue  # "Secretary of State" and a union's general secretary are other posts
        person = index.token_entity.get(tok.head.i)  # "Chancellor Gordon Brown", "Clarke, the home secretary"
        if person is None or index.by_id[person].type != "Person" or person in placed:
            continue
        if any(c.i in index.token_entity for c in tok.children):
            continue  # "German Chancellor", "Microsoft president": the post says whose it is
        if any(c.lower_ in shadow for c in tok.children):
            continue  # "shadow chancellor Oliver Letwin" holds no office of the state
        placed.add(person)
        post = title_of(tok, index) or tok.lower_
        out.append(Candidate(person, "worksFor", country, 0.6, "actual", post, tok.i, "state-post", tok.head.i, tok.i))
    return out


def _place_in_name(words: list[str]) -> str | None:
    """The place an institution's name states as its home: the place after its last "of"
    ("Royal Bank of Scotland", "University of Lille"), or the place that opens a name whose
    other words name an institution ("Frankfurt Stock Exchange", "Norfolk police")."""
    places = place_names()
    if "of" in words:
        # The longest place after an "of" ("Court of Appeals for the District of Columbia").
        for i, word in enumerate(words[:-1]):
            tail = words[i + 1 :]
            tail = tail[1:] if tail[:1] == ["the"] else tail
            if word == "of" and " ".join(tail) in places:
                return " ".join(tail)
        return None
    kinds = _institution_words()
    for n in (3, 2, 1):
        head, rest = " ".join(words[:n]), words[n:]
        if rest and head in places and any(w.lower() in kinds for w in rest):
            return head
    return None


@functools.lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    """Words that make a name an institution's: the public-body, research and media words of
    ``org_type_words`` with the institutions of money and sport (not a company suffix, which
    a place name opens as often as it names a home: "Orange SA")."""
    types = lexicon()["org_type_words"]
    words = {w for kind in ("GovernmentBody", "ResearchInstitute", "MediaOrganization") for w in types[kind]}
    return frozenset(words | word_set("institution_words"))


def _place_entity(index: EntityIndex, table: CountryTable, place: str, org: Entity, homes: dict[str, str]) -> str:
    """The id of the place (or country) named inside ``org``'s name, added to the index if new."""
    country = table.country_of(place)
    name = country or place
    if name in homes:
        return homes[name]
    kind = "Country" if country else "Place"
    # The mention whose written name holds the place: the first one may be a short form ("the Bank").
    holder = next(m for m in org.mentions if place in m.text)
    start = holder.start + holder.text.index(place)
    mention = Mention(text=place, label="GPE", start=start, end=start + len(place), sentence=holder.sentence)
    entity = Entity(index.new_id(), kind, name, entity_key(name, kind), mentions=(mention,), confidence=0.8)
    index.add(entity)
    homes[name] = entity.id
    return entity.id
