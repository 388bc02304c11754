"""Where processed articles live: `open_store` picks SQLite or PostgreSQL by URL scheme."""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from .base import DocumentFilter, EntityFilter, EventFilter, Rejection, Row, Store

__all__ = ["open_store", "Store", "Row", "Rejection", "EventFilter", "EntityFilter", "DocumentFilter"]


def open_store(url_or_path: str | Path, read_only: bool = False) -> Store:
    """Open a store: a path or `sqlite:///path` → SQLite, `postgresql://…` → PostgreSQL.

    A writable store is migrated first. A read-only one never writes (SQLite `mode=ro`,
    PostgreSQL read-only transactions) and gives each thread its own connection, for servers.
    """
    target = str(url_or_path)
    if target.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(target, read_only)
    if target.startswith("sqlite:///"):
        target = target.removeprefix("sqlite:///")
    elif "://" in target:
        raise ConfigError(
            f"unknown store URL scheme: {target.split('://')[0]}:// (use a path, sqlite:/// or postgresql://)"
        )
    from .sqlite import SQLiteStore

    return SQLiteStore(target, read_only)
