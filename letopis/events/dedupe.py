"""One record per distinct act: restatements merge, the first sentence stays the evidence
(EVENTS.md Annotation → Records: "restatements merge (headline + body as an evidence list)").

A headline and the body sentence that restates it rarely name the same actors: the headline says
`Арестован Ратко Младич`, the body `сербские власти арестовали Ратко Младича`. So two records of one
type and modality are the same act when their actors are compatible (one set contains the other,
or they share an actor and neither adds a side the other lacks) and their place and date do not
contradict (equal; a headline may leave them unknown, and takes them from its first restatement). In the
body a later record of the same word family restates the act when it names only actors the kept one
names (a subset on each side, a side may be unknown), no other place, and no time of its own, unless it
marks one more act (`также`, `другого`, `вновь`: circumstance.tsv `another`). The merged record keeps the first evidence and takes the
more complete actor set, place and date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..datafiles import data_rows
from ..normalize import normal_form
from ..record import Event, Location
from ..timex import find_time_expressions
from .mentions import words_of

__all__ = ["event_key", "dedupe", "merge", "same_act", "family"]


def _place(location: Location | None) -> object:
    if location is None:
        return None
    return location.geonameid or (location.country, location.name.lower())


def event_key(event: Event) -> tuple[object, ...]:
    return (
        event.type,
        frozenset(event.sources) | frozenset(event.targets),
        _place(event.location),
        event.date,
        event.modality,
    )


def _fills(small: Event, big: Event) -> bool:
    """`big` adds actors only on a side that `small` leaves empty (`Арестован Младич` → + `SRB`)."""
    ss, st, bs, bt = (frozenset(x) for x in (small.sources, small.targets, big.sources, big.targets))
    if not (ss | st) or not (ss | st) <= (bs | bt):
        return False
    if ss and bs and not ss & bs:
        return False  # `Британия выслала …; Россия также выслала …`: a reply, not a restatement
    return (ss == bs and not st) or (st == bt and not ss) or (ss | st) == (bs | bt)


def same_act(a: Event, b: Event, headline: bool = False) -> bool:
    """Whether `b` restates `a` (same type and modality, compatible actors, place and date).

    A dated (placed) act and an undated (unplaced) one are the same only when one of them is a
    headline, which states the news without its time and place (`headline`); in the body an undated
    act next to a dated one is usually another act, unless it retells it with the same word and sides
    and names no time at all (`merge` passes `headline` then, see `_retold`).
    """
    if a.type != b.type or a.modality != b.modality:
        return False
    for mine, theirs in ((_place(a.location), _place(b.location)), (a.date, b.date)):
        if mine != theirs and not (headline and None in (mine, theirs)):
            return False
    return _fills(a, b) or _fills(b, a)


def _filled(a: Event, b: Event) -> bool:
    """The two records name different actor sets (one fills a side the other leaves empty)."""
    return set(a.sources) | set(a.targets) != set(b.sources) | set(b.targets)


def _union(first: Event, other: Event) -> Event:
    """`first` with the more complete actors, and place/date filled from `other` where unknown."""
    mine = len(set(first.sources) | set(first.targets))
    theirs = len(set(other.sources) | set(other.targets))
    sources, targets = (other.sources, other.targets) if theirs > mine else (first.sources, first.targets)
    return replace(
        first,
        sources=sources,
        targets=targets,
        location=first.location or other.location,
        date=first.date or other.date,
        confidence=min(1.0, max(first.confidence, other.confidence) + 0.05),
    )


@dataclass
class _Kept:
    event: Event
    contents: set[str] = field(default_factory=set)
    headline: bool = False  # a headline record that has not yet taken in its body restatement
    family: frozenset[str] = frozenset()  # stems of the trigger words it was stated with


FAMILY_STEM = 4  # `арест`/`арестовать`, `задержать`/`задержание`, `обвинить`/`обвинение` share 4 letters


@lru_cache(maxsize=1)
def families() -> dict[str, str]:
    """Family key by lemma (letopis/data/event_families.tsv): synonyms that restate one act."""
    out: dict[str, str] = {}
    for row in data_rows("event_families.tsv"):
        if len(row) > 1:
            out.update({w.strip(): row[0] for w in row[1].split("|") if w.strip()})
    return out


def family(*lemmas: str) -> frozenset[str]:
    """Stems of a record's trigger words: a restatement uses the same word family (`арестован` →
    `арестовали`, `задержание`, `поимка`); an extradition after an arrest is another act of the same type."""
    table = families()
    return frozenset(table.get(lemma.lower(), lemma.lower()[:FAMILY_STEM]) for lemma in lemmas if lemma)


def _retold(kept: _Kept, event: Event, stems: frozenset[str]) -> bool:
    """A later record with the same sides, word and place that names no time of its own (`угрожали
    президенту` … `умудрились угрожать президенту`): a retelling, which need not repeat when it happened."""
    if not (stems and stems & kept.family) or _filled(kept.event, event):
        return False
    if _place(kept.event.location) != _place(event.location) or event.date is not None:
        return False
    # `предъявлены в апреле …, ныне добавились другие`: a time the extractor could not place is still another time
    return _untimed(event.evidence)


@lru_cache(maxsize=256)
def _untimed(text: str) -> bool:
    """The evidence names no time at all; cached, as `merge` asks it for every kept record an event meets."""
    return not find_time_expressions(text)


@lru_cache(maxsize=256)
def _another(text: str) -> bool:
    """The sentence tells one more act of its kind (`также`, `другого`, `вновь`: circumstance.tsv `another`)."""
    marks = words_of("another")
    return any(normal_form(word) in marks for word in re.findall(r"\w+", text.lower()))


def _restates(kept: _Kept, event: Event, stems: frozenset[str]) -> bool:
    """A later record of the kept one's word family naming no actor it lacks (a side may be unknown) and
    no other place or time (`освободили Петрова и Сидорова` … `освобождение Петрова`; `арест проводила
    полиция`): the story retelling its act. A sentence marking one more act (`арестовала и другого
    активиста`, `вновь задержала`) is another act."""
    if (kept.event.type, kept.event.modality) != (event.type, event.modality):
        return False
    if not stems & kept.family or _another(event.evidence) or not (event.sources or event.targets):
        return False
    if not (set(event.sources) <= set(kept.event.sources) and set(event.targets) <= set(kept.event.targets)):
        return False
    # a place of its own is another act; none at all is the story not repeating it (a body record without
    # a place may name a city the extractor did not resolve, but merging it costs less than a duplicate)
    if event.location is not None and _place(kept.event.location) != _place(event.location):
        return False
    # `уже освобождали в 2019 году`: a time the extractor could not place is still another time
    return event.date == kept.event.date or (event.date is None and _untimed(event.evidence))


def merge(
    events: list[Event],
    contents: list[str | None] | None = None,
    families: list[frozenset[str]] | None = None,
) -> list[tuple[Event, list[int]]]:
    """Merge restatements of one document's events, in text order; each merged record comes with
    the indices of the input records it took in (the first is its evidence).

    `contents` (one per event, optional) names what was agreed/demanded (the trigger's infinitive
    complement): two records with different stated content are different acts
    (`договорились сотрудничать` vs `договорились укреплять …`), so they stay apart.
    `families` (optional, see `family`): a headline takes in only a body record of its own word family
    (`Арестован Младич` + `арестовали Младича`), not another act of its type (`экстрадирован`).
    """
    contents = contents or [None] * len(events)
    families = families or [frozenset()] * len(events)
    kept: list[_Kept] = []
    members: list[list[int]] = []
    for n, (event, content, stems) in enumerate(zip(events, contents, families, strict=True)):
        for k, other in enumerate(kept):
            headline = other.headline or event.sentence == 0 or _retold(other, event, stems)
            restated = _restates(other, event, stems)
            if not restated and not same_act(other.event, event, headline):
                continue
            if content is not None and other.contents and content not in other.contents:
                continue
            if not same_act(other.event, event) or _filled(other.event, event):
                # only a headline's unknown place or date lets it in; a side filled in by a body record
                # (`власти подозревают их` … `власти вызвали поверенного Германии`) must restate the same word
                if stems and other.family and not stems & other.family:
                    continue
            other.event = _union(other.event, event)
            other.headline = False  # a headline takes in its first restatement only
            other.family |= stems
            members[k].append(n)
            if content:
                other.contents.add(content)
            break
        else:
            kept.append(_Kept(event, {content} if content else set(), event.sentence == 0, stems))
            members.append([n])
    return [(k.event, m) for k, m in zip(kept, members, strict=True)]


def dedupe(
    events: list[Event],
    contents: list[str | None] | None = None,
    families: list[frozenset[str]] | None = None,
) -> list[Event]:
    """Merge restatements of one document's events, in text order (see `merge`)."""
    return [event for event, _ in merge(events, contents, families)]
