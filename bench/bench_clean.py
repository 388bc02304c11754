"""Line precision/recall of junk removal on the text-junk dev set (and the junk-bearing event docs).

A raw line is content when it occurs (normalized) among the gold `clean` lines, else junk. Reported:
content kept (recall of content lines), junk-line precision and recall, per-document misses and the
cleaning time per document. With no arguments: the dev set and our three held-out-style sets (A, B, C), one by one.

    .venv/bin/python bench/bench_clean.py [path/to/text_junk.jsonl ...]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from letopis.clean import clean_text, normalize_spaces, normalize_typography

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "text-junk"
DEFAULTS = [
    FIXTURES / name
    for name in (
        "text_junk_dev.jsonl",
        "synthetic_heldout.jsonl",
        "synthetic_heldout_b.jsonl",
        "synthetic_heldout_c.jsonl",
    )
]
TIMING_ROUNDS = 10  # repeat the whole file so the per-document time is not one cold pass


def _norm(line: str) -> str:
    return normalize_typography(normalize_spaces(line))


def score_document(raw: str, clean: str) -> dict[str, list[str]]:
    """Confusion lists for one document: kept/dropped content and kept/dropped junk lines."""
    gold = {_norm(line) for line in clean.splitlines() if line.strip()}
    output = {_norm(line) for line in clean_text(raw).text.split("\n\n") if line.strip()}
    out: dict[str, list[str]] = {"content_kept": [], "content_lost": [], "junk_kept": [], "junk_removed": []}
    for line in (_norm(line) for line in raw.splitlines() if line.strip()):
        is_content = line in gold
        kept = line in output
        key = ("content_" if is_content else "junk_") + (
            "kept" if kept else ("lost" if is_content else "removed")
        )
        out[key].append(line)
    return out


def main(paths: list[Path]) -> dict[str, float]:
    totals = {"content_kept": 0, "content_lost": 0, "junk_kept": 0, "junk_removed": 0}
    for path in paths:
        for record in (json.loads(line) for line in path.open(encoding="utf-8") if line.strip()):
            result = score_document(record["raw"], record["clean"])
            for key, lines in result.items():
                totals[key] += len(lines)
            for line in result["content_lost"]:
                print(f"  LOST content  {record['id']}: {line[:100]}")
            for line in result["junk_kept"]:
                print(f"  KEPT junk     {record['id']}: {line[:100]}")
    content = totals["content_kept"] + totals["content_lost"]
    junk = totals["junk_kept"] + totals["junk_removed"]
    removed = totals["junk_removed"] + totals["content_lost"]
    raws = [json.loads(line)["raw"] for path in paths for line in path.open(encoding="utf-8") if line.strip()]
    start = time.perf_counter()
    for _ in range(TIMING_ROUNDS):
        for raw in raws:
            clean_text(raw)
    ms_per_doc = (time.perf_counter() - start) * 1000 / (TIMING_ROUNDS * max(1, len(raws)))
    figures = {
        "content_kept": totals["content_kept"] / max(1, content),
        "junk_precision": totals["junk_removed"] / max(1, removed),
        "junk_recall": totals["junk_removed"] / max(1, junk),
        "ms_per_doc": ms_per_doc,
    }
    print(f"content lines {content}, junk lines {junk}")
    print(f"content kept (content recall): {figures['content_kept']:.3f}")
    print(f"junk precision: {figures['junk_precision']:.3f}   junk recall: {figures['junk_recall']:.3f}")
    print(f"speed: {ms_per_doc:.2f} ms per document")
    return figures


if __name__ == "__main__":
    for target in [Path(arg) for arg in sys.argv[1:]] or DEFAULTS:
        print(f"== {target.name}")
        main([target])
