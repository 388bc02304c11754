"""Time expressions: case tables (text + reference + tense → ISO) and properties of the resolver."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from letopis.dates import (
    Relation,
    find_time_expressions,
    reference_date,
    resolve,
    resolve_counted,
    resolve_in_sentence,
)
from letopis.errors import InputError

WED = dt.date(2020, 3, 11)  # the seed article's publication date, a Wednesday


def first(text: str, reference: dt.date | None = WED, tense: str | None = None, **kw: object) -> str | None:
    found = find_time_expressions(text)
    assert found, f"no time expression in {text!r}"
    return resolve(found[0], reference, tense, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("в среду обсудили", "past", "2020-03-11"),
        ("во вторник обсудили", "past", "2020-03-10"),
        ("в четверг обсудили", "past", "2020-03-05"),
        ("в четверг обсудят", "future", "2020-03-12"),
        ("во вторник обсудят", "future", "2020-03-17"),
        ("в понедельник", None, "2020-03-09"),
        ("в пятницу", None, "2020-03-13"),
        ("в прошлую пятницу", "past", "2020-03-06"),
        ("в ночь на субботу", "past", "2020-03-07"),
        ("11 марта", None, "2020-03-11"),
        ("11 марта 2020 года", None, "2020-03-11"),
        ("1 мая", "future", "2020-05-01"),
        ("в мае", "future", "2020-05"),
        ("в декабре", "past", "2019-12"),
        ("в январе", "future", "2020-01"),
        ("в мае прошлого года", "past", "2019-05"),
        ("в сентябре с.г.", None, "2020-09"),
        ("весной этого года", "future", "2020-03/2020-05"),
        ("летом 2018 года", "past", "2018-06/2018-08"),
        ("осенью", "future", "2020-09/2020-11"),
        ("зимой 2020 года", "past", "2019-12/2020-02"),
        ("в 2013 году", "past", "2013"),
        ("в конце сентября 2010-го", "past", "2010-09"),
        ("в прошлом месяце", "past", "2020-02"),
        ("в прошлом году", "past", "2019"),
        ("в этом году", None, "2020"),
        ("в следующем году", "future", "2021"),
        ("на следующей неделе", "future", "2020-03-16/2020-03-22"),
        ("на прошлой неделе", "past", "2020-03-02/2020-03-08"),
        ("вчера", "past", "2020-03-10"),
        ("сегодня", None, "2020-03-11"),
        ("завтра", "future", "2020-03-12"),
        ("позавчера", "past", "2020-03-09"),
        ("накануне", "past", "2020-03-10"),
        ("в начале сентября", None, "2020-09"),
        ("в конце сентября", None, "2020-09"),
        ("в начале года", None, "2020"),
        ("в конце 2014 года", None, "2014"),
        ("в ночь на 17 февраля", "past", "2020-02-17"),
        ("в ночь с 16 на 17 февраля", "past", "2020-02-17"),
        ("с 5 по 7 марта", "past", "2020-03-05/2020-03-07"),
        ("5-7 марта", "past", "2020-03-05/2020-03-07"),
        ("с 28 февраля по 2 марта", "past", "2020-02-28/2020-03-02"),
        ("с марта по май", "future", "2020-03/2020-05"),
        ("в 2013-2014 годах", "past", "2013/2014"),
        ("через неделю", "future", "2020-03-18"),
        ("через два дня", "future", "2020-03-13"),
        ("три дня назад", "past", "2020-03-08"),
        ("месяц назад", "past", "2020-02"),
        ("приблизительно восемь месяцев назад", "past", "2019-07"),
        ("два года назад", "past", "2018"),
        ("11.03.2020", None, "2020-03-11"),
        ("2019-12-31", None, "2019-12-31"),
        ("В четверг, 11 июля 2019 года", "past", "2019-07-11"),
    ],
)
def test_resolves(text: str, tense: str | None, expected: str) -> None:
    assert first(text, WED, tense) == expected


@pytest.mark.parametrize(
    "text",
    [
        "с 1995 года",
        "к 2014 году",
        "до конца года",
        "до середины августа",
        "начиная с 2010 года",
        "по 7 марта",
    ],
)
def test_open_intervals_are_not_event_dates(text: str) -> None:
    [expression] = find_time_expressions(text)
    assert expression.relation in (Relation.SINCE, Relation.UNTIL)
    assert resolve(expression, WED, "past") is None


def test_open_interval_bound_on_request() -> None:
    [expression] = find_time_expressions("скрывается с 1995 года")
    assert resolve(expression, WED, "past", open_ended=True) == "1995"


@pytest.mark.parametrize(
    "text",
    ["в среду", "11 марта", "в мае", "весной этого года", "вчера", "на прошлой неделе", "в прошлом году"],
)
def test_no_year_no_date(text: str) -> None:
    """Without a publication date nothing year-less resolves: the year is never guessed."""
    assert first(text, None, "past") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("11 марта 2020 года", "2020-03-11"), ("в 2009 году", "2009"), ("весной 2018 года", "2018-03/2018-05")],
)
def test_text_gives_the_year(text: str, expected: str) -> None:
    assert first(text, None, "past") == expected


def test_anchored_expressions_count_from_the_anchor() -> None:
    sunday = dt.date(2011, 5, 15)
    assert (
        first("Накануне парламент проголосовал", dt.date(2011, 5, 16), "past", anchor=sunday) == "2011-05-14"
    )
    assert first("за неделю до визита", WED, "past") is None
    assert first("за неделю до визита", WED, "past", anchor=dt.date(2011, 2, 11)) == "2011-02-04"


@pytest.mark.parametrize(
    "text",
    [
        "в окружающей среде",  # среда the environment, not Wednesday
        "Март и Апрель — имена",
        "резолюция № 1747 запрещает",
        "приговорили к 13 годам",
        "в 2000 км от столицы",
        "около 620 военнослужащих",
    ],
)
def test_no_false_expressions(text: str) -> None:
    assert [e.text for e in find_time_expressions(text)] == []


def test_decade_is_not_resolved() -> None:
    assert first("в 2000-х годах", WED, "past") is None


def test_two_years_joined_by_and() -> None:
    found = resolve_in_sentence("выпускали на свободу в 1995 и 2002 году", WED, "past")
    assert [value for _, value in found] == ["1995", "2002"]


def test_offsets_point_into_the_text() -> None:
    text = "В марте в Брюсселе, а в мае в Бишкеке пройдут встречи экспертов."
    found = find_time_expressions(text)
    assert [text[e.start : e.stop] for e in found] == ["В марте", "в мае"]
    assert [e.text for e in found] == ["В марте", "в мае"]


def test_reference_date_reads_iso() -> None:
    assert reference_date("2020-03-11T09:30:00+03:00") == WED
    assert reference_date("11 марта") is None
    assert reference_date(None) is None


# Expressions from the dev gold (tests/fixtures/events, NEREL and FactRuEval news): the evidence
# sentence's time expression, the document's `published`, the clause tense → the gold `date`.
DEV = [
    ("Сенатор Джон Керри прибыл в воскресенье вечером в Пакистан.", "2011-05-16", "past", "2011-05-15"),
    ("после ликвидации 2 мая американским спецназом лидера Аль-Кайды", "2011-05-16", "past", "2011-05-02"),
    (
        "В понедельник делегация США, состоящая из 30 членов, должна прояснить все неприятные вопросы.",
        "2006-05-05",
        "future",
        "2006-05-08",
    ),
    (
        "марш протеста, который должен был начаться во вторник, является незаконным",
        "2007-11-13",
        "past",
        "2007-11-13",
    ),
    (
        "в субботу Арабская лига вынесла решение просить ООН признать палестинскую государственность",
        "2011-05-29",
        "past",
        "2011-05-28",
    ),
    ("В 2009 году в Грузии происходили подобные события.", None, "past", "2009"),
    (
        "В субботу, 13 ноября, официально закончился 20-летний срок домашнего ареста",
        "2010-11-13",
        "past",
        "2010-11-13",
    ),
    (
        "Комитет уже одобрял резолюцию в 2016 году, но Сенат в полном составе за неё не голосовал",
        None,
        "past",
        "2016",
    ),
    (
        "13 января 2016 года по запросу ФБР в Испании был задержан российский программист",
        None,
        "past",
        "2016-01-13",
    ),
    (
        "Сегодня прошла экстренная пресс-конференция президента Сербии Бориса Тадича",
        "2011-05-26",
        "past",
        "2011-05-26",
    ),
    (
        "Буквально на прошлой неделе главный прокурор Гаагского трибунала Серж Браммерц сказал",
        "2011-05-26",
        "past",
        "2011-05-16/2011-05-22",
    ),
    (
        "судно с грузом оружия, перехваченное в Аравийском море 23 января 2013 года",
        None,
        "past",
        "2013-01-23",
    ),
    (
        "В четверг, 11 июля 2019 года, российский политик Алексей Навальный вышел из спецприёмника",
        "2019-07-11",
        "past",
        "2019-07-11",
    ),
    (
        "Акция состоялась 12 июня 2019 года, несмотря на признание властями преступления",
        "2019-07-11",
        "past",
        "2019-06-12",
    ),
    ("Генеральный прокурор в четверг, 9 ноября 2017 года, подтвердил", "2017-11-09", "past", "2017-11-09"),
    (
        "Часть оглашенных сегодня обвинений была предъявлена ему в апреле, после его задержания",
        "2013-06-27",
        "past",
        "2013-06-27",
    ),
    (
        "Газовый монополист три дня назад официально предупредил ОАО «Белтрансгаз»",
        "2010-06-18",
        "past",
        "2010-06-15",
    ),
    (
        "Накануне глава ОАО «Газпром» Алексей Миллер пообещал ограничить поставки",
        "2010-06-18",
        "past",
        "2010-06-17",
    ),
    ("Ночью 31 июля 2016 года были задержаны два молодых человека", "2016-07-31", "past", "2016-07-31"),
    (
        "С 11 по 14 апреля 2016 года российская группа проведёт инспекцию",
        None,
        "future",
        "2016-04-11/2016-04-14",
    ),
    (
        "в проводимом в период с 10 по 21 апреля 2016 года совместном учении",
        None,
        "future",
        "2016-04-10/2016-04-21",
    ),
    (
        "В пиццерии Zizzi, где обедали 4 марта 2018 года отравленный экс-сотрудник ГРУ",
        "2018-03-11",
        "past",
        "2018-03-04",
    ),
    ("В 2010 году Скрипаля помиловали и выдали США", "2018-03-11", "past", "2010"),
    (
        "В ночь на 9 августа на улицы Лондона вывели для патрулирования дополнительно 1700 полицейских.",
        "2011-08-09",
        "past",
        "2011-08-09",
    ),
    (
        "убийство полицейским 29-летнего темнокожего британца, которое произошло 4 августа",
        "2011-08-09",
        "past",
        "2011-08-04",
    ),
    ("готовясь к выводу международных войск, намеченному на конец 2014 года", None, "future", "2014"),
    (
        "стал премьером после того, как в середине апреля в отставку подал премьер-министр Салам Фаяд",
        "2013-06-20",
        "past",
        "2013-04",
    ),
    ("символически открыли нефтепровод в конце сентября 2010-го", "2011-01-01", "past", "2010-09"),
    ("По договору между двумя странами о нефтепроводе от 2009 года", "2011-01-01", "past", "2009"),
    ("В феврале ФИФА отстранила шестерых рефери", "2011-05-09", "past", "2011-02"),
    (
        "В прошлом году Интерпол пресек преступную деятельность нескольких группировок",
        "2011-05-09",
        "past",
        "2010",
    ),
    (
        "В апреле власти Мальты и Италии не могли в течении 4 дней договориться",
        "2009-08-21",
        "past",
        "2009-04",
    ),
    ("в 1950 году Генассамблея назначила генсека", "2016-10-06", "past", "1950"),
    ("Нападение произошло 15 сентября.", None, "past", None),
    ("Помощник Хиллари Клинтон, который в среду посетил Белград", None, "past", None),
]


@pytest.mark.parametrize(("sentence", "published", "tense", "expected"), DEV)
def test_dev_gold_expressions(sentence: str, published: str | None, tense: str, expected: str | None) -> None:
    assert first(sentence, reference_date(published), tense) == expected


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(max_size=200),
    year=st.integers(1, 9999),
    ordinal=st.integers(0, 365),
    tense=st.sampled_from([None, "past", "present", "future", "Fut", "nonsense"]),
)
def test_arbitrary_text_never_raises(text: str, year: int, ordinal: int, tense: str | None) -> None:
    reference = dt.date(year, 1, 1) + dt.timedelta(days=min(ordinal, 364))
    for expression in find_time_expressions(text):
        assert text[expression.start : expression.stop] == expression.text
        value = resolve(expression, reference, tense, anchor=reference, open_ended=True)
        assert value is None or isinstance(value, str)


_PIECES = [
    "в",
    "с",
    "по",
    "до",
    "к",
    "на",
    "ночь",
    "через",
    "назад",
    "за",
    "11",
    "31",
    "2020",
    "9999",
    "года",
    "марта",
    "мае",
    "среду",
    "прошлой",
    "неделе",
    "весной",
    "этого",
    "конце",
    "-",
    "—",
    ".",
    ",",
    "1000",
]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(_PIECES), max_size=8), year=st.sampled_from([1, 2020, 9999]))
def test_grammar_soup_never_raises(words: list[str], year: int) -> None:
    """Word salads from the grammar's own words hit the edge cases (year 9999, 31 of any month)."""
    text = " ".join(words)
    for expression in find_time_expressions(text):
        for tense in ("past", "future", None):
            resolve(expression, dt.date(year, 12, 31), tense, anchor=dt.date(year, 1, 1), open_ended=True)


@pytest.mark.parametrize("value", [None, 42, "11 марта".encode()])
def test_non_text_is_an_input_error(value: object) -> None:
    with pytest.raises(InputError):
        find_time_expressions(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("С 14 августа 2013 года, когда власти разогнали лагеря, были убиты 900 человек", "2013-08-14"),
        ("Младич скрывается с 1995 года, тогда трибунал предъявил ему обвинение", "1995"),
        ("Младич скрывается с 1995 года и не выходит на связь", None),
    ],
)
def test_since_followed_by_a_when_clause_is_a_point(text: str, expected: str | None) -> None:
    assert first(text, WED, "past") == expected


def test_counted_event_lies_the_count_after_the_clause_day():
    (before,) = find_time_expressions("поездка состоялась за неделю до визита")
    assert resolve_counted(before, dt.date(2011, 2, 4)) == "2011-02-11"
    (after,) = find_time_expressions("спустя два дня после ареста")
    assert resolve_counted(after, dt.date(2011, 2, 4)) == "2011-02-02"
    (plain,) = find_time_expressions("в среду")
    assert resolve_counted(plain, dt.date(2011, 2, 4)) is None


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("в первой половине года", "past", "2020-01/2020-06"),
        ("во второй половине прошлого года", "past", "2019-07/2019-12"),
        ("в первой половине 2018 года", "past", "2018-01/2018-06"),
        ("в третьем квартале", "past", "2020-07/2020-09"),
        ("в третьем квартале 2019 года", "past", "2019-07/2019-09"),
        ("в IV квартале прошлого года", "past", "2019-10/2019-12"),
        ("в первом полугодии", "past", "2020-01/2020-06"),
        ("во втором полугодии 2021 года", "future", "2021-07/2021-12"),
        ("10 и 11 марта", "past", "2020-03-10/2020-03-11"),
        ("13-го марта", "future", "2020-03-13"),
        ("в феврале-марте", "past", "2020-02/2020-03"),
        ("в январе — феврале 2019 года", "past", "2019-01/2019-02"),
        ("минувшей ночью", "past", "2020-03-11"),
        ("вчера ночью", "past", "2020-03-10"),
        ("сегодня ночью", "past", "2020-03-11"),
        ("этой ночью", "past", "2020-03-11"),
        ("прошлой ночью", "past", "2020-03-11"),
        ("в минувшие выходные", "past", "2020-03-07/2020-03-08"),
        ("в выходные", "past", "2020-03-07/2020-03-08"),
        ("на выходных", "future", "2020-03-14/2020-03-15"),
    ],
)
def test_resolves_spans_and_weekends(text: str, tense: str | None, expected: str) -> None:
    assert first(text, WED, tense) == expected


def test_weekend_published_on_a_sunday_is_that_weekend() -> None:
    assert first("в выходные", dt.date(2020, 3, 15), "past") == "2020-03-14/2020-03-15"


def test_two_days_apart_are_no_span() -> None:
    """`5 и 11 марта` are two dates, not the week between them."""
    assert [resolve(e, WED, "past") for e in find_time_expressions("5 и 11 марта")] == ["2020-03-11"]


def test_day_before_counts_from_the_anchor() -> None:
    assert first("Днём ранее министр встретился с послом", WED, "past") == "2020-03-10"
    assert first("Днем ранее", WED, "past", anchor=dt.date(2020, 3, 5)) == "2020-03-04"


@pytest.mark.parametrize(
    "text",
    ["на днях министр заявил", "в последние дни", "в выходные дни магазины закрыты", "за последние сутки"],
)
def test_vague_times_are_no_date(text: str) -> None:
    assert [resolve(e, WED, "past") for e in find_time_expressions(text)] in ([], [None])


@pytest.mark.parametrize(
    "text", ["в 2010-х годах", "в 2010-х", "до конца года", "до конца третьего квартала"]
)
def test_decades_and_deadlines_resolve_to_nothing(text: str) -> None:
    assert all(resolve(e, WED, "past") is None for e in find_time_expressions(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("в минувшую субботу", "2020-03-14"),  # yesterday, in the reference's own week
        ("в минувшее воскресенье", "2020-03-08"),  # never the reference day itself
        ("в прошедший четверг", "2020-03-12"),
    ],
)
def test_recent_weekday_is_the_latest_one_before(text: str, expected: str) -> None:
    assert first(text, dt.date(2020, 3, 15), "past") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("в понедельник и вторник прошли переговоры", ["2020-03-09", "2020-03-10"]),
        ("в январе и феврале прошли учения", ["2020-01", "2020-02"]),
        ("в Москве и Париже прошли акции", []),  # places, not days
    ],
)
def test_second_of_two_joined_days_shares_the_preposition(text: str, expected: list[str]) -> None:
    assert [resolve(e, WED, "past") for e in find_time_expressions(text)] == expected


@pytest.mark.parametrize("text", ["к концу 2014 года", "к началу марта"])
def test_deadline_with_a_part_of_a_period_is_a_deadline(text: str) -> None:
    (e,) = find_time_expressions(f"завершит вывод войск {text}")
    assert e.relation is Relation.UNTIL and resolve(e, WED, "future") is None


def test_forward_count_in_a_past_account_is_not_counted_from_today() -> None:
    """`Через два дня армия открыла огонь`: two days after the act told before, never a day after
    the publication; `через два дня пройдут выборы` is."""
    assert first("Через два дня армия открыла огонь.", tense="past") is None
    assert first("Через два дня пройдут выборы.", tense="future") == "2020-03-13"


def test_count_after_a_named_act_counts_from_it() -> None:
    """`через неделю после выборов`: counted from the elections, as `спустя неделю после` is."""
    (found,) = find_time_expressions("Через неделю после выборов пройдет митинг.")
    assert found.relation is Relation.AFTER
    assert resolve(found, WED, "future") is None
    assert resolve(found, WED, "future", anchor=dt.date(2020, 3, 1)) == "2020-03-08"


def test_day_told_as_done_after_the_reference_is_last_years() -> None:
    """`31 декабря прошли митинги` in a text of 11 March 2020: the December before; a later date a
    past act sets (`перенесли на 25 марта`) stays in the reference's year."""
    assert first("31 июля прошли митинги", WED, "past") == "2019-07-31"
    assert first("в июне прошли митинги", WED, "past") == "2019-06"
    assert first("16 апреля прошли митинги", WED, "past") == "2020-04-16"  # a text updated later
    assert first("на 25 марта перенесли выборы", WED, "past") == "2020-03-25"
    assert first("31 мая пройдут выборы", WED, "future") == "2020-05-31"


def test_first_or_last_days_of_a_month_are_that_month() -> None:
    """`в первых числах августа`, `в первой декаде мая`, `в последнюю неделю июля`: like `в начале
    сентября`, the month itself (EVENTS.md Date)."""
    assert first("в первых числах февраля прошли митинги", WED, "past") == "2020-02"
    assert first("в первой декаде марта прошли митинги", WED, "past") == "2020-03"
    assert first("в последнюю неделю января прошли митинги", WED, "past") == "2020-01"


def test_weekend_by_its_loan_word() -> None:
    """`в минувший уикенд` is `в минувшие выходные`."""
    assert first("в минувший уикенд прошли митинги", WED, "past") == "2020-03-07/2020-03-08"


def test_text_reference_is_the_first_full_date_it_names() -> None:
    from letopis.dates import text_reference

    assert text_reference("В 2016 году … В пятницу, 14 июля 2017 года, и 16 июля") == dt.date(2017, 7, 14)
    assert text_reference("16 июля задержали троих") is None


def test_birth_date_is_no_text_reference() -> None:
    """`родился 5 мая 1980 года` starts a life, not the news: it gives no year to `12 марта`."""
    from letopis.dates import text_reference

    assert text_reference("Активист родился 5 мая 1980 года в Казани. 12 марта его задержали.") is None
    assert text_reference("Он родился в Казани. 3 апреля 2015 года его задержали.") == dt.date(2015, 4, 3)


def test_vague_count_back_gives_no_date() -> None:
    """`несколько недель назад`: a plural unit with no number before it counts nothing certain."""
    assert find_time_expressions("несколько недель назад полиция задержала его") == []
    assert find_time_expressions("много лет назад он уехал") == []
    assert first("две недели назад полиция задержала его", WED, "past") == "2020-02-26"
