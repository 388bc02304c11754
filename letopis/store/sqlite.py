"""SQLite store: the default; WAL so readers never block the one writer, foreign keys on."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .migrate import Migration
from .sql import SQLStore

__all__ = ["SQLiteStore"]

BUSY_TIMEOUT_MS = 30_000  # a second process waits this long for the writer lock before failing


class SQLiteStore(SQLStore):
    dialect = "sqlite"

    def __init__(self, path: str | Path) -> None:
        super().__init__(f"sqlite:///{path}")
        self.path = Path(path)
        try:
            if str(path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute(
                "PRAGMA synchronous = NORMAL"
            )  # WAL + NORMAL: a killed process loses nothing committed
            self.conn.execute("PRAGMA foreign_keys = ON")
        except (sqlite3.Error, OSError) as error:
            raise StoreError(f"cannot open the SQLite store: {error}", str(path)) from error
        self.migrate()

    def _cursor(self) -> Any:
        return self.conn.cursor()

    def _begin(self, cursor: Any) -> None:
        cursor.execute("BEGIN IMMEDIATE")  # take the writer lock now, not at the first write

    def _apply(self, cursor: Any, migration: Migration) -> None:
        for statement in split_statements(migration.sql):
            cursor.execute(statement)

    def close(self) -> None:
        with self.lock:
            self.conn.close()


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
