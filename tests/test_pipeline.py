"""The pipeline as a whole: a failing stage is reported with its document, and known crashers stay fixed."""

from __future__ import annotations

from conftest import FIXTURES

from letopis.errors import StageFailed
from letopis.pipeline import Pipeline
from letopis.record import Article, Document

REGRESSIONS = FIXTURES / "regressions"


class BrokenNLP:
    """Stands in for a model that fails on one document, to exercise the batch's failure path."""

    def __call__(self, article: Article) -> Article:
        raise ValueError("tagger failed on this input")


def test_a_failing_stage_becomes_an_outcome_naming_the_document() -> None:
    pipeline = Pipeline(nlp=BrokenNLP())  # type: ignore[arg-type]
    outcome = pipeline.run(Document(text="Президент России провел переговоры.", origin="news.jsonl:7"))
    assert outcome.article is None
    assert isinstance(outcome.error, StageFailed)
    assert outcome.error.code == "internal"
    assert str(outcome.error) == "news.jsonl:7: ValueError: tagger failed on this input"


def test_documents_that_once_crashed_a_stage_now_process(pipeline) -> None:  # type: ignore[no-untyped-def]
    for path in sorted(REGRESSIONS.glob("*.txt")):
        outcome = pipeline.run(Document(text=path.read_text(encoding="utf-8"), origin=str(path)))
        assert outcome.error is None, outcome.error
        assert outcome.article is not None and outcome.article.entities
