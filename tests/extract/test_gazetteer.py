"""The gazetteer is a general resource: its header names its source and inclusion rule, every
entry is typed by an ontology class and admitted by one of the rule's classes, and no company
is listed."""

import re
from importlib import resources
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph

from extract.components import gazetteer_patterns
from extract.lexicon import load_jsonl

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontologies" / "diplograph.ttl"


def _header() -> list[str]:
    text = resources.files("extract").joinpath("patterns", "gazetteer.jsonl").read_text("utf-8")
    return [line for line in text.splitlines() if line.startswith("//")]


def _declared_classes() -> set[str]:
    return {m.group(1) for line in _header() if (m := re.match(r"//\s{3}(\S+)\s{2,}\w", line))}


def _organisation_classes() -> set[str]:
    g = Graph().parse(ONTOLOGY)
    ns = next(str(uri) for prefix, uri in g.namespaces() if prefix == "dg")
    org = g.namespace_manager.expand_curie("dg:Organization")
    found = set()
    for cls in g.subjects(RDF.type, OWL.Class):
        if cls == org or org in g.transitive_objects(cls, RDFS.subClassOf):
            found.add(str(cls).removeprefix(ns))
    return found


def test_gazetteer_header_names_its_source_and_rule():
    header = " ".join(_header())
    assert "Source:" in header
    assert "UN System Chart" in header and "Treaty on European Union" in header
    assert "if and only if" in header  # the inclusion rule is stated, not implied
    assert _declared_classes() == {"un-system", "g20", "eu-institution", "central-bank", "regulator", "news-agency"}


def test_every_gazetteer_entry_is_an_ontology_class_admitted_by_a_declared_rule():
    rows = load_jsonl("gazetteer.jsonl")
    classes, declared = _organisation_classes(), _declared_classes()
    assert {"GovernmentBody", "InternationalOrganization", "MediaOrganization"} <= classes
    assert rows
    for row in rows:
        assert row["type"] in classes, row
        assert row["class"] in declared, row
        assert row["type"] != "Company", row  # companies come from the NER and the cue words


def test_no_written_form_belongs_to_two_entries():
    forms = [p["pattern"] for p in gazetteer_patterns()]
    assert len(forms) == len(set(forms))
    # Abbreviations that are English words or stand for other bodies are left out.
    assert not {"WHO", "AP", "FSA", "FSB", "FCA", "Samsung"} & set(forms)
