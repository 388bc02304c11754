"""Scale out on Dask: the pipeline on many worker processes, the store written by one.

The pipeline is a pure function of a Document, so workers only map it over partitions of
documents; reading, skipping what is stored, story assignment and every write stay in the
calling process. So a Dask run stores exactly what a local run stores, a killed run resumes the
same way, and the store (SQLite included) never sees two writers.

Each worker process loads the models once, on its first partition (slovnet's `load` then `map`),
and runs with `OPENBLAS_NUM_THREADS=1`: one BLAS thread per worker, or natasha slows down
several-fold beside other busy processes.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from .batch import Runner
from .errors import DependencyMissing
from .pipeline import MAX_CHARS, Outcome, Pipeline
from .record import Document

__all__ = ["cluster_runner", "dask_runner", "local_cluster", "run_partition", "WORKER_ENV"]

WORKER_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
# Documents per task: big enough that scheduling costs little next to NLP (~60 ms a document),
# small enough that a slow partition does not hold the batch back.
PARTITION = 16


@lru_cache(maxsize=2)
def _worker_pipeline(events: bool, max_chars: int) -> Pipeline:
    """The models, loaded once per worker process and reused by every partition it runs."""
    return Pipeline(events=events, max_chars=max_chars)


def run_partition(
    documents: list[Document], events: bool = True, max_chars: int = MAX_CHARS, timeout: float | None = None
) -> list[Outcome]:
    """One task: the pipeline over a partition; a rejected, failing or timed-out document is an Outcome, not a crash."""
    pipeline = _worker_pipeline(events, max_chars)
    return [pipeline.run(document, timeout) for document in documents]


def dask_runner(
    client: Any,
    events: bool = True,
    max_chars: int = MAX_CHARS,
    partition: int = PARTITION,
    in_flight: int | None = None,
    timeout: float | None = None,
) -> Runner:
    """A batch runner that sends partitions of documents to the Dask cluster behind `client`.

    At most `in_flight` partitions (default: two per worker thread) are out at once, so a corpus of
    any size streams through in bounded memory; outcomes come back in input order. `timeout` limits
    each document on its worker, as `BatchOptions.timeout` does for a local run.
    """
    if in_flight is None:
        threads = sum(client.nthreads().values()) or 1
        in_flight = 2 * threads

    def run(documents: Iterable[Document]) -> Iterator[Outcome]:
        pending: deque[Any] = deque()
        chunk: list[Document] = []
        for document in documents:
            chunk.append(document)
            if len(chunk) == partition:
                pending.append(client.submit(run_partition, chunk, events, max_chars, timeout, pure=False))
                chunk = []
                while len(pending) >= in_flight:
                    yield from pending.popleft().result()
        if chunk:
            pending.append(client.submit(run_partition, chunk, events, max_chars, timeout, pure=False))
        while pending:
            yield from pending.popleft().result()

    return run


@contextmanager
def local_cluster(workers: int, address: str | None = None) -> Iterator[Any]:
    """A Dask client: on a scheduler at `address`, or on `workers` local processes of one thread each."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DependencyMissing("Dask is not installed: pip install 'letopis[dask]'") from None
    if address:
        with Client(address) as client:
            yield client
        return
    os.environ.update(WORKER_ENV)  # worker processes inherit it at spawn
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            env=WORKER_ENV,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def cluster_runner(
    workers: int,
    address: str | None = None,
    events: bool = True,
    max_chars: int = MAX_CHARS,
    timeout: float | None = None,
) -> Runner:
    """A runner that starts its cluster (or connects) on the first new document and stops it at the end.

    A re-run that finds everything stored starts no workers at all.
    """

    def run(documents: Iterable[Document]) -> Iterator[Outcome]:
        documents = iter(documents)
        first = next(documents, None)
        if first is None:
            return
        with local_cluster(workers, address) as client:
            yield from dask_runner(client, events, max_chars, timeout=timeout)(itertools.chain([first], documents))

    return run
