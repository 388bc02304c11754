"""Where and when an event happens (EVENTS.md Annotation → Location, Date): the clause rules of
letopis.events.location and letopis.events.timing on parsed sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from letopis.dates import Relation, find_time_expressions
from letopis.events.actors import ActorIndex
from letopis.events.arguments import find_arguments
from letopis.events.location import find_locations
from letopis.events.modality import clause_tense
from letopis.events.records import document_of
from letopis.events.timing import document_anchor, fill_restatements, find_dates
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


def test_date_inside_an_after_phrase_is_not_the_clause_date(pipeline):
    _, found = analyse(pipeline, "После ареста в 1990 году её выпускали на свободу в 1995 году.", "2010-11-13")
    assert found["выпускали"][1] == ["1995"]


def test_fronted_date_covers_the_conjoined_clause(pipeline):
    _, found = analyse(
        pipeline,
        "В прошлом году Интерпол пресек деятельность группировок, а полиция арестовала более 5 тысяч человек.",
        "2011-05-09",
    )
    assert found["арестовала"][1] == ["2010"]


def test_count_from_another_event_is_unknown(pipeline):
    _, found = analyse(pipeline, "За два дня до итальянцев мальтийские пограничники задерживали лодку.", "2009-08-21")
    assert found["задерживали"][1] == []


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
    dates = find_dates(tree, sentence, trig.index, pred, dt.date(2011, 5, 16), "past", anchor=dt.date(2011, 5, 15))
    assert [v for _, v in dates] == ["2011-05-14"]


def test_fronted_country_places_the_headline_event(pipeline):
    _, found = analyse(pipeline, "В Египте арестован лидер «Братьев-мусульман».", "2013-08-20")
    assert found["арестован"][0] == ["Египет"]


def test_court_named_after_a_city_places_the_sentence(pipeline):
    _, found = analyse(pipeline, "1 июля 2019 года Хорошевский суд Москвы признал Алексея Навального виновным.")
    assert found["признал"] == (["Москва"], ["2019-07-01"])


def test_statement_is_placed_where_it_is_made_not_where_it_is_about(pipeline):
    _, found = analyse(pipeline, "США обвинили Иран в тайных поставках оружия в Йемен.")
    assert found["обвинили"][0] == []


def test_city_inside_a_place_phrase(pipeline):
    _, found = analyse(pipeline, "Полиция задержала их в аэропорту Барселоны.")
    assert found["задержала"][0] == ["Барселона"]


def _event(sentence: int, date: str | None, location: Location | None) -> Event:
    return Event("d", EventType.COERCE, ("ARG",), (), location, date, Modality.ASSERTED, "e", 0.5, sentence=sentence)


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
