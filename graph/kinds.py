"""The names of what the graph stage can make, kept free of heavy imports so that the CLI can
offer them as choices while ``diplograph --help`` stays instant."""

from __future__ import annotations

__all__ = ["FIGURE_KINDS", "EXPORT_FORMATS"]

#: ``diplograph draw --kind`` and ``KnowledgeGraph.draw(kind)``.
FIGURE_KINDS = ("graph", "ego", "path", "timeline", "matrix")
#: ``diplograph export --format`` and ``KnowledgeGraph.export(fmt)``.
EXPORT_FORMATS = ("jsonld", "nquads", "trig", "ttl", "graphml", "gexf")
