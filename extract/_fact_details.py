"""What a fact carries besides its triple: evidence span, argument spans, and its event's place,
date and amounts, all read from the parsed sentence (used by :func:`extract.relations.to_facts`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extract._entity_index import EntityIndex
from extract._sentences import sentence_of
from extract.amounts import parse_amount
from extract.contract import Amount
from extract.dates import resolve_date

__all__ = ["amounts_of", "date_of", "evidence", "mention_span", "mention_tokens", "place_of", "sentence_index"]


def evidence(sent: Span) -> tuple[int, int, str]:
    """The sentence's text without surrounding white space, and its character offsets."""
    text = sent.text
    stripped = text.strip()
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, start + len(stripped), stripped


def sentence_index(doc: Doc, sent: Span) -> int:
    """The position of ``sent`` among the document's sentences (0 for the first)."""
    return sentence_of(doc, sent.start)


def mention_tokens(doc: Doc, i: int) -> tuple[int, int]:
    """First and last token of the name holding token ``i`` (``(i, i)`` outside a name)."""
    start = end = i
    if doc[i].ent_iob_ in ("B", "I"):
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
    return start, end


def mention_span(doc: Doc, i: int) -> tuple[int, int] | None:
    """Character offsets of the name (or pronoun) a relation argument was read from."""
    if i < 0:
        return None
    start, end = mention_tokens(doc, i)
    return doc[start].idx, doc[end].idx + len(doc[end].text)


def place_of(trigger: Token, index: EntityIndex) -> str | None:
    """The place or country an event happened in: "in"/"at" X on the trigger or a dependent."""
    for tok in [trigger, *trigger.children]:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                for pobj in prep.children:
                    ent = index.resolve(pobj) if pobj.dep_ == "pobj" else None
                    if ent and index.by_id[ent].type in ("Place", "Country"):
                        return ent
    return None


def amounts_of(trigger: Token) -> tuple[Amount, ...]:
    """The sums and counts a trigger governs (a noun's whole phrase, a verb's objects), normalised."""
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


def date_of(sent: Span, article_date: str | None, future: bool = False) -> tuple[str | None, str | None]:
    """The event's date: the first time the sentence names, resolved against the article's
    date; the article's date itself when the sentence names no time at all."""
    for ent in sent.ents:
        if ent.label_ == "DATE":
            return resolve_date(ent.text, article_date, future=future)
    return article_date, None
