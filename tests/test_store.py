"""The same store tests on SQLite (a temporary file) and on the PostgreSQL server (a fresh schema)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from letopis import queries
from letopis.errors import NotFound, StoreError
from letopis.record import Article, Entity, Event, EventType, Location, Mention, Modality
from letopis.store import DocumentFilter, EntityFilter, EventFilter, Rejection, Store, open_store
from letopis.store.rows import date_range


def article(doc_id: str, text: str, source: str = "interfax.ru", date: str | None = "2020-03/2020-05") -> Article:
    """An Article built by hand: two linked entities, one unlinked, one event."""
    from letopis.record import content_hash

    eu = Entity(key="EU", name="Европейский союз", type="ORG", kind="igo", code="EU")
    kaz = Entity(key="KAZ", name="Казахстан", type="LOC", kind="country", code="KAZ")
    city = Entity(key="geonames:1512569", name="Ташкент", type="LOC", kind="city", geonameid=1512569,
                  country="UZB", latitude=41.26, longitude=69.21)
    mentions = (
        Mention("ЕС", 0, 2, "ORG", "ЕС", "EU", 0),
        Mention("Казахстана", 10, 20, "LOC", "Казахстан", "KAZ", 0),
        Mention("Евросоюз", 30, 38, "ORG", "Евросоюз", "EU", 1),
        Mention("Ташкенте", 40, 48, "LOC", "Ташкент", "geonames:1512569", 1),
        Mention("Хельга Шмид", 50, 61, "PER", "Хельга Шмид", "PER:Хельга Шмид", 1),
    )
    event = Event(doc_id=doc_id, type=EventType.COOPERATE, sources=("EU",), targets=("KAZ",),
                  location=Location("Ташкент", 1512569, "UZB"), date=date,
                  modality=Modality.PLANNED, evidence="Решено открыть центр в Ташкенте.", confidence=0.8)
    key = content_hash(text)
    return Article(id=key, raw=text, doc_id=doc_id, text=text, source=source, published="2020-03-11",
                   entities=(eu, kaz, city), mentions=mentions, events=(event,))


def test_save_and_read_back(store: Store) -> None:
    first = article("seed-1", "ЕС и Казахстан договорились.")
    store.save_article(first, story_id=first.id, signature="sig")
    assert store.has_document(first.id)
    assert not store.has_document("0" * 16)
    document = queries.get_document(store, "seed-1")  # by input id
    assert document["id"] == first.id
    assert queries.get_document(store, first.id)["doc_id"] == "seed-1"  # by content hash
    assert {entity["code"] for entity in document["entities"]} >= {"EU", "KAZ"}
    [event] = document["events"]
    assert event["sources"] == ["EU"] and event["targets"] == ["KAZ"]
    assert event["location"] == {"name": "Ташкент", "geonameid": 1512569, "country": "UZB"}
    assert (event["date_start"], event["date_end"]) == ("2020-03-01", "2020-05-31")
    assert list(store.story_entries()) == [(first.id, first.id, "sig")]


def test_saving_twice_adds_nothing(store: Store) -> None:
    first = article("seed-1", "ЕС и Казахстан договорились.")
    store.save_article(first)
    store.save_article(first)
    totals = queries.stats(store)
    assert (totals["documents"], totals["events"], totals["mentions"]) == (1, 1, 5)


def test_entities_merge_across_documents_with_counts(store: Store) -> None:
    store.save_article(article("a", "Первый текст."))
    store.save_article(article("b", "Второй текст."))
    rows = queries.list_entities(store, EntityFilter())
    eu = next(row for row in rows if row["key"] == "EU")
    assert (eu["mentions"], eu["documents"]) == (4, 2)
    assert rows[0]["key"] == "EU"  # most mentioned first
    assert [row["key"] for row in queries.list_entities(store, EntityFilter(type="PER"))] == ["PER:Хельга Шмид"]
    city = queries.list_entities(store, EntityFilter(code=None, kind="city"))[0]
    assert city["geonameid"] == 1512569 and city["latitude"] == pytest.approx(41.26)
    detail = queries.get_entity(store, "EU")
    assert {form["text"] for form in detail["forms"]} == {"ЕС", "Евросоюз"}
    assert len(detail["events"]) == 2


def test_event_filters(store: Store) -> None:
    store.save_article(article("a", "Первый текст.", source="interfax.ru"), story_id="s1")
    store.save_article(article("b", "Второй текст.", source="tass.ru"), story_id="s1")
    store.save_article(article("c", "Третий текст.", source="ria.ru"), story_id="s2")
    assert len(queries.list_events(store)) == 2  # b reprints a's story: its equal event is a's row
    assert [row["doc_id"] for row in queries.list_events(store, EventFilter(source="tass.ru"))] == ["a"]
    assert len(queries.list_events(store, EventFilter(actor="KAZ", role="target"))) == 2
    assert queries.list_events(store, EventFilter(actor="KAZ", role="source")).total == 0
    assert len(queries.list_events(store, EventFilter(since="2020-05", until="2020-06"))) == 2
    assert queries.list_events(store, EventFilter(since="2020-06-01")).total == 0
    assert len(queries.list_events(store, EventFilter(location="1512569"))) == 2
    assert queries.list_events(store, EventFilter(type="ASSAULT")).total == 0
    counts = {row["doc_id"]: row["sources_count"] for row in queries.list_events(store)}
    assert counts == {"a": 2, "c": 1}
    assert len(queries.list_events(store, EventFilter(limit=1))) == 1


def test_story_event_is_stored_once_with_every_report(store: Store) -> None:
    first = article("a", "Первый текст.", source="interfax.ru")
    store.save_article(first, story_id=first.id)
    [stored] = first.events
    same = replace(stored, doc_id="b", evidence="Решили открыть центр в Ташкенте.", confidence=0.7)
    other = replace(stored, doc_id="b", modality=Modality.ASSERTED)
    reprint = replace(article("b", "Второй текст.", source="tass.ru"), events=(same, other))
    store.save_article(reprint, story_id=first.id)
    store.save_article(reprint, story_id=first.id)  # the same content again: nothing more
    elsewhere = article("c", "Третий текст.", source="ria.ru")  # the same event in another story
    store.save_article(elsewhere, story_id=elsewhere.id)
    rows = queries.list_events(store, EventFilter(sort="id"))
    assert [(row["doc_id"], row["modality"], row["sources_count"]) for row in rows] == [
        ("a", "planned", 2),
        ("b", "asserted", 1),
        ("c", "planned", 1),
    ]
    assert rows[0]["evidence"] == stored.evidence  # the first report's words are kept
    assert [row["doc_id"] for row in queries.get_document(store, "b")["events"]] == ["a", "b"]
    by_document = {row["doc_id"]: row["events"] for row in queries.list_documents(store)}
    assert by_document == {"a": 1, "b": 2, "c": 1}
    assert queries.stats(store)["events"] == 3
    assert len(queries.list_events(store, EventFilter(source="interfax.ru"))) == 1


def test_lists_are_pages_with_totals(store: Store) -> None:
    for name in "abc":
        store.save_article(article(name, f"Текст {name}.", date=None if name == "b" else "2020-0" + str("ac".index(name) + 3)))
    documents = queries.list_documents(store, DocumentFilter(limit=2, offset=1))
    assert (documents.total, len(documents), documents.offset) == (3, 2, 1)
    assert queries.list_documents(store, DocumentFilter(entity="KAZ")).total == 3
    entities = queries.list_entities(store, EntityFilter(limit=1))
    assert (entities.total, [row["key"] for row in entities]) == (4, ["EU"])
    assert [row["doc_id"] for row in queries.list_events(store, EventFilter(sort="date"))] == ["a", "c", "b"]
    assert [row["doc_id"] for row in queries.list_events(store, EventFilter(sort="-date"))] == ["c", "a", "b"]
    page = queries.list_events(store, EventFilter(limit=1, offset=2, sort="date"))
    assert (page.total, [row["doc_id"] for row in page]) == (3, ["b"])
    assert page.as_dict()["items"] == list(page)
    assert [row["doc_id"] for row in queries.iter_events(store, batch=2)] == ["a", "b", "c"]


def test_entity_name_filter_folds_cyrillic_case(store: Store) -> None:
    store.save_article(article("a", "Первый текст."))
    assert [row["name"] for row in queries.list_entities(store, EntityFilter(name="ТАШК"))] == ["Ташкент"]


def test_entity_page_has_timeline_documents_and_co_actors(store: Store) -> None:
    store.save_article(article("a", "Первый текст."))
    store.save_article(article("b", "Второй текст."))
    entity = queries.get_entity(store, "EU")
    assert entity["timeline"] == [{"period": "2020-03", "mentions": 4}]
    assert {row["doc_id"] for row in entity["documents"]} == {"a", "b"}
    assert entity["co_actors"] == [{"actor": "KAZ", "events": 2}]
    assert queries.get_raw(store, "a") == "Первый текст."


def test_event_summary_counts_and_follows_new_articles(store: Store) -> None:
    store.save_article(article("a", "Первый текст."))
    summary = queries.event_summary(store)
    assert summary["timeline"] == [{"period": "2020-03", "type": "COOPERATE", "events": 1}]
    assert summary["network"]["edges"] == [{"source": "EU", "target": "KAZ", "events": 1}]
    [place] = summary["locations"]
    assert (place["name"], place["events"], place["numeric"]) == ("Ташкент", 1, "860")
    assert place["latitude"] == pytest.approx(41.26)
    assert queries.event_summary(store, EventFilter(actor="JPN"))["timeline"] == []
    store.save_article(article("b", "Второй текст."))  # a cached summary must not hide it
    assert queries.event_summary(store)["timeline"][0]["events"] == 2


def test_read_only_store_reads_and_refuses_writes(store: Store) -> None:
    store.save_article(article("a", "Первый текст."))
    reader = open_store(store.url, read_only=True)
    try:
        assert reader.read_only and queries.get_document(reader, "a")["events"][0]["targets"] == ["KAZ"]
        with pytest.raises(StoreError, match="read-only"):
            reader.save_article(article("b", "Второй текст."))
        with pytest.raises(StoreError):
            reader.query("DELETE FROM documents")
        assert queries.stats(reader)["documents"] == 1
    finally:
        reader.close()


def test_read_only_sqlite_store_must_exist(tmp_path) -> None:
    with pytest.raises(NotFound, match="letopis process"):
        open_store(tmp_path / "missing.db", read_only=True)
    assert not (tmp_path / "missing.db").exists()


def test_quarantine_upsert_and_resolve(store: Store) -> None:
    store.quarantine(Rejection("docs.jsonl", "3", "bad-record", "not valid JSON"))
    store.quarantine(Rejection("docs.jsonl", "3", "bad-record", "not valid JSON (again)"))
    store.quarantine(Rejection("empty.txt", "", "empty", "file is empty"))
    rows = queries.list_rejections(store)
    assert [(row["origin"], row["position"], row["reason"]) for row in rows] == [
        ("docs.jsonl", "3", "not valid JSON (again)"),
        ("empty.txt", "", "file is empty"),
    ]
    store.resolve("empty.txt", "")
    assert len(queries.list_rejections(store)) == 1
    assert len(queries.list_rejections(store, resolved=True)) == 2


def test_unknown_document_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        queries.get_document(store, "missing")


def test_store_reopens_at_the_same_schema_version(tmp_path) -> None:
    first = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    version = first.schema_version()
    first.close()
    again = open_store(tmp_path / "x.db")
    assert again.schema_version() == version >= 1
    again.close()


def test_upgrade_lists_each_stored_event_as_reported_by_its_document(tmp_path) -> None:
    import sqlite3

    store = open_store(tmp_path / "old.db")
    store.save_article(article("a", "Первый текст."), story_id="s1")
    store.close()
    with sqlite3.connect(tmp_path / "old.db") as conn:  # back to schema 3: no event_sources yet
        conn.executescript(
            "DROP TABLE event_sources; DROP INDEX events_story; DELETE FROM schema_version WHERE version = 4;"
        )
    upgraded = open_store(tmp_path / "old.db")
    try:
        assert upgraded.schema_version() >= 4
        assert [row["sources_count"] for row in queries.list_events(upgraded)] == [1]
        upgraded.save_article(article("b", "Второй текст.", source="tass.ru"), story_id="s1")
        assert [row["sources_count"] for row in queries.list_events(upgraded)] == [2]
    finally:
        upgraded.close()


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2020", ("2020-01-01", "2020-12-31")),
        ("2020-02", ("2020-02-01", "2020-02-29")),
        ("2020-03-11", ("2020-03-11", "2020-03-11")),
        ("2020-03/2020-05", ("2020-03-01", "2020-05-31")),
        (None, (None, None)),
        ("весной", (None, None)),
    ],
)
def test_date_range(date: str | None, expected: tuple[str | None, str | None]) -> None:
    assert date_range(date) == expected


def test_missing_psycopg_names_the_extra(monkeypatch) -> None:
    import sys

    from letopis.errors import DependencyMissing

    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(DependencyMissing, match=r"pip install 'letopis\[postgres\]'"):
        open_store("postgresql://127.0.0.1/nowhere")
