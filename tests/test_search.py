"""Morphology-aware search: inflected forms, phrases, expansion, filters, snippets."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from conftest import FIXTURES, read_jsonl

from letopis.record import Document, Event, EventType, Modality
from letopis.search import SearchFilters, make_snippet, parse_query, search
from letopis.store import open_store


def gold_events(doc_id: str, article_text: str) -> tuple[Event, ...]:
    """Dev gold events stand in while the extractor is a placeholder, located by their evidence."""
    events = []
    for record in read_jsonl(FIXTURES / "events" / "dev.events.jsonl"):
        if record["doc_id"] != doc_id:
            continue
        evidence = record["evidence"][0] if isinstance(record["evidence"], list) else record["evidence"]
        start = article_text.find(evidence)
        events.append(
            Event(doc_id=doc_id, type=EventType(record["type"]), sources=tuple(record["sources"]),
                  targets=tuple(record["targets"]), location=None, date=record["date"],
                  modality=Modality(record["modality"]), evidence=evidence, confidence=0.9,
                  evidence_start=start, evidence_stop=start + len(evidence) if start >= 0 else -1)
        )  # fmt: skip
    return tuple(events)


def build_store(pipeline, path, extra: list[Document] = (), dev_docs: int = 6):  # type: ignore[no-untyped-def]
    """A store made by the real pipeline over the seed article and a few dev documents."""
    store = open_store(path)
    seed = (FIXTURES.parent.parent / "examples" / "interfax-eu-central-asia.txt").read_text(encoding="utf-8")
    documents = [Document(text=seed, id="seed", published="2015-03-11", source="interfax.ru")]
    for record in read_jsonl(FIXTURES / "events" / "dev.docs.jsonl")[:dev_docs]:
        documents.append(Document(text=record["text"], id=record["id"], published=record.get("published"), source=record.get("source")))
    for document in [*documents, *extra]:
        article = pipeline.process(document)
        if not article.events:
            article = replace(article, events=gold_events(article.doc_id, article.text))
        store.save_article(article)
    return store


@pytest.fixture(scope="module")
def store(pipeline, tmp_path_factory):  # type: ignore[no-untyped-def]
    store = build_store(pipeline, tmp_path_factory.mktemp("search") / "store.db")
    yield store
    store.close()


def test_an_inflected_form_finds_the_document(store) -> None:  # type: ignore[no-untyped-def]
    for query in ("Казахстана", "Казахстан", "казахстаном"):
        page = search(store, query)
        assert [hit.doc_id for hit in page.hits] == ["seed"], query


def test_a_word_absent_from_every_document_finds_nothing(store) -> None:  # type: ignore[no-untyped-def]
    assert search(store, "гиппопотам").total == 0


def test_a_quoted_phrase_must_be_contiguous(store) -> None:  # type: ignore[no-untyped-def]
    assert search(store, '"Центральной Азии"').total == 1
    assert search(store, '"Азии Центральной"').total == 0


def test_expand_turns_an_adjective_into_its_country(store) -> None:  # type: ignore[no-untyped-def]
    assert search(store, "казахстанский").total == 0
    assert [hit.doc_id for hit in search(store, "казахстанский", expand=True).hits] == ["seed"]


def test_filters_narrow_by_event_actor_type_and_date(store) -> None:  # type: ignore[no-untyped-def]
    everything = search(store, "")
    assert everything.total == 7
    japan = search(store, "", SearchFilters(actor="JPN"))
    assert "factru-261" in {hit.doc_id for hit in japan.hits} and japan.total < everything.total
    assert search(store, "", SearchFilters(actor="JPN", event_type="ASSAULT")).total < japan.total + 1
    assert search(store, "", SearchFilters(date_from="2100-01-01")).total == 0
    assert search(store, "Азия", SearchFilters(source="interfax.ru")).total == 1


def test_snippet_marks_the_inflected_words() -> None:
    text = "Вчера в Астане. Президент Казахстана встретился с главой МИД Казахстану неизвестного."
    snippet = make_snippet(text, parse_query("Казахстан").lemmas)
    marked = [snippet.text[start:stop] for start, stop in snippet.highlights]
    assert marked == ["Казахстана", "Казахстану"]


def test_ambiguous_words_keep_every_reading() -> None:
    forms = parse_query("стали").clauses[0][0]
    assert "стать" in forms and "сталь" in forms


def test_query_syntax_never_breaks_the_index(store) -> None:  # type: ignore[no-untyped-def]
    for query in ('"', "AND OR NOT", "* ^ (", 'NEAR("a" "b")', "-", "ё"):
        search(store, query)


def test_unknown_sort_is_refused(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="sort must be one of"):
        search(store, "x", sort="random")


def test_json_of_a_page_is_plain_data(store) -> None:  # type: ignore[no-untyped-def]
    hit = search(store, "Ташкент").hits[0]
    json.dumps([hit.snippet.text, hit.snippet.highlights])
