"""One root conftest: models load once per test session."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from letopis.store import Store, open_store

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from letopis.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def pipeline(nlp):
    from letopis.pipeline import Pipeline

    return Pipeline(nlp=nlp)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "examples" / "interfax-eu-central-asia.txt").read_text(encoding="utf-8")


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


PG_SERVER = "postgresql://postgres@127.0.0.1:5432/test"


def postgres_store() -> Iterator[Store]:
    psycopg = pytest.importorskip("psycopg")
    schema = f"letopis_test_{secrets.token_hex(4)}"
    try:
        admin = psycopg.connect(PG_SERVER, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL is not reachable: {error}")
    admin.execute(f"CREATE SCHEMA {schema}")
    store = open_store(f"{PG_SERVER}?options=-csearch_path%3D{schema}")
    try:
        yield store
    finally:
        store.close()
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh store on each back end: a SQLite file, and a new schema on the PostgreSQL server."""
    if request.param == "sqlite":
        sqlite = open_store(tmp_path / "letopis.db")
        yield sqlite
        sqlite.close()
    else:
        yield from postgres_store()
