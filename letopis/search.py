"""Morphology-aware full-text search over stored documents.

The store indexes each document's lemmas (see migrations 002_search.*.sql), so the query is
lemmatized the same way: `Казахстана` and `Казахстан` both become `казахстан`. An ambiguous word
keeps every normal form it may have (`стали` → `стать` | `сталь`), because a query has no context
to choose from. `"quoted words"` must appear next to each other. With `expand=True` an adjective
that the gazetteer links to a place (`казахстанский`) also finds the place's name.

    page = search(conn, "Казахстана", SearchFilters(event_type="AGREE"), limit=20)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .normalize import fold, get_morph
from .store.base import Store

__all__ = [
    "ParsedQuery",
    "SearchFilters",
    "SearchHit",
    "SearchPage",
    "Snippet",
    "parse_query",
    "search",
    "make_snippet",
    "word_lemmas",
    "fts5_expression",
    "tsquery_expression",
]

# A phrase of ambiguous words multiplies out; past this many variants, only the likeliest forms stay.
MAX_PHRASE_VARIANTS = 16
# Long enough for a sentence or two of news text around the best match.
SNIPPET_CHARS = 220
# Below this many characters a word is too short to prefix-filter before lemmatizing it.
PREFIX = 3

_QUERY_TOKEN = re.compile(r'"([^"]*)"|([\w]+(?:-[\w]+)*)')
_WORD = re.compile(r"\w+(?:-\w+)*")
_SORTS = {"relevance", "date", "-date"}

Slot = tuple[str, ...]  # alternative normal forms of one query word (each may hold several tokens)
Clause = tuple[Slot, ...]  # one word (one slot) or a quoted phrase (several)


@dataclass(frozen=True)
class ParsedQuery:
    """What a query string means to the index: clauses that must all match."""

    text: str
    clauses: tuple[Clause, ...] = ()

    @property
    def lemmas(self) -> frozenset[str]:
        """Every single-token form the query looks for, for highlighting."""
        return frozenset(
            token for clause in self.clauses for slot in clause for form in slot for token in form.split()
        )

    def __bool__(self) -> bool:
        return bool(self.clauses)


@dataclass(frozen=True)
class SearchFilters:
    """Narrow a search to documents whose events or metadata match; None means any."""

    actor: str | None = None  # actor code (KAZ, EU) or name, as events carry it
    event_type: str | None = None
    modality: str | None = None
    location: str | None = None  # location name or ISO3 country of an event
    date_from: str | None = None  # ISO date, on the document's publication date
    date_to: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Snippet:
    """A piece of the clean text with the query words' offsets inside it, for <mark>."""

    text: str
    highlights: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class SearchHit:
    id: str
    doc_id: str
    headline: str | None
    published: str | None
    source: str | None
    url: str | None
    score: float
    snippet: Snippet


@dataclass(frozen=True)
class SearchPage:
    query: ParsedQuery
    total: int
    limit: int
    offset: int
    hits: tuple[SearchHit, ...] = field(default=())


@lru_cache(maxsize=200_000)
def word_lemmas(word: str) -> tuple[str, ...]:
    """Every normal form pymorphy3 offers for a word, likeliest first, plus the word itself."""
    folded = fold(word)
    forms = [fold(parse.normal_form) for parse in get_morph().parse(folded)]
    forms.append(folded)
    return tuple(dict.fromkeys(forms))


def _slot(word: str, expand: bool) -> Slot:
    forms = list(word_lemmas(word))
    if expand:
        forms.extend(fold(name) for name in _expansions(forms[0]))
    # The index splits hyphenated lemmas (абу-даби) into tokens, so a form may be a small phrase.
    return tuple(
        dict.fromkeys(" ".join(_WORD_PART.findall(form)) for form in forms if _WORD_PART.search(form))
    )


_WORD_PART = re.compile(r"\w+")


def _expansions(lemma: str) -> list[str]:
    """Names of the place an adjective or demonym points to (казахстанский → Казахстан)."""
    try:
        from .gazetteer import get_gazetteer
    except ImportError:  # the entity linker is optional for search
        return []
    entries = get_gazetteer().index.get(fold(lemma), ())
    return [entry.name for entry in entries if entry.adjective and len(entry.words) == 1]


def parse_query(text: str, expand: bool = False) -> ParsedQuery:
    """Split a query into words and "quoted phrases" and lemmatize each word."""
    clauses: list[Clause] = []
    for match in _QUERY_TOKEN.finditer(text or ""):
        phrase, word = match.group(1), match.group(2)
        words = _WORD.findall(phrase) if phrase is not None else [word]
        slots = tuple(slot for slot in (_slot(w, expand) for w in words) if slot)
        if slots:
            clauses.append(slots)
    return ParsedQuery(text=text or "", clauses=tuple(clauses))


def _phrase_variants(clause: Clause) -> list[str]:
    variants = [
        " ".join(parts) for parts in itertools.islice(itertools.product(*clause), MAX_PHRASE_VARIANTS)
    ]
    return list(dict.fromkeys(variants))


def fts5_expression(query: ParsedQuery) -> str:
    """The FTS5 MATCH expression: clauses AND-ed, alternatives OR-ed, phrases quoted."""
    parts = []
    for clause in query.clauses:
        variants = _phrase_variants(clause)
        parts.append("(" + " OR ".join(f'"{variant}"' for variant in variants) + ")")
    return " AND ".join(parts)


def tsquery_expression(query: ParsedQuery) -> str:
    """The PostgreSQL to_tsquery('simple', …) text equivalent of `fts5_expression`."""
    parts = []
    for clause in query.clauses:
        variants = _phrase_variants(clause)
        parts.append(
            "(" + " | ".join("(" + " <-> ".join(variant.split()) + ")" for variant in variants) + ")"
        )
    return " & ".join(parts)


def _filter_sql(filters: SearchFilters) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    event_conditions: list[str] = []
    if filters.actor:
        event_conditions.append("e.id IN (SELECT a.event_id FROM event_actors a WHERE a.actor = ?)")
        params.append(filters.actor)
    if filters.event_type:
        event_conditions.append("e.type = ?")
        params.append(filters.event_type)
    if filters.modality:
        event_conditions.append("e.modality = ?")
        params.append(filters.modality)
    if filters.location:
        event_conditions.append("(e.location_name = ? OR e.location_country = ?)")
        params.extend([filters.location, filters.location])
    if event_conditions:
        where.append(
            "EXISTS (SELECT 1 FROM events e JOIN event_sources es ON es.event_id = e.id"
            " WHERE es.document_id = d.id AND "
            + " AND ".join(event_conditions)
            + ")"
        )
    if filters.date_from:
        where.append("d.published >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        where.append("substr(d.published, 1, 10) <= ?")
        params.append(filters.date_to)
    if filters.source:
        where.append("d.source = ?")
        params.append(filters.source)
    return where, params


def search(
    store: Store,
    text: str,
    filters: SearchFilters | None = None,
    limit: int = 20,
    offset: int = 0,
    sort: str = "relevance",
    expand: bool = False,
) -> SearchPage:
    """Documents matching a query and filters, best first, with highlighted snippets.

    An empty query lists the documents the filters allow, newest first. The store must have the
    002_search migration applied (`Store.migrate` does it).
    """
    if sort not in _SORTS:
        raise ValueError(f"sort must be one of {', '.join(sorted(_SORTS))}, not {sort!r}")
    query = parse_query(text, expand=expand)
    where, params = _filter_sql(filters or SearchFilters())
    postgres = store.dialect == "postgresql"
    source = "documents d"
    score = "0.0"
    if query:
        if postgres:
            where.insert(0, "d.search @@ to_tsquery('simple', ?)")
            params.insert(0, tsquery_expression(query))
            score = "-ts_rank(d.search, to_tsquery('simple', ?))"
        else:
            source = "documents_fts f JOIN documents d ON d.rowid = f.rowid"
            where.insert(0, "documents_fts MATCH ?")
            params.insert(0, fts5_expression(query))
            score = "bm25(documents_fts, 2.0, 1.0)"
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = int(store.query(f"SELECT count(*) AS n FROM {source}{clause}", params)[0]["n"])
    order = {
        "relevance": "score, d.published DESC, d.id" if query else "d.published DESC, d.id",
        "date": "d.published, d.id",
        "-date": "d.published DESC, d.id",
    }[sort]
    score_params = [tsquery_expression(query)] if query and postgres else []
    rows = store.query(
        f"SELECT d.id, d.doc_id, d.headline, d.title, d.published, d.source, d.url, d.text, {score} AS score "
        f"FROM {source}{clause} ORDER BY {order} LIMIT ? OFFSET ?",
        [*score_params, *params, limit, offset],
    )
    hits = tuple(
        SearchHit(
            id=row["id"],
            doc_id=row["doc_id"],
            headline=row["headline"] or row["title"],
            published=row["published"],
            source=row["source"],
            url=row["url"],
            score=round(-float(row["score"] or 0.0), 4),
            snippet=make_snippet(row["text"] or "", query.lemmas),
        )
        for row in rows
    )
    return SearchPage(query=query, total=total, limit=limit, offset=offset, hits=hits)


def match_offsets(text: str, lemmas: Iterable[str]) -> list[tuple[int, int]]:
    """Offsets of the words of `text` whose lemma (or folded form) is one of `lemmas`."""
    wanted = frozenset(lemmas)
    if not wanted:
        return []
    prefixes = {lemma[:PREFIX] for lemma in wanted}
    found = []
    for match in _WORD_PART.finditer(text):
        word = fold(match.group())
        if word[:PREFIX] not in prefixes and len(word) >= PREFIX:
            continue
        if word in wanted or any(form in wanted for form in word_lemmas(word)):
            found.append((match.start(), match.end()))
    return found


def make_snippet(text: str, lemmas: Iterable[str], width: int = SNIPPET_CHARS) -> Snippet:
    """The window of `text` holding the most query words, cut at word boundaries."""
    offsets = match_offsets(text, lemmas)
    start = 0
    if offsets:
        best = max(
            range(len(offsets)), key=lambda i: sum(1 for s, _ in offsets[i:] if s < offsets[i][0] + width)
        )
        start = max(0, offsets[best][0] - width // 4)
        space = text.rfind(" ", 0, start)
        start = 0 if space < 0 or start == 0 else space + 1
    stop = min(len(text), start + width)
    if stop < len(text):
        space = text.rfind(" ", start, stop)
        stop = space if space > start else stop
    body = text[start:stop]
    prefix = "…" if start > 0 else ""
    suffix = "…" if stop < len(text) else ""
    shift = len(prefix) - start
    highlights = tuple((s + shift, e + shift) for s, e in offsets if s >= start and e <= stop)
    return Snippet(text=prefix + body.replace("\n", " ") + suffix, highlights=highlights)
