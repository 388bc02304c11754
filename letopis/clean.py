"""Text-level junk removal (placeholder until the cleaner lands)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .record import Article

__all__ = ["CleanResult", "clean_text", "clean"]

REQUIRES = ("raw",)
ASSIGNS = ("text", "removed")


@dataclass(frozen=True)
class CleanResult:
    text: str
    removed: tuple[str, ...] = ()


def clean_text(raw: str) -> CleanResult:
    lines = [line.strip() for line in raw.replace("\r\n", "\n").split("\n")]
    return CleanResult(text="\n\n".join(line for line in lines if line))


def clean(article: Article) -> Article:
    result = clean_text(article.raw)
    return replace(article, text=result.text, removed=result.removed)
