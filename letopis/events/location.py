"""Where an event happens: a place phrase (`в Ташкенте`, `на Украине`) in the trigger's own clause.

Rules (EVENTS.md, "Annotation decisions" → Location), in the order they are tried:
1. a place phrase of the clause: an obl/nmod of the predicate, the trigger or the light verb's noun
   (`провести переговоры в Пекине`), the place a visit verb takes as object (`посетил Белград`), or
   a city named inside such a phrase (`в аэропорту Барселоны`, `на улицы Лондона`). A place where
   the event is (`в Лондоне`) beats the start of a march (`марш из Лахора в Исламабад` → Лахор),
   which beats a destination (`прибыл в Пакистан`);
2. for physical acts (arrests, attacks, protests …) a place phrase of their participants
   (`разогнали лагеря в Каире`, `жители Хабаровска вышли`): people and camps are where the act is;
   for any act but a statement, a place the parser hangs on the partner it is done with
   (`встретился с госсекретарем США в Женеве`); an attack is where it is aimed (`удар по Донецку`);
3. a local body named after a city (`Хорошевский суд Москвы`, `лондонская полиция`);
4. a place phrase that opens the line (`В Египте арестован …`) covers its main clause.
Statements (ACCUSE, REQUEST …) take only rule 1 on their own verb: where the statement is made, not
what it is about (`обвинила Украину в обстреле Донецка` has no place); reported words (`заявил в Токио, что осуждает …`) are made where they are said. A converb (`собрались на митинг в Тбилиси, требуя …`) shares its verb's place; a
clause after `, где` takes the place before it (`остановку в Кабуле, где в беседе …`).
Then the occasion (a meeting, visit, summit, press conference) the act belongs to:
5. an occasion the clause names without a place (`на саммите`, `во второй день саммита`) takes the
   place the text gives that occasion elsewhere, the more precise one when it gives two
   (`саммит в США` … `в Вашингтон на саммит` → Вашингтон); the same refines a country-level place;
   placed nowhere in the text, it is the one the actors have just come to (rule 6: `прибыл в Москву.
   В ходе переговоров с Лавровым …`);
6. a statement or meeting with no place and no time of its own, in the sentence right after an
   occasion the actors are at (`Керри прибыл в Исламабад. … сенатор подчеркнул …`), or after it
   in the same sentence, takes the occasion's place;
7. an arrest or attack placed in a country or region only takes the city the text gives elsewhere
   for an act of its type it happens during (`В Каталонии … задержан` … `Во время задержания пара была
   в аэропорту Барселоны` → Барселона): the same occasion told with a more precise place.
The dateline city (the newsroom) never counts, since it stands outside every clause.
A place the gazetteer knows no country of takes the country the document is mostly about. A state
named like its capital (`в Люксембурге`, `в Сингапуре`) is that city; a region named like its city
(`в провинции Идлиб`, `в штате Нью-Йорк`) is the region, with no city id; a court named by a
compound (`Мосгорсуд`) is in its city; a state's ministry (`в МИД России`) is no place; an act during a visit to a
country (`в ходе визита в Украину`) is in the city the text then tells the visit's meetings in.
Place nouns that name no place by themselves (data/event_places.tsv): `в столице` is the capital of the
state the text is about (`в столице Иордании`, `в британской столице`: that state's); `по всей стране`,
`на востоке страны` are that state; `на юге Ливана` is in Ливан; `по улицам Киева` is in Киев; an
embassy stands in its host's city (`у посольства США в Москве` → Москва, never США); a currency's
state is no place (`долларов США`); a local body may be named by its city's adjective (`Лондонская
полиция сообщает об аресте` → Лондон). A country-level place gives way to a city of the same state
named beside it.
Places listed after a place noun (`в трёх городах: Лидсе, Шеффилде и Ноттингеме`) are each a place; an
act counted off from a place (`неподалёку от Донецка`, `в 20 км от Донецка`, `к северу от Алеппо`) is
there; a building's own name (`у мечети Рабаа аль-Адавия`) is no place; a city name many states share
(`Кордова`) is the one in a state the text names; a crowd that comes up to a site (`пришли к участку в
Тоттенхэме`) is at its place; where someone is deported to (`депортирован в Нидерланды`) is not where
the act is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from weakref import WeakKeyDictionary

from ..datafiles import data_rows, function_words
from ..record import Location, Token
from ..timex import _lexicon as _timex_lexicon
from ..timex import find_time_expressions
from .actors import Actor, ActorIndex, actor_words
from .tree import Tree, segments
from .triggers import lexicon as trigger_lexicon

__all__ = [
    "find_locations",
    "to_location",
    "converb_verb",
    "speech_host",
    "is_statement",
    "is_physical",
    "occasion_lemmas",
    "speech_lemmas",
    "rally_lemmas",
    "Occasion",
    "occasions",
    "act_places",
    "one_site",
    "court_seat",
    "court_act",
    "trial_words",
]

LOCATION_CASES = function_words("location_cases")
PLACE_RELS = ("obl", "nmod", "advmod")
# ranks of a place phrase: where the event is, where a march starts, where a journey ends
AT, ORIGIN, DESTINATION = 0, 1, 2
JOURNEY_REACH = 2  # sentences after a visit's mention that may tell its meetings in a city
NAMESAKE_SHARE = 10  # a namesake city in a state the text names wins if at least 1/10 as populous
MAX_DEPTH = 3  # how deep a city may sit inside a place phrase (`в квартире дома в районе … Каира`)


@lru_cache(maxsize=1)
def _act_suffixes() -> tuple[str, ...]:
    """Endings of a deverbal act noun (data/time_words.tsv `act_suffix`)."""
    return tuple(_timex_lexicon().words.get("act_suffix", {}))


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, ...], ...]:
    """The rows of data/event_places.tsv, read once for `_words` and every `_mapping`."""
    return tuple(tuple(row) for row in data_rows("event_places.tsv"))


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in _rows():
        out.setdefault(row[1], set()).add(row[0])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=8)
def _mapping(kind: str) -> dict[str, str]:
    """Word → value for the three-column rows of one class in data/event_places.tsv."""
    return {row[0]: row[2] for row in _rows() if len(row) > 2 and row[1] == kind}


@lru_cache(maxsize=1)
def _city_states() -> frozenset[str]:
    """States (ISO3) named like their capital (`в Сингапуре`, `в Люксембурге`): a place phrase with
    that name is the city (data/event_places.tsv `city_state`)."""
    return _words().get("city_state", frozenset())


@lru_cache(maxsize=1)
def _landmarks() -> dict[str, str]:
    """Lemmas of a well-known site (`храмовый гора`) → the name of its city (data/event_places.tsv)."""
    return _mapping("landmark")


@lru_cache(maxsize=64)
def _city(name: str) -> Location | None:
    """The most populous gazetteer city called `name`."""
    from ..gazetteer import get_gazetteer
    from ..normalize import fold

    key = tuple(fold(w) for w in name.split())
    for entry in get_gazetteer().index.get(key[0], ()):
        if entry.kind == "city" and entry.words == key and entry.cities:
            city = entry.cities[0]
            return Location(name=entry.name, geonameid=city.geonameid, country=city.country)
    return None


@lru_cache(maxsize=256)
def _namesake(name: str, states: frozenset[str]) -> Location | None:
    """The most populous gazetteer city called `name` in one of `states`, else None (a city name
    many countries share: `Кордова`, `Валенсия`, `Санта-Крус`)."""
    from ..gazetteer import get_gazetteer
    from ..normalize import fold

    if not states:
        return None
    key = tuple(fold(w) for w in name.split())
    for entry in get_gazetteer().index.get(key[0], ()):
        if entry.kind != "city" or entry.words != key:
            continue
        top = entry.cities[0].population if entry.cities else 0
        for city in entry.cities:
            # a far smaller namesake (`Москва` in Idaho, `Лондон` in Ontario) is never meant
            if city.country in states and city.population * NAMESAKE_SHARE >= top:
                return Location(name=name, geonameid=city.geonameid, country=city.country)
    return None


@lru_cache(maxsize=256)
def _capital(state: str) -> Location | None:
    """The capital city of a state (ISO3), from the GeoNames country table, with its Russian name."""
    from ..gazetteer import get_gazetteer

    found = get_gazetteer().capitals.get(state)
    if found is None:
        return None
    geonameid, name = found
    return Location(name=_russian_name(geonameid, name), geonameid=geonameid, country=state)


@lru_cache(maxsize=1)
def _russian_names() -> dict[int, list[str]]:
    """GeoNames id → the gazetteer's Russian names of the city it is the most populous reading of."""
    from ..gazetteer import get_gazetteer

    out: dict[int, list[str]] = {}
    for entries in get_gazetteer().index.values():
        for entry in entries:
            if entry.kind == "city" and entry.cities:
                out.setdefault(entry.cities[0].geonameid, []).append(entry.name)
    return out


def _russian_name(geonameid: int, fallback: str) -> str:
    """The plain Russian name of a city: a dictionary place name (`Лондон`, not the variant `Лондан`
    GeoNames also lists), single-word before qualified (`Киев`, not `Киев ош`)."""
    from ..gazetteer import _known_place

    names = _russian_names().get(geonameid, [])
    if not names:
        return fallback
    return min(names, key=lambda n: (not all(_known_place(w) for w in n.split()), len(n.split()), n))


def _adjectival(token: Token) -> bool:
    """An adjective, or a capitalised one the tagger reads as a name (`Гаагским Международным
    трибуналом`: `Гаагским` comes out PROPN, still an `amod` with an adjective's lemma)."""
    return token.pos == "ADJ" or (token.pos == "PROPN" and token.rel == "amod")


@lru_cache(maxsize=256)
def _city_of_adjective(lemma: str) -> Location | None:
    """The city a relational adjective names (`лондонский` → Лондон, `московский` → Москва): the
    irregular ones from data/event_places.tsv `city_adjective`, else the stem before `-ский` when a
    gazetteer city is called so."""
    irregular = _city_adjectives()
    if lemma in irregular:
        return _city(irregular[lemma])
    if not lemma.endswith("ский") or len(lemma) < 7:
        return None
    stem = lemma[: -len("ский")]
    from ..gazetteer import get_gazetteer
    from ..normalize import fold

    # `гаагский` → Гаага, `казанский` → Казань, `химкинский` → Химки: the city's name is the stem,
    # or the stem with the ending the adjective drops
    for name in _adjective_stems(stem):
        if any(
            e.kind == "country" and e.words == (fold(name),)
            for e in get_gazetteer().index.get(fold(name), ())
        ):
            return None  # `алжирская полиция`, `канадская полиция`: the state's, not its capital's
        city = _city(name[:1].upper() + name[1:])
        if city is not None and city.geonameid is not None:  # `перм-` is a variant: named `Пермь`
            return Location(_russian_name(city.geonameid, city.name), city.geonameid, city.country)
    return None


def _adjective_stems(stem: str) -> list[str]:
    """Names a city adjective's stem may come from, the plain stem first (`лондон-ский`); the
    endings come from data/event_places.tsv `adjective_ending` (`гааг-а`, `казан-ь`), and a plural
    name drops its `н` (`химкин-ский` → Химки)."""
    out = [stem] + [stem + ending for ending in sorted(_words().get("adjective_ending", frozenset()))]
    if stem.endswith("ин"):
        out.append(stem[:-1])
    return out


@lru_cache(maxsize=1)
def _city_adjectives() -> dict[str, str]:
    return _mapping("city_adjective")


@lru_cache(maxsize=1)
def _city_bodies() -> dict[str, str]:
    """Compound names of a city's body (`Мосгорсуд` → Москва, data/event_places.tsv `city_body`):
    an act of that body takes place in that city (EVENTS.md Location: a court named after a city)."""
    return _mapping("city_body")


PERSON_KINDS = frozenset({"role", "office", "person", "kin"})  # data/event_actors.tsv kinds of a person


def _person_word(lemma: str) -> bool:
    """A word for a person (`президент`, `министр`, `мать`): the state in its genitive is the one
    the person serves or belongs to, never a place."""
    return actor_words().get(lemma) in PERSON_KINDS


def _body_city(lemma: str) -> str | None:
    """The city a body acts in: the one its compound name holds (`Мосгорсуд`), or its fixed seat
    (`ЕСПЧ` → Страсбург, data/event_places.tsv `seat`); only its own acts are there, not what is
    sent to it (`подать жалобу в ЕСПЧ`)."""
    return _city_bodies().get(lemma) or _mapping("seat").get(lemma)


def _as_region(location: Location) -> Location:
    """`в провинции Кандагар`, `в штате Нью-Йорк`: a region named like its main city is the region
    (EVENTS.md Location: a province → its name and country, no city id), not the city."""
    if location.geonameid is None:
        return location
    return Location(name=location.name, geonameid=None, country=location.country)


def to_location(actor: Actor, home: str | None = None) -> Location | None:
    """The Location a place actor stands for; `home` is the country for a place the gazetteer
    knows no country of (a province, a district)."""
    if actor.kind == "city":
        whole = _whole_city(actor.name or actor.value, actor.geonameid)
        if whole is not None:
            return whole
        return Location(name=actor.name or actor.value, geonameid=actor.geonameid, country=actor.country)
    if actor.kind == "country":
        return Location(name=actor.name or actor.value, geonameid=None, country=actor.country or actor.value)
    if actor.kind == "place" and (actor.country or home):
        return Location(
            name=actor.name or actor.value, geonameid=actor.geonameid, country=actor.country or home
        )
    return None


@lru_cache(maxsize=256)
def _whole_city(name: str, geonameid: int | None) -> Location | None:
    """The city a named part of it belongs to (`Восточный Иерусалим` → Иерусалим): a city name
    opened by a part word (data/event_places.tsv `part`) whose rest names a more populous city."""
    from ..gazetteer import get_gazetteer
    from ..normalize import fold

    words = name.split()
    if len(words) < 2 or words[0].lower() not in _words()["part"]:
        return None
    rest = tuple(fold(w) for w in words[1:])
    own = 0
    gaz = get_gazetteer()
    for entry in gaz.index.get(fold(words[0]), ()):
        own = max([own, *(c.population for c in entry.cities if c.geonameid == geonameid)])
    for entry in gaz.index.get(rest[0], ()):
        if entry.kind == "city" and entry.words == rest and entry.cities and entry.cities[0].population > own:
            city = entry.cities[0]
            return Location(name=entry.name, geonameid=city.geonameid, country=city.country)
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
    finder.charges = kind in _words()["statement"]
    finder.adopted[pred] = _strays(tree, pred)
    heads = [pred] + ([trigger] if trigger != pred else []) + ([partner] if partner >= 0 else [])
    heads += tree.ancestors(pred, frozenset({"xcomp", "csubj", "csubj:pass"}), 2)
    heads += setting_converbs(tree, pred)
    heads += _decision_verb(tree, pred)
    if tree.tokens[trigger].pos == "NOUN":
        from .timing import occurred_clauses  # timing imports this module

        heads += occurred_clauses(tree, trigger)  # `нападение, случившееся в Лондоне`
    if _remote(tree, heads):
        return []  # `провели телефонный разговор`: a call has no place
    found = finder.clause(heads)
    seat = tree.head(trigger)
    setting = LOCATION_CASES | _words()["during"]
    if not found and seat >= 0 and tree.tokens[seat].pos == "VERB" and tree.case(trigger) in setting:
        if tree.tokens[trigger].lemma.lower() in _words()["occasion"]:
            found = finder.clause([seat])  # `Выступая в Сочи на встрече с королем`: the meeting is there
    if not found and tree.tokens[pred].feat("VerbForm") == "Conv" and tree.head(pred) >= 0:
        found = finder.clause([tree.head(pred)])  # `собрались на митинг в Тбилиси, требуя …`
    nominal = tree.tokens[trigger].pos == "NOUN" or (
        tree.tokens[trigger].feat("VerbForm") == "Part"
        and tree.tokens[trigger].rel in ("nmod", "nsubj", "obj")
    )  # `тысячи протестующих вышли на улицы Софии`: a participle standing for the doers
    if not found and kind in _words()["physical"] and nominal:
        verb = _governing_verb(tree, trigger)  # `демонстранты собрались на митинг в Тбилиси`
        found = finder.clause([verb]) if verb >= 0 else []
        if not found and verb >= 0:  # `протестующие блокировали дороги в Янгоне`: where its objects are
            found = finder.participants([verb])
        if not found and verb >= 0:  # `Полиция Москвы задержала участников акции`: the city's body acts there
            found = finder.local_body([verb])
        above = verb if verb >= 0 else tree.head(trigger)
        shared = converb_verb(tree, above) if above >= 0 else -1
        if not found and shared >= 0:
            # `Протесты в Софии приняли … характер, вылившись в столкновения`: a converb's act is
            # where its verb's is
            found = finder.clause([shared]) or finder.participants([shared])
    found = found or finder.where(trigger)
    if not found and kind in _words()["struck"]:
        found = finder.struck([trigger, *heads])  # `обстреляли Донецк`, `обстрел Донецка`
    if not found and kind in _words()["physical"]:
        # `запретили въезжать в Старый город Иерусалима`: a ban or order is where its act is
        found = finder.clause([c for c in tree.kids(pred, "xcomp") if tree.tokens[c].pos == "VERB"])
    if not found and kind and kind not in _words()["statement"]:
        expel = any(tree.tokens[h].lemma.lower() in _words()["expel"] for h in heads)
        if kind in _words()["physical"] or expel:
            found = finder.participants(heads)
        found = found or finder.companions(heads)  # `встретился с госсекретарем США в Женеве`
        reporter = tree.head(trigger) if tree.tokens[trigger].pos == "NOUN" else -1
        if reporter >= 0 and tree.tokens[reporter].pos == "VERB":
            # `Лондонская полиция сообщает об аресте`: a local body tells of its own act
            found = found or finder.local_body([*heads, reporter])
        found = found or finder.local_body(heads) or finder.fronted(pred)
    elif not found and kind:
        found = finder.local_body(heads)  # `прокуратура Бишкека проводит расследование`
    host = speech_host(tree, pred) if kind in _words()["statement"] else -1
    if not found and host >= 0:
        # `заявил в Токио, что осуждает …`, `выступил в Париже с заявлением: «Мы требуем …»`: a
        # statement is made where the words that carry it are said
        found = finder.clause([host]) or finder.local_body([host])
        heads.append(host)
    named = _occasion_words(tree, [trigger, *heads])
    if found:
        best = _refined(_best(found), {tree.tokens[j].lemma.lower() for j in named}, index, si)
        return _act_refined(best, kind, index) if kind in _words()["one_site"] else best
    if kind not in _words()["physical"]:
        # an occasion the clause names decides alone: `на втором заседании` is not the first one
        # an occasion placed nowhere else (`прибыл в Москву. В ходе переговоров с Лавровым он заявил`)
        # is the one its actors have just come to
        at = (_named_occasion(named, index, si) if named else None) or _staged(
            index, si, trigger, {tree.tokens[j].lemma.lower() for j in named}
        )
        if at is not None:
            return [(trigger, at)]
    return []


def _decision_verb(tree: Tree, pred: int) -> list[int]:
    """`суд принял решение отказать …`: an infinitive under the object noun of a verb is that verb's
    act (the parser hangs it as `acl` or `nmod`), done where the verb's subject acts."""
    token = tree.tokens[pred]
    noun = tree.head(pred)
    if noun < 0 or token.feat("VerbForm") != "Inf" or token.rel not in ("acl", "nmod"):
        return []
    verb = tree.head(noun)
    if tree.tokens[noun].rel != "obj" or verb < 0 or tree.tokens[verb].pos != "VERB":
        return []
    return [verb]


def _strays(tree: Tree, pred: int) -> list[int]:
    """Place phrases after a second conjunct verb that the parser hangs on the first (`скрывался 16
    лет и был арестован в Сербии`: `в Сербии` on `скрывался`): words after a verb belong to it."""
    h = tree.head(pred)
    if h < 0 or h > pred or tree.tokens[pred].rel != "conj" or tree.tokens[pred].pos != "VERB":
        return []
    return [c for c in tree.kids(h, "obl") if c > pred and tree.case(c) in LOCATION_CASES]


def _remote(tree: Tree, heads: list[int]) -> bool:
    """The act is a phone or video call: a head or its modifier is a call word (`телефонный
    разговор`, `переговоры по видеосвязи`, `созвонились`)."""
    remote = _words()["remote"]
    for h in dict.fromkeys(heads):
        for j in [h, *tree.kids(h, "amod", "nmod", "obl")]:
            if tree.tokens[j].lemma.lower() in remote:
                return True
    return False


def _best(found: list[tuple[int, int, Location]]) -> list[tuple[int, Location]]:
    """The places of the best rank, left to right; a country-level place gives way to a city of the
    same state beside it (`на юге страны близ Газиантепа` → Газиантеп)."""
    best = min(rank for rank, _, _ in found)
    out: dict[int, tuple[int, Location]] = {}
    for rank, j, location in sorted(found, key=lambda x: x[1]):
        if rank == best:
            out.setdefault(j, (j, location))
    cities = {location.country for _, location in out.values() if location.geonameid is not None}
    kept = [(j, loc) for j, loc in out.values() if loc.geonameid is not None or loc.country not in cities]
    return kept or list(out.values())


_STATES: WeakKeyDictionary[ActorIndex, tuple[str | None, frozenset[str]]] = WeakKeyDictionary()


def _states(index: ActorIndex) -> tuple[str | None, frozenset[str]]:
    """The state the text names most, and every state it names (ISO3): once per document, not per
    clause (the actor tables are complete once the index is built)."""
    if index not in _STATES:
        tables = index.by_sentence
        counts = Counter(a.value for t in tables for a in set(t.values()) if a.kind == "country")
        named = frozenset(a.country or a.value for t in tables for a in t.values() if a.kind == "country")
        _STATES[index] = (counts.most_common(1)[0][0] if counts else None, named)
    return _STATES[index]


class _Finder:
    """Place phrases of one line segment, read off its tree and actor table."""

    def __init__(self, tree: Tree, index: ActorIndex, si: int) -> None:
        self.tree = tree
        self.index = index
        self.table = index.by_sentence[si]
        self.charges = False  # a statement's: an act it names (`обвинила в обстреле Донецка`) is no place
        self.adopted: dict[int, list[int]] = {}  # verb → place phrases the parser hung on the verb before it

    @property
    def home(self) -> str | None:
        """The state the text names most: the country of a place the gazetteer knows none of."""
        return _states(self.index)[0]

    @property
    def named(self) -> frozenset[str]:
        """The states the text names (ISO3), by name or adjective."""
        return _states(self.index)[1]

    def kids(self, h: int, *rels: str) -> list[int]:
        """Children of `h`; a segment's root also adopts the tokens whose parse head lies in
        another line (a headline parsed together with the next line)."""
        out = self.tree.kids(h, *rels)
        for j in self.adopted.get(h, []):
            if not rels or self.tree.tokens[j].rel.split(":")[0] in rels:
                out.append(j)
        if self.tree.head(h) < 0:
            tokens = self.tree.tokens
            for j in range(self.tree.lo, self.tree.hi):
                if j != h and j not in out and self.tree.head(j) < 0 and tokens[j].rel != "root":
                    if not rels or tokens[j].rel.split(":")[0] in rels:
                        out.append(j)
        return out

    def place(self, j: int) -> Location | None:
        landmark = self.landmark(j)
        if landmark is not None:
            return landmark
        words = _words()
        lemma = self.tree.tokens[j].lemma.lower()
        if lemma in _city_bodies():
            return _city(_city_bodies()[lemma])  # `в Мосгорсуде`: the city the body is named after
        if lemma in words.get("state_body", frozenset()):
            return None  # `в МИД России`: a body the actor table reads as its state is no place
        if lemma in words["capital"]:
            return self.capital(j)
        if lemma in words["country_word"]:
            return self.home_country(j)
        if lemma in words["side"]:
            return self.side(j)
        actor = self.table.get(j)
        if actor is None or actor.adjective:
            return None
        location = to_location(actor, self.home)
        if location is not None and location.geonameid is not None and location.country not in self.named:
            # `Кордова` in a text about Spain is the Spanish one, not the more populous Argentine one
            location = _namesake(location.name, self.named) or location
        if location is not None and location.geonameid is None and location.country in _city_states():
            return _capital(location.country) or location  # `на совещании в Люксембурге`: the city
        return location

    def state_named(self, j: int) -> str | None:
        """The state a noun's genitive or adjective names (`столица Иордании`, `британская
        столица`, `столица страны`), else None."""
        tokens = self.tree.tokens
        for k in self.tree.kids(j, "nmod", "amod"):
            if self.tree.case(k):
                continue
            actor = self.table.get(k)
            if actor is not None and actor.kind == "country":
                return actor.country or actor.value
            if tokens[k].lemma.lower() in _words()["country_word"] and self.home_country(k) is not None:
                return self.home
        return None

    def capital(self, j: int) -> Location | None:
        """`в столице` → the capital of the state the text is about; `в столице Иордании`, `в
        британской столице` → that state's capital; an apposed city (`столице … Аммане`) wins."""
        for k in self.tree.kids(j, "appos", "flat"):
            actor = self.table.get(k)
            if actor is not None and actor.kind == "city":
                return to_location(actor, self.home)
        if any(self.tree.case(k) for k in self.tree.kids(j, "nmod")):
            return None  # `столица моды`, `в столице … в Европе`: not a state's seat
        state = self.state_named(j)
        if state is None and not self.tree.kids(j, "nmod", "amod"):
            state = self.home
        return _capital(state) if state else None

    def home_country(self, j: int) -> Location | None:
        """`по всей стране`, `в стране`, `на востоке страны`: the state the text is about, unless the
        noun is plural or qualified (`в соседней стране`, `в странах Европы`)."""
        tree, tokens = self.tree, self.tree.tokens
        if tokens[j].feat("Number") == "Plur" or self.home is None:
            return None
        for k in tree.kids(j, "amod", "det", "nmod"):
            if tree.case(k) or tokens[k].lemma.lower() not in _words()["home_det"]:
                return None
        from ..gazetteer import get_gazetteer

        return Location(name=get_gazetteer().country_name(self.home), geonameid=None, country=self.home)

    def side(self, j: int) -> Location | None:
        """`на востоке Украины`, `на юге страны`, `на севере Москвы`: a part of a place is in it."""
        for k in self.tree.kids(j, "nmod"):
            if not self.tree.case(k) and self.tree.tokens[k].feat("Case") in (None, "Gen"):
                location = self.place(k)
                if location is not None:
                    return location
        return None

    def landmark(self, j: int) -> Location | None:
        """`возле Храмовой горы` → Иерусалим, `на Красной площади` → Москва: a well-known site is
        in its city (EVENTS.md Location: a district or site → its city)."""
        tokens = self.tree.tokens
        lemma = tokens[j].lemma.lower()
        keys = [f"{tokens[c].lemma.lower()} {lemma}" for c in self.tree.kids(j, "amod")] + [lemma]
        if j > self.tree.lo:
            keys.insert(0, f"{tokens[j - 1].lemma.lower()} {lemma}")
        for key in keys:
            name = _landmarks().get(key)
            if name is not None:
                for k in self.tree.kids(j, "nmod"):
                    # `у Белого дома в Москве`: another site of that name, in the city named beside it
                    if self.tree.case(k) in LOCATION_CASES and self.table.get(k) is not None:
                        return self.place(k)
                return _city(name)
        return None

    def places(self, c: int) -> list[tuple[int, Location]]:
        """The place a nominal names, or its conjuncts'. A part of a city named with the city's
        genitive (`в Старый город Иерусалима`) is in that city (EVENTS.md Location: district → city)."""
        out = []
        for j in [c, *self.tree.kids(c, "conj")]:
            location = self.place(j)
            if location is None:
                continue
            for k in self.tree.kids(j, "nmod"):
                whole = self.place(k)
                if not self.tree.case(k) and whole is not None and whole.geonameid is not None:
                    j, location = k, whole
                    break
            out.append((j, location))
        return out

    def inner(self, c: int, depth: int = 0) -> list[tuple[int, Location]]:
        """A place inside a place phrase: `в аэропорту Барселоны`, `в районе … провинции Логар`.
        A city beats the country beside it (`в столице Иордании Аммане` → Амман)."""
        lemma = self.tree.tokens[c].lemma.lower()
        if depth >= MAX_DEPTH or lemma in _words()["currency"] or lemma in _words()["for_whom"]:
            return []  # `на сумму 3 млрд долларов США`, `в пользу Британии`: no place
        if lemma in _words().get("medium", frozenset()):
            return []  # `в эфире телеканала «Россия 24»`: a medium's name is no place
        seat = self.tree.tokens[c].lemma.lower() in _words()["foreign_seat"]
        first: list[tuple[int, Location]] = []
        rels = ("nmod", "appos", "flat") + (("parataxis",) if lemma in _words().get("listed", ()) else ())
        for k in self.tree.kids(c, *rels):
            case = self.tree.case(k)
            if seat and not case:
                continue  # `у посольства США в Москве`: an embassy stands in the host's city
            grammatical = self.tree.tokens[k].feat("Case")
            if case in _words().get("with", ()) and lemma in _words()["occasion"]:
                # `на пресс-конференции с госсекретарем США в Женеве`: the parser hangs the place on the
                # partner the occasion is held with
                partner = [
                    (j, location)
                    for m in self.tree.kids(k, "nmod")
                    if self.tree.case(m) in LOCATION_CASES and self.tree.tokens[m].feat("Case") == "Loc"
                    for j, location in self.places(m)
                ]
                if partner:
                    return partner
                continue
            near = case in _words()["near"] and grammatical != "Acc"  # `позиции под Бенгази`
            if case and not near and (case not in LOCATION_CASES or grammatical == "Acc"):
                continue  # `в поставках оружия в Йемен` names a destination, not where
            # `в городах: Ливерпуле, Манчестере`: the parser hangs a list after a colon as parataxis
            apposed = self.tree.tokens[k].rel.split(":")[0] in ("appos", "flat", "parataxis")
            building = apposed and lemma in _words().get("building", ())
            if not case and not apposed and grammatical not in (None, "Gen", "Loc"):
                continue  # an apposition agrees with its head, whatever case the parser gives it
            found = self.places(k) or self.inner(k, depth + 1)
            if lemma in _words().get("state_body", frozenset()) or _person_word(lemma):
                # `В МИД России осудили …`: the state that owns a ministry is not where it speaks;
                # `возложила ответственность на президента РФ`: a person's state is whose he is
                found = [(j, location) for j, location in found if location.geonameid is not None]
            if lemma in _words().get("region", frozenset()) and apposed:
                found = [(j, _as_region(location)) for j, location in found]
            if building:  # `у мечети Рабаа аль-Адавия`: a building's own name, unless a city's
                found = [(j, location) for j, location in found if location.geonameid is not None]
            if any(location.geonameid is not None for _, location in found):
                return [(j, location) for j, location in found if location.geonameid is not None]
            first = first or found
        return first

    def clause(self, heads: list[int]) -> list[tuple[int, int, Location]]:
        words = _words()
        tokens = self.tree.tokens
        out: list[tuple[int, int, Location]] = []
        for h in heads:
            if tokens[h].lemma in words["visit"]:
                out += [(AT, j, loc) for j, loc in self.visited(h)]
            swept = tokens[h].lemma.lower() in words["swept"]
            for c in self.kids(h, *PLACE_RELS, "obj") + self.adverbial(h):
                case = self.tree.case(c) or self.stray_case(c)
                if tokens[c].rel == "obj":
                    if tokens[h].lemma in words["visit"] or swept:
                        out += [(AT, j, loc) for j, loc in self.places(c)]
                    continue
                across = case == "по" and any(
                    tokens[k].lemma.lower() in words["across"] for k in self.tree.kids(c, "det", "amod")
                )
                route = case == "по" and tokens[c].lemma.lower() in words["route"]
                if (swept or across) and case == "по":  # `по стране прокатилась волна протестов`
                    out += [(AT, j, loc) for j, loc in self.places(c)]  # `вышли по всей стране`
                elif route:  # `прошли маршем по центру Москвы`, `по улицам Киева`
                    out += [(AT, j, loc) for j, loc in self.places(c) or self.inner(c)]
                elif case in LOCATION_CASES and self.charges and self.charged_act(c):
                    continue  # `обвинила Украину в обстреле Донецка`: what it is accused of, not where
                elif case in LOCATION_CASES or case in words["near"]:
                    rank = DESTINATION if case in LOCATION_CASES and tokens[c].feat("Case") == "Acc" else AT
                    if rank == DESTINATION and tokens[h].lemma.lower() in words.get("send", ()):
                        continue  # `депортирован в Нидерланды`: where the deported goes, not where the act is
                    if rank == DESTINATION and self.sent_to(c):
                        continue  # `опротестовать экстрадицию в США`: the parser hangs the goal on the verb
                    found = self.places(c) or self.inner(c) or self.off(c)
                    if not any(loc.geonameid is not None for _, loc in found):
                        found = self.site_city(c) or found
                    out += [(rank, j, loc) for j, loc in found]
                elif case in words["origin"] and self.tree.head(c) != h and self.off_word(self.tree.head(c)):
                    out += [(AT, j, loc) for j, loc in self.places(c)]  # `неподалёку от Донецка`
                elif case and tokens[c].lemma.lower() in words["side"]:
                    out += [(AT, j, loc) for j, loc in self.off(c)]  # `к северу от Алеппо`
                elif case in words.get("toward", ()) and tokens[h].lemma.lower() in words.get("come", ()):
                    # `пришли к полицейскому участку в Тоттенхэме`: where they came to
                    out += [(DESTINATION, j, loc) for j, loc in self.inner(c)]
                elif case in words["during"] and tokens[c].lemma.lower() in words["occasion"]:
                    # `во время встречи … в Сочи они договорились`: the act is where its occasion is
                    inside = self.inner(c)
                    if not inside and tokens[c].lemma.lower() in words["journey"]:
                        inside = self.destination(c)  # `в ходе визита в Украину встретился`: in Украина
                    out += [(AT, j, loc) for j, loc in inside]
                elif case in words["origin"] and tokens[h].pos == "NOUN":
                    out += [(ORIGIN, j, loc) for j, loc in self.places(c)]
        return out

    def sent_to(self, c: int) -> bool:
        """The place phrase `c` follows a noun of sending right before its preposition (`экстрадицию
        в США`, `депортации в Европу`): it is where someone is sent, whatever the parser hangs it on."""
        k = min([c, *self.tree.kids(c, "case")]) - 1
        if k < self.tree.lo or self.tree.tokens[k].pos != "NOUN":
            return False
        return self.tree.tokens[k].lemma.lower() in _words().get("send", frozenset())

    def site_city(self, c: int) -> list[tuple[int, Location]]:
        """`в московском аэропорту Шереметьево` → Москва: a site or building called after its city by
        an adjective is in that city (EVENTS.md Location: a site → its city), unless a country's."""
        words = _words()
        lemma = self.tree.tokens[c].lemma.lower()
        if lemma not in words.get("site", frozenset()) and lemma not in words.get("building", frozenset()):
            return []
        for k in self.tree.kids(c, "amod"):
            if not _adjectival(self.tree.tokens[k]):
                continue
            own = _city_of_adjective(self.tree.tokens[k].lemma.lower())
            actor = self.table.get(k)
            if own is None or (actor is not None and actor.kind == "country"):
                continue  # `в российском посольстве`: a state's adjective names no city
            return [(k, own)]
        return []

    def stray_case(self, c: int) -> str:
        """The preposition right before a bare oblique that the parser hung on a later noun which has a
        preposition of its own (`у здания мэрии … против политики`: `у` hangs on `политики`), else ''."""
        tokens = self.tree.tokens
        j = c - 1
        if j < self.tree.lo or not tokens[c].rel.startswith("obl") or tokens[j].rel != "case":
            return ""
        owner = self.tree.head(j)
        if owner == c or owner < 0 or len(self.tree.kids(owner, "case")) < 2:
            return ""
        return tokens[j].lemma.lower()

    def off_word(self, j: int) -> bool:
        """`неподалёку`, `км`, `к северу`: a word whose `от` phrase is the place the act is near."""
        lemma = self.tree.tokens[j].lemma.lower()
        return lemma in _words().get("off", frozenset()) or lemma in _words()["side"]

    def off(self, c: int, depth: int = 0) -> list[tuple[int, Location]]:
        """The place an act is near, counted off from it (`в 20 км от Донецка`, `в 30 километрах к
        северу от Багдада`, `к северу от Алеппо`): the `от` phrase under a distance or side word."""
        if depth >= MAX_DEPTH or not self.off_word(c):
            return []
        for k in self.tree.kids(c, "nmod", "obl"):
            case = self.tree.case(k)
            if case in _words()["origin"]:
                found = self.places(k)
                if found:
                    return found
            elif case and self.tree.tokens[k].lemma.lower() in _words()["side"]:
                found = self.off(k, depth + 1)
                if found:
                    return found
        return []

    def charged_act(self, c: int) -> bool:
        """Noun `c` names an act (a trigger word) other than an occasion the statement is made at
        (`на встрече`, `на митинге`, `в заявлении`)."""
        lemma = self.tree.tokens[c].lemma.lower()
        if lemma in occasion_lemmas() or lemma in speech_lemmas():
            return False
        if self.tree.tokens[c].pos != "NOUN":
            return False
        h = self.tree.head(c)
        if h >= 0 and self.tree.tokens[h].lemma.lower() in _words().get("charge", frozenset()):
            return True  # `обвинила Украину в нарушении перемирия в Донбассе`: the charge slot
        return lemma in trigger_lexicon() or lemma.endswith(_act_suffixes())

    def destination(self, c: int) -> list[tuple[int, Location]]:
        """The place a journey noun goes to (`визит в Украину` → Украина)."""
        out = []
        for k in self.tree.kids(c, "nmod"):
            if self.tree.case(k) in LOCATION_CASES and self.tree.tokens[k].feat("Case") == "Acc":
                out += self.places(k)
        return out

    def adverbial(self, h: int) -> list[int]:
        """Place phrases the parser hung under an adverb of `h` (`Следом в Восточном Иерусалиме
        произошли …`): an adverb takes no place phrase, so they belong to `h`."""
        out = []
        for a in self.tree.kids(h, "advmod"):
            if self.tree.tokens[a].pos == "ADV":
                out += [c for c in self.tree.kids(a, "obl", "nmod") if self.tree.case(c)]
        return out

    def visited(self, h: int) -> list[tuple[int, Location]]:
        """`который в среду посетил Белград заявил`: the parser made the accusative place right after
        a visit verb another verb's subject; a subject is never accusative, so it is the object."""
        tokens = self.tree.tokens
        j = h + 1
        objects = [c for c in self.tree.kids(h, "obj") if tokens[c].pos != "PRON"]  # `который` is no place
        if objects or not self.tree.inside(j) or tokens[j].feat("Case") != "Acc":
            return []
        if tokens[j].rel.split(":")[0] != "nsubj":
            return []
        return self.places(j)

    def struck(self, heads: list[int]) -> list[tuple[int, int, Location]]:
        """The place an attack strikes is where it happens: a verb's object (`обстреляли Донецк`),
        an action noun's genitive (`обстрел Донецка`, `бомбардировка Алеппо`) or the place it is
        aimed at (`удар по Донецку`, data/event_places.tsv `aimed`)."""
        out: list[tuple[int, int, Location]] = []
        aimed = _words().get("aimed", frozenset())
        for h in dict.fromkeys(heads):
            rels = ("obj",) if self.tree.tokens[h].pos in ("VERB", "AUX") else ("nmod",)
            for c in self.tree.kids(h, *rels):
                if not self.tree.case(c):
                    out += [(AT, j, loc) for j, loc in self.places(c)]
            for c in self.tree.kids(h, "obl", "nmod"):
                if self.tree.case(c) in aimed:  # `нанесла удар по сектору Газа`, `удары по Донецку`
                    out += [(AT, j, loc) for j, loc in self.places(c) or self.inner(c)]
        return out

    def where(self, trigger: int) -> list[tuple[int, int, Location]]:
        """`остановку в Кабуле, где в беседе …`: a clause opened by `где` happens at the place named
        right before it; the trigger must sit in that clause (no verb between `где` and it)."""
        tokens = self.tree.tokens
        for g in range(trigger - 1, self.tree.lo + 1, -1):
            if tokens[g].pos in ("VERB", "AUX") and g != trigger:
                return []
            if tokens[g].lemma.lower() in _words()["where"] and tokens[g - 1].text == ",":
                return [(AT, j, loc) for j, loc in self.places(g - 2)]
        return []

    def companions(self, heads: list[int]) -> list[tuple[int, int, Location]]:
        """`встретился с госсекретарем США в Женеве`: the parser hangs the place on the partner the act
        is done with (data/event_places.tsv `with`); the partner is where the act is."""
        tokens = self.tree.tokens
        out: list[tuple[int, int, Location]] = []
        for h in dict.fromkeys(heads):
            for c in self.tree.kids(h, "obl"):
                if self.tree.case(c) not in _words().get("with", frozenset()):
                    continue
                for k in [c, *self.tree.kids(c, "nmod")]:
                    for m in self.tree.kids(k, "nmod"):
                        if self.tree.case(m) in LOCATION_CASES and tokens[m].feat("Case") == "Loc":
                            out += [(AT, j, loc) for j, loc in self.places(m) or self.inner(m)]
        return out

    def participants(self, heads: list[int]) -> list[tuple[int, int, Location]]:
        """`разогнали лагеря в Каире`, `арестованных участников беспорядков в Лондоне`; residents of a
        place (`жители Хабаровска вышли на улицы`) act where they live."""
        out: list[tuple[int, int, Location]] = []
        for h in heads:
            todo = [(c, 0) for c in self.kids(h, "obj", "nsubj", "nmod", "iobj")]
            while todo:
                c, depth = todo.pop(0)
                # `захватили здания парламента и администрации президента в Кишиневе`: conjuncts too
                todo += [(k, depth) for k in self.tree.kids(c, "conj")]
                for k in self.tree.kids(c, "nmod", "acl"):
                    case = self.tree.case(k)
                    near = case in _words()["near"]
                    if near or case in LOCATION_CASES and self.tree.tokens[k].feat("Case") != "Acc":
                        # `задержала демонстрантов в штате Нью-Йорк`: the place may sit inside the phrase
                        out += [(AT, j, loc) for j, loc in self.places(k) or self.inner(k)]
                    elif not case and self.tree.tokens[c].lemma.lower() in _words().get("resident", ()):
                        out += [(AT, j, loc) for j, loc in self.places(k)]  # `жители Хабаровска вышли`
                    elif depth + 1 < MAX_DEPTH and self.tree.tokens[k].rel == "nmod":
                        todo.append((k, depth + 1))
        return out

    def local_body(self, heads: list[int]) -> list[tuple[int, int, Location]]:
        """`Хорошевский суд Москвы признал …`, `Лондонская полиция сообщает об аресте …`."""
        local = _words()["local"]
        out: list[tuple[int, int, Location]] = []
        for h in heads:
            subjects = self.kids(h, "nsubj", "obl")
            if self.tree.tokens[h].rel == "conj" and not self.kids(h, "nsubj"):
                # `суд Москвы признал … и арестовал`: a conjunct verb shares its head's subject
                subjects += self.kids(self.tree.head(h), "nsubj")
            for c in subjects:
                c = self._noun_after(c)
                body = _body_city(self.tree.tokens[c].lemma.lower())
                city = _city(body) if body and not self.tree.case(c) else None  # not `жалобу в ЕСПЧ`
                if city is not None:  # `Мосгорсуд приговорил …`: a city's body by its compound name
                    out.append((AT, c, city))
                    continue
                if self.tree.tokens[c].lemma.lower() not in local:
                    continue
                for k in self._named_after(c) + self._adjectives_before(c):
                    body = _body_city(self.tree.tokens[k].lemma.lower())
                    city = _city(body) if body else None
                    if city is not None:  # `судьи ЕСПЧ`: the members of a city's body act there
                        out.append((AT, k, city))
                        continue
                    actor = self.table.get(k)
                    own = _city_of_adjective(self.tree.tokens[k].lemma.lower())
                    if own is not None and actor is not None and actor.kind == "country":
                        if own.country != (actor.country or actor.value):
                            continue  # `Американские власти`: the state's body, not a namesake city's
                    if _adjectival(self.tree.tokens[k]) and own is not None:
                        out.append((AT, k, own))  # `Лондонская полиция`, `Московский горсуд`
                        continue
                    if actor is not None and actor.kind == "city":
                        out.append(
                            (AT, k, Location(actor.name or actor.value, actor.geonameid, actor.country))
                        )
                    elif actor is not None and self.tree.case(k) in LOCATION_CASES:
                        # `Суд в Кувейте приговорил …`: a body said to sit in a state acts there
                        location = self.place(k)
                        if location is not None:
                            out.append((AT, k, location))
        # `Хорошевский суд Москвы`: the adjective and the genitive name one city, found once
        unique: list[tuple[int, int, Location]] = []
        for found in out:
            if all(found[2] != other[2] for other in unique):
                unique.append(found)
        return unique

    def _noun_after(self, c: int) -> int:
        """`Гаагский Международный трибунал приговорил`: when the parser takes the first adjective
        of a noun phrase for the subject, the subject is the noun the adjectives run up to."""
        tokens = self.tree.tokens
        if tokens[c].pos != "ADJ":
            return c
        k = c + 1
        while k < self.tree.hi and tokens[k].pos == "ADJ":
            k += 1
        return k if k < self.tree.hi and tokens[k].pos == "NOUN" else c

    def _adjectives_before(self, c: int) -> list[int]:
        """The adjectives right before a body's noun and the bare genitive name right after it,
        whatever the parser hung them on (`Гаагский Международный трибунал` read with `Гаагский` as
        a subject of its own, `суд Москвы` with `Москвы` hung on a later noun)."""
        tokens = self.tree.tokens
        out: list[int] = []
        k = c - 1
        while k >= self.tree.lo and _adjectival(tokens[k]):
            out.append(k)  # whatever relation the parser gives it (`acl`, a subject of its own)
            k -= 1
        k = c + 1
        if k < self.tree.hi and tokens[k].pos == "PROPN" and tokens[k].feat("Case") == "Gen":
            if self.tree.head(k) != c and not self.tree.case(k):
                out.append(k)
        return out

    def _named_after(self, c: int) -> list[int]:
        """Modifiers of a local body that may name its city: its own adjective and genitive, and the
        genitive or `в` phrase of a district or part inside it (`суд Партизанского района города
        Минска`, `суд в Фениксе`), no deeper than MAX_DEPTH."""
        out: list[int] = []
        todo = [(c, 0)]
        while todo:
            h, depth = todo.pop(0)
            for k in self.tree.kids(h, "nmod", "amod", *(("appos", "flat") if depth else ())):
                case = self.tree.case(k)
                if case and case not in LOCATION_CASES:
                    continue
                out.append(k)
                if depth + 1 < MAX_DEPTH and self.tree.tokens[k].pos == "NOUN":
                    todo.append((k, depth + 1))
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


def speech_host(tree: Tree, pred: int) -> int:
    """The verb of saying whose words the clause of `pred` is (`заявил сегодня, что требует …`;
    `выступил с заявлением: «Мы осуждаем …»`, a quote the parser makes a second root after a colon;
    `«Мы осуждаем …», — заявил министр`), else -1. Saying is a speech verb (data/event_places.tsv `speech`) or a verb with a speech noun
    (`выступил с заявлением`)."""
    tokens = tree.tokens
    h = tree.head(pred)
    if h >= 0 and tokens[pred].rel.split(":")[0] in ("ccomp", "parataxis"):
        if tokens[h].pos in ("NOUN", "PROPN") and tokens[h].rel.split(":")[0] in ("obl", "nmod"):
            h = tree.head(h)  # `сказал в Париже: «…»`: the parser may hang the quote on a phrase of the verb
        return h if h >= 0 and _says(tree, h) else -1
    for c in tree.kids(pred, "parataxis", "advcl"):
        # `«Мы осуждаем …», — заявил сегодня министр`, `Как заявил сегодня министр, Россия требует …`:
        # the saying hung on the words said
        opened = tokens[c].rel.startswith("parataxis") or any(
            tokens[m].lemma.lower() in _words().get("as_said", frozenset()) for m in tree.kids(c, "mark")
        )
        if opened and tokens[c].lemma.lower() in _words().get("speech", frozenset()):
            return c
    if h >= 0 or pred <= tree.lo:
        return -1
    colon = next((k for k in range(pred - 1, tree.lo - 1, -1) if tokens[k].text in (":", "—", "–")), -1)
    if colon < 0 or any(tokens[k].pos in ("VERB", "AUX") and tree.head(k) < 0 for k in range(colon, pred)):
        return -1
    root = next((k for k in range(colon - 1, tree.lo - 1, -1) if tree.head(k) < 0), -1)
    return root if root >= 0 and _says(tree, root) else -1


def setting_converbs(tree: Tree, pred: int) -> list[int]:
    """Converbs of the clause that set its scene (`Выступая в понедельник на митинге в Тбилиси, лидер
    оппозиции потребовала …`, `Находясь в Москве, министр заявил …`): speaking, being at or coming to
    an occasion (data/event_places.tsv `speech`, `occasion`, `at_scene`); their time and place are the
    clause's."""
    words = _words()
    scene = words.get("speech", frozenset()) | words["occasion"] | words.get("at_scene", frozenset())
    return [
        c
        for c in tree.kids(pred, "advcl")
        if tree.tokens[c].feat("VerbForm") == "Conv" and tree.tokens[c].lemma.lower() in scene
    ]


def _says(tree: Tree, v: int) -> bool:
    speech = _words().get("speech", frozenset())
    if tree.tokens[v].pos not in ("VERB", "AUX"):
        return False
    if tree.tokens[v].lemma.lower() in speech:
        return True
    return any(tree.tokens[c].lemma.lower() in speech for c in tree.kids(v, "obl", "obj"))


def converb_verb(tree: Tree, j: int) -> int:
    """The verb a converb's act shares its place and time with (`Протесты в Софии вчера приняли
    насильственный характер, вылившись в столкновения`), through the object noun the parser may
    hang it on; -1 when `j` is no converb. The parser tags some converbs participles: their ending
    (data/event_places.tsv `converb`) tells."""
    token = tree.tokens[j]
    conv = token.feat("VerbForm") == "Conv" or token.text.lower().endswith(tuple(_words()["converb"]))
    if token.pos != "VERB" or not conv:
        return -1
    h = tree.head(j)
    if h >= 0 and tree.tokens[h].pos in ("NOUN", "PROPN") and tree.tokens[h].rel in ("obj", "obl"):
        h = tree.head(h)
    return h if h >= 0 and tree.tokens[h].pos in ("VERB", "AUX") else -1


def _governing_verb(tree: Tree, j: int) -> int:
    """The verb a noun phrase is an argument of (`тысячи демонстрантов собрались` → `собрались`)."""
    for _ in range(3):
        h = tree.head(j)
        if h < 0:
            return -1
        if tree.tokens[h].pos in ("VERB", "AUX"):
            if tree.tokens[j].rel.split(":")[0] in ("nsubj", "nmod", "obj"):
                return h
            # `В Софии в ходе демонстраций … были ранены`: the clause happens during the act, there
            return h if tree.case(j) in _words()["during"] else -1
        j = h
    return -1


@dataclass(frozen=True)
class Occasion:
    """A meeting, visit or session the text names with its place (rule 5 and 6 of the module)."""

    sentence: int
    token: int
    lemma: str
    location: Location
    staged: bool  # happened or is happening: its actors are there (not planned, refused or negated)
    ordinal: str = ""  # `первое заседание` and `второе заседание` are two occasions


_CACHE: WeakKeyDictionary[ActorIndex, list[Occasion]] = WeakKeyDictionary()


def occasions(index: ActorIndex) -> list[Occasion]:
    """Every occasion of the article with a place of its own, in text order (cached per index)."""
    if index in _CACHE:
        return _CACHE[index]
    words = _words()
    out: list[Occasion] = []
    for si, sentence in enumerate(index.article.sentences):
        for lo, hi in segments(sentence):
            tree = Tree(sentence.tokens, lo, hi)
            finder = _Finder(tree, index, si)
            for j in range(lo, hi):
                token = tree.tokens[j]
                if token.lemma.lower() not in words["occasion"]:
                    continue
                found = finder.clause([j])
                if not found and token.pos == "NOUN":  # `конференции сторон … в мексиканском Канкуне`
                    found = [(AT, k, location) for k, location in finder.inner(j)]
                if not found and token.pos == "NOUN" and token.rel.split(":")[0] in ("obl", "obj", "nsubj"):
                    h = tree.head(j)  # `прилетел в Вашингтон на саммит`, `саммит прошел в Лиссабоне`
                    found = finder.clause([h]) if h >= 0 else []
                if found:
                    _, location = _best(found)[0]
                    staged = _is_staged(tree, j)
                    out.append(Occasion(si, j, token.lemma.lower(), location, staged, _ordinal(tree, j)))
    _CACHE[index] = out
    return out


_ACTS: WeakKeyDictionary[ActorIndex, list[tuple[str, Location]]] = WeakKeyDictionary()


def act_places(index: ActorIndex) -> list[tuple[str, Location]]:
    """(event type, city) of every act noun the text names as a time something happened during,
    with a gazetteer city in its clause (`Во время задержания пара была в аэропорту Барселоны` →
    (COERCE, Барселона)); cached per index."""
    if index in _ACTS:
        return _ACTS[index]
    during = _words()["during"]
    table = trigger_lexicon()
    out: list[tuple[str, Location]] = []
    for si, sentence in enumerate(index.article.sentences):
        for lo, hi in segments(sentence):
            tree = Tree(sentence.tokens, lo, hi)
            finder: _Finder | None = None
            for j in range(lo, hi):
                token = tree.tokens[j]
                entries = table.get(token.lemma.lower(), ())
                if token.pos != "NOUN" or not entries or tree.case(j) not in during:
                    continue
                kinds = {str(e.type) for e in entries if e.mode != "block" and not e.requires}
                h = tree.head(j)
                if len(kinds) != 1 or h < 0 or not kinds <= _words()["one_site"]:
                    continue
                finder = finder or _Finder(tree, index, si)
                found = finder.clause([j]) or finder.clause([h])
                cities = [loc for _, loc in _best(found)] if found else []
                if not found and tree.tokens[h].pos == "NOUN" and tree.case(h) in LOCATION_CASES:
                    # `во время задержания пара была в аэропорту Барселоны`: a copula's place phrase
                    cities = [loc for _, loc in finder.inner(h)]
                if len(cities) == 1 and cities[0].geonameid is not None:
                    out.append((kinds.pop(), cities[0]))
    _ACTS[index] = out
    return out


def one_site(kind: str) -> bool:
    """Acts of this type (arrests, attacks) happen at one place at one time: two mentions of the same
    parties' act are one occasion; not protests, which sweep a country from many of its cities."""
    return str(kind).upper() in _words()["one_site"]


def is_statement(kind: str) -> bool:
    """Statements (ACCUSE, REQUEST …): made where and when they are said."""
    return str(kind).upper() in _words()["statement"]


def is_physical(kind: str) -> bool:
    """Physical acts (arrests, attacks, protests): where their participants are."""
    return str(kind).upper() in _words()["physical"]


def rally_lemmas() -> frozenset[str]:
    """Words of a protest gathering (`акция`, `митинг`): arrests told right after one are at it."""
    return _words().get("rally", frozenset())


def speech_lemmas() -> frozenset[str]:
    """Verbs of saying and nouns of a statement made (`заявление`, `интервью`)."""
    return _words().get("speech", frozenset())


@lru_cache(maxsize=1)
def occasion_lemmas() -> frozenset[str]:
    """Words of an occasion other acts are part of: meetings, visits, sessions, rallies."""
    return _words()["occasion"] | _words().get("rally", frozenset())


def _act_refined(
    found: list[tuple[int, Location]], kind: str, index: ActorIndex
) -> list[tuple[int, Location]]:
    """Rule 7: a country- or region-level place refined to the one city the text gives an act of
    the same type elsewhere (`во время задержания … в аэропорту Барселоны`)."""
    if len(found) != 1 or found[0][1].geonameid is not None:
        return found
    place = found[0][1]
    cities = {loc for t, loc in act_places(index) if t == kind and loc.country == place.country}
    return [(found[0][0], cities.pop())] if len(cities) == 1 else found


def _ordinal(tree: Tree, j: int) -> str:
    """`второе` of `второе заседание`, '' when the occasion carries no ordinal."""
    for c in tree.kids(j, "amod"):
        if tree.tokens[c].feat("NumType") == "Ord" or tree.tokens[c].lemma.lower() in _words()["ordinal"]:
            return tree.tokens[c].lemma.lower()
    return ""


def _is_staged(tree: Tree, j: int) -> bool:
    """The occasion took place or is taking place: its verb is not negated, future or planned."""
    tokens = tree.tokens
    if any(tokens[c].lemma.lower() in _words()["planned"] for c in tree.kids(j, "amod", "acl")):
        return False
    k, h = j, tree.head(j)
    for _ in range(2):  # `подготовку к новому раунду переговоров`: through the nouns above it
        if h < 0:
            break
        if tokens[h].lemma.lower() in _words()["planned"]:
            return False  # `подготовка к визиту в Москву`: the visit is still to come
        if tokens[h].pos != "NOUN" or tokens[k].rel.split(":")[0] != "nmod":
            break
        k, h = h, tree.head(h)
    v = j
    for _ in range(3):
        if tokens[v].pos in ("VERB", "AUX"):
            break
        v = tree.head(v)
        if v < 0:
            return True
    if tokens[v].feat("Tense") == "Fut" or tokens[v].feat("VerbForm") == "Inf":
        return False
    return not any(
        tokens[c].feat("Polarity") == "Neg"
        or tokens[c].lemma.lower() == "быть"
        and tokens[c].feat("Tense") == "Fut"
        for c in tree.kids(v)
    )


def _occasion_words(tree: Tree, heads: list[int]) -> list[int]:
    """The occasion nouns of the clause: the trigger itself (`саммит`) or an occasion it happens at
    (`на саммите`, `во время форума`, `во второй день саммита`), not one it is about."""
    words = _words()
    out = []
    for h in dict.fromkeys(heads):
        todo = [h, *tree.kids(h, "obl", "nmod")]
        for c in list(todo[1:]):
            todo += tree.kids(c, "nmod")
        for c in todo:
            if tree.tokens[c].lemma.lower() not in words["occasion"]:
                continue
            if c == h or tree.tokens[c].rel == "nmod" or tree.case(c) in words["during"] | LOCATION_CASES:
                out.append(c)
    return out


def _named_occasion(named: list[int], index: ActorIndex, si: int) -> Location | None:
    """The place of an occasion the clause names without one: the nearest earlier mention of that
    occasion with a place (else the first later one), refined to a city the text names for it."""
    if not named:
        return None
    sentence = index.article.sentences[si]
    tree = Tree(sentence.tokens)
    wanted = {(sentence.tokens[j].lemma.lower(), _ordinal(tree, j)) for j in named}
    mentions = [o for o in occasions(index) if (o.lemma, o.ordinal) in wanted and o.sentence != si]
    # a later mention is this occasion only when it took place (`Следующая встреча пройдет в Анкаре`
    # is another one)
    mentions = [o for o in mentions if o.sentence < si or o.staged]
    before = [o for o in mentions if o.sentence < si]
    pick = before[-1] if before else (mentions[0] if mentions else None)
    return _precise(pick.location, mentions) if pick else None


def _refined(
    found: list[tuple[int, Location]], lemmas: set[str], index: ActorIndex, si: int = -1
) -> list[tuple[int, Location]]:
    """A country-level place of an occasion the text places in a city of that country elsewhere.
    A journey is one occasion however it is worded: `прибыл в Пакистан` … next sentence `посещающим
    Исламабад` → Исламабад (a visit that took place, told in the same or the next sentence)."""
    if not lemmas or len(found) != 1 or found[0][1].geonameid is not None:
        return found
    mentions = [o for o in occasions(index) if o.lemma in lemmas]
    journey = _words()["journey"]
    if lemmas & journey:
        mentions += [
            o for o in occasions(index) if o.lemma in journey and o.staged and si <= o.sentence <= si + 1
        ]
        # `в ходе визита в Украину …` then `В Киеве во время пресс-конференции …`: the meetings of a
        # visit told next are in the city the visit's country is visited in
        mentions += [o for o in occasions(index) if o.staged and si <= o.sentence <= si + JOURNEY_REACH]
    return [(found[0][0], _precise(found[0][1], mentions))]


def _precise(location: Location, mentions: list[Occasion]) -> Location:
    if location.geonameid is not None:
        return location
    for o in mentions:
        if o.location.geonameid is not None and o.location.country == location.country:
            return o.location
    return location


def _staged(index: ActorIndex, si: int, trigger: int, other: set[str] | None = None) -> Location | None:
    """Rule 6: the occasion the actors are at, when this sentence states no time of its own; not one
    of the words in `other`, occasions the clause names that are another than this (`На втором
    заседании` after `Первое заседание … в Брюсселе`)."""
    sentence = index.article.sentences[si]
    if find_time_expressions(sentence.text) or _on_call(index, si):
        return None
    here = [
        o
        for o in occasions(index)
        if o.staged
        and (o.sentence == si - 1 or (o.sentence == si and o.token < trigger))
        and o.lemma not in (other or set())
    ]
    if not here and si == 0:  # a headline sums up the lead: it happened where the lead sets it
        here = [o for o in occasions(index) if o.staged and o.sentence == 1]
    return here[-1].location if here else None


def _on_call(index: ActorIndex, si: int) -> bool:
    """Sentence `si` or the one before it reports a phone or video call: what is said there is
    said on the call, at no place of the text."""
    remote = _words()["remote"]
    sentences = index.article.sentences[max(0, si - 1) : si + 1]
    return any(t.lemma.lower() in remote for s in sentences for t in s.tokens)


_SEATS: WeakKeyDictionary[ActorIndex, Location | None] = WeakKeyDictionary()


def court_seat(index: ActorIndex) -> Location | None:
    """The one city every court the text names sits in (`Замоскворецкий суд Москвы`, `доставлен в
    федеральный суд города Нью-Йорка`, `Мосгорсуд`), else None: two courts of two cities (a city
    court and the ЕСПЧ), or a court named after a state, leave each act of the case unplaced.
    Cached per index."""
    if index in _SEATS:
        return _SEATS[index]
    courts = _words().get("court", frozenset())
    cities: dict[int, Location] = {}
    states = 0
    for si, sentence in enumerate(index.article.sentences):
        for lo, hi in segments(sentence):
            tree = Tree(sentence.tokens, lo, hi)
            finder: _Finder | None = None
            for j in range(lo, hi):
                lemma = tree.tokens[j].lemma.lower()
                body = _body_city(lemma)
                if body is not None:
                    city = _city(body)
                    if city is not None and city.geonameid is not None:
                        cities[city.geonameid] = city
                    continue
                if lemma not in courts:
                    continue
                finder = finder or _Finder(tree, index, si)
                for k in finder._named_after(j) + finder._adjectives_before(j):
                    if not _own_name(tree, j, k):
                        continue  # `суд Южного округа Нью-Йорка`: a district's court, not the city's
                    actor = finder.table.get(k)
                    if actor is not None and actor.kind == "country" and not _adjectival(tree.tokens[k]):
                        states += 1  # `Специальный суд Пакистана`: a state's court, at no city of the text
                        continue
                    city = _court_city(finder, k)
                    if city is not None and city.geonameid is not None:
                        cities[city.geonameid] = city
    if states:
        cities.clear()
    _SEATS[index] = next(iter(cities.values())) if len(cities) == 1 else None
    return _SEATS[index]


def _own_name(tree: Tree, court: int, k: int) -> bool:
    """Word `k` names the court itself: hung on it directly, or through `город` (`суд города
    Нью-Йорка`); the adjectives right before it count whatever the parser hung them on."""
    if k < court:
        return True
    h = tree.head(k)
    while h >= 0 and h != court and tree.tokens[h].lemma.lower() in _words().get("listed", frozenset()):
        h = tree.head(h)
    return h == court


def _court_city(finder: _Finder, k: int) -> Location | None:
    """The city word `k` names for the court it qualifies: its adjective (`Хамовнический`,
    `бостонский`) or a city's name (`суд Бостона`, `суд в Фениксе`)."""
    token = finder.tree.tokens[k]
    if _adjectival(token):
        return _city_of_adjective(token.lemma.lower())
    actor = finder.table.get(k)
    if actor is not None and actor.kind == "city":
        return to_location(actor, finder.home)
    return None


def trial_words() -> frozenset[str]:
    """Words that set a sentence in the courtroom of the case (`прокурор`, `адвокат`, `приговор`)."""
    return _words().get("trial", frozenset())


def court_act(kind: str) -> bool:
    """Types an act of a court case may be of (charges, verdicts, pleas, motions, releases)."""
    return str(kind).upper() in _words().get("court_act", frozenset())
