"""SQLite store: the default; WAL so readers never block the one writer, foreign keys on.

A read-only store (`open_store(path, read_only=True)`) opens the file as a `mode=ro` URI, one
connection per thread, so the API server's requests read in parallel and can never write.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.request import pathname2url

from ..errors import ConfigError, NotFound, StoreError
from .migrate import Migration
from .sql import SQLStore

__all__ = ["SQLiteStore"]

BUSY_TIMEOUT_MS = 30_000  # a second process waits this long for the writer lock before failing
MMAP_BYTES = 256 * 1024 * 1024  # readers share the OS page cache instead of one page cache each


class SQLiteStore(SQLStore):
    dialect = "sqlite"
    errors = (sqlite3.Error,)

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        super().__init__(f"sqlite:///{path}", read_only, str(path))
        self.path = Path(path)
        if read_only and str(path) == ":memory:":
            raise ConfigError("an in-memory SQLite store cannot be opened read-only", str(path))
        if read_only and not self.path.is_file():
            raise NotFound(
                f"no SQLite store at {path}; run `letopis process FILES --db {path}` first", str(path)
            )
        try:
            if not read_only and str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot open the SQLite store: {error}", str(path)) from error
        self._open()

    def _connect(self) -> Any:
        uri = f"file:{pathname2url(str(self.path.resolve()))}?mode=ro" if self.read_only else str(self.path)
        try:
            conn = sqlite3.connect(uri, uri=self.read_only, isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if self.read_only:
                conn.execute("PRAGMA query_only = ON")
                conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            else:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute(
                    "PRAGMA synchronous = NORMAL"
                )  # WAL + NORMAL: a killed process loses nothing committed
                conn.execute("PRAGMA foreign_keys = ON")
        except (sqlite3.Error, OSError) as error:
            raise StoreError(f"cannot open the SQLite store: {error}", str(self.path)) from error
        # SQLite's own lower() folds ASCII only; name filters need Cyrillic folded as PostgreSQL does.
        conn.create_function("lower", 1, _lower, deterministic=True)
        return conn

    def _begin(self, cursor: Any) -> None:
        cursor.execute("BEGIN IMMEDIATE")  # take the writer lock now, not at the first write

    def _apply(self, cursor: Any, migration: Migration) -> None:
        for statement in split_statements(migration.sql):
            cursor.execute(statement)


def _lower(text: Any) -> Any:
    return text.lower() if isinstance(text, str) else text


def split_statements(script: str) -> list[str]:
    """Statements of a script, trigger bodies kept whole (sqlite3.complete_statement decides)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if _code(buffer):
                statements.append(buffer.strip())
            buffer = ""
    if _code(buffer):
        statements.append(buffer.strip())
    return statements


def _code(sql: str) -> bool:
    return any(
        line.strip() and not line.strip().startswith("--") and line.strip() != ";"
        for line in sql.splitlines()
    )
