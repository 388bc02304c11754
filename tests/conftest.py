"""One root conftest: models load once per test session."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

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
