"""Process paths into a store: read → skip what is stored → pipeline → one transaction per article.

A document whose content hash is stored already is skipped before any NLP, so a re-run is cheap
and a killed run resumes where it stopped. A rejected input goes to the quarantine with its
origin, position and reason, is counted by reason, and the batch goes on (trafilatura's
`examine()` does the same, but loses the reason).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .ingest import iter_documents
from .ingest.files import MAX_DOCUMENT_BYTES, walk
from .pipeline import MAX_CHARS, Outcome, Pipeline
from .record import Article, Document, content_hash
from .store.base import Rejection, Store
from .stories import StoryIndex

__all__ = [
    "BatchOptions",
    "BatchSummary",
    "process_paths",
    "split_origin",
    "input_files",
    "quarantined_files",
    "Runner",
]

_POSITION = re.compile(r"^(.+):(\d+)$")


@dataclass(frozen=True)
class BatchOptions:
    format: str | None = None  # skip sniffing: text, jsonl, html, rss, warc, csv
    published: str | None = None  # for documents that carry no date of their own
    source: str | None = None  # for documents that name no source
    retry_errors: bool = False  # retry documents quarantined by an earlier run
    max_bytes: int = MAX_DOCUMENT_BYTES
    max_chars: int = MAX_CHARS
    events: bool = True
    payload_bytes: int = 65_536
    text_field: str | None = None  # corpus column mapping (CSV/JSONL)
    date_field: str | None = None
    id_field: str | None = None
    timeout: float = 120.0  # seconds one document may take; 0 = no limit
    on_file: Callable[[Path], None] | None = None  # called after each file (progress bars)
    on_reject: Callable[[InputError], None] | None = None  # called for each rejection, as it happens


@dataclass
class BatchSummary:
    """What a batch did, for the final summary line and for tests."""

    processed: int = 0
    skipped: int = 0  # stored already (same content hash)
    skipped_quarantined: int = 0  # rejected by an earlier run, not retried
    rejected: Counter[str] = field(default_factory=Counter)  # by error code
    rejections: list[InputError] = field(default_factory=list)
    entities: Counter[str] = field(default_factory=Counter)  # of the processed documents, by type
    events: Counter[str] = field(default_factory=Counter)
    reported_again: int = 0  # events a reprint shares with its story: stored once, one more source
    actors: Counter[str] = field(default_factory=Counter)  # event participants (sources and targets)
    mentioned: Counter[str] = field(default_factory=Counter)  # entity mentions, by actor code or name
    seconds: float = 0.0

    def lines(self, top: int = 10) -> list[str]:
        """The human summary: documents, entities by type, events by type, top actors."""
        rejected = sum(self.rejected.values())
        documents = (
            f"documents: {self.processed} processed, {self.skipped} already stored, {rejected} rejected"
        )
        if rejected:
            documents += f" ({_counts(self.rejected)})"
        if self.skipped_quarantined:
            documents += f", {self.skipped_quarantined} quarantined before (--retry-errors retries them)"
        rate = f" in {self.seconds:.1f} s" if self.seconds >= 0.05 else ""
        lines = [documents + rate]
        lines.append(
            f"entities: {sum(self.entities.values())}"
            + (f" ({_counts(self.entities)})" if self.entities else "")
        )
        events = f"events: {sum(self.events.values())}" + (
            f" ({_counts(self.events)})" if self.events else ""
        )
        if self.reported_again:
            events += (
                f"; {self.reported_again} already stored for their story (a reprint): one more source each"
            )
        lines.append(events)
        for label, counter in (("top actors", self.actors), ("most mentioned", self.mentioned)):
            if counter:
                lines.append(
                    f"{label}: " + ", ".join(f"{name} {count}" for name, count in counter.most_common(top))
                )
        return lines

    def tally(self, article: Article) -> None:
        self.processed += 1
        self.entities.update(entity.type for entity in article.entities)
        self.events.update(str(event.type) for event in article.events)
        self.actors.update(a for event in article.events for a in {*event.sources, *event.targets})
        names = {entity.key: entity.actor for entity in article.entities}
        self.mentioned.update(names.get(m.entity, m.normal) for m in article.mentions)


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{name} {count}" for name, count in counter.most_common())


def split_origin(where: str | None) -> tuple[str, str]:
    """`file.jsonl:12` → (`file.jsonl`, `12`); a whole file → (`file`, '')."""
    if not where:
        return "<unknown>", ""
    match = _POSITION.match(where)
    return (match.group(1), match.group(2)) if match else (where, "")


# Runs the pipeline over the documents a batch admits, yielding one Outcome each, in order. The default
# runs in this process; `letopis.scale` gives one that runs on Dask workers.
Runner = Callable[[Iterable[Document]], Iterator[Outcome]]


class _Batch:
    def __init__(self, store: Store, pipeline: Pipeline | None, options: BatchOptions, runner: Runner | None) -> None:
        self.store = store
        self.pipeline = pipeline
        self.options = options
        self.runner = runner or self.run_here
        self.summary = BatchSummary()
        self.stories = StoryIndex(store.story_entries())
        rows = store.query("SELECT origin, position, payload FROM quarantine WHERE resolved_at IS NULL")
        self.quarantined = {(row["origin"], row["position"]): row["payload"] for row in rows}

    def run(self, files: Iterable[Path]) -> BatchSummary:
        started = time.perf_counter()
        try:
            for outcome in self.runner(self.admitted(files)):
                self.keep(outcome)
        finally:
            self.summary.seconds = time.perf_counter() - started
        return self.summary

    def admitted(self, files: Iterable[Path]) -> Iterator[Document]:
        """The documents that need the pipeline: not stored yet, not quarantined (unless retried)."""
        for file in files:
            for item in iter_documents(
                file,
                self.options.format,
                self.options.published,
                self.options.source,
                max_bytes=self.options.max_bytes,
                text_field=self.options.text_field,
                date_field=self.options.date_field,
                id_field=self.options.id_field,
            ):
                if not isinstance(item, Document):
                    self.reject(item)
                elif self.admit(item):
                    yield item
            if self.options.on_file:
                self.options.on_file(file)

    def admit(self, document: Document) -> bool:
        if self.store.has_document(content_hash(document.text)):
            self.summary.skipped += 1
            return False
        key = split_origin(document.origin)
        if key in self.quarantined and not self.options.retry_errors:
            payload = self.quarantined[key]
            if payload is None or payload == document.text:
                self.summary.skipped_quarantined += 1
                return False
        return True

    def run_here(self, documents: Iterable[Document]) -> Iterator[Outcome]:
        """The pipeline in this process, one document at a time, each under the time limit."""
        for document in documents:
            if self.pipeline is None:
                self.pipeline = Pipeline(events=self.options.events, max_chars=self.options.max_chars)
            yield self.pipeline.run(document, timeout=self.options.timeout)

    def keep(self, outcome: Outcome) -> None:
        """Store an article (joining its story) or quarantine the reason it was rejected."""
        document = outcome.document
        if outcome.article is None:
            self.reject(outcome.error or InputError("rejected", document.origin), document.text)
            return
        article = outcome.article
        if self.store.has_document(article.id):  # the same text twice in one batch, run side by side
            self.summary.skipped += 1
            return
        story_id, signature = self.stories.assign(article.id, article.text)
        self.summary.reported_again += self.store.save_article(article, story_id, signature)
        key = split_origin(document.origin)
        if key in self.quarantined:
            self.store.resolve(*key)
        self.summary.tally(article)

    def reject(self, error: InputError, text: str | None = None) -> None:
        origin, position = split_origin(error.where)
        payload = text if text is not None and len(text) <= self.options.payload_bytes else None
        self.store.quarantine(Rejection(origin, position, error.code, error.message, payload))
        self.quarantined[(origin, position)] = payload
        self.summary.rejected[error.code] += 1
        self.summary.rejections.append(error)
        if self.options.on_reject:
            self.options.on_reject(error)


def input_files(paths: Iterable[str | Path]) -> list[Path]:
    """Every file a batch over `paths` will read, in order (for progress bars)."""
    return [file for path in paths for file in walk(Path(path))]


def quarantined_files(store: Store) -> list[Path]:
    """Files with unresolved rejections that still exist: what `--retry-errors` re-reads."""
    rows = store.query("SELECT DISTINCT origin FROM quarantine WHERE resolved_at IS NULL ORDER BY origin")
    return [Path(row["origin"]) for row in rows if Path(row["origin"]).is_file()]


def process_paths(
    paths: Iterable[str | Path],
    store: Store,
    pipeline: Pipeline | None = None,
    options: BatchOptions | None = None,
    runner: Runner | None = None,
) -> BatchSummary:
    """Read every document under `paths`, run the pipeline on the new ones, store them.

    Args:
        paths: files or folders.
        store: where articles and rejections go.
        pipeline: a loaded Pipeline; None loads one only when some document is new.
        options: formats, defaults for missing metadata, limits and callbacks.
        runner: where the pipeline runs (`letopis.scale.dask_runner` for Dask workers); None runs it
            here. Reading, skipping, story assignment and writes stay in this process either way, so
            the store has one writer and a re-run resumes the same way.

    Returns:
        The counts of processed, skipped and rejected documents and what the new ones hold.
    """
    options = options or BatchOptions()
    files = [path if isinstance(path, Path) else Path(path) for path in paths]
    return _Batch(store, pipeline, options, runner).run(file for path in files for file in walk(path))
