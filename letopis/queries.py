"""The read side: what the CLI and the web API show, as plain JSON-ready dicts.

Every function takes a `Store` and filters, writes portable SQL with `?` placeholders, and returns
rows as dicts, so one query serves `letopis show`, `/api/...` and the HTML pages alike.
"""

from __future__ import annotations

import json
from typing import Any

from .errors import NotFound
from .store.base import DocumentFilter, EntityFilter, EventFilter, Row, Store
from .store.rows import date_range

__all__ = [
    "list_documents",
    "get_document",
    "list_entities",
    "get_entity",
    "list_events",
    "list_rejections",
    "stats",
]

MAX_LIMIT = 10_000  # a page never holds more rows than this, whatever the caller asks

_EVENT_COLUMNS = """e.id, e.document_id, e.doc_id, e.type, e.sources, e.targets, e.location_name, e.geonameid,
    e.location_country, e.date, e.date_start, e.date_end, e.modality, e.evidence, e.confidence, e.trigger,
    e.evidence_start, e.evidence_stop, e.story_id, d.source AS news_source, d.published, d.url"""
_SOURCES_COUNT = """(SELECT COUNT(DISTINCT COALESCE(s.source, s.id)) FROM documents s
    WHERE s.story_id = e.story_id OR s.id = e.document_id) AS sources_count"""
_EVENT_SORT = {
    "date": "e.date_start IS NULL, e.date_start, e.id",
    "-date": "e.date_start IS NULL, e.date_start DESC, e.id DESC",
    "confidence": "e.confidence, e.id",
    "-confidence": "e.confidence DESC, e.id",
    "id": "e.id",
}
_ENTITY_SORT = {"-mentions": "mentions DESC, e.name", "name": "e.name, e.id", "mentions": "mentions, e.name"}
_ENTITY_COLUMNS = "e.id, e.key, e.name, e.type, e.kind, e.code, e.geonameid, e.country, e.latitude, e.longitude, e.expansion"


def _page(limit: int, offset: int) -> tuple[int, int]:
    return max(0, min(int(limit), MAX_LIMIT)), max(0, int(offset))


def _document_id(store: Store, key: str) -> str:
    """The content hash of a document named by its hash or by its input id."""
    rows = store.query(
        "SELECT id FROM documents WHERE id = ? UNION SELECT id FROM documents WHERE doc_id = ?", (key, key)
    )
    if not rows:
        raise NotFound(f"no document with id or content hash '{key}'")
    exact = [row["id"] for row in rows if row["id"] == key]
    return exact[0] if exact else str(sorted(row["id"] for row in rows)[0])


# --- documents ----------------------------------------------------------------------------------
def list_documents(store: Store, where: DocumentFilter | None = None) -> list[Row]:
    """Stored documents, newest publication first, with their entity and event counts."""
    where = where or DocumentFilter()
    clauses, params = [], []
    if where.source:
        clauses.append("d.source = ?")
        params.append(where.source)
    if where.since:
        clauses.append("d.published >= ?")
        params.append(date_range(where.since)[0] or where.since)
    if where.until:
        clauses.append("d.published <= ?")
        params.append(date_range(where.until)[1] or where.until)
    if where.story:
        clauses.append("d.story_id = ?")
        params.append(where.story)
    if where.entity:
        clauses.append(
            "EXISTS (SELECT 1 FROM mentions m JOIN entities n ON n.id = m.entity_id"
            " WHERE m.document_id = d.id AND (n.key = ? OR n.code = ?))"
        )
        params += [where.entity, where.entity]
    limit, offset = _page(where.limit, where.offset)
    sql = (
        "SELECT d.id, d.doc_id, d.headline, d.title, d.published, d.source, d.url, d.origin, d.format, d.story_id,"
        " d.created_at, (SELECT COUNT(DISTINCT m.entity_id) FROM mentions m WHERE m.document_id = d.id) AS entities,"
        " (SELECT COUNT(*) FROM events v WHERE v.document_id = d.id) AS events FROM documents d"
        + (" WHERE " + " AND ".join(clauses) if clauses else "")
        + " ORDER BY d.published IS NULL, d.published DESC, d.doc_id LIMIT ? OFFSET ?"
    )
    return store.query(sql, [*params, limit, offset])


def get_document(store: Store, key: str) -> Row:
    """One document by content hash or input id: text, metadata, entities with codes, events."""
    document_id = _document_id(store, key)
    row = store.query(
        "SELECT id, doc_id, text, headline, dateline, published, source, url, title, author, origin, format,"
        " language, story_id, created_at, article FROM documents WHERE id = ?",
        (document_id,),
    )[0]
    layers = json.loads(row.pop("article") or "{}")
    row["dateline"] = json.loads(row["dateline"]) if row["dateline"] else None
    row["removed"] = layers.get("removed", [])
    row["entities"] = store.query(
        f"SELECT {_ENTITY_COLUMNS}, COUNT(m.id) AS mentions FROM entities e JOIN mentions m ON m.entity_id = e.id"
        " WHERE m.document_id = ? GROUP BY e.id ORDER BY MIN(m.start)",
        (document_id,),
    )
    row["mentions"] = store.query(
        "SELECT m.text, m.normal, m.type, m.start, m.stop, m.sentence, n.key AS entity FROM mentions m"
        " JOIN entities n ON n.id = m.entity_id WHERE m.document_id = ? ORDER BY m.start",
        (document_id,),
    )
    row["events"] = list_events(store, EventFilter(document=document_id, limit=MAX_LIMIT, sort="id"))
    row["story"] = store.query(
        "SELECT id, doc_id, source, published FROM documents WHERE story_id = ? AND id <> ? ORDER BY published, id",
        (row["story_id"], document_id),
    )
    return row


# --- entities -----------------------------------------------------------------------------------
def list_entities(store: Store, where: EntityFilter | None = None) -> list[Row]:
    """Entities with their codes and how often, and in how many documents, they are mentioned."""
    where = where or EntityFilter()
    clauses, params = [], []
    for column, value in (("e.type", where.type), ("e.kind", where.kind), ("e.code", where.code)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if where.name:
        clauses.append("e.name LIKE ?")
        params.append(f"%{where.name}%")
    if where.document:
        clauses.append("EXISTS (SELECT 1 FROM mentions x WHERE x.entity_id = e.id AND x.document_id = ?)")
        params.append(_document_id(store, where.document))
    limit, offset = _page(where.limit, where.offset)
    order = _ENTITY_SORT.get(where.sort, _ENTITY_SORT["-mentions"])
    sql = (
        f"SELECT {_ENTITY_COLUMNS}, COUNT(m.id) AS mentions, COUNT(DISTINCT m.document_id) AS documents"
        " FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id"
        + (" WHERE " + " AND ".join(clauses) if clauses else "")
        + f" GROUP BY e.id ORDER BY {order} LIMIT ? OFFSET ?"
    )
    return store.query(sql, [*params, limit, offset])


def get_entity(store: Store, key: str) -> Row:
    """One entity by key, code or row id: its forms in the text, documents and events."""
    rows = store.query(f"SELECT {_ENTITY_COLUMNS} FROM entities e WHERE e.key = ? ORDER BY e.id", (key,))
    if not rows:
        rows = store.query(f"SELECT {_ENTITY_COLUMNS} FROM entities e WHERE e.code = ? ORDER BY e.id", (key,))
    if not rows and key.isdigit():
        rows = store.query(f"SELECT {_ENTITY_COLUMNS} FROM entities e WHERE e.id = ?", (int(key),))
    if not rows:
        raise NotFound(f"no entity with key, code or id '{key}'")
    entity = rows[0]
    entity["forms"] = store.query(
        "SELECT m.text, COUNT(*) AS count FROM mentions m WHERE m.entity_id = ? GROUP BY m.text ORDER BY count DESC, m.text",
        (entity["id"],),
    )
    entity["mentions"] = sum(form["count"] for form in entity["forms"])
    entity["documents"] = store.query(
        "SELECT d.id, d.doc_id, d.headline, d.published, d.source, COUNT(m.id) AS mentions FROM mentions m"
        " JOIN documents d ON d.id = m.document_id WHERE m.entity_id = ?"
        " GROUP BY d.id, d.doc_id, d.headline, d.published, d.source ORDER BY d.published IS NULL, d.published DESC, d.id",
        (entity["id"],),
    )
    actor = entity["code"] or entity["name"]
    entity["events"] = list_events(store, EventFilter(actor=actor, limit=MAX_LIMIT))
    return entity


# --- events -------------------------------------------------------------------------------------
def list_events(store: Store, where: EventFilter | None = None) -> list[Row]:
    """Events in the EVENTS.md shape, plus row id, story and `sources_count` (outlets in the story)."""
    where = where or EventFilter()
    clauses, params = [], []
    for column, value in (
        ("e.type", where.type and where.type.upper()),
        ("e.modality", where.modality),
        ("d.source", where.source),
        ("e.story_id", where.story),
    ):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    if where.actor:
        role = " AND a.role = ?" if where.role else ""
        clauses.append(f"EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.actor = ?{role})")
        params += [where.actor, where.role] if where.role else [where.actor]
    if where.location:
        clauses.append("(e.location_name = ? OR e.location_country = ? OR CAST(e.geonameid AS TEXT) = ?)")
        params += [where.location] * 3
    if where.since:
        clauses.append("e.date_end >= ?")
        params.append(date_range(where.since)[0] or where.since)
    if where.until:
        clauses.append("e.date_start <= ?")
        params.append(date_range(where.until)[1] or where.until)
    if where.document:
        clauses.append("e.document_id = ?")
        params.append(_document_id(store, where.document))
    limit, offset = _page(where.limit, where.offset)
    order = _EVENT_SORT.get(where.sort, _EVENT_SORT["date"])
    sql = (
        f"SELECT {_EVENT_COLUMNS}, {_SOURCES_COUNT} FROM events e JOIN documents d ON d.id = e.document_id"
        + (" WHERE " + " AND ".join(clauses) if clauses else "")
        + f" ORDER BY {order} LIMIT ? OFFSET ?"
    )
    return [_event(row) for row in store.query(sql, [*params, limit, offset])]


def _event(row: Row) -> Row:
    location = None
    if row["location_name"] or row["location_country"]:
        location = {
            "name": row["location_name"],
            "geonameid": row["geonameid"],
            "country": row["location_country"],
        }
    return {
        "id": row["id"],
        "doc_id": row["doc_id"],
        "document_id": row["document_id"],
        "type": row["type"],
        "sources": json.loads(row["sources"]),
        "targets": json.loads(row["targets"]),
        "location": location,
        "date": row["date"],
        "date_start": row["date_start"],
        "date_end": row["date_end"],
        "modality": row["modality"],
        "evidence": row["evidence"],
        "confidence": row["confidence"],
        "trigger": row["trigger"],
        "evidence_start": row["evidence_start"],
        "evidence_stop": row["evidence_stop"],
        "story_id": row["story_id"],
        "sources_count": row["sources_count"],
        "source": row["news_source"],
        "published": row["published"],
        "url": row["url"],
    }


# --- quarantine and totals ----------------------------------------------------------------------
def list_rejections(store: Store, resolved: bool = False, limit: int = 1000, offset: int = 0) -> list[Row]:
    """Quarantined inputs: file, position, code, reason (unresolved only unless `resolved`)."""
    limit, offset = _page(limit, offset)
    condition = "" if resolved else " WHERE resolved_at IS NULL"
    return store.query(
        "SELECT id, origin, position, code, reason, created_at, resolved_at FROM quarantine"
        f"{condition} ORDER BY origin, LENGTH(position), position LIMIT ? OFFSET ?",
        (limit, offset),
    )


def stats(store: Store, top: int = 10) -> dict[str, Any]:
    """Totals of the store: documents, entities and events by type, rejections by reason, top actors."""

    def counts(sql: str) -> dict[str, int]:
        return {str(row["name"]): int(row["count"]) for row in store.query(sql)}

    scalar = store.query(
        "SELECT (SELECT COUNT(*) FROM documents) AS documents, (SELECT COUNT(*) FROM entities) AS entities,"
        " (SELECT COUNT(*) FROM mentions) AS mentions, (SELECT COUNT(*) FROM events) AS events,"
        " (SELECT COUNT(DISTINCT story_id) FROM documents) AS stories,"
        " (SELECT MIN(published) FROM documents) AS published_from, (SELECT MAX(published) FROM documents) AS published_to"
    )[0]
    return {
        **scalar,
        "entities_by_type": counts(
            "SELECT type AS name, COUNT(*) AS count FROM entities GROUP BY type ORDER BY count DESC, name"
        ),
        "events_by_type": counts(
            "SELECT type AS name, COUNT(*) AS count FROM events GROUP BY type ORDER BY count DESC, name"
        ),
        "sources": counts(
            "SELECT COALESCE(source, '') AS name, COUNT(*) AS count FROM documents GROUP BY source ORDER BY count DESC, name"
        ),
        "rejected": counts(
            "SELECT code AS name, COUNT(*) AS count FROM quarantine WHERE resolved_at IS NULL GROUP BY code ORDER BY count DESC, name"
        ),
        "top_actors": store.query(
            "SELECT actor, COUNT(DISTINCT event_id) AS events FROM event_actors GROUP BY actor"
            " ORDER BY events DESC, actor LIMIT ?",
            (top,),
        ),
    }
