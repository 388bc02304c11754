"""Headline, dateline, paragraphs and publication date (placeholder until the parser lands)."""

from __future__ import annotations

from dataclasses import replace

from .record import Article

__all__ = ["parse_article"]

REQUIRES = ("text",)
ASSIGNS = ("headline", "dateline", "paragraphs", "published")


def parse_article(article: Article) -> Article:
    paragraphs = tuple(p for p in article.text.split("\n\n") if p.strip())
    return replace(article, paragraphs=paragraphs)
