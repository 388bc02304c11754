"""Participant diagnostics for the actors engineer: what the actor code gets wrong.

usage: OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/actor_diag.py DOCS.jsonl GOLD.jsonl [PRED_OUT.jsonl]
Prints the scores, then
- each matched pair whose `sources ∪ targets` differ (gold vs predicted), then each whose location differs;
- drafts the extractor dropped for want of actors that would have matched a missed gold event
  (the trigger was found; the actors were not);
- how many matched events fail full match for each field.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from typing import Any

from letopis.evaluate import _participants, _same_location, overlap, read_jsonl, score
from letopis.events import _drafts, _resolve_document
from letopis.events.actors import ActorIndex
from letopis.events.records import document_of
from letopis.pipeline import Pipeline

MATCH_OVERLAP = 0.5  # the scorer's threshold (EVENTS.md Scoring)


def _evidence(event: dict[str, Any]) -> str:
    ev = event["evidence"]
    return str(ev[0] if isinstance(ev, list) else ev)


def _dropped(docs: list[dict[str, Any]], pipeline: Pipeline) -> dict[str, list[tuple[str, str, str]]]:
    """Per document: (type, evidence, trigger) of drafts left with neither sources nor targets."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for row in docs:
        outcome = pipeline.run(document_of(row))
        if outcome.article is None or not outcome.article.sentences:
            continue
        index = ActorIndex(outcome.article)
        drafts = _drafts(outcome.article, index)
        _resolve_document(drafts, index)
        out[row["id"]] = [
            (str(d.type), d.evidence, d.trigger) for d in drafts if not (d.sources or d.targets)
        ]
    return out


def main(argv: list[str]) -> None:
    docs, gold = read_jsonl(argv[0]), read_jsonl(argv[1])
    pipeline = Pipeline()
    pred = [
        event.to_json() for row in docs if (a := pipeline.run(document_of(row)).article) for event in a.events
    ]
    if len(argv) > 2:
        with open(argv[2], "w", encoding="utf-8") as out:
            for p in pred:
                out.write(json.dumps(p, ensure_ascii=False, default=str) + "\n")
    report = score(docs, gold, pred)
    d = report.overall.as_dict()
    keys = ("event_p", "event_r", "event_f1", "participant_f1", "location_acc", "date_acc", "full_f1")
    print(" ".join(f"{k}={d[k]:.3f}" for k in keys))
    print("\n== matched events with wrong participants")
    for g, p in report.mismatched:
        if _participants(g) != _participants(p):
            print(
                f"{g['doc_id']} {g['type']} gold {g['sources']}→{g['targets']} pred {p['sources']}→{p['targets']}"
            )
            print(f"    {_evidence(g)[:220]}")
    print("\n== matched events with wrong locations")
    for g, p in report.mismatched:
        if not _same_location(g, p):
            print(f"{g['doc_id']} {g['type']} gold {g.get('location')} pred {p.get('location')}")
            print(f"    {_evidence(g)[:220]}")
    print("\n== drafts dropped for want of actors that match a missed gold event")
    dropped = _dropped(docs, pipeline)
    for g in report.missed:
        for type_, evidence, trigger in dropped.get(g["doc_id"], []):
            if type_ == g["type"] and overlap(g["evidence"], evidence) >= MATCH_OVERLAP:
                print(f"{g['doc_id']} {g['type']} [{trigger}] gold {g['sources']}→{g['targets']}")
                print(f"    {_evidence(g)[:220]}")
                break
    fails: Counter[str] = Counter()
    for g, p in report.mismatched:
        fails["participants"] += _participants(g) != _participants(p)
        fails["location"] += not _same_location(g, p)
        fails["date"] += (g.get("date") or None) != (p.get("date") or None)
        fails["modality"] += g.get("modality") != p.get("modality")
    print(
        f"\n== matched but not full ({len(report.mismatched)}): "
        + ", ".join(f"{k} {v}" for k, v in fails.items())
    )


if __name__ == "__main__":
    main(sys.argv[1:])
