"""Entities stage: normalization, merging within a document, linking to codes."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from letopis.entities import entity_at, expand_region, governing_entity, link_entities
from letopis.gazetteer import get_gazetteer
from letopis.normalize import fold
from letopis.record import Article, Document

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MENTIONS = FIXTURES / "entities" / "mentions.tsv"
DEV_DOCS = FIXTURES / "events" / "dev.docs.jsonl"
# Measured 96/98 (98.0%) when the table was written, 98/98 after oblique names were guessed from the
# analyzer (`Сейджи Маехары` → `Маехара`) and a lone genitive surname took its full name's (`Скрипаля`).
MENTION_FLOOR = 0.92


@pytest.fixture(scope="module")
def stages(nlp):
    from letopis.pipeline import Pipeline

    return Pipeline(nlp=nlp, events=False)


@pytest.fixture(scope="module")
def seed(stages, seed_text: str) -> Article:
    return stages.process(Document(text=seed_text, published="2020-03-11"))


def process(stages, text: str) -> Article:
    return stages.process(Document(text=text))


def token_index(article: Article, word: str) -> tuple[int, int]:
    for si, sentence in enumerate(article.sentences):
        for ti, token in enumerate(sentence.tokens):
            if token.text == word:
                return si, ti
    raise AssertionError(f"{word!r} not in the text")


def test_seed_links_states_and_the_eu(seed: Article) -> None:
    codes = {e.code for e in seed.entities if e.code}
    assert {"KAZ", "KGZ", "TJK", "TKM", "UZB", "AFG", "EU"} <= codes
    eu = [m.text for m in seed.mentions if m.entity == "EU"]
    assert "ЕС" in eu and "Внешнеполитическая служба ЕС" in eu
    body = next(m for m in seed.mentions if m.text == "Внешнеполитической службы ЕС")
    assert body.normal == "Внешнеполитическая служба ЕС" and body.entity == "EU"


def test_seed_cities_have_geonames_ids(seed: Article) -> None:
    cities = {e.name: e for e in seed.entities if e.kind == "city"}
    expected = {
        "Ташкент": 1512569,
        "Брюссель": 2800866,
        "Бишкек": 1528675,
        "Абу-Даби": 292968,
        "Москва": 524901,
    }
    assert {name: cities[name].geonameid for name in expected} == expected
    assert cities["Ташкент"].country == "UZB" and cities["Абу-Даби"].country == "ARE"
    assert cities["Бишкек"].latitude == pytest.approx(42.87, abs=0.1)


def test_seed_person_and_programmes(seed: Article) -> None:
    people = [e for e in seed.entities if e.kind == "person"]
    assert [p.name for p in people] == ["Хельга Шмид"]
    programmes = {e.name: e for e in seed.entities if e.kind == "programme"}
    assert {"BOMCA", "CADAP", "MIEUX"} <= set(programmes)
    assert programmes["MIEUX"].expansion == "Экспертиза миграции"
    assert all(e.type == "ORG" for e in seed.entities if e.kind == "igo")


def test_official_phrases_lead_to_their_state_or_igo(seed: Article) -> None:
    assert governing_entity(seed, *token_index(seed, "Хельга")).code == "EU"
    assert governing_entity(seed, *token_index(seed, "Заместители")).code == "KAZ"
    assert governing_entity(seed, *token_index(seed, "участники")) is None


@pytest.mark.parametrize(
    "text, word, code",
    [
        ("Визит совершил министр обороны России Анатолий Сердюков.", "Анатолий", "RUS"),
        ("Правительство Японии выразило решительный протест.", "Правительство", "JPN"),
        ("Мосгорсуд отклонил жалобу адвокатов.", "Мосгорсуд", "RUS"),
        ("Об этом заявил глава МИД Казахстана.", "глава", "KAZ"),
        ("С заявлением выступил российский министр.", "министр", "RUS"),
        ("Генсек ООН Пан Ги Мун призвал стороны к переговорам.", "Пан", "UN"),
    ],
)
def test_governing_entity(stages, text: str, word: str, code: str) -> None:
    article = process(stages, text)
    actor = governing_entity(article, *token_index(article, word))
    assert actor is not None and actor.code == code


def test_hyphenated_city_is_the_whole_name_not_its_tail(stages) -> None:
    """`Баня-Луке` is Banja Luka (BIH); its tail `Луке` also names Lucca (ITA). Which one won used to
    depend on the hash seed, so the same text linked differently from run to run."""
    article = process(stages, "Митинг прошел в Баня-Луке.")
    assert [(e.name, e.country) for e in article.entities if e.kind == "city"] == [("Баня-Лука", "BIH")]


def test_region_expands_to_the_states_the_text_names(seed: Article, stages) -> None:
    assert expand_region(seed, "Центральная Азия") == ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
    alone = process(stages, "ЕС и страны Центральной Азии обсудили сотрудничество.")
    assert "LOC:Центральная Азия" in {e.key for e in alone.entities}
    assert expand_region(alone, "Центральная Азия") == ["Центральная Азия"]


def test_surname_merges_with_full_name(stages) -> None:
    article = process(stages, "Переговоры вела Хельга Шмид. Позже Шмид заявила, что стороны договорились.")
    people = [e for e in article.entities if e.kind == "person"]
    assert len(people) == 1 and people[0].key == "PER:Хельга Шмид"
    assert sum(m.entity == "PER:Хельга Шмид" for m in article.mentions) == 2


def test_names_lose_descriptions_and_keep_one_spelling(stages) -> None:
    article = process(
        stages,
        "69-летний Младич скрывается. Сергей Скрипаль отравлен. В 2010 году Скрипаля помиловали. "
        "Джохар Царнаев ранен. Брат Джохароа Царнаева убит. Джохар Царнаев арестован.",
    )
    people = {e.name for e in article.entities if e.kind == "person"}
    assert {"Младич", "Сергей Скрипаль", "Джохар Царнаев"} <= people
    assert not {"69-летний Младич", "Скрипаля", "Джохароа Царнаев"} & people


def test_common_noun_compounds_and_affiliations_are_not_names(stages) -> None:
    article = process(
        stages, "Смертник-талиб протаранил колонну. США ликвидировали лидера Аль-Кайды Усаму бин Ладена."
    )
    keys = {m.text: m.entity for m in article.mentions}
    assert keys["Смертник-талиб"] == "ORG:Талибан"
    assert keys["Аль-Кайды"] == "ORG:Аль-Каида" and keys["Усаму бин Ладена"] == "PER:Усама бин Ладен"


def test_short_name_of_a_state_body_is_that_state(stages) -> None:
    article = process(
        stages,
        "Комитет Сената поддержал резолюцию. Комитет Сената США по международным отношениям одобрил её.",
    )
    assert next(m.entity for m in article.mentions if m.text == "Комитет Сената") == "USA"


def test_lexicon_catches_what_ner_misses(stages) -> None:
    article = process(stages, "Американцы и японцы обсудили позицию ОДКБ и казахстанских властей.")
    linked = {m.text: m.entity for m in article.mentions}
    assert linked["Американцы"] == "USA" and linked["японцы"] == "JPN"
    assert linked["ОДКБ"] == "CSTO" and linked["казахстанских"] == "KAZ"


def test_named_groups_keep_their_dictionary_names(stages) -> None:
    article = process(
        stages, "Боевики движения «Талибан» атаковали базу. Представители ОАО «Газпром» отказались."
    )
    assert {"ORG:Талибан", "ORG:Газпром"} <= {e.key for e in article.entities}
    gazprom = entity_at(article, article.text.index("ОАО"), article.text.index("ОАО") + len("ОАО «Газпром»"))
    assert gazprom is not None and gazprom.name == "Газпром"


def test_city_choice_prefers_population_then_context(stages) -> None:
    assert process(stages, "Встреча прошла в Женеве.").entity("geonames:2660646") is not None
    crimea = process(stages, "Заседание провели в Симферополе.")
    assert crimea.entity("geonames:693805").country == "UKR"


def test_plain_words_are_not_cities(stages) -> None:
    article = process(stages, "Мир изменился. Дом правительства закрыт.")
    assert not [e for e in article.entities if e.kind == "city"]


def test_gazetteer_reads_pycountry_russian_names() -> None:
    gaz = get_gazetteer()
    assert gaz.country_name("RUS") == "Россия" and gaz.country_name("CIV") == "Кот-д'Ивуар"
    assert any(e.code == "CIV" for e in gaz.index[fold("Кот-д'Ивуар")])


def test_provinces_carry_their_state(stages) -> None:
    """First-level regions link to their state with no GeoNames id (hand-written, not dev data)."""
    article = process(
        stages,
        "Пожар произошел в Московской области. Задержания прошли в Краснодарском крае. "
        "Взрыв прогремел в провинции Хост. Губернатор Калифорнии выступил в Подмосковье.",
    )
    regions = {e.name: e for e in article.entities if e.kind == "region"}
    assert regions["Московская область"].country == "RUS" and regions["Московская область"].geonameid is None
    assert regions["Краснодарский край"].country == "RUS"
    assert regions["Хост"].country == "AFG"  # a one-word catalog name after a province word
    assert regions["Калифорния"].country == "USA"
    assert next(m.entity for m in article.mentions if m.text == "Подмосковье") == "LOC:Московская область"


def test_ambiguous_one_word_province_needs_a_province_word(stages) -> None:
    article = process(stages, "Хост мероприятия поблагодарил гостей.")
    assert not [e for e in article.entities if e.kind == "region"]


def test_unknown_feminine_names_find_their_entry(stages) -> None:
    article = process(stages, "Лидер «Хезболлы» Хасан Насралла выступил с речью.")
    assert "ORG:Хезболла" in {e.key for e in article.entities}


def test_bare_surname_is_the_person_named_in_full(stages) -> None:
    article = process(
        stages,
        "Лавров и Ван И обсудили ситуацию\n\nМинистр иностранных дел России Сергей Лавров провел переговоры.",
    )
    first = next(m for m in article.mentions if m.text == "Лавров")
    assert first.entity == "PER:Сергей Лавров"


def test_linking_is_cheap(seed: Article) -> None:
    started = time.perf_counter()
    for _ in range(10):
        link_entities(seed)
    assert (time.perf_counter() - started) / 10 < 0.1


def read_expectations(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            doc_id, mention, normal, code = (line.split("\t") + [""])[:4]
            rows.append([doc_id, mention, normal, code])
    return rows


def check_mention(article: Article, mention: str, normal: str, code: str) -> str | None:
    """None when the mention is found, normalized and linked as expected, else what went wrong."""
    found = [m for m in article.mentions if m.text == mention]
    if not found:
        return "not found"
    entity = article.entity(found[0].entity)
    got_code = (entity.key if entity.kind == "city" else entity.code) if entity else None
    if fold(found[0].normal) != fold(normal):
        return f"normal {found[0].normal!r}"
    if (got_code or "") != code:
        return f"code {got_code!r}"
    return None


def test_hand_written_mentions_of_dev_documents(stages) -> None:
    rows = read_expectations(MENTIONS)
    assert len(rows) >= 50
    lines = DEV_DOCS.read_text(encoding="utf-8").splitlines()
    docs = {d["id"]: d for d in map(json.loads, filter(None, lines))}
    articles: dict[str, Article] = {}
    failures = []
    for doc_id, mention, normal, code in rows:
        if doc_id not in articles:
            doc = docs[doc_id]
            articles[doc_id] = process(stages, doc["text"])
        problem = check_mention(articles[doc_id], mention, normal, code)
        if problem:
            failures.append(f"{doc_id} {mention}: {problem}")
    accuracy = 1 - len(failures) / len(rows)
    assert accuracy >= MENTION_FLOOR, f"{accuracy:.1%}: " + "; ".join(failures)


def test_large_city_named_like_a_dictionary_word(stages) -> None:
    """`Феникс` is a dictionary noun, but a court `в Фениксе` sits in Phoenix, USA."""
    article = process(stages, "Суд в Фениксе приговорил Джона Смита к десяти годам тюрьмы.")
    cities = [article.entity(m.entity) for m in article.mentions if m.text == "Фениксе"]
    assert cities and cities[0] is not None and cities[0].country == "USA"


def test_leader_named_first_in_a_sentence_is_linked(pipeline):
    """`Лукашенко обвинил Польшу`, `Си Цзиньпин провел переговоры`: a head of state the tagger misses at
    the start of a sentence is the office holder of that name in office that year."""
    from letopis.events.records import document_of

    text = "Лукашенко обвинил Польшу в провокациях. Си Цзиньпин провел переговоры с Байденом."
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2021-06-10"}))
    names = {e.name for e in article.entities if e.kind == "person"}
    assert {"Александр Лукашенко", "Си Цзиньпин"} <= names
    accuse = next(e for e in article.events if e.type == "ACCUSE")
    assert accuse.sources == ("BLR",)


def test_holder_out_of_office_is_not_guessed_from_a_surname(pipeline):
    """A bare surname of a former leader (`Порошенко` in 2021) is no current office holder's."""
    from letopis.events.records import document_of

    text = "Порошенко обвинил Зеленского в предательстве."
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2021-06-10"}))
    event = next(e for e in article.events if e.type == "ACCUSE")
    assert "UKR" not in event.sources


def test_indeclinable_name_is_not_read_as_a_verb(pipeline):
    """`Фахми`, `Нгози`: the analyzer's verb lemma (`фахмить`) is no person's name; keep the written form."""
    from letopis.events.records import document_of

    text = "Полиция задержала Мухаммеда Фахми и Нгози Оконджо-Ивеалу."
    article = pipeline.process(document_of({"id": "t", "text": text}))
    names = {e.name for e in article.entities if e.kind == "person"}
    assert "Мухаммед Фахми" in names
    assert not any(n.split()[0].endswith("ть") for n in names)


def test_woman_surname_is_feminine(pipeline):
    """`Лейлу Алиеву`, `Анну Ковальскую`: a tagger that reads the surname as a man's must not give `Алиев`."""
    from letopis.events.records import document_of

    text = "Полиция задержала Лейлу Алиеву и Анну Ковальскую, а суд арестовал Олега Сенцова."
    article = pipeline.process(document_of({"id": "t", "text": text}))
    names = {e.name for e in article.entities if e.kind == "person"}
    assert {"Лейла Алиева", "Анна Ковальская", "Олег Сенцов"} <= names


def test_foreign_surname_in_i_keeps_its_written_form(pipeline):
    """`бизнесмену Марио Росси`, `Альберто Фухимори был …`: an indeclinable foreign surname is not
    turned into a made-up Russian nominative (`Росся`, `Фухиморь`); a declined Russian one still is."""
    from letopis.events.records import document_of

    text = (
        "Прокуроры предъявили обвинения бизнесмену Марио Росси. Альберто Фухимори был президентом Перу. "
        "Полиция задержала Таню Иванову."
    )
    article = pipeline.process(document_of({"id": "t", "text": text}))
    names = {e.name for e in article.entities if e.kind == "person"}
    assert {"Марио Росси", "Альберто Фухимори", "Таня Иванова"} <= names


def test_surname_opening_a_sentence_is_a_person(pipeline):
    """`Ходорковский призвал …`: a bare surname subject the tagger misses is a person; a former office
    holder (out of office that year) is named in full, not coded."""
    from letopis.events.records import document_of

    text = "Ходорковский призвал Запад ввести санкции. Саакашвили обвинил власти Грузии в преследовании."
    article = pipeline.process(document_of({"id": "t", "text": text, "published": "2020-05-05"}))
    names = {e.name for e in article.entities if e.kind == "person"}
    assert {"Ходорковский", "Михаил Саакашвили"} <= names
    accuse = next(e for e in article.events if e.type == "ACCUSE")
    assert accuse.sources == ("Михаил Саакашвили",) and accuse.targets == ("GEO",)


def test_consonant_surname_of_a_woman_stays_as_written(pipeline):
    """`с Ривкой Ашкенар`: a surname written with a final consonant is its own nominative (an oblique
    form never drops a nominative's `-а`), not a guessed `Ашкенара`."""
    from letopis.events.records import document_of

    text = "Президент встретился с матерью девушки Ривкой Ашкенар."
    article = pipeline.process(document_of({"id": "t", "text": text}))
    names = {e.name for e in article.entities if e.kind == "person"}
    assert names == {"Ривка Ашкенар"}


def test_description_opening_a_name_is_cut(pipeline):
    """`Израильтянка Ривка Ашкенар` at a sentence start: the capitalized demonym describes the person."""
    from letopis.events.records import document_of

    text = "Израильтянка Ривка Ашкенар вышла на свободу."
    article = pipeline.process(document_of({"id": "t", "text": text}))
    names = {e.name for e in article.entities if e.kind == "person"}
    assert names == {"Ривка Ашкенар"}


def test_quoted_name_keeps_its_number_and_tail(pipeline):
    """`«Группа 24»`: a quoted organization name keeps the number before its closing quote."""
    from letopis.events.records import document_of

    text = "Суд запретил движение «Группа 24»."
    article = pipeline.process(document_of({"id": "t", "text": text}))
    orgs = {e.name for e in article.entities if e.kind in ("org", "")}
    assert "Группа 24" in orgs


def test_short_form_of_a_linked_igo_body_is_that_body(pipeline):
    """`Международный трибунал` after `Международный трибунал по бывшей Югославии`: the same IGO body."""
    from letopis.events.records import document_of

    text = (
        "Международный трибунал по бывшей Югославии рассмотрел дело генерала Петровича. "
        "Петрович был обвинен Международным трибуналом в геноциде."
    )
    article = pipeline.process(document_of({"id": "t", "text": text}))
    linked = {m.text: article.entity(m.entity) for m in article.mentions}
    short = [e for t, e in linked.items() if t == "Международным трибуналом"]
    assert short and short[0] is not None and short[0].code == "UN"


def test_russian_antimonopoly_service_is_russia(pipeline):
    """`ФАС` alone names the Russian Federal Antimonopoly Service (data/agencies.tsv)."""
    from letopis.events.records import document_of

    text = "ФАС оштрафовала компанию «Ромашка» за монопольно высокие цены."
    article = pipeline.process(document_of({"id": "t", "text": text}))
    fas = [article.entity(m.entity) for m in article.mentions if m.text == "ФАС"]
    assert fas and fas[0] is not None and fas[0].code == "RUS"


def test_name_keeps_the_yo_it_is_written_with(pipeline):
    """`Петра Селёдкина` → `Петр Селёдкин`: the dictionary form keeps the text's `ё` (a lemma drops it)."""
    from letopis.events.records import document_of

    text = "Суд оштрафовал Петра Селёдкина."
    article = pipeline.process(document_of({"id": "t", "text": text}))
    names = {e.name for e in article.entities if e.kind == "person"}
    assert "Петр Селёдкин" in names


def test_first_name_left_oblique_is_declined(stages) -> None:
    """natasha may decline the surname and leave the first name (`Мигеля Ортис-Гарсию`): both nominative."""
    article = process(
        stages,
        "Министр Перу встретился с Мигелем Ортис-Гарсией. Министр поблагодарил Мигеля Ортис-Гарсию.",
    )
    people = {e.name for e in article.entities if e.kind == "person"}
    assert "Мигель Ортис-Гарсия" in people
    assert not any(name.startswith("Мигеля") for name in people)


def test_feminine_surname_left_in_an_oblique_case():
    """`Ольгу Смирнову`: a surname the normalizer left as written becomes the feminine nominative."""
    from letopis.normalize import feminine_surname

    assert fold(feminine_surname("Смирнову", "Смирнову")) == fold("Смирнова")
    assert fold(feminine_surname("Лебедевой", "Лебедевой")) == fold("Лебедева")
    assert feminine_surname("Смирнов", "Смирнов") == "Смирнов"
