"""Typed vocabularies: the project ontology as an rdflib ``DefinedNamespace``.

Kept in step with ``ontologies/diplograph.ttl`` by ``tests/graph/test_namespace.py``: every term
the ontology defines is here and every term here is defined there.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["DG", "NIF", "CAMEO", "PREFIXES"]

NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
CAMEO = Namespace("https://w3id.org/diplograph/cameo#")
#: The prefixes diplograph writes and reads with: Turtle and TriG bindings, the SPARQL
#: prologue of every query, the JSON-LD context. The one statement of them.
PREFIXES: dict[str, str] = {
    "dg": "https://w3id.org/diplograph/ns#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "nif": str(NIF),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


class DG(DefinedNamespace):
    """The diplograph ontology, ``https://w3id.org/diplograph/ns#``."""

    _NS = Namespace(PREFIXES["dg"])
    _fail = True  # an undefined term is a bug, not a warning

    # classes
    Acquisition: URIRef
    Agent: URIRef
    Agreement: URIRef
    Amount: URIRef
    Article: URIRef
    Company: URIRef
    Country: URIRef
    Event: URIRef
    Evidence: URIRef
    Extraction: URIRef
    GovernmentBody: URIRef
    InternationalOrganization: URIRef
    Investment: URIRef
    LegalAction: URIRef
    MediaOrganization: URIRef
    Meeting: URIRef
    Offer: URIRef
    Organization: URIRef
    Participation: URIRef
    Person: URIRef
    Place: URIRef
    RelationStatement: URIRef
    ResearchInstitute: URIRef
    Sanction: URIRef
    Statement: URIRef
    TradeFlow: URIRef
    Visit: URIRef
    # properties
    acquires: URIRef
    agent: URIRef
    amount: URIRef
    basedIn: URIRef
    confidence: URIRef
    date: URIRef
    dateText: URIRef
    evidence: URIRef
    extractor: URIRef
    extractorVersion: URIRef
    founded: URIRef
    foundedBy: URIRef
    investsIn: URIRef
    livesIn: URIRef
    locatedIn: URIRef
    memberOf: URIRef
    mentionedIn: URIRef
    met: URIRef
    modality: URIRef
    model: URIRef
    offered: URIRef
    ownedBy: URIRef
    owns: URIRef
    participant: URIRef
    participation: URIRef
    partnerOf: URIRef
    place: URIRef
    quote: URIRef
    recipient: URIRef
    relatedTo: URIRef
    role: URIRef
    sanctioned: URIRef
    sentenceIndex: URIRef
    speaker: URIRef
    sued: URIRef
    title: URIRef
    tradesWith: URIRef
    unit: URIRef
    value: URIRef
    visited: URIRef
    worksFor: URIRef
