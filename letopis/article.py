"""Headline, dateline, paragraphs and publication date of a cleaned article.

The clean text keeps every word: the headline stays its first paragraph and the dateline stays the
opening of the first body paragraph. This stage only reads them into metadata: `headline`, `dateline`,
`paragraphs` (the body, headline excluded) and `published`, which is kept as given, else taken from a
dateline that names its year; a day and month alone never make a date (the year is not guessed).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .dateline import parse_dateline
from .dates import reference_date
from .record import Article, Dateline

__all__ = ["parse_article", "split_paragraphs", "is_headline"]

REQUIRES = ("text",)
ASSIGNS = ("headline", "dateline", "paragraphs", "published")

# Russian news headlines run 40–120 characters; 250 leaves room for long ones with a subtitle and
# stays well below a body paragraph's typical length.
MAX_HEADLINE_CHARS = 250
MAX_HEADLINE_WORDS = 30

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs are separated by blank lines; a text with none has one paragraph per line."""
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return tuple(p.strip() for p in parts if p.strip())


def is_headline(paragraph: str) -> bool:
    """Short, one line, no final full stop, and starts like a title (capital letter, digit or quote)."""
    line = paragraph.strip()
    return (
        0 < len(line) <= MAX_HEADLINE_CHARS
        and "\n" not in line
        and len(line.split()) <= MAX_HEADLINE_WORDS
        and not line.endswith((".", ",", ":", ";", "…"))
        and (line[0].isupper() or line[0].isdigit() or line[0] in "«\"'“")
    )


def parse_article(article: Article) -> Article:
    """Fill headline, dateline, paragraphs and published from the clean text."""
    paragraphs = split_paragraphs(article.text)
    headline: str | None = None
    found = parse_dateline(paragraphs[0]) if paragraphs else None
    if found is None and len(paragraphs) > 1 and is_headline(paragraphs[0]):
        headline, paragraphs = paragraphs[0], paragraphs[1:]
        found = parse_dateline(paragraphs[0])
    dateline = found[0] if found else None
    return replace(
        article,
        headline=headline,
        dateline=dateline,
        paragraphs=paragraphs,
        published=article.published or _published_from(dateline),
    )


def _published_from(dateline: Dateline | None) -> str | None:
    """An ISO date from a dateline that names day, month and year; else None."""
    if dateline is None or None in (dateline.year, dateline.month, dateline.day):
        return None
    iso = f"{dateline.year:04d}-{dateline.month:02d}-{dateline.day:02d}"
    return iso if reference_date(iso) is not None else None
