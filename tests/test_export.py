"""Exports of stored events: Parquet, GDELT 2.0 and POLECAT layouts, from the CLI and the API."""

from __future__ import annotations

import csv
import io
import json
import warnings

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from test_search import build_store

from letopis.cli import main
from letopis.export import GDELT_COLUMNS, POLECAT_COLUMNS
from letopis.record import Document

with warnings.catch_warnings():  # starlette asks for httpx2, which is not packaged yet
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from letopis.web.app import create_app

# A meeting that did not take place: GDELT and POLECAT have no field for that, so it is left out.
CANCELLED = "Переговоры министров иностранных дел России и Японии в Токио в понедельник не состоялись."
BRUSSELS = 2800866


@pytest.fixture(scope="module")
def db(pipeline, tmp_path_factory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("export") / "store.db"
    extra = [Document(text=CANCELLED, id="cancelled", published="2021-05-05", source="example.ru")]
    build_store(pipeline, path, extra=extra, dev_docs=3).close()
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def jsonl_events(db) -> list[dict]:  # type: ignore[no-untyped-def]
    return [json.loads(line) for line in run("export", "--db", str(db), "--format", "jsonl").splitlines()]


def test_parquet_holds_the_same_events_as_jsonl(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "events.parquet"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "parquet", "-o", str(path)])
    assert result.exit_code == 0 and "events written" in result.output
    rows = pq.read_table(path).to_pylist()
    expected = jsonl_events(db)
    assert len(rows) == len(expected) > 5
    for row, event in zip(rows, expected, strict=True):
        assert (row["doc_id"], row["type"], row["sources"], row["targets"], row["location"], row["date"]) == (
            event["doc_id"], event["type"], event["sources"], event["targets"], event["location"], event["date"],
        )  # fmt: skip


def test_parquet_needs_a_file(db) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "parquet"])
    assert result.exit_code != 0 and "-o events.parquet" in result.output


def test_gdelt_rows_follow_the_event_table_and_the_plover_rules(db) -> None:  # type: ignore[no-untyped-def]
    lines = run("export", "--db", str(db), "--format", "gdelt").splitlines()
    rows = [line.split("\t") for line in lines]
    assert rows and all(len(row) == len(GDELT_COLUMNS) == 61 for row in rows)  # no header, 61 columns
    assert len({row[0] for row in rows}) == len(rows)  # one id per actor pair
    column = {name: n for n, name in enumerate(GDELT_COLUMNS)}
    # In Brussels the dialogue met in 2013 (a meeting, CAMEO 04) and experts will meet in March (only an
    # intent to meet, CAMEO 03, by the PLOVER manual's rule), both placed at the city.
    brussels = [row for row in rows if row[column["ActionGeo_FeatureID"]] == str(BRUSSELS)]
    assert {(row[column["Year"]], row[column["EventRootCode"]]) for row in brussels} == {("2013", "04"), ("2015", "03")}
    first = brussels[0]
    assert first[column["ActionGeo_Type"]] == "4" and first[column["ActionGeo_CountryCode"]] == "BE"
    assert abs(float(first[column["ActionGeo_Lat"]]) - 50.85) < 0.1
    assert first[column["QuadClass"]] == "1" and float(first[column["GoldsteinScale"]]) > 0
    # A multilateral event becomes one row per actor; states carry their ISO3 country code.
    kaz = [row for row in rows if row[column["Actor1Code"]] == "KAZ"]
    assert kaz and kaz[0][column["Actor1Name"]] == "KAZAKHSTAN" and kaz[0][column["Actor1CountryCode"]] == "KAZ"
    # The cancelled talks in Tokyo are not in a dataset of things that happened.
    assert not any(row[column["SOURCEURL"]] == "example.ru" for row in rows)
    assert any(e["doc_id"] == "cancelled" and e["modality"] == "negated" for e in jsonl_events(db))


def test_polecat_has_its_header_one_row_per_event_and_no_negated_acts(db) -> None:  # type: ignore[no-untyped-def]
    table = list(csv.DictReader(io.StringIO(run("export", "--db", str(db), "--format", "polecat")), delimiter="\t"))
    events = [e for e in jsonl_events(db) if e["modality"] in ("asserted", "planned")]
    assert len(table) == len(events) and list(table[0]) == list(POLECAT_COLUMNS)
    brussels = [row for row in table if row["GeoNames ID"] == str(BRUSSELS)]
    assert {(row["Event Date"], row["Event Type"]) for row in brussels} == {("2013", "CONSULT"), ("2015-03", "AGREE")}
    assert all(row["Quad Code"] == "VERBAL COOPERATION" for row in brussels)
    assert any("Kazakhstan" in row["Actor Name"].split("; ") for row in table)


def test_filters_apply_to_exports(db) -> None:  # type: ignore[no-untyped-def]
    japan = run("export", "--db", str(db), "--format", "jsonl", "--actor", "JPN").splitlines()
    assert japan and all("JPN" in e["sources"] + e["targets"] for e in map(json.loads, japan))
    assert len(japan) < len(jsonl_events(db))


def test_the_api_streams_the_dataset_layouts(db) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(create_app(str(db)))
    response = client.get("/api/export/events", params={"format": "gdelt"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/tab-separated-values")
    assert all(len(line.split("\t")) == 61 for line in response.text.splitlines())
    assert client.get("/api/export/events", params={"format": "xml"}).status_code == 422
