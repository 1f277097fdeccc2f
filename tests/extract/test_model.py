"""Loading the spaCy pipeline (extract.model): which pipeline, refusals with a hint, and where
diplograph's components go. Only the last test loads the real model."""

from __future__ import annotations

import types

import pytest

from base.errors import ModelError
from extract.model import DEFAULT_MODELS, INSTALL_HINT, load_pipeline, model_label, resolve_model_name


def test_model_resolve_a_named_model_is_used_as_given(monkeypatch):
    import spacy.util

    monkeypatch.setattr(spacy.util, "is_package", lambda name: pytest.fail("no look-up for a named model"))
    assert resolve_model_name("/models/my_pipeline") == "/models/my_pipeline"


def test_model_resolve_takes_the_first_installed_default(monkeypatch):
    import spacy.util

    installed = {DEFAULT_MODELS[1]}
    monkeypatch.setattr(spacy.util, "is_package", lambda name: name in installed)
    assert resolve_model_name(None) == DEFAULT_MODELS[1]
    installed.add(DEFAULT_MODELS[0])
    assert resolve_model_name(None) == DEFAULT_MODELS[0]


def test_model_resolve_without_any_default_installed_says_how_to_install(monkeypatch):
    import spacy.util

    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    with pytest.raises(ModelError) as info:
        resolve_model_name(None)
    assert "no English spaCy pipeline is installed" in str(info.value)
    assert str(info.value).endswith(INSTALL_HINT)


def test_model_label_is_lang_name_and_version():
    nlp = types.SimpleNamespace(meta={"lang": "en", "name": "core_web_sm", "version": "3.8.0"})
    assert model_label(nlp) == "en_core_web_sm 3.8.0"
    assert model_label(types.SimpleNamespace(meta={})) == "xx_unknown ?"


def test_model_load_refuses_a_pipeline_that_does_not_exist(tmp_path):
    with pytest.raises(ModelError) as info:
        load_pipeline(str(tmp_path / "no-such-pipeline"))
    message = str(info.value)
    assert message.startswith(f"cannot load spaCy pipeline {str(tmp_path / 'no-such-pipeline')!r}: ")
    assert "\n" not in message and message.endswith(INSTALL_HINT)


def test_model_load_refuses_a_pipeline_for_another_language(tmp_path):
    import spacy

    spacy.blank("fr").to_disk(tmp_path / "fr")
    with pytest.raises(ModelError, match="is for language 'fr'; diplograph needs English"):
        load_pipeline(str(tmp_path / "fr"))


def test_model_load_refuses_an_english_pipeline_without_parser_and_ner(tmp_path):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "blank")
    with pytest.raises(ModelError, match="has no parser or ner; diplograph needs both"):
        load_pipeline(str(tmp_path / "blank"))


@pytest.mark.slow
def test_model_load_puts_each_component_where_it_belongs(nlp):
    names = nlp.pipe_names
    order = {name: names.index(name) for name in names}
    assert order["diplograph_paragraphs"] < order["parser"]
    assert order["diplograph_gazetteer"] < order["ner"] < order["diplograph_spans"]
    assert (
        order["diplograph_spans"]
        < order["diplograph_countries"]
        < order["diplograph_entity_cues"]
        < order["diplograph_names"]
    )
    assert names[-1] == "diplograph_relations"
    # The rulers hold their patterns: the gazetteer's before the NER, the country table's after.
    doc = nlp("The WTO said exports grew.")
    assert ("WTO", "ORG", "World Trade Organization") in {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    countries = nlp.get_pipe("diplograph_countries").patterns
    assert {"label": "GPE", "pattern": "U.S.", "id": "United States"} in countries
