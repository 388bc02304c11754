"""Documents per second and peak memory: the full letopis pipeline vs natasha's segment + NER alone.

Each measurement runs in its own subprocess so peak RSS (getrusage maxrss) belongs to it alone.
Model loading is timed apart from processing. Usage:

    python bench/bench_pipeline.py [DOCS.jsonl] [--repeat N] [--no-events]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
DEFAULT_DOCS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "events" / "dev.docs.jsonl"


def load_texts(path: Path) -> list[dict[str, str | None]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def run_letopis(records: list[dict[str, str | None]], repeat: int, events: bool) -> tuple[float, int]:
    from letopis.pipeline import Pipeline
    from letopis.record import Document

    pipeline = Pipeline(events=events)
    pipeline.process(Document(text="Москва. Разогрев моделей."))
    started = time.perf_counter()
    done = 0
    for _ in range(repeat):
        for record in records:
            outcome = pipeline.run(Document(text=str(record["text"]), id=record.get("id"), published=record.get("published")))
            done += outcome.article is not None
    return time.perf_counter() - started, done


def run_natasha(records: list[dict[str, str | None]], repeat: int, events: bool) -> tuple[float, int]:
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, ner = Segmenter(), NewsNERTagger(NewsEmbedding())
    started = time.perf_counter()
    done = 0
    for _ in range(repeat):
        for record in records:
            doc = Doc(str(record["text"]))
            doc.segment(segmenter)
            doc.tag_ner(ner)
            done += 1
    return time.perf_counter() - started, done


def worker(kind: str, path: Path, repeat: int, events: bool) -> None:
    records = load_texts(path)
    started = time.perf_counter()
    runner = run_letopis if kind == "letopis" else run_natasha
    seconds, done = runner(records, repeat, events)
    total = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    chars = sum(len(str(record["text"])) for record in records) * repeat
    print(json.dumps({"kind": kind, "docs": done, "seconds": seconds, "load_seconds": total - seconds,
                      "docs_per_s": done / seconds, "chars_per_s": chars / seconds, "peak_mb": peak_mb}))


def measure(kind: str, path: Path, repeat: int, events: bool) -> dict[str, float]:
    command = [sys.executable, __file__, "--worker", kind, str(path), "--repeat", str(repeat)]
    if not events:
        command.append("--no-events")
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", nargs="?", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--repeat", type=int, default=1, help="pass over the documents this many times")
    parser.add_argument("--no-events", action="store_true", help="leave out event extraction")
    parser.add_argument("--worker", choices=["letopis", "natasha"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.docs, args.repeat, not args.no_events)
        return
    rows = [measure(kind, args.docs, args.repeat, not args.no_events) for kind in ("letopis", "natasha")]
    print(f"{args.docs.name}: {len(load_texts(args.docs))} documents x {args.repeat}")
    print(f"{'pipeline':<28}{'docs/s':>8}{'chars/s':>10}{'load s':>8}{'peak MB':>9}")
    labels = {"letopis": "letopis (full pipeline)", "natasha": "natasha (segment + NER)"}
    for row in rows:
        print(f"{labels[str(row['kind'])]:<28}{row['docs_per_s']:>8.1f}{row['chars_per_s']:>10.0f}"
              f"{row['load_seconds']:>8.1f}{row['peak_mb']:>9.0f}")
    full, base = rows
    print(f"letopis runs at {full['docs_per_s'] / base['docs_per_s']:.2f}x natasha's speed,"
          f" with {full['peak_mb'] / base['peak_mb']:.2f}x its peak memory")


if __name__ == "__main__":
    main()
