"""CSV and JSONL corpora with a column mapping: which field is the text, the date, the id.

Corpora from Kaggle, Hugging Face or a scraper name their columns freely (`text`, `body`,
`content`; `date`, `published`, `pubdate`), so each field is either given (`text_field=...`) or
found among the usual names. Files are streamed line by line; a bad row is an InputError in the
stream and the rest goes on.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import BadRecord, EmptyInput, InputError, UnsupportedFormat
from ..record import Document
from .encoding import decode_bytes
from .files import MAX_DOCUMENT_BYTES, check_size
from .jsonl import records
from .language import require_language
from .metadata import parse_russian_date

__all__ = ["read", "read_csv", "read_jsonl", "FIELD_NAMES"]

# The names each field goes by in public corpora, tried in order when no mapping is given.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "article_text"),
    "date": ("published", "date", "pubdate", "publish_date", "published_at", "datetime", "time"),
    "id": ("id", "doc_id", "uuid", "guid", "article_id"),
    "title": ("title", "headline"),
    "url": ("url", "link", "href"),
    "source": ("source", "site", "domain", "publisher", "sitename"),
    "author": ("author", "authors", "byline"),
}
# Encoding is sniffed from the file's head; 64 KB holds enough Cyrillic to tell cp1251 from UTF-8.
SNIFF_BYTES = 65_536


def _field(row: Mapping[str, Any], name: str, given: str | None) -> Any:
    if given:
        return row.get(given)
    present = [candidate for candidate in FIELD_NAMES[name] if candidate in row]
    for candidate in present:
        if row[candidate] not in (None, ""):
            return row[candidate]
    return row[present[0]] if present else None


def _iso_date(value: Any) -> str | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    return parse_russian_date(text) or None


def _document(
    row: Mapping[str, Any],
    where: str,
    fmt: str,
    text_field: str | None,
    date_field: str | None,
    id_field: str | None,
) -> Document:
    text = _field(row, "text", text_field)
    if text is None:
        wanted = text_field or " or ".join(FIELD_NAMES["text"])
        raise BadRecord(f"record has no text field ({wanted}); map it with text_field=", where)
    if not isinstance(text, str):
        raise BadRecord(f"text field is a {type(text).__name__}, not a string", where)
    if not text.strip():
        raise EmptyInput("record's text is empty", where)
    ident = _field(row, "id", id_field)

    def optional(name: str) -> str | None:
        value = _field(row, name, None)
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        return str(value).strip() or None if value not in (None, "") else None

    return Document(
        text=text,
        id=str(ident) if ident not in (None, "") else None,
        published=_iso_date(_field(row, "date", date_field)),
        source=optional("source"),
        url=optional("url"),
        title=optional("title"),
        author=optional("author"),
        origin=where,
        format=fmt,
    )


def _checked(document: Document, language: str | None) -> Document:
    if language:
        require_language(document, language)
    return document


def _encoding(path: Path) -> str:
    with path.open("rb") as stream:
        head = stream.read(SNIFF_BYTES)
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    # Cut at a line end so a multi-byte character is not split.
    cut = head.rfind(b"\n")
    sample = head[: cut + 1] if cut > 0 and len(head) == SNIFF_BYTES else head
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = decode_bytes(sample, where=str(path))
    for codec in ("cp1251", "koi8-r", "utf-16"):
        try:
            if sample.decode(codec) == decoded:
                return codec
        except UnicodeDecodeError:
            continue
    return "utf-8"


def read_jsonl(
    path: Path,
    text_field: str | None = None,
    date_field: str | None = None,
    id_field: str | None = None,
    language: str | None = "ru",
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> Iterator[Document | InputError]:
    """One document per JSON line, read by the JSONL reader's bounded line loop (`path:N` in errors)."""
    for item in records(path, max_bytes):
        if isinstance(item, InputError):
            yield item
            continue
        where, row = item
        try:
            document = _document(row, where, "jsonl", text_field, date_field, id_field)
            check_size(len(document.text.encode("utf-8")), max_bytes, where)
            yield _checked(document, language)
        except InputError as error:
            yield error


def read_csv(
    path: Path,
    text_field: str | None = None,
    date_field: str | None = None,
    id_field: str | None = None,
    language: str | None = "ru",
    delimiter: str | None = None,
) -> Iterator[Document | InputError]:
    """One document per CSV row (header required); the delimiter and encoding are sniffed."""
    try:
        encoding = _encoding(path)
    except InputError as error:
        yield error
        return
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article bodies exceed the 128 KB default
    with path.open(encoding=encoding, newline="", errors="replace") as stream:
        sample = stream.read(SNIFF_BYTES)
        stream.seek(0)
        if delimiter is None:
            try:
                delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
            except csv.Error:
                delimiter = ","
        reader = csv.DictReader(stream, delimiter=delimiter)
        if not reader.fieldnames:
            yield EmptyInput("CSV file has no header row", str(path))
            return
        try:
            for number, row in enumerate(reader, start=1):
                where = f"{path}:record-{number}"
                try:
                    yield _checked(_document(row, where, "csv", text_field, date_field, id_field), language)
                except InputError as error:
                    yield error
        except csv.Error as error:
            yield BadRecord(f"CSV is malformed: {error}", f"{path}:record-{reader.line_num}")


def read(
    path: Path,
    text_field: str | None = None,
    date_field: str | None = None,
    id_field: str | None = None,
    language: str | None = "ru",
    **options: object,
) -> Iterator[Document | InputError]:
    """Read a `.csv`/`.tsv` or `.jsonl`/`.ndjson` corpus, chosen by the file's suffix or content."""
    path = Path(path)
    max_bytes = int(options.get("max_bytes") or MAX_DOCUMENT_BYTES)  # type: ignore[call-overload]
    suffixes = "".join(path.suffixes).lower()
    if any(s in suffixes for s in (".jsonl", ".ndjson", ".json")):
        yield from read_jsonl(path, text_field, date_field, id_field, language, max_bytes)
    elif any(s in suffixes for s in (".csv", ".tsv")):
        delimiter = "\t" if ".tsv" in suffixes else None
        yield from read_csv(path, text_field, date_field, id_field, language, delimiter)
    else:
        with path.open("rb") as stream:
            head = stream.read(4096).lstrip()
        if head.startswith(b"{"):
            yield from read_jsonl(path, text_field, date_field, id_field, language, max_bytes)
        elif head:
            yield from read_csv(path, text_field, date_field, id_field, language)
        else:
            yield UnsupportedFormat("cannot tell whether the file is CSV or JSONL", str(path))
