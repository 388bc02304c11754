"""The core CLI as a user runs it: process, clean, show, entities, errors; and resuming after a kill."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from letopis.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def processed(tmp_path_factory: pytest.TempPathFactory, pipeline) -> tuple[Path, str]:
    """The examples processed once into a store, with the first run's output."""
    db = tmp_path_factory.mktemp("cli") / "letopis.db"
    result = CliRunner().invoke(main, ["process", str(ROOT / "examples"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db, result.output


def test_process_prints_a_readable_summary(processed: tuple[Path, str]) -> None:
    _db, output = processed
    assert "documents: 7 processed, 0 already stored, 0 rejected" in output
    assert "entities:" in output and "LOC" in output
    assert "letopis.db: 7 documents" in output


def test_process_again_adds_nothing(processed: tuple[Path, str]) -> None:
    db, _ = processed
    result = CliRunner().invoke(main, ["process", str(ROOT / "examples"), "--db", str(db)])
    assert result.exit_code == 0
    assert "0 processed, 7 already stored" in result.output
    assert "letopis.db: 7 documents" in result.output


def test_show_by_input_id_uses_the_sidecar_date(processed: tuple[Path, str]) -> None:
    db, _ = processed
    result = CliRunner().invoke(main, ["show", "seed-interfax-eu-ca", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert (document["published"], document["source"]) == ("2020-03-11", "interfax.ru")
    assert "Центральной Азии" in document["text"] and document["entities"]
    by_hash = CliRunner().invoke(main, ["show", document["id"], "--db", str(db)])
    assert by_hash.exit_code == 0 and "entities (" in by_hash.output and "events (" in by_hash.output
    missing = CliRunner().invoke(main, ["show", "nope", "--db", str(db)])
    assert missing.exit_code == 1 and "no document" in missing.output


def test_entities_formats(processed: tuple[Path, str]) -> None:
    db, _ = processed
    jsonl = CliRunner().invoke(main, ["entities", "--db", str(db), "--format", "jsonl", "--type", "LOC"])
    rows = [json.loads(line) for line in jsonl.output.splitlines()]
    assert rows and all(row["type"] == "LOC" for row in rows)
    assert rows == sorted(rows, key=lambda row: -row["mentions"])
    table = CliRunner().invoke(main, ["entities", "--db", str(db), "--format", "csv"])
    assert table.output.splitlines()[0].startswith("name,type,kind,code")


def test_bad_input_names_file_and_line_and_goes_on(tmp_path: Path, pipeline) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "latin.txt").write_bytes("Министры обсудили безопасность".encode("cp1251"))
    (tmp_path / "docs.jsonl").write_text('{"id": "a", "text": "Лавров прибыл в Ташкент."}\n{oops\n', encoding="utf-8")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(main, ["process", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 0
    assert f"{tmp_path / 'docs.jsonl'}:2: not valid JSON" in result.stderr
    assert f"{tmp_path / 'empty.txt'}: file is empty" in result.stderr
    assert "latin.txt: not valid UTF-8" in result.stderr
    assert "1 processed, 0 already stored, 4 rejected" in result.stdout
    listed = CliRunner().invoke(main, ["errors", "--db", str(db)])
    assert f"{tmp_path / 'docs.jsonl'}:2: not valid JSON" in listed.output
    assert len(listed.output.splitlines()) == 4


def test_clean_jsonl(tmp_path: Path) -> None:
    lines = '{"id": "x", "text": "Первая строка.\\n\\n  Вторая строка.  "}\n'
    result = CliRunner().invoke(main, ["clean", "--jsonl", "-"], input=lines)
    assert result.exit_code == 0
    record = json.loads(result.output)
    assert record["id"] == "x" and "Вторая строка." in record["clean"] and "  " not in record["clean"]
    plain = CliRunner().invoke(main, ["clean"], input="Текст новости.\n")
    assert plain.output.strip() == "Текст новости."


def test_read_commands_need_an_existing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["entities", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "letopis process" in result.output


@pytest.mark.slow
def test_killed_run_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    docs = [json.loads(line) for line in (FIXTURES / "events" / "dev.docs.jsonl").open(encoding="utf-8")]
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:  # the last 8 reprint earlier stories: shared events
        for number in range(40):
            text = docs[number % len(docs)]["text"] + f"\n\nВыпуск № {number}."
            row = {"id": f"gen-{number}", "text": text, "source": f"site-{number % 3}.ru"}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    # Every run imports one copy of the code, so the reference compares like with like even while
    # the working tree changes under a long test session.
    code = tmp_path / "code"
    shutil.copytree(ROOT / "letopis", code / "letopis", ignore=shutil.ignore_patterns("__pycache__"))
    env = {key: value for key, value in os.environ.items() if not key.startswith("LETOPIS_")}
    env.update(OPENBLAS_NUM_THREADS="1", PYTHONPATH=str(code))  # events on (the default)

    def process(db: Path) -> list[str]:
        return [sys.executable, "-c", "from letopis.cli import main; main()", "process", str(corpus), "--db", str(db)]

    db, reference = tmp_path / "kill.db", tmp_path / "reference.db"  # the reference is never interrupted
    clean_run = subprocess.Popen(process(reference), cwd=code, env=env, stdout=subprocess.DEVNULL)
    child = subprocess.Popen(process(db), cwd=code, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and child.poll() is None:
        stored = _count(db)
        if stored >= 3:
            break
        time.sleep(0.02)
    assert child.poll() is None, f"finished before the kill: {child.stderr.read() if child.stderr else ''}"
    child.send_signal(signal.SIGKILL)
    child.wait()
    stored = _count(db)
    assert 3 <= stored < 40
    rerun = subprocess.run(process(db), cwd=code, env=env, capture_output=True, text=True, timeout=300, check=True)
    assert f"{40 - stored} processed, {stored} already stored, 0 rejected" in rerun.stdout
    assert clean_run.wait(timeout=300) == 0
    with sqlite3.connect(db) as conn, sqlite3.connect(reference) as clean:
        assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT doc_id) FROM documents").fetchone() == (40, 40)
        for sql in _CONTENTS:
            assert Counter(conn.execute(sql).fetchall()) == Counter(clean.execute(sql).fetchall()), sql
        mentions = conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
        distinct = conn.execute("SELECT COUNT(*) FROM (SELECT DISTINCT document_id, start, stop FROM mentions)").fetchone()[0]
        assert mentions == distinct > 0
        events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        distinct = conn.execute(
            "SELECT COUNT(*) FROM (SELECT DISTINCT document_id, type, sources, targets, location_name, date,"
            " modality, evidence_start FROM events)"
        ).fetchone()[0]
        assert events == distinct > 0
        shared = conn.execute("SELECT COUNT(*) FROM (SELECT event_id FROM event_sources GROUP BY event_id HAVING COUNT(*) > 1)")
        assert shared.fetchone()[0] > 0  # the reprints' events joined their stories' rows
        orphans = conn.execute("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = d.id)")
        assert orphans.fetchone()[0] == 0


# What a killed-and-resumed run must hold exactly as an uninterrupted one does (row ids aside).
_CONTENTS = (
    "SELECT doc_id, story_id FROM documents",
    "SELECT d.doc_id, m.start, m.stop, m.text, n.key FROM mentions m JOIN documents d ON d.id = m.document_id"
    " JOIN entities n ON n.id = m.entity_id",
    "SELECT e.doc_id, e.type, e.sources, e.targets, e.location_name, e.date, e.modality, e.evidence_start,"
    " r.document_id, r.source FROM events e JOIN event_sources r ON r.event_id = e.id",
    "SELECT e.doc_id, e.type, a.actor, a.role FROM events e JOIN event_actors a ON a.event_id = e.id",
)


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0
