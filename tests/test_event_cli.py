"""`letopis extract` as a user runs it: JSONL documents in, EVENTS.md records out, bad lines reported and skipped."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import FIXTURES

from letopis.cli import main

FIELDS = {"doc_id", "type", "sources", "targets", "location", "date", "modality", "evidence", "confidence"}
SEED = json.loads((FIXTURES / "events" / "seed.docs.jsonl").read_text(encoding="utf-8").splitlines()[0])
OTHER = {"id": "other", "text": "Министр иностранных дел России Сергей Лавров провел переговоры в Анкаре с главой МИД Турции.",
         "published": "2021-06-30"}  # fmt: skip


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bad_lines_are_named_and_skipped_and_the_other_documents_extracted(tmp_path, pipeline) -> None:  # type: ignore[no-untyped-def]
    docs = write_lines(tmp_path / "docs.jsonl", [
        json.dumps(SEED, ensure_ascii=False), '{"id": "broken", "text": ', json.dumps({"id": "no-text"}),
        "", json.dumps(OTHER, ensure_ascii=False),
    ])  # fmt: skip
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(main, ["extract", str(docs), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["doc_id"] for r in records} == {SEED["id"], "other"}
    assert all(set(r) >= FIELDS for r in records)
    assert f"{docs}:2: not valid JSON" in result.stderr and f"{docs}:3: no 'text' field" in result.stderr
    assert "2 line(s) skipped" in result.stderr
    talks = [r for r in records if r["doc_id"] == "other"]
    assert [(r["type"], sorted(r["sources"] + r["targets"]), r["location"]["name"]) for r in talks] == [
        ("CONSULT", ["RUS", "TUR"], "Анкара")
    ]


def test_stdin_to_stdout(pipeline) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["extract", "-"], input=json.dumps(OTHER, ensure_ascii=False) + "\n")
    assert result.exit_code == 0 and result.stderr == ""
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["doc_id"] == "other" and record["evidence"] == OTHER["text"]


def test_a_missing_file_is_a_usage_error_not_a_traceback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2 and "no such file" in result.stderr
