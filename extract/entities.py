"""Canonical entities of one article: mentions merged, typed and named.

The NER's spans are grouped into entities: a surname joins the full name used before or after
it ("Ma" -> "Jack Ma"), a short form or acronym joins its organisation ("Alibaba" -> "Alibaba
Group", "SCMP" -> "South China Morning Post"), every alias of a country joins the country ("US",
"America" -> "United States"), and demonyms link to their country without being names. The
:class:`EntityIndex` then answers which entity a token stands for, following pronouns,
relative pronouns and role nouns ("the company") back to the entity they refer to.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from extract._entity_index import EntityIndex
from extract._sentences import sentence_of
from extract.contract import Entity, Mention, acronyms, broad_type
from extract.countries import CountryTable, country_table
from extract.lexicon import lexicon, load_jsonl, word_set

__all__ = ["EntityIndex", "build_entities", "entity_confidence", "entity_key", "clean_name", "HONORIFICS"]

#: Words that open a person's name ("Mr", "Lord"): one list, in the lexicon.
HONORIFICS = word_set("honorifics")
#: The NER labels whose spans can become entities.
_NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


@functools.lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """A name as written, less a leading "the", an honorific and a final possessive.

    >>> clean_name("the South China Morning Post's")
    'South China Morning Post'
    """
    text = " ".join(text.split())
    text = re.sub(r"(?:'s|’s|'|’)$", "", text).strip()
    words = text.split(" ")
    while len(words) > 1 and words[0].lower() in ({"the"} | HONORIFICS):
        words = words[1:]
    return " ".join(words).strip(' ,.;:-–—"“”')


@functools.lru_cache(maxsize=65536)
def entity_key(name: str, broad_type: str) -> str:
    """The cross-document identity of a name: folded case, no corporate suffix or "the".

    >>> entity_key("Alibaba Group", "Organization") == entity_key("alibaba", "Organization")
    True
    """
    text = unicodedata.normalize("NFKC", clean_name(name)).translate(_QUOTES).casefold()
    words = [w for w in re.split(r"[\s]+", text) if w]
    if broad_type == "Organization":
        suffixes = word_set("corporate_suffixes")
        while len(words) > 1 and words[-1].strip(".,") in suffixes:
            words.pop()
    return " ".join(words)


@dataclass
class _Cluster:
    id: str
    type: str
    names: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    canonical: str = ""
    fixed: bool = False  # canonical name comes from the gazetteer or country table
    demonym_only: bool = True

    def add_name(self, name: str) -> None:
        if name and name not in self.names:
            self.names.append(name)


def _org_type(name: str, gazetteer_type: str | None) -> str:
    if gazetteer_type:
        return gazetteer_type
    words = set(re.split(r"[\s\-]+", name.lower()))
    lowered = name.lower()
    for org_type, cues in lexicon()["org_type_words"].items():
        for cue in cues:
            if (" " in cue and cue in lowered) or cue in words:
                return str(org_type)
    return "Organization"


@functools.lru_cache(maxsize=1)
def _gazetteer_types() -> dict[str, str]:
    return {r["name"]: r["type"] for r in load_jsonl("gazetteer.jsonl")}


class _Clusters:
    """The clusters of one article as they grow, mention by mention, in text order."""

    def __init__(self) -> None:
        self.all: list[_Cluster] = []
        self.by_key: dict[tuple[str, str], _Cluster] = {}
        self.token_cluster: dict[int, _Cluster] = {}
        self.order: list[tuple[int, _Cluster]] = []

    def new(self, ctype: str) -> _Cluster:
        """A new, empty cluster of type ``ctype`` with the next id (e1, e2, ...)."""
        cluster = _Cluster(id=f"e{len(self.all) + 1}", type=ctype)
        self.all.append(cluster)
        return cluster

    def keyed(self, ctype: str, key: str, canonical: str | None = None) -> _Cluster:
        """The cluster filed under (``ctype``, ``key``), made (with a fixed ``canonical``) if new."""
        cluster = self.by_key.get((ctype, key))
        if cluster is None:
            cluster = self.new(ctype)
            if canonical is not None:
                cluster.canonical, cluster.fixed = canonical, True
            self.by_key[(ctype, key)] = cluster
        return cluster

    def attach(self, span: Span, cluster: _Cluster, name: str | None) -> None:
        """Record ``span`` as a mention of ``cluster``; ``name`` (None for a demonym) joins its names."""
        sent = sentence_of(span.doc, span.start)
        cluster.mentions.append(Mention(span.text, span.label_, span.start_char, span.end_char, sent))
        if name is not None:
            cluster.add_name(name)
            cluster.demonym_only = False
        for tok in span:
            self.token_cluster[tok.i] = cluster
        self.order.append((span.start, cluster))


def build_entities(doc: Doc) -> EntityIndex:
    """Group the entity spans of a parsed article into canonical :class:`Entity` records."""
    table = country_table()
    gazetteer = _gazetteer_types()
    groups = _political_groups(doc)
    clusters = _Clusters()
    for span in doc.ents:
        _add_span(span, clusters, table, gazetteer, groups)
    return _index(doc, clusters)


def _add_span(
    span: Span, clusters: _Clusters, table: CountryTable, gazetteer: dict[str, str], groups: frozenset[str]
) -> None:
    """File one NER span under its entity: a country it names, else a person, organisation or place."""
    label = span.label_
    if label not in _NAME_LABELS:
        return
    name = clean_name(span.text)
    if not name or not any(ch.isalpha() for ch in name):
        return
    ent_id = span.ent_id_ or ""
    country = _country_named(span, label, name, ent_id, table, gazetteer)
    if country is not None:
        # A demonym links the mention to its country without being one of its names.
        clusters.attach(span, clusters.keyed("Country", country, canonical=country), None if label == "NORP" else name)
        return
    if label == "NORP":
        if name not in groups:
            return
        label = "ORG"  # "Tory leader Michael Howard": the group is an organisation
    if label == "ORG" and _is_constituency(span):
        label = "GPE"  # "MP for Hornsey and Wood Green": the seat is a place, not an employer
    clusters.attach(span, _cluster_for(clusters, label, name, ent_id, gazetteer), name)


def _is_constituency(span: Span) -> bool:
    """A name after "MP for", "senator for": the seat an elected member represents."""
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.lower_ != "for" or prep.head is prep:
        return False
    return prep.head.lower_ in word_set("constituency_titles")


def _country_named(
    span: Span, label: str, name: str, ent_id: str, table: CountryTable, gazetteer: dict[str, str]
) -> str | None:
    """The country a span stands for: by demonym, name or alias, or (as a subject) by its capital."""
    if label == "NORP":
        return table.country_of_demonym(name) or (ent_id if ent_id in table.names.values() else None)
    if label not in ("GPE", "LOC", "ORG", "FAC"):
        return None
    country = table.country_of(name) if label != "FAC" else None
    if label == "ORG" and ent_id in gazetteer:
        country = None
    metonym_label = label == "GPE" or (label == "ORG" and not ent_id)
    if country is None and metonym_label and span.root.dep_ in ("nsubj", "nsubjpass", "poss"):
        # Metonymy: "Beijing says", "Washington's stance" speak for the country.
        country = table.country_of_capital(name)
    return country


def _cluster_for(clusters: _Clusters, label: str, name: str, ent_id: str, gazetteer: dict[str, str]) -> _Cluster:
    """The person, organisation or place cluster a (non-country) name joins, made if new."""
    if label == "PERSON":
        person = _match_person(name, clusters.order)
        return person if person is not None else clusters.new("Person")
    if label == "ORG" and " " not in name and not ent_id:
        # The NER often calls a surname an organisation ("Trump said").
        person = _match_person(name, clusters.order)
        if person is not None:
            return person
    if label == "ORG":
        return _org_cluster(clusters, name, ent_id, gazetteer)
    return clusters.keyed("Place", entity_key(name, "Place"))


def _org_cluster(clusters: _Clusters, name: str, ent_id: str, gazetteer: dict[str, str]) -> _Cluster:
    """The organisation a name joins (same key, acronym or short form), typed and named by the gazetteer."""
    canonical = ent_id if ent_id in gazetteer else None
    key = entity_key(canonical or name, "Organization")
    cluster = clusters.by_key.get(("Organization", key)) or _match_org(name, clusters.all)
    if cluster is None:
        cluster = clusters.new(_org_type(canonical or name, gazetteer.get(canonical or "")))
        clusters.by_key[("Organization", key)] = cluster
    if canonical and not cluster.fixed:
        cluster.canonical, cluster.fixed = canonical, True
        cluster.type = _org_type(canonical, gazetteer.get(canonical))
    return cluster


def _index(doc: Doc, clusters: _Clusters) -> EntityIndex:
    """The entities of the clusters worth keeping (no bare demonym groups) and their token map."""
    entities: list[Entity] = []
    kept: dict[int, str] = {}
    text = doc.text  # built from the tokens at every access: once a document, not once an entity
    for cluster in clusters.all:
        if cluster.type != "Country" and cluster.demonym_only:
            continue
        entities.append(_entity(text, cluster))
        kept[id(cluster)] = cluster.id
    token_entity = {i: kept[id(c)] for i, c in clusters.token_cluster.items() if id(c) in kept}
    mention_order = [(i, kept[id(c)], broad_type(c.type)) for i, c in clusters.order if id(c) in kept]
    return EntityIndex(doc, entities, token_entity, mention_order, text)


def _entity(text: str, cluster: _Cluster) -> Entity:
    """The :class:`Entity` record of a finished cluster, its canonical name chosen if not fixed."""
    if not cluster.fixed:
        cluster.canonical = _canonical(cluster)
    return Entity(
        id=cluster.id,
        type=cluster.type,
        name=cluster.canonical,
        key=entity_key(cluster.canonical, broad_type(cluster.type)),
        surface_forms=tuple(n for n in cluster.names if n != cluster.canonical),
        mentions=tuple(cluster.mentions),
        confidence=entity_confidence(text, cluster.mentions, cluster.fixed),
    )


def entity_confidence(text: str, mentions: list[Mention], known: bool) -> float:
    """How sure we are that an entity is a real, correctly delimited name, in [0.05, 1].

    Evidence for: the gazetteer or the country table knows it (``known``), the article names
    it more than once, the NER gives all its mentions one label, a mention in mixed-case text.
    Evidence against: every mention stands in an upper-case line (a newswire headline, where
    the NER guesses), or its only name is one short word.

    ``text`` is the article's text (``doc.text``), in which the mentions' offsets point.

    >>> one = [Mention("Ma", "PERSON", 0, 2, 0)]
    >>> entity_confidence("Ma met Trump.", one, known=False) < entity_confidence("Ma met Trump.", one * 2, known=False)
    True
    """
    score = 0.5 + (0.25 if known else 0.0)
    if len(mentions) >= 2:
        score += 0.15
    if len(mentions) >= 4:
        score += 0.1
    if len({m.label for m in mentions}) == 1:
        score += 0.05
    in_caps = [_upper_line(text, m.start) for m in mentions]
    if in_caps and all(in_caps):
        score -= 0.3
    if all(len(m.text) <= 3 for m in mentions) and not known:
        score -= 0.1
    return round(min(1.0, max(0.05, score)), 2)


def _upper_line(text: str, offset: int) -> bool:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)]
    if not line.isupper():  # C speed: almost every line has a lower-case letter
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters)


def _political_groups(doc: Doc) -> frozenset[str]:
    """Group names (NER's NORP) that the article uses as a post's employer: "Tory leader X",
    "Democratic Senator Y", "a Labour MP". Such a group is an organisation (a party), unlike
    a nationality or a religion, which never heads a post."""
    titles = word_set("titles")
    religions = word_set("religious_groups")
    found = set()
    for span in doc.ents:
        if span.label_ != "NORP" or span.text.lower() in religions:
            continue
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        head = span.root.head
        if (nxt is not None and nxt.lower_ in titles) or (head is not span.root and head.lower_ in titles):
            found.add(clean_name(span.text))
    return frozenset(found)


def _canonical(cluster: _Cluster) -> str:
    names = cluster.names or [m.text for m in cluster.mentions]
    if cluster.type == "Person":
        return max(names, key=lambda n: (len(n.split()), len(n)))
    full = [n for n in names if not (n.isupper() and " " not in n)] or names
    return max(full, key=lambda n: (len(n.split()), len(n)))


def _match_person(name: str, order: list[tuple[int, _Cluster]]) -> _Cluster | None:
    """The person cluster ``name`` refers to: the same name, or a surname of a full name either way."""
    words = name.split()
    # Most recent first: "Ma" refers to the Ma the article spoke of last.
    seen: set[int] = set()
    for _, cluster in reversed(order):
        if cluster.type != "Person" or id(cluster) in seen:
            continue
        seen.add(id(cluster))
        for known in cluster.names:
            kw = known.split()
            if known == name:
                return cluster
            if len(words) == 1 and len(kw) >= 2 and words[0] == kw[-1]:
                return cluster
            if len(kw) == 1 and len(words) >= 2 and kw[0] == words[-1]:
                return cluster
    return None


def _match_org(name: str, clusters: list[_Cluster]) -> _Cluster | None:
    key = entity_key(name, "Organization")
    short_words = key.split()
    for cluster in clusters:
        if broad_type(cluster.type) != "Organization":
            continue
        for known in [*cluster.names, cluster.canonical]:
            if not known:
                continue
            known_key = entity_key(known, "Organization")
            if known_key == key:
                return cluster
            if name.isupper() and len(name) >= 2 and name in acronyms(known):
                return cluster
            if known.isupper() and len(known) >= 2 and known in acronyms(name):
                return cluster
            # A short form beside the full name, either way round and in any case: "Shanghai
            # Automotive" and "Shanghai Automotive Industry Corp", "Labour" and "Labour Party",
            # "UNITEL" and "Unitel Video Inc".
            long_words = known_key.split()
            a, b = (short_words, long_words) if len(short_words) < len(long_words) else (long_words, short_words)
            if a and len(a) < len(b) and b[: len(a)] == a and (name[:1].isupper() and known[:1].isupper()):
                return cluster
    return None
