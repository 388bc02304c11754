"""Location/date diagnostics of the event extractor on seed+dev: parse once (cached), extract, list
matched pairs whose location or date differ from the gold.

usage: .venv/bin/python bench/place_time_diag.py [--reparse] [--all] [--extra | --extra2]
(`--extra` reads the extra set instead of seed+dev; `--extra2`, the held-out set, prints its aggregate
scores only: its per-event errors are not to be read)
"""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures" / "events"
CACHE = "/tmp/letopis-place-time-articles-r5-{}.pkl"


def main(argv: list[str]) -> None:
    from letopis.evaluate import score
    from letopis.events import extract
    from letopis.events.records import document_of
    from letopis.pipeline import Pipeline

    held_out = "--extra2" in argv
    names = ("extra2",) if held_out else ("extra",) if "--extra" in argv else ("seed", "dev")
    cache = Path(CACHE.format("-".join(names)))
    docs = [json.loads(x) for n in names for x in (FIX / f"{n}.docs.jsonl").open() if x.strip()]
    gold = [json.loads(x) for n in names for x in (FIX / f"{n}.events.jsonl").open() if x.strip()]
    if cache.exists() and "--reparse" not in argv:
        articles = pickle.loads(cache.read_bytes())
    else:
        pipeline = Pipeline(events=False)
        articles = [pipeline.process(document_of(row)) for row in docs]
        cache.write_bytes(pickle.dumps(articles))
    pred = [e.to_json() for a in articles for e in extract(a).events]
    report = score(docs, gold, pred)
    for k, v in report.overall.as_dict().items():
        print(f"{k:16} {v:.3f}" if isinstance(v, float) else f"{k:16} {v}")
    if held_out:
        return
    for g, p in report.mismatched:
        loc_ok = _loc(g.get("location")) == _loc(p.get("location"))
        date_ok = g.get("date") == p.get("date")
        if loc_ok and date_ok and "--all" not in argv:
            continue
        ev = g["evidence"][0] if isinstance(g["evidence"], list) else g["evidence"]
        print(f"\n[{g['doc_id']}] {g['type']} trig={p.get('trigger')} | {ev[:220]}")
        if not loc_ok:
            print(f"   LOC gold={_loc(g.get('location'))} pred={_loc(p.get('location'))}")
        if not date_ok:
            print(f"   DATE gold={g.get('date')} pred={p.get('date')}")


def _loc(x: dict | None) -> str | None:
    if not x:
        return None
    return f"{x.get('name')}/{x.get('geonameid')}/{x.get('country')}"


if __name__ == "__main__":
    main(sys.argv[1:])
