"""HTML pages: main text without page furniture, Russian metadata read right, bad pages rejected."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from letopis.errors import BadRecord, EmptyInput, InputError, TooLarge, WrongLanguage
from letopis.ingest import html as html_reader
from letopis.ingest.html import check_nesting, extract_html, html_to_text
from letopis.ingest.metadata import parse_russian_date, strip_author_label
from letopis.record import Document

FIXTURES = Path(__file__).parent / "fixtures" / "html"
FIRST = "Правительство Японии выразило решительный протест"


def _read(name: str) -> Document:
    items = list(html_reader.read(FIXTURES / name))
    assert len(items) == 1
    assert isinstance(items[0], Document), items[0]
    return items[0]


def test_main_text_keeps_the_article_and_drops_page_furniture() -> None:
    doc = _read("ria-style.html")
    assert doc.text.startswith(FIRST)
    assert "Министр иностранных дел Японии заявил" in doc.text
    for junk in ("Главная", "erid", "купите квартиру", "Читайте также", "Все права защищены", "Опубликовано", "Автор:"):
        assert junk not in doc.text, junk
    assert doc.text.count("\n\n") == 2  # three paragraphs, blank-line separated
    assert doc.format == "html"


def test_metadata_title_site_canonical_url() -> None:
    doc = _read("ria-style.html")
    assert doc.title == "Япония выразила протест из-за визита министра обороны"
    assert doc.source == "Новости Мира"
    assert doc.url == "https://news.example.ru/world/20181205/japan-protest.html"
    assert doc.origin and doc.origin.endswith("ria-style.html")


def test_russian_publication_date_is_not_read_as_new_year() -> None:
    # trafilatura alone (htmldate) gives 2018-01-01 for this page (no date in the URL or markup).
    doc = _read("russian-date.html")
    assert doc.published == "2018-12-05"


def test_author_label_is_stripped() -> None:
    assert _read("russian-date.html").author == "Иван Петров"


@pytest.mark.parametrize("name", ["cp1251-says-utf8.html", "koi8r.html"])
def test_single_byte_pages_decode(name: str) -> None:
    doc = _read(name)
    assert doc.text.startswith(FIRST)
    assert doc.published == "2018-12-05"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Опубликовано: 5 декабря 2018 г.", "2018-12-05"),
        ("12 марта 2022, 14:05", "2022-03-12"),
        ("обновлено 01.02.2021 в 10:00", "2021-02-01"),
        ("2020-07-15T10:00:00+03:00", "2020-07-15"),
        ("3 сент. 2019", "2019-09-03"),
        ("31 февраля 2019", None),
        ("в декабре 2018 года", None),
    ],
)
def test_russian_dates(text: str, expected: str | None) -> None:
    assert parse_russian_date(text) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Автор: Иван Петров", "Иван Петров"), ("Автор Иван Петров", "Иван Петров"), ("Текст: Анна Смирнова", "Анна Смирнова"),
     ("Иван Петров", "Иван Петров"), ("Автор:", None), (None, None)],
)
def test_author_labels(raw: str | None, expected: str | None) -> None:
    assert strip_author_label(raw) == expected


def test_structured_date_wins_over_text() -> None:
    page = (FIXTURES / "russian-date.html").read_text(encoding="utf-8").replace(
        "</head>", '<meta property="article:published_time" content="2018-12-04T22:10:00+03:00"></head>'
    )
    assert extract_html(page).published == "2018-12-04"


def test_absurd_nesting_is_rejected_with_a_reason() -> None:
    page = "<html><body>" + "<div>" * 5000 + "<p>Текст</p>" + "</div>" * 5000 + "</body></html>"
    with pytest.raises(BadRecord, match="nests more than"):
        extract_html(page)
    check_nesting(b"<div>" * 100 + b"<p>" * 5000)  # unclosed <p> do not nest


def test_oversized_page_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_reader, "MAX_HTML_BYTES", 1000)
    with pytest.raises(TooLarge):
        extract_html((FIXTURES / "ria-style.html").read_bytes())


def test_page_without_text_is_empty_input() -> None:
    with pytest.raises(EmptyInput):
        extract_html("<html><head><title>Пусто</title></head><body><script>var a = 1;</script><img src='x.png'></body></html>")


def test_english_page_is_wrong_language(tmp_path: Path) -> None:
    page = tmp_path / "en.html"
    body = "<p>The government of Japan lodged a strong protest against the visit of the Russian defence minister.</p>" * 3
    page.write_text(f"<html><head><title>Protest</title></head><body><article>{body}</article></body></html>")
    (error,) = list(html_reader.read(page))
    assert isinstance(error, WrongLanguage)
    assert "'en'" in str(error)


def test_html_to_text_for_feed_descriptions() -> None:
    assert html_to_text("<p>Первый абзац.</p><p>Второй <b>абзац</b>.</p><script>x()</script>") == "Первый абзац.\n\nВторой абзац."
    assert html_to_text("Просто текст") == "Просто текст"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=600), st.text(max_size=600)))
def test_arbitrary_input_yields_a_document_or_input_error(data: bytes | str) -> None:
    try:
        doc = extract_html(data, timeout=None)
    except InputError:
        return
    assert doc.text.strip()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "Текст новости. ", "<table>", "<td>", "<!--", "-->", "<script>", "&amp;", "<"]), max_size=80))
def test_arbitrary_tag_soup_never_crashes(parts: list[str]) -> None:
    try:
        extract_html("<html><body>" + "".join(parts), timeout=None)
    except InputError:
        pass


@pytest.mark.parametrize(
    ("url", "expected"),
    [("https://ria.ru/20181205/1234.html", "2018-12-05"), ("https://tass.ru/2019/03/07/x", "2019-03-07"),
     ("https://lenta.ru/news/2020/02/30/x/", None), ("https://site.ru/news/123456", None)],
)
def test_dates_in_news_urls(url: str, expected: str | None) -> None:
    from letopis.ingest.metadata import url_date

    assert url_date(url) == expected
