"""What the words around a rule's match say: the fact's modality, a post's title, coordination.

:func:`modality_of` and :func:`title_of` are re-exported by :mod:`extract.relations`; import
them from there.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from extract._entity_index import EntityIndex
from extract.lexicon import word_set

__all__ = ["conjuncts", "modality_of", "near", "title_of"]

#: The links :func:`modality_of` climbs from a trigger towards its clause root; a noun
#: phrase's head (any other link) is not a governor of the fact.
_CLAUSE_LINKS = frozenset(
    {
        "xcomp",
        "ccomp",
        "advcl",
        "conj",
        "acl",
        "relcl",
        "dobj",
        "pobj",
        "prep",
        "aux",
        "amod",
        "compound",
        "nsubj",
        "appos",
        "attr",
    }
)
#: How many governors above the trigger are read.
_MAX_STEPS = 5


def modality_of(trigger: Token) -> str | None:
    """``actual``, ``planned`` or ``potential`` for the clause of ``trigger``; None if negated.

    The trigger and its governors up to the clause root are read: a ``neg`` dependent, a
    governing verb of denial ("denied it would buy"), or a conditional mark ("if") voids the
    fact.
    """
    if trigger.pos_ not in ("VERB", "AUX"):
        # A nominal fact ("Alibaba founder Jack Ma", "talks between X and Y") stands whatever
        # the clause around it says, unless the noun itself is negated ("no deal").
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in trigger.children):
            return None
        return "actual"
    negating = word_set("negating_verbs")
    planning = word_set("planning_words")
    result = "actual"
    tok: Token | None = trigger
    steps = 0
    while tok is not None and steps < _MAX_STEPS:
        read = _dependents_modality(tok, result)
        if read is None:
            return None
        result = read
        if tok is not trigger:
            if tok.lemma_.lower() in negating:
                return None
            if tok.lemma_.lower() in planning and result == "actual":
                result = "planned"
        if tok.dep_ == "ROOT" or tok.head is tok or tok.dep_ not in _CLAUSE_LINKS:
            break
        tok = tok.head
        steps += 1
    return result


def _dependents_modality(tok: Token, result: str) -> str | None:
    """``result`` as the dependents of one verb leave it: None for a negation or a conditional
    mark, ``potential`` for "could"/"may", ``planned`` for "will" (if still ``actual``)."""
    marks = word_set("hypothetical_marks")
    potential = word_set("potential_modals")
    for child in tok.children:
        low = child.lower_
        if child.dep_ == "neg" or (low in ("never", "no") and child.dep_ in ("det", "advmod")):
            return None
        if child.dep_ == "mark" and low in marks:
            return None
        if child.dep_ in ("aux", "advmod") and low in potential:
            result = "potential"
        if child.dep_ == "aux" and low in ("will", "'ll", "shall") and result == "actual":
            result = "planned"
    return result


def title_of(token: Token, index: EntityIndex) -> str:
    """The post as written around a title noun: "deputy director", "president-elect"."""
    parts = [token]
    for child in token.lefts:
        if child.i in index.token_entity:
            continue
        if child.dep_ in ("compound", "amod", "nmod") and not child.ent_type_:
            parts.extend(
                t for t in child.subtree if t.i not in index.token_entity and t.dep_ not in ("det", "poss", "case")
            )
        elif child.dep_ == "punct" and child.text == "-":
            parts.append(child)
    parts = sorted(set(parts), key=lambda t: t.i)
    # Keep only the contiguous run that ends at the title noun.
    run = [parts[-1]]
    for tok in reversed(parts[:-1]):
        if tok.i == run[0].i - 1:
            run.insert(0, tok)
        else:
            break
    text = "".join(t.text_with_ws for t in run).strip()
    return re.sub(r"\s*-\s*", "-", text).lower() if text else token.text.lower()


def conjuncts(token: Token, index: EntityIndex) -> list[Token]:
    """The token and every entity coordinated with it ("X and Y", "X, Y and Z")."""
    found = [token]
    for conj in token.conjuncts:
        if conj.i in index.token_entity:
            found.append(conj)
    return found


def near(person: Token, title: Token, index: EntityIndex, window: int = 5) -> bool:
    """A post belongs to a name only when they stand close together ("X, the chairman of")."""
    doc = person.doc
    start = end = person.i
    if person.ent_iob_ in ("B", "I"):
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
    return start - window <= title.i <= end + window
