"""Plain text: one file is one document; metadata may come from a `NAME.meta.json` sidecar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..record import Document
from .files import MAX_DOCUMENT_BYTES, decode_utf8, read_whole, sidecar
from .jsonl import document_from

__all__ = ["read"]


def read(path: Path, max_bytes: int = MAX_DOCUMENT_BYTES, **options: Any) -> Iterator[Document | InputError]:
    """Yield the file as one Document, or the InputError that rejects it."""
    where = str(path)
    try:
        text = decode_utf8(read_whole(path, max_bytes), where)
        meta = sidecar(path)
        yield document_from({**meta, "text": text}, where, format="text")
    except InputError as error:
        yield error
