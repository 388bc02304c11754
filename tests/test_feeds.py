"""RSS and Atom: one document per item, with the item's own date, link and plain text."""

from __future__ import annotations

from pathlib import Path

from letopis.errors import EmptyInput, UnsupportedFormat, WrongLanguage
from letopis.ingest import feeds
from letopis.record import Document

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"


def test_rss_items_become_documents_with_their_own_date_and_link() -> None:
    items = list(feeds.read(FIXTURES / "rss.xml"))
    assert len(items) == 4
    first, second, english, empty = items
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == (
        "Правительство Японии выразило решительный протест против визита российского министра обороны."
        "\n\nЧетыре острова отошли к СССР после Второй мировой войны."
    )  # full content preferred over the description, HTML stripped
    assert first.published == "2018-12-05"
    assert first.url == "https://news.example.ru/world/japan-protest.html"
    assert first.title == "Япония выразила протест"
    assert first.source == "Новости Мира"
    assert first.format == "rss"
    assert first.origin and first.origin.endswith("rss.xml:record-1")
    assert second.published == "2018-12-06"  # a Russian pubDate feedparser cannot read
    assert second.url == "https://news.example.ru/world/kurils-talks.html"
    assert isinstance(english, WrongLanguage)
    assert isinstance(empty, EmptyInput) and empty.where and empty.where.endswith("record-4")


def test_atom_entry() -> None:
    (entry,) = list(feeds.read(FIXTURES / "atom.xml"))
    assert isinstance(entry, Document)
    assert entry.published == "2021-03-11"
    assert entry.author == "Анна Смирнова"
    assert entry.url == "https://sever.example.ru/news/1"
    assert entry.text.startswith("Губернатор области встретился")


def test_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "x.rss"
    path.write_bytes(b"\x00\x01 this is not xml at all <<<")
    (error,) = list(feeds.read(path))
    assert isinstance(error, UnsupportedFormat | EmptyInput)
