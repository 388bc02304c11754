"""JSONL: one document a line, `{"id", "text", "published", "source", "url"}` (EVENTS.md).

Lines are read with a bounded buffer, so one huge line is rejected without being held whole, and
one bad line is reported with its number while the rest of the file goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import BadRecord, EmptyInput, InputError, TooLarge
from ..record import Document
from .files import MAX_DOCUMENT_BYTES, check_size, decode_utf8

__all__ = ["read", "records", "document_from"]

_FIELDS = ("id", "published", "source", "url", "title", "author")
# JSON escapes (\u0416) make a line up to 6x its text; allow for that over the document cap.
LINE_FACTOR = 6


def read(
    path: Path | BinaryIO, max_bytes: int = MAX_DOCUMENT_BYTES, **options: Any
) -> Iterator[Document | InputError]:
    """Yield one Document (or InputError) per non-blank line; origin is `file:line` (`<stdin>:line` for a stream)."""
    for item in records(path, max_bytes):
        if isinstance(item, InputError):
            yield item
            continue
        where, record = item
        try:
            document = document_from(record, where, format="jsonl")
            check_size(len(document.text.encode("utf-8")), max_bytes, where)
        except InputError as error:
            yield error
            continue
        yield document


def records(
    path: Path | BinaryIO, max_bytes: int = MAX_DOCUMENT_BYTES
) -> Iterator[tuple[str, dict[str, Any]] | InputError]:
    """(`file:line`, object) per non-blank line, or the InputError that line is.

    The one line reader for every JSONL input: plain EVENTS.md documents here, corpora with
    field mappings in `corpus`, and `letopis extract` (which also reads a stream, named `<stdin>`).
    """
    if isinstance(path, Path):
        with path.open("rb") as stream:
            yield from _records(stream, str(path), max_bytes)
    else:
        yield from _records(path, "<stdin>", max_bytes)


def _records(stream: BinaryIO, name: str, max_bytes: int) -> Iterator[tuple[str, dict[str, Any]] | InputError]:
    seen = False
    for number, line in _lines(stream, max_bytes * LINE_FACTOR):
        where = f"{name}:{number}"
        if isinstance(line, int):
            seen = True
            yield TooLarge(f"line of {line:,} bytes is more than the limit for one document", where)
            continue
        if not line.strip():
            continue
        seen = True
        try:
            yield where, parse_object(line, where)
        except InputError as error:
            yield error
    if not seen:
        yield EmptyInput("file has no records", name)


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | int]]:
    """(line number, bytes) pairs; a line over `limit` comes as its length instead, unread."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 20)
                size += len(line)
            yield number, size
            continue
        yield number, line


def parse_object(line: bytes, where: str) -> dict[str, Any]:
    """One line as a JSON object; anything else is a BadRecord naming the line."""
    text = decode_utf8(line, where)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadRecord(f"not valid JSON ({error.msg} at column {error.colno})", where) from None
    if not isinstance(record, dict):
        raise BadRecord(f"a record must be a JSON object, not {type(record).__name__}", where)
    return record


def document_from(record: Mapping[str, Any], where: str, format: str) -> Document:
    """A Document from a record's fields, checking their types."""
    text = record.get("text")
    if not isinstance(text, str):
        found = "no 'text' field" if text is None else f"'text' is {type(text).__name__}, not a string"
        raise BadRecord(f"{found}; each record needs the document text in 'text'", where)
    values: dict[str, str | None] = {}
    for name in _FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str | int):
            raise BadRecord(f"'{name}' must be a string, not {type(value).__name__}", where)
        values[name] = str(value) if value is not None and str(value).strip() else None
    return Document(text=text, origin=where, format=format, **values)
