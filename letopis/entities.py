"""Entity normalization, merging and linking (placeholder until the linker lands)."""

from __future__ import annotations

from dataclasses import replace

from .record import Article, Entity, Mention

__all__ = ["link_entities"]

REQUIRES = ("spans", "sentences")
ASSIGNS = ("mentions", "entities")


def link_entities(article: Article) -> Article:
    entities: dict[str, Entity] = {}
    mentions = []
    for span in article.spans:
        key = f"{span.type}:{span.normal}"
        entities.setdefault(key, Entity(key=key, name=span.normal, type=span.type))
        mentions.append(Mention(span.text, span.start, span.stop, span.type, span.normal, key))
    return replace(article, mentions=tuple(mentions), entities=tuple(entities.values()))
