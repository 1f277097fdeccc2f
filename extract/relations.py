"""From pattern matches to facts: relations and the events they are part of.

A match of a rule in ``patterns/*.jsonl`` names a subject token and an object token. Each is
resolved to an article entity (:meth:`EntityIndex.resolve`), widened over coordination ("Macy's
and Saks"), checked against the relation's signature, and read for modality: a negated, denied,
conditional statement gives nothing; "could"/"may" makes it ``potential`` (and halves its
confidence); "plans/agreed/will" makes it ``planned``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from extract._clause import conjuncts, modality_of, near, title_of
from extract._fact_details import amounts_of, date_of, evidence, mention_span, mention_tokens, place_of, sentence_index
from extract.contract import (
    RELATION_EVENTS,
    SIGNATURES,
    SYMMETRIC_RELATIONS,
    Event,
    Participant,
    Provenance,
    Relation,
    broad_type,
)
from extract.entities import EntityIndex
from extract.lexicon import word_set

__all__ = ["Candidate", "read_matches", "modality_of", "to_facts", "title_of"]


@dataclass(frozen=True)
class Candidate:
    """One relation read off one match, before duplicates are merged."""

    subject: str
    predicate: str
    object: str
    confidence: float
    modality: str
    title: str | None
    trigger: int
    rule: str
    s_tok: int = -1
    o_tok: int = -1


def read_matches(doc: Doc, index: EntityIndex, rules: dict[str, dict[str, Any]]) -> list[Candidate]:
    """Turn ``doc._.dg_matches`` into typed, resolved relation candidates."""
    candidates: list[Candidate] = []
    for rule_id, roles in doc._.dg_matches or ():
        rule = rules[rule_id]
        if "subject" in roles and "object" in roles:
            candidates.extend(_read_match(doc, index, rule_id, rule, roles))
    return candidates


def _read_match(
    doc: Doc, index: EntityIndex, rule_id: str, rule: dict[str, Any], roles: dict[str, int]
) -> list[Candidate]:
    """The candidates of one match: none if its clause is negated, else one per fitting pair."""
    trigger = doc[roles.get("trigger", roles["object"])]
    modality = modality_of(trigger)
    if modality is None:
        return []
    confidence = round(float(rule["confidence"]) * (0.5 if modality == "potential" else 1.0), 3)
    subject = doc[roles["subject"]]
    if rule.get("not_a_list") and any(c.dep_ == "conj" for c in doc[roles["object"]].children):
        return []  # "in Paris, Britain, Canada and Japan": a list of places, not "Lugano, Switzerland"
    title: str | None = None
    if rule.get("all_pairs"):
        pairs = _group_pairs(subject, index)
    else:
        title_node = rule.get("title_node")
        if title_node and title_node in roles:
            title = title_of(doc[roles[title_node]], index)
            if not near(subject, doc[roles[title_node]], index):
                return []
        pairs = _argument_pairs(doc, index, rule, roles)
    predicate = rule["relation"]
    subj_types, obj_types = SIGNATURES[predicate]
    found: list[Candidate] = []
    for s_tok, o_tok in pairs:
        s_id = _fitting_entity(s_tok, index, subj_types, rule.get("subject_types"))
        o_id = _fitting_entity(o_tok, index, obj_types, rule.get("object_types"))
        if s_id is None or o_id is None or s_id == o_id:
            continue
        found.append(
            Candidate(s_id, predicate, o_id, confidence, modality, title, trigger.i, rule_id, s_tok.i, o_tok.i)
        )
    return found


def _group_pairs(first: Token, index: EntityIndex) -> list[tuple[Token, Token]]:
    """Every two of a coordinated group, in text order: "a meeting between A, B and C"."""
    group = conjuncts(first, index)
    return [(a, b) for i, a in enumerate(group) for b in group[i + 1 :]]


def _argument_pairs(
    doc: Doc, index: EntityIndex, rule: dict[str, Any], roles: dict[str, int]
) -> list[tuple[Token, Token]]:
    """The (subject, object) token pairs of a match, an argument widened over its conjuncts
    only where it depends on another matched token."""
    # "offered help to X and Y" gives both; "Gazprom chairman Aleksey Miller and ..." gives
    # Miller's post, not his neighbour's: the argument the rule hangs on is not widened, nor
    # are arguments the rule itself coordinates.
    matched = set(roles.values())
    coordinated_pair = any(
        n.get("LEFT_ID") == "subject" and n.get("RIGHT_ID") == "object" for n in rule.get("pattern", ())
    )
    surface = "roles" in rule  # token-sequence rules name their arguments, not heads
    s_tok, o_tok = doc[roles["subject"]], doc[roles["object"]]
    subjects = conjuncts(s_tok, index) if s_tok.head.i in matched and not coordinated_pair else [s_tok]
    widen_object = (o_tok.head.i in matched or surface) and not coordinated_pair
    objects = conjuncts(o_tok, index) if widen_object else [o_tok]
    return [(s, o) for s in subjects for o in objects]


def _fitting_entity(
    token: Token, index: EntityIndex, allowed: frozenset[str], rule_types: Iterable[str] | None
) -> str | None:
    """The entity ``token`` stands for if its broad type is in the relation's signature and its
    type is one the rule asks for (if it asks), else None."""
    ent_id = index.resolve(token)
    if ent_id is None:
        return None
    ent_type = index.by_id[ent_id].type
    if broad_type(ent_type) not in allowed or not _type_ok(ent_type, rule_types):
        return None
    return ent_id


def _type_ok(entity_type: str, allowed: Iterable[str] | None) -> bool:
    """Whether an entity type, or its broad type, is one of ``allowed`` (anything if none are named)."""
    if not allowed:
        return True
    return any(entity_type == a or broad_type(entity_type) == a for a in allowed)


def to_facts(
    doc: Doc,
    index: EntityIndex,
    candidates: list[Candidate],
    *,
    doc_id: str,
    extractor: str,
    version: str,
    model: str,
    article_date: str | None,
) -> tuple[list[Relation], list[Event]]:
    """Merge candidates into one relation per (subject, predicate, object) and make events.

    The most confident reading wins; a symmetric relation is stored once, its arguments in
    entity order.
    """
    best = _best_readings(_drop_shadow_briefs(_drop_country_posts(candidates, index), doc, index))
    relations: list[Relation] = []
    events: list[Event] = []
    for cand in sorted(best, key=lambda c: (c.trigger, (c.subject, c.predicate, c.object))):
        trigger = doc[cand.trigger]
        sent = trigger.sent
        start, end, text = evidence(sent)
        prov = Provenance(
            doc_id, sentence_index(doc, sent), start, end, text, f"{extractor}:{cand.rule}", version, model
        )
        relations.append(_relation(doc, cand, prov))
        if cand.predicate in RELATION_EVENTS:
            events.append(_event(f"ev{len(events) + 1}", cand, trigger, sent, prov, index, article_date))
    return relations, events


def _drop_country_posts(candidates: list[Candidate], index: EntityIndex) -> list[Candidate]:
    """The candidates less the country reading of a post that also has an organisation."""
    # "senior US economist at Deutsche Bank": the post is at the bank; the country only says
    # what the economist covers.
    with_org = {
        (c.subject, c.trigger)
        for c in candidates
        if c.predicate == "worksFor" and broad_type(index.by_id[c.object].type) == "Organization"
    }
    return [
        c
        for c in candidates
        if not (
            c.predicate == "worksFor" and (c.subject, c.trigger) in with_org and index.by_id[c.object].type == "Country"
        )
    ]


def _drop_shadow_briefs(candidates: list[Candidate], doc: Doc, index: EntityIndex) -> list[Candidate]:
    """The candidates less a post in a body of the state that an opposition mark shadows.

    "Shadow Treasury chief secretary George Osborne" works for his party, not the Treasury.
    """
    marks = word_set("opposition_marks")
    out = []
    for c in candidates:
        if c.predicate == "worksFor" and c.o_tok > 0 and index.by_id[c.object].type == "GovernmentBody":
            start, _ = mention_tokens(doc, c.o_tok)
            if start > 0 and doc[start - 1].lower_ in marks:
                continue
        out.append(c)
    return out


def _best_readings(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per (subject, predicate, object), symmetric ones in entity order: the most
    confident, then one with a title, then the first."""
    best: dict[tuple[str, str, str], Candidate] = {}
    for cand in map(_in_entity_order, candidates):
        key = (cand.subject, cand.predicate, cand.object)
        prior = best.get(key)
        if prior is None or (cand.confidence, bool(cand.title)) > (prior.confidence, bool(prior.title)):
            best[key] = cand
    return list(best.values())


def _in_entity_order(cand: Candidate) -> Candidate:
    """A symmetric relation's candidate with the lower entity id as its subject; others as they are."""
    if cand.predicate in SYMMETRIC_RELATIONS and int(cand.subject[1:]) > int(cand.object[1:]):
        return dataclasses.replace(cand, subject=cand.object, object=cand.subject, s_tok=cand.o_tok, o_tok=cand.s_tok)
    return cand


def _relation(doc: Doc, cand: Candidate, prov: Provenance) -> Relation:
    """The :class:`Relation` record of a merged candidate, with the spans of its arguments."""
    return Relation(
        cand.subject,
        cand.predicate,
        cand.object,
        cand.confidence,
        prov,
        cand.title,
        cand.modality,
        mention_span(doc, cand.s_tok),
        mention_span(doc, cand.o_tok),
    )


def _event(
    event_id: str,
    cand: Candidate,
    trigger: Token,
    sent: Span,
    prov: Provenance,
    index: EntityIndex,
    article_date: str | None,
) -> Event:
    """The event a relation is part of (a meeting, a visit...), with its place, date and amounts."""
    ev_type, s_role, o_role = RELATION_EVENTS[cand.predicate]
    date, date_text = date_of(sent, article_date, future=cand.modality == "planned")
    place = cand.object if cand.predicate == "visited" else place_of(trigger, index)
    return Event(
        id=event_id,
        type=ev_type,
        participants=(Participant(cand.subject, s_role), Participant(cand.object, o_role)),
        confidence=cand.confidence,
        provenance=prov,
        place=place,
        date=date,
        date_text=date_text,
        amounts=amounts_of(trigger),
        modality=cand.modality,
    )
