"""Datelines: the newswire forms (text → city, day, month, year, agency, body start) and robustness."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from letopis.dateline import agency_name, parse_dateline
from letopis.errors import InputError

BODY = "Заместители глав МИД обсудили сотрудничество."


@pytest.mark.parametrize(
    ("dateline", "city", "day", "month", "year", "agency"),
    [
        ("Москва. 11 марта. INTERFAX.RU -", "Москва", 11, 3, None, "Интерфакс"),
        ("Москва. 11 марта. INTERFAX.RU —", "Москва", 11, 3, None, "Интерфакс"),
        ("МОСКВА, 11 мар — РИА Новости.", "Москва", 11, 3, None, "РИА Новости"),
        ("МОСКВА, 11 мар — РИА Новости, Мария Иванова.", "Москва", 11, 3, None, "РИА Новости"),
        ("ТАСС, 11 марта.", None, 11, 3, None, "ТАСС"),
        ("Минск, 5 декабря /Корр. БЕЛТА/.", "Минск", 5, 12, None, "БЕЛТА"),
        ("ВАШИНГТОН, 3 января. /ТАСС/.", "Вашингтон", 3, 1, None, "ТАСС"),
        ("НЬЮ-ЙОРК, 3 января /ТАСС/.", "Нью-Йорк", 3, 1, None, "ТАСС"),
        ("РОСТОВ-НА-ДОНУ, 3 января. /ТАСС/.", "Ростов-на-Дону", 3, 1, None, "ТАСС"),
        ("Астана. 5 марта. КАЗИНФОРМ -", "Астана", 5, 3, None, "Казинформ"),
        ("Бишкек, 5 марта /Кабар/.", "Бишкек", 5, 3, None, "Кабар"),
        ("Баку, 5 марта, Trend:", "Баку", 5, 3, None, "Trend"),
        ("Москва, 11 марта 2020 г. —", "Москва", 11, 3, 2020, None),
        ("МОСКВА, 11.03.2020 -", "Москва", 11, 3, 2020, None),
        ("11 марта 2020, 14:35 — REGNUM", None, 11, 3, 2020, "Регнум"),
        ("ЛОНДОН (Reuters) -", "Лондон", None, None, None, "Reuters"),
        ("Санкт-Петербург, 1 сентября — Sputnik.", "Санкт-Петербург", 1, 9, None, "Sputnik"),
    ],
)
def test_newswire_forms(
    dateline: str, city: str | None, day: int | None, month: int | None, year: int | None, agency: str | None
) -> None:
    paragraph = f"{dateline} {BODY}"
    parsed = parse_dateline(paragraph)
    assert parsed is not None
    record, end = parsed
    assert (record.city, record.day, record.month, record.year, record.agency) == (
        city,
        day,
        month,
        year,
        agency,
    )
    assert record.text == dateline
    assert paragraph[end:] == BODY


@pytest.mark.parametrize(
    "paragraph",
    [
        "Москва, 11 марта будет принят закон.",
        "Во вторник, 11 марта, Путин встретился с министрами.",
        "Путин заявил, что Россия готова к переговорам.",
        "ТАСС сообщил о задержании.",
        "Россия и Китай подписали соглашение 11 марта.",
        "",
        "   ",
    ],
)
def test_ordinary_sentences_are_not_datelines(paragraph: str) -> None:
    assert parse_dateline(paragraph) is None


def test_dateline_alone_in_its_paragraph() -> None:
    parsed = parse_dateline("Москва. 11 марта.")
    assert parsed is not None
    assert parsed[0].day == 11 and parsed[1] == len("Москва. 11 марта.")


def test_agency_names() -> None:
    assert agency_name("interfax.ru") == "Интерфакс"
    assert agency_name("ИТАР-ТАСС") == "ТАСС"
    assert agency_name("Газета") is None


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    parsed = parse_dateline(text)
    if parsed is not None:
        record, end = parsed
        assert 0 < end <= len(text)
        assert record.text and record.text in text


_PIECES = [
    "МОСКВА",
    "Москва",
    ",",
    ".",
    " ",
    "11",
    "31",
    "мар",
    "марта",
    "2020",
    "г.",
    "—",
    "-",
    "/ТАСС/",
    "(Reuters)",
    "INTERFAX.RU",
    "РИА Новости",
    "14:35",
    "/Корр.",
    "/",
]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=10))
def test_dateline_soup_never_raises(pieces: list[str]) -> None:
    text = "".join(pieces)
    parsed = parse_dateline(text)
    if parsed is not None and parsed[0].month is not None:
        assert 1 <= parsed[0].month <= 12


def test_non_text_is_an_input_error() -> None:
    with pytest.raises(InputError):
        parse_dateline(None)  # type: ignore[arg-type]
