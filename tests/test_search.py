"""Morphology-aware search: inflected forms, phrases, expansion, filters, snippets."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, postgres_store, read_jsonl

from letopis.record import Document
from letopis.search import SearchFilters, make_snippet, parse_query, search
from letopis.store import open_store


def build_store(pipeline, path, extra: list[Document] = (), dev_docs: int = 6):  # type: ignore[no-untyped-def]
    """A store made by the real pipeline over the seed article and a few dev documents."""
    return fill_store(open_store(path), pipeline, extra, dev_docs)


def fill_store(store, pipeline, extra: list[Document] = (), dev_docs: int = 6):  # type: ignore[no-untyped-def]
    seed = (FIXTURES.parent.parent / "examples" / "interfax-eu-central-asia.txt").read_text(encoding="utf-8")
    documents = [Document(text=seed, id="seed", published="2015-03-11", source="interfax.ru")]
    for record in read_jsonl(FIXTURES / "events" / "dev.docs.jsonl")[:dev_docs]:
        documents.append(Document(text=record["text"], id=record["id"], published=record.get("published"), source=record.get("source")))
    for document in [*documents, *extra]:
        store.save_article(pipeline.process(document))
    return store


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request, pipeline, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The same searches on both back ends: SQLite FTS5 and PostgreSQL's tsvector + GIN."""
    if request.param == "sqlite":
        store = build_store(pipeline, tmp_path_factory.mktemp("search") / "store.db")
        yield store
        store.close()
    else:
        for store in postgres_store():
            yield fill_store(store, pipeline)


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
