"""One record per distinct (type, actor set, location, date, modality): restatements merge, the
first sentence stays the evidence (EVENTS.md Annotation → Records)."""

from __future__ import annotations

from dataclasses import replace

from ..record import Event

__all__ = ["event_key", "dedupe"]


def event_key(event: Event) -> tuple[object, ...]:
    location = None
    if event.location is not None:
        location = event.location.geonameid or (event.location.country, event.location.name.lower())
    return (
        event.type,
        frozenset(event.sources) | frozenset(event.targets),
        location,
        event.date,
        event.modality,
    )


def dedupe(events: list[Event], contents: list[str | None] | None = None) -> list[Event]:
    """Merge restatements; the merged record keeps the first evidence and the highest confidence.

    `contents` (one per event, optional) names what was agreed/demanded (the trigger's infinitive
    complement): two records with the same key but different stated content are different acts
    (`договорились сотрудничать` vs `договорились укреплять …`), so they stay apart.
    """
    contents = contents or [None] * len(events)
    kept: list[tuple[tuple[object, ...], set[str], int]] = []
    out: list[Event] = []
    for event, content in zip(events, contents, strict=True):
        key = event_key(event)
        for other_key, other_contents, at in kept:
            if other_key == key and (content is None or not other_contents or content in other_contents):
                first = out[at]
                out[at] = replace(first, confidence=min(1.0, max(first.confidence, event.confidence) + 0.05))
                if content:
                    other_contents.add(content)
                break
        else:
            kept.append((key, {content} if content else set(), len(out)))
            out.append(event)
    return out
