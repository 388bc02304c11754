"""RSS and Atom feeds: each item is a document with its own date and link.

feedparser reads both formats and broken XML; the item's full content (`content:encoded`,
Atom `content`) is preferred over its description, and the HTML in either is stripped.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from ..errors import BadRecord, EmptyInput, InputError, TooLarge, UnsupportedFormat
from ..record import Document
from .html import html_to_text
from .language import require_language
from .metadata import host_of, parse_russian_date

__all__ = ["read", "parse_feed", "MAX_FEED_BYTES"]

# Large agency feeds with full text run to a few MB; 50 MB is a dump, not a feed.
MAX_FEED_BYTES = 50_000_000


def _published(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    # feedparser reads only English RFC 822 dates; Russian feeds write `5 декабря 2018`.
    for key in ("published", "updated"):
        raw = entry.get(key)
        if raw:
            parsed = parse_russian_date(str(raw))
            if parsed:
                return parsed
    return None


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    bodies = [part.get("value", "") for part in contents if part.get("value")]
    body = max(bodies, key=len) if bodies else entry.get("summary") or entry.get("description") or ""
    return html_to_text(str(body))


def parse_feed(data: bytes, origin: str, language: str | None = "ru") -> Iterator[Document | InputError]:
    """Items of one feed's bytes, each a Document or the InputError that rejected it."""
    if len(data) > MAX_FEED_BYTES:
        yield TooLarge(f"feed has {len(data):,} bytes, more than {MAX_FEED_BYTES:,}", origin)
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            yield UnsupportedFormat(f"not an RSS or Atom feed: {parsed.get('bozo_exception')}", origin)
        else:
            yield EmptyInput("feed has no items", origin)
        return
    feed = parsed.feed
    site = feed.get("title") or host_of(feed.get("link"))
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}:record-{number}"
        try:
            yield _document(entry, site, where, language)
        except InputError as error:
            yield error
        except (ValueError, TypeError, AttributeError) as error:
            yield BadRecord(f"feed item could not be read: {error}", where)


def _document(entry: Any, site: str | None, where: str, language: str | None) -> Document:
    text = _entry_text(entry)
    if not text:
        raise EmptyInput("feed item has no text", where)
    title = html_to_text(str(entry.get("title") or "")) or None
    document = Document(
        text=text,
        id=entry.get("id") or None,
        published=_published(entry),
        source=site,
        url=entry.get("link") or None,
        title=title,
        author=entry.get("author") or None,
        origin=where,
        format="rss",
    )
    if language:
        require_language(document, language)
    return document


def read(path: Path, language: str | None = "ru", **options: object) -> Iterator[Document | InputError]:
    """Read one RSS or Atom file: yields a Document per item, or the InputError of an item."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        yield BadRecord(f"cannot read the feed: {error}", str(path))
        return
    if size > MAX_FEED_BYTES:
        yield TooLarge(f"feed has {size:,} bytes, more than {MAX_FEED_BYTES:,}", str(path))
        return
    yield from parse_feed(path.read_bytes(), str(path), language)
