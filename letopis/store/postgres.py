"""PostgreSQL store (psycopg 3), for several writers and large corpora: `letopis[postgres]`.

A read-only store sets `default_transaction_read_only` on each of its connections (one per
thread), so the server refuses any write that slips through.
"""

from __future__ import annotations

from typing import Any

from ..errors import DependencyMissing, StoreError
from .migrate import Migration
from .sql import SQLStore

__all__ = ["PostgresStore"]

_LOCK = 7_365_727  # advisory lock id: two processes never migrate at once


class PostgresStore(SQLStore):
    dialect = "postgresql"

    def __init__(self, url: str, read_only: bool = False) -> None:
        super().__init__(url, read_only, _safe(url))
        try:
            import psycopg
        except ImportError as error:
            raise DependencyMissing.for_extra("psycopg", "postgres") from error
        self.psycopg = psycopg
        self.errors = (psycopg.Error,)
        self._open()

    def _connect(self) -> Any:
        try:
            conn = self.psycopg.connect(self.url, autocommit=True)
            if self.read_only:
                conn.execute("SET default_transaction_read_only = on")
        except self.psycopg.Error as error:
            raise StoreError(f"cannot connect to PostgreSQL: {error}", self.where) from error
        return conn

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def _apply(self, cursor: Any, migration: Migration) -> None:
        cursor.execute(migration.sql)

    def _serialize(self, cursor: Any) -> None:
        cursor.execute(f"SELECT pg_advisory_xact_lock({_LOCK})")


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    head, sep, tail = url.partition("@")
    if not sep or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, credentials = head.partition("//")
    return f"{scheme}//{credentials.split(':', 1)[0]}:***@{tail}"
