"""The per-document time limit: it must stop a runaway block in the main thread and in worker threads alike."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from letopis.errors import TimedOut
from letopis.limits import deadline


def spin(seconds: float) -> None:
    """Pure-Python work for `seconds` (what a runaway stage looks like)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def in_thread(work: Callable[[], object]) -> object:
    """Run `work` in a worker thread (as Dask and the API do) and return its result or exception."""
    box: list[object] = []

    def target() -> None:
        try:
            box.append(work())
        except BaseException as error:  # noqa: BLE001 - the test inspects whatever was raised
            box.append(error)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive()
    return box[0]


def limited(seconds: float, work: float) -> str:
    with deadline(seconds, "corpus.jsonl:7"):
        spin(work)
    return "finished"


@pytest.mark.parametrize("run", [lambda work: work(), in_thread], ids=["main thread", "worker thread"])
def test_a_runaway_block_is_stopped_with_the_document_named(run) -> None:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    try:
        result = run(lambda: limited(0.2, 5))
    except TimedOut as error:
        result = error
    assert isinstance(result, TimedOut), result
    assert result.where == "corpus.jsonl:7" and "0.2 s" in str(result)
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("run", [lambda work: work(), in_thread], ids=["main thread", "worker thread"])
def test_a_block_that_ends_in_time_is_not_interrupted_later(run) -> None:  # type: ignore[no-untyped-def]
    def work() -> str:
        assert limited(0.3, 0.05) == "finished"
        spin(0.5)  # past the limit, outside the block: nothing may land here
        return "done"

    assert run(work) == "done"


def test_an_inner_limit_in_a_worker_thread_leaves_the_outer_one_working() -> None:
    def work() -> str:
        try:
            with deadline(0.3, "outer"):
                with deadline(5, "inner"):
                    spin(0.1)
                spin(5)
        except TimedOut as error:
            return str(error.where)
        return "not stopped"

    assert in_thread(work) == "outer"


def test_a_stage_that_catches_every_exception_cannot_swallow_the_limit() -> None:
    def stage() -> None:
        try:
            spin(5)
        except Exception:  # what Pipeline.run does to report a failing stage
            pass

    def work() -> object:
        with deadline(0.2, "doc"):
            stage()
        return "swallowed"

    assert isinstance(in_thread(work), TimedOut)


def test_a_worker_limit_holds_when_its_first_raise_is_swallowed() -> None:
    """Python drops an exception that lands inside a weakref or `__del__` callback (a garbage
    collection in the worker's thread); the watchdog must raise again, or the document runs on."""

    def work() -> str:
        started = time.monotonic()
        with deadline(0.2, "corpus.jsonl:9"):
            try:
                spin(5)
            except BaseException:  # noqa: BLE001 - what a callback does with the first raise
                pass
            spin(5)
        return f"finished after {time.monotonic() - started:.1f} s"

    started = time.monotonic()
    result = in_thread(work)
    assert isinstance(result, TimedOut) and result.where == "corpus.jsonl:9", result
    assert time.monotonic() - started < 2
