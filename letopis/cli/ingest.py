"""CLI commands: ingest (being written)."""

from __future__ import annotations

from . import main  # noqa: F401
