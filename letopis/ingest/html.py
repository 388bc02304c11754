"""HTML pages to Documents: main text by trafilatura, metadata with care for Russian pages.

trafilatura finds the article body well, but its date finder (htmldate) reads
`Опубликовано: 5 декабря 2018 г.` as 2018-01-01 and its author keeps the `Автор:` label, so dates
and authors are read here first: structured metadata, then Russian labelled dates, and only then
trafilatura's guess. Pages that would hang or crash the parser (absurd nesting, huge size) are
rejected with a reason instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree

from ..errors import BadRecord, EmptyInput, InputError, TooLarge
from ..limits import deadline
from ..record import Document
from . import metadata
from .encoding import decode_bytes
from .language import require_language

__all__ = ["read", "extract_html", "html_to_text", "check_nesting", "MAX_HTML_BYTES", "MAX_DEPTH"]

# News pages are 50-500 KB; 20 MB keeps a mis-sniffed video or dump out of lxml.
MAX_HTML_BYTES = 20_000_000
# libxml2 silently stops nesting at 256 levels (without XML_PARSE_HUGE) and the text below is
# lost, so deeper pages are rejected with a reason instead of yielding a truncated article.
MAX_DEPTH = 256
# trafilatura takes ~10-100 ms on a news page; 10 s means something pathological.
TIMEOUT_SECONDS = 10.0

# htmldate's extensive search runs dateparser over the page: 8 s of regex compiling on the first
# page of a process, and it reads `5 декабря 2018` as 2018-01-01. Our own Russian date reader
# (metadata.py) does that part; htmldate keeps the markup and structured-data cues.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}

_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9]{0,15})\b[^>]*?(/?)>")
# Elements that never hold children, or whose end tag the parser infers: they do not nest.
_FLAT = {
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"tr",
    b"td",
    b"th",
    b"option",
    b"optgroup",
    b"tbody",
    b"thead",
    b"tfoot",
    b"colgroup",
    b"rp",
    b"rt",
    b"html",
    b"head",
    b"body",
}
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "ul",
    "ol",
    "table",
    "pre",
    "figure",
    "figcaption",
    "header",
    "footer",
    "aside",
}


def check_nesting(data: bytes, where: str | None = None, max_depth: int = MAX_DEPTH) -> None:
    """Raise BadRecord when tags nest deeper than the parser can hold."""
    depth = 0
    for match in _TAG.finditer(data):
        closing, name, self_closing = match.groups()
        name = name.lower()
        if name in _FLAT or self_closing:
            continue
        if closing:
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > max_depth:
            raise BadRecord(
                f"HTML nests more than {max_depth} levels deep: not a page the parser can hold", where
            )


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed descriptions), paragraphs separated by blank lines."""
    if "<" not in fragment:
        return _paragraphs(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _paragraphs(re.sub(r"<[^>]*>", " ", fragment))
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
            element.text = "\n\n" + (element.text or "") if element.tag != "br" else element.text
    return _paragraphs(root.text_content())


def _paragraphs(text: str) -> str:
    blocks = re.split(r"\n\s*\n", text.replace("\r", "\n"))
    cleaned = (re.sub(r"\s+", " ", block).strip() for block in blocks)
    return "\n\n".join(block for block in cleaned if block)


def _decode(data: bytes | str, declared_encoding: str | None, where: str | None) -> str:
    if isinstance(data, str):
        if len(data) > MAX_HTML_BYTES:
            raise TooLarge(f"page has {len(data):,} characters, more than {MAX_HTML_BYTES:,}", where)
        check_nesting(data[:MAX_HTML_BYTES].encode("utf-8", errors="replace"), where)
        return data
    if len(data) > MAX_HTML_BYTES:
        raise TooLarge(f"page has {len(data):,} bytes, more than {MAX_HTML_BYTES:,}", where)
    check_nesting(data, where)
    return decode_bytes(data, declared_encoding, where)


def extract_html(
    data: bytes | str,
    url: str | None = None,
    declared_encoding: str | None = None,
    origin: str | None = None,
    timeout: float | None = TIMEOUT_SECONDS,
) -> Document:
    """One HTML page to a Document: main text, title, date, author, site and canonical URL.

    Args:
        data: the page, as bytes (decoded here) or text.
        url: where it was fetched from, if known (helps trafilatura and names the origin).
        declared_encoding: the HTTP header's charset, if any; checked before it is used.
        origin: what to name in messages; defaults to the URL.
        timeout: seconds allowed for extraction (main thread only).

    Raises:
        InputError: EmptyInput, TooLarge, BadRecord, EncodingProblem, BinaryInput with the reason.
    """
    where = origin or url
    html = _decode(data, declared_encoding, where)
    if not html.strip():
        raise EmptyInput("page is empty", where)
    try:
        with deadline(timeout, where, what="extraction"):
            result = trafilatura.bare_extraction(
                html,
                url=url,
                with_metadata=True,
                include_comments=False,
                prune_xpath=metadata.junk_xpaths(),
                date_extraction_params=_DATE_PARAMS,
            )
            page = metadata.parse_page(html)
    except InputError:
        raise
    except (ValueError, TypeError, AttributeError, etree.LxmlError, RecursionError) as error:
        raise BadRecord(f"HTML could not be parsed: {type(error).__name__}: {error}", where) from None
    lines = (getattr(result, "text", None) or "").split("\n") if result is not None else []
    meta = metadata.merge(page, result, url)
    paragraphs = [line.strip() for line in metadata.drop_label_lines(lines) if line.strip()]
    if paragraphs and meta.title and _same(paragraphs[0], meta.title):
        paragraphs = paragraphs[1:]  # the headline is the title field, not body text
    text = "\n\n".join(paragraphs)
    if not text:
        raise EmptyInput("no main text found on the page", where)
    return Document(
        text=text,
        published=meta.published,
        source=meta.source,
        url=meta.url,
        title=meta.title,
        author=meta.author,
        origin=where,
        format="html",
    )


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", "", a).lower() == re.sub(r"\W+", "", b).lower()


def read(
    path: Path, language: str | None = "ru", url: str | None = None, **options: object
) -> Iterator[Document | InputError]:
    """Read one HTML file: yields its Document, or the InputError that rejected it."""
    path = Path(path)
    where = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_HTML_BYTES:
            raise TooLarge(f"page has {size:,} bytes, more than {MAX_HTML_BYTES:,}", where)
        document = extract_html(path.read_bytes(), url=url, origin=where)
        if language:
            require_language(document, language)
    except InputError as error:
        yield error
        return
    yield document
