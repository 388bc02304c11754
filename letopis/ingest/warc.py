"""WARC archives (`.warc`, `.warc.gz`, as CC-NEWS ships them): HTML and feed responses.

fastwarc streams the archive record by record, so a multi-GB file never sits in memory; each
document's origin is `file@offset`, the record's byte offset, which `warcio extract` or
fastwarc can seek to. `write_record` is the writer the fetcher and the benchmark share.
"""

from __future__ import annotations

import datetime as dt
import gzip
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from ..errors import BadRecord, InputError, TooLarge
from ..record import Document
from .feeds import parse_feed
from .html import MAX_HTML_BYTES, extract_html
from .language import require_language

__all__ = ["read", "write_record"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
)


def read(path: Path, language: str | None = "ru", **options: object) -> Iterator[Document | InputError]:
    """Stream the response records of one WARC file: a Document per page, or its InputError.

    Non-HTML responses (images, scripts, robots.txt) are skipped: they are not documents.
    """
    path = Path(path)
    try:
        stream = path.open("rb")
    except OSError as error:
        yield BadRecord(f"cannot open the WARC file: {error}", str(path))
        return
    with stream:
        records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True)
        try:
            for record in records:
                yield from _record(record, path, language)
        except (OSError, ValueError) as error:
            yield BadRecord(f"WARC file is damaged: {error}", str(path))


def _record(record: WarcRecord, path: Path, language: str | None) -> Iterator[Document | InputError]:
    where = f"{path}@{record.stream_pos}"
    content_type = (record.http_content_type or "").lower()
    is_html = content_type in _HTML_TYPES
    is_feed = content_type in _FEED_TYPES
    if not (is_html or is_feed):
        return
    url = record.headers.get("WARC-Target-URI")
    if record.content_length > MAX_HTML_BYTES:
        yield TooLarge(f"record has {record.content_length:,} bytes, more than {MAX_HTML_BYTES:,}", where)
        return
    if record.reader is None:
        return
    body = record.reader.read()
    if is_feed:
        yield from parse_feed(body, where, language)
        return
    try:
        document = extract_html(body, url=url, declared_encoding=record.http_charset, origin=where)
        if language:
            require_language(document, language)
    except InputError as error:
        yield error
        return
    yield document if document.url else _with_url(document, url)


def _with_url(document: Document, url: str | None) -> Document:
    from dataclasses import replace

    return replace(document, url=url)


def write_record(
    out: BinaryIO,
    url: str,
    body: bytes,
    content_type: str = "text/html; charset=utf-8",
    status: int = 200,
    headers: dict[str, str] | None = None,
    date: dt.datetime | None = None,
    compress: bool = True,
) -> int:
    """Append one HTTP response record to a WARC stream; returns the bytes written.

    Each record is its own gzip member when `compress`, as CC-NEWS files are, so readers can seek.
    """
    http_lines = [f"HTTP/1.1 {status} OK", f"Content-Type: {content_type}", f"Content-Length: {len(body)}"]
    http_lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    payload = ("\r\n".join(http_lines) + "\r\n\r\n").encode("latin-1", errors="replace") + body
    record = WarcRecord()
    record.init_headers(record_type=WarcRecordType.response, record_urn=uuid.uuid4().urn[4:].encode("ascii"))
    record.headers["WARC-Target-URI"] = url
    record.headers["WARC-Date"] = (date or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    record.headers["Content-Type"] = "application/http; msgtype=response"
    record.set_bytes_content(payload)
    if not compress:
        return int(record.write(out))
    from io import BytesIO

    buffer = BytesIO()
    record.write(buffer)
    data = gzip.compress(buffer.getvalue(), compresslevel=6)
    out.write(data)
    return len(data)
