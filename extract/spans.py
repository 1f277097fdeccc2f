"""Entity spans a reader accepts: trimmed to the name, coordinations split into members.

The statistical NER sometimes runs a name into its neighbours: "Commons after Mr Brown" (one
organisation), "Tanzania Mr Brown", "Get Brown" (a sentence-initial verb taken into a person),
"Blair Labour", "Blair and Brown" (one organisation). :func:`repair_entities` cuts such spans:

- before an honorific inside the span ("Tanzania | Mr Brown"); the honorific opens a person;
- at a lower-case word that is not a name particle ("Commons | after | Mr Brown");
- a verb, adverb or pronoun that opens the span at the start of a sentence is dropped;
- at "and"/"&" when the words on both sides are names the article uses on their own elsewhere
  ("Blair and Brown" when "Blair" and "Brown" each stand alone), not in a fixed name such as
  "Procter and Gamble";
- a person's name that ends in a name the article uses for an organisation or place on its
  own ("Blair | Labour").

Each piece keeps the span's label unless it starts with an honorific (then PERSON); pieces
with no capitalised word are dropped. Then punctuation at either end of a span is dropped
("Associated Cement Companies ("), and so is a post that ends it ("the Mid-Bedfordshire MP");
an organisation and a group name written together ("Liberal" + "Democrat") become one
organisation unless one of them names a country. Spans with a gazetteer id are never cut.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extract.countries import country_table
from extract.lexicon import lexicon, word_set

__all__ = [
    "NAME_PARTICLES",
    "OFFICE_TITLES",
    "extend_organisations",
    "repair_entities",
    "split_span",
]

#: Lower-case words that may stand inside a name ("Bank of England", "Banco do Brasil").
NAME_PARTICLES = frozenset(
    {
        "of",
        "and",
        "the",
        "for",
        "&",
        "de",
        "du",
        "des",
        "la",
        "le",
        "di",
        "da",
        "do",
        "dos",
        "van",
        "von",
        "der",
        "den",
        "y",
        "e",
        "al",
        "el",
        "bin",
        "ibn",
        "on",
        "upon",
        "in",
        "at",
        "-",
        "'s",
        "’s",
        ".",
        "'",
        "’",
    }
)
_OPENERS = frozenset({"VERB", "AUX", "ADV", "PRON", "SCONJ", "INTJ"})
_CONJ = frozenset({"and", "&"})
_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


def _standalone_names(doc: Doc) -> dict[str, set[str]]:
    """Each single- or multi-token entity text of the article -> the labels it has there."""
    names: dict[str, set[str]] = {}
    for ent in doc.ents:
        names.setdefault(ent.text, set()).add(ent.label_)
    return names


def _capitalised(tokens: Span) -> bool:
    return any(t.text[:1].isupper() for t in tokens)


def split_span(span: Span, known: dict[str, set[str]]) -> list[Span]:
    """The pieces ``span`` should be cut into (``[span]`` when it is fine as it is)."""
    if span.label_ not in _LABELS or span.ent_id_ or len(span) < 2:
        return [span]
    doc = span.doc
    start, end = span.start, span.end
    # A capitalised verb, adverb or pronoun that opens a sentence is not part of the name.
    while start < end - 1 and doc[start].is_sent_start and doc[start].pos_ in _OPENERS:
        start += 1
    cuts: list[tuple[int, int, str]] = []  # (start, end, label)
    piece_start, label = start, span.label_
    i = start
    while i < end:
        tok = doc[i]
        low = tok.lower_
        if i > piece_start and low in word_set("honorifics"):
            cuts.append((piece_start, i, label))
            piece_start, label = i, "PERSON"
        elif tok.is_lower and low not in NAME_PARTICLES and not tok.is_punct:
            cuts.append((piece_start, i, label))
            piece_start, label = i + 1, span.label_
        elif low in _CONJ and piece_start < i < end - 1:
            left, right = doc[piece_start:i].text, doc[i + 1 : end].text
            if left in known and right in known and left != right:
                cuts.append((piece_start, i, _label_of(known[left], label)))
                piece_start, label = i + 1, _label_of(known[right], span.label_)
        i += 1
    cuts.append((piece_start, end, label))
    pieces = []
    for s, e, lab in cuts:
        if s >= e or not _capitalised(doc[s:e]):
            continue
        if doc[s].lower_ in word_set("honorifics"):
            lab = "PERSON"
        pieces.extend(_split_person_tail(Span(doc, s, e, label=lab), known))
    return pieces or [span]


def _label_of(labels: set[str], fallback: str) -> str:
    for label in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"):
        if label in labels:
            return label
    return fallback


def _split_person_tail(span: Span, known: dict[str, set[str]]) -> list[Span]:
    """ "Blair Labour": a person whose last word the article uses alone as an organisation."""
    if span.label_ != "PERSON" or len(span) < 2:
        return [span]
    last = span[-1].text
    labels = known.get(last, set())
    # Only an organisation: a surname is often mislabelled a place elsewhere ("Barnard's ...").
    if labels and "PERSON" not in labels and labels == {"ORG"}:
        doc = span.doc
        return [
            Span(doc, span.start, span.end - 1, label="PERSON"),
            Span(doc, span.end - 1, span.end, label=_label_of(labels, "ORG")),
        ]
    return [span]


def _trim(span: Span) -> Span | None:
    """``span`` less punctuation at its ends and a post that closes it; None if nothing is left."""
    if span.ent_id_ or span.label_ not in _LABELS:
        return span
    titles = word_set("titles")
    doc = span.doc
    start, end = span.start, span.end
    if "(" in [t.text for t in span] and ")" not in [t.text for t in span]:
        end = start + [t.text for t in span].index("(")
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while end - start > 1 and doc[end - 1].lower_ in titles and span.label_ != "PERSON":
        end -= 1
    # "Treasurer Peter Costello": a post the NER took into a person's name is not part of it.
    while end - start > 1 and span.label_ == "PERSON" and doc[start].lower_ in titles:
        start += 1
    if start >= end or (end - start == 1 and doc[start].lower_ in titles and span.label_ in ("PERSON", "ORG")):
        return None  # a post alone ("MSP", "Chancellor") names no one
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


def _join_groups(spans: list[Span]) -> list[Span]:
    """ "Liberal" (ORG) + "Democrat" (NORP) written together: one organisation."""
    table = country_table()
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end == span.start
            and {prev.label_, span.label_} <= {"ORG", "NORP"}
            and "NORP" in {prev.label_, span.label_}
            and not (prev.ent_id_ or span.ent_id_)
            and not any(table.country_of(p.text) or table.country_of_demonym(p.text) for p in (prev, span))
        ):
            out[-1] = Span(span.doc, prev.start, span.end, label="ORG")
        else:
            out.append(span)
    return out


#: Titles of a government office that a portfolio word names ("Defence Secretary", "Trade
#: Minister", "Trade Commissioner", "Solicitor General"): the word before them is the post's
#: brief, not an employer.
OFFICE_TITLES = frozenset({"secretary", "minister", "commissioner", "general"})
_COORDINATORS = _CONJ | {","}


@functools.cache
def _organisation_words() -> frozenset[str]:
    """Words that make a span an organisation's name: company nouns, name heads, type cues."""
    cues = {w.lower() for words in lexicon()["org_type_words"].values() for w in words}
    return word_set("company_nouns") | word_set("org_name_heads") | cues


def _office_brief(span: Span, title: Token | None, elsewhere: set[str]) -> bool:
    """``span`` is only the brief of the office ``title`` that follows it (:func:`_office_after`;
    "Defence" in "Defence Secretary Geoff Hoon"): an organisation span with no gazetteer id,
    compounding the title, holding no organisation word or country, and never named in the
    article otherwise. A brief may be two coordinated ones in one span ("Trade and Industry
    Secretary", "Work and Pensions Secretary")."""
    words = [t for t in span if t.lower_ not in _COORDINATORS and t.lower_ != "the"]
    if span.label_ != "ORG" or span.ent_id_ or len(words) > 2 or span.text in elsewhere:
        return False
    if len(words) < len(span) and not all(t.is_title for t in words):
        return False
    # The NER's span may open with "the", whose head is the person, not the title.
    if title is None or not any(_modifies(t, title) for t in words):
        return False
    org_words = _organisation_words()
    table = country_table()
    return not any(t.lower_ in org_words or table.country_of(t.text) or table.country_of_demonym(t.text) for t in span)


def _office_after(span: Span, gap: int = 4) -> Token | None:
    """The office title that ends the noun phrase ``span`` opens: the next token, or one after
    a few more capitalised words, "and", "&" or commas ("Justice and Home Affairs Commissioner")."""
    doc = span.doc
    for i in range(span.end, min(span.end + gap + 1, len(doc))):
        tok = doc[i]
        if tok.lower_ in OFFICE_TITLES:
            return tok
        if not (tok.is_title or tok.lower_ in _COORDINATORS):
            return None
    return None


def _modifies(token: Token, title: Token, steps: int = 3) -> bool:
    """``title`` is ``token``'s head, or its head's head ("Justice and Home Affairs
    Commissioner": "Affairs" -> "Justice" -> "Commissioner"), within ``steps``."""
    for _ in range(steps):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i == title.i:
            return True
    return False


def repair_entities(doc: Doc) -> Doc:
    """Cut the entity spans of ``doc`` as the module describes; other spans stay."""
    known = _standalone_names(doc)
    new: list[Span] = []
    for ent in doc.ents:
        for piece in split_span(ent, known):
            trimmed = _trim(piece)
            if trimmed is not None:
                new.append(trimmed)
    new = _join_groups(sorted(new, key=lambda s: s.start))
    new = [_as_document(s) for s in new]
    titles = [_office_after(s) for s in new]
    elsewhere = {s.text for s, title in zip(new, titles, strict=True) if title is None}
    new = [s for s, title in zip(new, titles, strict=True) if not _office_brief(s, title, elsewhere)]
    old = [(e.start, e.end, e.label_) for e in doc.ents]
    if [(e.start, e.end, e.label_) for e in new] != old:
        doc.ents = filter_spans(new)
    return doc


def _as_document(span: Span) -> Span:
    """An "organisation" named for a document ("the Multi-Fibre Agreement", "the Kyoto
    Protocol") is spaCy's LAW: a named document, not a body that can own, sue or employ."""
    last, nouns = span[-1], word_set("document_nouns")
    if span.label_ == "ORG" and len(span) > 1 and (last.lower_ in nouns or last.lemma_.lower() in nouns):
        return Span(span.doc, span.start, span.end, label="LAW")
    return span


def extend_organisations(doc: Doc) -> Doc:
    """Run an organisation's name on over the capitalised words the NER left after it (and
    over a modifier it left before it, :func:`_modifier_before`).

    A corporate suffix ("Geely | Holding") or the proper noun the name is a compound of
    ("Volvo | Cars", parsed as one noun phrase headed by "Cars") belongs to the name. Titles
    ("Ford | Chairman") and words already in an entity are never taken; a span with a
    gazetteer id is left as it is.
    """
    suffixes, titles = word_set("corporate_suffixes"), word_set("titles")
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    spans: list[Span] = []
    changed = False
    for ent in doc.ents:
        start = _modifier_before(ent, taken, titles)
        end = ent.end
        while ent.label_ == "ORG" and not ent.ent_id_ and end < len(doc):
            tok = doc[end]
            if end in taken or not tok.is_title or tok.is_sent_start or tok.lower_ in titles:
                break
            compound_head = tok.pos_ == "PROPN" and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end
            if tok.lower_ not in suffixes and not compound_head:
                break
            end += 1
        if (start, end) != (ent.start, ent.end):
            spans.append(Span(doc, start, end, label=ent.label_))
            changed = True
        else:
            spans.append(ent)
    if changed:
        doc.ents = filter_spans(spans)
    return doc


def _modifier_before(ent: Span, taken: set[int], titles: frozenset[str]) -> int:
    """Where an organisation's or group's name starts once a capitalised modifier the NER left
    before it is taken in ("Liberal | Democrat leader ..." at the start of a sentence): a word
    outside every entity, no title, modifying the name, and written before the same name
    elsewhere in the article, which shows it belongs to the name."""
    if ent.label_ not in ("ORG", "NORP") or ent.ent_id_ or ent.start == 0:
        return ent.start
    doc = ent.doc
    tok = doc[ent.start - 1]
    if (
        ent.start - 1 in taken
        or not tok.is_title
        or tok.lower_ in titles
        or tok.dep_ not in ("amod", "compound")
        or not ent.start <= tok.head.i < ent.end
    ):
        return ent.start
    longer = f"{tok.text} {ent.text}"
    return ent.start - 1 if doc.text.count(longer) >= 2 else ent.start
