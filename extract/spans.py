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
with no capitalised word are dropped. Spans with a gazetteer id are never cut.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

__all__ = ["NAME_PARTICLES", "TITLE_HONORIFICS", "repair_entities", "split_span"]

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
#: Honorifics that open a person's name.
TITLE_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "miss", "mr.", "mrs.", "ms.", "dr."})
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
        if i > piece_start and low in TITLE_HONORIFICS:
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
        if doc[s].lower_ in TITLE_HONORIFICS:
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
    if labels and "PERSON" not in labels and labels & {"ORG", "GPE", "NORP"}:
        doc = span.doc
        return [
            Span(doc, span.start, span.end - 1, label="PERSON"),
            Span(doc, span.end - 1, span.end, label=_label_of(labels, "ORG")),
        ]
    return [span]


def repair_entities(doc: Doc) -> Doc:
    """Cut the entity spans of ``doc`` as the module describes; other spans stay."""
    known = _standalone_names(doc)
    new: list[Span] = []
    changed = False
    for ent in doc.ents:
        pieces = split_span(ent, known)
        if len(pieces) != 1 or (pieces[0].start, pieces[0].end, pieces[0].label_) != (ent.start, ent.end, ent.label_):
            changed = True
        new.extend(pieces)
    if changed:
        doc.ents = filter_spans(new)
    return doc
