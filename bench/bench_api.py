"""API latency: p50/p95 of /api/search and /api/events with 20 concurrent clients over 10,000+
documents, and one search over 100,000 documents. Loopback only, bounded request counts.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/bench_api.py [--docs 10000] [--big 100000]

The store is grown cheaply: a few articles go through the real pipeline once, then their rows
are copied under new ids (documents, mentions, events, actors), so the FTS triggers index each copy.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx

from letopis.pipeline import Pipeline
from letopis.record import Document
from letopis.store import open_store

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "Казахстана",
    "переговоры",
    '"Центральной Азии"',
    "министр обороны",
    "санкции",
    "Японии",
    "протест",
]
EVENT_FILTERS = [
    {},
    {"actor": "JPN"},
    {"type": "CONSULT"},
    {"actor": "KAZ", "summary": "true"},
    {"since": "2011-01-01"},
]


def seed_store(path: Path) -> None:
    store = open_store(path)
    pipeline = Pipeline()
    texts = [
        Document(
            text=(ROOT / "examples" / "interfax-eu-central-asia.txt").read_text(encoding="utf-8"), id="seed"
        )
    ]
    with (ROOT / "tests" / "fixtures" / "events" / "dev.docs.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            texts.append(
                Document(
                    text=record["text"],
                    id=record["id"],
                    published=record.get("published"),
                    source=record.get("source"),
                )
            )
    for document in texts:
        store.save_article(pipeline.process(document))
    store.close()


def grow(path: Path, target: int) -> int:
    """Copy stored documents (with mentions and events) under new ids until there are `target`."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    originals = [row[0] for row in conn.execute("SELECT id FROM documents WHERE id NOT LIKE 'copy%'")]
    count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    copy = count
    with conn:
        while count < target:
            source = originals[copy % len(originals)]
            new = f"copy{copy:07d}"
            conn.execute(
                "INSERT INTO documents (id, doc_id, raw, text, headline, dateline, published, source, url, title, author, "
                "origin, format, language, story_id, lemmas, article, created_at) SELECT ?, ?, raw, text, headline, dateline, "
                "published, source, url, title, author, origin, format, language, story_id, lemmas, article, created_at "
                "FROM documents WHERE id = ?",
                (new, new, source),
            )
            conn.execute(
                "INSERT INTO mentions (document_id, entity_id, text, normal, type, start, stop, sentence) "
                "SELECT ?, entity_id, text, normal, type, start, stop, sentence FROM mentions WHERE document_id = ?",
                (new, source),
            )
            for (event_id,) in conn.execute(
                "SELECT id FROM events WHERE document_id = ?", (source,)
            ).fetchall():
                cursor = conn.execute(
                    "INSERT INTO events (document_id, doc_id, type, sources, targets, location_name, geonameid, "
                    "location_country, date, date_start, date_end, modality, evidence, confidence, trigger, "
                    "evidence_start, evidence_stop, story_id) SELECT ?, ?, type, sources, targets, location_name, "
                    "geonameid, location_country, date, date_start, date_end, modality, evidence, confidence, trigger, "
                    "evidence_start, evidence_stop, story_id FROM events WHERE id = ?",
                    (new, new, event_id),
                )
                conn.execute(
                    "INSERT INTO event_actors (event_id, actor, role) SELECT ?, actor, role FROM event_actors WHERE event_id = ?",
                    (cursor.lastrowid, event_id),
                )
            copy += 1
            count += 1
    conn.close()
    return count


def serve(path: Path) -> tuple[str, object]:
    import uvicorn

    from letopis.web.app import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(path)), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


async def load(
    base: str, path: str, params: list[dict[str, str]], clients: int, requests: int
) -> list[float]:
    latencies: list[float] = []
    counter = iter(range(requests))

    async def client() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            for i in counter:
                start = time.perf_counter()
                response = await http.get(path, params=params[i % len(params)])
                response.raise_for_status()
                latencies.append(time.perf_counter() - start)

    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies


def report(name: str, latencies: list[float]) -> None:
    ms = sorted(x * 1000 for x in latencies)
    p95 = ms[max(0, int(len(ms) * 0.95) - 1)]
    print(
        f"{name:<14} n={len(ms):<5} p50={statistics.median(ms):7.1f} ms  p95={p95:7.1f} ms  max={ms[-1]:7.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument(
        "--big", type=int, default=100_000, help="documents for the single-query timing (0 skips)"
    )
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=400, help="requests per endpoint, in total")
    parser.add_argument("--store", type=Path, help="keep the grown store here and reuse it on the next run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.store or Path(folder) / "bench.db"
        if not path.exists():
            seed_store(path)
        started = time.perf_counter()
        total = grow(path, args.docs)
        print(f"store: {total} documents (grown in {time.perf_counter() - started:.1f} s)")
        base, server = serve(path)
        searches = [{"q": q} for q in QUERIES]
        report("/api/search", asyncio.run(load(base, "/api/search", searches, args.clients, args.requests)))
        report(
            "/api/events", asyncio.run(load(base, "/api/events", EVENT_FILTERS, args.clients, args.requests))
        )
        server.should_exit = True  # type: ignore[attr-defined]
        if args.big:
            total = grow(path, args.big)
            from letopis.search import search

            open_store(path).close()  # migrate a store grown by an older letopis
            reader = open_store(path, read_only=True)
            for query in ("Казахстана", "министр обороны", '"Центральной Азии"'):
                search(reader, query)  # warm the page cache
                start = time.perf_counter()
                page = search(reader, query, limit=20)
                print(
                    f"search {query!r} over {total} documents: {page.total} hits, {1000 * (time.perf_counter() - start):.0f} ms"
                )


if __name__ == "__main__":
    main()
