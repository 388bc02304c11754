"""The typed records that flow through the pipeline.

One `Article` travels `raw document → clean → Article → NLP → entities → events`; each stage fills
its layer and returns a new frozen record via `dataclasses.replace`, so records pickle cleanly for
Dask and compare cleanly in tests.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Document",
    "Dateline",
    "Token",
    "Sentence",
    "Span",
    "Mention",
    "Entity",
    "Location",
    "Event",
    "EventType",
    "Modality",
    "Article",
    "content_hash",
]


def content_hash(text: str) -> str:
    """Identity of a document: same content, same id, so re-ingest is a no-op."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Document:
    """A raw document as a reader produced it, before any cleaning."""

    text: str
    id: str | None = None  # the input's own id (JSONL `id`), if any
    published: str | None = None  # ISO date as given by the input
    source: str | None = None
    url: str | None = None
    title: str | None = None  # from HTML/feeds, when the format carries it
    author: str | None = None
    origin: str | None = None  # file, file:line or URL, for messages and quarantine
    format: str = "text"  # text | html | jsonl | csv | rss | warc


@dataclass(frozen=True)
class Dateline:
    """`Москва. 11 марта. INTERFAX.RU -`: where the newsroom is and when it filed."""

    text: str
    city: str | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    agency: str | None = None


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # character offsets into Article.text
    stop: int
    lemma: str
    pos: str
    feats: tuple[tuple[str, str], ...] = ()
    head: int = -1  # index of the head token within the sentence, -1 for root
    rel: str = ""

    def feat(self, name: str) -> str | None:
        for key, value in self.feats:
            if key == name:
                return value
        return None


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    stop: int
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True)
class Span:
    """A named-entity span as the NER tagger found it (PER, LOC, ORG)."""

    text: str
    start: int
    stop: int
    type: str
    normal: str = ""


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the text, linked to `Entity.key`."""

    text: str
    start: int
    stop: int
    type: str
    normal: str  # dictionary (nominative) form of this mention
    entity: str  # Entity.key
    sentence: int = -1


@dataclass(frozen=True)
class Entity:
    """A distinct entity of one document, with its link to a code when one exists.

    `code` is what events use as an actor: ISO 3166-1 alpha-3 for states, the fixed IGO code
    (EU, NATO, UN, …) for organizations on the EVENTS.md list, else None (the name is used).
    `kind` says what was linked: country, igo, city, region, programme, person, org, place.
    """

    key: str
    name: str
    type: str  # PER, LOC, ORG, PROGRAMME
    kind: str = ""
    code: str | None = None
    geonameid: int | None = None
    country: str | None = None  # ISO3 of the country the entity belongs to, when known
    latitude: float | None = None
    longitude: float | None = None
    expansion: str | None = None  # for acronyms: the long form the text gives
    aliases: tuple[str, ...] = ()

    @property
    def actor(self) -> str:
        """The actor code EVENTS.md asks for: a code when linked, else the canonical name."""
        return self.code or self.name


@dataclass(frozen=True)
class Location:
    name: str
    geonameid: int | None = None
    country: str | None = None

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "geonameid": self.geonameid, "country": self.country}


class EventType(StrEnum):
    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Modality(StrEnum):
    ASSERTED = "asserted"
    PLANNED = "planned"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"


@dataclass(frozen=True)
class Event:
    """One event record, as EVENTS.md defines it."""

    doc_id: str
    type: EventType
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    location: Location | None
    date: str | None
    modality: Modality
    evidence: str
    confidence: float
    trigger: str = ""
    sentence: int = -1
    evidence_start: int = -1  # offsets of the evidence sentence in Article.text
    evidence_stop: int = -1

    def to_json(self) -> dict[str, object]:
        """The EVENTS.md output record: every field present."""
        return {
            "doc_id": self.doc_id,
            "type": str(self.type),
            "sources": list(self.sources),
            "targets": list(self.targets),
            "location": self.location.to_json() if self.location else None,
            "date": self.date,
            "modality": str(self.modality),
            "evidence": self.evidence,
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger,
            "evidence_start": self.evidence_start,
            "evidence_stop": self.evidence_stop,
        }


@dataclass(frozen=True)
class Article:
    """The record every stage fills: layers stay empty until their stage runs."""

    id: str  # content hash of the raw text
    raw: str
    doc_id: str  # the input's own id, or the content hash when it has none
    text: str = ""  # clean text
    removed: tuple[str, ...] = ()  # junk lines the cleaner dropped, for inspection
    headline: str | None = None
    dateline: Dateline | None = None
    paragraphs: tuple[str, ...] = ()
    published: str | None = None  # ISO date: given, or None (year never guessed)
    source: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    origin: str | None = None
    format: str = "text"
    language: str | None = None
    sentences: tuple[Sentence, ...] = ()
    spans: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    meta: tuple[tuple[str, str], ...] = field(default=())

    def entity(self, key: str) -> Entity | None:
        for entity in self.entities:
            if entity.key == key:
                return entity
        return None
