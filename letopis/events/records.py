"""Stateless extraction over JSONL documents: document rows in, EVENTS.md event records out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import InputError
from ..record import Document

__all__ = ["document_of", "extract_records"]


def document_of(row: dict[str, Any], origin: str | None = None) -> Document:
    """An input JSONL row (`id`, `text`, `published`, `source`, `url`) as a Document."""
    return Document(
        text=str(row.get("text") or ""),
        id=row.get("id"),
        published=row.get("published"),
        source=row.get("source"),
        url=row.get("url"),
        title=row.get("title"),
        origin=origin,
        format="jsonl",
    )


def extract_records(
    rows: Iterable[dict[str, Any] | Document | InputError],
    pipeline: Any = None,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Event records (EVENTS.md output lines) of every document; bad lines and rejected documents go to `on_error`.

    `rows` are input JSONL rows (numbered `line N`), or the Documents and errors `letopis.ingest.jsonl.read`
    gives, which carry their `file:line`.
    """
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    for n, row in enumerate(rows, 1):
        if isinstance(row, InputError):
            if on_error is not None:
                on_error(row)
            continue
        document = row if isinstance(row, Document) else document_of(row, origin=f"line {n}")
        outcome = pipeline.run(document)
        if outcome.article is None:
            if on_error is not None and outcome.error is not None:
                on_error(outcome.error)
            continue
        for event in outcome.article.events:
            yield event.to_json()
