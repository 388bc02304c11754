"""letopis: Russian-language news to clean text and structured event data, offline."""

from __future__ import annotations

import datetime as dt

from .errors import InputError, LetopisError
from .record import Article, Document, Entity, Event, EventType, Location, Modality

__all__ = [
    "Article",
    "Document",
    "Entity",
    "Event",
    "EventType",
    "Location",
    "Modality",
    "InputError",
    "LetopisError",
    "process_text",
    "extract_events",
]

__version__ = "0.1.0"


def process_text(
    text: str, published: str | dt.date | None = None, id: str | None = None, source: str | None = None
) -> Article:
    """Run the whole pipeline on one text and return its Article. `published` is an ISO string or a
    `datetime.date`/`datetime.datetime`, the form a caller's own records most often hold."""
    from .pipeline import Pipeline

    if isinstance(published, dt.date):
        published = published.isoformat()
    return Pipeline().process(Document(text=text, id=id, published=published, source=source))


def extract_events(text: str, published: str | dt.date | None = None) -> list[Event]:
    """The events of one text, as EVENTS.md defines them."""
    return list(process_text(text, published=published).events)
