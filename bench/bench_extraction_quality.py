"""Main-text extraction quality: trafilatura alone vs letopis (trafilatura + our cleaner).

Zyte article-extraction-benchmark method: tokens are `\\w+` matches, compared as multisets of
4-token shingles; per page TP/FP/FN are normalised to sum 1; precision and recall are averaged
over pages and F1 is taken of the two averages. Run on the dev pages in
/work/shared/data/html-extraction (Zyte dev part; WCXB dev articles as a second opinion).

    .venv/bin/python bench/bench_extraction_quality.py [--data DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from letopis.clean import clean_text
from letopis.errors import InputError
from letopis.ingest.html import extract_html

DATA = Path("/work/shared/data/html-extraction")
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(0, len(tokens) - n + 1)))


def page_scores(truth: str, predicted: str) -> tuple[float, float]:
    """Precision and recall of one page, from TP/FP/FN normalised to sum 1 (as Zyte's evaluate.py)."""
    want, got = shingles(truth), shingles(predicted)
    tp = fp = fn = 0
    for key in want.keys() | got.keys():
        tp += min(want[key], got[key])
        fp += max(0, got[key] - want[key])
        fn += max(0, want[key] - got[key])
    if fp == fn == 0:
        return 1.0, 1.0
    if tp == 0:
        return 0.0, 0.0
    return tp / (tp + fp), tp / (tp + fn)


def trafilatura_alone(html: str, url: str | None) -> str:
    return trafilatura.extract(html, url=url) or ""


def letopis_extract(html: str, url: str | None) -> str:
    try:
        document = extract_html(html, url=url, timeout=None)
    except InputError:
        return ""
    return clean_text(document.text).text


def letopis_without_cleaner(html: str, url: str | None) -> str:
    try:
        return extract_html(html, url=url, timeout=None).text
    except InputError:
        return ""


SYSTEMS: dict[str, Callable[[str, str | None], str]] = {
    "trafilatura": trafilatura_alone,
    "letopis": letopis_extract,
    "letopis (no cleaner)": letopis_without_cleaner,
}


def zyte_pages(root: Path) -> list[tuple[str, str, str | None]]:
    folder = root / "zyte-article-extraction-benchmark"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, item in sorted(truth.items()):
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", errors="replace")
        pages.append((html, item["articleBody"], item.get("url")))
    return pages


def wcxb_pages(root: Path) -> list[tuple[str, str, str | None]]:
    folder = root / "wcxb"
    pages = []
    for path in sorted((folder / "ground-truth").glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        html_path = folder / "html" / f"{path.stem}.html.gz"
        if not html_path.exists():
            continue
        html = gzip.decompress(html_path.read_bytes()).decode("utf-8", errors="replace")
        pages.append((html, item["ground_truth"].get("main_content") or "", item.get("url")))
    return pages


def score(pages: list[tuple[str, str, str | None]], system: Callable[[str, str | None], str]) -> dict[str, float]:
    precisions, recalls = [], []
    started = time.perf_counter()
    for html, truth, url in pages:
        precision, recall = page_scores(truth, system(html, url))
        precisions.append(precision)
        recalls.append(recall)
    p = sum(precisions) / len(precisions)
    r = sum(recalls) / len(recalls)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "pages": len(pages), "seconds": time.perf_counter() - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=0, help="Only the first N pages of each set.")
    args = parser.parse_args()
    for name, loader in (("zyte", zyte_pages), ("wcxb", wcxb_pages)):
        pages = loader(args.data)
        if args.limit:
            pages = pages[: args.limit]
        for system_name, system in SYSTEMS.items():
            result = score(pages, system)
            print(json.dumps({"set": name, "system": system_name, **{k: round(v, 4) for k, v in result.items()}}), flush=True)


if __name__ == "__main__":
    main()
