"""Readers and the dispatcher: every bad input becomes an error naming the file (and line)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from letopis.errors import BadRecord, BinaryInput, EmptyInput, EncodingProblem, InputError, TooLarge
from letopis.ingest import iter_documents, sniff
from letopis.record import Document


def read(path: Path, **options) -> list[Document | InputError]:
    return list(iter_documents(path, **options))


def test_text_file_is_one_document(tmp_path: Path) -> None:
    file = tmp_path / "news.txt"
    file.write_text("\ufeffМосква. 11 марта. INTERFAX.RU - Текст.", encoding="utf-8")
    [document] = read(file, published="2020-03-11", source="interfax.ru")
    assert isinstance(document, Document)
    assert document.text.startswith("Москва")  # the BOM is not text
    assert (document.origin, document.published, document.source) == (str(file), "2020-03-11", "interfax.ru")


def test_sidecar_gives_a_text_file_its_metadata(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Текст новости.", encoding="utf-8")
    (tmp_path / "story.meta.json").write_text('{"id": "s-1", "published": "2020-03-11"}', encoding="utf-8")
    [document] = read(tmp_path, published="1999-01-01")
    assert isinstance(document, Document)
    assert (document.id, document.published) == ("s-1", "2020-03-11")  # the input's own date wins


def test_jsonl_records_carry_file_and_line(tmp_path: Path) -> None:
    file = tmp_path / "docs.jsonl"
    file.write_text(
        '{"id": "a", "text": "Один.", "published": "2020-01-02", "source": "x.ru", "url": "http://x.ru/1"}\n'
        "{broken\n\n"
        '{"id": 7, "text": "Два."}\n'
        '{"id": "no-text"}\n',
        encoding="utf-8",
    )
    items = read(file)
    assert [type(item).__name__ for item in items] == ["Document", "BadRecord", "Document", "BadRecord"]
    first, broken, second, missing = items
    assert isinstance(first, Document) and first.url == "http://x.ru/1" and first.origin == f"{file}:1"
    assert isinstance(broken, BadRecord) and broken.where == f"{file}:2"
    assert isinstance(second, Document) and second.id == "7" and second.origin == f"{file}:4"
    assert "'text'" in str(missing) and str(missing).startswith(f"{file}:5")


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", EmptyInput),
        (b"  \n\n ", EmptyInput),
        (b"\x00\x01\x02\x03binary" * 20, BinaryInput),
        (b"%PDF-1.4 ...", BinaryInput),
        ("Москва сообщила о переговорах министров".encode("cp1251"), EncodingProblem),
    ],
)
def test_bad_files_are_errors_naming_the_file(tmp_path: Path, content: bytes, error: type[InputError]) -> None:
    file = tmp_path / "bad.txt"
    file.write_bytes(content)
    [item] = read(file)
    assert isinstance(item, error)
    assert str(item).startswith(str(file))


def test_cp1251_message_says_what_it_looks_like(tmp_path: Path) -> None:
    file = tmp_path / "cp.txt"
    file.write_bytes("Заместители глав МИД Казахстана и Киргизии обсудили безопасность".encode("cp1251"))
    [item] = read(file)
    assert "UTF-8" in str(item) and "iconv" in str(item)


def test_too_large_text_is_rejected_without_reading_it(tmp_path: Path) -> None:
    file = tmp_path / "big.txt"
    file.write_bytes(b"a" * 20_000_000)
    [item] = read(file)
    assert isinstance(item, TooLarge)
    assert "20.0 MB" in str(item) and "10.0 MB" in str(item)
    [small_cap] = read(tmp_path / "big.txt", max_bytes=1000)
    assert isinstance(small_cap, TooLarge)


def test_too_large_jsonl_line_names_the_line(tmp_path: Path) -> None:
    file = tmp_path / "docs.jsonl"
    file.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "Короткий."}) + "\n", encoding="utf-8")
    big, small = read(file, max_bytes=1000)
    assert isinstance(big, TooLarge) and big.where == f"{file}:1"
    assert isinstance(small, Document)


def test_folder_is_walked_in_order_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Два.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("Один.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Скрытый.", encoding="utf-8")
    assert [item.text for item in read(tmp_path) if isinstance(item, Document)] == ["Один.", "Два."]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("page.txt", b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("page.dat", b"  <html lang='ru'><head>", "html"),
        ("feed.xml", b"<?xml version='1.0'?><rss version='2.0'><channel>", "rss"),
        ("atom.txt", b"<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>", "rss"),
        ("crawl.bin", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        ("crawl.warc.gz", gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n"), "warc"),
        ("docs.txt", b'{"id": "a", "text": "x"}\n', "jsonl"),
        ("table.csv", b"id,text\n1,x\n", "csv"),
        ("news.txt", "Москва. Текст.".encode(), "text"),
        ("curly.txt", "{не JSON} а текст".encode(), "text"),
    ],
)
def test_sniffing_looks_at_content_first(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    file = tmp_path / name
    file.write_bytes(content)
    assert sniff(file) == expected


def test_format_flag_overrides_sniffing(tmp_path: Path) -> None:
    file = tmp_path / "docs.jsonl"
    file.write_text('{"text": "x"}\n', encoding="utf-8")
    [document] = read(file, format="text")
    assert isinstance(document, Document) and document.text == '{"text": "x"}\n'


def test_folder_walk_skips_non_document_files_but_a_named_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "news.txt").write_text("Новость.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# Notes", encoding="utf-8")
    (tmp_path / "page").write_text("Страница без расширения.", encoding="utf-8")
    assert sorted(item.text for item in read(tmp_path) if isinstance(item, Document)) == ["Новость.", "Страница без расширения."]
    [named] = read(tmp_path / "README.md")
    assert isinstance(named, Document)
