"""Event scoring as EVENTS.md defines it: event P/R/F1, participant F1, location/date/modality
accuracy and full F1, overall and per type, with the missed and spurious events listed.

A reimplementation of shared/eval/score_events.py's rules (same matching: equal type, evidence
token Jaccard ≥ 0.5 or containment, one-to-one greedy by overlap), so the quality gate and the CLI
need nothing outside the package.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Scores", "Report", "score", "score_files", "read_jsonl", "overlap"]

Record = Mapping[str, Any]
MATCH_OVERLAP = 0.5  # EVENTS.md: evidence overlap needed for a match


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _norm(text: object) -> str:
    folded = unicodedata.normalize("NFKC", str(text)).lower().replace("ё", "е")
    return " ".join(re.findall(r"\w+", folded))


def overlap(a: object, b: object) -> float:
    """Evidence overlap; a gold event may list several sentences that state it."""
    if isinstance(a, list):
        return max((overlap(x, b) for x in a), default=0.0)
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return 0.0
    if na in nb or nb in na:
        return 1.0
    ta, tb = set(na.split()), set(nb.split())
    return len(ta & tb) / len(ta | tb)


def _participants(event: Record) -> set[str]:
    return {_norm(x) for x in list(event.get("sources") or []) + list(event.get("targets") or [])}


def _same_location(gold: Record, pred: Record) -> bool:
    g, p = gold.get("location"), pred.get("location")
    if not g or not p:
        return not g and not p
    if g.get("geonameid"):
        return bool(g.get("geonameid") == p.get("geonameid"))
    return bool(g.get("country") == p.get("country") and _norm(g.get("name", "")) == _norm(p.get("name", "")))


def differences(gold: Record, pred: Record) -> list[str]:
    """The fields of a matched pair that keep it from counting in full F1, in the scorer's terms."""
    checks = {
        "participants": _participants(gold) == _participants(pred),
        "location": _same_location(gold, pred),
        "date": (gold.get("date") or None) == (pred.get("date") or None),
        "modality": gold.get("modality") == pred.get("modality"),
    }
    return [name for name, same in checks.items() if not same]


def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _match(gold: Sequence[Record], pred: Sequence[Record]) -> list[tuple[int, int]]:
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if g["type"] == p.get("type"):
                o = overlap(g.get("evidence", ""), p.get("evidence", ""))
                if o >= MATCH_OVERLAP:
                    pairs.append((o, _same_location(g, p), len(_participants(g) & _participants(p)), -i, -j))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for *_, i, j in pairs:
        i, j = -i, -j
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


@dataclass
class Scores:
    """The EVENTS.md metrics for one set of events (all, or one type)."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    part_tp: int = 0
    part_pred: int = 0
    part_gold: int = 0
    location: int = 0
    date: int = 0
    modality: int = 0
    full: int = 0

    def as_dict(self) -> dict[str, float | int]:
        ev = _f1(self.matched, self.pred, self.gold)
        m = self.matched
        return {
            "gold_events": self.gold, "pred_events": self.pred, "matched": m,
            "event_p": ev[0], "event_r": ev[1], "event_f1": ev[2],
            "participant_f1": _f1(self.part_tp, self.part_pred, self.part_gold)[2],
            "location_acc": self.location / m if m else 0.0,
            "date_acc": self.date / m if m else 0.0,
            "modality_acc": self.modality / m if m else 0.0,
            "full_f1": _f1(self.full, self.pred, self.gold)[2],
        }


@dataclass
class Report:
    overall: Scores
    by_type: dict[str, Scores]
    missed: list[dict[str, Any]] = field(default_factory=list)  # gold events with no match
    spurious: list[dict[str, Any]] = field(default_factory=list)  # predictions with no match
    mismatched: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)  # matched, not full

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.overall.as_dict(),
            "by_type": {t: s.as_dict() for t, s in sorted(self.by_type.items())},
            "missed": self.missed,
            "spurious": self.spurious,
        }


def score(docs: Iterable[Record], gold_events: Iterable[Record], pred_events: Iterable[Record]) -> Report:
    """Score predictions against gold, per EVENTS.md; predictions for unknown documents are ignored."""
    ids = {d["id"] for d in docs}
    gold: dict[str, list[Record]] = {i: [] for i in ids}
    pred: dict[str, list[Record]] = {i: [] for i in ids}
    for g in gold_events:
        if g.get("doc_id") in ids:
            gold[g["doc_id"]].append(g)
    for p in pred_events:
        if p.get("doc_id") in ids:
            pred[p["doc_id"]].append(p)
    overall = Scores()
    by_type: dict[str, Scores] = {}
    report = Report(overall, by_type)
    for doc in sorted(ids):
        g_list, p_list = gold[doc], pred[doc]
        for g in g_list:
            overall.gold += 1
            by_type.setdefault(g["type"], Scores()).gold += 1
        for p in p_list:
            overall.pred += 1
            by_type.setdefault(str(p.get("type")), Scores()).pred += 1
        pairs = _match(g_list, p_list)
        for i, j in pairs:
            g, p = g_list[i], p_list[j]
            gp, pp = _participants(g), _participants(p)
            wrong = differences(g, p)
            for s in (overall, by_type[g["type"]]):
                s.matched += 1
                s.part_tp += len(gp & pp)
                s.part_pred += len(pp)
                s.part_gold += len(gp)
                s.location += "location" not in wrong
                s.date += "date" not in wrong
                s.modality += "modality" not in wrong
                s.full += not wrong
            if wrong:
                report.mismatched.append((dict(g), dict(p)))
        used_g = {i for i, _ in pairs}
        used_p = {j for _, j in pairs}
        report.missed += [dict(g) for i, g in enumerate(g_list) if i not in used_g]
        report.spurious += [dict(p) for j, p in enumerate(p_list) if j not in used_p]
    return report


def score_files(docs: str | Path, gold: str | Path, pred: str | Path) -> Report:
    return score(read_jsonl(docs), read_jsonl(gold), read_jsonl(pred))
