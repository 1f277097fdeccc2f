"""Direct quotations and their speakers.

Quote marks (straight or curly, either way round, as sloppy copy often has them) are paired
within each paragraph; an unclosed quote runs to the paragraph's end. The speaker is the subject
of the nearest speech verb outside the quote in the same or the next short sentence ("...,"
he said), followed through pronouns and clause links ("said X, adding that ..."). A quote with
no attribution that continues the previous speaker's paragraph is given to that speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extract._entity_index import subjects_before
from extract._sentences import sentence_of
from extract.contract import Provenance, Quote, broad_type
from extract.entities import EntityIndex
from extract.lexicon import word_set

__all__ = ["find_quote_spans", "extract_quotes", "MIN_QUOTE_WORDS"]

#: Quotes shorter than this are scare quotes ("a 'great meeting'"), not statements.
MIN_QUOTE_WORDS = 5
#: Confidence of a quote whose speaker its own sentence names, and of one carried over from the
#: paragraph before (a continuation, or the sentence that closes that paragraph).
SAID, CARRIED = 0.9, 0.7
_MARKS = re.compile(r"[\"“”]")


@dataclass(frozen=True)
class _Span:
    start: int  # inner text, without the marks
    end: int
    para_start: int
    para_end: int


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (inner text) of every quotation in ``text``.

    >>> text = 'He said: "We will win." Then: “It is done'
    >>> [text[s:e] for s, e in find_quote_spans(text)]
    ['We will win.', 'It is done']
    """
    return [(q.start, q.end) for q in _spans(text)]


def _is_opener(text: str, i: int, open_now: bool) -> bool:
    """Whether the quote mark at ``i`` opens a quotation, judged by what stands around it.

    Straight marks, and curly marks typed the wrong way round, are read from context: a mark
    after a space and before a word opens; one after a word and before a space or punctuation
    closes; when both sides are alike, a mark opens unless a quotation is already open.
    """
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens_left = before.isspace() or before in "([{—–-:"
    closes_right = after.isspace() or after in ".,;:!?)]}—–-"
    if opens_left and not closes_right:
        return True
    if closes_right and not opens_left:
        return False
    if text[i] == "“":
        return True
    if text[i] == "”":
        return False
    return not open_now


def _spans(text: str) -> list[_Span]:
    spans: list[_Span] = []
    pos = 0
    for para in text.split("\n"):
        p_start, p_end = pos, pos + len(para)
        opened: int | None = None
        for m in _MARKS.finditer(para):
            i = p_start + m.start()
            if _is_opener(text, i, opened is not None):
                # A second opener while one is open: the first was never closed, and ends here.
                if opened is not None and text[opened + 1 : i].strip():
                    spans.append(_Span(opened + 1, i, p_start, p_end))
                opened = i
            elif opened is not None:
                if text[opened + 1 : i].strip():
                    spans.append(_Span(opened + 1, i, p_start, p_end))
                opened = None
            # A closer with nothing open is a stray mark and is ignored.
        if opened is not None and text[opened + 1 : p_end].strip():
            spans.append(_Span(opened + 1, p_end, p_start, p_end))
        pos = p_end + 1
    return spans


class _Attributor:
    def __init__(self, doc: Doc, index: EntityIndex, spans: list[_Span]) -> None:
        self.doc = doc
        self.index = index
        self.speech = word_set("speech_verbs")
        self.spokespeople = word_set("spokesperson_nouns")
        self.company_nouns = word_set("company_nouns") | word_set("role_nouns_org")
        self.inside = [(s.start, s.end) for s in spans]
        self.starts = [s.start for s in spans]

    def _quoted(self, tok: Token) -> bool:
        pos = bisect.bisect_right(self.starts, tok.idx) - 1
        return pos >= 0 and self.inside[pos][0] <= tok.idx < self.inside[pos][1]

    def _speaker_of(self, verb: Token, span: _Span | None = None) -> str | None:
        tok: Token | None = verb
        for _ in range(4):
            if tok is None:
                return None
            if tok.lemma_ == "accord":
                for prep in tok.children:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return self._accept(pobj)
                return None
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and not self._quoted(c)]
            if subjects:
                wanted = self._referring(subjects[0]) if span is not None else None
                if span is not None and wanted is not None:
                    about = self._speaker_before(span, wanted)
                    if about is not None:
                        return about
                return self._accept(subjects[0])
            if tok.dep_ in ("advcl", "conj", "xcomp", "ccomp", "parataxis") and tok.head is not tok:
                tok = tok.head
            else:
                return None
        return None

    def _referring(self, tok: Token) -> str | None:
        """What a speaker that refers back stands for: "he"/"she" a person, "it" or "the
        company"-like noun an organisation; None for a speaker that names itself."""
        if tok.lower_ in ("he", "she"):
            return "Person"
        if tok.lower_ == "it" or (
            tok.lemma_.lower() in self.company_nouns and any(c.lower_ == "the" for c in tok.children)
        ):
            return "Organization"
        return None

    def _speaker_before(self, span: _Span, wanted: str) -> str | None:
        """ "Senator Kent Conrad said the plans ... . "The cost of everything he [Bush] advocates
        explodes," he said.": a speaker that refers back is who the text was about just before
        the quote (the subject of the words before it in its sentence, or of the sentence
        before), not the last one named, often inside the quote or a possessor."""
        first = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        if first is None:
            return None
        for tok in subjects_before(first[0]):
            if self._quoted(tok) or self._referring(tok):
                continue
            ent = self._accept(tok)
            if ent is None:
                continue
            kind = broad_type(self.index.by_id[ent].type)
            # A body's spokesperson answers for a "he"/"she" too.
            body = wanted == "Person" and self._spokesperson(tok) and kind in ("Organization", "Country")
            if kind == wanted or body:
                return ent
        return None

    def _spokesperson(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.spokespeople or tok.lower_ in self.spokespeople

    def _accept(self, tok: Token) -> str | None:
        ent = self.index.resolve(tok)
        if ent is None:
            ent = self._body_of_spokesperson(tok)
        if ent is None:
            return None
        return ent if self.index.by_id[ent].type != "Place" else None

    def _body_of_spokesperson(self, tok: Token) -> str | None:
        """ "a Vodafone spokesman", "a spokeswoman for the Treasury": an unnamed spokesperson
        speaks for the named organisation or country (project ruling 1)."""
        if not self._spokesperson(tok):
            return None
        near = [c for c in tok.children if c.dep_ in ("compound", "poss", "nmod", "amod")]
        near += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at") for g in c.children]
        for c in near:
            ent = self.index.token_entity.get(c.i)
            if ent is not None and broad_type(self.index.by_id[ent].type) in ("Organization", "Country"):
                return ent
        return None

    def _preceding(self, sent: Span, span: _Span) -> tuple[str | None, float]:
        """ "X stressed that ... . "Quote."": the speaker of the sentence just before the quote,
        when that sentence is in the same paragraph, or (a weaker reading) closes the one before
        a quote that opens its own, and says who spoke; with the reading's confidence."""
        if sent.start == 0:
            return None, SAID
        before = self.doc[sent.start - 1].sent
        while not before.text.strip() and before.start > 0:
            before = self.doc[before.start - 1].sent  # the paragraph break is a "sentence" of its own
        # A quote that opens its paragraph may follow the sentence that closes the paragraph
        # before ("... Mr Bannister said. \n\n "I think the key is ...").
        opens_paragraph = not self.index.text[span.para_start : max(span.start - 1, span.para_start)].strip()
        across = before.start_char < span.para_start
        if across and not opens_paragraph:
            return None, SAID
        for tok in before:
            if tok.lemma_.lower() in self.speech and tok.pos_ in ("VERB", "AUX") and not self._quoted(tok):
                speaker = self._speaker_of(tok)
                if speaker is not None and self.index.by_id[speaker].type == "Person":
                    return speaker, CARRIED if across else SAID
        return None, SAID

    def attribute(self, span: _Span) -> tuple[str | None, float]:
        """The speaker of ``span`` (None if the article does not say) and how sure the reading is."""
        doc = self.doc
        first = doc.char_span(span.start, span.end, alignment_mode="expand")
        if first is None:
            return None, SAID
        sents = {first[0].sent.start: first[0].sent, first[-1].sent.start: first[-1].sent}
        last_sent = first[-1].sent
        if last_sent.end < len(doc):
            following = doc[last_sent.end].sent
            if len(following) <= 10 and following.start_char < span.para_end + 2:
                sents[following.start] = following
        verbs = [
            t
            for s in sents.values()
            for t in s
            if (t.lemma_.lower() in self.speech and t.pos_ in ("VERB", "AUX") or t.lemma_ == "accord")
            and not self._quoted(t)
        ]
        if not verbs:
            return self._preceding(first[0].sent, span)
        mid = (span.start + span.end) / 2
        for verb in sorted(verbs, key=lambda t: min(abs(t.idx - span.start), abs(t.idx - span.end), abs(t.idx - mid))):
            speaker = self._speaker_of(verb, span)
            if speaker is not None:
                return speaker, SAID
        return None, SAID


def extract_quotes(
    doc: Doc,
    index: EntityIndex,
    *,
    doc_id: str,
    extractor: str,
    version: str,
    model: str,
    min_words: int = MIN_QUOTE_WORDS,
) -> list[Quote]:
    """Every quotation of at least ``min_words`` words whose speaker the article names."""
    text = index.text
    spans = _spans(text)
    attributor = _Attributor(doc, index, spans)
    quotes: list[Quote] = []
    previous: tuple[str, int] | None = None  # speaker and paragraph end of the last quote
    for span in spans:
        inner = text[span.start : span.end].strip()
        speaker, confidence = attributor.attribute(span)
        if speaker is None and previous is not None:
            prev_speaker, prev_para_end = previous
            continues = span.para_start <= prev_para_end + 2 and not text[span.para_start : span.start - 1].strip()
            same_para = span.para_start < prev_para_end
            if continues or same_para:
                speaker, confidence = prev_speaker, CARRIED
        if speaker is None:
            previous = None
            continue
        previous = (speaker, span.para_end)
        if len(inner.split()) < min_words:
            continue
        lead = len(text[span.start : span.end]) - len(text[span.start : span.end].lstrip())
        start = span.start + lead
        sent = doc.char_span(start, start + len(inner), alignment_mode="expand")
        sentence = 0
        if sent is not None:
            sentence = sentence_of(doc, sent.start)
        prov = Provenance(doc_id, sentence, start, start + len(inner), inner, f"{extractor}:quote", version, model)
        quotes.append(Quote(speaker, inner, confidence, prov))
    return quotes
