"""Records in, RDF out: one named graph per article, provenance on every fact.

Each relation is a plain triple in the ontology namespace (``dg:owns``), so simple SPARQL stays
simple, plus a ``dg:RelationStatement`` (RDF reification) with its confidence, modality, title,
evidence span (NIF offsets) and the extraction activity (PROV-O) that produced it. Quotes are
``dg:Statement`` events with ``dg:speaker`` and ``dg:quote``. Article metadata uses Dublin Core.

An entity has one ``rdfs:label`` across the corpus (its most frequent canonical name) and a
``skos:altLabel`` for every other surface form.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.term import Node

from extract.contract import Document, Entity, Event, Provenance, Quote, Relation, broad_type
from extract.contract import initials as name_initials
from graph.iri import digest, mint
from graph.namespace import DG, NIF, PREFIXES

__all__ = [
    "GRAPH_VERSION",
    "build_dataset",
    "corpus_identities",
    "corpus_labels",
    "write_article",
    "article_ntriples",
    "entity_iri",
    "doc_iri",
    "graph_iri",
    "union_graph",
    "bind_prefixes",
    "decimal_literal",
]

log = logging.getLogger(__name__)

#: The version of what :func:`write_article` writes; a change rewrites every stored article graph.
GRAPH_VERSION = "1"

_AGENT_ROLES = {"offerer", "investor", "acquirer", "imposer", "plaintiff", "visitor", "exporter"}
_RECIPIENT_ROLES = {"recipient", "target", "defendant", "importer"}


def entity_iri(entity: Entity, doc_id: str | None = None) -> URIRef:
    """The corpus-wide IRI of an entity: its broad type and normalised name.

    A person known only by one name ("Ma") is not assumed to be the same person in every
    article: with ``doc_id`` given, such a name gets an IRI of its own article.
    """
    kind = broad_type(entity.type).lower()
    if kind == "person" and " " not in entity.key.strip() and doc_id is not None:
        return mint(kind, entity.key, doc_id)
    return mint(kind, entity.key)


def corpus_identities(documents: Iterable[Document]) -> dict[tuple[str, str], URIRef]:
    """The IRI of every (document id, entity id): names normalised across the corpus, and
    acronyms that one article spells out ("Shanghai Automotive Industry Corp (SAIC)") applied
    in the articles that use the acronym alone."""
    documents = list(documents)
    iris = {(d.id, e.id): entity_iri(e, d.id) for d in documents for e in d.entities}
    acronyms: dict[str, set[URIRef]] = defaultdict(set)
    for doc in documents:
        for ent in doc.entities:
            if broad_type(ent.type).lower() != "organization" or " " not in ent.name:
                continue
            initials = name_initials(ent.name)
            for form in ent.surface_forms:
                if form.isupper() and 2 <= len(form) <= 8 and form == initials:
                    acronyms[form].add(iris[(doc.id, ent.id)])
    for doc in documents:
        for ent in doc.entities:
            if broad_type(ent.type).lower() == "organization" and ent.name.isupper():
                targets = acronyms.get(ent.name, set())
                # Only an acronym that stands for one organisation in the corpus is resolved.
                if len(targets) == 1:
                    iris[(doc.id, ent.id)] = next(iter(targets))
    return iris


def doc_iri(doc_id: str) -> URIRef:
    return mint("doc", doc_id)


def graph_iri(doc_id: str) -> URIRef:
    return mint("graph", doc_id)


def bind_prefixes(graph: Graph) -> None:
    """Bind the prefixes diplograph writes with (:data:`graph.namespace.PREFIXES`)."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)


def decimal_literal(value: float | Decimal, places: int | None = 4) -> Literal:
    """An ``xsd:decimal`` in one lexical form: no trailing zeros, at least one digit after
    the point ("1.0", "0.85"). rdflib's Turtle keeps that form; Oxigraph stores "1", and
    :mod:`graph.io` gives it back in this form, so graphs read from a store equal those written.

    >>> str(decimal_literal(1)), str(decimal_literal(0.8500001)), str(decimal_literal(2.5e9, None))
    ('1.0', '0.85', '2500000000.0')
    """
    number = Decimal(str(round(value, places) if places is not None else value))
    text = format(number.normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def _integer(value: int) -> Literal:
    """An ``xsd:integer``: Oxigraph stores the integer subtypes (nonNegativeInteger...) as
    integers, so offsets are written as integers (the shapes check they are >= 0)."""
    return Literal(value, datatype=XSD.integer)


def corpus_labels(documents: Iterable[Document], iris: dict[tuple[str, str], URIRef]) -> dict[URIRef, str]:
    """The one ``rdfs:label`` of every entity IRI: its most frequent canonical name in the corpus."""
    names: dict[URIRef, Counter[str]] = defaultdict(Counter)
    for doc in documents:
        for ent in doc.entities:
            # An acronym loses to the name it stands for when both label one entity.
            names[iris[(doc.id, ent.id)]][ent.name] += 0 if ent.name.isupper() and " " not in ent.name else 1
    # Most frequent canonical name; ties go to the longer, then alphabetical, for determinism.
    return {iri: max(c.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0] for iri, c in names.items()}


class _Triples:
    """Where :class:`_DocWriter` writes when only the triples are wanted: each once, in order
    (an rdflib Graph's indexes and events cost more than writing the article itself)."""

    def __init__(self) -> None:
        self.triples: dict[tuple[Node, Node, Node], None] = {}

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        self.triples[triple] = None


class _DocWriter:
    def __init__(
        self,
        target: Graph | _Triples,
        doc: Document,
        labels: dict[URIRef, str],
        min_confidence: float,
        iris: dict[tuple[str, str], URIRef],
    ) -> None:
        self.doc = doc
        self.g = target
        self.doc_iri = doc_iri(doc.id)
        self.labels = labels
        self.min_confidence = min_confidence
        self.iris = {e.id: iris[(doc.id, e.id)] for e in doc.entities}
        self.activity = mint("activity", doc.id)

    def write(self) -> None:
        self._article()
        for ent in self.doc.entities:
            self._entity(ent)
        for rel in self.doc.relations:
            if rel.confidence >= self.min_confidence:
                self._relation(rel)
        for event in self.doc.events:
            if event.confidence >= self.min_confidence:
                self._event(event)
        for quote in self.doc.quotes:
            if quote.confidence >= self.min_confidence:
                self._quote(quote)

    def _article(self) -> None:
        g, d, doc = self.g, self.doc_iri, self.doc
        g.add((d, RDF.type, DG.Article))
        g.add((d, DCTERMS.identifier, Literal(doc.id)))
        if doc.title:
            g.add((d, DCTERMS.title, Literal(doc.title)))
        if doc.date:
            g.add((d, DCTERMS.date, Literal(doc.date, datatype=XSD.date)))
        if doc.source:
            g.add((d, DCTERMS.source, Literal(doc.source)))
        g.add((d, DCTERMS.language, Literal(doc.language)))
        agent = mint("agent", doc.extractor or "unknown", doc.extractor_version or "0")
        g.add((self.activity, RDF.type, DG.Extraction))
        g.add((self.activity, RDF.type, PROV.Activity))
        g.add((self.activity, PROV.used, d))
        g.add((self.activity, PROV.wasAssociatedWith, agent))
        g.add((self.activity, DG.extractor, Literal(doc.extractor)))
        g.add((self.activity, DG.extractorVersion, Literal(doc.extractor_version)))
        if doc.model:
            g.add((self.activity, DG.model, Literal(doc.model)))
        g.add((agent, RDF.type, PROV.SoftwareAgent))
        g.add((agent, RDFS.label, Literal(f"diplograph {doc.extractor} {doc.extractor_version}")))

    def _entity(self, ent: Entity) -> None:
        g, iri = self.g, self.iris[ent.id]
        g.add((iri, RDF.type, DG[ent.type]))
        label = self.labels.get(iri, ent.name)
        g.add((iri, RDFS.label, Literal(label)))
        for form in {ent.name, *ent.surface_forms} - {label}:
            g.add((iri, SKOS.altLabel, Literal(form)))
        g.add((iri, DG.mentionedIn, self.doc_iri))
        # Per article graph: how sure this article's reading is that the entity is real.
        g.add((iri, DG.confidence, decimal_literal(ent.confidence)))

    def _evidence(self, prov: Provenance) -> URIRef:
        g = self.g
        ev = mint("doc", self.doc.id, fragment=f"char={prov.start},{prov.end}")
        g.add((ev, RDF.type, DG.Evidence))
        g.add((ev, RDF.type, NIF.String))
        g.add((ev, NIF.beginIndex, _integer(prov.start)))
        g.add((ev, NIF.endIndex, _integer(prov.end)))
        g.add((ev, NIF.anchorOf, Literal(prov.evidence)))
        g.add((ev, NIF.referenceContext, self.doc_iri))
        g.add((ev, DG.sentenceIndex, _integer(prov.sentence)))
        return ev

    def _fact(self, node: URIRef, confidence: float, prov: Provenance) -> None:
        g = self.g
        g.add((node, DG.confidence, decimal_literal(confidence)))
        g.add((node, DG.evidence, self._evidence(prov)))
        g.add((node, PROV.wasGeneratedBy, self.activity))
        g.add((node, DG.extractor, Literal(prov.extractor)))

    def _relation(self, rel: Relation) -> None:
        g = self.g
        s, p, o = self.iris[rel.subject], DG[rel.predicate], self.iris[rel.object]
        g.add((s, p, o))
        stmt = mint("statement", self.doc.id, digest(s, p, o))
        g.add((stmt, RDF.type, DG.RelationStatement))
        g.add((stmt, RDF.subject, s))
        g.add((stmt, RDF.predicate, p))
        g.add((stmt, RDF.object, o))
        g.add((stmt, DG.modality, Literal(rel.modality)))
        if rel.title:
            g.add((stmt, DG.title, Literal(rel.title)))
        self._fact(stmt, rel.confidence, rel.provenance)

    def _event(self, event: Event) -> None:
        g = self.g
        parts = tuple((self.iris[p.entity], p.role) for p in event.participants)
        node = mint("event", self.doc.id, digest(event.type, parts, event.provenance.start))
        g.add((node, RDF.type, DG[event.type]))
        g.add((node, DG.modality, Literal(event.modality)))
        for iri, role in parts:
            if event.type == "Visit" and role == "destination":
                continue  # the destination is the visit's dg:place
            prop = DG.agent if role in _AGENT_ROLES else DG.recipient if role in _RECIPIENT_ROLES else DG.participant
            g.add((node, prop, iri))
            qualified = BNode(digest(node, iri, role))
            g.add((node, DG.participation, qualified))
            g.add((qualified, RDF.type, DG.Participation))
            g.add((qualified, DG.participant, iri))
            g.add((qualified, DG.role, Literal(role)))
        if event.place:
            g.add((node, DG.place, self.iris[event.place]))
        if event.date:
            g.add((node, DG.date, Literal(event.date, datatype=XSD.date)))
        if event.date_text:
            g.add((node, DG.dateText, Literal(event.date_text)))
        for amount in event.amounts:
            a = BNode(digest(node, amount.text, amount.unit))
            g.add((node, DG.amount, a))
            g.add((a, RDF.type, DG.Amount))
            g.add((a, DG.value, decimal_literal(amount.value, places=None)))
            g.add((a, DG.unit, Literal(amount.unit)))
            g.add((a, RDFS.label, Literal(amount.text)))
        self._fact(node, event.confidence, event.provenance)

    def _quote(self, quote: Quote) -> None:
        g = self.g
        node = mint("quote", self.doc.id, f"{quote.provenance.start}-{quote.provenance.end}")
        g.add((node, RDF.type, DG.Statement))
        g.add((node, DG.speaker, self.iris[quote.speaker]))
        g.add((node, DG.quote, Literal(quote.text)))
        if self.doc.date:
            g.add((node, DG.date, Literal(self.doc.date, datatype=XSD.date)))
        self._fact(node, quote.confidence, quote.provenance)


def write_article(
    ds: Dataset,
    doc: Document,
    labels: dict[URIRef, str],
    iris: dict[tuple[str, str], URIRef],
    min_confidence: float = 0.0,
) -> Graph:
    """Write one article's named graph into ``ds`` with the corpus's identities and labels
    (:func:`corpus_identities`, :func:`corpus_labels`) and return that graph."""
    graph = ds.graph(graph_iri(doc.id))
    _DocWriter(graph, doc, labels, min_confidence, iris).write()
    return graph


def article_ntriples(
    doc: Document,
    labels: dict[URIRef, str],
    iris: dict[tuple[str, str], URIRef],
    min_confidence: float = 0.0,
) -> str:
    """The triples :func:`write_article` writes for ``doc``, as N-Triples text (rdflib's own
    row writer), without building an rdflib Graph: what the store is loaded from."""
    from rdflib.plugins.serializers.nt import _nt_row

    out = _Triples()
    _DocWriter(out, doc, labels, min_confidence, iris).write()
    return "".join(_nt_row(t) for t in out.triples)


def build_dataset(
    documents: Iterable[Document],
    *,
    min_confidence: float = 0.0,
    progress: Callable[[Document], None] | None = None,
    into: Dataset | None = None,
) -> Dataset:
    """Merge extracted documents into an RDF dataset with one named graph per article.

    Facts below ``min_confidence`` are left out. ``progress`` is called once per document
    written (the CLI draws a progress bar with it; the library never prints). ``into`` is an
    empty dataset to write into (such as :func:`graph.io.memory_dataset`, for SPARQL on
    Oxigraph); by default a new in-memory rdflib one whose default graph is the union.
    """
    docs = list(documents)
    iris = corpus_identities(docs)
    labels = corpus_labels(docs, iris)
    ds = Dataset(default_union=True) if into is None else into
    bind_prefixes(ds)
    for doc in docs:
        write_article(ds, doc, labels, iris, min_confidence)
        if progress is not None:
            progress(doc)
    log.info("built %d quads from %d documents", len(ds), len(docs))
    return ds


def union_graph(ds: Dataset) -> Graph:
    """Every triple of every named graph in one graph (what Turtle export writes)."""
    g = Graph()
    bind_prefixes(g)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g
