"""Canonical entities of one article: mentions merged, typed and named.

The NER's spans are grouped into entities: a surname joins the full name used before or after
it ("Ma" -> "Jack Ma"), a short form or acronym joins its organisation ("Alibaba" -> "Alibaba
Group", "SCMP" -> "South China Morning Post"), every alias of a country joins the country ("US",
"America" -> "United States"), and demonyms link to their country without being names. The
:class:`EntityIndex` then answers which entity a token stands for, following pronouns,
relative pronouns and role nouns ("the company") back to the entity they refer to.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extract.contract import Entity, Mention, acronyms, broad_type
from extract.countries import country_table
from extract.lexicon import lexicon, load_jsonl, word_set

__all__ = ["EntityIndex", "build_entities", "entity_confidence", "entity_key", "clean_name", "HONORIFICS"]

HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "miss", "prof", "mr.", "mrs.", "ms.", "dr."})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_ORG_PRONOUNS = frozenset({"it", "its", "itself"})
_RELATIVE = frozenset({"who", "which", "that", "whose"})
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


class EntityIndex:
    """The article's entities and the map from tokens to them."""

    def __init__(
        self, doc: Doc, entities: list[Entity], token_entity: dict[int, str], mention_order: list[tuple[int, str, str]]
    ) -> None:
        self.doc = doc
        self.entities = entities
        self.by_id = {e.id: e for e in entities}
        self.token_entity = token_entity
        # (token index, entity id, broad type) in text order, for finding antecedents.
        self._order = mention_order
        self._positions = [m[0] for m in mention_order]
        self._org_roles = word_set("role_nouns_org")
        self._company_nouns = word_set("company_nouns")

    def _antecedent(self, token: Token, wanted: str, specific: bool = False) -> str | None:
        """The last entity before ``token`` of broad type ``wanted`` (or, with ``specific``, of
        exactly that type), sought in the current and the previous few sentences only."""
        pos = bisect.bisect_left(self._positions, token.i)
        for idx in range(pos - 1, -1, -1):
            tok_i, ent_id, btype = self._order[idx]
            if token.sent.start - tok_i > 120:
                return None
            if (self.by_id[ent_id].type if specific else btype) == wanted:
                return ent_id
        return None

    def _clause_subject(self, token: Token) -> str | None:
        """ "Russia sells its gas": "its" is the organisation or country the sentence is about;
        a sentence-initial "It" continues the subject of the sentence before."""
        sent = token.sent
        at_start = all(t.is_punct or t.is_space for t in token.doc[sent.start : token.i])
        if at_start and sent.start > 0:
            sent = token.doc[sent.start - 1].sent
            token = sent[-1]
        for tok in sent:
            if tok.i >= token.i:
                break
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.i in self.token_entity:
                ent = self.by_id[self.token_entity[tok.i]]
                if broad_type(ent.type) in ("Organization", "Country"):
                    return ent.id
        return None

    def resolve(self, token: Token, _depth: int = 0) -> str | None:
        """The entity ``token`` stands for, or None.

        Entity tokens map to their entity; personal pronouns to the last person named before
        them; "it"/"its" and "the company"-like nouns to the last organisation; relative
        pronouns to the noun their clause modifies; a common noun to an entity in apposition.
        """
        if token.i in self.token_entity:
            return self.token_entity[token.i]
        if _depth > 3:
            return None
        lower = token.lower_
        if lower in _RELATIVE and token.head.dep_ in ("relcl", "acl") and token.head.head is not token:
            return self.resolve(token.head.head, _depth + 1)
        if token.pos_ == "PRON":
            if lower in _PERSON_PRONOUNS:
                return self._antecedent(token, "Person")
            if lower in _ORG_PRONOUNS:
                return self._clause_subject(token) or self._antecedent(token, "Organization")
            return None
        if token.pos_ in ("NOUN", "PROPN"):
            for child in token.children:
                if child.dep_ == "appos" and child.i in self.token_entity:
                    return self.token_entity[child.i]
                # "markets such as Latin America", "businesses including Macy's": the example.
                if child.dep_ == "prep" and child.lower_ in ("such", "including", "like"):
                    for pobj in child.subtree:
                        if pobj.dep_ == "pobj" and pobj.i in self.token_entity:
                            return self.token_entity[pobj.i]
            if token.lemma_.lower() in ("country", "nation") and any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children
            ):
                return self._antecedent(token, "Country")
            lemma = token.lemma_.lower()
            if lemma in self._company_nouns and token.i + 1 < len(token.doc):
                # "carmaker Geely", "oil giant Yukos": the name right after the noun.
                nxt = self.token_entity.get(token.i + 1)
                if nxt is not None and broad_type(self.by_id[nxt].type) == "Organization":
                    return nxt
            if lemma in self._org_roles and any(
                c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children
            ):
                wanted = lexicon()["role_noun_types"].get(lemma)
                if wanted is not None:
                    # "the newspaper" is a media organisation or nothing, never the last firm.
                    return self._antecedent(token, wanted, specific=True)
                return self._antecedent(token, "Organization")
        return None


def _sentence_index(doc: Doc) -> list[int]:
    return [sent.start for sent in doc.sents]


def build_entities(doc: Doc) -> EntityIndex:
    """Group the entity spans of a parsed article into canonical :class:`Entity` records."""
    table = country_table()
    gazetteer = _gazetteer_types()
    sent_starts = _sentence_index(doc)
    clusters: list[_Cluster] = []
    by_key: dict[tuple[str, str], _Cluster] = {}
    token_cluster: dict[int, _Cluster] = {}
    order: list[tuple[int, _Cluster]] = []

    def new_cluster(ctype: str) -> _Cluster:
        cluster = _Cluster(id=f"e{len(clusters) + 1}", type=ctype)
        clusters.append(cluster)
        return cluster

    def attach(span: Span, cluster: _Cluster, name: str | None) -> None:
        sent = bisect.bisect_right(sent_starts, span.start) - 1
        cluster.mentions.append(Mention(span.text, span.label_, span.start_char, span.end_char, sent))
        if name is not None:
            cluster.add_name(name)
            cluster.demonym_only = False
        for tok in span:
            token_cluster[tok.i] = cluster
        order.append((span.start, cluster))

    groups = _political_groups(doc)
    for span in doc.ents:
        label = span.label_
        if label not in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
            continue
        name = clean_name(span.text)
        if not name or not any(ch.isalpha() for ch in name):
            continue
        ent_id = span.ent_id_ or ""
        country = None
        if label == "NORP":
            country = table.country_of_demonym(name) or (ent_id if ent_id in table.names.values() else None)
            if country is None:
                if name not in groups:
                    continue
                label = "ORG"  # "Tory leader Michael Howard": the group is an organisation
        elif label in ("GPE", "LOC", "ORG", "FAC"):
            country = table.country_of(name) if label != "FAC" else None
            if label == "ORG" and ent_id in gazetteer:
                country = None
            metonym_label = label == "GPE" or (label == "ORG" and not ent_id)
            if country is None and metonym_label and span.root.dep_ in ("nsubj", "nsubjpass", "poss"):
                # Metonymy: "Beijing says", "Washington's stance" speak for the country.
                country = table.country_of_capital(name)
        if country is not None:
            cluster = by_key.get(("Country", country))
            if cluster is None:
                cluster = new_cluster("Country")
                cluster.canonical, cluster.fixed = country, True
                by_key[("Country", country)] = cluster
            attach(span, cluster, None if label == "NORP" else name)
            continue
        if label == "PERSON":
            cluster = _match_person(name, clusters, order)
            if cluster is None:
                cluster = new_cluster("Person")
            attach(span, cluster, name)
            continue
        if label == "ORG" and " " not in name and not ent_id:
            # The NER often calls a surname an organisation ("Trump said").
            person = _match_person(name, clusters, order)
            if person is not None:
                attach(span, person, name)
                continue
        if label == "ORG":
            canonical = ent_id if ent_id in gazetteer else None
            key = entity_key(canonical or name, "Organization")
            cluster = by_key.get(("Organization", key)) or _match_org(name, clusters)
            if cluster is None:
                cluster = new_cluster(_org_type(canonical or name, gazetteer.get(canonical or "")))
                by_key[("Organization", key)] = cluster
            if canonical and not cluster.fixed:
                cluster.canonical, cluster.fixed = canonical, True
                cluster.type = _org_type(canonical, gazetteer.get(canonical))
            attach(span, cluster, name)
            continue
        key = entity_key(name, "Place")
        cluster = by_key.get(("Place", key))
        if cluster is None:
            cluster = new_cluster("Place")
            by_key[("Place", key)] = cluster
        attach(span, cluster, name)

    entities: list[Entity] = []
    kept: dict[int, str] = {}
    for cluster in clusters:
        if cluster.type != "Country" and cluster.demonym_only:
            continue
        if not cluster.fixed:
            cluster.canonical = _canonical(cluster)
        btype = broad_type(cluster.type)
        entities.append(
            Entity(
                id=cluster.id,
                type=cluster.type,
                name=cluster.canonical,
                key=entity_key(cluster.canonical, btype),
                surface_forms=tuple(n for n in cluster.names if n != cluster.canonical),
                mentions=tuple(cluster.mentions),
                confidence=entity_confidence(doc, cluster.mentions, cluster.fixed),
            )
        )
        kept[id(cluster)] = cluster.id
    token_entity = {i: kept[id(c)] for i, c in token_cluster.items() if id(c) in kept}
    mention_order = [(i, kept[id(c)], broad_type(c.type)) for i, c in order if id(c) in kept]
    return EntityIndex(doc, entities, token_entity, mention_order)


def entity_confidence(doc: Doc, mentions: list[Mention], known: bool) -> float:
    """How sure we are that an entity is a real, correctly delimited name, in [0.05, 1].

    Evidence for: the gazetteer or the country table knows it (``known``), the article names
    it more than once, the NER gives all its mentions one label, a mention in mixed-case text.
    Evidence against: every mention stands in an upper-case line (a newswire headline, where
    the NER guesses), or its only name is one short word.

    >>> import spacy
    >>> doc = spacy.blank("en")("Ma met Trump.")
    >>> one = [Mention("Ma", "PERSON", 0, 2, 0)]
    >>> entity_confidence(doc, one, known=False) < entity_confidence(doc, one * 2, known=False)
    True
    """
    score = 0.5 + (0.25 if known else 0.0)
    if len(mentions) >= 2:
        score += 0.15
    if len(mentions) >= 4:
        score += 0.1
    if len({m.label for m in mentions}) == 1:
        score += 0.05
    text = doc.text
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
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters)


def _political_groups(doc: Doc) -> frozenset[str]:
    """Group names (NER's NORP) that the article uses as a post's employer: "Tory leader X",
    "Democratic Senator Y", "a Labour MP". Such a group is an organisation (a party), unlike
    a nationality or a religion, which never heads a post."""
    titles = word_set("titles")
    found = set()
    for span in doc.ents:
        if span.label_ != "NORP":
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


def _match_person(name: str, clusters: list[_Cluster], order: list[tuple[int, _Cluster]]) -> _Cluster | None:
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
