"""The article stage: headline, dateline, paragraphs and published, on Articles built by hand."""

from __future__ import annotations

import pytest

from letopis.article import parse_article, split_paragraphs
from letopis.record import Article, Dateline

SEED = (
    "ЕС и страны Центральной Азии договорились сотрудничать в сфере безопасности\n\n"
    "Москва. 11 марта. INTERFAX.RU - Заместители глав МИД Казахстана, Киргизии в среду обсудили "
    "сотрудничество в сфере безопасности.\n\n"
    "В марте в Брюсселе, а в мае в Бишкеке пройдут встречи экспертов."
)


def article(text: str, published: str | None = None) -> Article:
    return Article(id="test", raw=text, doc_id="test", text=text, published=published)


def test_seed_article() -> None:
    parsed = parse_article(article(SEED))
    assert parsed.headline == "ЕС и страны Центральной Азии договорились сотрудничать в сфере безопасности"
    assert parsed.dateline == Dateline(
        text="Москва. 11 марта. INTERFAX.RU -", city="Москва", day=11, month=3, year=None, agency="Интерфакс"
    )
    assert len(parsed.paragraphs) == 2
    assert parsed.paragraphs[0].startswith("Москва. 11 марта. INTERFAX.RU - Заместители")
    assert parsed.text == SEED  # the dateline is metadata: the clean text keeps every word


def test_year_is_never_guessed() -> None:
    """A dateline with day and month but no year leaves published unknown, day and month set."""
    parsed = parse_article(article(SEED))
    assert parsed.published is None
    assert parsed.dateline is not None and (parsed.dateline.month, parsed.dateline.day) == (3, 11)


def test_published_as_given_wins() -> None:
    parsed = parse_article(article(SEED, published="2020-03-11T10:00:00+03:00"))
    assert parsed.published == "2020-03-11T10:00:00+03:00"


def test_published_from_a_dateline_with_a_year() -> None:
    text = "Заголовок новости\n\nМосква, 11 марта 2020 г. — Президент подписал указ."
    assert parse_article(article(text)).published == "2020-03-11"


def test_impossible_dateline_date_is_not_published() -> None:
    text = "МОСКВА, 31 февраля 2020 г. — Президент подписал указ."
    parsed = parse_article(article(text))
    assert parsed.published is None


def test_dateline_without_headline() -> None:
    text = "МОСКВА, 11 мар — РИА Новости. Президент подписал указ.\n\nВторой абзац."
    parsed = parse_article(article(text))
    assert parsed.headline is None
    assert parsed.dateline is not None and parsed.dateline.agency == "РИА Новости"
    assert parsed.paragraphs == ("МОСКВА, 11 мар — РИА Новости. Президент подписал указ.", "Второй абзац.")


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Так кто кому должен?\n\nМинск считает, что Москва задолжала ему.", "Так кто кому должен?"),
        ("НАТО уходит из Афганистана.\n\nСтраны альянса договорились.", None),  # a sentence, not a title
        ("Одна строка без точки", None),  # nothing follows: a one-paragraph note has no headline
        ("«Газпром» ограничит поставки\n\nНакануне глава компании заявил.", "«Газпром» ограничит поставки"),
        ("В Мьянме выпущена Су Чжи, " + "и это длинное вступление " * 12 + "\n\nТекст.", None),
    ],
)
def test_headline(text: str, headline: str | None) -> None:
    assert parse_article(article(text)).headline == headline


def test_paragraphs_split_on_lines_when_there_are_no_blank_lines() -> None:
    assert split_paragraphs("Первая строка.\nВторая строка.\n") == ("Первая строка.", "Вторая строка.")
    assert split_paragraphs("Абзац один\nпродолжение.\n\n  \nАбзац два.") == (
        "Абзац один\nпродолжение.",
        "Абзац два.",
    )


def test_empty_text() -> None:
    parsed = parse_article(article(""))
    assert (parsed.headline, parsed.dateline, parsed.paragraphs) == (None, None, ())
