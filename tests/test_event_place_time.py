"""Where and when an event happens (EVENTS.md Annotation → Location, Date): the clause rules of
letopis.events.location and letopis.events.timing on parsed sentences."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from letopis.dates import Relation, find_time_expressions
from letopis.events.actors import ActorIndex
from letopis.events.arguments import find_arguments
from letopis.events.location import find_locations
from letopis.events.modality import clause_tense
from letopis.events.records import document_of
from letopis.events.timing import document_anchor, fill_restatements, find_dates, headline_dates, retold_dates
from letopis.events.tree import Tree, segments
from letopis.events.triggers import find_triggers
from letopis.record import Event, EventType, Location, Modality


def analyse(pipeline, text: str, published: str | None = "2011-05-16"):
    article = pipeline.process(document_of({"id": "t", "text": text, "published": published}))
    index = ActorIndex(article)
    reference = dt.date.fromisoformat(published) if published else None
    out = {}
    for si, sentence in enumerate(article.sentences):
        for lo, hi in segments(sentence):
            tree = Tree(sentence.tokens, lo, hi)
            for trig in find_triggers(tree):
                pred = find_arguments(tree, si, trig.index, trig.type, index).predicate
                tense = clause_tense(tree, trig.index, pred)
                places = find_locations(tree, si, trig.index, pred, index, trig.partner, str(trig.type))
                times = find_dates(tree, sentence, trig.index, pred, reference, tense)
                out[sentence.tokens[trig.index].text.lower()] = (
                    [p.name for _, p in places],
                    [t for _, t in times],
                )
    return article, out


def test_since_when_clause_dates_the_when_clause_only():
    (e,) = [x for x in find_time_expressions("С 14 августа 2013 года, когда власти разогнали лагеря") if x]
    assert e.relation is Relation.AT and e.when > e.stop
    (since,) = find_time_expressions("скрывается с 1995 года.")
    assert since.relation is Relation.SINCE and since.when == -1


def test_since_date_belongs_to_the_event_of_the_when_clause(pipeline):
    _, found = analyse(
        pipeline,
        "С 14 августа 2013 года, когда власти разогнали лагеря в Каире, в стране были убиты 900 человек.",
        "2013-08-20",
    )
    assert found["разогнали"] == (["Каир"], ["2013-08-14"])
    assert found["убиты"][1] == []  # an ongoing count since then has no date of its own


def test_eve_counts_back_from_the_lead_event(pipeline):
    text = (
        "Сенатор Джон Керри прибыл в воскресенье в Пакистан. "
        "Накануне парламент Пакистана проголосовал за резолюцию, осуждающую рейд."
    )
    article, _ = analyse(pipeline, text)
    assert document_anchor(article) == dt.date(2011, 5, 15)
    sentence = article.sentences[1]
    tree = Tree(sentence.tokens)
    (trig,) = [t for t in find_triggers(tree) if t.type == EventType.ACCUSE]
    pred = find_arguments(tree, 1, trig.index, trig.type, ActorIndex(article)).predicate
    dates = find_dates(
        tree, sentence, trig.index, pred, dt.date(2011, 5, 16), "past", anchor=dt.date(2011, 5, 15)
    )
    assert [v for _, v in dates] == ["2011-05-14"]


@pytest.mark.parametrize(
    ("text", "published", "trigger", "places"),
    [
        pytest.param("В Египте арестован лидер «Братьев-мусульман».", "2013-08-20", "арестован", ["Египет"], id="fronted_country_places_the_headline_event"),
        pytest.param("США обвинили Иран в тайных поставках оружия в Йемен.", "2011-05-16", "обвинили", [], id="statement_is_placed_where_it_is_made_not_where_it_is_about"),
        pytest.param("Полиция задержала их в аэропорту Барселоны.", "2011-05-16", "задержала", ["Барселона"], id="city_inside_a_place_phrase"),
        pytest.param("В столице Египта Каире прошли массовые демонстрации.", "2013-07-05", "демонстрации", ["Каир"], id="city_beats_the_country_named_beside_it"),
        pytest.param("Полиция задержала двух журналистов близ Донецка.", "2014-06-05", "задержала", ["Донецк"], id="act_near_a_city_is_placed_in_that_city"),
        pytest.param("Расследование по этому факту проводит прокуратура Киева.", "2014-06-05", "расследование", ["Киев"], id="statement_of_a_city_agency_is_made_in_that_city"),
        pytest.param("На прошлой неделе Румынию охватила волна протестов против нового закона.", "2011-05-16", "протестов", ["Румыния"], id="country_swept_by_protests_is_their_place"),
        pytest.param("Полиция задержала десятки демонстрантов на Красной площади.", "2011-05-16", "задержала", ["Москва"], id="landmark_is_placed_in_its_city"),
        pytest.param("Затем в Каире произошли столкновения демонстрантов с полицией.", "2011-05-16", "столкновения", ["Каир"], id="place_hung_under_an_adverb_is_the_clause_place"),
        pytest.param("Власти Франции выслали двух сотрудников посольства Ирана в Париже.", "2011-05-16", "выслали", ["Париж"], id="expulsion_takes_the_city_of_the_expelled_embassy"),
        pytest.param("На юге Ливана произошли столкновения с боевиками.", "2020-03-11", "столкновения", ["Ливан"], id="part_of_a_place_is_in_it"),
        pytest.param("Россия выдала Сербии кредит на сумму 3 млрд долларов США.", "2020-03-11", "выдала", [], id="currency_names_no_place"),
        pytest.param("Власти Турции задержали его на юге страны близ Газиантепа.", "2016-03-23", "задержали", ["Газиантеп"], id="city_beats_the_country_beside_it"),
        pytest.param("Мосгорсуд приговорил бывшего чиновника к восьми годам колонии.", "2011-05-16", "приговорил", ["Москва"], id="court_named_by_a_compound_is_in_its_city"),
        # `встретился с госсекретарем США в Женеве`: the parser hangs the place on the partner.
        pytest.param("Глава МИД Китая встретился с госсекретарем США в Женеве.", "2011-05-16", "встретился", ["Женева"], id="place_hung_on_the_partner_is_where_they_meet"),
        pytest.param("Тысячи жителей Владивостока в субботу вышли на улицы.", "2011-05-16", "вышли", ["Владивосток"], id="residents_of_a_city_protest_in_it"),
        pytest.param("В пятницу протестующие блокировали дороги в Мандалае.", "2011-05-16", "протестующие", ["Мандалай"], id="protesters_are_where_what_they_block_is"),
        pytest.param("Российская авиация нанесла удар по Алеппо.", "2011-05-16", "нанесла", ["Алеппо"], id="attack_aimed_at_a_place_happens_there"),
        # `В МИД Франции осудили …`: the owner of the ministry is not where the statement is made.
        pytest.param("В МИД Франции осудили решение Ирана выслать дипломатов.", "2011-05-16", "осудили", [], id="ministry_of_a_state_is_no_place"),
        # `удары по позициям войск Ливии под Бенгази`: the city beats the country of the troops.
        pytest.param("Самолеты нанесли удары по позициям войск Ливии под Бенгази.", "2011-05-16", "нанесли", ["Бенгази"], id="place_near_a_city_inside_the_struck_phrase"),
        pytest.param("Россия обвинила Грузию в нарушении перемирия в Южной Осетии.", "2011-05-16", "обвинила", [], id="what_someone_is_charged_with_is_no_place"),
        # data/cities.tsv: `Дераа` is GeoNames' Dar‘ā, whose Russian names there are spelled otherwise.
        pytest.param("Сирийская армия обстреляла Дераа.", "2011-05-16", "обстреляла", ["Дераа"], id="city_the_packaged_table_names_otherwise_is_found"),
        # data/cities.tsv adds `Степанакерт`, which the packaged GeoNames table lacks.
        pytest.param("Во вторник в Степанакерте полиция задержала активистов.", "2011-05-16", "задержала", ["Степанакерт"], id="city_missing_from_the_packaged_table_is_found"),
        # `Полиция Москвы задержала участников акции`: the rally is in the body's city.
        pytest.param("Полиция Минска задержала участников акции протеста.", "2011-05-16", "акции", ["Минск"], id="local_body_places_the_rally_whose_participants_it_detains"),
        pytest.param("Саммит НАТО прошел в Лиссабоне. На саммите лидеры альянса договорились начать вывод войск.", "2010-11-20", "договорились", ["Лиссабон"], id="act_at_a_summit_takes_the_summit_place"),
        pytest.param("Первое заседание диалога состоялось в 2013 году в Брюсселе. На втором заседании диалога министры обсудили сотрудничество.", "2020-03-11", "обсудили", [], id="numbered_sessions_are_different_occasions"),
        pytest.param("Лавров прибыл в Пекин. Министр поблагодарил китайских коллег за поддержку.", "2023-03-10", "поблагодарил", ["Пекин"], id="statement_after_a_staged_visit_still_takes_its_place"),
        pytest.param("Он сообщил, что во время встречи с президентом Франции в Париже они договорились о поставках.", "2014-06-05", "договорились", ["Париж"], id="act_during_a_meeting_takes_the_meeting_place"),
        pytest.param("В Каталонии задержан российский программист Станислав Лисов.\nВо время задержания пара была в аэропорту Барселоны.", "2016-01-14", "задержан", ["Барселона"], id="arrest_takes_the_city_its_retelling_gives"),
        pytest.param("В Болгарии прошли протесты.\nВ Софии в ходе демонстраций были ранены 28 человек.", "2013-02-20", "протесты", ["Болгария"], id="a_wave_of_protests_is_not_at_one_of_its_cities"),
        pytest.param("Пикет прошел у посольства США в Москве.", "2020-03-11", "пикет", ["Москва"], id="embassy_stands_in_its_host_city"),
        pytest.param("Активисты провели пикет у посольства России.", "2020-03-11", "пикет", [], id="the_embassys_owner_is_not_where_it_stands"),
        pytest.param("Власти Франции ввели режим ЧС. В столице полиция задержала двух активистов.", "2020-03-11", "задержала", ["Париж"], id="capital_of_the_state_the_text_is_about"),
        pytest.param("В британской столице задержали двух активистов.", "2020-03-11", "задержали", ["Лондон"], id="capital_of_the_state_the_text_is_about_2"),
        pytest.param("В столице Украины прошли массовые протесты.", "2020-03-11", "протесты", ["Киев"], id="capital_of_the_state_the_text_is_about_3"),
        pytest.param("Министр прибыл в воскресенье в Пакистан. Он стал первым американцем, посетившим Исламабад после операции.", "2011-05-16", "прибыл", ["Исламабад"], id="visit_to_a_country_takes_the_city_visited_next"),
        pytest.param("Министр прибыл в воскресенье в Пакистан. Во вторник он посетит Лахор.", "2011-05-16", "прибыл", ["Пакистан"], id="a_planned_trip_elsewhere_is_not_where_he_arrived"),
        pytest.param("В субботу у здания администрации Самары на центральной площади прошёл пикет, направленный против повышения тарифов.", "2019-06-16", "пикет", ["Самара"], id="preposition_the_parser_hangs_on_a_later_noun_still_places_the_act"),
        pytest.param("Пограничники задержали блогера в казанском аэропорту.", "2020-02-10", "задержали", ["Казань"], id="site_called_after_its_city_by_an_adjective_is_in_that_city"),
        pytest.param("Полиция задержала дипломата у российского посольства.", "2020-02-10", "задержала", [], id="a_states_adjective_names_no_city"),
        pytest.param("Лондонская полиция сообщает об аресте 30 подозреваемых.", "2011-08-09", "аресте", ["Лондон"], id="local_body_named_by_its_city_adjective_reports_its_own_act"),
        pytest.param("Московская полиция задержала двух активистов.", "2011-08-09", "задержала", ["Москва"], id="local_body_named_by_its_city_adjective_reports_its_own_act_2"),
        pytest.param("Алжирская полиция задержала двух активистов.", "2011-08-09", "задержала", [], id="a_states_police_not_its_capitals"),
        pytest.param("В Софии в ходе демонстраций, проходивших в понедельник, были ранены 28 человек.", "2013-02-20", "демонстраций", ["София"], id="act_during_an_occasion_is_where_the_clause_is"),
        pytest.param("Во вторник в Ньюарке начались слушания по делу российского хакера. На слушаниях хакер отверг обвинения прокуратуры США.", "2013-02-20", "отверг", ["Ньюарк"], id="the_hearings_are_an_occasion_the_text_placed"),
        pytest.param("В пятницу в Ньюарке начнутся слушания по делу российского хакера. Хакер отверг обвинения прокуратуры США.", "2013-02-20", "отверг", [], id="hearings_still_to_come_the_denial_was_made_elsewhere"),
        # `Гаагским трибуналом`: a city adjective tagged PROPN still names the court's city.
        pytest.param("Генерал был обвинён Гаагским Международным трибуналом в военных преступлениях.", "2012-01-01", "обвинён", ["Гаага"], id="capitalised_court_adjective_the_tagger_reads_as_a_name"),
        # `Пермский краевой суд принял решение отказать …`: the infinitive under the decision noun is the court's
        # act, in the court's city (named `Пермь`, not a gazetteer variant).
        pytest.param("Казанский городской суд принял решение отказать активисту в освобождении.", "2013-04-01", "отказать", ["Казань"], id="court_deciding_an_infinitive_act_places_it"),
        pytest.param("Власти Казахстана пригласили в страну экспертов из ООН.", "2011-12-20", "пригласили", [], id="invitation_to_a_country_is_not_made_there"),
    ],
)
def test_event_place(pipeline, text, published, trigger, places):
    """The places found for the event a trigger word states."""
    _, found = analyse(pipeline, text, published)
    assert found[trigger][0] == places


@pytest.mark.parametrize(
    ("text", "published", "trigger", "dates"),
    [
        pytest.param("После ареста в 1990 году её выпускали на свободу в 1995 году.", "2010-11-13", "выпускали", ["1995"], id="date_inside_an_after_phrase_is_not_the_clause_date"),
        pytest.param("В прошлом году Интерпол пресек деятельность группировок, а полиция арестовала более 5 тысяч человек.", "2011-05-09", "арестовала", ["2010"], id="fronted_date_covers_the_conjoined_clause"),
        pytest.param("За два дня до итальянцев мальтийские пограничники задерживали лодку.", "2009-08-21", "задерживали", [], id="count_from_another_event_is_unknown"),
        pytest.param("Ввиду отказа Израиля, в субботу Арабская лига вынесла решение просить ООН признать палестинскую государственность в сентябре.", "2011-05-29", "просить", ["2011-05-28"], id="infinitive_under_a_noun_shares_the_verb_date"),
        pytest.param("В прошлом году Интерпол в результате совместной работы с полицией Китая пресек деятельность банд.", "2011-05-09", "работы", ["2010"], id="action_noun_takes_the_date_of_its_verb"),
        pytest.param("Ввиду отказа Израиля, в субботу Арабская лига обратилась в ООН.", "2011-05-29", "отказа", [], id="the_refusal_is_dated_by_nothing_here"),
        pytest.param("Вчера был освобожден журналист, которого в Сирии похитили в 2012 году по дороге в Алеппо.", "2014-06-05", "освобожден", ["2014-06-04"], id="date_in_a_relative_clause_does_not_date_the_main_act"),
        pytest.param("Ночью 31 июля 2016 года были задержаны два молодых человека, которые угрожали президенту.", "2016-07-31", "задержаны", ["2016-07-31"], id="date_after_a_time_of_day_word_opens_the_line"),
        pytest.param("Сегодня прошла пресс-конференция президента, на которой было сообщено о поимке Ратко Младича.", "2011-05-26", "поимке", ["2011-05-26"], id="act_told_at_a_dated_press_conference_takes_its_date"),
        pytest.param("Вступление Черногории в НАТО станет первым расширением альянса после приёма Албании и Хорватии в 2009 году.", "2016-05-19", "вступление", [], id="date_closing_an_after_phrase_dates_that_phrase"),
        pytest.param("Политик была заключена под стражу после того, как в 1990 году её партия победила на выборах.", "2010-11-13", "заключена", ["1990"], id="act_right_after_an_event_of_a_year_falls_in_that_year"),
        pytest.param("Его арестовали после того, как 5 мая он выступил на митинге.", "2010-11-13", "арестовали", [], id="a_day_after_an_event_leaves_the_day_open"),
        pytest.param("В ходе демонстраций, проходивших в понедельник и во вторник, были ранены 28 человек.", "2013-02-20", "демонстраций", ["2013-02-18/2013-02-19"], id="two_days_in_a_row_are_one_span"),
        pytest.param("Переговоры прошли в понедельник и в среду.", "2013-02-20", "переговоры", ["2013-02-18", "2013-02-20"], id="days_apart_are_two_dates"),
        pytest.param("Министр обороны Израиля заявил в среду, что армия Израиля атаковала склады оружия в Газе.", "2011-05-18", "атаковала", [], id="reported_past_act_does_not_take_the_day_of_its_report"),
        # `Состоявшийся 5 мая суд приговорил …`: the hearing the subject names took place that day.
        pytest.param("Прошедший 5 мая 2014 года суд приговорил активиста к году тюрьмы.", "2014-06-01", "приговорил", ["2014-05-05"], id="occasion_participle_on_the_subject_dates_the_act"),
        # `говорится в заявлении, опубликованном во вторник: «Совет на заседании в понедельник, 9 мая, поддержал …»`:
        # an expression after the colon is the quoted act's, wherever the parser hangs it.
        pytest.param("Об этом говорится в заявлении партии, опубликованном во вторник, 10 мая: «Совет партии на заседании в понедельник, 9 мая 2011 года, поддержал кандидатуру своего лидера».", "2011-05-10", "поддержал", ["2011-05-09"], id="time_after_a_colon_belongs_to_the_quoted_clause"),
        # `заявил сегодня, что …, но требует …` read with `требует` as a conjunct of `заявил`: a verb with no
        # subject of its own is the same actor's, at the same time; its own time still wins.
        pytest.param("Лидер оппозиции заявил сегодня, что хочет мира, но требует немедленного вывода войск из столицы.", "2010-05-16", "требует", ["2010-05-16"], id="conjunct_verb_without_a_subject_shares_its_heads_time"),
        pytest.param("Его арестовали в мае и освободили в июне.", "2010-09-01", "освободили", ["2010-06"], id="conjunct_verb_with_a_time_of_its_own_keeps_it"),
        # `Утром 3 мая были арестованы трое, которые …, угрожали президенту`: the day is the arrest's; when the
        # parser hangs it on the relative clause's verb, the main verb before `которые` claims it.
        pytest.param("Утром 3 мая 2016 года были арестованы три молодых человека, которые используя свои страницы в Инстаграме, угрожали президенту Чили.", "2016-05-04", "арестованы", ["2016-05-03"], id="fronted_time_of_the_main_clause_dates_the_main_act"),
        pytest.param("Утром 3 мая 2016 года были арестованы три молодых человека, которые используя свои страницы в Инстаграме, угрожали президенту Чили.", "2016-05-04", "угрожали", [], id="fronted_time_of_the_main_clause_does_not_date_a_relative_act"),
        # `в среду объявил об отставке кабинета, тем самым выполнив требования оппозиции`: the demands are met by
        # the announcement, on its day.
        pytest.param("Парламент проголосовал после того, как в среду президент Молдавии объявил об отставке кабинета, тем самым выполнив требования оппозиции.", "2015-10-09", "выполнив", ["2015-10-07"], id="converb_act_takes_the_time_of_its_verb"),
    ],
)
def test_event_date(pipeline, text, published, trigger, dates):
    """The dates found for the event a trigger word states."""
    _, found = analyse(pipeline, text, published)
    assert found[trigger][1] == dates


def test_court_named_after_a_city_places_the_sentence(pipeline):
    _, found = analyse(
        pipeline, "1 июля 2019 года Хорошевский суд Москвы признал Алексея Навального виновным."
    )
    assert found["признал"] == (["Москва"], ["2019-07-01"])


def _event(sentence: int, date: str | None, location: Location | None) -> Event:
    return Event(
        "d", EventType.COERCE, ("ARG",), (), location, date, Modality.ASSERTED, "e", 0.5, sentence=sentence
    )


def test_headline_takes_place_and_date_from_its_restatement():
    cairo = Location("Каир", 360630, "EGY")
    events = [_event(0, None, None), _event(2, "2013-08-20", cairo), _event(3, "2013-08-14", None)]
    first, *_ = fill_restatements(events)
    assert (first.date, first.location) == ("2013-08-20", cairo)
    body = fill_restatements([_event(1, None, None), _event(2, "2013-08-20", cairo)])
    assert body[0].date is None  # only the headline restates the body


@pytest.mark.parametrize("published", [None])
def test_no_year_no_date(pipeline, published):
    _, found = analyse(pipeline, "В среду полиция задержала в Лондоне 100 человек.", published)
    assert found["задержала"] == (["Лондон"], [])


# -- sentences of our own: one per kind of place and date (EVENTS.md Annotation → Location, Date) --


@pytest.mark.parametrize(
    ("text", "published", "trigger", "expected"),
    [
        (
            "Президент Франции прибыл в Пекин с государственным визитом.",
            "2019-11-04",
            "прибыл",
            (["Пекин"], []),
        ),
        (
            "Министр иностранных дел Японии совершит визит в Москву в следующем месяце.",
            "2011-02-05",
            "визит",
            (["Москва"], ["2011-03"]),
        ),
        (
            "Переговоры России и США о стратегической стабильности прошли в Женеве.",
            "2021-07-28",
            "переговоры",
            (["Женева"], []),
        ),
        ("Обстрел Донецка продолжался всю ночь.", "2015-01-20", "обстрел", (["Донецк"], [])),
        (
            "Украинские военные обстреляли Донецк в пятницу.",
            "2015-01-20",
            "обстреляли",
            (["Донецк"], ["2015-01-16"]),
        ),
        (
            "В субботу тысячи человек вышли на митинг на Болотной площади в Москве.",
            "2011-12-12",
            "вышли",
            (["Москва"], ["2011-12-10"]),
        ),
        ("Полиция задержала в Турции двух журналистов.", "2016-07-20", "задержала", (["Турция"], [])),
        ("Путин и Меркель провели телефонный разговор.", "2014-03-10", "разговор", ([], [])),
        (
            "Вчера полиция задержала в Лондоне 100 человек.",
            "2011-08-10",
            "задержала",
            (["Лондон"], ["2011-08-09"]),
        ),
        (
            "На прошлой неделе полиция задержала в Лондоне 100 человек.",
            "2011-08-10",
            "задержала",
            (["Лондон"], ["2011-08-01/2011-08-07"]),
        ),
        (
            "Весной этого года ЕС откроет в Ташкенте региональный центр.",
            "2020-03-11",
            "откроет",
            (["Ташкент"], ["2020-03/2020-05"]),
        ),
        (
            "В начале сентября министры встретились в Брюсселе.",
            "2020-10-11",
            "встретились",
            (["Брюссель"], ["2020-09"]),
        ),
        (
            "В ночь на 17 февраля боевики обстреляли Донецк.",
            "2015-02-20",
            "обстреляли",
            (["Донецк"], ["2015-02-17"]),
        ),
        (
            "Министры обсудили ситуацию 3 марта 2014 года в Брюсселе.",
            "2014-03-20",
            "обсудили",
            (["Брюссель"], ["2014-03-03"]),
        ),
        ("В прошлом году Россия и Китай подписали соглашение.", "2020-05-05", "подписали", ([], ["2019"])),
        (
            "На пресс-конференции в Минске Лукашенко обвинил Польшу во вмешательстве.",
            "2020-08-20",
            "обвинил",
            (["Минск"], []),
        ),
        (
            "Демонстранты собрались у парламента в Киеве, требуя отставки правительства.",
            "2014-01-20",
            "требуя",
            (["Киев"], []),
        ),
    ],
)
def test_place_and_date_of_own_sentences(pipeline, text, published, trigger, expected):
    _, found = analyse(pipeline, text, published)
    # the trigger word may move within the phrase as the lexicon grows (`вышли на митинг`)
    assert found.get(trigger) == expected or expected in found.values(), found


def test_dateline_city_is_never_the_event_place(pipeline):
    text = (
        "Москва. 11 марта. INTERFAX.RU - Представители ЕС и стран Центральной Азии провели встречу в среду."
    )
    _, found = analyse(pipeline, text, "2020-03-11")
    assert found["провели"] == ([], ["2020-03-11"])


def test_statement_after_arrival_is_made_where_the_visitor_is(pipeline):
    text = (
        "Министр иностранных дел России Сергей Лавров прибыл в Исламабад. "
        "При этом министр призвал Пакистан усилить борьбу с терроризмом."
    )
    _, found = analyse(pipeline, text)
    assert found["призвал"][0] == ["Исламабад"]


def test_statement_with_a_time_of_its_own_is_not_at_the_occasion(pipeline):
    text = "Сергей Лавров прибыл в Исламабад. Накануне парламент Пакистана осудил рейд."
    _, found = analyse(pipeline, text)
    assert found["осудил"][0] == []


def test_city_restatement_refines_a_country_place():
    pakistan, islamabad = Location("Пакистан", None, "PAK"), Location("Исламабад", 1176615, "PAK")
    events = [_event(0, "2011-05-15", pakistan), _event(1, None, islamabad)]
    first, second = fill_restatements(events)
    assert (first.location, first.date) == (islamabad, "2011-05-15")
    assert second.date == "2011-05-15"
    far = fill_restatements([_event(1, "2011-05-15", pakistan), _event(3, None, islamabad)])
    assert far[0].location == pakistan  # a city three sentences on may be another act


def test_headline_takes_nothing_from_a_later_act_of_its_type():
    events = [_event(0, None, None), _event(3, None, None), _event(8, "2013-04", None)]
    first, *_ = fill_restatements(events)
    assert first.date is None  # s8 is another resignation (the predecessor's), not the headline's


def test_counted_event_is_dated_from_the_lead_day(pipeline):
    text = (
        "Министр обороны России в пятницу посетил Курилы. "
        "Эта поездка состоялась за неделю до визита в Москву министра иностранных дел Японии."
    )
    article, _ = analyse(pipeline, text, "2011-02-05")
    anchor = document_anchor(article)
    assert anchor == dt.date(2011, 2, 4)
    sentence = article.sentences[1]
    tree = Tree(sentence.tokens)
    visit = next(i for i, t in enumerate(sentence.tokens) if t.text == "визита")
    found = find_dates(tree, sentence, visit, visit, dt.date(2011, 2, 5), None, anchor=anchor)
    assert [v for _, v in found] == ["2011-02-11"]
    assert find_dates(tree, sentence, visit, visit, dt.date(2011, 2, 5), None) == []  # no lead day: unknown


def _events_of(pipeline, text: str, published: str) -> tuple[object, list[Event]]:
    article = pipeline.process(document_of({"id": "t", "text": text, "published": published}))
    return article, list(article.events)


def test_then_takes_the_date_of_the_previous_sentence(pipeline):
    text = "В 2009 году в Грузии прошли массовые протесты. Тогда демонстранты требовали отставки Саакашвили."
    article, events = _events_of(pipeline, text, "2011-05-26")
    undated = [replace(e, date=None) if e.sentence == 1 else e for e in events]
    filled = fill_restatements(undated, article)
    assert {e.date for e in filled if e.sentence == 1} == {"2009"}
    assert {e.date for e in fill_restatements(undated) if e.sentence == 1} == {None}


def test_report_sentence_dates_the_news_before_it(pipeline):
    text = (
        "Египетские спецслужбы арестовали лидера «Братьев-мусульман». Об этом во вторник сообщили СМИ Египта."
    )
    article, events = _events_of(pipeline, text, "2013-08-21")
    arrest = [e for e in events if e.type == EventType.COERCE]
    assert arrest and {e.date for e in arrest} == {"2013-08-20"}


def test_phone_call_and_what_is_said_on_it_have_no_place(pipeline):
    text = (
        "Министр иностранных дел России Сергей Лавров в среду провел телефонный разговор с китайским "
        "коллегой Цинь Ганом. Стороны обсудили подготовку к визиту председателя КНР в Москву. "
        "Лавров поблагодарил китайского коллегу за поддержку."
    )
    article, found = analyse(pipeline, text, "2023-03-10")
    assert found["разговор"] == ([], ["2023-03-08"])
    assert found["поблагодарил"][0] == []  # not the Moscow of the visit still being prepared
    events = {e.trigger: e for e in article.events}
    assert events["разговор"].location is None and events["разговор"].date == "2023-03-08"
    assert events["поблагодарил"].location is None


def test_part_of_a_city_is_that_city():
    from letopis.events.location import _whole_city

    berlin = _whole_city("Западный Берлин", None)
    assert berlin is not None and berlin.name == "Берлин" and berlin.country == "DEU"
    assert _whole_city("Старый Оскол", None) is None  # a city of its own, not a part of one


def test_past_weekend_is_its_saturday_and_sunday():
    (e,) = find_time_expressions("акции прошли в минувшие выходные")
    from letopis.dates import resolve

    assert resolve(e, dt.date(2013, 2, 20), "past") == "2013-02-16/2013-02-17"
    assert resolve(e, None, "past") is None


def test_caption_date_far_from_publication_is_not_the_anchor(pipeline):
    text = "Пожар в Лондоне\nУлица в Лондоне 1 января 2010 года.\nВ пятницу в Лондоне сгорел склад."
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2018-03-11"}))
    assert document_anchor(article) == dt.date(2018, 3, 9)


def _act(
    sentence: int, sources: tuple[str, ...], targets: tuple[str, ...], date=None, location=None
) -> Event:
    return Event(
        "d",
        EventType.COERCE,
        sources,
        targets,
        location,
        date,
        Modality.ASSERTED,
        "e",
        0.5,
        sentence=sentence,
    )


def test_headline_gathers_date_and_place_from_the_lead_restatements():
    serbia = Location("Сербия", None, "SRB")
    events = [
        _act(0, (), ("Младич",)),
        _act(1, ("SRB",), ("Младич",), "2011-05-26"),
        _act(4, ("SRB",), ("Младич",), None, serbia),
        _act(9, (), ("Младич",)),
    ]
    out = fill_restatements(events)
    assert [(e.date, e.location) for e in out[:3]] == [("2011-05-26", serbia)] * 3  # one record
    assert (out[3].date, out[3].location) == ("2011-05-26", serbia)  # told again, bare: the same act


def test_headline_keeps_its_act_apart_from_another_partys():
    events = [_act(0, ("ESP",), ("Лисов",)), _act(1, ("ESP",), ("Петров",), "2016-01-13")]
    assert fill_restatements(events)[0].date is None
    same_target = [_act(0, ("ESP",), ("Лисов",)), _act(1, ("USA",), ("Лисов",), "2016-01-13")]
    assert fill_restatements(same_target)[0].date == "2016-01-13"


def test_body_arrest_takes_the_city_of_a_later_retelling():
    turkey = Location("Турция", None, "TUR")
    gaziantep = Location("Газиантеп", 314830, "TUR")
    events = [
        _act(0, ("TUR",), ("Бакрауи",), None, turkey),
        _act(2, ("TUR",), ("Бакрауи",), None, turkey),
        _act(5, ("TUR",), ("Бакрауи",), None, gaziantep),
    ]
    out = fill_restatements(events)
    assert [e.location for e in out] == [gaziantep] * 3
    other = [_act(2, ("TUR",), ("Бакрауи",), None, turkey), _act(5, ("TUR",), ("Петров",), None, gaziantep)]
    assert fill_restatements(other)[0].location == turkey


def test_the_country_is_the_state_the_text_is_about(pipeline):
    text = (
        "Правительство Болгарии подало в отставку. "
        "Тысячи человек вышли на митинги по всей стране. "
        "Военные обстреляли позиции боевиков на востоке страны. "
        "Полиция задержала трех активистов в соседней стране."
    )
    _, found = analyse(pipeline, text, "2013-02-20")
    assert found["вышли"][0] == ["Болгария"]
    assert found["обстреляли"][0] == ["Болгария"]
    assert found["задержала"][0] == []  # `соседней`: another state


def test_participle_for_the_doers_takes_the_verbs_time(pipeline):
    text = "Десятки тысяч протестующих по всей Болгарии вышли на улицы в прошедшие выходные."
    _, found = analyse(pipeline, text, "2013-02-20")
    assert found["протестующих"] == (["Болгария"], ["2013-02-16/2013-02-17"])


def test_clause_saying_the_act_took_place_dates_and_places_it(pipeline):
    text = "Следователи изучают нападение на полицейских, случившееся в понедельник в Лондоне."
    _, found = analyse(pipeline, text, "2011-08-10")
    assert found["нападение"] == (["Лондон"], ["2011-08-08"])
    text = "Поводом для протестов стало убийство полицейским молодого британца, которое произошло 4 августа."
    _, found = analyse(pipeline, text, "2011-08-10")
    assert found["убийство"][1] == ["2011-08-04"]
    # the relative word agrees with the victim, not the act: the clause is about the victim
    text = "Полиция расследует убийство британца, который приехал 4 августа."
    _, found = analyse(pipeline, text, "2011-08-10")
    assert found["убийство"][1] == []


def _headline_event(trigger: str) -> Event:
    return Event("t", EventType.REJECT, ("RUS",), (), None, None, Modality.ASSERTED, "e", 0.5, trigger, 0)


HEADLINE_DATES = [
    # the headline takes the date of the sentence that retells it
    (
        "Премьер подписал указ о выходе страны из договора\n"
        "Премьер-министр подписал указ, сообщает пресс-служба правительства.\n"
        "Указ был подписан во вторник, 15 ноября.",
        "2016-11-16", "выходе", "2016-11-15",
    ),
    # a headline verb is dated by the body noun that says it took place
    (
        "Оппозиционного журналиста застрелили у подъезда\n"
        "Следователи выясняют мотивы преступления.\n"
        "Убийство произошло в понедельник, 12 марта.",
        "2018-03-13", "застрелили", "2018-03-12",
    ),
    # not dated by a report: the confirmation's day, not the arrests'
    (
        "Генпрокурор подтвердил задержание 20 чиновников\n"
        "Генпрокурор в четверг, 9 ноября, подтвердил, что власти задержали 20 чиновников.",
        "2017-11-09", "задержание", None,
    ),
    # not dated by an older act
    (
        "Министр подал в отставку\nЕго предшественник в середине апреля тоже подал в отставку, 3 мая уехав.",
        "2013-06-20", "подал", None,
    ),
]


@pytest.mark.parametrize(("text", "published", "trigger", "date"), HEADLINE_DATES)
def test_headline_date_comes_from_the_body_sentence_that_retells_the_act(
    pipeline, text: str, published: str, trigger: str, date: str | None
):
    article, _ = _events_of(pipeline, text, published)
    [event] = headline_dates([_headline_event(trigger)], article)
    assert event.date == date


def test_then_sentence_shares_the_scene_of_the_previous_one(pipeline):
    text = "В марте в Тбилиси прошли массовые митинги. Тогда демонстранты требовали отставки Саакашвили."
    article, events = _events_of(pipeline, text, "2011-05-26")
    placed = [replace(e, location=None, date=None) if e.sentence == 1 else e for e in events]
    assert any(e.sentence == 0 and e.location for e in placed) and any(e.sentence == 1 for e in placed)
    filled = fill_restatements(placed, article)
    assert {e.location.name for e in filled if e.sentence == 1 and e.location} == {"Тбилиси"}


@pytest.mark.parametrize(
    ("text", "trigger", "name", "country"),
    [
        ("На Украине задержали троих активистов.", "задержали", "Украина", "UKR"),
        ("В Крыму задержали троих активистов.", "задержали", "Крым", "UKR"),
        ("В районе Донецка произошли столкновения.", "столкновения", "Донецк", "UKR"),
    ],
)
def test_country_region_and_area_places(pipeline, text, trigger, name, country):
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2020-03-11"}))
    index = ActorIndex(article)
    sentence = article.sentences[0]
    tree = Tree(sentence.tokens)
    [trig] = [t for t in find_triggers(tree) if sentence.tokens[t.index].text == trigger]
    pred = find_arguments(tree, 0, trig.index, trig.type, index).predicate
    [(_, place)] = find_locations(tree, 0, trig.index, pred, index, trig.partner, str(trig.type))
    assert (place.name, place.country) == (name, country)
    assert (place.geonameid is None) == (name != "Донецк")  # a region has no city id


def test_act_told_again_takes_the_day_the_previous_sentence_gives_it(pipeline):
    text = (
        "Пограничники сообщили, что катер с грузом наркотиков, задержанный у побережья 12 марта, шел из Колумбии. "
        "На борту катера, задержанного пограничниками, нашли груз наркотиков."
    )
    article, _ = _events_of(pipeline, text, "2020-03-20")
    event = Event(
        "t", EventType.COERCE, ("USA",), (), None, None, Modality.ASSERTED, "e", 0.5, "задержанного", 1
    )
    [retold] = retold_dates([event], article)
    assert retold.date == "2020-03-12"
    other = replace(event, sentence=1, trigger="нашли")
    assert retold_dates([other], article)[0].date is None  # another act of that sentence


def test_march_through_a_city_is_in_it_but_talks_on_a_country_are_not(pipeline):
    _, found = analyse(pipeline, "Тысячи демонстрантов прошли по улицам Киева.", "2020-03-11")
    assert found["демонстрантов"][0] == ["Киев"]
    _, found = analyse(pipeline, "Дипломаты провели переговоры по Сирии.", "2020-03-11")
    assert all(places == [] for places, _ in found.values())


def test_title_without_acts_puts_the_headline_one_line_down(pipeline):
    text = (
        "Долгожданная свобода\n"
        "В Белоруссии из колонии освобождена журналистка Мария Петрова.\n"
        "В пятницу, 12 марта, власти Белоруссии освободили журналистку Марию Петрову из колонии."
    )
    article, _ = _events_of(pipeline, text, "2021-03-13")
    event = Event(
        "t", EventType.CONCEDE, ("BLR",), (), None, None, Modality.ASSERTED, "e", 0.5, "освобождена", 1
    )
    [dated] = headline_dates([event], article)
    assert dated.date == "2021-03-12"
    with_title = Event(
        "t", EventType.SUPPORT, ("BLR",), (), None, None, Modality.ASSERTED, "e", 0.5, "свобода", 0
    )
    assert headline_dates([with_title, event], article)[1].date is None  # the title states an act itself


def _places(pipeline, text: str, word: str, published: str = "2011-05-18") -> list[Location]:
    """Locations the clause rules give the trigger `word`, with their gazetteer ids."""
    article = pipeline.process(document_of({"id": "t", "text": text, "published": published}))
    index = ActorIndex(article)
    for si, sentence in enumerate(article.sentences):
        for lo, hi in segments(sentence):
            tree = Tree(sentence.tokens, lo, hi)
            for trig in find_triggers(tree):
                if sentence.tokens[trig.index].text.lower() == word:
                    pred = find_arguments(tree, si, trig.index, trig.type, index).predicate
                    found = find_locations(tree, si, trig.index, pred, index, trig.partner, str(trig.type))
                    return [p for _, p in found]
    raise AssertionError(f"no trigger {word!r}")


def test_reported_statement_takes_the_time_and_place_of_its_saying(pipeline):
    _, found = analyse(
        pipeline,
        "Министр иностранных дел Японии заявил в понедельник в Токио, что Япония осуждает испытания ракет КНДР.",
        "2011-05-18",
    )
    assert found["осуждает"] == (["Токио"], ["2011-05-16"])
    _, found = analyse(
        pipeline, "Президент Франции сказал вчера в Париже: «Франция поддерживает Грузию».", "2011-05-18"
    )
    assert found["поддерживает"] == (["Париж"], ["2011-05-17"])


def test_city_state_is_the_city_where_the_meeting_is(pipeline):
    (place,) = _places(
        pipeline,
        "На совещании в Люксембурге министры финансов стран ЕС договорились о создании фонда.",
        "договорились",
    )
    assert (place.name, place.country) == ("Люксембург", "LUX") and place.geonameid is not None


def test_court_of_a_district_of_a_city_sits_in_that_city(pipeline):
    _, found = analyse(
        pipeline,
        "Суд Октябрьского района города Гомеля приговорил оппозиционера Николая Статкевича к шести годам.",
    )
    assert found["приговорил"][0] == ["Гомель"]


def test_meeting_during_a_visit_to_a_country_is_in_the_city_it_is_told_in(pipeline):
    places = _places(
        pipeline,
        "В ходе визита в Украину президент Польши встретился с Виктором Януковичем. "
        "В Киеве во время совместной пресс-конференции стороны подписали соглашение о сотрудничестве.",
        "встретился",
    )
    assert [p.name for p in places] == ["Киев"]


def _told(kind: EventType, sentence: int, trigger: str, sides: tuple[str, ...] = ("RUS",), **kw) -> Event:
    return Event(
        "d",
        kind,
        sides,
        (),
        kw.get("location"),
        kw.get("date"),
        Modality.ASSERTED,
        "e",
        0.5,
        trigger=trigger,
        sentence=sentence,
    )


def test_acts_at_a_rally_take_its_day_and_place_but_later_ones_do_not(pipeline):
    from letopis.events.timing import occasion_dates

    text = (
        "В понедельник в Москве прошла акция протеста оппозиции. "
        "Полиция задерживала активистов по мере прибытия участников акции. "
        "Полицейские задержали более ста человек. "
        "Позже задержанных отпустили."
    )
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2011-05-18"}))
    moscow = Location("Москва", 524901, "RUS")
    events = [
        _told(EventType.PROTEST, 0, "акция", location=moscow, date="2011-05-16"),
        _told(EventType.COERCE, 1, "задерживала"),
        _told(EventType.COERCE, 2, "задержали"),
        _told(EventType.CONCEDE, 3, "отпустили"),
    ]
    out = occasion_dates(events, article)
    assert [(e.date, e.location) for e in out[1:3]] == [("2011-05-16", moscow)] * 2
    assert (out[3].date, out[3].location) == (None, None)  # `позже`: another time


def test_statement_that_goes_on_takes_the_day_of_the_speakers_last_one(pipeline):
    from letopis.events.timing import occasion_dates

    text = (
        "Во вторник министр иностранных дел Японии осудил испытания ракет КНДР. "
        "Министр также осудил визит российского премьера на Курилы. "
        "Он также напомнил, что Китай осуждает санкции."
    )
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2011-05-18"}))
    events = [
        _told(EventType.ACCUSE, 0, "осудил", ("JPN",), date="2011-05-17"),
        _told(EventType.ACCUSE, 1, "осудил", ("JPN",)),
        _told(EventType.ACCUSE, 2, "осуждает", ("CHN",)),
    ]
    out = occasion_dates(events, article)
    assert [e.date for e in out] == ["2011-05-17", "2011-05-17", None]  # another speaker: no share


def test_words_said_before_their_saying_take_its_time_and_place(pipeline):
    text = "«Франция осуждает этот теракт», — заявил сегодня в Париже президент Франции."
    _, found = analyse(pipeline, text, "2011-05-18")
    assert found["осуждает"] == (["Париж"], ["2011-05-18"])
    text = "Как заявил вчера в Москве премьер-министр, Россия поддерживает позицию Китая."
    _, found = analyse(pipeline, text, "2011-05-18")
    assert found["поддерживает"] == (["Москва"], ["2011-05-17"])


def test_demand_right_after_a_dated_press_conference_is_made_at_it(pipeline):
    from letopis.events.timing import occasion_dates

    opening = "Министр обороны Японии выступил вчера на пресс-конференции в Токио. "
    for follow, kind, expected in [
        ("Он потребовал от КНДР прекратить ядерные испытания.", EventType.REQUEST, "2011-05-17"),
        ("КНДР ранее отвергла требования Японии.", EventType.REJECT, None),  # an older act
        ("Полиция задержала у здания министерства двух активистов.", EventType.COERCE, None),  # not said
    ]:
        article = pipeline.process(
            document_of({"id": "t", "text": opening + follow, "published": "2011-05-18"})
        )
        (out,) = occasion_dates([_told(kind, 1, follow.split()[1], ("JPN",))], article)
        assert out.date == expected, follow


def test_process_told_after_a_meeting_is_not_dated_by_it(pipeline):
    from letopis.events.timing import occasion_dates

    text = (
        "В понедельник в Лондоне прошло совещание министров. "
        "По итогам совещания министр заявила, что расследование нападения продвигается быстро."
    )
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2011-05-18"}))
    (going,) = occasion_dates([_told(EventType.ACCUSE, 1, "расследование", ("GBR",))], article)
    assert going.date is None  # `расследование продвигается`: a process going on, not an act done there
    (said,) = occasion_dates([_told(EventType.ACCUSE, 1, "заявила", ("GBR",))], article)
    assert said.date == "2011-05-16"


def test_converb_of_speaking_sets_the_time_and_place_of_its_verb(pipeline):
    text = (
        "Выступая в понедельник на митинге в Тбилиси, лидер оппозиции Нино Бурджанадзе "
        "потребовала отставки президента Грузии."
    )
    _, found = analyse(pipeline, text, "2011-05-18")
    assert found["потребовала"] == (["Тбилиси"], ["2011-05-16"])


def test_for_whom_is_no_place(pipeline):
    """`шпионаж в пользу Великобритании`: the state spied for is not where the sentence was passed."""
    _, found = analyse(
        pipeline, "Суд приговорил бывшего офицера к 10 годам за шпионаж в пользу Великобритании."
    )
    assert found["приговорил"][0] == []


def test_region_named_like_its_city_is_the_region(pipeline):
    """`в провинции Идлиб`, `в штате Нью-Йорк`: the province, not the city (no gazetteer id)."""
    _, found = analyse(pipeline, "Силы безопасности задержали 12 человек в провинции Идлиб.")
    assert found["задержали"][0] == ["Идлиб"]
    article = pipeline.process(
        document_of(
            {
                "id": "t",
                "text": "Полиция задержала десятки демонстрантов в штате Нью-Йорк.",
                "published": None,
            }
        )
    )
    index = ActorIndex(article)
    sentence = article.sentences[0]
    tree = Tree(sentence.tokens, 0, len(sentence.tokens))
    (trig,) = [t for t in find_triggers(tree) if t.type == EventType.COERCE]
    pred = find_arguments(tree, 0, trig.index, trig.type, index).predicate
    ((_, place),) = find_locations(tree, 0, trig.index, pred, index, trig.partner, "COERCE")
    assert (place.name, place.geonameid, place.country) == ("Нью-Йорк", None, "USA")


def test_date_after_what_a_march_is_against_dates_the_march(pipeline):
    """`марш против расизма 8 марта`: racism is no act to be dated; `против введения` is one."""
    _, found = analyse(pipeline, "В Бостоне сотни человек приняли участие в марше против расизма 12 мая.")
    assert found["марше"][1] == ["2011-05-12"]


def test_what_a_statement_accuses_of_is_not_where_it_is_made(pipeline):
    """`обвинила Украину в обстреле Донецка`: Donetsk is what the charge is about (EVENTS.md Location)."""
    _, found = analyse(pipeline, "Россия обвинила Грузию в обстреле Цхинвала.")
    assert found["обвинила"][0] == []
    _, found = analyse(pipeline, "Министр заявил на встрече в Берлине, что Германия не признает выборы.")
    assert found["признает"][0] == ["Берлин"]  # an occasion it is said at still places it


def test_act_on_attendees_right_after_a_dated_rally_is_at_that_rally(pipeline):
    from letopis.events.timing import occasion_dates

    article = pipeline.process(
        document_of(
            {
                "id": "t",
                "text": "Митинг прошел в воскресенье в Екатеринбурге. Полиция задержала нескольких участников.",
                "published": "2011-05-18",
            }
        )
    )
    index = ActorIndex(article)
    (out,) = occasion_dates([_told(EventType.COERCE, 1, "задержала")], article, index)
    assert out.date == "2011-05-15"


def test_going_on_with_a_statement_takes_only_an_exact_day(pipeline):
    """`В декабре … ввёл мораторий. Кроме того, …`: a month covers many occasions, not this one."""
    from letopis.events.timing import occasion_dates

    text = "Правительство Японии в декабре ввело мораторий на выплаты. Кроме того, Япония потребовала переговоров."
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2011-05-18"}))
    events = [
        _told(EventType.SANCTION, 0, "ввело", ("JPN",), date="2010-12"),
        _told(EventType.REQUEST, 1, "потребовала", ("JPN",)),
    ]
    assert occasion_dates(events, article)[1].date is None
    events[0] = replace(events[0], date="2010-12-14")
    assert occasion_dates(events, article)[1].date == "2010-12-14"


def test_unplaced_talks_right_after_an_arrival_are_where_the_visitor_came(pipeline):
    text = "Глава МИД Ирана прибыл в Москву. В ходе переговоров с Лавровым он заявил, что Тегеран не откажется от ядерной программы."
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2011-05-18"}))
    index = ActorIndex(article)
    sentence = article.sentences[1]
    tree = Tree(sentence.tokens, 0, len(sentence.tokens))
    talks = next(i for i, t in enumerate(sentence.tokens) if t.text == "переговоров")
    ((_, place),) = find_locations(tree, 1, talks, talks, index, -1, "CONSULT")
    assert place.name == "Москва"


def test_arrest_right_after_a_dated_rally_is_at_it(pipeline):
    from letopis.events.timing import occasion_dates

    text = "Митинг прошел в воскресенье в Екатеринбурге. Полиция задержала 30 человек."
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2011-05-18"}))
    (out,) = occasion_dates([_told(EventType.COERCE, 1, "задержала")], article, ActorIndex(article))
    assert (out.date, out.location and out.location.name) == ("2011-05-15", "Екатеринбург")


def test_statement_about_an_occasion_is_not_made_at_it(pipeline):
    """`заявили, что акция незаконна` is about the rally; `заявил на митинге` is said at it."""
    from letopis.events.timing import occasion_dates

    about = "Акция прошла в воскресенье в Екатеринбурге. Власти заявили, что акция незаконна."
    article = pipeline.process(document_of({"id": "t", "text": about, "published": "2011-05-18"}))
    (out,) = occasion_dates([_told(EventType.ACCUSE, 1, "заявили")], article)
    assert out.date is None
    at = "Акция прошла в воскресенье в Екатеринбурге. На акции лидер партии осудил власти."
    article = pipeline.process(document_of({"id": "t", "text": at, "published": "2011-05-18"}))
    (out,) = occasion_dates([_told(EventType.ACCUSE, 1, "осудил")], article)
    assert out.date == "2011-05-15"


def test_headline_arrest_at_a_rally_takes_the_day_the_lead_gives_the_rally(pipeline):
    text = (
        "Полиция задержала более ста участников акции в Екатеринбурге\n"
        "В воскресенье, 15 мая, в центре Екатеринбурга прошла акция против строительства храма."
    )
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2011-05-18"}))
    (out,) = headline_dates([_told(EventType.COERCE, 0, "задержала")], article)
    assert out.date == "2011-05-15"


def test_report_sentence_places_the_statement_it_reports(pipeline):
    """`… готова предоставить убежище. Об этом он сообщил в пятницу в ходе парада в Каракасе.`"""
    from letopis.events.timing import context_dates

    text = (
        "Президент Венесуэлы заявил, что его страна готова предоставить убежище беглецу. "
        "Об этом он сообщил в пятницу в ходе парада в Каракасе."
    )
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2011-05-18"}))
    (out,) = context_dates(
        [_told(EventType.AGREE, 0, "предоставить", ("VEN",))], article, ActorIndex(article)
    )
    assert (out.date, out.location and out.location.name) == ("2011-05-13", "Каракас")


def test_headline_offer_takes_the_day_of_the_saying_that_retells_it(pipeline):
    text = (
        "Боливия готова предоставить беглецу политическое убежище\n"
        "13 мая президент Боливии сообщил, что готов предоставить беглецу политическое убежище."
    )
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2011-05-18"}))
    (out,) = headline_dates([_told(EventType.AGREE, 0, "предоставить", ("BOL",))], article)
    assert out.date == "2011-05-13"


def test_then_sentence_takes_the_scene_of_a_sentence_with_no_act(pipeline):
    """`В 2009 году в Армении происходили подобные события. Тогда митинги …`: the same scene."""
    from letopis.events.timing import context_dates

    text = "В 2008 году в Армении происходили подобные события. Тогда митинги оппозиции длились неделями."
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2011-05-18"}))
    (out,) = context_dates([_told(EventType.PROTEST, 1, "митинги", ("ARM",))], article, ActorIndex(article))
    assert (out.date, out.location and out.location.name) == ("2008", "Армения")


def test_act_noun_of_the_same_type_is_not_a_bare_retelling_of_the_headline(pipeline):
    """`Арестован …` then `процесс экстрадиции … запущен`: another act, it takes nothing."""
    text = (
        "Арестован бывший генерал\n"
        "Сегодня в Белграде арестован бывший генерал.\n"
        "Об этом сообщили журналистам.\n"
        "Президент выступил по телевидению.\n"
        "Он поблагодарил полицию.\n"
        "По словам президента, процесс экстрадиции уже запущен."
    )
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2011-05-18"}))
    events = [
        _told(EventType.COERCE, 0, "Арестован", ("SRB",), date="2011-05-18"),
        _told(EventType.COERCE, 5, "экстрадиции", ("SRB",)),
    ]
    assert fill_restatements(events, article)[1].date is None


def test_weekday_of_a_noun_act_takes_the_tense_of_its_verb(pipeline):
    """`в пятницу подписал указ о санкциях`: the sanctions were imposed last Friday, not next."""
    _, found = analyse(
        pipeline, "Президент США в пятницу подписал указ о санкциях против Ирана.", "2011-05-19"
    )
    assert found["санкциях"][1] == ["2011-05-13"]
    _, found = analyse(
        pipeline, "Президент США в пятницу подпишет указ о санкциях против Ирана.", "2011-05-19"
    )
    assert found["санкциях"][1] == ["2011-05-20"]


def test_news_takes_the_day_of_the_report_told_beside_it(pipeline):
    """`…, сообщает во вторник пресс-служба МВД`: as `Об этом во вторник сообщили`, the news' day."""
    text = "Полиция Киргизии задержала в Оше двух граждан Казахстана, сообщает во вторник пресс-служба МВД."
    _, found = analyse(pipeline, text, "2011-05-19")
    assert found["задержала"] == (["Ош"], ["2011-05-17"])


def test_rally_told_by_another_rally_word_is_the_same_rally(pipeline):
    from letopis.events.timing import occasion_dates

    text = "Накануне полиция задержала 400 участников «Марша несогласных». Акция закончилась столкновениями."
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2011-05-18"}))
    (out,) = occasion_dates([_told(EventType.ASSAULT, 1, "столкновениями")], article)
    assert out.date == "2011-05-17"


def test_physical_act_right_after_one_of_a_day_and_place_is_of_that_scene(pipeline):
    from letopis.events.timing import occasion_dates

    text = "Полиция в субботу задержала в Бишкеке 30 демонстрантов. Полиция применила слезоточивый газ."
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2011-05-18"}))
    bishkek = Location("Бишкек", 1528675, "KGZ")
    events = [
        _told(EventType.COERCE, 0, "задержала", ("KGZ",), date="2011-05-14", location=bishkek),
        _told(EventType.ASSAULT, 1, "применила", ("KGZ",)),
    ]
    out = occasion_dates(events, article)[1]
    assert (out.date, out.location) == ("2011-05-14", bishkek)
    later = text.replace("Полиция применила", "Позже полиция применила")  # `позже`: another time
    article = pipeline.process(document_of({"id": "t", "text": later, "published": "2011-05-18"}))
    assert occasion_dates(events, article)[1].date is None


def test_place_in_a_medium_name_is_no_place(pipeline):
    _, found = analyse(
        pipeline, "Министр обороны Грузии в эфире телеканала «Россия 24» обвинил Москву в агрессии."
    )
    assert found["обвинил"][0] == []


def test_act_to_come_from_a_date_on_happens_then(pipeline):
    """`вступят в силу с 1 июня`: the act starts then; `скрывается с 1995 года` is a state (null)."""
    _, found = analyse(pipeline, "Россия с 1 июня прекратит поставки газа в Белоруссию.", "2011-05-16")
    assert found["прекратит"][1] == ["2011-06-01"]
    _, found = analyse(pipeline, "Беглец скрывается с 1995 года, Сербия ведет его розыск.", "2011-05-16")
    assert all(v == [] for _, v in found.values())


def test_places_listed_after_a_place_noun_are_each_a_place(pipeline):
    """`в нескольких городах: Ливерпуле, Манчестере` — the cities a colon or dash lists after a
    generic place noun are where the act is, one record each."""
    _, found = analyse(
        pipeline, "Вечером беспорядки вспыхнули в трёх городах страны: Лидсе, Шеффилде и Ноттингеме."
    )
    assert found["беспорядки"][0] == ["Лидс", "Шеффилд", "Ноттингем"]
    _, found = analyse(pipeline, "Белорусская милиция задержала активистов в двух городах — Гродно и Бресте.")
    assert found["задержала"][0] == ["Гродно", "Брест"]


def test_act_counted_off_from_a_place_is_at_that_place(pipeline):
    """`неподалёку от Донецка`, `в 20 км от Донецка`, `к северу от Алеппо`: like `близ`, the act is
    placed at the place it is counted off from; a march `от Лахора` still starts there."""
    _, found = analyse(pipeline, "Неподалеку от Луганска украинская армия обстреляла грузовик.")
    assert found["обстреляла"][0] == ["Луганск"]
    _, found = analyse(pipeline, "Украинская армия обстреляла грузовик в 15 км от Луганска.")
    assert found["обстреляла"][0] == ["Луганск"]
    _, found = analyse(pipeline, "Сирийская армия обстреляла деревню к востоку от Дамаска.")
    assert found["обстреляла"][0] == ["Дамаск"]


def test_onward_count_dates_from_the_act_told_before(pipeline):
    """`Спустя два дня …`, `Через неделю …` opening a sentence of a past account count on from the
    day of the act told before; `через неделю после выборов` counts from the elections (unknown)."""
    from letopis.events.timing import context_dates

    text = (
        "Турецкая полиция 3 марта задержала в Анкаре журналиста. "
        "Спустя три дня его освободили. Через неделю суд снова арестовал его. "
        "Через месяц после выборов полиция задержала его брата."
    )
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2016-04-01"}))
    events = [
        _told(EventType.COERCE, 0, "задержала", ("TUR",), date="2016-03-03"),
        _told(EventType.CONCEDE, 1, "освободили", ("TUR",)),
        _told(EventType.COERCE, 2, "арестовал", ("TUR",)),
        _told(EventType.COERCE, 3, "задержала", ("TUR",)),
    ]
    out = context_dates(events, article)
    assert [e.date for e in out[1:]] == ["2016-03-06", "2016-03-13", None]


def test_named_speaker_goes_on_with_the_meeting_told_before(pipeline):
    """`По словам Лаврова, …` after a dated meeting: its statements are of that meeting, day and
    place; a physical act told so keeps its own place."""
    from letopis.events.timing import context_dates

    text = (
        "Министр иностранных дел провел в среду в Минске переговоры с белорусским коллегой. "
        "По словам министра, стороны договорились расширить сотрудничество."
    )
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2016-04-01"}))
    minsk = Location("Минск", 625144, "BLR")
    events = [
        _told(EventType.CONSULT, 0, "переговоры", ("RUS", "BLR"), date="2016-03-30", location=minsk),
        _told(EventType.AGREE, 1, "договорились", ("RUS", "BLR")),
        _told(EventType.COERCE, 1, "задержан", ("BLR",)),
    ]
    out = context_dates(events, article)
    assert (out[1].date, out[1].location) == ("2016-03-30", minsk)
    assert (out[2].date, out[2].location) == ("2016-03-30", None)


def test_later_occasion_to_come_is_another_one(pipeline):
    """`Следующая встреча министров пройдет в Анкаре` does not place `В ходе встречи` told before it."""
    _, found = analyse(
        pipeline,
        "Министры обороны Турции и Ирана провели переговоры. В ходе встречи стороны договорились "
        "о совместных учениях. Следующая встреча министров пройдет в апреле в Тегеране.",
    )
    assert found["договорились"][0] != ["Тегеран"]


def test_occasion_prepared_for_has_not_taken_place(pipeline):
    """`подготовку к новому раунду переговоров в Астане`: the round is still to come, its place is not
    where the next sentence's agreement is made."""
    from letopis.events.location import occasions

    text = "Стороны обсудили подготовку к новому раунду переговоров в Астане."
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2016-04-01"}))
    assert [o.staged for o in occasions(ActorIndex(article)) if o.lemma == "переговоры"] == [False]


def test_building_name_is_no_place(pipeline):
    """`у мечети Рабаа аль-Адавия`: the building's own name; a city it is named by still is one."""
    _, found = analyse(pipeline, "Египетская полиция разогнала акцию протеста у мечети Рабаа аль-Адавия.")
    assert found["разогнала"][0] == []
    _, found = analyse(pipeline, "Американские военные задержали в тюрьме Гуантанамо двух адвокатов.")
    assert found["задержали"][0] == ["Гуантанамо"]


def _places(pipeline, text: str, word: str) -> list[Location]:
    """The Locations of the act `word` names in the first line of `text`."""
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2012-03-30"}))
    index = ActorIndex(article)
    sentence = article.sentences[0]
    for lo, hi in segments(sentence):
        tree = Tree(sentence.tokens, lo, hi)
        for trig in find_triggers(tree):
            if sentence.tokens[trig.index].text.lower() == word:
                pred = find_arguments(tree, 0, trig.index, trig.type, index).predicate
                return [
                    p
                    for _, p in find_locations(tree, 0, trig.index, pred, index, trig.partner, str(trig.type))
                ]
    return []


def test_city_name_many_states_share_is_the_one_of_the_state_the_text_names(pipeline):
    """`Кордова` in a text about Spain is the Spanish city, though the Argentine one is larger; a far
    smaller namesake (`Москва` in Idaho) never wins."""
    (cordoba,) = _places(pipeline, "Испанская полиция задержала демонстрантов в Кордове.", "задержала")
    assert (cordoba.geonameid, cordoba.country) == (2519240, "ESP")
    (moscow,) = _places(pipeline, "Полиция задержала в Москве гражданина США.", "задержала")
    assert moscow.country == "RUS"


def test_country_wide_strike_is_not_at_one_of_its_cities(pipeline):
    """`В Испании прошла забастовка` … arrests `в Кордове и Валенсии`: the headline strike stays in
    Испания, as acts of its type are told in several of its cities."""
    from letopis.events.timing import fill_restatements

    text = (
        "В Испании прошла всеобщая забастовка\n"
        "Испанские профсоюзы провели в четверг забастовку. Демонстранты вышли на улицы Кордовы и Валенсии."
    )
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2012-03-30"}))
    spain = Location("Испания", None, "ESP")
    events = [
        _told(EventType.PROTEST, 0, "забастовка", ("ESP",), location=spain),
        _told(EventType.PROTEST, 2, "вышли", ("ESP",), location=Location("Кордова", 2519240, "ESP")),
        _told(EventType.PROTEST, 2, "вышли", ("ESP",), location=Location("Валенсия", 2509954, "ESP")),
    ]
    assert fill_restatements(events, article)[0].location == spain


def test_statement_right_after_a_dated_act_is_made_that_day(pipeline):
    """`После освобождения активист заявил …` after the release is dated: said that day; an act of
    another type than the `после` noun names gives nothing."""
    from letopis.events.timing import fill_restatements

    text = (
        "Во вторник, 5 марта, полиция освободила активиста Ивана Петрова. "
        "После освобождения Петров заявил, что его задержание было незаконным."
    )
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2019-03-06"}))
    events = [
        _told(EventType.CONCEDE, 0, "освободила", ("RUS", "Иван Петров"), date="2019-03-05"),
        _told(EventType.ACCUSE, 1, "заявил", ("Иван Петров", "RUS")),
    ]
    assert fill_restatements(events, article)[1].date == "2019-03-05"
    events[0] = _told(EventType.COERCE, 0, "освободила", ("RUS", "Иван Петров"), date="2019-03-05")
    assert fill_restatements(events, article)[1].date is None


def test_headline_act_in_a_relative_clause_takes_no_body_date(pipeline):
    """`Задержаны двое, которые угрожали президенту`: the body's date is of the arrest."""
    text = (
        "Задержаны двое мужчин, которые угрожали президенту Чили\n"
        "В воскресенье, 31 июля, полиция задержала двух мужчин, угрожавших президенту."
    )
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2016-08-01"}))
    events = [
        _told(EventType.COERCE, 0, "Задержаны", ("CHL",)),
        _told(EventType.THREATEN, 0, "угрожали", ("CHL",)),
    ]
    out = headline_dates(events, article)
    assert (out[0].date, out[1].date) == ("2016-07-31", None)


def test_headline_takes_no_month_of_an_earlier_act_of_its_type(pipeline):
    """`Царнаеву предъявлены обвинения` … `часть обвинений была предъявлена ему в апреле`: the April
    charges are an earlier act; the headline does not gather their month."""
    from letopis.events.timing import fill_restatements

    text = (
        "Боевику предъявлены обвинения\n"
        "Боевику предъявлены новые обвинения. Часть обвинений была предъявлена ему в апреле."
    )
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2013-06-27"}))
    events = [
        _told(EventType.ACCUSE, 0, "предъявлены", ("USA",)),
        _told(EventType.ACCUSE, 1, "предъявлены", ("USA",)),
        _told(EventType.ACCUSE, 2, "предъявлена", ("USA",), date="2013-04"),
    ]
    assert fill_restatements(events, article)[0].date is None


def test_next_day_counts_from_the_act_told_before(pipeline):
    """`В среду министр отменил визит. На следующий день Россия ввела санкции`: Thursday, not the day
    after the lead's main event."""
    from letopis.events.timing import context_dates

    text = (
        "Во вторник военные сбили самолет. В среду министр отменил визит. "
        "На следующий день Россия ввела санкции."
    )
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2015-11-26"}))
    events = [
        _told(EventType.ASSAULT, 0, "сбили", ("TUR",), date="2015-11-24"),
        _told(EventType.CONSULT, 1, "отменил", ("RUS",), date="2015-11-25"),
        _told(EventType.SANCTION, 2, "ввела", ("RUS",)),
    ]
    assert context_dates(events, article)[2].date == "2015-11-26"


def test_occasion_a_verb_is_at_is_where_the_verb_is(pipeline):
    """`Выступая в Сочи на встрече с королем Иордании, …`: the meeting is in Сочи."""
    _, found = analyse(
        pipeline, "Выступая в Казани на встрече с президентом Турции, министр заявил о поддержке."
    )
    assert found["встрече"][0] == ["Казань"]


def test_occasion_held_with_a_partner_is_where_the_partner_phrase_says(pipeline):
    """`на пресс-конференции с госсекретарем США в Женеве`: the parser hangs the place on the
    partner; the press conference, and what is said there, is in Женева."""
    _, found = analyse(
        pipeline, "Глава МИД России осудил удары на совместной пресс-конференции с госсекретарем США в Вене."
    )
    assert found["осудил"][0] == ["Вена"]


def test_seat_of_government_is_in_its_city_unless_another_is_named(pipeline):
    """`выступая в Белом доме` → Вашингтон; `у Белого дома в Москве` is Moscow's."""
    _, found = analyse(pipeline, "Президент США осудил удары, выступая в Белом доме.")
    assert found["осудил"][0] == ["Вашингтон"]
    _, found = analyse(pipeline, "Российская полиция задержала демонстрантов у Белого дома в Москве.")
    assert found["задержала"][0] == ["Москва"]


def test_crowd_coming_up_to_a_site_is_at_its_place(pipeline):
    """`пришли к полицейскому участку в Ноттингеме с требованиями …`: the demand is made where they came."""
    _, found = analyse(
        pipeline, "Сотни человек пришли к полицейскому участку в Ноттингеме с требованиями справедливости."
    )
    assert found["требованиями"][0] == ["Ноттингем"]


def test_text_with_no_publication_date_gives_the_year_of_its_dates(pipeline):
    """No `published`: `16 июля` takes the year of `14 июля 2017 года` the text names; a weekday,
    counted from the unknown publication day, stays null."""
    from letopis.events.timing import fill_restatements

    text = (
        "В пятницу, 14 июля 2017 года, в Хевроне произошли столкновения. "
        "16 июля израильская полиция задержала троих подозреваемых. "
        "В воскресенье израильские военные провели обыски."
    )
    article = pipeline.process(document_of({"id": "t", "text": text, "published": None}))
    events = [
        _told(EventType.COERCE, 1, "задержала", ("ISR",)),
        _told(EventType.COERCE, 2, "провели", ("ISR",)),
    ]
    out = fill_restatements(events, article)
    assert [e.date for e in out] == ["2017-07-16", None]


def test_statement_is_made_when_the_text_carrying_it_is_issued(pipeline):
    """`Россия осудила удары, говорится в заявлении МИД, опубликованном в среду`: made on Wednesday."""
    text = "Франция осудила удары, говорится в заявлении МИД, опубликованном в среду."
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2015-11-27"}))
    sentence = article.sentences[0]
    tree = Tree(sentence.tokens, *segments(sentence)[0])
    j = next(k for k, t in enumerate(sentence.tokens) if t.text == "осудила")
    assert [v for _, v in find_dates(tree, sentence, j, j, dt.date(2015, 11, 27), "past", kind="ACCUSE")] == [
        "2015-11-25"
    ]


def test_physical_act_right_after_an_undated_scene_is_at_its_place(pipeline):
    """`Демонстранты захватили здание администрации в Оше. Полиция применила газ.`: the same scene,
    though no day is given."""
    from letopis.events.timing import occasion_dates

    text = "Демонстранты захватили здание администрации в Оше. Полиция применила слезоточивый газ."
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2011-05-18"}))
    osh = Location("Ош", 1527534, "KGZ")
    events = [
        _told(EventType.PROTEST, 0, "захватили", ("KGZ",), location=osh),
        _told(EventType.ASSAULT, 1, "применила", ("KGZ",)),
    ]
    out = occasion_dates(events, article)[1]
    assert (out.date, out.location) == (None, osh)


def test_place_someone_is_deported_to_is_not_where_the_act_is(pipeline):
    """`депортирован в Нидерланды`: where the deported goes; troops sent `в Афганистан` are deployed
    there."""
    _, found = analyse(pipeline, "Турецкие власти депортировали подозреваемого в Бельгию.")
    assert found["депортировали"][0] == []


@pytest.mark.parametrize(
    ("text", "trigger", "places"),
    [
        # a city adjective whose city's name ends in a vowel or a soft sign the adjective drops
        pytest.param("Венский суд приговорил бизнесмена к году тюрьмы.", "приговорил", ["Вена"], id="adjective_of_a_city_ending_in_a"),
        # the parser takes the first adjective of `Гаагский Международный трибунал` for the subject
        pytest.param("В четверг Гаагский Международный трибунал по бывшей Югославии приговорил генерала к пожизненному заключению.", "приговорил", ["Гаага"], id="adjective_parsed_as_subject_names_the_body_city"),
        pytest.param("Вчера Гаагский Международный трибунал приговорил генерала к десяти годам заключения.", "приговорил", ["Гаага"], id="adjective_parsed_as_a_clause_names_the_body_city"),
        pytest.param("Суд в Иордании приговорил журналиста к году тюрьмы.", "приговорил", ["Иордания"], id="body_said_to_sit_in_a_state_acts_there"),
        pytest.param("Басманный суд арестовал бывшего министра на два месяца.", "арестовал", ["Москва"], id="moscow_district_court_is_in_moscow"),
        # `американские` is the state's adjective, not that of Американа (Brazil)
        pytest.param("Американские власти арестовали хакера.", "арестовали", [], id="state_adjective_is_no_namesake_city"),
    ],
)
def test_body_named_after_its_place(pipeline, text, trigger, places):
    """EVENTS.md Location: a court or agency named after a city places the act in that city."""
    _, found = analyse(pipeline, text, "2017-11-23")
    assert found[trigger][0] == places


def test_genitive_city_hung_elsewhere_still_names_the_court(pipeline):
    """`В 2009 году суд Москвы оправдал …, однако Верховный суд …`: the parser hangs `Москвы` on the
    later noun; the genitive right after the body's noun is its city all the same."""
    _, found = analyse(
        pipeline,
        "В 2010 году суд Москвы оправдал троих обвиняемых, однако Верховный суд России отменил приговор.",
        "2012-01-01",
    )
    assert found["оправдал"][0] == ["Москва"]


def test_date_inside_the_charged_act_is_not_the_charge_date(pipeline):
    """`обвиняется в поджоге склада в 2008 году`: the year dates the arson, not the accusation."""
    _, found = analyse(pipeline, "Прокуратура обвинила его в поджоге склада в 2008 году.", "2014-03-31")
    assert found["обвинила"][1] == []
    assert found["поджоге"][1] == ["2008"]


def test_then_after_the_subject_takes_the_date_of_the_previous_sentence(pipeline):
    """`Власти тогда применили силу`: `тогда` after the subject word is the time named before."""
    text = "В марте 2009 года в Кишиневе прошли массовые протесты. Полиция тогда задержала сотни демонстрантов."
    article, events = _events_of(pipeline, text, "2011-05-26")
    assert {e.date for e in events if e.sentence == 1} == {"2009-03"}


def test_place_after_a_second_conjunct_verb_is_its_place(pipeline):
    """`скрывался … и был задержан в Польше`: the parser hangs the place on the first verb; a phrase
    after the second conjunct belongs to it."""
    _, found = analyse(
        pipeline, "Беглец скрывался 10 лет и был задержан в Польше в марте прошлого года.", "2015-06-01"
    )
    assert found["задержан"] == (["Польша"], ["2014-03"])


def test_backing_promised_in_reported_words_is_dated_by_the_saying(pipeline):
    """`заявил в среду, что не будут возражать`: support given by saying it, at the speech's time."""
    text = "В среду глава МИД Германии заявил, что Германия не будет возражать против вооружения повстанцев Францией."
    article, events = _events_of(pipeline, text, "2013-03-22")
    assert {e.date for e in events if str(e.type) == "SUPPORT"} == {"2013-03-20"}


def test_physical_act_told_on_with_a_connective_takes_the_previous_occasion(pipeline):
    """`Суд Рима 5 мая приговорил X к трём годам. Кроме того, ему запрещено …`: the ban is part of
    the same sentence of the court, its day and place; a speaker reporting it would not be."""
    text = (
        "5 мая 2014 года суд Рима приговорил бывшего мэра Джанни Алемано к трём годам тюрьмы. "
        "Кроме того, Алемано на пять лет запрещено занимать государственные должности."
    )
    article, events = _events_of(pipeline, text, "2014-05-06")
    later = [e for e in events if e.sentence == 1]
    assert later and {(e.date, e.location.name if e.location else None) for e in later} == {
        ("2014-05-05", "Рим")
    }


def test_act_naming_a_rally_takes_its_day_while_every_sentence_between_names_it(pipeline):
    from letopis.events.timing import occasion_dates

    linked = (
        "В субботу в Казани прошёл митинг против закрытия больницы. "
        "Организаторы митинга раздавали листовки. "
        "Участники митинга несли плакаты. "
        "Начало митинга задержалось на час. "
        "К концу митинга полиция задержала двух участников митинга."
    )
    broken = (
        "В субботу в Казани прошёл митинг против закрытия больницы. "
        "Организаторы раздавали листовки. "
        "Погода была холодной. "
        "Больница работает с прошлого века. "
        "К концу митинга полиция задержала двух участников митинга."
    )
    for text, expected in [(linked, "2011-05-14"), (broken, None)]:
        article = pipeline.process(document_of({"id": "t", "text": text, "published": "2011-05-16"}))
        events = [_told(EventType.COERCE, 4, "задержала")]
        (out,) = occasion_dates(events, article)
        assert out.date == expected, text  # the thread of one rally, unbroken; else too far back


def test_a_persons_state_is_no_place_of_the_act(pipeline):
    _, events = _events_of(
        pipeline, "Оппозиционер возложил ответственность за свой арест на премьер-министра Венгрии.", "2019-04-02"
    )
    (blame,) = [e for e in events if e.type == EventType.ACCUSE]
    assert blame.location is None  # `на премьер-министра Венгрии` says whose he is, not where


def test_place_after_a_noun_of_sending_is_the_destination(pipeline):
    _, events = _events_of(
        pipeline, "Задержанный в Испании хакер пытается опротестовать свою экстрадицию в Германию.", "2019-04-02"
    )
    appeals = [e for e in events if e.type == EventType.ACCUSE]
    assert appeals and all(e.location is None for e in appeals)  # he is sent there, not protesting there


def test_a_body_with_a_seat_acts_in_its_city_but_not_what_is_sent_to_it(pipeline):
    _, ruled = _events_of(pipeline, "ЕСПЧ обязал Турцию выплатить компенсацию журналисту.", "2019-04-02")
    assert {e.location.name for e in ruled if e.location} == {"Страсбург"}
    _, filed = _events_of(pipeline, "Адвокаты журналиста заявили, что подадут жалобу в ЕСПЧ.", "2019-04-02")
    assert all(e.location is None for e in filed)


def test_kuwait_names_the_state_not_its_capital(pipeline):
    _, events = _events_of(pipeline, "Суд в Кувейте приговорил блогера к трём годам тюрьмы.", "2019-04-02")
    (sentence,) = [e for e in events if e.type == EventType.SANCTION]
    assert sentence.location is not None and sentence.location.geonameid is None
    assert sentence.location.country == "KWT"


def test_headline_takes_place_only_from_a_retelling_of_its_own_act(pipeline):
    text = "Блогера лишили гражданства\nБлогер уехал из страны. Год назад блогер был арестован в Минске."
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2019-04-02"}))
    minsk = Location("Минск", 625144, "BLR")
    head = _told(EventType.COERCE, 0, "лишили", ("BLR",))
    arrest = _told(EventType.COERCE, 2, "арестован", ("BLR",), location=minsk)
    first, _ = fill_restatements([head, arrest], article)
    assert first.location is None  # the arrest is another act of that type, not the headline's retold
    text = "Блогер задержан\nБлогер уехал из страны. Вчера блогера арестовали в Минске."
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2019-04-02"}))
    retold = _told(EventType.COERCE, 2, "арестовали", ("BLR",), location=minsk)
    first, _ = fill_restatements([_told(EventType.COERCE, 0, "задержан", ("BLR",)), retold], article)
    assert first.location == minsk  # `задержан` … `арестовали`: one act in other words


def test_planned_act_said_at_an_occasion_takes_not_its_day(pipeline):
    from letopis.events.timing import occasion_dates

    text = (
        "В понедельник в Анкаре прошла пресс-конференция министров. "
        "На пресс-конференции министр пообещал открыть новый завод."
    )
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2019-04-02"}))
    planned = replace(_told(EventType.COOPERATE, 1, "открыть"), modality=Modality.PLANNED)
    asserted = _told(EventType.AGREE, 1, "пообещал")
    first, second = occasion_dates([planned, asserted], article)
    assert first.date is None  # the plant opens later than the day it was promised
    assert second.date == "2019-04-01"


def test_acts_of_a_court_case_are_at_the_court_of_its_city(pipeline):
    text = (
        "Хорошевский суд Москвы приговорил бизнесмена Ивана Петрова к трём годам колонии.\n"
        "Ранее в ходе прений прокурор попросил суд приговорить Петрова к пяти годам лишения свободы.\n"
        "Адвокат Петрова поддержал позицию обвинения."
    )
    _, events = _events_of(pipeline, text, "2012-11-20")
    assert {e.sentence for e in events} >= {1, 2}
    assert {e.location.name if e.location else None for e in events} == {"Москва"}


def test_courts_of_two_cities_place_no_other_act_of_the_case(pipeline):
    text = (
        "Хорошевский суд Москвы приговорил бизнесмена Ивана Петрова к трём годам колонии.\n"
        "Ранее в ходе прений прокурор попросил суд приговорить Петрова к пяти годам лишения свободы.\n"
        "Адвокат Петрова обжаловал приговор в Тверском суде Твери."
    )
    _, events = _events_of(pipeline, text, "2012-11-20")
    assert [e.location for e in events if e.sentence == 1] == [None]


def test_headline_is_dated_by_the_body_act_noun_of_its_type(pipeline):
    text = "Мэр Тулы тяжело ранен\nПокушение на мэра произошло в понедельник, 14 марта, когда он выходил из дома."
    _, events = _events_of(pipeline, text, "2011-03-15")
    (headline,) = [e for e in events if e.sentence == 0]
    assert headline.type == EventType.ASSAULT and headline.date == "2011-03-14"


def test_act_told_on_with_besides_takes_the_previous_occasion(pipeline):
    """`Кроме штрафа, ему запрещено …` goes on with the court's account like `Кроме того`."""
    text = (
        "12 марта 2015 года суд Вены приговорил бизнесмена Карла Мюллера к штрафу. "
        "Кроме штрафа, Мюллеру на три года запрещено руководить компаниями."
    )
    _, events = _events_of(pipeline, text, "2015-03-13")
    later = [e for e in events if e.sentence == 1]
    assert later and {e.date for e in later} == {"2015-03-12"}
