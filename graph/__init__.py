"""Stage two: records merged into an RDF graph (rdflib) with provenance; analysis, drawing,
exports and SPARQL. Never imports spaCy. Importing this package is cheap."""

__all__: list[str] = []
