"""Scale-out on Dask: worker processes run the pipeline, this process stores what they return."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
from conftest import ROOT

from letopis.batch import BatchOptions, process_paths
from letopis.record import Document
from letopis.scale import cluster_runner, run_partition
from letopis.store import open_store

UNREACHABLE = "tcp://127.0.0.1:1"  # no scheduler listens there: connecting would fail


def corpus(folder: Path) -> Path:
    """The bundled examples, a JSONL file with a reprint of one of them and a broken line, and an empty file."""
    shutil.copytree(ROOT / "examples", folder)
    seed = (folder / "interfax-eu-central-asia.txt").read_text(encoding="utf-8")
    lines = [json.dumps({"id": "copy", "text": seed}, ensure_ascii=False), "{not json", json.dumps({"id": "blank", "text": " "})]
    (folder / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def snapshot(store) -> dict:  # type: ignore[no-untyped-def]
    documents = sorted(row["doc_id"] for row in store.query("SELECT doc_id FROM documents"))
    rows = store.query("SELECT doc_id, type, sources, targets, date, modality, evidence FROM events")
    # as text, so an undated event sorts beside a dated one
    events = sorted([("" if value is None else str(value)) for value in row] for row in rows)
    rejected = sorted((Path(row["origin"]).name, row["position"], row["code"]) for row in store.query("SELECT * FROM quarantine"))
    return {"documents": documents, "events": events, "rejected": rejected}


def test_a_partition_reports_bad_documents_instead_of_raising(pipeline) -> None:  # type: ignore[no-untyped-def]
    good = Document(text="Президент России Владимир Путин встретился в Пекине с председателем КНР.", id="a")
    outcomes = run_partition([good, Document(text="   ", id="b", origin="x.jsonl:2")])
    assert outcomes[0].article is not None and outcomes[0].article.doc_id == "a"
    assert outcomes[1].article is None and outcomes[1].error is not None and outcomes[1].error.code == "empty"


# The watchdog's raise can land inside a weakref callback of a garbage collection in the worker, where
# Python reports it as unraisable and drops it; the watchdog then raises again (test_limits.py).
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_document_over_the_time_limit_on_a_worker_is_reported_and_the_partition_goes_on(pipeline) -> None:  # type: ignore[no-untyped-def]
    long = Document(text=" ".join(["Президент России Владимир Путин встретился в Пекине с председателем КНР."] * 1000), id="long", origin="c.jsonl:1")
    short = Document(text="Министр обороны Японии посетил Вашингтон.", id="short", origin="c.jsonl:2")
    box: list[list] = []
    # Dask runs a task in a worker thread, where no SIGALRM can reach it.
    worker = threading.Thread(target=lambda: box.append(run_partition([long, short], timeout=0.3)))
    worker.start()
    worker.join(timeout=120)
    timed_out, finished = box[0]
    assert timed_out.article is None and timed_out.error.code == "timeout" and timed_out.error.where == "c.jsonl:1"
    assert finished.article is not None and finished.article.doc_id == "short"


def test_nothing_new_starts_no_cluster(tmp_path, pipeline) -> None:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "letopis.db")
    first = process_paths([ROOT / "examples"], store, pipeline)
    # Every document is stored: the runner must not even try to reach its (unreachable) scheduler.
    summary = process_paths([ROOT / "examples"], store, runner=cluster_runner(0, UNREACHABLE))
    assert first.processed > 1 and (summary.processed, summary.skipped) == (0, first.processed)
    store.close()


@pytest.mark.slow
def test_two_dask_workers_store_what_a_local_run_stores(tmp_path, pipeline) -> None:  # type: ignore[no-untyped-def]
    folder = corpus(tmp_path / "corpus")
    local = open_store(tmp_path / "local.db")
    expected_summary = process_paths([folder], local, pipeline)
    expected = snapshot(local)
    local.close()

    distributed = open_store(tmp_path / "dask.db")
    summary = process_paths([folder], distributed, options=BatchOptions(), runner=cluster_runner(2))
    assert snapshot(distributed) == expected
    assert (summary.processed, summary.skipped, dict(summary.rejected)) == (
        expected_summary.processed, expected_summary.skipped, dict(expected_summary.rejected),
    )  # fmt: skip
    assert expected["rejected"] and expected["events"]  # the comparison covers rejections and events
    # A second run finds everything stored or quarantined, and adds nothing.
    again = process_paths([folder], distributed, runner=cluster_runner(2))
    assert again.processed == 0 and snapshot(distributed) == expected
    distributed.close()
