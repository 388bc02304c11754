"""Documents per second: `process_paths` in this process vs on N local Dask worker processes.

Both runs read the same corpus (the dev documents, repeated with a counter appended so every copy
is new to the store) into a fresh SQLite file; the Dask figure includes starting the cluster and
loading the models in every worker, as a user's run does. Usage:

    python bench/bench_scale.py [--workers N] [--copies K] [DOCS.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
DEFAULT_DOCS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "events" / "dev.docs.jsonl"


def build_corpus(source: Path, copies: int, folder: Path) -> tuple[Path, int]:
    rows = [json.loads(line) for line in source.open(encoding="utf-8") if line.strip()]
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for row in rows:
                text = f"{row['text']}\n\nКопия {copy}."
                out.write(json.dumps({**row, "id": f"{row['id']}-{copy}", "text": text}, ensure_ascii=False) + "\n")
    return path, copies * len(rows)


def timed(corpus: Path, db: Path, runner: object | None) -> tuple[float, int]:
    from letopis.batch import process_paths
    from letopis.store import open_store

    store = open_store(db)
    started = time.perf_counter()
    summary = process_paths([corpus], store, runner=runner)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    store.close()
    return seconds, summary.processed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("docs", nargs="?", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--copies", type=int, default=4)
    args = parser.parse_args()
    from letopis.scale import cluster_runner

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus, count = build_corpus(args.docs, args.copies, folder)
        print(f"corpus: {count} documents, {os.cpu_count()} CPUs", file=sys.stderr)
        local_s, local_n = timed(corpus, folder / "local.db", None)
        dask_s, dask_n = timed(corpus, folder / "dask.db", cluster_runner(args.workers))
    print(f"local (1 process, models loaded in the run): {local_n / local_s:6.1f} docs/s ({local_s:.1f} s)")
    print(f"dask  ({args.workers} workers, incl. cluster start):  {dask_n / dask_s:6.1f} docs/s ({dask_s:.1f} s)")
    print(f"speed-up: {local_s / dask_s:.2f}x")


if __name__ == "__main__":
    main()
