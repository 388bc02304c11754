"""Article → table rows, the same for every back end."""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from ..record import Article, Entity, Event

__all__ = ["document_row", "entity_row", "event_row", "event_key", "EVENT_KEY", "date_range", "lemmas", "now"]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def date_range(date: str | None) -> tuple[str | None, str | None]:
    """First and last day an EVENTS.md date covers (`2020-03/2020-05` → 2020-03-01, 2020-05-31)."""
    if not date:
        return None, None
    first, _, last = date.partition("/")
    start, end = _day(first, last=False), _day(last or first, last=True)
    if start is None or end is None:
        return None, None
    return start, end


def _day(value: str, last: bool) -> str | None:
    match = _ISO.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    if month is None:
        return f"{year}-12-31" if last else f"{year}-01-01"
    if day is None:
        if not 1 <= int(month) <= 12:
            return None
        days = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-{days:02d}" if last else f"{year}-{month}-01"
    return f"{year}-{month}-{day}"


def lemmas(article: Article) -> str:
    """Space-joined lemmas of the clean text, for morphology-aware search."""
    return " ".join(token.lemma for sentence in article.sentences for token in sentence.tokens)


def _article_json(article: Article) -> str:
    """The analysis layers that have no table of their own (sentences, spans, paragraphs...)."""
    layers = {
        "removed": list(article.removed),
        "paragraphs": list(article.paragraphs),
        "sentences": [asdict(sentence) for sentence in article.sentences],
        "spans": [asdict(span) for span in article.spans],
        "meta": [list(pair) for pair in article.meta],
    }
    return json.dumps(layers, ensure_ascii=False, separators=(",", ":"))


def document_row(article: Article, story_id: str | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "doc_id": article.doc_id,
        "raw": article.raw,
        "text": article.text,
        "headline": article.headline,
        "dateline": json.dumps(asdict(article.dateline), ensure_ascii=False) if article.dateline else None,
        "published": article.published,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "author": article.author,
        "origin": article.origin,
        "format": article.format,
        "language": article.language,
        "story_id": story_id,
        "lemmas": lemmas(article),
        "article": _article_json(article),
        "created_at": now(),
    }


def entity_row(entity: Entity) -> dict[str, Any]:
    return {
        "key": entity.key,
        "name": entity.name,
        "type": entity.type,
        "kind": entity.kind,
        "code": entity.code,
        "geonameid": entity.geonameid,
        "country": entity.country,
        "latitude": entity.latitude,
        "longitude": entity.longitude,
        "expansion": entity.expansion,
    }


def event_row(event: Event, document_id: str, story_id: str | None) -> dict[str, Any]:
    start, end = date_range(event.date)
    location = event.location
    return {
        "document_id": document_id,
        "doc_id": event.doc_id,
        "type": str(event.type),
        "sources": json.dumps(list(event.sources), ensure_ascii=False),
        "targets": json.dumps(list(event.targets), ensure_ascii=False),
        "location_name": location.name if location else None,
        "geonameid": location.geonameid if location else None,
        "location_country": location.country if location else None,
        "date": event.date,
        "date_start": start,
        "date_end": end,
        "modality": str(event.modality),
        "evidence": event.evidence,
        "confidence": float(event.confidence),
        "trigger": event.trigger,
        "evidence_start": event.evidence_start,
        "evidence_stop": event.evidence_stop,
        "story_id": story_id,
    }


# The columns that make two reports the same event (EVENTS.md fields, not the evidence wording).
EVENT_KEY = (
    "type",
    "sources",
    "targets",
    "location_name",
    "geonameid",
    "location_country",
    "date",
    "modality",
)


def event_key(row: dict[str, Any]) -> tuple[Any, ...]:
    """What two event rows share when they report the same event; actor lists compare as sets."""
    values = [row[column] for column in EVENT_KEY]
    values[1], values[2] = (tuple(sorted(set(json.loads(row[column])))) for column in ("sources", "targets"))
    values[4] = int(values[4]) if values[4] is not None else None
    return tuple(values)
