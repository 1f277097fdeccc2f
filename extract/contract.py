"""The contract between ``extract`` and ``graph``: frozen, typed records of one article.

Nothing else crosses from the spaCy side to the rdflib side. Every fact carries a
:class:`Provenance` (document, sentence, character offsets, evidence text, extractor name and
version) and a confidence in [0, 1]. Records serialise to plain JSON objects, one document a
line in JSON Lines files (:func:`document_to_json`, :func:`document_from_json`).

>>> prov = Provenance("a.txt", 0, 0, 7, "Ma met.", "rules", "0.1.0")
>>> document_from_json(document_to_json(Document("a.txt"))) == Document("a.txt")
True
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any

from extract._names import ACRONYM_SKIP, acronyms, initials

__all__ = [
    "BROAD_TYPES",
    "ENTITY_TYPES",
    "EVENT_TYPES",
    "MODALITIES",
    "RELATIONS",
    "RELATION_EVENTS",
    "SIGNATURES",
    "SYMMETRIC_RELATIONS",
    "broad_type",
    "initials",
    "acronyms",
    "ACRONYM_SKIP",
    "Amount",
    "Document",
    "Entity",
    "Event",
    "Mention",
    "Participant",
    "Provenance",
    "Quote",
    "Relation",
    "document_from_json",
    "document_to_json",
]

#: Entity classes, most specific first within Organization.
ENTITY_TYPES = (
    "Person",
    "Organization",
    "Company",
    "GovernmentBody",
    "InternationalOrganization",
    "ResearchInstitute",
    "MediaOrganization",
    "Country",
    "Place",
)
#: Entity class -> its broad type (Person, Organization, Country, Place): what IRIs are minted
#: from, what relation signatures name, what drawings colour by. The one statement of it.
BROAD_TYPES: dict[str, str] = {t: t if t in ("Person", "Country", "Place") else "Organization" for t in ENTITY_TYPES}


def broad_type(entity_type: str) -> str:
    """Person, Organization, Country or Place.

    >>> broad_type("Company"), broad_type("Country")
    ('Organization', 'Country')
    """
    return BROAD_TYPES.get(entity_type, "Organization")


#: The fifteen relations of the annotation guidelines, plus livesIn (CoNLL04's Live_In).
RELATIONS = (
    "owns",
    "acquires",
    "investsIn",
    "founded",
    "worksFor",
    "memberOf",
    "basedIn",
    "locatedIn",
    "met",
    "visited",
    "offered",
    "partnerOf",
    "tradesWith",
    "sanctioned",
    "sued",
    "livesIn",
)
SYMMETRIC_RELATIONS = frozenset({"met", "partnerOf", "tradesWith"})
EVENT_TYPES = (
    "Meeting",
    "Visit",
    "Statement",
    "Offer",
    "Agreement",
    "Investment",
    "Acquisition",
    "TradeFlow",
    "Sanction",
    "LegalAction",
)
MODALITIES: tuple[str, ...] = ("actual", "planned", "potential")


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a fact comes from: a span of one document and the extractor that read it."""

    doc_id: str
    sentence: int
    start: int
    end: int
    evidence: str
    extractor: str
    extractor_version: str
    model: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad evidence offsets {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity name in the text (``end`` is exclusive)."""

    text: str
    label: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity of one article: every mention of it, merged.

    ``id`` is local to the document (``e1``, ``e2``...); ``key`` is the normalised name that
    identifies the entity across documents (the graph mints IRIs from ``type`` and ``key``).
    """

    id: str
    type: str
    name: str
    key: str
    surface_forms: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    #: How sure the extractor is that this is a real, correctly delimited name (see
    #: :func:`extract.entities.entity_confidence`).
    confidence: float = 1.0

    def __post_init__(self) -> None:
        if self.type not in ENTITY_TYPES:
            raise ValueError(f"unknown entity type {self.type!r}; expected one of {ENTITY_TYPES}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"entity confidence {self.confidence} is outside [0, 1]")


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed fact ``subject predicate object`` between two entities of the document."""

    subject: str
    predicate: str
    object: str
    confidence: float
    provenance: Provenance
    title: str | None = None
    modality: str = "actual"
    #: Character offsets of the names the subject and object were read from.
    subject_span: tuple[int, int] | None = None
    object_span: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if self.predicate not in RELATIONS:
            raise ValueError(f"unknown relation {self.predicate!r}; expected one of {RELATIONS}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} is outside [0, 1]")
        if self.modality not in MODALITIES:
            raise ValueError(f"unknown modality {self.modality!r}; expected one of {MODALITIES}")


@dataclass(frozen=True, slots=True)
class Participant:
    """An entity taking part in an event, in a role (agent, recipient, participant...)."""

    entity: str
    role: str


@dataclass(frozen=True, slots=True)
class Amount:
    """A normalised quantity: money has an ISO 4217 ``unit``; counts keep their noun."""

    value: float
    unit: str
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened or is planned, with its participants, place, date, amounts."""

    id: str
    type: str
    participants: tuple[Participant, ...]
    confidence: float
    provenance: Provenance
    place: str | None = None
    date: str | None = None
    date_text: str | None = None
    amounts: tuple[Amount, ...] = ()
    modality: str = "actual"

    def __post_init__(self) -> None:
        if self.type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {self.type!r}; expected one of {EVENT_TYPES}")
        if self.modality not in MODALITIES:
            raise ValueError(f"unknown modality {self.modality!r}; expected one of {MODALITIES}")


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation and the entity the article names as its speaker."""

    speaker: str
    text: str
    confidence: float
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Document:
    """Everything extracted from one article."""

    id: str
    title: str = ""
    date: str | None = None
    source: str = ""
    language: str = "en"
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    extractor: str = ""
    extractor_version: str = ""
    model: str = ""
    meta: dict[str, str] = field(default_factory=dict, hash=False, compare=True)

    def entity(self, entity_id: str) -> Entity:
        """Return the entity with this local id (KeyError if there is none)."""
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        raise KeyError(entity_id)


def document_to_json(doc: Document) -> str:
    """Serialise a document to one line of JSON."""
    return json.dumps(_plain(doc), ensure_ascii=False, separators=(",", ":"))


#: Each contract class's field names, read once.
_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` for the contract's frozen values: the same dicts and lists,
    without the deep copy of every leaf that makes ``asdict`` the build's slowest step."""
    names = _FIELDS.get(type(value))
    if names is None and hasattr(value, "__dataclass_fields__"):
        names = _FIELDS[type(value)] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _pair(value: Any) -> tuple[int, int] | None:
    if value is None:
        return None
    start, end = value
    return int(start), int(end)


def _prov(d: dict[str, Any]) -> Provenance:
    return Provenance(**d)


def document_from_json(line: str | dict[str, Any]) -> Document:
    """Parse one JSON line (or an already parsed object) back into a :class:`Document`.

    Raises ``ValueError`` (or ``KeyError``/``TypeError``) when the object does not follow the
    contract; callers turn that into an :class:`~base.errors.InputError` with the line.
    """
    d = json.loads(line) if isinstance(line, str) else line
    if not isinstance(d, dict):
        raise ValueError("a record must be a JSON object")
    if "entities" not in d:
        # document_to_json always writes it: without it the line is something else (an
        # article, say) that would otherwise be read as an empty document.
        raise ValueError("not a diplograph record: it has no 'entities' field")
    return Document(
        id=d["id"],
        title=d.get("title", ""),
        date=d.get("date"),
        source=d.get("source", ""),
        language=d.get("language", "en"),
        entities=tuple(_entity(e) for e in d.get("entities", ())),
        relations=tuple(_relation(r) for r in d.get("relations", ())),
        events=tuple(_event(ev) for ev in d.get("events", ())),
        quotes=tuple(_quote(q) for q in d.get("quotes", ())),
        extractor=d.get("extractor", ""),
        extractor_version=d.get("extractor_version", ""),
        model=d.get("model", ""),
        meta=dict(d.get("meta", {})),
    )


def _entity(e: dict[str, Any]) -> Entity:
    """An :class:`Entity` from its JSON object, mentions included; optional fields defaulted."""
    return Entity(
        id=e["id"],
        type=e["type"],
        name=e["name"],
        key=e["key"],
        surface_forms=tuple(e.get("surface_forms", ())),
        mentions=tuple(Mention(**m) for m in e.get("mentions", ())),
        confidence=float(e.get("confidence", 1.0)),
    )


def _relation(r: dict[str, Any]) -> Relation:
    """A :class:`Relation` from its JSON object, its provenance and argument spans rebuilt."""
    return Relation(
        **{
            **r,
            "provenance": _prov(r["provenance"]),
            "subject_span": _pair(r.get("subject_span")),
            "object_span": _pair(r.get("object_span")),
        }
    )


def _event(ev: dict[str, Any]) -> Event:
    """An :class:`Event` from its JSON object, its participants, amounts and provenance rebuilt."""
    return Event(
        **{
            **ev,
            "participants": tuple(Participant(**p) for p in ev.get("participants", ())),
            "amounts": tuple(Amount(**a) for a in ev.get("amounts", ())),
            "provenance": _prov(ev["provenance"]),
        }
    )


def _quote(q: dict[str, Any]) -> Quote:
    """A :class:`Quote` from its JSON object, its provenance rebuilt."""
    return Quote(**{**q, "provenance": _prov(q["provenance"])})


_AGENT = frozenset({"Person", "Organization", "Country"})
#: Which broad entity types each relation joins: (subject types, object types), as in the
#: annotation guidelines; ``ontologies/shapes.ttl`` states the same, and a test keeps them equal.
SIGNATURES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "owns": (_AGENT, frozenset({"Organization"})),
    "acquires": (_AGENT, frozenset({"Organization"})),
    "investsIn": (_AGENT, frozenset({"Organization", "Country", "Place"})),
    "founded": (frozenset({"Person", "Organization"}), frozenset({"Organization"})),
    "worksFor": (frozenset({"Person"}), frozenset({"Organization", "Country"})),
    "memberOf": (frozenset({"Country", "Organization"}), frozenset({"Organization"})),
    "basedIn": (frozenset({"Organization"}), frozenset({"Country", "Place"})),
    "locatedIn": (frozenset({"Place"}), frozenset({"Place", "Country"})),
    "met": (_AGENT, _AGENT),
    "visited": (frozenset({"Person", "Organization"}), frozenset({"Country", "Place"})),
    "offered": (_AGENT, _AGENT),
    "partnerOf": (_AGENT, _AGENT),
    "tradesWith": (_AGENT, _AGENT),
    "sanctioned": (_AGENT, _AGENT),
    "sued": (_AGENT, _AGENT),
    "livesIn": (frozenset({"Person"}), frozenset({"Place", "Country"})),
}
#: The event class each relation is an instance of, and the roles of its subject and object.
RELATION_EVENTS: dict[str, tuple[str, str, str]] = {
    "met": ("Meeting", "participant", "participant"),
    "visited": ("Visit", "visitor", "destination"),
    "offered": ("Offer", "offerer", "recipient"),
    "partnerOf": ("Agreement", "party", "party"),
    "investsIn": ("Investment", "investor", "target"),
    "acquires": ("Acquisition", "acquirer", "target"),
    "tradesWith": ("TradeFlow", "party", "party"),
    "sanctioned": ("Sanction", "imposer", "target"),
    "sued": ("LegalAction", "plaintiff", "defendant"),
}
