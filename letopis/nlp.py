"""Sentences, tokens, morphology, syntax and named entities, with natasha/slovnet.

The models load once per process (`NLP()`), then `map` runs them over articles in batches,
as slovnet's `load` then `map` intends.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from .normalize import parse_tolerant
from .record import Article, Sentence, Span, Token

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__all__ = ["NLP", "get_nlp"]

LEMMA_CACHE_SIZE = 500_000  # (word, POS, features) keys; about 100 MB at the cap

REQUIRES = ("text",)
ASSIGNS = ("sentences", "spans")


class NLP:
    """natasha's segmenter, morphology tagger, syntax parser and NER tagger, loaded once."""

    def __init__(self) -> None:
        from natasha import (
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
            Segmenter,
        )

        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.morph_tagger = NewsMorphTagger(embedding)
        self.syntax_parser = NewsSyntaxParser(embedding)
        self.ner_tagger = NewsNERTagger(embedding)
        self.morph_vocab = _morph_vocab()
        # Lemmas depend only on (word, POS, features): news repeats them, and the dictionary
        # lookup was a quarter of the pipeline's time before this cache.
        self._lemmas: dict[tuple[str, str, tuple[tuple[str, str], ...]], str] = {}

    def __call__(self, article: Article) -> Article:
        return next(iter(self.map([article])))

    def map(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self._annotate(article)

    def _annotate(self, article: Article) -> Article:
        from natasha import Doc

        doc = Doc(article.text)
        doc.segment(self.segmenter)
        split_sentences_at_lines(doc)
        doc.tag_morph(self.morph_tagger)
        doc.parse_syntax(self.syntax_parser)
        doc.tag_ner(self.ner_tagger)
        sentences = []
        for sent in doc.sents:
            index = {token.id: i for i, token in enumerate(sent.tokens)}
            tokens = []
            for token in sent.tokens:
                feats = tuple(sorted((token.feats or {}).items()))
                key = (token.text, token.pos or "X", feats)
                lemma = self._lemmas.get(key)
                if lemma is None:
                    token.lemmatize(self.morph_vocab)
                    lemma = token.lemma or token.text.lower()
                    if len(self._lemmas) < LEMMA_CACHE_SIZE:
                        self._lemmas[key] = lemma
                token.lemma = lemma  # span normalization reads it
                tokens.append(
                    Token(
                        text=token.text,
                        start=token.start,
                        stop=token.stop,
                        lemma=lemma,
                        pos=key[1],
                        feats=feats,
                        head=index.get(token.head_id, -1),
                        rel=token.rel or "",
                    )
                )
            sentences.append(Sentence(text=sent.text, start=sent.start, stop=sent.stop, tokens=tuple(tokens)))
        spans: list[Span] = []
        for span in doc.spans:
            span.normalize(self.morph_vocab)
            spans.extend(split_at_lines(Span(span.text, span.start, span.stop, span.type, span.normal or "")))
        return replace(article, sentences=tuple(sentences), spans=tuple(spans))


def split_sentences_at_lines(doc: Any) -> None:
    """A line break ends a sentence (a headline, a caption, a paragraph without final punctuation).

    razdel joins such lines into one sentence, and the parser then hangs one line's subject on the
    other line's verb; cutting them first keeps every clause in its own tree.
    """
    from natasha.doc import DocSent

    sentences = []
    for sent in doc.sents:
        if "\n" not in sent.text.strip():
            sentences.append(sent)
            continue
        offset = sent.start
        for line in sent.text.split("\n"):
            body = line.strip()
            if body:
                start = offset + line.index(body)
                sentences.append(DocSent(start, start + len(body), body))
            offset += len(line) + 1
    if len(sentences) != len(doc.sents):
        doc.sents = sentences
        doc.envelop_sent_tokens()


def split_at_lines(span: Span) -> list[Span]:
    """A name never runs across a line break (headline, caption): the tagger's span is cut there.

    The pieces get no normal form of their own, so the entity stage normalizes them itself.
    """
    if "\n" not in span.text:
        return [span]
    pieces = []
    offset = 0
    for line in span.text.split("\n"):
        word = line.strip(" \t'\"«»-—.,:;")
        if any(ch.isalpha() for ch in word):
            start = span.start + offset + line.index(word)
            pieces.append(Span(word, start, start + len(word), span.type, ""))
        offset += len(line) + 1
    return pieces


@lru_cache(maxsize=1)
def get_nlp() -> NLP:
    """The process-wide NLP models: loaded on first use, then shared."""
    return NLP()


def _morph_vocab() -> Any:
    """natasha's MorphVocab, safe for letters with no Unicode name (see normalize.parse_tolerant)."""
    from natasha import MorphVocab

    class Vocab(MorphVocab):  # type: ignore[misc]
        def parse(self, word: str) -> Any:
            return parse_tolerant(lambda w: MorphVocab.parse(self, w), word)

        __call__ = parse

    return Vocab()
