"""The REST API over a store built by the real pipeline: reads, errors, export, ingest, schema fuzz."""

from __future__ import annotations

import csv
import io
import json
import warnings

import pytest
from test_search import build_store

with warnings.catch_warnings():  # starlette asks for httpx2, which is not packaged yet
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from letopis.web.app import CSP, create_app


@pytest.fixture(scope="module")
def db(pipeline, tmp_path_factory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("api") / "store.db"
    build_store(pipeline, path).close()
    return path


@pytest.fixture(scope="module")
def client(db):  # type: ignore[no-untyped-def]
    return TestClient(create_app(str(db)))


def test_documents_page_with_totals(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/api/documents", params={"limit": 2, "offset": 1}).json()
    assert page["total"] == 7 and page["limit"] == 2 and len(page["items"]) == 2


def test_a_document_carries_text_mentions_and_events(client) -> None:  # type: ignore[no-untyped-def]
    document = client.get("/api/documents/factru-261").json()
    assert "Японии" in document["text"]
    assert any(m["text"].startswith("Япони") for m in document["mentions"])
    event = document["events"][0]
    assert document["text"][event["evidence_start"] : event["evidence_stop"]] == event["evidence"]


def test_missing_document_is_a_json_404_that_says_where_to_look(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/documents/no-such-thing")
    assert response.status_code == 404
    assert response.json()["error"] == "not-found" and "/api/documents" in response.json()["message"]


def test_search_finds_inflected_forms_with_highlights(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/api/search", params={"q": "Казахстана"}).json()
    assert page["total"] == 1
    hit = page["items"][0]
    start, stop = hit["highlights"][0]
    assert hit["snippet"][start:stop].startswith("Казахстан")


def test_events_filter_by_actor_and_summary(client) -> None:  # type: ignore[no-untyped-def]
    everything = client.get("/api/events", params={"summary": "true"}).json()
    japan = client.get("/api/events", params={"actor": "JPN", "summary": "true"}).json()
    assert 0 < japan["total"] < everything["total"]
    assert all("JPN" in e["sources"] + e["targets"] for e in japan["items"])
    assert sum(row["events"] for row in japan["summary"]["timeline"]) == japan["total"]


def test_bad_filter_value_is_a_422_naming_the_parameter(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/events", params={"type": "HUG"})
    assert response.status_code == 422 and "type" in json.dumps(response.json())


def test_entity_page_data(client) -> None:  # type: ignore[no-untyped-def]
    entity = client.get("/api/entities/KAZ").json()
    assert entity["code"] == "KAZ" and entity["timeline"][0]["mentions"] >= 1


def test_a_search_with_a_letter_that_has_no_unicode_name_is_answered(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/search", params={"q": "переговоры \U00017000"}).status_code == 200


@pytest.mark.parametrize("key", ["²", "99999999999999999999999", "٣"])
def test_an_entity_key_that_looks_numeric_but_is_no_row_id_is_a_404(client, key) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"/api/entities/{key}")
    assert response.status_code == 404 and response.json()["error"] == "not-found"


def test_export_csv_and_jsonl_agree(client) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/events", params={"format": "csv", "actor": "JPN"}).text)))
    lines = client.get("/api/export/events", params={"format": "jsonl", "actor": "JPN"}).text.splitlines()
    assert len(rows) == len(lines) > 0
    assert json.loads(lines[0])["type"] == rows[0]["type"]


def test_pages_carry_a_strict_csp(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/")
    assert response.headers["content-security-policy"] == CSP and "'unsafe-inline'" not in CSP


def test_ingest_is_refused_without_the_token(client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("LETOPIS_API_TOKEN", raising=False)
    assert client.post("/api/documents", content="текст").status_code == 403
    monkeypatch.setenv("LETOPIS_API_TOKEN", "s3cret")
    assert client.post("/api/documents", content="текст").status_code == 401
    wrong = client.post("/api/documents", content="текст", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


def test_ingest_with_the_token_stores_and_finds_the_document(db, pipeline, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LETOPIS_API_TOKEN", "s3cret")
    app = create_app(str(db))
    app.state.pipeline = pipeline  # the session's models; loading them again costs seconds
    from letopis.store import open_store

    app.state.writer = open_store(str(db))
    client = TestClient(app)
    body = {"text": "Премьер-министр Монголии посетил Улан-Батор и провел переговоры.", "id": "posted-1"}
    response = client.post("/api/documents", json=body, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 201, response.text
    assert client.get("/api/search", params={"q": "Монголия"}).json()["items"][0]["doc_id"] == "posted-1"
    again = client.post("/api/documents", json=body, headers={"Authorization": "Bearer s3cret"})
    assert again.status_code == 200 and again.json()["created"] is False
    bad = client.post("/api/documents", content="{", headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"})
    assert bad.status_code == 400 and "JSON" in bad.json()["message"]


@pytest.mark.slow
def test_fuzz_against_the_openapi_schema_finds_no_server_errors(client) -> None:  # type: ignore[no-untyped-def]
    import schemathesis
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_asgi("/api/openapi.json", client.app)
    failures = []
    for operation in schema.get_all_operations():
        op = operation.ok()
        if op.method.upper() != "GET":
            continue

        @settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(case=op.as_strategy())
        def check(case) -> None:  # type: ignore[no-untyped-def]
            response = case.call()
            if response.status_code >= 500:
                failures.append((case.path, case.query, response.status_code, response.text[:200]))

        check()
    assert failures == []
