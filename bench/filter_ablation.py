"""Which passing-mention filter earns its keep: each is switched off in turn and the sets rescored.

usage: OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/filter_ablation.py DOCS.jsonl GOLD.jsonl [DOCS GOLD ...]
Prints, per filter, the matched (true) and unmatched (false) predictions it removes on each set: a
filter is worth keeping only where it removes more false events than true ones.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import letopis.events as ev
from letopis.evaluate import read_jsonl, score
from letopis.events.mentions import circumstance_reason
from letopis.events.records import document_of
from letopis.pipeline import Pipeline
from letopis.record import Article


def _without(rule: str) -> Callable[..., bool]:
    """The circumstance filter with one of its rules switched off."""
    return lambda *a, **k: circumstance_reason(*a, **k) not in (None, rule)


FILTERS: dict[str, Callable[..., Any]] = {  # name in letopis.events -> its switched-off stand-in
    "circumstance": lambda *a, **k: False,
    "circ:state": _without("state"),
    "circ:absence": _without("absence"),
    "circ:purpose": _without("purpose"),
    "circ:passing": _without("passing"),
    "circ:reaction": _without("reaction"),
    "circ:reference": _without("reference"),
    "in_name": lambda *a, **k: False,
    "with_press": lambda *a, **k: False,
    "announcer": lambda *a, **k: [],
    "circumstantial": lambda *a, **k: False,
    "caption_line": lambda *a, **k: False,
    "unnamed_victims": lambda *a, **k: False,
    "setting": lambda *a, **k: False,
    "intended": lambda *a, **k: False,
    "_received": lambda *a, **k: None,
    "_folded_conditions": lambda *a, **k: set(),
}


def _parse(docs: list[dict[str, Any]], pipeline: Pipeline) -> list[Article]:
    """Parse once; the event stage alone is rerun per ablation."""
    out = []
    for row in docs:
        article = pipeline.run(document_of(row)).article
        if article is not None:
            out.append(article)
    return out


def _counts(docs: list[dict[str, Any]], gold: list[dict[str, Any]], articles: list[Article]) -> tuple[int, int]:
    pred = [e.to_json() for a in articles for e, _ in ev.scored_events(a)]
    metrics = score(docs, gold, pred).overall
    return metrics.matched, metrics.pred


def main(argv: list[str]) -> None:
    pipeline = Pipeline()
    sets = [(read_jsonl(argv[i]), read_jsonl(argv[i + 1])) for i in range(0, len(argv), 2)]
    parsed = [_parse(d, pipeline) for d, _ in sets]
    base = [_counts(d, g, a) for (d, g), a in zip(sets, parsed, strict=True)]
    print("baseline", base)
    for label, off in FILTERS.items():
        name = label.split(":")[0].replace("circ", "circumstance") if ":" in label else label
        saved = getattr(ev, name)
        setattr(ev, name, off)
        try:
            row = []
            for (d, g), a, (m0, p0) in zip(sets, parsed, base, strict=True):
                m1, p1 = _counts(d, g, a)
                true_removed, false_removed = m1 - m0, (p1 - m1) - (p0 - m0)
                row.append(f"true {true_removed:+d} false {false_removed:+d}")
            print(f"{label:16s} " + " | ".join(row), flush=True)
        finally:
            setattr(ev, name, saved)


if __name__ == "__main__":
    main(sys.argv[1:])
