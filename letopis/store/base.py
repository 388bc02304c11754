"""The narrow `Store` protocol and the filters the read side passes to it.

Writes go through three calls (`save_article`, `quarantine`, `resolve`); reads are portable SQL
through `query`, so `letopis.queries` holds the read logic once for both back ends.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from ..record import Article

__all__ = ["Store", "Row", "EventFilter", "EntityFilter", "DocumentFilter", "Rejection"]

Row = dict[str, Any]


@dataclass(frozen=True)
class Rejection:
    """One quarantined input: what was rejected (origin, position) and why."""

    origin: str
    position: str
    code: str
    reason: str
    payload: str | None = None


@dataclass(frozen=True)
class EventFilter:
    """Filters for `queries.list_events`; None means "any"."""

    type: str | None = None
    actor: str | None = None  # a code (KAZ, EU) or a canonical name, in sources or targets
    role: str | None = None  # source | target, with `actor`
    location: str | None = None  # a place name, a GeoNames id or an ISO3 country
    since: str | None = None  # ISO date, month or year: events whose date range reaches it
    until: str | None = None
    modality: str | None = None
    source: str | None = None  # the news source of the document (interfax.ru)
    document: str | None = None  # content hash or input id
    story: str | None = None
    limit: int = 100
    offset: int = 0
    sort: str = "date"  # date | -date | confidence | -confidence | id


@dataclass(frozen=True)
class EntityFilter:
    """Filters for `queries.list_entities`."""

    type: str | None = None  # PER, LOC, ORG, PROGRAMME
    kind: str | None = None  # country, igo, city, ...
    code: str | None = None
    name: str | None = None  # substring of the canonical name, case-insensitive
    document: str | None = None
    limit: int = 100
    offset: int = 0
    sort: str = "-mentions"  # -mentions | mentions | -documents | name


@dataclass(frozen=True)
class DocumentFilter:
    """Filters for `queries.list_documents`."""

    source: str | None = None
    since: str | None = None  # on `published`
    until: str | None = None
    entity: str | None = None  # entity key or code mentioned in the document
    story: str | None = None
    limit: int = 100
    offset: int = 0


@runtime_checkable
class Store(Protocol):
    """What the batch runner, the CLI and the web API need from a database."""

    url: str
    dialect: str  # "sqlite" | "postgresql"
    read_only: bool  # opened with `open_store(url, read_only=True)`: reads only, a connection per thread

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run one read statement written with `?` placeholders; rows as dicts."""
        ...

    def has_document(self, document_id: str) -> bool:
        """Whether a document with this content hash is stored (checked before any NLP)."""
        ...

    def save_article(self, article: Article, story_id: str | None = None, signature: str = "") -> int:
        """Store one processed article with all its layers in one transaction.

        An event equal to one already stored for `story_id` (a reprint's) is not stored again: the
        stored event lists this document as one more source. Returns how many events did so.
        """
        ...

    def story_entries(self) -> Iterator[tuple[str, str, str]]:
        """`(document_id, story_id, signature)` rows, to rebuild a `StoryIndex`."""
        ...

    def quarantine(self, rejection: Rejection) -> None:
        """Record (or refresh) why an input was rejected."""
        ...

    def resolve(self, origin: str, position: str) -> None:
        """Mark a quarantined input as processed after all."""
        ...

    def schema_version(self) -> int: ...

    def close(self) -> None: ...
