"""The shipped word lists and pattern files (extract.lexicon)."""

from __future__ import annotations

import pytest

import extract.lexicon as lexicon_module
from extract.lexicon import expand_lists, lexicon, load_jsonl, word_set


@pytest.fixture()
def fake_files(monkeypatch):
    """``fake_files({name: text})``: the pattern files ``lexicon._read`` returns instead."""

    def install(files):
        lexicon_module.lexicon.cache_clear()
        lexicon_module.word_set.cache_clear()
        monkeypatch.setattr(lexicon_module, "_read", lambda name: files[name])

    yield install
    lexicon_module.lexicon.cache_clear()
    lexicon_module.word_set.cache_clear()


def test_lexicon_loads_named_word_lists():
    data = lexicon()
    assert "founder" in data["founder_nouns"]
    lists = {name: words for name, words in data.items() if not name.startswith("_")}
    assert all(isinstance(words, (list, dict)) and words for words in lists.values())


def test_lexicon_word_set_is_lower_case(fake_files):
    fake_files({"lexicon.json": '{"titles": ["CEO", "Minister", "chairman"]}'})
    assert word_set("titles") == frozenset({"ceo", "minister", "chairman"})


def test_lexicon_load_jsonl_skips_blank_lines_and_comments(fake_files):
    fake_files({"rules.jsonl": '// a header\n\n{"id": "a"}\n   // indented comment\n  {"id": "b"}  \n\n'})
    assert load_jsonl("rules.jsonl") == [{"id": "a"}, {"id": "b"}]


def test_lexicon_load_jsonl_reports_a_malformed_line(fake_files):
    fake_files({"rules.jsonl": '{"id": "a"}\n{"id": \n'})
    with pytest.raises(ValueError):
        load_jsonl("rules.jsonl")


def test_lexicon_expand_lists_replaces_every_reference_in_lower_title_and_upper_case(fake_files):
    fake_files({"lexicon.json": '{"titles": ["ceo", "Minister"], "nouns": ["unit"]}'})
    pattern = [
        {"RIGHT_ID": "a", "RIGHT_ATTRS": {"LEMMA": {"IN": "@titles"}}},
        {"RIGHT_ID": "b", "RIGHT_ATTRS": {"LOWER": {"NOT_IN": "@nouns"}, "DEP": "nsubj"}},
    ]
    expanded = expand_lists(pattern)
    assert expanded[0]["RIGHT_ATTRS"]["LEMMA"]["IN"] == ["ceo", "Ceo", "CEO", "Minister", "MINISTER"]
    assert expanded[1]["RIGHT_ATTRS"]["LOWER"]["NOT_IN"] == ["unit", "Unit", "UNIT"]
    # Everything else is left as it was, and the input is not changed.
    assert expanded[1]["RIGHT_ATTRS"]["DEP"] == "nsubj" and expanded[0]["RIGHT_ID"] == "a"
    assert pattern[0]["RIGHT_ATTRS"]["LEMMA"]["IN"] == "@titles"


def test_lexicon_expand_lists_unknown_list_is_an_error(fake_files):
    fake_files({"lexicon.json": '{"titles": ["ceo"]}'})
    with pytest.raises(KeyError, match="nouns"):
        expand_lists({"IN": "@nouns"})


def test_lexicon_every_list_a_shipped_rule_names_exists():
    for name in ("relations.jsonl", "surface.jsonl", "entity_cues.jsonl"):
        for rule in load_jsonl(name):
            expand_lists(rule["pattern"])  # raises KeyError for a list lexicon.json lacks
