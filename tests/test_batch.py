"""The batch runner: re-runs add nothing, bad input is quarantined with its reason, the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from letopis import queries
from letopis.batch import BatchOptions, process_paths, split_origin
from letopis.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def store(tmp_path: Path):
    opened = open_store(tmp_path / "letopis.db")
    yield opened
    opened.close()


def corpus(folder: Path, texts: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "docs.jsonl").open("w", encoding="utf-8") as out:
        for number, text in enumerate(texts):
            out.write(json.dumps({"id": f"doc-{number}", "text": text, "source": "test"}, ensure_ascii=False) + "\n")
    return folder


def bad_inputs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "cp1251.txt").write_bytes("Министры обсудили безопасность в регионе".encode("cp1251"))
    (folder / "huge.txt").write_bytes(("Москва. " * 2_600_000).encode("utf-8"))  # ~20 MB
    (folder / "mixed.jsonl").write_text(
        '{"id": "good", "text": "Президент России Владимир Путин встретился в Москве с канцлером Германии."}\n'
        '{"id": "broken", "text": "не закрыта\n',
        encoding="utf-8",
    )
    return folder


def test_rerun_adds_nothing_and_skips_before_nlp(store: Store, pipeline, seed_text: str, tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in", [seed_text, "Глава МИД России Сергей Лавров прибыл в Ташкент."])
    first = process_paths([folder], store, pipeline)
    assert (first.processed, first.skipped) == (2, 0)
    assert first.entities["LOC"] >= 3
    before = queries.stats(store)
    second = process_paths([folder], store, None)  # no pipeline: nothing new, so no model is loaded
    assert (second.processed, second.skipped, sum(second.rejected.values())) == (0, 2, 0)
    after = queries.stats(store)
    assert {k: after[k] for k in ("documents", "mentions", "events")} == {
        k: before[k] for k in ("documents", "mentions", "events")
    }
    assert "0 processed, 2 already stored, 0 rejected" in second.lines()[0]


def test_bad_inputs_are_quarantined_and_the_batch_goes_on(store: Store, pipeline, tmp_path: Path) -> None:
    folder = bad_inputs(tmp_path / "bad")
    summary = process_paths([folder], store, pipeline)
    assert summary.processed == 1
    assert dict(summary.rejected) == {"empty": 1, "binary": 1, "encoding": 1, "too-large": 1, "bad-record": 1}
    rows = {(Path(row["origin"]).name, row["position"]): row for row in queries.list_rejections(store)}
    assert set(rows) == {("empty.txt", ""), ("image.txt", ""), ("cp1251.txt", ""), ("huge.txt", ""), ("mixed.jsonl", "2")}
    assert "not valid JSON" in rows[("mixed.jsonl", "2")]["reason"]
    assert "limit" in rows[("huge.txt", "")]["reason"]
    line = summary.lines()[0]
    assert "1 processed" in line and "5 rejected" in line and "too-large 1" in line


def test_quarantined_document_is_skipped_until_fixed(store: Store, pipeline, tmp_path: Path) -> None:
    file = tmp_path / "docs.jsonl"
    file.write_text(json.dumps({"id": "nul", "text": "Текст\u0000с нулём."}) + "\n", encoding="utf-8")
    first = process_paths([file], store, pipeline)
    assert first.rejected == {"binary": 1}
    again = process_paths([file], store, pipeline)
    assert (again.skipped_quarantined, sum(again.rejected.values())) == (1, 0)
    retried = process_paths([file], store, pipeline, BatchOptions(retry_errors=True))
    assert retried.rejected == {"binary": 1}
    file.write_text(json.dumps({"id": "nul", "text": "Текст без нуля: Лавров прибыл в Ташкент."}) + "\n", encoding="utf-8")
    fixed = process_paths([file], store, pipeline)
    assert fixed.processed == 1
    assert queries.list_rejections(store) == []  # resolved


def test_defaults_fill_missing_metadata_only(store: Store, pipeline, tmp_path: Path) -> None:
    file = tmp_path / "docs.jsonl"
    file.write_text(
        json.dumps({"id": "own", "text": "Лавров прибыл в Ташкент.", "published": "2020-01-01"}) + "\n"
        + json.dumps({"id": "none", "text": "Шойгу прибыл в Минск."}) + "\n",
        encoding="utf-8",
    )
    process_paths([file], store, pipeline, BatchOptions(published="2021-05-05", source="tass.ru"))
    assert queries.get_document(store, "own")["published"] == "2020-01-01"
    assert queries.get_document(store, "none")["published"] == "2021-05-05"
    assert queries.get_document(store, "none")["source"] == "tass.ru"


@pytest.mark.parametrize(
    ("where", "expected"),
    [("a/b.jsonl:12", ("a/b.jsonl", "12")), ("a/b.txt", ("a/b.txt", "")), (None, ("<unknown>", ""))],
)
def test_split_origin(where: str | None, expected: tuple[str, str]) -> None:
    assert split_origin(where) == expected
