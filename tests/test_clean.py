"""The clean stage: junk lines go, every content sentence stays, text is normalized."""

from __future__ import annotations

import re
import sys

import pytest
from conftest import FIXTURES, ROOT, read_jsonl
from hypothesis import given, settings
from hypothesis import strategies as st

from letopis.clean import (
    clean,
    clean_text,
    load_nav_words,
    load_patterns,
    normalize_spaces,
    normalize_typography,
    rule_lines,
    score_line,
)
from letopis.errors import InputError
from letopis.junk_model import FEATURES, load_weights
from letopis.pipeline import prepare
from letopis.record import Document

sys.path.insert(0, str(ROOT / "bench"))
from bench_clean import score_document  # noqa: E402

# Measured on tests/fixtures/text-junk (15 docs, 122 content and 55 junk lines): 1.000 / 1.000 / 1.000.
# Floors sit a little below so one new pattern cannot silently cost content; raising one is a commit.
CONTENT_KEPT_FLOOR = 0.99
JUNK_PRECISION_FLOOR = 0.97
JUNK_RECALL_FLOOR = 0.96
# Our own held-out-style sets (junk in wordings written apart from the patterns; see DATA.md), as
# (content kept, junk precision, junk recall) floors. Measured: A (30 docs, 280 content / 203 junk lines)
# 1.000 / 1.000 / 1.000 after tuning (0.996 / 0.991 / 0.552 before); B (20 docs, written after the A
# round) 1.000 / 1.000 / 0.992 after its own round (0.989 / 0.976 / 0.656 before it).
# Set C (20 docs, 166 content / 122 junk lines, other sites and CMSs) is never tuned on: before the line
# model 1.000 / 1.000 / 0.779, with it 1.000 / 1.000 / 0.885. A with the model: 0.996 / 0.995 / 1.000.
SYNTHETIC_FLOORS = {
    "synthetic_heldout.jsonl": (0.99, 0.97, 0.95),
    "synthetic_heldout_b.jsonl": (0.99, 0.97, 0.94),
    "synthetic_heldout_c.jsonl": (0.99, 0.97, 0.85),
}


def _norm(text: str) -> str:
    return normalize_typography(normalize_spaces(text))


def _paragraphs(text: str) -> list[str]:
    return clean_text(text).text.split("\n\n")


# --- the seed -------------------------------------------------------------------------------------


def test_seed_keeps_last_sentence_and_drops_ad_script(seed_text: str) -> None:
    result = clean_text(seed_text)
    assert "Первое заседание этого диалога состоялось в 2013 году в Брюсселе." in result.text
    assert "yaContextCb" not in result.text and "adfox" not in result.text
    assert len(result.removed) == 1 and result.removed[0].startswith("window.yaContextCb.push(")


def test_seed_headline_is_its_own_first_paragraph(seed_text: str) -> None:
    paragraphs = _paragraphs(seed_text)
    assert paragraphs[0] == "ЕС и страны Центральной Азии договорились сотрудничать в сфере безопасности"
    assert len(paragraphs) == 7
    assert paragraphs[1].startswith("Москва. 11 марта. INTERFAX.RU — Заместители глав МИД")


def test_clean_fills_article_layers(seed_text: str) -> None:
    article = clean(prepare(Document(text=seed_text, id="seed")))
    assert article.text == clean_text(seed_text).text
    assert article.removed and article.raw == seed_text


# --- per-pattern case tables ----------------------------------------------------------------------

JUNK_LINES = [
    # ad and analytics scripts
    "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1234567890-0'); });",
    "document.write('<script src=\"//ads.adfox.ru/123/prepareCode?pp=g\"></script>');",
    "window.yaContextCb.push(()=>{ Ya.Context.AdvManager.render({ renderTo: 'yandex_rtb_R-A-1-2', blockId: 'R-A-1-2' }) })",
    "(adsbygoogle = window.adsbygoogle || []).push({});",
    'ym(12345678, "init", { clickmap:true, trackLinks:true });',
    '<iframe src="https://www.youtube.com/embed/xyz" width="560" height="315"></iframe>',
    '{"@context":"https://schema.org","@type":"NewsArticle","headline":"Тест"}',
    # related links
    "Читайте также — Минтранс изменит требования к такси",
    "Смотрите также: Курс доллара упал ниже 90 рублей",
    "По теме: В Петербурге развели мосты раньше срока",
    "Самое популярное за неделю",
    "Новости партнеров",
    "Все новости о спецоперации — в нашем сюжете",
    # subscribe prompts
    "Подписывайтесь на нас в Дзене",
    "Следите за новостями в Telegram: https://t.me/live_5272",
    "Все самое важное — в нашем Telegram-канале @news",
    "Еще больше новостей — в Telegram-канале «Известий»",
    "Мы в соцсетях: ВКонтакте, Одноклассники, Telegram",
    # share widgets
    "Поделиться в соцсетях",
    "Поделиться: ВКонтакте Одноклассники Telegram WhatsApp Скопировать ссылку",
    "ВКонтакте",
    # photo credits
    "Фото: AP",
    "Иллюстрация: Shutterstock",
    "© РИА Новости / Михаил Джапаридзе",
    "Фото из открытых источников",
    "Источник изображения: Wikimedia Commons",
    # cookie notices
    "Мы применяем куки для аналитики и персонализации. Согласен",
    "Этот сайт использует cookie-файлы. Оставаясь на сайте, вы даёте согласие на их обработку.",
    "На сайте используются файлы cookie. Продолжая просмотр, вы соглашаетесь с их использованием.",
    # breadcrumbs and menus
    "Главная | Происшествия | Москва",
    "Новости / Мир / Политика",
    "Главная → Происшествия",
    "Новости Политика Экономика Общество Происшествия Спорт",
    # copyright and legal lines
    "Использование материалов разрешено только с предварительного согласия правообладателей.",
    "© 2011. Все права защищены. Перепечатка материалов только с разрешения редакции.",
    "Полное или частичное копирование материалов запрещено.",
    "При цитировании ссылка на источник обязательна.",
    "18+",
    # ad labels
    "Реклама",
    "erid: 2Vtzq64848",
    "Реклама. ООО «Ромашка», ИНН 7701234567",
    # comments, navigation, page furniture
    "Комментарии (0)",
    "Нашли опечатку? Выделите текст и нажмите Ctrl+Enter",
    "Наверх",
    "Вернуться к списку новостей",
    "Теги: политика, Россия, Украина",
    "Время чтения: 3 минуты",
    "***",
]

CONTENT_LINES = [
    # hard negatives: content sentences about the things junk talks about
    "Разработчики переписали интерфейс приложения на JavaScript, что ускорило загрузку страниц вдвое.",
    "Губернатор сообщил об этом в Telegram, добавив, что ситуация находится под контролем.",
    "Суд обязал оператора удалить данные, собранные с помощью cookie-файлов без согласия пользователей.",
    "Как пишет издание, фото с места происшествия быстро распространились в социальных сетях.",
    "Мужчины находятся под подпиской о невыезде.",
    "Роскомнадзор заблокировал более 100 Telegram-каналов за месяц.",
    "Депутат предложил запретить рекламу азартных игр в интернете.",
    "Компания объявила, что перестанет использовать сторонние cookie в браузере Chrome к 2025 году.",
    "Подписание соглашения состоится в пятницу в Минске.",
    "«Читайте Конституцию», — посоветовал депутат журналистам.",
    "Ранее он заявлял, что не собирается уходить в отставку.",
    "Вернуться к переговорам стороны договорились в мае.",
    "Источник в правительстве сообщил, что Хамдалла не поладил с двумя вице-премьерами.",
    "Мы используем все доступные средства, чтобы найти пропавших.",
    # headlines and captions: short, no final punctuation, still content
    "Солдаты НАТО в Кандагаре",
    "Эмблема ООН",
    "Мин Си на Неделе моды в Париже, 2019 год",
    "Грозовые тучи в районе Чесапикского залива, штат Мэриленд, США",
    "Главная площадь города",
]


@pytest.mark.parametrize("line", JUNK_LINES)
def test_junk_line_is_removed(line: str) -> None:
    text = f"Заголовок новости\n\n{line}\n\nПервое предложение статьи осталось на месте."
    result = clean_text(text)
    assert _paragraphs(text) == ["Заголовок новости", "Первое предложение статьи осталось на месте."]
    assert result.removed == (normalize_spaces(line),)


@pytest.mark.parametrize("line", CONTENT_LINES)
def test_content_line_stays(line: str) -> None:
    assert not score_line(line).junk
    assert _norm(line) in _paragraphs(f"Заголовок\n\n{line}\n\nПоследнее предложение.")


def test_junk_glued_with_single_newline_is_separated() -> None:
    text = (
        "Заголовок\nФото: AP\n\nГубернатор заявил о начале работ.\nМы применяем куки для аналитики. Согласен"
    )
    assert _paragraphs(text) == ["Заголовок", "Губернатор заявил о начале работ."]


def test_script_glued_after_last_sentence_is_split_off() -> None:
    text = "Заголовок\n\nВстреча прошла в Брюсселе. window.yaContextCb.push(function () { Ya.adfox(); });"
    assert _paragraphs(text) == ["Заголовок", "Встреча прошла в Брюсселе."]


def test_credit_glued_to_caption_is_split_off() -> None:
    assert _paragraphs("Заголовок\n\nСолдаты НАТО в Кандагаре Фото: AFP / Scanpix") == [
        "Заголовок",
        "Солдаты НАТО в Кандагаре",
    ]


def test_related_header_takes_its_link_titles() -> None:
    text = "Заголовок\n\nПисатель родился в Москве.\n\nМатериалы по теме:\nПенсионерам напомнили о новых выплатах"
    assert _paragraphs(text) == ["Заголовок", "Писатель родился в Москве."]
    text = "Заголовок\n\nТекст статьи.\n\nЧитайте также:\n\nКурс рубля вырос\n\nЦены на бензин снизились"
    assert _paragraphs(text) == ["Заголовок", "Текст статьи."]


def test_related_header_does_not_take_the_headline() -> None:
    text = (
        "Главная › Новости\n\nСейчас читают\nХасан Рухани вступает в должность\nСвященник стал президентом."
    )
    assert _paragraphs(text) == ["Хасан Рухани вступает в должность", "Священник стал президентом."]


@pytest.mark.parametrize(
    "line",
    [
        "14 марта 2021, 09:12",
        "USD 89,54 EUR 97,12 Нефть 63,20",
        "Новости Статьи Видео Фото Подкасты",
        "#Кыргызстан #политика #выборы",
        "E-mail редакции: news@fontanka.ru",
        "Share on Facebook",
        "👍 34 👎 2",
    ],
)
def test_unseen_furniture_is_caught_by_its_shape(line: str) -> None:
    """Stamps, tickers, menus, hashtags, contacts, Latin buttons and reaction bars: no phrase list needed."""
    text = f"Заголовок новости\n\nПервое предложение статьи.\n\n{line}\n\nВторое предложение статьи."
    assert normalize_spaces(line) in clean_text(text).removed


def test_reported_statement_quoting_junk_stays() -> None:
    line = "Подписывайтесь на мой канал, — заявил блогер в ролике, который набрал миллион просмотров."
    assert _norm(line) in _paragraphs(f"Заголовок\n\nРеклама\n{line}\nВКонтакте")


def test_related_header_does_not_take_a_sentence() -> None:
    text = "Заголовок\n\nЧитайте также:\n\nПрезидент провел совещание с правительством в понедельник."
    assert _paragraphs(text)[-1] == "Президент провел совещание с правительством в понедельник."


# --- the line model -------------------------------------------------------------------------------


def test_line_model_weights_cover_every_feature() -> None:
    weights = load_weights()
    assert len(weights) == len(FEATURES)
    named = dict(zip(FEATURES, weights, strict=True))
    assert named["imperative"] > 0 and named["sentence_end"] < 0 and named["finite_verb"] < 0


def test_line_model_takes_an_unlisted_fragment_next_to_junk() -> None:
    """No pattern names "Загляните в наш блог": the imperative and the junk beside it decide."""
    text = (
        "Заголовок новости\n\nПрезидент провел совещание с правительством в понедельник.\n\n"
        "Второе предложение статьи осталось на месте, сообщили в пресс-службе.\n\n"
        "Загляните в наш блог\nПоделиться в соцсетях"
    )
    assert "Загляните в наш блог" in clean_text(text).removed
    assert "Загляните в наш блог" in [line.text for line in rule_lines(text) if not line.junk]


@pytest.mark.parametrize(
    "line",
    [
        "Вступайте в ряды добровольцев, призвал жителей мэр, выступая на площади перед горсоветом.",
        "Вы не можете закрывать глаза на эту проблему, — сказал министр депутатам.",
    ],
)
def test_reported_imperative_and_address_stay(line: str) -> None:
    text = f"Заголовок\n\nПервое предложение статьи.\n\n{line}\n\nПоследнее предложение статьи."
    assert _norm(line) in _paragraphs(text)


# --- normalization --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("погибших\xa0— «семь захватчиков»", "погибших — «семь захватчиков»"),
        ("брат\u2009Тамерлан \xad— был убит", "брат Тамерлан — был убит"),
        ("INTERFAX.RU - Заместители", "INTERFAX.RU — Заместители"),
        ("200 млн долларов – ровно столько", "200 млн долларов — ровно столько"),
        ("в 1992–2002 годах", "в 1992–2002 годах"),
        ("Нью-Йорк и Абу\u2011Даби", "Нью-Йорк и Абу-Даби"),
        ('программе ЕС "Экспертиза миграции" (MIEUX)', "программе ЕС «Экспертиза миграции» (MIEUX)"),
        ('компания "ООО "Ромашка""', "компания «ООО «Ромашка»»"),
        ("сказал “привет” всем", "сказал «привет» всем"),
        ("«Ирония „спасает“ от всего»", "«Ирония „спасает“ от всего»"),
        ("- Мы готовы, - сказал он.", "— Мы готовы, — сказал он."),
        ("слишком   много \t пробелов ", "слишком много пробелов"),
        ("нулевой\u200bширины\ufeff", "нулевойширины"),
    ],
)
def test_normalization(raw: str, expected: str) -> None:
    assert clean_text(f"Заголовок\n\n{raw}").text.split("\n\n")[1] == expected


def test_hard_wrapped_paragraph_is_joined() -> None:
    text = "Заголовок\n\nПрезидент провел совещание с членами\nправительства в понедельник."
    assert _paragraphs(text) == [
        "Заголовок",
        "Президент провел совещание с членами правительства в понедельник.",
    ]


def test_caption_and_headline_lines_stay_separate() -> None:
    text = "Арестован Ратко Младич\nСегодня прошла пресс-конференция.\nЭмблема ООН"
    assert _paragraphs(text) == ["Арестован Ратко Младич", "Сегодня прошла пресс-конференция.", "Эмблема ООН"]


# --- data files -----------------------------------------------------------------------------------


def test_pattern_file_is_well_formed() -> None:
    patterns = load_patterns()
    assert len(patterns) > 50
    kinds = {pattern.kind for pattern in patterns}
    assert {"script", "related", "header", "subscribe", "credit", "cookie", "copyright", "split"} <= kinds
    for pattern in patterns:
        assert pattern.regex.pattern == pattern.regex.pattern.lower() or "\\" in pattern.regex.pattern
        assert 0 <= pattern.weight <= 5
    assert {"главная", "вконтакте", "политика"} <= load_nav_words()


# --- dev sets as quality gates --------------------------------------------------------------------


def _line_figures(name: str) -> tuple[float, float, float]:
    """Content kept, junk precision and junk recall over one text-junk fixture file."""
    totals = dict.fromkeys(("content_kept", "content_lost", "junk_kept", "junk_removed"), 0)
    for record in read_jsonl(FIXTURES / "text-junk" / name):
        for key, lines in score_document(record["raw"], record["clean"]).items():
            totals[key] += len(lines)
    content = totals["content_kept"] + totals["content_lost"]
    junk = totals["junk_kept"] + totals["junk_removed"]
    removed = totals["junk_removed"] + totals["content_lost"]
    return totals["content_kept"] / content, totals["junk_removed"] / removed, totals["junk_removed"] / junk


def test_text_junk_dev_quality_gate() -> None:
    kept, precision, recall = _line_figures("text_junk_dev.jsonl")
    assert kept >= CONTENT_KEPT_FLOOR
    assert precision >= JUNK_PRECISION_FLOOR
    assert recall >= JUNK_RECALL_FLOOR


@pytest.mark.parametrize("name", sorted(SYNTHETIC_FLOORS))
def test_synthetic_heldout_quality_gate(name: str) -> None:
    kept, precision, recall = _line_figures(name)
    kept_floor, precision_floor, recall_floor = SYNTHETIC_FLOORS[name]
    assert kept >= kept_floor
    assert precision >= precision_floor
    assert recall >= recall_floor


def _evidence(event: dict) -> list[str]:
    evidence = event["evidence"]
    return evidence if isinstance(evidence, list) else [evidence]


@pytest.mark.parametrize("name", ["seed", "dev"])
def test_every_gold_evidence_sentence_survives_cleaning(name: str) -> None:
    docs = {
        doc["id"]: clean_text(doc["text"]).text
        for doc in read_jsonl(FIXTURES / "events" / f"{name}.docs.jsonl")
    }
    missing = [
        (event["doc_id"], sentence)
        for event in read_jsonl(FIXTURES / "events" / f"{name}.events.jsonl")
        for sentence in _evidence(event)
        if _norm(sentence) not in docs[event["doc_id"]]
    ]
    assert missing == []


def test_event_dev_docs_lose_their_inserted_junk() -> None:
    texts = [clean_text(doc["text"]).text for doc in read_jsonl(FIXTURES / "events" / "dev.docs.jsonl")]
    for marker in (
        "yaContextCb",
        "Поделиться",
        "cookie",
        "Подписывайтесь",
        "Фото:",
        "Главная",
        "Читайте также",
    ):
        assert not any(marker in text for text in texts), marker


# --- robustness -----------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_raises_only_input_errors(raw: str) -> None:
    try:
        result = clean_text(raw)
    except InputError:
        return
    assert "\n\n\n" not in result.text and result.text == result.text.strip()


SENTENCE = st.text(
    alphabet=st.sampled_from("абвгдеёжзийклмнопрстуфхцчшщыэюяАБВГДЕЖЗИКЛМНОПРСТ  ,-"),
    min_size=20,
    max_size=120,
).map(lambda body: re.sub(r"\s+", " ", body).strip(" ,-") + ".")


@settings(max_examples=100, deadline=None)
@given(st.lists(SENTENCE.filter(lambda s: len(s) > 10), min_size=1, max_size=6))
def test_cleaning_clean_text_keeps_its_sentences(sentences: list[str]) -> None:
    once = clean_text("\n\n".join(sentences)).text
    assert clean_text(once).text == once


def test_cleaning_is_idempotent_on_dev_docs() -> None:
    for record in read_jsonl(FIXTURES / "text-junk" / "text_junk_dev.jsonl"):
        once = clean_text(record["raw"]).text
        assert clean_text(once).text == once


def test_non_string_input_is_an_input_error() -> None:
    with pytest.raises(InputError):
        clean_text(b"bytes")  # type: ignore[arg-type]


def test_empty_and_junk_only_text_clean_to_nothing() -> None:
    assert clean_text("").text == ""
    assert clean_text("\n \xa0\n").text == ""
    assert clean_text("Реклама\n\nФото: AP\n\nНаверх").text == ""
