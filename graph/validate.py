"""SHACL validation of a built graph against ``ontologies/shapes.ttl`` (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Dataset, Graph

import ontologies
from graph.build import union_graph

__all__ = ["ValidationReport", "validate"]


@dataclass(frozen=True)
class ValidationReport:
    """Whether the graph conforms, and pyshacl's text report."""

    conforms: bool
    text: str
    violations: int


def validate(graph: Dataset | Graph) -> ValidationReport:
    """Validate against the project's shapes, with the ontology for the class hierarchy."""
    import pyshacl

    data = union_graph(graph) if isinstance(graph, Dataset) else graph
    shapes = Graph().parse(ontologies.path(ontologies.SHAPES), format="turtle")
    ontology = Graph().parse(ontologies.path(ontologies.ONTOLOGY), format="turtle")
    conforms, report_graph, text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        allow_warnings=True,
    )
    from rdflib.namespace import SH

    violations = len(set(report_graph.subjects(predicate=SH.resultSeverity)))
    return ValidationReport(bool(conforms), str(text), violations)
