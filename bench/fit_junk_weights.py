"""Fit the line model's weights (letopis/data/junk_weights.tsv) on the dev set and our sets A and B.

Labels come from the fixtures' invariant: a line is content when it occurs (normalized) among the gold
`clean` lines. Plain L2-regularized logistic regression by gradient descent (numpy). Set C
(synthetic_heldout_c.jsonl) is never read here: it stays the held-out estimate.

    .venv/bin/python bench/fit_junk_weights.py
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from letopis.clean import normalize_spaces, normalize_typography, rule_lines
from letopis.junk_model import FEATURES, document_features

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "text-junk"
TRAIN = ("text_junk_dev.jsonl", "synthetic_heldout.jsonl", "synthetic_heldout_b.jsonl")
L2 = 0.01
STEPS = 4000
RATE = 0.5


def _norm(line: str) -> str:
    return normalize_typography(normalize_spaces(line))


def dataset() -> tuple[np.ndarray, np.ndarray]:
    rows: list[list[float]] = []
    labels: list[float] = []
    for name in TRAIN:
        for record in (json.loads(x) for x in (FIXTURES / name).open(encoding="utf-8") if x.strip()):
            gold = {_norm(line) for line in record["clean"].splitlines() if line.strip()}
            lines = rule_lines(record["raw"])
            rows += document_features([line.text for line in lines], [line.junk for line in lines])
            labels += [0.0 if _norm(line.text) in gold else 1.0 for line in lines]
    return np.array(rows), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    weights = np.zeros(x.shape[1])
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-x @ weights))
        grad = x.T @ (p - y) / len(y) + L2 * np.r_[0.0, weights[1:]]
        weights -= RATE * grad
    return weights


def main() -> None:
    x, y = dataset()
    weights = fit(x, y)
    p = 1 / (1 + np.exp(-x @ weights))
    accuracy = float(((p >= 0.5) == (y == 1)).mean())
    header = (
        "# Line model weights (letopis/junk_model.py), fitted by bench/fit_junk_weights.py:\n"
        f"# L2 logistic regression (l2={L2}, {STEPS} steps) on {len(y)} lines ({int(y.sum())} junk) of\n"
        f"# tests/fixtures/text-junk/{{{','.join(TRAIN)}}}; training accuracy {accuracy:.3f}.\n"
        "# Set C (synthetic_heldout_c.jsonl) was not used. Columns: feature, weight.\n"
    )
    body = "".join(f"{name}\t{value:.4f}\n" for name, value in zip(FEATURES, weights, strict=True))
    (ROOT / "letopis" / "data" / "junk_weights.tsv").write_text(header + body, encoding="utf-8")
    print(header + body)


if __name__ == "__main__":
    main()
