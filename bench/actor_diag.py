"""Participant mismatches on matched events: what the actor code gets wrong, for the actors engineer.

usage: OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/actor_diag.py DOCS.jsonl GOLD.jsonl [PRED_OUT.jsonl]
Prints the scores, then each matched pair whose `sources ∪ targets` differ (gold vs predicted).
"""

from __future__ import annotations

import json
import sys

from letopis.evaluate import _participants, read_jsonl, score
from letopis.events.records import extract_records


def main(argv: list[str]) -> None:
    docs, gold = read_jsonl(argv[0]), read_jsonl(argv[1])
    pred = list(extract_records(docs))
    if len(argv) > 2:
        with open(argv[2], "w", encoding="utf-8") as out:
            for p in pred:
                out.write(json.dumps(p, ensure_ascii=False, default=str) + "\n")
    report = score(docs, gold, pred)
    d = report.overall.as_dict()
    print(
        " ".join(f"{k}={d[k]:.3f}" for k in ("event_p", "event_r", "event_f1", "participant_f1", "full_f1"))
    )
    for g, p in report.mismatched:
        if _participants(g) != _participants(p):
            ev = g["evidence"][0] if isinstance(g["evidence"], list) else g["evidence"]
            print(
                f"{g['doc_id']} {g['type']} gold {g['sources']}→{g['targets']} pred {p['sources']}→{p['targets']}"
            )
            print(f"    {ev[:220]}")


if __name__ == "__main__":
    main(sys.argv[1:])
