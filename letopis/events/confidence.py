"""Event confidence: a logistic model over a few features of how the event was found, with weights
fitted on the dev gold (letopis/data/event_confidence.tsv, refit with bench/fit_event_confidence.py)."""

from __future__ import annotations

import math
from functools import lru_cache

from ..datafiles import data_rows

__all__ = ["confidence_weights", "confidence", "features"]


@lru_cache(maxsize=1)
def confidence_weights() -> dict[str, float]:
    """Logistic weights of the confidence features (letopis/data/event_confidence.tsv, fitted on dev)."""
    return {r[0]: float(r[1]) for r in data_rows("event_confidence.tsv") if len(r) > 1}


def confidence(feats: dict[str, float]) -> float:
    """The probability that the event is right, from a logistic model calibrated on the dev gold."""
    weights = confidence_weights()
    z = sum(weights.get(name, 0.0) * value for name, value in feats.items())
    return round(1.0 / (1.0 + math.exp(-z)), 3)


def features(
    weight: float,
    noun: bool,
    source: bool,
    target: bool,
    inferred: bool,
    restated: bool,
    *,
    main: bool = False,
    lead: bool = False,
    asserted: bool = False,
    coded: bool = False,
) -> dict[str, float]:
    """What the confidence is computed from. A feature with no weight in event_confidence.tsv counts 0,
    so candidates can be offered to bench/fit_event_confidence.py without changing the shipped score."""
    return {
        "main_verb": float(main),  # the trigger is the verb of the main clause
        "lead": float(lead),  # in the headline or the first sentences
        "asserted": float(asserted),
        "coded": float(coded),  # both sides are state/IGO codes, not names or descriptions
        "bias": 1.0,
        "trigger_weight": weight,  # the lexicon's strength of the trigger word
        "noun": float(noun),  # action nouns are more often passing mentions
        "source": float(source),
        "target": float(target),
        "inferred": float(inferred),  # actors filled from the document, not the clause
        "restated": float(restated),  # stated again in another sentence
    }
