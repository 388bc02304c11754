"""The package's own lexicons (`letopis/data/*.tsv`): one reader for every module that loads one.

Russian words live in these files, not in code; each file is tab-separated, with `#` lines for
comments and headers.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["data_rows", "data_text", "function_words"]


def data_text(name: str) -> str:
    """The whole text of `letopis/data/<name>`."""
    return resources.files("letopis").joinpath("data", name).read_text(encoding="utf-8")


def data_rows(name: str) -> list[list[str]]:
    """The rows of a data table: blank and `#` lines skipped, cells split at tabs and stripped."""
    return [
        [cell.strip() for cell in line.split("\t")]
        for line in data_text(name).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


@lru_cache(maxsize=1)
def _function_word_sets() -> dict[str, frozenset[str]]:
    return {
        cells[0]: frozenset(w.strip() for w in cells[1].split(",") if w.strip())
        for cells in data_rows("function_words.tsv")
        if len(cells) >= 2
    }


def function_words(name: str) -> frozenset[str]:
    """A named set of prepositions, pronouns or particles from letopis/data/function_words.tsv; a
    name the file lacks is a programming error, so it raises KeyError rather than matching nothing."""
    return _function_word_sets()[name]
