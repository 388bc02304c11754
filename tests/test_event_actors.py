"""Event actors across a document (EVENTS.md "Actors"): roles given once, state bodies without a
state, pronouns, organization leaders, alias words, recipients and agents of action nouns."""

from __future__ import annotations

import pytest

from letopis.events.records import document_of

CASES = [
    # a person keeps the state role the document gave them (and is not read as Cannes)
    (
        "Премьер-министр Японии Наото Кан прибыл в Пекин. Кан обвинил Китай в нарушении договора.",
        "ACCUSE",
        ("JPN",),
        ("CHN",),
    ),
    # `власти` with no state: the state the story happens in
    (
        "В Мьянме прошли выборы. Власти арестовали лидера оппозиции Аун Сан Су Чжи.",
        "COERCE",
        ("MMR",),
        ("Аун Сан Су Чжи",),
    ),
    # a pronoun: the most recent person
    (
        "Оппозиционер Алексей Навальный вышел на свободу. Он обвинил Кремль в фальсификациях.",
        "ACCUSE",
        ("Алексей Навальный",),
        ("RUS",),
    ),
    # the head of a company acts for the company
    (
        "Глава ОАО «Газпром» Алексей Миллер прибыл в Минск. "
        "Миллер пригрозил Белоруссии ограничением поставок.",
        "THREATEN",
        ("Газпром",),
        ("BLR",),
    ),
    # `альянс` in a document about NATO
    (
        "Саммит НАТО прошел в Лиссабоне. Альянс пообещал поддержать Афганистан.",
        "AGREE",
        ("NATO",),
        None,
    ),
    # the dative recipient of an action noun
    ("ФИФА объявила о выделении Интерполу гранта в 29 миллионов долларов.", "AID", ("ФИФА",), ("Интерпол",)),
    # a former official is a private person: named, not coded
    (
        "Бывший премьер-министр Пакистана Беназир Бхутто вернулась в страну. "
        "Бхутто обвинила правительство Пакистана в коррупции.",
        "ACCUSE",
        ("Беназир Бхутто",),
        ("PAK",),
    ),
    # a feminine pronoun may stand for a state
    ("Румыния является членом НАТО, она отправила войска в Афганистан.", "MOBILIZE", ("ROU",), None),
    # a participle's agent is the subject of the clause it hangs from
    (
        "Парламент Пакистана проголосовал за резолюцию, осуждающую американский рейд.",
        "ACCUSE",
        ("PAK",),
        ("USA",),
    ),
    # a protest against an act is directed at the act's agent
    (
        "Правительство Японии выразило решительный протест против визита российского министра обороны.",
        "ACCUSE",
        ("JPN",),
        ("RUS",),
    ),
    # a visit: the visited state is the host; an office with no state takes the nearby owner state
    (
        "Сенатор Джон Керри прибыл в Пакистан, сообщил представитель посольства США.",
        "CONSULT",
        ("USA",),
        ("PAK",),
    ),
    # a participle agrees with its noun even when the parser hangs it elsewhere
    ("Министр иностранных дел Японии посетил Москву.", "CONSULT", ("JPN",), ("RUS",)),
    # a group's genitive before a name is the person's affiliation, not a party
    ("США ликвидировали лидера Аль-Кайды Усаму бин Ладена.", "ASSAULT", ("USA",), ("Усама бин Ладен",)),
    # a company word stands for the company named before
    (
        "Глава ОАО «Газпром» Алексей Миллер прибыл в Минск. "
        "Газовый монополист предупредил Белоруссию о возможном ограничении поставок.",
        "THREATEN",
        ("Газпром",),
        ("BLR",),
    ),
    # a description stands for the person the document names with it; an arrest is of the person
    (
        "В Египте арестован лидер «Братьев-мусульман».\n"
        "Египетские спецслужбы арестовали лидера движения «Братья-мусульмане» Мухаммеда Бади.",
        "COERCE",
        ("EGY",),
        ("Мухаммед Бади",),
    ),
]


@pytest.mark.parametrize(("text", "type_", "sources", "targets"), CASES)
def test_document_actors(pipeline, text, type_, sources, targets):
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2021-06-10"}))
    found = [e for e in article.events if e.type == type_]
    assert found, f"no {type_} in {[(e.type, e.sources, e.targets) for e in article.events]}"
    event = found[-1]
    assert event.sources == sources
    if targets is not None:
        assert event.targets == targets
