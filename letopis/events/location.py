"""Where an event happens: a place phrase (`в Ташкенте`, `на Украине`) in the trigger's own clause.

Only direct obl dependents of the predicate (and nmod dependents of a noun trigger) count, so a
place inside another phrase (`центр … в Абу-Даби`) is not the event's location, and the dateline
city (the newsroom) never is, since it stands outside every clause.
"""

from __future__ import annotations

from ..record import Location
from .actors import Actor, ActorIndex
from .tree import Tree

__all__ = ["find_locations", "to_location"]

LOCATION_CASES = frozenset({"в", "во", "на"})


def to_location(actor: Actor) -> Location | None:
    if actor.kind == "city":
        return Location(name=actor.name or actor.value, geonameid=actor.geonameid, country=actor.country)
    if actor.kind == "country":
        return Location(name=actor.name or actor.value, geonameid=None, country=actor.country or actor.value)
    if actor.kind == "place" and actor.country:
        return Location(name=actor.name or actor.value, geonameid=actor.geonameid, country=actor.country)
    return None


def find_locations(
    tree: Tree, si: int, trigger: int, pred: int, index: ActorIndex, partner: int = -1
) -> list[tuple[int, Location]]:
    """(token index, Location) for every place phrase of the clause, left to right; `partner` is
    the noun of a light-verb trigger (`провести переговоры в Пекине`)."""
    table = index.by_sentence[si]
    heads = [pred] + ([trigger] if trigger != pred else []) + ([partner] if partner >= 0 else [])
    heads += tree.ancestors(pred, frozenset({"xcomp", "csubj", "csubj:pass"}), 2)
    out: dict[int, tuple[int, Location]] = {}
    for h in heads:
        for c in tree.kids(h, "obl", "nmod", "advmod"):
            if tree.case(c) not in LOCATION_CASES:
                continue
            for j in [c, *tree.kids(c, "conj")]:
                actor = table.get(j)
                if actor is None or actor.adjective:
                    continue
                location = to_location(actor)
                if location is not None:
                    out.setdefault(j, (j, location))
    return sorted(out.values(), key=lambda x: x[0])
