"""Where an event happens: a place phrase (`в Ташкенте`, `на Украине`) in the trigger's own clause.

Rules (EVENTS.md, "Annotation decisions" → Location), in the order they are tried:
1. a place phrase of the clause: an obl/nmod of the predicate, the trigger or the light verb's noun
   (`провести переговоры в Пекине`), the place a visit verb takes as object (`посетил Белград`), or
   a city named inside such a phrase (`в аэропорту Барселоны`, `на улицы Лондона`). A place where
   the event is (`в Лондоне`) beats the start of a march (`марш из Лахора в Исламабад` → Лахор),
   which beats a destination (`прибыл в Пакистан`);
2. for physical acts (arrests, attacks, protests …) a place phrase of their participants
   (`разогнали лагеря в Каире`): people and camps are where the act is;
3. a local body named after a city (`Хорошевский суд Москвы`, `лондонская полиция`);
4. a place phrase that opens the line (`В Египте арестован …`) covers its main clause.
Statements (ACCUSE, REQUEST …) take only rule 1 on their own verb: where the statement is made, not
what it is about. The dateline city (the newsroom) never counts, since it stands outside every clause.
A place the gazetteer knows no country of takes the country the document is mostly about.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from importlib import resources

from ..record import Location
from .actors import Actor, ActorIndex
from .tree import Tree

__all__ = ["find_locations", "to_location"]

LOCATION_CASES = frozenset({"в", "во", "на"})
PLACE_RELS = ("obl", "nmod", "advmod")
# ranks of a place phrase: where the event is, where a march starts, where a journey ends
AT, ORIGIN, DESTINATION = 0, 1, 2
MAX_DEPTH = 3  # how deep a city may sit inside a place phrase (`в квартире дома в районе … Каира`)


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    text = resources.files("letopis").joinpath("data/event_places.tsv").read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, cls = line.split("\t")[:2]
            out.setdefault(cls.strip(), set()).add(word.strip())
    return {k: frozenset(v) for k, v in out.items()}


def to_location(actor: Actor, home: str | None = None) -> Location | None:
    """The Location a place actor stands for; `home` is the country for a place the gazetteer
    knows no country of (a province, a district)."""
    if actor.kind == "city":
        return Location(name=actor.name or actor.value, geonameid=actor.geonameid, country=actor.country)
    if actor.kind == "country":
        return Location(name=actor.name or actor.value, geonameid=None, country=actor.country or actor.value)
    if actor.kind == "place" and (actor.country or home):
        return Location(name=actor.name or actor.value, geonameid=actor.geonameid, country=actor.country or home)
    return None


def find_locations(
    tree: Tree,
    si: int,
    trigger: int,
    pred: int,
    index: ActorIndex,
    partner: int = -1,
    event_type: str | None = None,
) -> list[tuple[int, Location]]:
    """(token index, Location) for every place phrase of the clause, left to right; `partner` is
    the noun of a light-verb trigger (`провести переговоры в Пекине`); `event_type` (PLOVER, upper
    case) enables the statement and physical-act rules of the module docstring."""
    finder = _Finder(tree, index, si)
    kind = str(event_type or "").upper()
    heads = [pred] + ([trigger] if trigger != pred else []) + ([partner] if partner >= 0 else [])
    heads += tree.ancestors(pred, frozenset({"xcomp", "csubj", "csubj:pass"}), 2)
    found = finder.clause(heads)
    if not found and kind and kind not in _words()["statement"]:
        if kind in _words()["physical"]:
            found = finder.participants(heads)
        found = found or finder.local_body(heads) or finder.fronted(pred)
    if not found:
        return []
    best = min(rank for rank, _, _ in found)
    out: dict[int, tuple[int, Location]] = {}
    for rank, j, location in sorted(found, key=lambda x: x[1]):
        if rank == best:
            out.setdefault(j, (j, location))
    return list(out.values())


class _Finder:
    """Place phrases of one line segment, read off its tree and actor table."""

    def __init__(self, tree: Tree, index: ActorIndex, si: int) -> None:
        self.tree = tree
        self.index = index
        self.table = index.by_sentence[si]
        self._home: str | None | bool = False

    @property
    def home(self) -> str | None:
        if self._home is False:
            counts = Counter(
                a.value for t in self.index.by_sentence for a in set(t.values()) if a.kind == "country"
            )
            self._home = counts.most_common(1)[0][0] if counts else None
        return self._home  # type: ignore[return-value]

    def kids(self, h: int, *rels: str) -> list[int]:
        """Children of `h`; a segment's root also adopts the tokens whose parse head lies in
        another line (a headline parsed together with the next line)."""
        out = self.tree.kids(h, *rels)
        if self.tree.head(h) < 0:
            tokens = self.tree.tokens
            for j in range(self.tree.lo, self.tree.hi):
                if j != h and j not in out and self.tree.head(j) < 0 and tokens[j].rel != "root":
                    if not rels or tokens[j].rel.split(":")[0] in rels:
                        out.append(j)
        return out

    def place(self, j: int) -> Location | None:
        actor = self.table.get(j)
        if actor is None or actor.adjective:
            return None
        return to_location(actor, self.home)

    def places(self, c: int) -> list[tuple[int, Location]]:
        """The place a nominal names, or its conjuncts'."""
        out = []
        for j in [c, *self.tree.kids(c, "conj")]:
            location = self.place(j)
            if location is not None:
                out.append((j, location))
        return out

    def inner(self, c: int, depth: int = 0) -> list[tuple[int, Location]]:
        """A place inside a place phrase: `в аэропорту Барселоны`, `в районе … провинции Логар`."""
        if depth >= MAX_DEPTH:
            return []
        for k in self.tree.kids(c, "nmod", "appos", "flat"):
            case = self.tree.case(k)
            if (case and case not in LOCATION_CASES) or self.tree.tokens[k].feat("Case") not in (None, "Gen", "Loc"):
                continue  # `в поставках оружия в Йемен` names a destination, not where
            found = self.places(k) or self.inner(k, depth + 1)
            if found:
                return found
        return []

    def clause(self, heads: list[int]) -> list[tuple[int, int, Location]]:
        words = _words()
        tokens = self.tree.tokens
        out: list[tuple[int, int, Location]] = []
        for h in heads:
            for c in self.kids(h, *PLACE_RELS, "obj"):
                case = self.tree.case(c)
                if tokens[c].rel == "obj":
                    if tokens[h].lemma in words["visit"]:
                        out += [(AT, j, loc) for j, loc in self.places(c)]
                    continue
                if case in LOCATION_CASES:
                    rank = DESTINATION if tokens[c].feat("Case") == "Acc" else AT
                    out += [(rank, j, loc) for j, loc in self.places(c) or self.inner(c)]
                elif case in words["origin"] and tokens[h].pos == "NOUN":
                    out += [(ORIGIN, j, loc) for j, loc in self.places(c)]
        return out

    def participants(self, heads: list[int]) -> list[tuple[int, int, Location]]:
        """`разогнали лагеря в Каире`, `арестованных участников беспорядков в Лондоне`."""
        out: list[tuple[int, int, Location]] = []
        for h in heads:
            todo = [(c, 0) for c in self.kids(h, "obj", "nsubj", "nmod", "iobj")]
            while todo:
                c, depth = todo.pop(0)
                for k in self.tree.kids(c, "nmod", "acl"):
                    if self.tree.case(k) in LOCATION_CASES and self.tree.tokens[k].feat("Case") != "Acc":
                        out += [(AT, j, loc) for j, loc in self.places(k)]
                    elif depth + 1 < MAX_DEPTH and self.tree.tokens[k].rel == "nmod":
                        todo.append((k, depth + 1))
        return out

    def local_body(self, heads: list[int]) -> list[tuple[int, int, Location]]:
        """`Хорошевский суд Москвы признал …`, `Лондонская полиция сообщает об аресте …`."""
        local = _words()["local"]
        out: list[tuple[int, int, Location]] = []
        for h in heads:
            for c in self.kids(h, "nsubj", "obl"):
                if self.tree.tokens[c].lemma.lower() not in local:
                    continue
                for k in self.tree.kids(c, "nmod", "amod"):
                    actor = self.table.get(k)
                    if actor is not None and actor.kind == "city":
                        out.append((AT, k, Location(actor.name or actor.value, actor.geonameid, actor.country)))
        return out

    def fronted(self, pred: int) -> list[tuple[int, int, Location]]:
        """`В Египте арестован …`: a place phrase opening the line covers its main clause."""
        tree, tokens = self.tree, self.tree.tokens
        if tree.head(pred) >= 0 and tokens[pred].rel not in ("conj", "parataxis"):
            return []
        first = tree.lo
        if tokens[first].lemma.lower() not in LOCATION_CASES or first + 1 >= tree.hi:
            return []
        j = first + 1
        actor = self.table.get(j)
        if actor is None or tokens[j].feat("Case") not in (None, "Loc"):
            return []
        location = self.place(j)
        return [(AT, j, location)] if location is not None else []
