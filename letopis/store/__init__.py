"""Where processed articles live: `open_store` picks SQLite or PostgreSQL by URL scheme."""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from .base import DocumentFilter, EntityFilter, EventFilter, Rejection, Row, Store

__all__ = ["open_store", "Store", "Row", "Rejection", "EventFilter", "EntityFilter", "DocumentFilter"]


def open_store(url_or_path: str | Path) -> Store:
    """Open (and migrate) a store: a path or `sqlite:///path` → SQLite, `postgresql://…` → PostgreSQL."""
    target = str(url_or_path)
    if target.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(target)
    if target.startswith("sqlite:///"):
        target = target.removeprefix("sqlite:///")
    elif "://" in target:
        raise ConfigError(
            f"unknown store URL scheme: {target.split('://')[0]}:// (use a path, sqlite:/// or postgresql://)"
        )
    from .sqlite import SQLiteStore

    return SQLiteStore(target)
