"""CSV/JSONL corpora with column mapping, and language detection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from letopis.errors import BadRecord, EmptyInput, TooLarge, WrongLanguage
from letopis.ingest import corpus
from letopis.ingest.language import detect_language
from letopis.record import Document

RU = "Правительство Японии выразило решительный протест против визита российского министра обороны."


def test_csv_in_cp1251_with_semicolons_and_auto_mapping(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_bytes(f'doc_id;body;pubdate;headline\n7;"{RU}";5 декабря 2018;Протест\n8;;2018-01-02;Пусто\n'.encode("cp1251"))
    first, second = list(corpus.read(path))
    assert isinstance(first, Document)
    assert (first.id, first.text, first.published, first.title, first.format) == ("7", RU, "2018-12-05", "Протест", "csv")
    assert isinstance(second, EmptyInput) and second.where == f"{path}:record-2"


def test_jsonl_with_explicit_mapping_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    rows = [json.dumps({"key": "a1", "article_body": RU, "when": "2020-07-15T10:00:00"}, ensure_ascii=False), "{broken", "[1, 2]",
            json.dumps({"key": "a2", "text": RU})]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = list(corpus.read(path, text_field="article_body", date_field="when", id_field="key"))
    assert isinstance(items[0], Document) and (items[0].id, items[0].published) == ("a1", "2020-07-15")
    assert isinstance(items[1], BadRecord) and items[1].where == f"{path}:2"  # JSONL names lines, as the plain reader does
    assert isinstance(items[2], BadRecord)
    assert isinstance(items[3], BadRecord) and "article_body" in items[3].message  # mapped field missing


def test_non_russian_rows_are_rejected_naming_the_language(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    text = "Уряд Японії висловив рішучий протест проти візиту російського міністра оборони до Курильських островів."
    path.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    (error,) = list(corpus.read(path))
    assert isinstance(error, WrongLanguage) and "'uk'" in error.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (RU, "ru"),
        ("Уряд Японії висловив рішучий протест проти візиту російського міністра оборони.", "uk"),
        ("Урад Японіі выказаў рашучы пратэст супраць візіту расійскага міністра абароны.", "be"),
        ("Правителството на Япония изрази решителен протест срещу посещението на руския министър на отбраната, "
         "който е посетил южните Курилски острови, които и Япония, и Русия смятат за свои. Това е важно за тъй "
         "наречените Северни територии, които са част от сърцето на спора между двете държави от дълго време.", "bg"),
        ("The government of Japan lodged a strong protest against the visit of the defence minister.", "en"),
        ("Да", "unknown"),
        ("Россия и Украина (Україна) провели переговоры в Стамбуле; делегации обсудили обмен пленными.", "ru"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_mapped_jsonl_rejects_an_oversized_line_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    rows = [json.dumps({"body": "Москва " * 5000}, ensure_ascii=False), json.dumps({"body": RU}, ensure_ascii=False)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    first, second = list(corpus.read(path, text_field="body", max_bytes=2000))
    assert isinstance(first, TooLarge) and first.where == f"{path}:1"
    assert isinstance(second, Document) and second.text == RU
