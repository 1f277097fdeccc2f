"""From pattern matches to facts: relations and the events they are part of.

A match of a rule in ``patterns/*.jsonl`` names a subject token and an object token. Each is
resolved to an article entity (:meth:`EntityIndex.resolve`), widened over coordination ("Macy's
and Saks"), checked against the relation's signature, and read for modality: a negated, denied,
conditional statement gives nothing; "could"/"may" makes it ``potential`` (and halves its
confidence); "plans/agreed/will" makes it ``planned``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from extract.amounts import parse_amount
from extract.contract import (
    RELATION_EVENTS,
    SIGNATURES,
    SYMMETRIC_RELATIONS,
    Amount,
    Event,
    Participant,
    Provenance,
    Relation,
    broad_type,
)
from extract.dates import resolve_date
from extract.entities import EntityIndex, clean_name
from extract.lexicon import word_set

__all__ = ["Candidate", "name_home_candidates", "read_matches", "modality_of", "to_facts", "title_of"]


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


def modality_of(trigger: Token) -> str | None:
    """``actual``, ``planned`` or ``potential`` for the clause of ``trigger``; None if negated.

    The trigger and its governors up to the clause root are read: a ``neg`` dependent, a
    governing verb of denial ("denied it would buy"), or a conditional mark ("if") voids the
    fact.
    """
    negating = word_set("negating_verbs")
    marks = word_set("hypothetical_marks")
    potential = word_set("potential_modals")
    planning = word_set("planning_words")
    result = "actual"
    if trigger.pos_ not in ("VERB", "AUX"):
        # A nominal fact ("Alibaba founder Jack Ma", "talks between X and Y") stands whatever
        # the clause around it says, unless the noun itself is negated ("no deal").
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in trigger.children):
            return None
        return "actual"
    tok: Token | None = trigger
    steps = 0
    while tok is not None and steps < 5:
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
        if tok is not trigger:
            if tok.lemma_.lower() in negating:
                return None
            if tok.lemma_.lower() in planning and result == "actual":
                result = "planned"
        if tok.dep_ in ("ROOT",) or tok.head is tok:
            break
        # Climb through clause links only; a noun phrase's head is not a governor of the fact.
        if tok.dep_ not in (
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
        ):
            break
        tok = tok.head
        steps += 1
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


def _conjuncts(token: Token, index: EntityIndex) -> list[Token]:
    """The token and every entity coordinated with it ("X and Y", "X, Y and Z")."""
    found = [token]
    for conj in token.conjuncts:
        if conj.i in index.token_entity:
            found.append(conj)
    return found


def _near(person: Token, title: Token, index: EntityIndex, window: int = 5) -> bool:
    """A post belongs to a name only when they stand close together ("X, the chairman of")."""
    doc = person.doc
    start = end = person.i
    if person.ent_iob_ in ("B", "I"):
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
    return start - window <= title.i <= end + window


def _type_ok(entity_type: str, allowed: Iterable[str] | None) -> bool:
    if not allowed:
        return True
    return any(entity_type == a or broad_type(entity_type) == a for a in allowed)


def read_matches(doc: Doc, index: EntityIndex, rules: dict[str, dict[str, Any]]) -> list[Candidate]:
    """Turn ``doc._.dg_matches`` into typed, resolved relation candidates."""
    candidates: list[Candidate] = []
    for rule_id, roles in doc._.dg_matches or ():
        rule = rules[rule_id]
        if "subject" not in roles or "object" not in roles:
            continue
        predicate = rule["relation"]
        trigger = doc[roles.get("trigger", roles["object"])]
        modality = modality_of(trigger)
        if modality is None:
            continue
        confidence = float(rule["confidence"]) * (0.5 if modality == "potential" else 1.0)
        title = None
        if rule.get("title_node") and rule["title_node"] in roles:
            title = title_of(doc[roles[rule["title_node"]]], index)
        subj_types, obj_types = SIGNATURES[predicate]
        # Coordination is widened only for an argument that depends on another matched token
        # ("offered help to X and Y"), not for one that is itself the head the rule hangs on
        # ("Gazprom chairman Aleksey Miller and ..." gives Miller's post, not his neighbour's).
        matched = set(roles.values())
        coordinated_pair = any(
            n.get("LEFT_ID") == "subject" and n.get("RIGHT_ID") == "object" for n in rule.get("pattern", ())
        )
        s_tok0, o_tok0 = doc[roles["subject"]], doc[roles["object"]]
        if rule.get("all_pairs"):
            # "a meeting between A, B and C": every two of them met.
            group = _conjuncts(s_tok0, index)
            pairs = [(a, b) for i, a in enumerate(group) for b in group[i + 1 :]]
            for a, b in pairs:
                a_id, b_id = index.resolve(a), index.resolve(b)
                if not (a_id and b_id) or a_id == b_id:
                    continue
                allowed_s, allowed_o = SIGNATURES[predicate]
                if broad_type(index.by_id[a_id].type) in allowed_s and broad_type(index.by_id[b_id].type) in allowed_o:
                    candidates.append(
                        Candidate(
                            a_id, predicate, b_id, round(confidence, 3), modality, None, trigger.i, rule_id, a.i, b.i
                        )
                    )
            continue
        surface = "roles" in rule  # token-sequence rules name their arguments, not heads
        subjects = _conjuncts(s_tok0, index) if s_tok0.head.i in matched and not coordinated_pair else [s_tok0]
        widen_object = (o_tok0.head.i in matched or surface) and not coordinated_pair
        objects = _conjuncts(o_tok0, index) if widen_object else [o_tok0]
        if title is not None and not _near(s_tok0, doc[roles[rule["title_node"]]], index):
            continue
        for s_tok in subjects:
            s_id = index.resolve(s_tok)
            if s_id is None:
                continue
            s_type = index.by_id[s_id].type
            if broad_type(s_type) not in subj_types or not _type_ok(s_type, rule.get("subject_types")):
                continue
            for o_tok in objects:
                o_id = index.resolve(o_tok)
                if o_id is None or o_id == s_id:
                    continue
                o_type = index.by_id[o_id].type
                if broad_type(o_type) not in obj_types or not _type_ok(o_type, rule.get("object_types")):
                    continue
                candidates.append(
                    Candidate(
                        s_id,
                        predicate,
                        o_id,
                        round(confidence, 3),
                        modality,
                        title,
                        trigger.i,
                        rule_id,
                        s_tok.i,
                        o_tok.i,
                    )
                )
    return candidates


def _mention_span(doc: Doc, i: int) -> tuple[int, int] | None:
    """Character offsets of the name (or pronoun) a relation argument was read from."""
    if i < 0:
        return None
    tok = doc[i]
    if tok.ent_iob_ in ("B", "I"):
        start = end = i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
        return doc[start].idx, doc[end].idx + len(doc[end].text)
    return tok.idx, tok.idx + len(tok.text)


def name_home_candidates(doc: Doc, index: EntityIndex) -> list[Candidate]:
    """basedIn from a name that states a home ("Air China", "London Stock Exchange", "US
    Securities and Exchange Commission"): the guidelines' ruling, for places the article names.

    The home is a country (by any of its names or its demonym) or a place entity of the
    article whose name begins the organisation's name.
    """
    from extract.countries import country_table

    table = country_table()
    subject_named = word_set("named_after_subject")
    homes: dict[str, str] = {}
    for ent in index.entities:
        if ent.type in ("Country", "Place"):
            for form in (ent.name, *ent.surface_forms):
                homes.setdefault(form, ent.id)
    countries = {e.name: e.id for e in index.entities if e.type == "Country"}
    found: list[Candidate] = []
    for ent in index.entities:
        # Companies and public bodies carry their home in their name ("Air China"); institutes
        # and associations are often named after the country they study or speak for (the
        # "Institute of American Studies" is in Beijing), so their names are not read so.
        if broad_type(ent.type) != "Organization" or ent.type == "ResearchInstitute" or not ent.mentions:
            continue
        # Only a name the article writes states a home: a gazetteer's canonical name the text
        # never uses ("British Broadcasting Corporation" for "BBC") says nothing.
        written = dict.fromkeys(clean_name(m.text) for m in ent.mentions)
        home = None
        for name in written:
            home = _home_in_name(name.split(), table, countries, homes, subject_named)
            if home is not None:
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
    words: list[str], table: Any, countries: dict[str, str], homes: dict[str, str], subject_named: frozenset[str]
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


def _evidence(sent: Span) -> tuple[int, int, str]:
    text = sent.text
    stripped = text.strip()
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, start + len(stripped), stripped


def _place_of(trigger: Token, index: EntityIndex) -> str | None:
    for tok in [trigger, *trigger.children]:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                for pobj in prep.children:
                    ent = index.resolve(pobj) if pobj.dep_ == "pobj" else None
                    if ent and index.by_id[ent].type in ("Place", "Country"):
                        return ent
    return None


def _amounts(trigger: Token) -> tuple[Amount, ...]:
    amounts: list[Amount] = []
    scope = (
        trigger.subtree
        if trigger.pos_ in ("NOUN", "PROPN")
        else (
            t
            for child in trigger.children
            if child.dep_ in ("dobj", "attr", "pobj", "prep", "dative")
            for t in child.subtree
        )
    )
    seen: set[int] = set()
    for tok in scope:
        ent_type = tok.ent_type_
        if ent_type in ("MONEY", "CARDINAL", "QUANTITY") and tok.ent_iob_ == "B":
            span = next(e for e in tok.doc.ents if e.start == tok.i)
            if span.start in seen:
                continue
            seen.add(span.start)
            head = span.root.head
            noun = head.lemma_.lower() if head.pos_ == "NOUN" and head.i >= span.end else None
            parsed = parse_amount(span.text, None if ent_type == "MONEY" else noun)
            if parsed:
                amounts.append(Amount(parsed[0], parsed[1], span.text))
    return tuple(amounts)


def _date_of(sent: Span, article_date: str | None, future: bool = False) -> tuple[str | None, str | None]:
    """The event's date: the first time the sentence names, resolved against the article's
    date; the article's date itself when the sentence names no time at all."""
    for ent in sent.ents:
        if ent.label_ == "DATE":
            return resolve_date(ent.text, article_date, future=future)
    return article_date, None


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
    # "senior US economist at Deutsche Bank": the post is at the bank; the country only says
    # what the economist covers. A post with an organisation drops its country reading.
    with_org = {
        (c.subject, c.trigger)
        for c in candidates
        if c.predicate == "worksFor" and broad_type(index.by_id[c.object].type) == "Organization"
    }
    candidates = [
        c
        for c in candidates
        if not (
            c.predicate == "worksFor" and (c.subject, c.trigger) in with_org and index.by_id[c.object].type == "Country"
        )
    ]
    best: dict[tuple[str, str, str], Candidate] = {}
    for cand in candidates:
        s, o, s_tok, o_tok = cand.subject, cand.object, cand.s_tok, cand.o_tok
        if cand.predicate in SYMMETRIC_RELATIONS and int(s[1:]) > int(o[1:]):
            s, o, s_tok, o_tok = o, s, o_tok, s_tok
        key = (s, cand.predicate, o)
        prior = best.get(key)
        if prior is None or (cand.confidence, bool(cand.title)) > (prior.confidence, bool(prior.title)):
            best[key] = Candidate(
                s, cand.predicate, o, cand.confidence, cand.modality, cand.title, cand.trigger, cand.rule, s_tok, o_tok
            )
    relations: list[Relation] = []
    events: list[Event] = []
    for (s, p, o), cand in sorted(best.items(), key=lambda kv: (kv[1].trigger, kv[0])):
        trigger = doc[cand.trigger]
        sent = trigger.sent
        start, end, text = _evidence(sent)
        prov = Provenance(doc_id, _sent_index(doc, sent), start, end, text, f"{extractor}:{cand.rule}", version, model)
        relations.append(
            Relation(
                s,
                p,
                o,
                cand.confidence,
                prov,
                cand.title,
                cand.modality,
                _mention_span(doc, cand.s_tok),
                _mention_span(doc, cand.o_tok),
            )
        )
        if p in RELATION_EVENTS:
            ev_type, s_role, o_role = RELATION_EVENTS[p]
            date, date_text = _date_of(sent, article_date, future=cand.modality == "planned")
            place = o if p == "visited" else _place_of(trigger, index)
            events.append(
                Event(
                    id=f"ev{len(events) + 1}",
                    type=ev_type,
                    participants=(Participant(s, s_role), Participant(o, o_role)),
                    confidence=cand.confidence,
                    provenance=prov,
                    place=place,
                    date=date,
                    date_text=date_text,
                    amounts=_amounts(trigger),
                    modality=cand.modality,
                )
            )
    return relations, events


def _sent_index(doc: Doc, sent: Span) -> int:
    starts = doc.user_data.setdefault("dg_sent_starts", [s.start for s in doc.sents])
    import bisect

    return bisect.bisect_right(starts, sent.start) - 1
