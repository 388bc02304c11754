"""The one path for data: raw document → clean → Article → NLP → entities → events.

`Pipeline.process` is a pure function of a `Document` (models are loaded once per process and
only read), so a distributed engine can map it over shards. Stages never touch the store, the CLI
or the web layer: those call the pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from . import article as article_stage
from . import clean as clean_stage
from . import entities as entity_stage
from . import events as event_stage
from .errors import BinaryInput, EmptyInput, InputError, StageFailed, TooLarge, WrongLanguage
from .ingest.language import UNKNOWN, detect_language
from .limits import deadline
from .nlp import NLP, get_nlp
from .record import Article, Document, content_hash

__all__ = ["Pipeline", "Outcome", "prepare", "check_language", "MAX_CHARS"]

# A news article is rarely above 100k characters; 5M keeps whole books out and NLP memory bounded.
MAX_CHARS = 5_000_000


@dataclass(frozen=True)
class Outcome:
    """What happened to one document: an article, or the error that rejected it."""

    document: Document
    article: Article | None = None
    error: InputError | None = None


def prepare(document: Document, max_chars: int = MAX_CHARS) -> Article:
    """Check a raw document and open its Article record; raises InputError with the reason."""
    text = document.text
    if len(text) > max_chars:
        raise TooLarge(
            f"document has {len(text):,} characters, more than the limit of {max_chars:,}", document.origin
        )
    if "\x00" in text:
        raise BinaryInput("document contains NUL bytes: binary data, not text", document.origin)
    if not text.strip():
        raise EmptyInput("document is empty", document.origin)
    key = content_hash(text)
    return Article(
        id=key,
        raw=text,
        doc_id=document.id or key,
        published=document.published,
        source=document.source,
        url=document.url,
        title=document.title,
        author=document.author,
        origin=document.origin,
        format=document.format,
    )


class Pipeline:
    """All stages, with their models loaded once."""

    def __init__(self, nlp: NLP | None = None, events: bool = True, max_chars: int = MAX_CHARS) -> None:
        self.nlp = nlp or get_nlp()
        self.events = events
        self.max_chars = max_chars

    def process(self, document: Document) -> Article:
        """Run every stage on one document; raises InputError when it cannot be processed."""
        article = prepare(document, self.max_chars)
        article = clean_stage.clean(article)
        if not article.text.strip():
            raise EmptyInput("nothing is left after cleaning: the document holds only junk", document.origin)
        article = check_language(article)
        article = article_stage.parse_article(article)
        article = self.nlp(article)
        article = entity_stage.link_entities(article)
        if self.events:
            article = event_stage.extract(article)
        return article

    def run(self, document: Document, timeout: float | None = None) -> Outcome:
        """Like `process`, but a rejected, failed or timed-out document is an Outcome with its reason, never
        an exception; `timeout` (seconds, None or 0 for none) limits the document (letopis.limits.deadline)."""
        try:
            with deadline(timeout, document.origin):
                return Outcome(document, article=self.process(document))
        except InputError as error:  # TimedOut included, when the limit lands between stages
            if error.where is None:
                error.where = document.origin
            return Outcome(document, error=error)
        except Exception as error:  # a bug in a stage must not stop a batch: report it with the document
            failed = StageFailed(f"{type(error).__name__}: {error}", document.origin)
            return Outcome(document, error=failed)

    def map(self, documents: Iterable[Document]) -> Iterator[Outcome]:
        for document in documents:
            yield self.run(document)


def check_language(article: Article, expected: str = "ru") -> Article:
    """Only Russian reaches the Russian models; anything else is rejected with its language named."""
    language = detect_language((article.title or "") + "\n" + article.text)
    if language not in (expected, UNKNOWN):
        raise WrongLanguage(f"document is in '{language}', not Russian: skipped", article.origin)
    return replace(article, language=language)
