"""Who is who in one article: actor codes for the tokens of each sentence.

The entity linker's mentions come first (their entities carry codes, kinds and places); when the
linker has not classified anything (its placeholder), the shared gazetteer is matched over the
tokens directly and NER spans give person and organization names, so events still get codes.
Group words (`участники`, `стороны`, `они`) and role words (`министр`, `МИД`) come from
letopis/data/event_actors.tsv.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from ..datafiles import data_rows, function_words
from ..record import Article, Sentence, Token
from .tree import Tree

if TYPE_CHECKING:
    from .coref import Memory

__all__ = [
    "Actor",
    "ActorIndex",
    "actor_words",
    "actor_alias",
    "party_word",
    "acting_state",
    "located_state",
    "lower_case_names",
]

# Prepositions that, with an accusative, name where someone goes (`депортирован в Нидерланды`).
DESTINATION_CASES = function_words("destination_cases")
# Prepositions that, with a locative, name where an act is done (`задержан в Турции`).
LOCATIVE_CASES = function_words("locative_cases")
ACTOR_KINDS = frozenset({"country", "igo", "org", "person", "agency", "region", "group", "programme"})


@dataclass(frozen=True)
class Actor:
    """One actor-or-place reading of a stretch of tokens."""

    value: str  # the actor code (ISO3, IGO code) or canonical name
    kind: str  # country | igo | org | person | agency | region | city | place | programme
    start: int  # first token index in the sentence
    stop: int  # one past the last token index
    country: str | None = None
    geonameid: int | None = None
    members: tuple[str, ...] = ()
    adjective: bool = False
    name: str = ""  # nominative name, for locations

    @property
    def is_place(self) -> bool:
        return self.kind in ("city", "place") or (self.kind == "country" and not self.adjective)


@lru_cache(maxsize=1)
def actor_words() -> dict[str, str]:
    """Lemma → kind (role | body | group | person | former) from letopis/data/event_actors.tsv."""
    return {row[0]: row[1] for row in data_rows("event_actors.tsv")}


@lru_cache(maxsize=1)
def lower_case_names() -> frozenset[str]:
    """Canonical group names that are written in lower case (`сепаратисты Донбасса`, EVENTS.md Actors),
    from letopis/data/igos.tsv: actors, though a lower-case name is otherwise a tagging error."""
    return frozenset(row[1] for row in data_rows("igos.tsv") if len(row) > 1 and row[1][:1].islower())


def party_word(lemma: str) -> bool:
    """Whether an opposition word may stand for the opposition party (`оппозиция`, not `демонстранты`)."""
    return _aliases().get(f"party:{lemma}") is not None


def actor_alias(lemma: str) -> str | None:
    """The code an alias word stands for (`альянс` → NATO), from letopis/data/event_actors.tsv."""
    return _aliases().get(lemma)


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    out = {}
    for cells in data_rows("event_actors.tsv"):
        if len(cells) >= 3 and cells[1] == "alias":
            out[cells[0]] = cells[2]
        elif len(cells) >= 3 and cells[1] == "opposition" and cells[2] == "party":
            out[f"party:{cells[0]}"] = "party"
    return out


def _kind_of(kind: str, type_: str) -> str:
    if kind:
        return kind
    return {"PER": "person", "ORG": "org", "LOC": "place"}.get(type_, "org")


class ActorIndex:
    """Per-sentence token → Actor tables for one article, and the states the article names."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.by_sentence: list[dict[int, Actor]] = [{} for _ in article.sentences]
        self._trees: dict[int, Tree] = {}
        linked = any(e.kind for e in article.entities)
        if linked:
            self._from_mentions()
        else:
            self._from_gazetteer()
        self._name_over_nationality()
        self._one_spelling()
        self._kin_surnames()
        self.countries = {
            a.value for table in self.by_sentence for a in table.values() if a.kind == "country" and a.value
        }
        self._expand_regions()

    # -- building ------------------------------------------------------------------------------
    def _place(
        self, si: int, sentence: Sentence, start: int, stop: int, actor_fields: dict[str, object]
    ) -> None:
        first = last = -1
        for i, token in enumerate(sentence.tokens):
            if token.stop > start and token.start < stop:
                first = i if first < 0 else first
                last = i
        if first < 0:
            return
        actor = Actor(start=first, stop=last + 1, **actor_fields)  # type: ignore[arg-type]
        for i in range(first, last + 1):
            self.by_sentence[si].setdefault(i, actor)

    def _sentence_of(self, start: int) -> int:
        for si, sentence in enumerate(self.article.sentences):
            if sentence.start <= start < sentence.stop:
                return si
        return -1

    def dateline_span(self) -> tuple[int, int]:
        """Character span of the dateline in the clean text: its city and agency are not actors."""
        dateline = self.article.dateline
        if dateline is None or not dateline.text:
            return (0, 0)
        at = self.article.text.find(dateline.text)
        return (at, at + len(dateline.text)) if at >= 0 else (0, 0)

    def _from_mentions(self) -> None:
        lo, hi = self.dateline_span()
        for mention in self.article.mentions:
            entity = self.article.entity(mention.entity)
            if entity is None or entity.kind == "programme" or (mention.start < hi and mention.stop > lo):
                continue
            si = mention.sentence if mention.sentence >= 0 else self._sentence_of(mention.start)
            if si < 0:
                continue
            kind = _kind_of(entity.kind, entity.type)
            members: tuple[str, ...] = ()
            if kind == "region" and entity.country:
                kind = "place"  # a province: a place of its state (`в Краснодарском крае` → RUS)
            elif kind == "region":
                members = _region_members(entity.name)
            adjective = mention.text[:1].islower()
            self._place(
                si,
                self.article.sentences[si],
                mention.start,
                mention.stop,
                {
                    "value": entity.actor,
                    "kind": kind,
                    "country": entity.country or (entity.code if kind == "country" else None),
                    "geonameid": entity.geonameid,
                    "members": members,
                    "adjective": adjective,
                    "name": entity.name,
                },
            )

    def _from_gazetteer(self) -> None:
        from ..gazetteer import get_gazetteer
        from ..normalize import adjective_of_noun, fold, name_forms

        gaz = get_gazetteer()
        for si, sentence in enumerate(self.article.sentences):
            tokens = sentence.tokens
            forms = [
                frozenset(
                    {fold(t.text), fold(t.lemma)} | (name_forms(t.text) if t.text[:1].isupper() else set())
                )
                for t in tokens
            ]
            i = 0
            while i < len(tokens):
                best = None
                for entry, n in gaz.matches(forms, i):
                    if entry.weak or (entry.cased and not tokens[i].text[:1].isupper()):
                        continue
                    if (
                        entry.kind == "city"
                        and n == 1
                        and adjective_of_noun(tokens[i].pos, tokens[i].rel, tokens[i].text)
                    ):
                        continue  # `Московские власти`: no town called `Московский`
                    if best is None or n > best[1]:
                        best = (entry, n)
                if best is None:
                    i += 1
                    continue
                entry, n = best
                fields: dict[str, object] = {
                    "value": entry.code or entry.name,
                    "kind": entry.kind,
                    "members": entry.members,
                    "adjective": entry.adjective,
                    "name": entry.name,
                }
                if entry.kind == "city" and entry.cities:
                    city = entry.cities[0]
                    fields.update(value=entry.name, geonameid=city.geonameid, country=city.country)
                elif entry.kind == "country":
                    fields["country"] = entry.code
                elif entry.kind == "province":
                    fields.update(value=entry.name, kind="place", country=entry.country)
                self._place(si, sentence, tokens[i].start, tokens[i + n - 1].stop, fields)
                i += n
        lo, hi = self.dateline_span()
        for span in self.article.spans:
            if span.type in ("PER", "ORG") and not (span.start < hi and span.stop > lo):
                si = self._sentence_of(span.start)
                if si >= 0:
                    kind = "person" if span.type == "PER" else "org"
                    self._place(
                        si,
                        self.article.sentences[si],
                        span.start,
                        span.stop,
                        {"value": span.normal or span.text, "kind": kind, "name": span.normal},
                    )

    def _name_over_nationality(self) -> None:
        """`португалец Гутерреш`, `американец Джон Смит`: a nationality noun before a person's name says
        where the person is from, not that they act for that state (EVENTS.md Actors: a private person is a
        name); the noun's tokens take the person, so the phrase is the person wherever it stands."""
        for si, table in enumerate(self.by_sentence):
            tokens = self.article.sentences[si].tokens
            for i, actor in sorted(table.items()):
                if not (actor.kind == "country" and actor.adjective and tokens[i].pos == "NOUN"):
                    continue
                person = table.get(actor.stop)
                if person is None or person.kind != "person":
                    continue
                if tokens[person.start].head != i and tokens[i].head != person.start:
                    continue
                merged = replace(person, start=actor.start)
                for j in range(actor.start, person.stop):
                    table[j] = merged

    def _rename(self, names: dict[str, str]) -> None:
        """Give every person actor named in `names` its new name, all through the document."""
        if not names:
            return
        for table in self.by_sentence:
            done: dict[int, Actor] = {}
            for i, actor in list(table.items()):
                if actor.kind == "person" and actor.value in names:
                    new = done.setdefault(id(actor), replace(actor, value=names[actor.value]))
                    table[i] = new

    def _one_spelling(self) -> None:
        """`Джохар Царнаев` … `Джохару Цорнаеву`: a full name whose surname differs by one letter from a
        more often named one with the same first name is a misspelling of it: one person, one name."""
        counts: dict[str, int] = {}
        for table in self.by_sentence:
            for actor in {id(a): a for a in table.values()}.values():
                if actor.kind == "person" and " " in actor.value:
                    counts[actor.value] = counts.get(actor.value, 0) + 1
        names: dict[str, str] = {}
        for rare in counts:
            for common in counts:
                if counts[common] > counts[rare] and _misspelt(rare, common):
                    names[rare] = common
                    break
        self._rename(names)

    def _kin_surnames(self) -> None:
        """`брат Джохара Царнаева — Тамерлан`, `Сергей Скрипаль и его дочь Юлия`: a relative named by the
        first name alone bears the family's surname (EVENTS.md Actors: a private person's full name)."""
        from .coref import kin_surname

        names: dict[str, str] = {}
        for si, table in enumerate(self.by_sentence):
            tokens = self.article.sentences[si].tokens
            for actor in {id(a): a for a in table.values()}.values():
                if actor.kind != "person" or " " in actor.value or actor.value in names:
                    continue
                owner = _kin_owner(tokens, table, actor)
                if owner is not None:
                    names[actor.value] = kin_surname(actor.value, tokens[actor.start], owner.value)
        self._rename(names)

    def _expand_regions(self) -> None:
        """`страны Центральной Азии` → the member states the document names (EVENTS.md Actors)."""
        for table in self.by_sentence:
            for i, actor in list(table.items()):
                if actor.kind == "region":
                    named = tuple(m for m in actor.members if m in self.countries)
                    table[i] = Actor(
                        actor.value, "region", actor.start, actor.stop, members=named, name=actor.name
                    )

    # -- reading -------------------------------------------------------------------------------
    def at(self, si: int, i: int) -> Actor | None:
        return self.by_sentence[si].get(i)

    def tree(self, si: int) -> Tree:
        """The whole tree of sentence `si`, built once for every walk that reads another sentence."""
        tree = self._trees.get(si)
        if tree is None:
            tree = self._trees[si] = Tree(self.article.sentences[si].tokens)
        return tree

    @cached_property
    def memory(self) -> Memory:
        """Document-wide coreference facts (people's roles, home country, antecedents)."""
        from .coref import Memory

        return Memory(self)


KIN_REACH = 3  # head links from a relative's first name up to the kin word (`брат … — Тамерлан`)


def _kin_owner(tokens: tuple[Token, ...], table: dict[int, Actor], actor: Actor) -> Actor | None:
    """The person whose relative (`брат`, `дочь`) the one-word name `actor` is, if the sentence names
    them in full: the kin word's own owner, else the full name named last before the kin word (`Сергей
    Скрипаль и его дочь Юлия`)."""
    at = actor.start
    for _ in range(KIN_REACH):
        at = tokens[at].head
        if not 0 <= at < len(tokens):
            return None
        if actor_words().get(tokens[at].lemma.lower()) == "kin":
            break
    else:
        return None
    kin = at
    owners = [
        a
        for i, a in sorted(table.items())
        if a.kind == "person"
        and " " in a.value
        and a is not actor
        and i == a.start
        and (tokens[i].head == kin or (i < kin and _pronoun_owned(tokens, kin)))
    ]
    return owners[-1] if owners else None


def _pronoun_owned(tokens: tuple[Token, ...], kin: int) -> bool:
    """`его дочь`: the kin word is owned by a pronoun (data/event_actors.tsv `owner`), standing for
    someone named before."""
    words = actor_words()
    return any(
        t.head == kin and t.pos in ("PRON", "DET") and words.get(t.lemma.lower()) == "owner" for t in tokens
    )


def _misspelt(rare: str, common: str) -> bool:
    """Same first name and a surname one letter different (`Цорнаев` / `Царнаев`)."""
    a, b = rare.split(), common.split()
    if len(a) != len(b) or a[:-1] != b[:-1] or len(a[-1]) != len(b[-1]) or len(a[-1]) < 5:
        return False
    return sum(x != y for x, y in zip(a[-1], b[-1], strict=True)) == 1


def _region_members(name: str) -> tuple[str, ...]:
    try:
        from ..gazetteer import get_gazetteer
    except ImportError:  # pragma: no cover - the gazetteer ships with the package
        return ()
    return get_gazetteer().region_members(name)


def _only_beneficiary(index: ActorIndex, si: int, state: str) -> bool:
    """Whether sentence `si` names `state` and only as whom a deed was for (`в пользу Великобритании`);
    an adjective describing a thing (`директор украинского предприятия`) is no mention of the state
    acting, one on a state role or body (`украинский суд`) is."""
    tokens = index.article.sentences[si].tokens
    starts = [
        i
        for i, a in index.by_sentence[si].items()
        if a.value == state and i == a.start and not (a.adjective and not _on_state_word(tokens, i))
    ]
    return bool(starts) and all(
        0 <= tokens[i].head < len(tokens)
        and actor_words().get(tokens[tokens[i].head].lemma.lower()) == "beneficiary"
        and tokens[i].rel == "nmod"
        for i in starts
    )


def _on_state_word(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether the adjective at `i` qualifies a role or body word (`украинский суд`, `российские власти`)."""
    h = tokens[i].head
    return 0 <= h < len(tokens) and actor_words().get(tokens[h].lemma.lower()) in ("role", "body", "office")


def _preposition(tokens: tuple[Token, ...], i: int) -> str:
    for token in tokens:
        if token.head == i and token.rel == "case":
            return token.lemma.lower()
    return ""


def _country_uses(index: ActorIndex, si: int, country: str) -> list[tuple[str, str | None]]:
    """(preposition, case) of each mention of `country` as a place in sentence `si`; its cities and
    provinces only when the state itself is not named (`под Луганском` tells another act's place)."""
    tokens = index.article.sentences[si].tokens
    states: list[tuple[str, str | None]] = []
    places: list[tuple[str, str | None]] = []
    seen: set[int] = set()
    for i, actor in sorted(index.by_sentence[si].items()):
        if id(actor) in seen or actor.adjective or actor.kind not in ("country", "city", "place"):
            continue
        if (actor.country or actor.value) != country:
            continue
        seen.add(id(actor))
        (states if actor.kind == "country" else places).append(
            (_preposition(tokens, i), tokens[i].feat("Case"))
        )
    return states or places


def located_state(index: ActorIndex, si: int) -> str | None:
    """The one state sentence `si` places something in (`отбывает в России срок, по которому осуждены
    …`): a state named with a locative `в`, when the sentence names just one so."""
    tokens = index.article.sentences[si].tokens
    states = {
        actor.value
        for i, actor in index.by_sentence[si].items()
        if actor.kind == "country"
        and not actor.adjective
        and i == actor.start
        and _preposition(tokens, i) in LOCATIVE_CASES
        and tokens[i].feat("Case") == "Loc"
    }
    return states.pop() if len(states) == 1 else None


def acting_state(index: ActorIndex, si: int, country: str | None, home: str | None) -> str | None:
    """The state that did an agentless state act (detention, sentence, release) told in sentence `si`:
    the country of its place, else the one state the sentence places something in, else the story's
    `home` state — unless the sentence names that state
    only as a destination (`депортирован в Нидерланды`, `вернулась в Украину`): then the state the
    sentence places someone in (`которую в России приговорили`), else `home` if it is another state."""
    state = country or located_state(index, si) or home
    if state is None:
        return None
    if _only_beneficiary(index, si, state):
        # `за шпионаж в пользу Великобритании его приговорили`: not Britain's sentence, but that of
        # the story's other side, if it has one (the state spied on)
        other = index.memory.counterpart([state], si)
        return other if other is not None and not _only_beneficiary(index, si, other) else None
    uses = _country_uses(index, si, state)
    if not uses or not all(p in DESTINATION_CASES and case == "Acc" for p, case in uses):
        return state
    tokens = index.article.sentences[si].tokens
    for i, actor in sorted(index.by_sentence[si].items()):
        if actor.kind == "country" and not actor.adjective and actor.value != state:
            if _preposition(tokens, i) in LOCATIVE_CASES and tokens[i].feat("Case") == "Loc":
                return actor.value
    return home if home != state else None
