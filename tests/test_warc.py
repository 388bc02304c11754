"""WARC archives: HTML and feed responses become documents, located by record offset."""

from __future__ import annotations

from pathlib import Path

from letopis.errors import InputError
from letopis.ingest import warc
from letopis.record import Document

HTML = Path(__file__).parent / "fixtures" / "html"


def _write(path: Path, compress: bool) -> list[int]:
    page = (HTML / "russian-date.html").read_bytes()
    offsets = []
    with path.open("wb") as out:
        for url, body, kind in [
            ("https://a.example.ru/1", page, "text/html; charset=utf-8"),
            ("https://a.example.ru/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png"),
            ("https://b.example.ru/2", page.decode().replace("«", '"').replace("»", '"').encode("cp1251"), "text/html; charset=windows-1251"),
            ("https://a.example.ru/rss", (Path(__file__).parent / "fixtures" / "feeds" / "atom.xml").read_bytes(), "application/atom+xml"),
            ("https://c.example.ru/empty", b"<html><body></body></html>", "text/html"),
        ]:
            offsets.append(out.tell())
            warc.write_record(out, url, body, content_type=kind, compress=compress)
    return offsets


def _check(path: Path, offsets: list[int]) -> None:
    items = list(warc.read(path))
    docs = [item for item in items if isinstance(item, Document)]
    errors = [item for item in items if isinstance(item, InputError)]
    assert len(docs) == 3  # two pages and the feed's entry; the PNG is skipped
    assert docs[0].text == docs[1].text and docs[0].text.startswith("Правительство Японии")
    assert docs[0].published == "2018-12-05"
    assert docs[0].format == "html" and docs[2].format == "rss"
    assert docs[0].origin == f"{path}@{offsets[0]}"
    assert docs[1].origin == f"{path}@{offsets[2]}"
    assert len(errors) == 1 and errors[0].where == f"{path}@{offsets[4]}"


def test_gzipped_warc(tmp_path: Path) -> None:
    path = tmp_path / "news.warc.gz"
    _check(path, _write(path, compress=True))


def test_plain_warc(tmp_path: Path) -> None:
    path = tmp_path / "news.warc"
    _check(path, _write(path, compress=False))


def test_truncated_warc_does_not_raise(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    _write(path, compress=True)
    path.write_bytes(path.read_bytes()[:900])
    for item in warc.read(path):
        assert isinstance(item, Document | InputError)
