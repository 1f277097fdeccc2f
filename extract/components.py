"""diplograph's spaCy components, registered with spaCy under their names.

- ``diplograph_attributes`` (in place of the model's ``attribute_ruler``): the same tag-to-POS,
  morphology and lemma patterns, read from that ruler, applied by lookup, see
  :mod:`extract._attributes`.
- ``diplograph_paragraphs`` (before the parser): a line break always ends a sentence, so a
  headline or a caption never runs into the next paragraph.
- ``diplograph_gazetteer`` (an EntityRuler before the NER): the institutions of the shipped
  gazetteer (closed published lists, no companies), each with its canonical name as id.
- ``diplograph_spans`` (after the NER): entity spans trimmed to the name and coordinations
  split ("Commons after Mr Brown", "Blair and Brown"), see :mod:`extract.spans`.
- ``diplograph_names`` (after the NER): names already seen in the article are found again where
  the statistical NER missed or mislabelled them ("Trump" after "Donald Trump", "Alibaba" after
  "Alibaba Group", "SCMP" after "South China Morning Post"); then an organisation's name runs
  on over a corporate suffix or the noun it compounds ("Geely Holding", "Volvo Cars").
- ``diplograph_relations`` (last): runs the relation pattern files (DependencyMatcher patterns,
  matched by :mod:`extract._depmatch`, and token Matcher patterns) and leaves the raw matches in
  ``doc._.dg_matches`` for :mod:`extract.relations`.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract._attributes import FastAttributeRuler
from extract._depmatch import FastDependencyMatcher
from extract.contract import initials
from extract.countries import country_table
from extract.lexicon import expand_lists, load_jsonl, word_set
from extract.spans import extend_organisations

__all__ = ["CORE_LABELS", "EntityCues", "country_patterns", "gazetteer_patterns", "RelationMatcher", "NamePropagator"]

#: NER labels that name the entities diplograph links.
CORE_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})

if not Doc.has_extension("dg_matches"):
    Doc.set_extension("dg_matches", default=None)


@Language.factory("diplograph_attributes")
def make_attributes(nlp: Language, name: str) -> FastAttributeRuler:
    """The model's own ``attribute_ruler``, compiled to lookups (add it after that ruler)."""
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


@Language.component("diplograph_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Start a new sentence at every line break.

    The whitespace token of the break opens the new sentence: marking the word after it
    instead leads the parser to cut that word off as a sentence of its own.
    """
    for tok in doc[:-1]:
        if "\n" in tok.text and tok.is_space:
            tok.is_sent_start = True
            doc[tok.i + 1].is_sent_start = False
        elif "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


def gazetteer_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns of the organisation gazetteer, with canonical names as ids."""
    patterns: list[dict[str, Any]] = []
    for row in load_jsonl("gazetteer.jsonl"):
        for form in [row["name"], *row.get("aliases", ())]:
            patterns.append({"label": "ORG", "pattern": form, "id": row["name"]})
    return patterns


def country_patterns() -> list[dict[str, Any]]:
    """EntityRuler patterns of country names and demonyms, with the country as id.

    This ruler runs after the NER and only fills gaps, so that "China" inside "China
    Institutes of Contemporary International Relations" stays part of the institute's name.
    """
    patterns: list[dict[str, Any]] = []
    table = country_table()
    for form, name in table.names.items():
        # Lower-case keys exist for look-up only; the ruler matches names as capitalised.
        if form[:1].isupper():
            patterns.append({"label": "GPE", "pattern": form, "id": name})
    for form, name in table.demonyms.items():
        if form[:1].isupper() and form not in table.names:
            patterns.append({"label": "NORP", "pattern": form, "id": name})
    return patterns


class NamePropagator:
    """Re-find, anywhere in the article, the short forms of names the article has used."""

    def __init__(self, vocab: Any, make_doc: Any) -> None:
        self.vocab = vocab
        self.make_doc = make_doc
        self.suffixes = word_set("corporate_suffixes")

    def _forms(self, doc: Doc) -> dict[str, str]:
        forms: dict[str, str] = {}
        for ent in doc.ents:
            words = [t.text for t in ent if t.lower_ != "the"]
            if not words or not all(w[:1].isupper() or not w[:1].isalpha() for w in words[:1]):
                continue
            if ent.label_ == "PERSON" and len(words) >= 2 and ent[-1].is_alpha:
                forms.setdefault(" ".join(words), "PERSON")
                forms.setdefault(words[-1], "PERSON")
            elif ent.label_ == "ORG":
                forms.setdefault(" ".join(words), "ORG")
                core = list(words)
                while len(core) > 1 and core[-1].lower() in self.suffixes:
                    core.pop()
                if core != words:
                    forms.setdefault(" ".join(core), "ORG")
                acronym = initials(" ".join(words), strict=True)
                if acronym and len(acronym) >= 3:
                    forms.setdefault(acronym, "ORG")
        return forms

    def __call__(self, doc: Doc) -> Doc:
        forms = self._forms(doc)
        if not forms:
            return extend_organisations(doc)
        matcher = PhraseMatcher(self.vocab)
        by_label: dict[str, list[str]] = {}
        for form, label in forms.items():
            by_label.setdefault(label, []).append(form)
        for label, texts in by_label.items():
            matcher.add(label, [self.make_doc(t) for t in texts])
        found = [Span(doc, s, e, label=m) for m, s, e in matcher(doc)]
        kept: list[Span] = []
        for ent in doc.ents:
            overlapping = [f for f in found if f.start < ent.end and ent.start < f.end]
            if not overlapping:
                kept.append(ent)
            elif ent.label_ in CORE_LABELS and all(
                ent.start <= f.start and f.end <= ent.end and (f.start, f.end) != (ent.start, ent.end)
                for f in overlapping
            ):
                # "Trump Tower" keeps its own name although it contains "Trump".
                kept.append(ent)
                found = [f for f in found if f not in overlapping]
            elif (ent.start, ent.end) == (overlapping[0].start, overlapping[0].end) and ent.ent_id_:
                kept.append(ent)  # a gazetteer id is better than a re-found name
                found = [f for f in found if f not in overlapping]
        doc.ents = filter_spans(kept + found)
        return extend_organisations(doc)


@Language.component("diplograph_spans")
def spans(doc: Doc) -> Doc:
    """Trim entity spans to their names and split coordinations (:mod:`extract.spans`)."""
    from extract.spans import repair_entities

    return repair_entities(doc)


@Language.factory("diplograph_names")
def make_names(nlp: Language, name: str) -> NamePropagator:
    return NamePropagator(nlp.vocab, nlp.make_doc)


class EntityCues:
    """Relabel names as organisations where the words around them say so ("brokerage Aton",
    "its Clearstream unit", "May's chairman"), from ``patterns/entity_cues.jsonl``."""

    def __init__(self, vocab: Any) -> None:
        self.matcher = Matcher(vocab)
        self.rules: dict[str, dict[str, Any]] = {}
        for rule in load_jsonl("entity_cues.jsonl"):
            self.rules[rule["id"]] = rule
            self.matcher.add(rule["id"], [expand_lists(rule["pattern"])])
        self.strings = vocab.strings

    def _may_relabel(self, span: Span, allowed: list[str]) -> bool:
        if country_table().country_of(span.text) is not None:
            return False  # "China, the biggest exporter": a country is never made an organisation
        for ent in span.doc.ents:
            if ent.start < span.end and span.start < ent.end:
                label = ent.label_
                if label == "PERSON" and len(ent) == 1:
                    label = "PERSON1"  # a lone surname after "brokerage" is a company
                if label not in allowed or ent.ent_id_:
                    return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        matcher: Any = self.matcher  # with_alignments gives 4-tuples, which spaCy's stubs do not know
        found: list[Span] = []
        for match_id, start, _end, aligned in matcher(doc, with_alignments=True):
            rule = self.rules[self.strings[match_id]]
            target = rule["target"] if isinstance(rule["target"], list) else [rule["target"]]
            tokens = [start + i for i, element in enumerate(aligned) if element in target]
            if not tokens:
                continue
            span = Span(doc, tokens[0], tokens[-1] + 1, label=rule["label"])
            if self._may_relabel(span, rule["relabel"]):
                found.append(span)
        if found:
            found = filter_spans(found)
            kept = [e for e in doc.ents if not any(e.start < f.end and f.start < e.end for f in found)]
            doc.ents = filter_spans(kept + found)
        return doc


@Language.factory("diplograph_entity_cues")
def make_entity_cues(nlp: Language, name: str) -> EntityCues:
    return EntityCues(nlp.vocab)


class RelationMatcher:
    """Runs the relation pattern files and stores ``(rule id, {role: token index})`` matches."""

    def __init__(self, vocab: Any) -> None:
        self.rules: dict[str, dict[str, Any]] = {}
        # Same patterns and matches as spaCy's DependencyMatcher, several times faster.
        self.dep = FastDependencyMatcher()
        self.surface = Matcher(vocab)
        self.node_names: dict[str, list[str]] = {}
        for rule in load_jsonl("relations.jsonl"):
            pattern = expand_lists(rule["pattern"])
            self.rules[rule["id"]] = rule
            self.node_names[rule["id"]] = [node["RIGHT_ID"] for node in pattern]
            self.dep.add(rule["id"], [pattern])
        for rule in load_jsonl("surface.jsonl"):
            self.rules[rule["id"]] = rule
            self.surface.add(rule["id"], [expand_lists(rule["pattern"])])
        self.strings = vocab.strings

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[str, dict[str, int]]] = []
        for rule_id, tokens in self.dep(doc):
            found.append((rule_id, dict(zip(self.node_names[rule_id], tokens, strict=True))))
        surface: Any = self.surface  # with_alignments gives 4-tuples, which spaCy's stubs do not know
        for match_id, start, _end, aligned in surface(doc, with_alignments=True):
            rule_id = self.strings[match_id]
            roles: dict[str, int] = {}
            for role, index in self.rules[rule_id]["roles"].items():
                for offset, element in enumerate(aligned):
                    if element == index:
                        roles[role] = start + offset
                        break
            found.append((rule_id, roles))
        doc._.dg_matches = found
        return doc


@Language.factory("diplograph_relations")
def make_relations(nlp: Language, name: str) -> RelationMatcher:
    return RelationMatcher(nlp.vocab)
