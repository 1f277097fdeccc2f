"""``conll04.v1``: entities and relations from components trained on CoNLL04.

The tagger and parser of the English pipeline, the entity recognizer fine-tuned on CoNLL04
(``extract/models/conll04/ner``) and the pair classifier (``relations.json``), both made by
``tools/train_conll04.py``. It finds worksFor, basedIn, locatedIn and livesIn between named
entities of one sentence; it is the extractor ``diplograph eval-conll04`` uses by default.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

from base.errors import ModelError
from extract._sentences import sentence_of
from extract.contract import SIGNATURES, Document, Entity, Mention, Provenance, Relation, broad_type
from extract.countries import country_table
from extract.entities import clean_name, entity_key
from extract.pairs import PairModel, candidate_pairs, pair_features
from extract.reader import Article

__all__ = ["MODEL_DIR", "Conll04Extractor", "load_conll04_pipeline"]

MODEL_DIR = Path(str(resources.files("extract").joinpath("models", "conll04")))
_PREDICATES = {"Work_For": "worksFor", "OrgBased_In": "basedIn", "Located_In": "locatedIn", "Live_In": "livesIn"}
VERSION = "0.1.0"


@functools.lru_cache(maxsize=2)
def load_conll04_pipeline(model: str | None = None) -> Any:
    """The base pipeline's tagger and parser with the CoNLL04 entity recognizer."""
    import spacy

    from extract.model import INSTALL_HINT, resolve_model_name

    name = resolve_model_name(model)
    if not (MODEL_DIR / "ner").is_dir() or not (MODEL_DIR / "relations.json").is_file():
        raise ModelError(f"{MODEL_DIR}: the CoNLL04 components are missing; run 'make conll04-model'")
    try:
        nlp = spacy.load(name, exclude=["ner"])
    except OSError:
        raise ModelError(f"cannot load spaCy pipeline {name!r}; {INSTALL_HINT}") from None
    nlp.add_pipe("ner", source=spacy.load(MODEL_DIR / "ner"))
    return nlp


class Conll04Extractor:
    """Named entities (CoNLL04 conventions) and classified entity pairs, sentence by sentence."""

    name = "conll04.v1"
    version = VERSION

    def __init__(self, nlp: Any, threshold: float | None = None) -> None:
        from extract.model import model_label

        self.nlp = nlp
        self.model = model_label(nlp) + " + conll04"
        self.pairs = PairModel.load(MODEL_DIR / "relations.json")
        self.threshold = self.pairs.threshold if threshold is None else threshold

    def _type(self, label: str, text: str) -> str:
        if label == "PERSON":
            return "Person"
        if label == "ORG":
            return "Organization"
        return "Country" if country_table().country_of(text) else "Place"

    def __call__(self, doc: Any, article: Article) -> Document:
        from spacy.tokens import Span

        entities: dict[tuple[str, str], Entity] = {}
        span_entity: dict[tuple[int, int], str] = {}
        # The recognizer keeps some of its older place labels; CoNLL04 calls them all locations.
        doc.ents = [Span(doc, e.start, e.end, label="GPE") if e.label_ in ("LOC", "FAC") else e for e in doc.ents]
        for span in doc.ents:
            if span.label_ not in ("PERSON", "ORG", "GPE"):
                continue
            name = clean_name(span.text) or span.text
            etype = self._type(span.label_, name)
            key = (broad_type(etype), entity_key(name, broad_type(etype)))
            sent = sentence_of(doc, span.start)
            mention = Mention(span.text, span.label_, span.start_char, span.end_char, sent)
            if key not in entities:
                entities[key] = Entity(f"e{len(entities) + 1}", etype, name, key[1], (), (mention,))
            else:
                old = entities[key]
                entities[key] = Entity(old.id, old.type, old.name, old.key, old.surface_forms, (*old.mentions, mention))
            span_entity[(span.start, span.end)] = entities[key].id
        types = {e.id: e.type for e in entities.values()}
        relations: list[Relation] = []
        seen: set[tuple[str, str, str]] = set()
        for sent_index, sent in enumerate(doc.sents):
            ents = [e for e in sent.ents if (e.start, e.end) in span_entity]
            for h, t in candidate_pairs(ents):
                label, prob = self.pairs.predict(pair_features(h, t))
                predicate = _PREDICATES.get(label)
                if predicate is None or prob < self.threshold:
                    continue
                s, o = span_entity[(h.start, h.end)], span_entity[(t.start, t.end)]
                subjects, objects = SIGNATURES[predicate]
                if s == o or broad_type(types[s]) not in subjects or broad_type(types[o]) not in objects:
                    continue
                if (s, predicate, o) in seen:
                    continue
                seen.add((s, predicate, o))
                text = sent.text.strip()
                start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
                prov = Provenance(
                    article.id,
                    sent_index,
                    start,
                    start + len(text),
                    text,
                    f"{self.name}:pairs",
                    self.version,
                    self.model,
                )
                relations.append(
                    Relation(
                        s,
                        predicate,
                        o,
                        round(prob, 3),
                        prov,
                        subject_span=(h.start_char, h.end_char),
                        object_span=(t.start_char, t.end_char),
                    )
                )
        return Document(
            id=article.id,
            title=article.title,
            date=article.date,
            source=article.source,
            entities=tuple(entities.values()),
            relations=tuple(relations),
            extractor=self.name,
            extractor_version=self.version,
            model=self.model,
        )
