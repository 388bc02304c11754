"""A small logistic model over line shape and morphology: junk that no phrase pattern names.

Phrase patterns overfit wordings; the shape of a line generalizes better. A reader-addressed line
("Подпишитесь…", "Вы соглашаетесь…") carries an imperative or second-person verb, page furniture has no
finite verb and no sentence end, link titles and menus are short and capitalised. Verb classes come
from pymorphy3 tags (`impr`, `2per`, `indc`), not from word lists, cached per word. The weights in
`data/junk_weights.tsv` are fitted by `bench/fit_junk_weights.py` on the dev set and our sets A and B.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

from .datafiles import data_rows
from .normalize import get_morph

__all__ = ["FEATURES", "line_features", "document_features", "load_weights", "junk_logits"]

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Shared with clean.py, which imports them from here.
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
LETTER = re.compile(r"[^\W\d_]")
SENTENCE_END = re.compile(r"[.!?…][»\"”“'’)\]]*$")
_WEB = re.compile(r"(?:https?://|www\.)|(?:^|\s)[@#][\w]|\b[\w-]+\.(?:ru|com|by|kz|uz|ua|ge|org|net|info)\b")
_CODE = re.compile(r"[{}\[\];=<>&|*/\\]")
_COMMA = re.compile(r"[,;:«»\"()]")
MORPH_WORDS = 12  # verbs that matter to the reader sit early; long lines are sentences anyway

FEATURES = (
    "bias",
    "log_words",
    "short",  # at most 3 words
    "sentence_end",
    "colon_end",
    "cyrillic_share",
    "finite_verb",
    "imperative",
    "imperative_first",  # the line opens with an imperative: "Читайте", "Нажмите"
    "second_person",
    "no_verb_short",  # at most 8 words and no verb at all: label, menu, credit, title
    "capital_ratio",
    "digit_ratio",
    "web",
    "code_density",
    "punct_inside",
    "edge",  # first two or last two lines of the document
    "relative_position",
    "neighbour_rule",  # a neighbouring line is junk by the patterns
)


@lru_cache(maxsize=50000)
def _word_class(word: str) -> tuple[bool, bool, bool]:
    """(finite indicative verb, imperative, second person) for one lower-cased word."""
    parses = get_morph().parse(word)[:2]
    if not parses:
        return (False, False, False)
    first = parses[0].tag
    finite = first.POS == "VERB" and "indc" in first and "2per" not in first
    imperative = any(p.tag.POS == "VERB" and "impr" in p.tag for p in parses)
    second = "2per" in first
    return (finite, imperative, second)


def line_features(line: str) -> list[float]:
    """Shape and morphology of one line, without context (filled by `document_features`)."""
    words = _WORD.findall(line)
    count = len(words)
    letters = len(LETTER.findall(line))
    tokens = line.split()
    finite = imperative = imperative_first = second = False
    for index, word in enumerate(words[:MORPH_WORDS]):
        is_finite, is_impr, is_second = _word_class(word.lower())
        finite |= is_finite
        imperative |= is_impr
        imperative_first |= is_impr and index == 0
        second |= is_second
    any_verb = finite or imperative or second
    return [
        1.0,
        math.log1p(count),
        1.0 if count <= 3 else 0.0,
        1.0 if SENTENCE_END.search(line) else 0.0,
        1.0 if line.endswith(":") else 0.0,
        len(CYRILLIC.findall(line)) / letters if letters else 0.0,
        1.0 if finite else 0.0,
        1.0 if imperative else 0.0,
        1.0 if imperative_first else 0.0,
        1.0 if second else 0.0,
        1.0 if count <= 8 and not any_verb else 0.0,
        sum(word[0].isupper() for word in words) / count if count else 0.0,
        sum(any(ch.isdigit() for ch in token) for token in tokens) / len(tokens) if tokens else 0.0,
        1.0 if _WEB.search(line) else 0.0,
        min(1.0, 10 * len(_CODE.findall(line)) / max(1, len(line))),
        min(1.0, len(_COMMA.findall(line)) / 3),
        0.0,
        0.0,
        0.0,
    ]


def document_features(
    lines: Sequence[str], rule_junk: Sequence[bool], only: Sequence[int] | None = None
) -> list[list[float]]:
    """Line features plus position in the document and the pattern verdicts of the neighbours.

    `only` limits the rows to some line indices (the rest are still context): morphology costs time.
    """
    rows = []
    last = len(lines) - 1
    for index in range(len(lines)) if only is None else only:
        line = lines[index]
        row = line_features(line)
        row[-3] = 1.0 if index <= 1 or index >= last - 1 else 0.0
        row[-2] = index / last if last > 0 else 0.0
        before = rule_junk[index - 1] if index > 0 else False
        after = rule_junk[index + 1] if index < last else False
        row[-1] = 1.0 if before or after else 0.0
        rows.append(row)
    return rows


@lru_cache(maxsize=1)
def load_weights() -> tuple[float, ...]:
    """Weights by feature name; a missing or unknown feature is a packaging bug."""
    weights = {row[0]: float(row[1]) for row in data_rows("junk_weights.tsv")}
    if set(weights) != set(FEATURES):
        raise ValueError(
            f"junk_weights.tsv does not match the features: {sorted(set(weights) ^ set(FEATURES))}"
        )
    return tuple(weights[name] for name in FEATURES)


def junk_logits(
    lines: Sequence[str], rule_junk: Sequence[bool], only: Sequence[int] | None = None
) -> list[float]:
    """Log-odds that each line (or each line of `only`) is junk, from shape, morphology and context."""
    weights = load_weights()
    return [
        sum(w * x for w, x in zip(weights, row, strict=True))
        for row in document_features(lines, rule_junk, only)
    ]
