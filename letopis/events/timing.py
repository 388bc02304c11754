"""When an event happens: time expressions of the trigger's clause, resolved by letopis.dates.

An expression belongs to the trigger when, walking up the tree from it, the first verb (or the
trigger itself) reached is the trigger, its predicate, or a head above them through xcomp/csubj
(`решено весной … открыть`). Resolution against `published`, with the clause's tense deciding the
direction, is letopis.dates' job.
"""

from __future__ import annotations

import datetime as dt

from .. import dates
from ..record import Sentence
from .tree import Tree

__all__ = ["find_dates"]


def _token_at(sentence: Sentence, offset: int) -> int:
    for i, token in enumerate(sentence.tokens):
        if token.stop > offset:
            return i
    return -1


def find_dates(
    tree: Tree, sentence: Sentence, trigger: int, pred: int, reference: dt.date | None, tense: str | None
) -> list[tuple[int, str]]:
    """(token index, ISO value) of the clause's resolvable time expressions, left to right."""
    if tree.hi <= tree.lo:
        return []
    lo_char = tree.tokens[tree.lo].start - sentence.start
    hi_char = tree.tokens[tree.hi - 1].stop - sentence.start
    clause = {trigger, pred, *tree.ancestors(pred, frozenset({"xcomp", "csubj", "csubj:pass"}), 2)}
    out = []
    for expression in dates.find_time_expressions(sentence.text):
        if expression.start < lo_char or expression.stop > hi_char:
            continue
        j = _token_at(sentence, sentence.start + expression.start)
        if j < 0 or not _attached(tree, j, clause):
            continue
        value = dates.resolve(expression, reference, tense, anchor=reference)
        if value is not None:
            out.append((j, value))
    return out


def _attached(tree: Tree, j: int, clause: set[int]) -> bool:
    steps = 0
    while j >= 0 and steps < 6:
        if j in clause:
            return True
        if steps > 0 and tree.tokens[j].pos in ("VERB", "AUX"):
            return False
        j = tree.head(j)
        steps += 1
    return False
