"""Numbered schema migrations: `NNN_name.sql` for both dialects, `NNN_name.<dialect>.sql` for one.

Each store applies the pending ones in order, each in one transaction together with its row in
`schema_version`, so a store is never left half-migrated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

__all__ = ["Migration", "migrations", "render", "VERSION_TABLE"]

VERSION_TABLE = """CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TEXT NOT NULL
)"""

_NAME = re.compile(r"^(\d{3})_([A-Za-z0-9_]+?)(?:\.(sqlite|postgres))?\.sql$")
_DIALECT = {"sqlite": "sqlite", "postgresql": "postgres"}


@dataclass(frozen=True)
class Migration:
    """One schema version: its SQL for this dialect ('' when the step concerns the other one)."""

    version: int
    name: str
    sql: str


def migrations(dialect: str) -> list[Migration]:
    """All migrations for a dialect (`sqlite` | `postgresql`), ordered by version."""
    wanted = _DIALECT[dialect]
    found: dict[int, tuple[str, list[str]]] = {}
    folder = resources.files("letopis.store") / "migrations"
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        match = _NAME.match(entry.name)
        if not match:
            continue
        number, name, only = int(match.group(1)), match.group(2), match.group(3)
        name_seen, parts = found.setdefault(number, (name, []))
        if only is None or only == wanted:
            text = entry.read_text(encoding="utf-8")
            parts.append(render(text, dialect) if only is None else text)
    return [Migration(number, name, "\n;\n".join(parts)) for number, (name, parts) in sorted(found.items())]


def render(sql: str, dialect: str) -> str:
    """Translate the portable SQL of a shared migration to the dialect."""
    if dialect != "postgresql":
        return sql
    sql = re.sub(r"\bINTEGER PRIMARY KEY AUTOINCREMENT\b", "BIGSERIAL PRIMARY KEY", sql)
    return re.sub(r"\bREAL\b", "DOUBLE PRECISION", sql)
