"""The read side: one set of queries for the CLI, the JSON API and the web page.

Every function takes a `Store` and a filter, runs portable SQL with `?` placeholders and returns
JSON-ready dicts; a list comes as a `Page` that carries the total the filters match, so every
caller paginates the same way. Filtering, ordering and LIMIT/OFFSET all happen in SQL.
"""

from __future__ import annotations

import json
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, overload

from .errors import NotFound
from .store.base import DocumentFilter, EntityFilter, EventFilter, Row, Store
from .store.rows import date_range

__all__ = [
    "Page",
    "list_documents",
    "get_document",
    "get_raw",
    "list_entities",
    "get_entity",
    "list_events",
    "iter_events",
    "event_summary",
    "list_rejections",
    "stats",
    "MAX_LIMIT",
]

MAX_LIMIT = 10_000  # a page never holds more rows than this, whatever the caller asks
SUMMARY_CACHE = 256  # event summaries kept per process; each is small (≤ 200 edges, ≤ 500 places)


@dataclass(frozen=True)
class Page(Sequence[Row]):
    """One page of rows and the total the filters match; iterates like the list of its rows."""

    items: tuple[Row, ...]
    total: int
    limit: int
    offset: int

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of every list endpoint: total, limit, offset, items."""
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "items": list(self.items)}


class _Where:
    """AND-ed SQL conditions with their parameters, in order."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.params: list[Any] = []

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def equal(self, *pairs: tuple[str, Any]) -> None:
        for column, value in pairs:
            if value:
                self.add(f"{column} = ?", value)

    def __str__(self) -> str:
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""


def _paged(
    store: Store, select: str, source: str, where: _Where, order: str, limit: int, offset: int
) -> Page:
    """Count what `where` matches in `source`, then fetch one page of `select` in SQL."""
    limit, offset = max(0, min(int(limit), MAX_LIMIT)), max(0, int(offset))
    total = store.query(f"SELECT COUNT(*) AS n FROM {source}{where}", where.params)[0]["n"]
    rows = store.query(f"{select}{where} ORDER BY {order} LIMIT ? OFFSET ?", [*where.params, limit, offset])
    return Page(tuple(rows), int(total), limit, offset)


def _until(value: str) -> str:
    return date_range(value)[1] or value


def _since(value: str) -> str:
    return date_range(value)[0] or value


# --- documents ----------------------------------------------------------------------------------
_DOCUMENT_COLUMNS = """d.id, d.doc_id, COALESCE(d.headline, d.title) AS headline, d.title, d.published,
    d.source, d.url, d.origin, d.format, d.story_id, d.created_at"""
_BY_KEY = "FROM documents d WHERE d.id = ? OR d.doc_id = ? ORDER BY d.id = ? DESC, d.id LIMIT 1"
_REMOVED = {  # only the `removed` layer of the stored article JSON, parsed by the database
    "sqlite": "json_extract(d.article, '$.removed')",
    "postgresql": "(d.article::json -> 'removed')::text",
}


def list_documents(store: Store, where: DocumentFilter | None = None) -> Page:
    """Stored documents, newest publication first, with their entity and event counts."""
    where = where or DocumentFilter()
    sql = _Where()
    sql.equal(("d.source", where.source), ("d.story_id", where.story))
    if where.since:
        sql.add("d.published >= ?", _since(where.since))
    if where.until:
        sql.add("substr(d.published, 1, 10) <= ?", _until(where.until))
    if where.entity:
        sql.add(
            "d.id IN (SELECT m.document_id FROM mentions m JOIN entities n ON n.id = m.entity_id"
            " WHERE n.key = ? OR n.code = ?)",
            where.entity,
            where.entity,
        )
    select = (
        f"SELECT {_DOCUMENT_COLUMNS}, (SELECT COUNT(DISTINCT m.entity_id) FROM mentions m"
        " WHERE m.document_id = d.id) AS entities, (SELECT COUNT(*) FROM event_sources v WHERE v.document_id = d.id)"
        " AS events FROM documents d"
    )
    order = "d.published IS NULL, d.published DESC, d.doc_id"
    return _paged(store, select, "documents d", sql, order, where.limit, where.offset)


def _find_document(store: Store, key: str, columns: str) -> Row:
    rows = store.query(f"SELECT {columns} {_BY_KEY}", (key, key, key))
    if not rows:
        raise NotFound(f"no document with input id or content hash '{key}'; list them at /api/documents")
    return rows[0]


def get_raw(store: Store, key: str) -> str:
    """The raw input of one document, as it arrived."""
    return str(_find_document(store, key, "d.raw")["raw"])


def get_document(store: Store, key: str) -> Row:
    """One document by content hash or input id: text, raw input, entities, mentions, events, story."""
    row = _find_document(
        store,
        key,
        f"{_DOCUMENT_COLUMNS}, d.text, d.raw, d.dateline, d.author, d.language, {_REMOVED[store.dialect]} AS removed",
    )
    document_id = row["id"]
    row["dateline"] = json.loads(row["dateline"]) if row["dateline"] else None
    row["removed"] = json.loads(row["removed"]) if row["removed"] else []
    row["entities"] = store.query(
        f"SELECT {_ENTITY_COLUMNS}, COUNT(m.id) AS mentions FROM entities e JOIN mentions m ON m.entity_id = e.id"
        " WHERE m.document_id = ? GROUP BY e.id ORDER BY MIN(m.start)",
        (document_id,),
    )
    row["mentions"] = store.query(
        "SELECT m.text, m.normal, m.type, m.start, m.stop, m.sentence, n.key AS entity, n.code, n.kind, n.name"
        " FROM mentions m JOIN entities n ON n.id = m.entity_id WHERE m.document_id = ? ORDER BY m.start",
        (document_id,),
    )
    row["events"] = list(list_events(store, EventFilter(document=document_id, limit=MAX_LIMIT, sort="id")))
    row["story"] = store.query(
        "SELECT id, doc_id, source, published FROM documents WHERE story_id = ? AND id <> ? ORDER BY published, id",
        (row["story_id"], document_id),
    )
    return row


# --- entities -----------------------------------------------------------------------------------
_ENTITY_COLUMNS = "e.id, e.key, e.name, e.type, e.kind, e.code, e.geonameid, e.country, e.latitude, e.longitude, e.expansion"
_ENTITY_SORT = {
    "-mentions": "mentions DESC, e.name, e.id",
    "mentions": "mentions, e.name, e.id",
    "-documents": "documents DESC, e.name, e.id",
    "name": "e.name, e.id",
}
_MENTION_COUNTS = """LEFT JOIN (SELECT entity_id, COUNT(*) AS mentions, COUNT(DISTINCT document_id) AS documents
    FROM mentions GROUP BY entity_id) c ON c.entity_id = e.id"""


def list_entities(store: Store, where: EntityFilter | None = None) -> Page:
    """Entities with their codes and how often, and in how many documents, they are mentioned."""
    where = where or EntityFilter()
    sql = _Where()
    sql.equal(("e.type", where.type), ("e.kind", where.kind), ("e.code", where.code))
    if where.name:  # lower() is Unicode-aware on both back ends (the SQLite store registers its own)
        sql.add("lower(e.name) LIKE ?", f"%{where.name.lower()}%")
    if where.document:
        sql.add(
            "e.id IN (SELECT m.entity_id FROM mentions m JOIN documents d ON d.id = m.document_id"
            " WHERE d.id = ? OR d.doc_id = ?)",
            where.document,
            where.document,
        )
    select = (
        f"SELECT {_ENTITY_COLUMNS}, COALESCE(c.mentions, 0) AS mentions, COALESCE(c.documents, 0) AS documents"
        f" FROM entities e {_MENTION_COUNTS}"
    )
    order = _ENTITY_SORT.get(where.sort, _ENTITY_SORT["-mentions"])
    return _paged(store, select, "entities e", sql, order, where.limit, where.offset)


def get_entity(store: Store, key: str, events: int = 500) -> Row:
    """One entity by key, code or row id: its forms, mentions by month, documents, co-actors, events."""
    rows = store.query(
        f"SELECT {_ENTITY_COLUMNS} FROM entities e WHERE e.key = ? OR e.code = ? ORDER BY e.key = ? DESC, e.id LIMIT 1",
        (key, key, key),
    )
    if not rows and key.isascii() and key.isdigit() and len(key) <= 18:  # a row id SQLite can hold
        rows = store.query(f"SELECT {_ENTITY_COLUMNS} FROM entities e WHERE e.id = ?", (int(key),))
    if not rows:
        raise NotFound(f"no entity with key, code or id '{key}'; list them at /api/entities")
    entity = rows[0]
    entity_id, actor = entity["id"], entity["code"] or entity["name"]
    entity["forms"] = store.query(
        "SELECT text, COUNT(*) AS count FROM mentions WHERE entity_id = ? GROUP BY text ORDER BY count DESC, text",
        (entity_id,),
    )
    entity["mentions"] = sum(form["count"] for form in entity["forms"])
    entity["timeline"] = store.query(
        "SELECT COALESCE(substr(d.published, 1, 7), 'unknown') AS period, COUNT(*) AS mentions"
        " FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.entity_id = ? GROUP BY 1 ORDER BY 1",
        (entity_id,),
    )
    entity["documents"] = store.query(
        f"SELECT {_DOCUMENT_COLUMNS}, c.mentions FROM (SELECT document_id, COUNT(*) AS mentions FROM mentions"
        " WHERE entity_id = ? GROUP BY document_id) c JOIN documents d ON d.id = c.document_id"
        " ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT 100",
        (entity_id,),
    )
    entity["co_actors"] = store.query(
        "SELECT b.actor, COUNT(DISTINCT b.event_id) AS events FROM event_actors a JOIN event_actors b"
        " ON b.event_id = a.event_id AND b.actor <> a.actor WHERE a.actor = ?"
        " GROUP BY b.actor ORDER BY events DESC, b.actor LIMIT 30",
        (actor,),
    )
    entity["events"] = list(list_events(store, EventFilter(actor=actor, limit=events, sort="-date")))
    return entity


# --- events -------------------------------------------------------------------------------------
_EVENT_COLUMNS = """e.id, e.document_id, e.doc_id, e.type, e.sources, e.targets, e.location_name, e.geonameid,
    e.location_country, e.date, e.date_start, e.date_end, e.modality, e.evidence, e.confidence, e.trigger,
    e.evidence_start, e.evidence_stop, e.story_id, d.source AS news_source, d.published, d.url,
    (SELECT COUNT(DISTINCT COALESCE(s.source, s.document_id)) FROM event_sources s WHERE s.event_id = e.id)
    AS sources_count"""
_EVENT_SELECT = f"SELECT {_EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.document_id"
# Undated events last; each order has an index (migration 003) so a page reads only its rows.
_EVENT_SORT = {
    "date": "(e.date_start IS NULL), e.date_start, e.id",
    "-date": "(e.date_start IS NULL), e.date_start DESC, e.id DESC",
    "confidence": "e.confidence, e.id",
    "-confidence": "e.confidence DESC, e.id",
    "id": "e.id",
}


def _event_where(where: EventFilter) -> _Where:
    sql = _Where()
    sql.equal(
        ("e.type", where.type and where.type.upper()),
        ("e.modality", where.modality),
        ("e.story_id", where.story),
    )
    if where.actor and where.role:
        sql.add(
            "e.id IN (SELECT a.event_id FROM event_actors a WHERE a.actor = ? AND a.role = ?)",
            where.actor,
            where.role,
        )
    elif where.actor:
        sql.add("e.id IN (SELECT a.event_id FROM event_actors a WHERE a.actor = ?)", where.actor)
    if where.location:
        sql.add(
            "(e.location_name = ? OR e.location_country = ? OR CAST(e.geonameid AS TEXT) = ?)",
            *[where.location] * 3,
        )
    if where.since:
        sql.add("e.date_end >= ?", _since(where.since))
    if where.until:
        sql.add("e.date_start <= ?", _until(where.until))
    if where.source:  # any outlet that reported the event, not only the first
        sql.add("e.id IN (SELECT s.event_id FROM event_sources s WHERE s.source = ?)", where.source)
    if where.document:
        sql.add(
            "e.id IN (SELECT s.event_id FROM event_sources s JOIN documents d ON d.id = s.document_id"
            " WHERE d.id = ? OR d.doc_id = ?)",
            where.document,
            where.document,
        )
    return sql


def list_events(store: Store, where: EventFilter | None = None) -> Page:
    """Events in the EVENTS.md shape, plus row id, story, first news source and `sources_count`.

    An event of a story is stored once however many reprints report it (`event_sources`), so
    `sources_count` is the number of distinct outlets that reported it (documents, when unnamed).
    """
    where = where or EventFilter()
    order = _EVENT_SORT.get(where.sort, _EVENT_SORT["date"])
    page = _paged(store, _EVENT_SELECT, "events e", _event_where(where), order, where.limit, where.offset)
    return replace(page, items=tuple(_event(row) for row in page.items))


def iter_events(store: Store, where: EventFilter | None = None, batch: int = 1000) -> Iterator[Row]:
    """Every event the filters match, by id, fetched `batch` rows at a time (for exports)."""
    sql, last = _event_where(where or EventFilter()), 0
    sql.add("e.id > ?")
    while True:
        rows = store.query(f"{_EVENT_SELECT}{sql} ORDER BY e.id LIMIT ?", [*sql.params, last, batch])
        yield from (_event(row) for row in rows)
        if len(rows) < batch:
            return
        last = rows[-1]["id"]


def _event(row: Row) -> Row:
    location = None
    if row["location_name"] or row["location_country"] or row["geonameid"]:
        location = {
            "name": row["location_name"],
            "geonameid": row["geonameid"],
            "country": row["location_country"],
        }
    event = {key: row[key] for key in _EVENT_KEYS}
    event.update(
        sources=json.loads(row["sources"]),
        targets=json.loads(row["targets"]),
        location=location,
        source=row["news_source"],
    )
    return event


_EVENT_KEYS = (
    "id", "document_id", "doc_id", "type", "date", "date_start", "date_end", "modality", "evidence", "confidence",
    "trigger", "evidence_start", "evidence_stop", "story_id", "sources_count", "published", "url",
)  # fmt: skip


# --- the events summary: timeline, actor network, map -------------------------------------------
_summaries: OrderedDict[tuple[str, EventFilter], tuple[tuple[Any, ...], dict[str, Any]]] = OrderedDict()
_summaries_lock = threading.Lock()


def _store_version(store: Store) -> tuple[Any, ...]:
    """Changes whenever events, their reports or mentions are added or removed: the summary cache's key."""
    row = store.query(
        "SELECT (SELECT MAX(id) FROM events) AS events, (SELECT COUNT(*) FROM events) AS count,"
        " (SELECT MAX(id) FROM mentions) AS mentions, (SELECT COUNT(*) FROM event_sources) AS reports"
    )[0]
    return tuple(row.values())


def event_summary(store: Store, where: EventFilter | None = None) -> dict[str, Any]:
    """What the events explorer draws: counts by month and type, the actor network, the map.

    Three GROUP BY queries over every matching event, so the result is cached per filter and
    recomputed only when the store has changed. Treat the returned dict as read-only.
    """
    key = (store.url, replace(where or EventFilter(), limit=0, offset=0, sort="id"))
    version = _store_version(store)
    with _summaries_lock:
        cached = _summaries.get(key)
        if cached and cached[0] == version:
            _summaries.move_to_end(key)
            return cached[1]
    summary = _summarize(store, key[1])
    with _summaries_lock:
        _summaries[key] = (version, summary)
        while len(_summaries) > SUMMARY_CACHE:
            _summaries.popitem(last=False)
    return summary


def _summarize(store: Store, where: EventFilter) -> dict[str, Any]:
    sql = _event_where(where)
    timeline = store.query(
        "SELECT COALESCE(substr(e.date_start, 1, 7), 'unknown') AS period, e.type, COUNT(*) AS events"
        f" FROM events e{sql} GROUP BY 1, 2 ORDER BY 1, 2",
        sql.params,
    )
    pairs = store.query(
        "SELECT s.actor AS source, t.actor AS target, COUNT(*) AS events FROM events e"
        " JOIN event_actors s ON s.event_id = e.id AND s.role = 'source'"
        f" JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'{sql}"
        " GROUP BY s.actor, t.actor ORDER BY events DESC, source, target LIMIT 200",
        sql.params,
    )
    located = _event_where(where)
    located.add("(e.location_name IS NOT NULL OR e.location_country IS NOT NULL)")
    places = store.query(
        "SELECT p.*, (SELECT MAX(n.latitude) FROM entities n WHERE n.geonameid = p.geonameid) AS latitude,"
        " (SELECT MAX(n.longitude) FROM entities n WHERE n.geonameid = p.geonameid) AS longitude FROM"
        " (SELECT e.location_name AS name, e.geonameid, e.location_country AS country, COUNT(*) AS events"
        f" FROM events e{located} GROUP BY e.location_name, e.geonameid, e.location_country"
        " ORDER BY events DESC, name LIMIT 500) p ORDER BY p.events DESC, p.name",
        located.params,
    )
    for place in places:
        place["numeric"] = _iso_numeric(place["country"])
    nodes: Counter[str] = Counter()
    for pair in pairs:
        nodes[pair["source"]] += pair["events"]
        nodes[pair["target"]] += pair["events"]
    network = {"nodes": [{"id": k, "events": v} for k, v in nodes.most_common()], "edges": pairs}
    return {"timeline": timeline, "network": network, "locations": places}


@lru_cache(maxsize=512)
def _iso_numeric(alpha3: str | None) -> str | None:
    """ISO 3166 numeric code (the id world-atlas gives each country) for an ISO3 code."""
    if not alpha3:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_3=alpha3)
    return country.numeric if country else None


# --- quarantine and totals ----------------------------------------------------------------------
def list_rejections(store: Store, resolved: bool = False, limit: int = 1000, offset: int = 0) -> list[Row]:
    """Quarantined inputs: file, position, code, reason (unresolved only unless `resolved`)."""
    sql = _Where()
    if not resolved:
        sql.add("resolved_at IS NULL")
    select = "SELECT id, origin, position, code, reason, created_at, resolved_at FROM quarantine"
    return list(_paged(store, select, "quarantine", sql, "origin, LENGTH(position), position", limit, offset))


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
    rejected = counts(
        "SELECT code AS name, COUNT(*) AS count FROM quarantine WHERE resolved_at IS NULL GROUP BY code ORDER BY count DESC, name"
    )
    return {
        **scalar,
        "quarantined": sum(rejected.values()),
        "entities_by_type": counts(
            "SELECT type AS name, COUNT(*) AS count FROM entities GROUP BY type ORDER BY count DESC, name"
        ),
        "events_by_type": counts(
            "SELECT type AS name, COUNT(*) AS count FROM events GROUP BY type ORDER BY count DESC, name"
        ),
        "sources": counts(
            "SELECT COALESCE(source, '') AS name, COUNT(*) AS count FROM documents GROUP BY source ORDER BY count DESC, name"
        ),
        "rejected": rejected,
        "top_actors": store.query(
            "SELECT actor, COUNT(DISTINCT event_id) AS events FROM event_actors GROUP BY actor ORDER BY events DESC, actor LIMIT ?",
            (top,),
        ),
    }
