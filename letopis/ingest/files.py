"""Files as inputs: walking folders, size caps, binary and UTF-8 checks, sidecar metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import BadRecord, BinaryInput, EmptyInput, EncodingProblem, TooLarge

__all__ = ["walk", "check_size", "check_binary", "decode_utf8", "sidecar", "MAX_DOCUMENT_BYTES", "SIDECAR"]

# One news article is ~2-20 KB of text; 10 MB is a book, and keeps a stray dump out of the NLP.
MAX_DOCUMENT_BYTES = 10_000_000
SIDECAR = ".meta.json"
# What a folder walk reads; the content still decides the reader (a .txt holding HTML is HTML).
DOCUMENT_SUFFIXES = frozenset(
    ".txt .text .jsonl .ndjson .json .html .htm .xhtml .xml .rss .atom .warc .gz .csv .tsv".split()
)  # `story.meta.json` beside `story.txt` gives its published/source/id/url/title

# File signatures of common binary formats that are never news text.
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (docx, xlsx, epub...)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
)
_CONTROL_BYTES = bytes(set(range(0, 32)) - {9, 10, 12, 13, 27})
MAX_CONTROL_SHARE = 0.05  # text has ~0 control bytes; 5% means data, not prose


def walk(path: Path) -> Iterator[Path]:
    """The files under `path` in a stable order: a file named directly is always read; in a folder,
    files with a document extension (or none), without hidden files and sidecars (README.md is not news)."""
    if not path.is_dir():
        yield path
        return
    for child in sorted(path.rglob("*")):
        relative = child.relative_to(path)
        if any(part.startswith(".") for part in relative.parts) or child.name.endswith(SIDECAR):
            continue
        if child.is_file() and (not child.suffix or child.suffix.lower() in DOCUMENT_SUFFIXES):
            yield child


def check_size(size: int, max_bytes: int, where: str) -> None:
    if size > max_bytes:
        raise TooLarge(
            f"{_mb(size)} is more than the {_mb(max_bytes)} limit for one document"
            " (raise max_document_bytes / LETOPIS_MAX_DOCUMENT_BYTES if this is really one text)",
            where,
        )


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def check_binary(head: bytes, where: str) -> None:
    """Reject data that is not text, naming what it looks like when the signature says."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            raise BinaryInput(f"this is {name}, not text", where)
    if b"\x00" in head:
        raise BinaryInput("contains NUL bytes: binary data, not text", where)
    sample = head[:8192]
    if sample and sum(sample.count(byte) for byte in _CONTROL_BYTES) / len(sample) > MAX_CONTROL_SHARE:
        raise BinaryInput("is mostly control bytes: binary data, not text", where)


def decode_utf8(data: bytes, where: str) -> str:
    """Strict UTF-8 (a BOM is dropped): a wrong encoding is reported, never silently guessed."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise EncodingProblem(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}){_guess(data)};"
            " convert it to UTF-8 first, e.g. iconv -f cp1251 -t utf-8",
            where,
        ) from None
    return text.removeprefix("\ufeff")


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:100_000]).best()
    return f", it looks like {best.encoding}" if best is not None and best.encoding else ""


def sidecar(path: Path) -> dict[str, Any]:
    """Metadata from `NAME.meta.json` beside `NAME.ext`, or {} when there is none."""
    meta = path.with_name(path.name.rsplit(".", 1)[0] + SIDECAR)
    if not meta.is_file():
        return {}
    try:
        value = json.loads(meta.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BadRecord(f"sidecar metadata is not valid JSON: {error}", str(meta)) from None
    if not isinstance(value, dict):
        raise BadRecord("sidecar metadata must be a JSON object", str(meta))
    return value


def read_whole(path: Path, max_bytes: int) -> bytes:
    """A whole file as one document's bytes, after the size cap (checked before reading)."""
    where = str(path)
    check_size(path.stat().st_size, max_bytes, where)
    data = path.read_bytes()
    if not data.strip():
        raise EmptyInput("file is empty", where)
    check_binary(data[:65536], where)
    return data
