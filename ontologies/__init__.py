"""The project's OWL vocabulary and SHACL shapes, shipped as Turtle package data."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["ONTOLOGY", "SHAPES", "path"]

ONTOLOGY = "diplograph.ttl"
SHAPES = "shapes.ttl"


def path(name: str) -> Path:
    """Filesystem path of a shipped Turtle file (``ONTOLOGY`` or ``SHAPES``)."""
    return Path(str(resources.files("ontologies").joinpath(name)))
