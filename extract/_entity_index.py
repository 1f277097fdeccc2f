"""Which entity a token stands for: :class:`EntityIndex`, built by :func:`extract.entities.build_entities`.

Entity tokens map to their entity; pronouns, relative pronouns, "the country" and role nouns
("the company") are followed back to the entity they refer to. Import it from
:mod:`extract.entities`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from extract.contract import Entity, broad_type
from extract.lexicon import lexicon, word_set

__all__ = ["EntityIndex", "subjects_before"]

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_ORG_PRONOUNS = frozenset({"it", "its", "itself"})
_RELATIVE = frozenset({"who", "which", "that", "whose"})
#: How far back (in tokens before the sentence) an antecedent is sought.
_ANTECEDENT_REACH = 120
#: How many relative pronouns are followed in a row before giving up.
_MAX_DEPTH = 3


class EntityIndex:
    """The article's entities and the map from tokens to them."""

    def __init__(
        self,
        doc: Doc,
        entities: list[Entity],
        token_entity: dict[int, str],
        mention_order: list[tuple[int, str, str]],
        text: str | None = None,
    ) -> None:
        self.doc = doc
        #: The article's text: ``doc.text``, which spaCy rebuilds from every token at each access.
        self.text = doc.text if text is None else text
        self.entities = entities
        self.by_id = {e.id: e for e in entities}
        self.token_entity = token_entity
        # (token index, entity id, broad type) in text order, for finding antecedents.
        self._order = mention_order
        self._positions = [m[0] for m in mention_order]
        self._org_roles = word_set("role_nouns_org")
        self._company_nouns = word_set("company_nouns")

    def add(self, entity: Entity) -> None:
        """Add an entity no token stands for (a place named only inside another name)."""
        self.entities.append(entity)
        self.by_id[entity.id] = entity

    def new_id(self) -> str:
        """An entity id no entity of the article has yet."""
        return f"e{max((int(e.id[1:]) for e in self.entities if e.id[1:].isdigit()), default=0) + 1}"

    def resolve(self, token: Token, _depth: int = 0) -> str | None:
        """The entity ``token`` stands for, or None.

        Entity tokens map to their entity; personal pronouns to the last person named before
        them; "it"/"its" and "the company"-like nouns to the last organisation; relative
        pronouns to the noun their clause modifies; a common noun to an entity in apposition.
        """
        if token.i in self.token_entity:
            return self.token_entity[token.i]
        if _depth > _MAX_DEPTH:
            return None
        modified = _relative_antecedent(token)
        if modified is not None:
            return self.resolve(modified, _depth + 1)
        if token.pos_ == "PRON":
            return self._pronoun(token)
        if token.pos_ in ("NOUN", "PROPN"):
            return self._noun(token)
        return None

    def _pronoun(self, token: Token) -> str | None:
        """A personal pronoun's last person; "it"/"its" the clause's subject or last organisation."""
        lower = token.lower_
        if lower in _PERSON_PRONOUNS:
            if token.dep_ in ("nsubj", "nsubjpass"):
                subject = self._subject_person(token)
                if subject is not None:
                    return subject
            return self._antecedent(token, "Person")
        if lower in _ORG_PRONOUNS:
            return self._clause_subject(token) or self._antecedent(token, "Organization")
        return None

    def _noun(self, token: Token) -> str | None:
        """A common noun's entity: its apposition or example, "the country", "carmaker X", "the firm"."""
        named = self._apposition_or_example(token)
        if named is not None:
            return named
        lemma = token.lemma_.lower()
        if lemma in ("country", "nation") and _definite(token):
            return self._antecedent(token, "Country")
        if lemma in self._company_nouns:
            named = self._organisation_after(token)
            if named is not None:
                return named
        if lemma in self._org_roles and _definite(token):
            wanted = lexicon()["role_noun_types"].get(lemma)
            if wanted is not None:
                # "the newspaper" is a media organisation or nothing, never the last firm.
                return self._antecedent(token, wanted, specific=True)
            return self._antecedent(token, "Organization")
        return None

    def _apposition_or_example(self, token: Token) -> str | None:
        """The entity in apposition to a noun, or the first example it names ("markets such as X")."""
        for child in token.children:
            if child.dep_ == "appos" and child.i in self.token_entity:
                return self.token_entity[child.i]
            # "markets such as Latin America", "businesses including Macy's": the example.
            if child.dep_ == "prep" and child.lower_ in ("such", "including", "like"):
                for pobj in child.subtree:
                    if pobj.dep_ == "pobj" and pobj.i in self.token_entity:
                        return self.token_entity[pobj.i]
        return None

    def _organisation_after(self, token: Token) -> str | None:
        """The organisation named right after a company noun ("carmaker Geely", "oil giant Yukos")."""
        if token.i + 1 >= len(token.doc):
            return None
        nxt = self.token_entity.get(token.i + 1)
        if nxt is not None and broad_type(self.by_id[nxt].type) == "Organization":
            return nxt
        return None

    def _antecedent(self, token: Token, wanted: str, specific: bool = False) -> str | None:
        """The last entity before ``token`` of broad type ``wanted`` (or, with ``specific``, of
        exactly that type), sought in the current and the previous few sentences only."""
        pos = bisect.bisect_left(self._positions, token.i)
        for idx in range(pos - 1, -1, -1):
            tok_i, ent_id, btype = self._order[idx]
            if token.sent.start - tok_i > _ANTECEDENT_REACH:
                return None
            if (self.by_id[ent_id].type if specific else btype) == wanted:
                return ent_id
        return None

    def _subject_person(self, token: Token) -> str | None:
        """A subject "he"/"she" continues the person who was the subject just before (subjects
        keep the topic, as news writes "Kent Conrad said ... . He added ...")."""
        for tok in subjects_before(token):
            ent = self.token_entity.get(tok.i)
            if ent is not None and self.by_id[ent].type == "Person":
                return ent
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


def subjects_before(token: Token) -> Iterator[Token]:
    """The subjects written before ``token`` in its sentence, then those of the sentence before,
    each in text order: where a speaker or pronoun that refers back finds who the text was about."""
    sent = token.sent
    for s in [sent] + ([token.doc[sent.start - 1].sent] if sent.start > 0 else []):
        for tok in s:
            if tok.i >= token.i:
                break
            if tok.dep_ in ("nsubj", "nsubjpass"):
                yield tok


def _relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun's clause modifies ("the firm, which ..."), or None."""
    if token.lower_ in _RELATIVE and token.head.dep_ in ("relcl", "acl") and token.head.head is not token:
        return token.head.head
    return None


def _definite(token: Token) -> bool:
    """Whether a noun has "the" or "this" as its determiner."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children)
