"""Event extraction (placeholder until the extractor lands)."""

from __future__ import annotations

from ..record import Article

__all__ = ["extract"]

REQUIRES = ("sentences", "mentions", "entities", "published")
ASSIGNS = ("events",)


def extract(article: Article) -> Article:
    return article
