"""A story reprinted by other sites: its events are stored once, each listing every outlet.

Runs the real pipeline into SQLite and into the PostgreSQL server (the pattern of test_store.py).
"""

from __future__ import annotations

import csv
import io
import json
import warnings
from pathlib import Path

from click.testing import CliRunner

from letopis import queries
from letopis.batch import process_paths
from letopis.cli import main
from letopis.store import DocumentFilter, EventFilter, Store, open_store

DOCS = [
    json.loads(line)
    for line in (Path(__file__).parent / "fixtures" / "events" / "dev.docs.jsonl").open(encoding="utf-8")
]
STORY, UNRELATED = DOCS[0]["text"], DOCS[1]["text"]


def _record(doc_id: str, text: str, source: str) -> str:
    row = {"id": doc_id, "text": text, "source": source, "published": "2010-11-13"}
    return json.dumps(row, ensure_ascii=False) + "\n"


def corpus(folder: Path) -> Path:
    """The original, two reprints (own boilerplate, a word edited each) and an unrelated story."""
    first = STORY.replace("решительный", "резкий") + "\n\nЧитайте также: главные новости дня."
    second = (
        "Новости партнёров\n\n"
        + STORY.replace("лишь за неделю", "всего за неделю")
        + "\n\nПодписывайтесь на наш канал в Telegram."
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "story.jsonl"
    path.write_text(
        _record("original", STORY, "interfax.ru")
        + _record("reprint-1", first, "mk.ru")
        + _record("reprint-2", second, "regnum.ru")
        + _record("unrelated", UNRELATED, "ria.ru"),
        encoding="utf-8",
    )
    return path


def _reports(store: Store) -> int:
    return int(store.query("SELECT COUNT(*) AS n FROM event_sources")[0]["n"])


def test_reprinted_story_events_are_stored_once_with_three_sources(
    store: Store, pipeline, tmp_path: Path
) -> None:
    path = corpus(tmp_path / "in")
    summary = process_paths([path], store, pipeline)
    assert summary.processed == 4
    stories = {row["doc_id"]: row["story_id"] for row in queries.list_documents(store)}
    assert stories["reprint-1"] == stories["reprint-2"] == stories["original"] != stories["unrelated"]

    events = list(queries.list_events(store, EventFilter(limit=1000, sort="id")))
    story = [event for event in events if event["story_id"] == stories["original"]]
    unrelated = [event for event in events if event["doc_id"] == "unrelated"]
    assert len(story) >= 3 and unrelated
    assert len(story) + len(unrelated) == len(events)
    assert {(event["doc_id"], event["sources_count"]) for event in story} == {("original", 3)}
    assert {event["sources_count"] for event in unrelated} == {1}
    # The extractor found the story's events in each copy; the store holds them once.
    assert sum(summary.events.values()) == 3 * len(story) + len(unrelated)
    assert summary.reported_again == 2 * len(story)
    assert f"{2 * len(story)} already stored for their story" in summary.lines()[2]
    story_ids = [event["id"] for event in story]
    for reprint in ("reprint-1", "reprint-2"):
        assert [event["id"] for event in queries.get_document(store, reprint)["events"]] == story_ids
    mk = queries.list_events(store, EventFilter(source="mk.ru", limit=1000, sort="id"))
    assert [event["id"] for event in mk] == story_ids

    before, reports = queries.stats(store), _reports(store)
    again = process_paths([path], store, None)  # same content: skipped by its hash, no model loaded
    assert (again.processed, again.skipped) == (0, 4)
    after = queries.stats(store)
    assert [after[key] for key in ("documents", "events", "mentions")] == [
        before[key] for key in ("documents", "events", "mentions")
    ]
    assert _reports(store) == reports == 3 * len(story) + len(unrelated)
    assert queries.list_documents(store, DocumentFilter(story=stories["original"])).total == 3


def test_cli_and_export_show_how_many_sources_reported_an_event(pipeline, tmp_path: Path) -> None:
    db = tmp_path / "letopis.db"
    store = open_store(db)
    try:
        process_paths([corpus(tmp_path / "in")], store, pipeline)
    finally:
        store.close()
    result = CliRunner().invoke(main, ["events", "--db", str(db), "--format", "csv", "--limit", "1000"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    counts = {(row["doc_id"], row["sources_count"]) for row in rows}
    assert counts == {("original", "3"), ("unrelated", "1")}
    table = CliRunner().invoke(main, ["events", "--db", str(db)])
    assert table.exit_code == 0 and "×3" in table.output and "×1" in table.output

    with warnings.catch_warnings():  # starlette asks for httpx2, which is not packaged yet
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from letopis.web.app import create_app

    client = TestClient(create_app(str(db)))
    items = client.get("/api/events", params={"limit": 1000}).json()["items"]
    assert {(item["doc_id"], str(item["sources_count"])) for item in items} == counts
    export = client.get("/api/export/events", params={"format": "csv"}).text
    exported = {(row["doc_id"], row["sources_count"]) for row in csv.DictReader(io.StringIO(export))}
    assert exported == counts
    lines = client.get("/api/export/events", params={"format": "jsonl"}).text.splitlines()
    assert {json.loads(line)["sources_count"] for line in lines} == {1, 3}
