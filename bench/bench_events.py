"""Event extraction throughput and peak memory on the dev set, beside the core pipeline (no events).

usage: .venv/bin/python bench/bench_events.py [DOCS.jsonl] [--repeat N]
Runs both in one process on the same parsed articles: the core figure is clean+parse+NLP+entities,
the events figure is `letopis.events.extract` alone on those articles, so the ratio shows how cheap
extraction is relative to NLP.
"""

from __future__ import annotations

import json
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "tests" / "fixtures" / "events" / "dev.docs.jsonl"


def main(argv: list[str]) -> None:
    from letopis.events import extract
    from letopis.events.records import document_of
    from letopis.pipeline import Pipeline

    args = [a for a in argv if not a.startswith("--")]
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    path = Path(args[0]) if args else DEFAULT
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    pipeline = Pipeline(events=False)
    pipeline.process(document_of(rows[0]))  # load models outside the timing

    t0 = time.perf_counter()
    articles = [pipeline.process(document_of(row)) for row in rows]
    core = time.perf_counter() - t0

    extract(articles[0])  # load lexicons and gazetteer outside the timing
    tracemalloc.start()
    t0 = time.perf_counter()
    n_events = 0
    for _ in range(repeat):
        n_events = sum(len(extract(a).events) for a in articles)
    events = (time.perf_counter() - t0) / repeat
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    n = len(articles)
    print(f"documents            {n}")
    print(f"core pipeline        {n / core:8.1f} docs/s  ({core:.2f} s, no events)")
    print(f"event extraction     {n / events:8.1f} docs/s  ({events:.3f} s, {n_events} events)")
    print(f"extraction share     {events / (core + events):8.1%} of core+events time")
    print(f"extraction peak mem  {peak / 2**10:8.1f} KiB (tracemalloc, above the loaded models)")


if __name__ == "__main__":
    main(sys.argv[1:])
