"""Inputs to Documents: a file or a folder, the reader chosen by what the content looks like.

Each format is a module exposing `read(path, **options) -> Iterator[Document | InputError]`;
a rejected input is yielded as its error (naming file and line), never raised, so a batch goes on.
"""

from __future__ import annotations

import gzip
import importlib
import json
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError, UnsupportedFormat
from ..record import Document
from .files import check_binary, walk

__all__ = ["iter_documents", "sniff", "FORMATS"]

FORMATS: dict[str, str] = {
    "text": "letopis.ingest.text",
    "jsonl": "letopis.ingest.jsonl",
    "html": "letopis.ingest.html",
    "rss": "letopis.ingest.feeds",
    "warc": "letopis.ingest.warc",
    "csv": "letopis.ingest.corpus",
}
_EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".html": "html",
    ".htm": "html",
    ".rss": "rss",
    ".atom": "rss",
    ".warc": "warc",
}
SNIFF_BYTES = 4096
# Column mapping for corpora (`--text-field`, `--date-field`, `--id-field`).
FIELD_OPTIONS = ("text_field", "date_field", "id_field")


def iter_documents(
    path: str | Path,
    format: str | None = None,
    published: str | None = None,
    source: str | None = None,
    **options: Any,
) -> Iterator[Document | InputError]:
    """Documents of a file or of every file under a folder, or the errors that reject them.

    Args:
        path: a file or a folder (walked recursively, hidden files skipped).
        format: one of FORMATS to skip sniffing; None picks per file.
        published, source: given to documents that carry none of their own.
        options: passed to the readers (e.g. `max_bytes`).
    """
    root = Path(path)
    if not root.exists():
        yield InputError("no such file or folder", str(root))
        return
    for file in walk(root):
        for item in read_file(file, format, **options):
            if isinstance(item, Document):
                item = _fill(item, published, source)
            yield item


def read_file(file: Path, format: str | None = None, **options: Any) -> Iterator[Document | InputError]:
    """One file through its reader (sniffed unless `format` is given)."""
    try:
        name = format or sniff(file)
        if name == "jsonl" and any(options.get(f) for f in FIELD_OPTIONS):
            name = "csv"  # the corpus reader maps fields; it reads JSONL as well as CSV
        options = {k: v for k, v in options.items() if k not in FIELD_OPTIONS or name == "csv"}
        reader = _reader(name, str(file))
    except InputError as error:
        yield error
        return
    except OSError as error:
        yield InputError(f"cannot read: {error.strerror}", str(file))
        return
    try:
        yield from reader(file, **options)
    except OSError as error:
        yield InputError(f"cannot read: {error.strerror}", str(file))


def _reader(name: str, where: str) -> Any:
    module = FORMATS.get(name)
    if module is None:
        raise UnsupportedFormat(f"unknown format '{name}' (known: {', '.join(FORMATS)})", where)
    try:
        return importlib.import_module(module).read
    except ModuleNotFoundError as error:
        if error.name != module:
            raise
        raise UnsupportedFormat(f"no reader for {name} files in this version of letopis", where) from None


def sniff(file: Path) -> str:
    """The format of a file from its first bytes, the extension only where content cannot tell."""
    with file.open("rb") as stream:
        head = stream.read(SNIFF_BYTES)
    suffixes = "".join(file.suffixes[-2:]).lower()
    if head.startswith(b"\x1f\x8b"):
        return "warc" if b"WARC/1." in _gunzip_head(head, file) else _binary(head, file)
    if head.startswith(b"WARC/1."):
        return "warc"
    check_binary(head, str(file))
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start.startswith(b"<?xml") or start.startswith(b"<rss") or start.startswith(b"<feed"):
        if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
            return "rss"
        if b"<html" in start:
            return "html"
    if start.startswith(b"{") and _first_line_is_object(start):
        return "jsonl"
    if start.startswith(b"[") and file.suffix.lower() == ".json":
        raise UnsupportedFormat("a JSON array is not read; write one document per line (JSONL)", str(file))
    if start.startswith(b"<") and b"<html" in start[:1024]:
        return "html"
    return _EXTENSIONS.get(file.suffix.lower(), _EXTENSIONS.get(suffixes, "text"))


def _binary(head: bytes, file: Path) -> str:
    raise UnsupportedFormat("a gzip file that is not a WARC; unpack it first", str(file))


def _gunzip_head(head: bytes, file: Path) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 1024)
    except zlib.error:
        with gzip.open(file, "rb") as stream:
            return stream.read(1024)


def _first_line_is_object(start: bytes) -> bool:
    line = start.split(b"\n", 1)[0]
    if len(line) >= SNIFF_BYTES - 16:  # a long first line: trust the opening brace
        return True
    try:
        return isinstance(json.loads(line), dict)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False


def _fill(document: Document, published: str | None, source: str | None) -> Document:
    if (published and not document.published) or (source and not document.source):
        return replace(document, published=document.published or published, source=document.source or source)
    return document
