"""Page metadata that trafilatura gets wrong on Russian pages: dates, author labels, junk blocks.

The words (month names, `Опубликовано`, `Автор`, junk class names) live in
`data/html_meta_labels.tsv` and `data/html_junk.tsv`.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from ..datafiles import data_rows
from ..timex import month_forms

__all__ = [
    "PageMeta",
    "parse_page",
    "parse_russian_date",
    "strip_author_label",
    "drop_label_lines",
    "merge",
    "junk_xpaths",
    "host_of",
    "url_date",
]

# Years outside this range on a news page are page furniture (copyright, founding year), not dates.
MIN_YEAR, MAX_YEAR = 1990, 2100
# Junk widgets (ads, related links) hold a few hundred characters; article containers thousands.
MAX_JUNK_BLOCK = 1000
MAX_LEAD_BLOCK = 300
# A metadata line in the body (`Опубликовано: 5 декабря 2018 г.`) is short; longer ones are prose.
MAX_LABEL_LINE = 120


@lru_cache(maxsize=1)
def _labels() -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    for row in data_rows("html_meta_labels.tsv"):
        kinds.setdefault(row[0], []).append(row[1])
    return kinds


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    months = _alternation(month_forms())
    word_date = rf"(\d{{1,2}})\s+({months})\.?,?\s+(\d{{4}})"
    numeric_date = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"
    labels = _labels()
    published = _alternation(labels["published"])
    meta_labels = _alternation(labels["published"] + labels["updated"] + labels["author"])
    return {
        "word": re.compile(rf"(?<!\d){word_date}", re.I),
        "numeric": re.compile(rf"(?<![\d.]){numeric_date}(?![\d.]\d)"),
        "iso": re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
        "labelled": re.compile(
            rf"(?:{published})\s*[:\-–—]?\s*(?:в\s+)?(?:\d{{1,2}}:\d{{2}},?\s+)?(?:{word_date}|{numeric_date}|(\d{{4}}-\d{{2}}-\d{{2}}))",
            re.I,
        ),
        "author_prefix": re.compile(
            rf"^\s*(?:{_alternation(labels['author'])})\s*(?:[:\-–—]\s*|\s+(?=[A-ZА-ЯЁ]))", re.I
        ),
        "label_line": re.compile(rf"^\s*(?:{meta_labels})\s*[:\-–—]\s*\S", re.I),
        "author_line": re.compile(
            rf"(?:^|\n)\s*(?:{_alternation(labels['author'])})\s*[:\-–—]\s*([^\n<]{{3,80}})", re.I
        ),
    }


def _date(year: str | int, month: str | int, day: str | int) -> str | None:
    try:
        value = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return value.isoformat() if MIN_YEAR <= value.year <= MAX_YEAR else None


def _word_date(day: str, month: str, year: str) -> str | None:
    number = month_forms().get(month.lower().rstrip("."))
    return _date(year, number, day) if number else None


def parse_russian_date(text: str) -> str | None:
    """The first full date in `5 декабря 2018 г.`, `05.12.2018` or ISO form, as YYYY-MM-DD."""
    found: list[tuple[int, str]] = []
    patterns = _patterns()
    for match in patterns["word"].finditer(text):
        value = _word_date(*match.groups())
        if value:
            found.append((match.start(), value))
            break
    for name in ("numeric", "iso"):
        found_match = patterns[name].search(text)
        if found_match:
            groups = found_match.groups()
            value = _date(groups[2], groups[1], groups[0]) if name == "numeric" else _date(*groups)
            if value:
                found.append((found_match.start(), value))
    return min(found)[1] if found else None


def _labelled_date(text: str) -> str | None:
    for match in _patterns()["labelled"].finditer(text):
        g = match.groups()
        value = (
            _word_date(g[0], g[1], g[2])
            if g[0]
            else _date(g[5], g[4], g[3])
            if g[3]
            else _date(*g[6].split("-"))
        )
        if value:
            return value
    return None


def strip_author_label(author: str | None) -> str | None:
    """`Автор: Иван Петров` → `Иван Петров`; None when nothing is left."""
    if not author:
        return None
    author = _patterns()["author_prefix"].sub("", author).strip(" ;,|:-–—")
    return author or None


def drop_label_lines(lines: Iterable[str]) -> list[str]:
    """Body lines that are metadata (`Опубликовано: …`, `Автор: …`) go; the fields hold them."""
    pattern = _patterns()["label_line"]
    return [line for line in lines if not (len(line) <= MAX_LABEL_LINE and pattern.match(line))]


@dataclass(frozen=True)
class PageMeta:
    """What the page's markup and visible text say, before trafilatura's guesses."""

    structured_date: str | None = None
    labelled_date: str | None = None
    any_date: str | None = None
    author: str | None = None
    title: str | None = None
    site: str | None = None
    canonical: str | None = None


_META = re.compile(r"<meta\b[^>]{0,1000}>", re.I)
_ATTR = re.compile(r"""([a-zA-Z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_TIME = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']{8,40})", re.I)
_CANONICAL = re.compile(r"<link\b[^>]*rel\s*=\s*[\"']?canonical[^>]*>", re.I)
_SCRIPT = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.I | re.S)
_TAGS = re.compile(r"<[^>]+>")
_DATE_KEYS = {
    "article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "og:published_time",
    "published_time",
    "sailthru.date",
    "mediator_published_time",
}


def _attrs(tag: str) -> dict[str, str]:
    return {
        m.group(1).lower(): html_lib.unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for m in _ATTR.finditer(tag)
    }


def _iso_prefix(value: str) -> str | None:
    match = _patterns()["iso"].match(value.strip())
    return _date(*match.groups()) if match else None


def parse_page(html: str) -> PageMeta:
    """Read dates, author, title, site and canonical URL from the markup and visible text."""
    head = html[:300_000]
    structured = None
    title = site = None
    for tag in _META.findall(head):
        attrs = _attrs(tag)
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content", "")
        if key in _DATE_KEYS and structured is None:
            structured = _iso_prefix(content)
        elif key == "og:title" and content:
            title = title or content.strip()
        elif key == "og:site_name" and content:
            site = site or content.strip()
    if structured is None:
        match = _JSON_LD_DATE.search(head) or _TIME.search(head)
        structured = _iso_prefix(match.group(1)) if match else None
    canonical = None
    link = _CANONICAL.search(head)
    if link:
        canonical = _attrs(link.group(0)).get("href") or None
    visible = html_lib.unescape(_TAGS.sub("\n", _SCRIPT.sub(" ", head)))
    visible = re.sub(r"[ \t\xa0]+", " ", visible)
    author_match = _patterns()["author_line"].search(visible)
    return PageMeta(
        structured_date=structured,
        labelled_date=_labelled_date(visible),
        any_date=parse_russian_date(visible),
        author=strip_author_label(author_match.group(1).strip()) if author_match else None,
        title=title,
        site=site,
        canonical=canonical,
    )


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(\d{2})[/-]?(\d{2})(?=[/_.-]|$)")


def url_date(url: str | None) -> str | None:
    """`/20181205/` or `/2018/12/05/` in a news URL: the publication date by the site's own scheme."""
    match = _URL_DATE.search(urlsplit(url).path) if url else None
    return _date(*match.groups()) if match else None


def host_of(url: str | None) -> str | None:
    """The host of a URL without `www.`, the site name of last resort."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


@dataclass(frozen=True)
class Merged:
    title: str | None
    published: str | None
    author: str | None
    source: str | None
    url: str | None


def merge(page: PageMeta, extracted: Any, url: str | None) -> Merged:
    """Our readings first where trafilatura is weak (Russian dates, labels), its own elsewhere."""
    guessed = getattr(extracted, "date", None)
    guessed = _iso_prefix(guessed) if guessed else None
    if guessed and guessed.endswith("-01-01") and page.any_date and page.any_date[:4] == guessed[:4]:
        # htmldate saw only the year of a Russian date; the full date is on the page.
        guessed = page.any_date
    canonical = getattr(extracted, "url", None) or page.canonical or url
    published = page.structured_date or page.labelled_date or guessed or url_date(canonical) or url_date(url)
    author = strip_author_label(getattr(extracted, "author", None)) or page.author
    title = getattr(extracted, "title", None) or page.title
    source = getattr(extracted, "sitename", None) or page.site or host_of(canonical) or host_of(url)
    return Merged(title=title, published=published, author=author, source=source, url=canonical)


@lru_cache(maxsize=1)
def _junk_xpaths() -> tuple[str, ...]:
    """One XPath per pattern kind: trafilatura walks the tree once per expression."""
    classes, leads = [], []
    for row in data_rows("html_junk.tsv"):
        kind, pattern = row[0], row[1].replace("'", "")
        if kind == "class":
            classes.append(f"contains(concat(' ', @class), ' {pattern}') or starts-with(@id, '{pattern}')")
        elif kind == "lead":
            leads.append(f"starts-with(normalize-space(text()), '{pattern}')")
    paths = []
    if classes:
        # A class or id token starting with the pattern, on a block short enough to be a widget:
        # an article container that happens to match must never be pruned whole.
        paths.append(
            f"//*[({' or '.join(classes)}) and string-length(normalize-space(.)) < {MAX_JUNK_BLOCK}]"
        )
    if leads:
        blocks = " or ".join(
            f"self::{tag}" for tag in ("p", "div", "aside", "section", "h2", "h3", "h4", "strong", "li")
        )
        paths.append(
            f"//*[({blocks}) and ({' or '.join(leads)}) and string-length(normalize-space(.)) < {MAX_LEAD_BLOCK}]"
        )
    return tuple(paths)


def junk_xpaths() -> list[str]:
    """XPath expressions for trafilatura's `prune_xpath`, from data/html_junk.tsv."""
    return list(_junk_xpaths())
