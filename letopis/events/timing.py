"""When an event happens: time expressions of the trigger's clause, resolved by letopis.dates.

An expression belongs to the trigger when, walking up the tree from the expression's head, the
first verb (or the trigger itself) reached is the trigger, its predicate, or a head above them
through xcomp/csubj (`решено весной … открыть`). Besides (EVENTS.md, Annotation → Date):
- an expression that opens a coordination (`В прошлом году Интерпол пресек …, 5 тысяч человек были
  арестованы`) dates every conjunct of it;
- an expression inside a noun phrase with a relative preposition (`после ликвидации 2 мая`,
  `ввиду отказа`) dates that noun's event, not the clause's; a noun trigger in such a phrase takes
  no date from the clause around it;
- `с 1995 года, когда/тогда X` dates X alone: for the main clause it is an ongoing state (null);
- `за два дня до X`/`спустя неделю` count from another event, unknown here → null;
  `накануне` counts back from `anchor` (the document's main event) or else from `published`.
Resolution against `published`, with the clause's tense deciding the direction, is letopis.dates'.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache

from .. import dates
from ..record import Article, Event, Location, Sentence
from ..timex import Relation, TimeExpression, _lexicon
from .tree import Tree

__all__ = ["find_dates", "document_anchor", "fill_restatements"]

MAX_STEPS = 6  # how far up the tree an expression may sit below its clause
LEAD_SENTENCES = 3  # where a news text states its main event


@lru_cache(maxsize=1)
def _relative() -> frozenset[str]:
    return frozenset(_lexicon().words.get("relative", {}))


def _token_at(sentence: Sentence, offset: int) -> int:
    for i, token in enumerate(sentence.tokens):
        if token.stop > offset:
            return i
    return -1


def find_dates(
    tree: Tree,
    sentence: Sentence,
    trigger: int,
    pred: int,
    reference: dt.date | None,
    tense: str | None,
    anchor: dt.date | None = None,
) -> list[tuple[int, str]]:
    """(token index, ISO value) of the clause's resolvable time expressions, left to right.

    `anchor` is the date `накануне` counts back from (the main event of the document); the
    publication date `reference` when not given."""
    if tree.hi <= tree.lo:
        return []
    lo_char = tree.tokens[tree.lo].start - sentence.start
    hi_char = tree.tokens[tree.hi - 1].stop - sentence.start
    clause = _clause(tree, trigger, pred)
    boundary = _boundary(tree, pred)
    out = []
    for expression in dates.find_time_expressions(sentence.text):
        if expression.start < lo_char or expression.stop > hi_char:
            continue
        if expression.when >= 0:
            attached = _in_when_clause(tree, sentence, expression, clause)
        else:
            j = _head_of(tree, sentence, expression)
            attached = j >= 0 and j >= boundary and _attached(tree, j, clause, _fronted(tree, j, pred))
            first = _token_at(sentence, sentence.start + expression.start)
            attached = attached or (first == _first_word(tree) and _main(tree, pred))
        if not attached:
            continue
        j = _token_at(sentence, sentence.start + expression.start)
        value = _resolve(expression, reference, tense, anchor)
        if value is not None:
            out.append((j, value))
    return out


def _resolve(e: TimeExpression, reference: dt.date | None, tense: str | None, anchor: dt.date | None) -> str | None:
    if e.relation in (Relation.BEFORE, Relation.AFTER):
        return None  # counted from an event named beside it, whose date is not known here
    return dates.resolve(e, reference, tense, anchor=anchor or reference)


def _clause(tree: Tree, trigger: int, pred: int) -> set[int]:
    if trigger != pred and tree.case(trigger) in _relative():
        return {trigger}  # `ввиду отказа Израиля`: the refusal is not dated by the sentence's verb
    out = {trigger, pred, *tree.ancestors(pred, frozenset({"xcomp", "csubj", "csubj:pass"}), 2)}
    noun = tree.head(pred)
    if tree.tokens[pred].rel == "acl" and noun >= 0 and tree.tokens[noun].rel in ("obj", "obl"):
        # `вынесла решение просить`, `проголосовал за резолюцию, осуждающую …`: the document's act
        # is the verb's act
        out.update({noun, tree.head(noun)} - {-1})
    return out


def _boundary(tree: Tree, pred: int) -> int:
    """First token of a subordinate clause proper (`что`, `который`): an expression before it
    belongs to the main clause, whatever the parser says (`в четверг подтвердил, что задержали`)."""
    if tree.tokens[pred].rel.split(":")[0] not in ("acl", "ccomp", "advcl"):
        return -1
    marks = [
        c
        for c in tree.kids(pred)
        if tree.tokens[c].rel == "mark" or "Rel" in (tree.tokens[c].feat("PronType") or "")
    ]
    return min(marks) if marks else -1


def _first_word(tree: Tree) -> int:
    for i in range(tree.lo, tree.hi):
        if tree.tokens[i].pos not in ("PUNCT", "CCONJ"):
            return i
    return -1


def _main(tree: Tree, pred: int) -> bool:
    """The line's main clause, or a conjunct of it."""
    i, steps = pred, 0
    while steps < 3 and tree.tokens[i].rel in ("conj", "parataxis") and tree.head(i) >= 0:
        i, steps = tree.head(i), steps + 1
    return tree.head(i) < 0


def _head_of(tree: Tree, sentence: Sentence, e: TimeExpression) -> int:
    """The token of the expression whose head lies outside it (`в начале сентября` → `начале`)."""
    first = _token_at(sentence, sentence.start + e.start)
    last = _token_at(sentence, sentence.start + e.stop - 1)
    if first < 0:
        return -1
    span = range(first, max(first, last) + 1)
    for j in span:
        if tree.inside(j) and tree.head(j) not in span:
            return j
    return first


def _fronted(tree: Tree, j: int, pred: int) -> set[int]:
    """Heads whose conjuncts an expression also dates: it stands before the head it hangs on and
    the predicate is a conjunct of that head (`В субботу … закончился срок и власти выпустили …`)."""
    out: set[int] = set()
    i, steps = pred, 0
    while steps < 3 and tree.tokens[i].rel in ("conj", "parataxis"):
        h = tree.head(i)
        if h < 0:
            break
        out.add(h)
        i, steps = h, steps + 1
    return {h for h in out if j < h}


def _attached(tree: Tree, j: int, clause: set[int], fronted: set[int]) -> bool:
    relative = _relative()
    steps = 0
    while j >= 0 and steps < MAX_STEPS:
        if j in clause or j in fronted:
            return True
        token = tree.tokens[j]
        if steps > 0 and token.pos in ("VERB", "AUX"):
            return False
        if steps > 0 and token.pos in ("NOUN", "PROPN") and tree.case(j) in relative:
            return False  # `после ликвидации 2 мая`: the date of the liquidation
        j = tree.head(j)
        steps += 1
    return False


def _in_when_clause(tree: Tree, sentence: Sentence, e: TimeExpression, clause: set[int]) -> bool:
    """`С 14 августа, когда власти разогнали …`: the trigger is that clause's verb, its conjunct,
    or a noun right under it (`начали совместное патрулирование`)."""
    start = _token_at(sentence, sentence.start + e.when)
    verb = next(
        (i for i in range(max(start, tree.lo), tree.hi) if tree.tokens[i].pos == "VERB"),
        -1,
    )
    if verb < 0:
        return False
    heads = {verb, *tree.kids(verb, "conj")}
    if clause & heads:
        return True
    return any(tree.head(c) in heads for c in clause)


def document_anchor(article: Article) -> dt.date | None:
    """The day of the document's main event: the first exact day its lead names (`Керри прибыл в
    воскресенье`), which `накануне` later in the text counts back from; None when the lead names
    none (then `накануне` counts from `published`)."""
    reference = dates.reference_date(article.published)
    for sentence in article.sentences[:LEAD_SENTENCES]:
        for e in dates.find_time_expressions(sentence.text):
            if e.anchored or e.relation is not Relation.AT or e.kind == "range":
                continue
            value = dates.resolve(e, reference, "past")
            if value and len(value) == 10:
                try:
                    return dt.date.fromisoformat(value)
                except ValueError:
                    return None
    return None


def fill_restatements(events: list[Event]) -> list[Event]:
    """A headline event states briefly what the body tells in full (EVENTS.md Records: restatements
    merge): it takes its missing place and date from the first later event of the same type,
    modality and participants, so that the two merge as one record. Likewise a restatement that
    names a more precise place (`прибыл в Пакистан` → `посещающим Исламабад`, a city of that
    country) in the next sentence, or in the body after a headline, gives the record that place."""
    out = list(events)
    for i, event in enumerate(out):
        sides = set(event.sources) | set(event.targets)
        for k in range(i + 1, len(out)):
            later = out[k]
            if later.type != event.type or later.modality != event.modality or later.sentence <= 0:
                continue
            if not sides & (set(later.sources) | set(later.targets)):
                continue
            if event.sentence == 0 and not (event.date and event.location):
                if sides == set(later.sources) | set(later.targets) and (later.date or later.location):
                    out[i] = event = replace(
                        event, date=event.date or later.date, location=event.location or later.location
                    )
            near = event.sentence == 0 or later.sentence == event.sentence + 1
            dates_agree = None in (event.date, later.date) or event.date == later.date
            if near and dates_agree and _finer(later.location, event.location):
                date = event.date or later.date
                out[i] = event = replace(event, location=later.location, date=date)
                out[k] = replace(later, date=date)
    return out


def _finer(city: Location | None, country: Location | None) -> bool:
    """`city` is a gazetteer city inside the country-level place `country`."""
    return (
        city is not None
        and country is not None
        and city.geonameid is not None
        and country.geonameid is None
        and city.country == country.country
    )
