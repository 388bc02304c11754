"""Event confidence: how well it ranks right over wrong events, and a logistic fit of its weights.

Runs the pipeline over a gold set (default: the dev set in tests/fixtures/events), labels each
predicted event matched (1) or spurious (0) with letopis.evaluate, and prints the ROC AUC of the
shipped confidence and the precision of the upper and lower confidence halves. With `--fit`, fits
logistic weights over letopis.events.confidence_features (L2-regularized gradient descent, no extra
packages); `--check DOCS GOLD` scores the shipped and the fitted weights on another set (fit on
seed+dev, check on extra), `--only a,b` restricts the fit to those features, and `--write` writes the
fitted weights to letopis/data/event_confidence.tsv with provenance.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/fit_event_confidence.py [--fit [--write]]
        [--check DOCS GOLD] [--only bias,source,...] [DOCS GOLD]
"""

from __future__ import annotations

import argparse
import math
import random
from datetime import date
from pathlib import Path

from letopis.evaluate import read_jsonl, score
from letopis.events import scored_events
from letopis.events.records import document_of
from letopis.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "events"
WEIGHTS = ROOT / "letopis" / "data" / "event_confidence.tsv"
L2 = 0.01  # mild shrinkage: ~150 events, a dozen features
STEPS = 1500
RATE = 0.5


def auc(scores: list[float], labels: list[int]) -> float:
    """Probability that a matched event outranks a spurious one (ties count half)."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def halves(scores: list[float], labels: list[int]) -> tuple[float, float]:
    """Precision of the upper and the lower half of the events ranked by confidence."""
    ranked = [y for _, y in sorted(zip(scores, labels, strict=True), key=lambda p: -p[0])]
    mid = len(ranked) // 2
    top, low = ranked[:mid], ranked[mid:]
    return (sum(top) / len(top) if top else 0.0, sum(low) / len(low) if low else 0.0)


def collect(
    docs_path: Path, gold_path: Path
) -> tuple[list[dict[str, float]], list[float], list[int], list[str]]:
    docs = read_jsonl(docs_path)
    pipeline = Pipeline()
    rows: list[dict] = []
    feats: list[dict[str, float]] = []
    for doc in docs:
        article = pipeline.run(document_of(doc)).article
        if article is None:
            continue
        for event, features in scored_events(article):
            row = event.to_json()
            row["_n"] = len(rows)
            rows.append(row)
            feats.append(features)
    report = score(docs, read_jsonl(gold_path), rows)
    wrong = {p["_n"] for p in report.spurious}
    labels = [0 if r["_n"] in wrong else 1 for r in rows]
    return feats, [float(r["confidence"]) for r in rows], labels, [r["doc_id"] for r in rows]


def fit(feats: list[dict[str, float]], labels: list[int]) -> dict[str, float]:
    names = sorted({k for f in feats for k in f})
    w = dict.fromkeys(names, 0.0)
    n = len(labels)
    for _ in range(STEPS):
        grad = dict.fromkeys(names, 0.0)
        for f, y in zip(feats, labels, strict=True):
            z = sum(w[k] * v for k, v in f.items())
            err = 1 / (1 + math.exp(-z)) - y
            for k, v in f.items():
                grad[k] += err * v
        for k in names:
            reg = 0.0 if k == "bias" else L2 * w[k]
            w[k] -= RATE * (grad[k] / n + reg)
    return w


def held_out_auc(feats: list[dict[str, float]], labels: list[int], doc_ids: list[str]) -> float:
    """Mean AUC on the held-out half, documents split in two at random (three shuffles)."""
    docs = sorted(set(doc_ids))
    found = []
    for seed in range(3):
        order = docs[:]
        random.Random(seed).shuffle(order)
        for fold in (0, 1):
            test = {d for n, d in enumerate(order) if n % 2 == fold}
            train = [i for i, d in enumerate(doc_ids) if d not in test]
            held = [i for i, d in enumerate(doc_ids) if d in test]
            w = fit([feats[i] for i in train], [labels[i] for i in train])
            scores = [sum(w[k] * v for k, v in feats[i].items()) for i in held]
            found.append(auc(scores, [labels[i] for i in held]))
    return sum(found) / len(found)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("docs", nargs="?", default=str(FIXTURES / "dev.docs.jsonl"))
    parser.add_argument("gold", nargs="?", default=str(FIXTURES / "dev.events.jsonl"))
    parser.add_argument("--fit", action="store_true", help="fit weights and report their ranking")
    parser.add_argument("--write", action="store_true", help="write the fit to letopis/data/event_confidence.tsv")
    parser.add_argument("--check", nargs=2, metavar=("DOCS", "GOLD"), help="a second set to check the fit on")
    parser.add_argument("--only", default="", help="comma-separated features to fit (default: all)")
    args = parser.parse_args()
    feats, shipped, labels, doc_ids = collect(Path(args.docs), Path(args.gold))
    only = {"bias", *args.only.split(",")} if args.only else None
    if only:
        feats = [{k: v for k, v in f.items() if k in only} for f in feats]
    top, low = halves(shipped, labels)
    print(f"events {len(labels)}  matched {sum(labels)}")
    print(f"shipped confidence: AUC {auc(shipped, labels):.3f}  precision top half {top:.3f}  low half {low:.3f}")
    if not args.fit:
        return
    cv = held_out_auc(feats, labels, doc_ids)
    print(f"fitted, held-out documents (2-fold x 3 shuffles, mean AUC per fold): {cv:.3f}")
    w = fit(feats, labels)
    fitted = [1 / (1 + math.exp(-sum(w[k] * v for k, v in f.items()))) for f in feats]
    top, low = halves(fitted, labels)
    print(f"fitted (in-sample): AUC {auc(fitted, labels):.3f}  precision top half {top:.3f}  low half {low:.3f}")
    if args.check:
        c_feats, c_shipped, c_labels, _ = collect(Path(args.check[0]), Path(args.check[1]))
        c_fitted = [sum(w.get(k, 0.0) * v for k, v in f.items()) for f in c_feats]
        print(f"check set: shipped AUC {auc(c_shipped, c_labels):.3f}  fitted AUC {auc(c_fitted, c_labels):.3f}")
    for k in sorted(w, key=lambda k: -abs(w[k])):
        print(f"  {k:16s} {w[k]:+.3f}")
    if not args.write:
        return
    lines = [
        "# Logistic weights of event confidence, read by letopis/events/confidence.py (confidence).",
        "# confidence = 1 / (1 + exp(-sum(weight * feature))); features are 0/1 flags except trigger_weight.",
        f"# Provenance: fitted by bench/fit_event_confidence.py on {Path(args.docs).name} ({len(labels)} predicted",
        f"# events, {sum(labels)} matching gold), L2 {L2}, {date.today().isoformat()}; in-sample AUC"
        f" {auc(fitted, labels):.3f}, on held-out documents {cv:.3f}.",
        "# Refit after extractor changes; the features are defined in letopis/events/confidence.py (features).",
    ]
    lines += [f"{k}\t{w[k]:.3f}" for k in sorted(w)]
    if args.check:
        lines.append(f"# Checked on {Path(args.check[0]).name}: AUC {auc(c_fitted, c_labels):.3f}.")
    WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
