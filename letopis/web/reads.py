"""Read-side queries the web API needs, written against the `Store.query` protocol.

The shared `letopis.queries` module is the home of read logic; what it does not offer yet (entity
timelines, co-actors, network, map points, a read-only SQLite reader for concurrent requests)
lives here until it moves there.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import NotFound, StoreError
from ..store.base import Row

__all__ = [
    "ReadOnlySQLite",
    "EventQuery",
    "list_documents",
    "get_document",
    "list_entities",
    "get_entity",
    "list_events",
    "event_summary",
    "totals",
]

EVENT_COLUMNS = (
    "e.id, e.document_id, e.doc_id, e.type, e.sources, e.targets, e.location_name, e.geonameid, "
    "e.location_country, e.date, e.modality, e.evidence, e.confidence, e.trigger, e.evidence_start, "
    "e.evidence_stop, e.story_id"
)


class ReadOnlySQLite:
    """A SQLite reader that cannot write: one `mode=ro` connection per thread, so requests run in parallel."""

    dialect = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise NotFound(
                f"no SQLite store at {self.path}; run `letopis process FILES --db {self.path}` first"
            )
        self.url = f"sqlite:///{self.path}"
        self.local = threading.local()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self.local, "conn", None)
        if conn is None:
            uri = f"file:{self.path.resolve()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            conn.execute("PRAGMA query_only = ON")
            self.local.conn = conn
        return conn

    def query(self, sql: str, params: Any = ()) -> list[Row]:
        try:
            cursor = self._conn().execute(sql, tuple(params))
        except sqlite3.Error as error:
            raise StoreError(f"store query failed: {error}", str(self.path)) from error
        names = [column[0] for column in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def close(self) -> None:
        conn = getattr(self.local, "conn", None)
        if conn is not None:
            conn.close()


class EventQuery:
    """Event filters turned into SQL; shared by the list, the summary and the export."""

    def __init__(
        self,
        type: str | None = None,
        actor: str | None = None,
        role: str | None = None,
        location: str | None = None,
        since: str | None = None,
        until: str | None = None,
        modality: str | None = None,
        source: str | None = None,
        document: str | None = None,
    ) -> None:
        self.where: list[str] = []
        self.params: list[Any] = []
        if type:
            self._add("e.type = ?", type)
        if actor:
            if role:
                self._add(
                    "e.id IN (SELECT a.event_id FROM event_actors a WHERE a.actor = ? AND a.role = ?)",
                    actor,
                    role,
                )
            else:
                self._add("e.id IN (SELECT a.event_id FROM event_actors a WHERE a.actor = ?)", actor)
        if location:
            self._add(
                "(e.location_name = ? OR e.location_country = ? OR CAST(e.geonameid AS TEXT) = ?)",
                location,
                location,
                location,
            )
        if since:
            self._add("e.date_end >= ?", since)
        if until:
            self._add("e.date_start <= ?", until)
        if modality:
            self._add("e.modality = ?", modality)
        if source:
            self._add("e.document_id IN (SELECT id FROM documents WHERE source = ?)", source)
        if document:
            self._add("(e.document_id = ? OR e.doc_id = ?)", document, document)

    def _add(self, sql: str, *params: Any) -> None:
        self.where.append(sql)
        self.params.extend(params)

    @property
    def clause(self) -> str:
        return (" WHERE " + " AND ".join(self.where)) if self.where else ""


def event_json(row: Row) -> dict[str, Any]:
    """An events row as the EVENTS.md record, plus its store ids."""
    location = None
    if row.get("location_name") or row.get("geonameid") or row.get("location_country"):
        location = {
            "name": row["location_name"],
            "geonameid": row["geonameid"],
            "country": row["location_country"],
        }
    return {
        "id": row["id"],
        "document_id": row["document_id"],
        "doc_id": row["doc_id"],
        "type": row["type"],
        "sources": json.loads(row["sources"] or "[]"),
        "targets": json.loads(row["targets"] or "[]"),
        "location": location,
        "date": row["date"],
        "modality": row["modality"],
        "evidence": row["evidence"],
        "confidence": row["confidence"],
        "trigger": row["trigger"],
        "evidence_start": row["evidence_start"],
        "evidence_stop": row["evidence_stop"],
        "story_id": row["story_id"],
    }


_EVENT_SORTS = {
    "date": "e.date_start, e.id",
    "-date": "e.date_start DESC, e.id",
    "confidence": "e.confidence, e.id",
    "-confidence": "e.confidence DESC, e.id",
    "id": "e.id",
}


def list_events(
    store: Any, query: EventQuery, limit: int, offset: int, sort: str = "date"
) -> tuple[int, list[dict[str, Any]]]:
    total = store.query(f"SELECT count(*) AS n FROM events e{query.clause}", query.params)[0]["n"]
    rows = store.query(
        f"SELECT {EVENT_COLUMNS} FROM events e{query.clause} ORDER BY {_EVENT_SORTS[sort]} LIMIT ? OFFSET ?",
        [*query.params, limit, offset],
    )
    return int(total), [event_json(row) for row in rows]


_DOC_COLUMNS = (
    "d.id, d.doc_id, coalesce(d.headline, d.title) AS headline, d.published, d.source, d.url, d.story_id"
)


def list_documents(
    store: Any,
    source: str | None,
    since: str | None,
    until: str | None,
    entity: str | None,
    limit: int,
    offset: int,
) -> tuple[int, list[Row]]:
    where, params = [], []  # type: ignore[var-annotated]
    if source:
        where.append("d.source = ?")
        params.append(source)
    if since:
        where.append("d.published >= ?")
        params.append(since)
    if until:
        where.append("substr(d.published, 1, 10) <= ?")
        params.append(until)
    if entity:
        where.append(
            "d.id IN (SELECT m.document_id FROM mentions m JOIN entities n ON n.id = m.entity_id WHERE n.key = ? OR n.code = ?)"
        )
        params.extend([entity, entity])
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = store.query(f"SELECT count(*) AS n FROM documents d{clause}", params)[0]["n"]
    rows = store.query(
        f"SELECT {_DOC_COLUMNS}, (SELECT count(*) FROM events e WHERE e.document_id = d.id) AS events "
        f"FROM documents d{clause} ORDER BY d.published DESC, d.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return int(total), rows


def get_document(store: Any, key: str) -> dict[str, Any]:
    """One document by content hash or input id, with its mentions, entities and events."""
    rows = store.query(
        f"SELECT {_DOC_COLUMNS}, d.text, d.raw, d.dateline, d.format, d.origin, d.language, d.author, d.created_at "
        "FROM documents d WHERE d.id = ? OR d.doc_id = ? ORDER BY d.id = ? DESC LIMIT 1",
        [key, key, key],
    )
    if not rows:
        raise NotFound(f"no document with id {key!r}; list them at /api/documents")
    document = dict(rows[0])
    document["dateline"] = json.loads(document["dateline"]) if document.get("dateline") else None
    document["mentions"] = store.query(
        "SELECT m.text, m.normal, m.type, m.start, m.stop, m.sentence, n.key AS entity, n.code, n.kind, n.name "
        "FROM mentions m JOIN entities n ON n.id = m.entity_id WHERE m.document_id = ? ORDER BY m.start",
        [document["id"]],
    )
    _, document["events"] = list_events(store, EventQuery(document=document["id"]), 1000, 0, "id")
    return document


_ENTITY_SORTS = {
    "-mentions": "mentions DESC, n.name",
    "name": "n.name",
    "-documents": "documents DESC, n.name",
}


def list_entities(
    store: Any, type: str | None, kind: str | None, name: str | None, limit: int, offset: int, sort: str
) -> tuple[int, list[Row]]:
    where, params = [], []  # type: ignore[var-annotated]
    for column, value in (("n.type", type), ("n.kind", kind)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if name:
        where.append("lower(n.name) LIKE ?")
        params.append(f"%{name.lower()}%")
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = store.query(f"SELECT count(*) AS n FROM entities n{clause}", params)[0]["n"]
    rows = store.query(
        "SELECT n.key, n.name, n.type, n.kind, n.code, n.country, n.latitude, n.longitude, "
        "count(m.id) AS mentions, count(DISTINCT m.document_id) AS documents "
        f"FROM entities n LEFT JOIN mentions m ON m.entity_id = n.id{clause} "
        f"GROUP BY n.id, n.key, n.name, n.type, n.kind, n.code, n.country, n.latitude, n.longitude "
        f"ORDER BY {_ENTITY_SORTS[sort]} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return int(total), rows


def get_entity(store: Any, key: str) -> dict[str, Any]:
    """An entity by code or key, with mentions over time, co-actors and its events."""
    rows = store.query(
        "SELECT id, key, name, type, kind, code, geonameid, country, latitude, longitude, expansion FROM entities "
        "WHERE key = ? OR code = ? ORDER BY key = ? DESC LIMIT 1",
        [key, key, key],
    )
    if not rows:
        raise NotFound(f"no entity with code or key {key!r}; list them at /api/entities")
    entity = dict(rows[0])
    entity_id = entity.pop("id")
    entity["timeline"] = store.query(
        "SELECT coalesce(substr(d.published, 1, 7), 'unknown') AS period, count(*) AS mentions "
        "FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.entity_id = ? GROUP BY 1 ORDER BY 1",
        [entity_id],
    )
    entity["documents"] = store.query(
        f"SELECT {_DOC_COLUMNS}, count(*) AS mentions FROM mentions m JOIN documents d ON d.id = m.document_id "
        "WHERE m.entity_id = ? GROUP BY d.id, d.doc_id, d.headline, d.title, d.published, d.source, d.url, d.story_id "
        "ORDER BY d.published DESC LIMIT 100",
        [entity_id],
    )
    actor = entity["code"] or entity["name"]
    _, events = list_events(store, EventQuery(actor=actor), 500, 0, "-date")
    entity["events"] = events
    partners: Counter[str] = Counter()
    for event in events:
        for other in {*event["sources"], *event["targets"]} - {actor}:
            partners[other] += 1
    entity["co_actors"] = [{"actor": name, "events": count} for name, count in partners.most_common(30)]
    return entity


def event_summary(store: Any, query: EventQuery) -> dict[str, Any]:
    """What the events explorer draws: counts by month and type, the actor network, the map."""
    timeline = store.query(
        "SELECT coalesce(substr(e.date_start, 1, 7), 'unknown') AS period, e.type, count(*) AS events "
        f"FROM events e{query.clause} GROUP BY 1, 2 ORDER BY 1, 2",
        query.params,
    )
    pairs = store.query(
        "SELECT s.actor AS source, t.actor AS target, count(*) AS events FROM events e "
        "JOIN event_actors s ON s.event_id = e.id AND s.role = 'source' "
        f"JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'{query.clause} "
        "GROUP BY s.actor, t.actor ORDER BY 3 DESC LIMIT 200",
        query.params,
    )
    places = store.query(
        "SELECT e.location_name AS name, e.geonameid, e.location_country AS country, count(*) AS events, "
        "max(n.latitude) AS latitude, max(n.longitude) AS longitude "
        f"FROM events e LEFT JOIN entities n ON n.geonameid = e.geonameid AND e.geonameid IS NOT NULL{query.clause} "
        "GROUP BY e.location_name, e.geonameid, e.location_country ORDER BY 4 DESC LIMIT 500",
        query.params,
    )
    places = [place for place in places if place["name"] or place["country"]]
    for place in places:
        place["numeric"] = _iso_numeric(place["country"])
    nodes: Counter[str] = Counter()
    for pair in pairs:
        nodes[pair["source"]] += pair["events"]
        nodes[pair["target"]] += pair["events"]
    return {
        "timeline": timeline,
        "network": {"nodes": [{"id": k, "events": v} for k, v in nodes.most_common()], "edges": pairs},
        "locations": places,
    }


def _iso_numeric(alpha3: str | None) -> str | None:
    """ISO 3166 numeric code (the id world-atlas gives each country) for an ISO3 code."""
    if not alpha3:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_3=alpha3)
    return country.numeric if country else None


def totals(store: Any) -> dict[str, int]:
    counts = {}
    for table in ("documents", "entities", "mentions", "events"):
        counts[table] = int(store.query(f"SELECT count(*) AS n FROM {table}")[0]["n"])
    counts["quarantined"] = int(
        store.query("SELECT count(*) AS n FROM quarantine WHERE resolved_at IS NULL")[0]["n"]
    )
    return counts
