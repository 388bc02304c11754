"""The `Store` implementation shared by SQLite and PostgreSQL: portable SQL, `?` placeholders."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from typing import Any

from ..errors import StoreError
from ..record import Article
from .base import Rejection, Row
from .migrate import VERSION_TABLE, Migration, migrations
from .rows import EVENT_KEY, document_row, entity_row, event_key, event_row, now

__all__ = ["SQLStore"]

_ENTITY_UPDATE = ", ".join(
    f"{column} = COALESCE(entities.{column}, excluded.{column})"
    for column in ("code", "geonameid", "country", "latitude", "longitude", "expansion")
)


class SQLStore:
    """Writes and reads through one DB-API connection; subclasses open it and run scripts."""

    dialect = ""
    errors: tuple[type[BaseException], ...] = ()  # the driver's errors, reported as StoreError

    def __init__(self, url: str, read_only: bool = False, where: str | None = None) -> None:
        self.url = url
        self.read_only = read_only
        self.where = where or url  # names the store in messages (without a password)
        self.lock = threading.RLock()
        self.conn: Any = None  # the writer's one connection; a read-only store has one per thread
        self._local = threading.local()
        self._readers: list[Any] = []

    # --- what a back end provides -------------------------------------------------------------
    def _connect(self) -> Any:
        """A new DB-API connection, read-only if the store is."""
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        return sql

    def _begin(self, cursor: Any) -> None:
        cursor.execute("BEGIN")

    def _apply(self, cursor: Any, migration: Migration) -> None:
        raise NotImplementedError

    def _serialize(self, cursor: Any) -> None:
        """Make concurrent migrations wait for each other (SQLite's BEGIN IMMEDIATE already does)."""

    # --- connections ---------------------------------------------------------------------------
    def _open(self) -> None:
        """Connect a writer and migrate it; a read-only store connects lazily, once per thread."""
        if not self.read_only:
            self.conn = self._connect()
            self.migrate()

    def _connection(self) -> Any:
        if not self.read_only:
            return self.conn
        conn = getattr(self._local, "conn", None)
        if conn is None:  # threads never share a reader, so requests run in parallel
            conn = self._local.conn = self._connect()
            with self.lock:
                self._readers.append(conn)
        return conn

    def _cursor(self) -> Any:
        return self._connection().cursor()

    def close(self) -> None:
        with self.lock:
            for conn in [self.conn, *self._readers]:
                if conn is not None:
                    conn.close()
            self.conn, self._readers = None, []

    # --- transactions and reads --------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One write transaction: all of it is stored, or none of it."""
        if self.read_only:
            raise StoreError(
                "this store is open read-only; open it with open_store(url) to write", self.where
            )
        with self.lock:
            cursor = self._cursor()
            self._begin(cursor)
            try:
                yield cursor
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
            else:
                cursor.execute("COMMIT")
            finally:
                cursor.close()

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with nullcontext() if self.read_only else self.lock:
            cursor = self._cursor()
            try:
                cursor.execute(self._sql(sql), tuple(params))
                names = [column[0] for column in cursor.description or ()]
                return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
            except self.errors as error:
                raise StoreError(f"store query failed: {error}", self.where) from error
            finally:
                cursor.close()

    def schema_version(self) -> int:
        rows = self.query("SELECT MAX(version) AS version FROM schema_version")
        return int(rows[0]["version"] or 0) if rows else 0

    def migrate(self) -> int:
        """Apply the pending migrations; returns the schema version reached."""
        with self.transaction() as cursor:
            self._serialize(cursor)
            cursor.execute(VERSION_TABLE)
        for migration in migrations(self.dialect):
            with self.transaction() as cursor:
                self._serialize(cursor)
                cursor.execute(
                    self._sql("SELECT 1 FROM schema_version WHERE version = ?"), (migration.version,)
                )
                if cursor.fetchone():
                    continue
                if migration.sql.strip():
                    self._apply(cursor, migration)
                cursor.execute(
                    self._sql("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)"),
                    (migration.version, migration.name, now()),
                )
        return self.schema_version()

    # --- writes --------------------------------------------------------------------------------
    def has_document(self, document_id: str) -> bool:
        return bool(self.query("SELECT 1 AS found FROM documents WHERE id = ?", (document_id,)))

    def save_article(self, article: Article, story_id: str | None = None, signature: str = "") -> int:
        with self.transaction() as cursor:
            if (
                self._insert(
                    cursor, "documents", document_row(article, story_id), "ON CONFLICT (id) DO NOTHING", "id"
                )
                is None
            ):
                return 0  # stored already (another writer got there first): nothing to add
            ids = {entity.key: self._entity_id(cursor, entity_row(entity)) for entity in article.entities}
            for mention in article.mentions:
                if mention.entity not in ids:
                    row = {
                        "key": mention.entity,
                        "name": mention.normal or mention.text,
                        "type": mention.type,
                    }
                    ids[mention.entity] = self._entity_id(cursor, {**_BLANK_ENTITY, **row})
            if article.mentions:
                cursor.executemany(
                    self._sql(
                        "INSERT INTO mentions (document_id, entity_id, text, normal, type, start, stop, sentence)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    ),
                    [
                        (article.id, ids[m.entity], m.text, m.normal, m.type, m.start, m.stop, m.sentence)
                        for m in article.mentions
                    ],
                )
            joined = self._save_events(cursor, article, story_id)
            if story_id is not None:
                self._insert(
                    cursor,
                    "signatures",
                    {"document_id": article.id, "story_id": story_id, "signature": signature},
                )
        return joined

    def _save_events(self, cursor: Any, article: Article, story_id: str | None) -> int:
        """Store the article's events; one the story has already is reported again, not stored twice."""
        stored = self._story_events(cursor, story_id) if story_id not in (None, article.id) else {}
        reports, joined = [], 0
        for event in article.events:
            row = event_row(event, article.id, story_id)
            same = stored.get(event_key(row))
            if same:  # each stored event takes one of this document's equal events at most
                event_id = same.pop(0)
                joined += 1
            else:
                event_id = self._insert(cursor, "events", row, "", "id")
                actors = [(event_id, a, "source") for a in event.sources] + [
                    (event_id, a, "target") for a in event.targets
                ]
                if actors:
                    cursor.executemany(
                        self._sql("INSERT INTO event_actors (event_id, actor, role) VALUES (?, ?, ?)"), actors
                    )
            reports.append((event_id, article.id, article.source, article.url))
        if reports:
            cursor.executemany(
                self._sql(
                    "INSERT INTO event_sources (event_id, document_id, source, url) VALUES (?, ?, ?, ?)"
                ),
                reports,
            )
        return joined

    def _story_events(self, cursor: Any, story_id: str | None) -> dict[tuple[Any, ...], list[int]]:
        """The story's stored events by `event_key`, oldest first (read inside the writing transaction)."""
        cursor.execute(
            self._sql(f"SELECT id, {', '.join(EVENT_KEY)} FROM events WHERE story_id = ? ORDER BY id"),
            (story_id,),
        )
        names = [column[0] for column in cursor.description]
        found: dict[tuple[Any, ...], list[int]] = {}
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            found.setdefault(event_key(row), []).append(int(row["id"]))
        return found

    def story_entries(self) -> Iterator[tuple[str, str, str]]:
        for row in self.query("SELECT document_id, story_id, signature FROM signatures ORDER BY document_id"):
            yield row["document_id"], row["story_id"], row["signature"]

    def quarantine(self, rejection: Rejection) -> None:
        with self.transaction() as cursor:
            cursor.execute(
                self._sql(
                    "INSERT INTO quarantine (origin, position, code, reason, payload, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (origin, position) DO UPDATE SET"
                    " code = excluded.code, reason = excluded.reason, payload = excluded.payload,"
                    " created_at = excluded.created_at, resolved_at = NULL"
                ),
                (
                    rejection.origin,
                    rejection.position,
                    rejection.code,
                    rejection.reason,
                    rejection.payload,
                    now(),
                ),
            )

    def resolve(self, origin: str, position: str) -> None:
        with self.transaction() as cursor:
            cursor.execute(
                self._sql(
                    "UPDATE quarantine SET resolved_at = ? WHERE origin = ? AND position = ? AND resolved_at IS NULL"
                ),
                (now(), origin, position),
            )

    def _insert(
        self, cursor: Any, table: str, row: dict[str, Any], conflict: str = "", returning: str = ""
    ) -> Any:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        tail = f" RETURNING {returning}" if returning else ""
        cursor.execute(
            self._sql(f"INSERT INTO {table} ({columns}) VALUES ({marks}) {conflict}{tail}"),
            tuple(row.values()),
        )
        if not returning:
            return None
        found = cursor.fetchone()
        return found[0] if found else None

    def _entity_id(self, cursor: Any, row: dict[str, Any]) -> int:
        conflict = f"ON CONFLICT (key) DO UPDATE SET {_ENTITY_UPDATE}"
        return int(self._insert(cursor, "entities", row, conflict, "id"))


_BLANK_ENTITY: dict[str, Any] = {
    "kind": "",
    "code": None,
    "geonameid": None,
    "country": None,
    "latitude": None,
    "longitude": None,
    "expansion": None,
}
