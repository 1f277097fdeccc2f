"""tools/make_patterns.py is the source of the dependency rules; relations.jsonl is its output."""

import importlib.util
import json

import pytest

from tests.conftest import ROOT

RELATIONS_JSONL = ROOT / "extract" / "patterns" / "relations.jsonl"


@pytest.fixture(scope="module")
def make_patterns():
    spec = importlib.util.spec_from_file_location("make_patterns", ROOT / "tools" / "make_patterns.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # builds the rules; writes nothing
    return module


def test_make_patterns_committed_jsonl_is_what_the_generator_writes(make_patterns):
    # If this fails, relations.jsonl was edited by hand or the notation was changed without
    # regenerating: edit tools/make_patterns.py, then run `make patterns`.
    assert RELATIONS_JSONL.read_text("utf-8") == make_patterns.render()


def test_make_patterns_header_names_the_source(make_patterns):
    header = make_patterns.render().splitlines()[0]
    assert header.startswith("//") and "tools/make_patterns.py" in header and "make patterns" in header


def test_make_patterns_writes_one_rule_a_line_in_notation_order(make_patterns):
    lines = [line for line in make_patterns.render().splitlines() if not line.startswith("//")]
    assert [json.loads(line)["id"] for line in lines] == [r["id"] for r in make_patterns.RULES]


def test_make_patterns_main_writes_where_it_is_told(make_patterns, tmp_path, capsys):
    out = tmp_path / "relations.jsonl"
    make_patterns.main(out)
    assert out.read_text("utf-8") == make_patterns.render()
    assert f"wrote {len(make_patterns.RULES)} rules" in capsys.readouterr().out


def test_make_patterns_refuses_duplicate_rule_ids(make_patterns):
    rule = make_patterns.RULES[0]
    with pytest.raises(ValueError, match=rule["id"]):
        make_patterns.render([rule, dict(rule)])


def test_make_patterns_changed_rule_changes_the_output(make_patterns):
    changed = [{**make_patterns.RULES[0], "confidence": 0.1}, *make_patterns.RULES[1:]]
    assert make_patterns.render(changed) != RELATIONS_JSONL.read_text("utf-8")
