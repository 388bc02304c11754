"""Entities: normalize each mention, merge the mentions of one thing in a document, link to codes.

`link_entities(article)` fills `Article.mentions` and `Article.entities`. Sources of mentions:
the gazetteer scan (countries, their adjectives and demonyms, IGOs and their bodies, named
groups, state agencies, regions, GeoNames cities: it also catches what natasha's NER misses and
retypes what it mistypes, `ЕС` → ORG), natasha's PER/LOC/ORG spans, and Latin acronyms that name
programmes (`BOMCA`, `MIEUX`). Entity keys: the code for linked entities (`KAZ`, `EU`),
`geonames:<id>` for cities, else `TYPE:Name` (`PER:Хельга Шмид`, `ORG:Талибан`).

Helpers for the event extractor (see each docstring):
- `governing_entity(article, sentence, token)`: the state or IGO an official or body acts for,
  following the syntax tree (`заместитель генсека Внешнеполитической службы ЕС Хельга Шмид` → EU,
  `министр обороны России Анатолий Сердюков` → RUS, `Правительство Японии` → JPN, `Мосгорсуд` → RUS).
- `entity_at(article, start, stop)`: the entity of the mention at these character offsets.
- `expand_region(article, name)`: a region named as a group of states → the states the text names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from .datafiles import data_rows
from .gazetteer import City, Entry, Gazetteer, get_gazetteer
from .normalize import (
    VOWELS_AND_SIGNS,
    adjective_of_noun,
    case_readings,
    compound_of_common_nouns,
    female_first_name,
    feminine_surname,
    fold,
    guess_nominative,
    known_adjective,
    known_name,
    looks_like_place,
    name_forms,
    name_word_normal,
    nominative_phrase,
    normal_form,
    person_noun_only,
    restore_case,
    surname_nominative,
    written_consonant_surname,
)
from .record import Article, Entity, Mention, Sentence, Span, Token

__all__ = [
    "link_entities",
    "governing_entity",
    "entity_at",
    "expand_region",
    "country_entity",
    "office_holders",
    "in_office",
    "story_year",
]

REQUIRES = ("spans", "sentences")
ASSIGNS = ("mentions", "entities")

LINKED_KINDS = {"country", "igo"}
# Dependency relations that lead from a role noun to whom it belongs: `министр обороны России`,
# `российского министра`, `заместитель генсека службы ЕС`.
OWNER_RELS = {"nmod", "amod", "appos", "flat", "flat:name", "flat:foreign", "compound", "det"}
NAME_RELS = {"flat", "flat:name", "flat:foreign", "appos"}
BIG_CITY = 900_000  # a city this populous is a place when NER tags its dictionary-word name LOC
CONTEXT_BOOST = 10  # a city of a country the text names wins over one up to 10x its size elsewhere (`Кордова`
# in a story of Spain is Spain's, not the larger Argentinian one; `Париж` in one of the USA stays Paris)
PARENTHESES = re.compile(r"\s*\([^)]*\)")
MAX_DEPTH = 4  # nmod chains longer than this leave the phrase


def link_entities(article: Article) -> Article:
    """Fill `mentions` and `entities`: one Entity per distinct thing, each mention linked to its key."""
    linker = _Linker(article, get_gazetteer())
    return replace(article, mentions=tuple(linker.mentions), entities=tuple(linker.entities.values()))


def country_entity(code: str) -> Entity:
    """The Entity of a state by its ISO3 code, named as the gazetteer names it."""
    return Entity(
        key=code, name=get_gazetteer().country_name(code), type="LOC", kind="country", code=code, country=code
    )


def city_entity(city: City) -> Entity:
    return Entity(
        key=f"geonames:{city.geonameid}",
        name=city.name,
        type="LOC",
        kind="city",
        geonameid=city.geonameid,
        country=city.country,
        latitude=city.latitude,
        longitude=city.longitude,
    )


def entity_at(article: Article, start: int, stop: int) -> Entity | None:
    """The entity of the longest mention inside [start, stop) of the text, if any."""
    inside = [m for m in article.mentions if m.start >= start and m.stop <= stop]
    if not inside:
        return None
    best = max(inside, key=lambda m: m.stop - m.start)
    return article.entity(best.entity)


def governing_entity(article: Article, sentence: int, token: int) -> Entity | None:
    """The state or IGO (Entity of kind country or igo) that a token's phrase acts for, else None.

    From a name (`Хельга Шмид`) it climbs through flat/appos links to the role noun it names
    (`заместитель`), then walks down nmod/amod chains (`генсека` → `службы ЕС`) to the nearest
    linked country or IGO. A city or province found on the way stands for its state (`суд Москвы` → RUS). A
    token that is itself a country, IGO or state agency mention gives its own entity. Only role and
    agency words (data/roles.tsv) open the walk, so `журналиста из России` gives None.
    """
    gaz = get_gazetteer()
    tokens = article.sentences[sentence].tokens
    linked = _linked_tokens(article, article.sentences[sentence])
    if token in linked and (own := _as_actor(linked[token])) is not None:
        return own
    at = token
    for _ in range(MAX_DEPTH):
        if tokens[at].rel in NAME_RELS and tokens[at].head >= 0 and not gaz.is_role(tokens[at].lemma):
            at = tokens[at].head
        else:
            break
    if not gaz.is_role(tokens[at].lemma):
        return None
    children: dict[int, list[int]] = {}
    for i, dependent in enumerate(tokens):
        children.setdefault(dependent.head, []).append(i)
    queue, seen = [(at, 0)], {at}
    while queue:
        node, depth = queue.pop(0)
        if node in linked and (actor := _as_actor(linked[node])) is not None:
            return actor
        if depth < MAX_DEPTH:
            for child in children.get(node, ()):
                if child not in seen and tokens[child].rel in OWNER_RELS:
                    seen.add(child)
                    queue.append((child, depth + 1))
    return None


def expand_region(article: Article, name: str) -> list[str]:
    """A region named as a group of states → its states that the text names anywhere, else [name]."""
    members = get_gazetteer().region_members(name)
    named = {e.code for e in article.entities if e.kind == "country"}
    found = [code for code in members if code in named]
    return found or [name]


def _as_actor(entity: Entity) -> Entity | None:
    if entity.kind in LINKED_KINDS:
        return entity
    if entity.kind in ("city", "region") and entity.country:  # `мэр Москвы`, `губернатор Техаса`
        return country_entity(entity.country)
    return None


def _linked_tokens(article: Article, sentence: Sentence) -> dict[int, Entity]:
    """Token index → entity of the mention covering it (the longest mention wins)."""
    out: dict[int, Entity] = {}
    spans = sorted(
        (m for m in article.mentions if sentence.start <= m.start < sentence.stop),
        key=lambda m: m.stop - m.start,
    )
    for mention in spans:
        entity = article.entity(mention.entity)
        if entity is None:
            continue
        for i, token in enumerate(sentence.tokens):
            if token.start >= mention.start and token.stop <= mention.stop:
                out[i] = entity
    return out


LATIN_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{2,}$")
OPEN_QUOTES, CLOSE_QUOTES = {'"', "«", "„", "“"}, {'"', "»", "“", "”"}
QUOTED_TAIL = 4  # words a quoted name may run past the end of its NER span
PROGRAMME_WINDOW = 6  # tokens before an acronym searched for a programme word (`программ BOMCA и CADAP`)


@dataclass(frozen=True)
class _Programme:
    name: str
    expansion: str | None
    sentence: int
    begin: int
    start: int
    stop: int


def _find_programmes(article: Article, words: set[str], known: Callable[[str], bool]) -> list[_Programme]:
    """Latin acronyms that name programmes: after a programme word, or with a quoted expansion.

    `программе ЕС "Экспертиза миграции" (MIEUX)` → MIEUX, expansion `Экспертиза миграции`.
    Acronyms the gazetteer knows (NATO, OPEC) are organizations, not programmes.
    """
    found = []
    for si, sent in enumerate(article.sentences):
        tokens = sent.tokens
        for i, token in enumerate(tokens):
            if not LATIN_ACRONYM.match(token.text) or known(token.text):
                continue
            expansion = _quoted_before(article.text, tokens, i)
            context = any(fold(tokens[j].lemma) in words for j in range(max(0, i - PROGRAMME_WINDOW), i))
            if context or expansion:
                found.append(_Programme(token.text, expansion, si, i, token.start, token.stop))
    return found


def _quoted_before(text: str, tokens: tuple[Token, ...], i: int) -> str | None:
    """The quoted phrase right before `(ACRONYM)`, if the text gives one."""
    if not (2 <= i and tokens[i - 1].text == "(" and tokens[i - 2].text in CLOSE_QUOTES):
        return None
    close = i - 2
    for j in range(close - 1, max(-1, close - 12), -1):
        if tokens[j].text in OPEN_QUOTES:
            return text[tokens[j].stop : tokens[close].start].strip() or None
    return None


class _Match:
    """A gazetteer hit: tokens [begin, end) of sentence `sentence` name `entry`."""

    def __init__(self, sentence: int, begin: int, end: int, entry: Entry) -> None:
        self.sentence, self.begin, self.end, self.entry = sentence, begin, end, entry


class _Linker:
    """One document's linking run: scan, resolve, merge."""

    def __init__(self, article: Article, gaz: Gazetteer) -> None:
        self.article, self.gaz = article, gaz
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        trimmed_spans = [trimmed for span in article.spans if (trimmed := self._trim(span)) is not None]
        self.spans = [
            (piece, self._locate(piece))
            for span in trimmed_spans
            for piece in _split_joined(span, trimmed_spans)
        ]
        matches = [m for i, sent in enumerate(article.sentences) for m in self._scan(i, sent)]
        countries = Counter(m.entry.code for m in matches if m.entry.kind == "country")
        programmes = _find_programmes(article, gaz.roles.get("programme", set()), self._known_acronym)
        covered: list[tuple[int, int, str]] = []
        for programme in programmes:
            self._add_programme(programme)
            covered.append((programme.start, programme.stop, f"PROGRAMME:{programme.name}"))
        for match in matches:
            entity = self._resolve(match, countries)
            mention = self._add_match(match, entity)
            covered.append((mention.start, mention.stop, entity.key))
        for span, where in self.spans:
            if where is not None:
                self._add_span(span, where, covered)
        self._merge_long_forms()
        self._merge_people()
        self._bare_surnames()
        self._holder_names()
        self._lone_surnames()
        self._bodies_of_states()
        self._short_igo_names()
        self._add_dateline(countries)
        self.mentions.sort(key=lambda m: (m.start, -m.stop))

    # -- scanning -------------------------------------------------------------------------------

    def _locate(self, span: Span) -> tuple[int, int, int] | None:
        """(sentence, first token, end token) of a span."""
        for si, sent in enumerate(self.article.sentences):
            if sent.start <= span.start < sent.stop:
                inside = [
                    i for i, t in enumerate(sent.tokens) if t.start >= span.start and t.stop <= span.stop
                ]
                return (si, inside[0], inside[-1] + 1) if inside else None
        return None

    def _trim(self, span: Span) -> Span | None:
        """A NER span cut to its name: `69-летний Младич` → `Младич`, `лидера Аль-Кайды Усамы бин Ладена`
        → `Усамы бин Ладена`; None for a span of common nouns (`Смертник-талиб`), which names no one."""
        where = self._locate(span)
        if where is None or span.type not in ("PER", "ORG"):
            return span
        si, begin, end = where
        tokens = self.article.sentences[si].tokens
        if span.type == "PER":
            cut = begin
            while cut < end - 1 and (_descriptive(tokens[cut]) or self._names_group(tokens[cut])):
                cut += 1
            if cut > begin:
                start = tokens[cut].start
                normal = span.normal.split(maxsplit=cut - begin)[-1] if span.normal else ""
                if len(normal.split()) != end - cut:
                    normal = ""
                return replace(span, start=start, text=self.article.text[start : span.stop], normal=normal)
        if all(t.text[:1].islower() or compound_of_common_nouns(t.text) for t in tokens[begin:end]):
            return None
        if span.type == "ORG" and begin > 0 and tokens[begin - 1].text in OPEN_QUOTES:
            # `«Группу 24»`, `«Координационный совет пострадавших соинвесторов»`: a quoted name the tagger
            # cut short runs to its closing quote
            close = next(
                (
                    q
                    for q in range(end, min(len(tokens), end + QUOTED_TAIL + 1))
                    if tokens[q].text in CLOSE_QUOTES
                ),
                -1,
            )
            if close > end and all(t.pos != "PUNCT" for t in tokens[end:close]):
                stop = tokens[close - 1].stop
                return replace(span, stop=stop, text=self.article.text[span.start : stop], normal="")
        quote = next((q for q in range(begin + 1, end - 1) if tokens[q].text in OPEN_QUOTES), -1)
        if span.type == "ORG" and quote > 0 and all(t.pos in ("NOUN", "ADJ") for t in tokens[begin:quote]):
            # `Оппозиционная партия «Единое национальное движение»`: the description is no part of the name
            close = next((q for q in range(quote + 1, end) if tokens[q].text in CLOSE_QUOTES), end)
            start, stop = tokens[quote + 1].start, tokens[close - 1].stop
            return replace(span, start=start, stop=stop, text=self.article.text[start:stop], normal="")
        quoted = 0 < begin and end < len(tokens) and tokens[begin - 1].text in OPEN_QUOTES  # `«Группа 24»`
        quoted = quoted and tokens[end].text in CLOSE_QUOTES  # keeps its number
        cut = end
        while (
            not quoted
            and cut > begin + 1
            and _descriptive(tokens[cut - 1])
            and tokens[cut - 1].text[:1].isdigit()
        ):
            cut -= 1  # `ГРУ 66-летний`: the age of the person named next
        if cut < end:
            stop = tokens[cut - 1].stop
            return replace(span, stop=stop, text=self.article.text[span.start : stop], normal="")
        return span

    def _names_group(self, token: Token) -> bool:
        """A capitalized word that alone names an organization or a state (`Аль-Кайды` before a name)."""
        if not token.text[:1].isupper():
            return False
        forms = [frozenset({fold(token.text), fold(token.lemma)} | name_forms(token.text))]
        return any(
            n == 1 and not e.weak and e.kind in {"igo", "org", "country"}
            for e, n in self.gaz.matches(forms, 0)
        )

    def _span_types(self, si: int, i: int) -> set[str]:
        return {
            span.type for span, where in self.spans if where and where[0] == si and where[1] <= i < where[2]
        }

    def _scan(self, si: int, sent: Sentence) -> list[_Match]:
        forms = [
            frozenset(
                {fold(t.text), fold(t.lemma)}
                | (name_forms(t.text) if t.text[:1].isupper() else set())
                | ({normal_form(t.text.rsplit("-", 1)[1])} if compound_of_common_nouns(t.text) else set())
            )
            for t in sent.tokens
        ]
        found, i = [], 0
        while i < len(forms):
            valid = [(e, n) for e, n in self.gaz.matches(forms, i) if self._valid(e, n, si, sent, i)]
            if valid:
                surface = [fold(t.text) for t in sent.tokens[i:]]
                # the longest match, then the likelier kind, the form as written, and the fuller name
                # (`Баня-Луке` is Banja Luka, not Lucca from its tail `Луке`)
                entry, n = max(
                    valid,
                    key=lambda v: (
                        v[1],
                        -_priority(v[0]),
                        list(v[0].words) == surface[: v[1]],
                        len(" ".join(v[0].words)),
                        v[0].name,
                    ),
                )
                found.append(_Match(si, i, i + n, entry))
                i += n
            else:
                i += 1
        return found

    def _valid(self, entry: Entry, n: int, si: int, sent: Sentence, i: int) -> bool:
        token = sent.tokens[i]
        if entry.cased and not token.text[:1].isupper():
            return False
        if all(w.isupper() and len(w) > 1 for w in token.text.split("-")) and not entry.cased:
            return False
        span_types = self._span_types(si, i)
        if "PER" in span_types and not self._span_equals(si, i, i + n):
            return False
        if entry.kind == "city" and (
            (token.pos != "PROPN" and "LOC" not in span_types)
            or (n == 1 and adjective_of_noun(token.pos, token.rel, token.text))
        ):
            return False  # `Южными Курилами` is no city named `Южный`
        if entry.kind == "city" and n == 1 and not looks_like_place(token.text):
            # `Дом`, `Мир` need more than their name; a large city the tagger calls a place does not
            # (`суд в Фениксе`: Phoenix, though `феникс` is a dictionary noun)
            big = bool(entry.cities) and entry.cities[0].population >= BIG_CITY
            return big and "LOC" in span_types
        if entry.weak and entry.kind == "province":  # `в провинции Хост`: after a province word
            near = [sent.tokens[j] for j in (token.head, i - 1) if 0 <= j < len(sent.tokens)]
            return any(self.gaz.is_role(t.lemma, ("province",)) for t in near)
        if entry.weak:
            head = sent.tokens[token.head] if token.head >= 0 else None
            return head is not None and self.gaz.is_role(head.lemma, ("role", "agency", "partner"))
        return True

    def _span_equals(self, si: int, begin: int, end: int) -> bool:
        return any(where == (si, begin, end) for _, where in self.spans)

    def _known_acronym(self, word: str) -> bool:
        return any(e.kind in {"igo", "org", "agency"} for e in self.gaz.index.get(fold(word), ()))

    # -- resolving ------------------------------------------------------------------------------

    def _resolve(self, match: _Match, countries: Counter[str | None]) -> Entity:
        entry = match.entry
        if entry.kind in {"country", "agency"} and entry.code:
            return country_entity(entry.code)
        if entry.kind == "igo" and entry.code:
            return Entity(key=entry.code, name=entry.name, type="ORG", kind="igo", code=entry.code)
        if entry.kind == "region":
            return Entity(key=f"LOC:{entry.name}", name=entry.name, type="LOC", kind="region")
        if entry.kind == "province":  # a region of one state: no code, its state in `country`
            return Entity(
                key=f"LOC:{entry.name}", name=entry.name, type="LOC", kind="region", country=entry.country
            )
        if entry.kind == "city":
            return city_entity(_pick_city(entry.cities, countries))
        return Entity(key=f"ORG:{entry.name}", name=entry.name, type="ORG", kind="org")

    def _add_match(self, match: _Match, entity: Entity) -> Mention:
        tokens = self.article.sentences[match.sentence].tokens[match.begin : match.end]
        normal = match.entry.alias or nominative_phrase(tokens)
        start, stop = tokens[0].start, tokens[-1].stop
        mention = Mention(
            self.article.text[start:stop], start, stop, entity.type, normal, entity.key, match.sentence
        )
        self._add(mention, entity)
        return mention

    def _add_span(self, span: Span, where: tuple[int, int, int], covered: list[tuple[int, int, str]]) -> None:
        """A NER span the gazetteer did not link: a person, an agency of a linked state, or a name."""
        if any(c[0] <= span.start and c[1] >= span.stop for c in covered):
            return  # the gazetteer or the programme finder already holds these words
        if span.type == "PER":
            self._add_plain(span, where)
            return
        sent = self.article.sentences[where[0]]
        tokens = sent.tokens[where[1] : where[2]]
        overlaps = any(c[0] < span.stop and c[1] > span.start for c in covered)
        if span.type == "LOC" and (overlaps or all(t.pos == "ADJ" for t in tokens)):
            return  # `Афганистана (BOMNAF)`, `Пражском`: the gazetteer's reading is the better one
        inner = [c for c in covered if c[0] >= span.start and c[1] <= span.stop]
        rest = [t for t in tokens if not any(c[0] <= t.start and t.stop <= c[1] for c in inner)]
        if span.type == "ORG" and len(inner) == 1 and all(_legal_form(t) for t in rest):
            known = self.entities[inner[0][2]]  # `ОАО «Газпром»` is Газпром
            self._add(self._span_mention(span, where, known), known, alias=False)
            return
        head = _first_noun(sent, where[1], where[2])
        if span.type == "ORG" and head is not None and self.gaz.is_role(sent.tokens[head].lemma):
            actor = governing_entity(self._partial(), where[0], head)
            if actor is not None:  # `МИД Казахстана`, `Хорошевский суд Москвы`
                self._add(self._span_mention(span, where, actor), actor, alias=False)
                return
        self._add_plain(span, where)

    def _partial(self) -> Article:
        return replace(self.article, mentions=tuple(self.mentions), entities=tuple(self.entities.values()))

    def _add_plain(self, span: Span, where: tuple[int, int, int]) -> None:
        name = self._span_normal(span, where)
        kind = {"PER": "person", "LOC": "place", "ORG": "org"}.get(span.type, span.type.lower())
        entity = Entity(key=f"{span.type}:{name}", name=name, type=span.type, kind=kind)
        self._add(self._span_mention(span, where, entity), entity)

    def _span_mention(self, span: Span, where: tuple[int, int, int], entity: Entity) -> Mention:
        return Mention(
            span.text, span.start, span.stop, span.type, self._span_normal(span, where), entity.key, where[0]
        )

    def _span_normal(self, span: Span, where: tuple[int, int, int]) -> str:
        """natasha's normal for names of people (minus a role word or a Latin gloss), ours for the rest."""
        tokens = self.article.sentences[where[0]].tokens[where[1] : where[2]]
        if span.type != "PER":
            name = nominative_phrase(tokens) or span.text
            # `Объединённый фронт за демократию против диктатуры (ОФДД)`: the gloss is no part of the name
            return " ".join(PARENTHESES.sub("", name).split()) or name
        normal = span.normal or span.text
        sent = self.article.sentences[where[0]].tokens
        head = tokens[0].head
        apposed = 0 <= head < len(sent) and sent[head].feat("Case") not in (None, "Nom")
        nominal = len(tokens) > 1 and not apposed and tokens[0].feat("Case") == "Nom"
        parts = normal.split()
        if normal == span.text and any(_oblique(t, apposed, nominal) for t in tokens):
            # natasha left an oblique case as it was (`Сейджи Маехары`): its lemmas know better
            normal = " ".join(_oblique_name(t, apposed, nominal) for t in tokens)
        elif len(parts) == len(tokens) > 1 and parts[-1] == tokens[-1].text and parts[0] != tokens[0].text:
            # natasha declined the first name but left the surname as it was (`Джулиан Ассанжу`)
            normal = " ".join(parts[:-1] + [_oblique_name(tokens[-1], apposed, nominal)])
        elif (
            len(parts) == len(tokens) > 1
            and parts[0] == tokens[0].text
            and parts[-1] != tokens[-1].text
            and bool(readings := case_readings(tokens[0].text))
            and ("nomn", "sing") not in readings
        ):
            # natasha declined the surname but left the first name as it was (`Мигеля Диас-Канель`)
            normal = " ".join([_oblique_name(tokens[0], apposed, nominal)] + parts[1:])
        words = PARENTHESES.sub("", normal).split()
        if len(words) == len(tokens):
            words = [name_word_normal(t.text, w) for t, w in zip(tokens, words, strict=True)]
            if len(words) > 1 and female_first_name(words[0]):
                words[-1] = feminine_surname(words[-1], tokens[-1].text)
        if len(words) == len(tokens) > 1 and _indeclinable_surname(tokens[-1].text, words[-1]):
            words[-1] = tokens[-1].text  # `Марио Росси`, `Альберто Фухимори`: not `Росся`, `Фухиморь`
        if len(words) == len(tokens):  # `Яффой Иссахар` → `Яффа Иссахар`, not `Иссахара`
            words = [written_consonant_surname(t.text, w) for t, w in zip(tokens, words, strict=True)]
            # `Алёхиной` → `Алёхина`, not `Алехина`
            words = [_with_yo(t.text, w) for t, w in zip(tokens, words, strict=True)]
        if len(words) > 1 and self.gaz.is_role(tokens[0].lemma):
            words = words[1:]  # `Принц Мухаммед ибн Салман` → `Мухаммед ибн Салман`
        elif len(words) > 1 and person_noun_only(tokens[0].text):
            words = words[1:]  # `Израильтянка Наама Иссахар` at a sentence start: a description
        return " ".join(words) or span.text

    def _add_programme(self, programme: _Programme) -> None:
        entity = Entity(
            key=f"PROGRAMME:{programme.name}",
            name=programme.name,
            type="PROGRAMME",
            kind="programme",
            expansion=programme.expansion,
        )
        mention = Mention(
            programme.name,
            programme.start,
            programme.stop,
            "PROGRAMME",
            programme.name,
            entity.key,
            programme.sentence,
        )
        self._add(mention, entity)

    def _add(self, mention: Mention, entity: Entity, alias: bool = True) -> None:
        known = self.entities.get(entity.key)
        if known is None:
            known = entity
        elif entity.expansion and not known.expansion:
            known = replace(known, expansion=entity.expansion)
        if alias and mention.normal and mention.normal not in known.aliases and mention.normal != known.name:
            known = replace(known, aliases=known.aliases + (mention.normal,))
        self.entities[entity.key] = known
        self.mentions.append(mention)

    # -- merging --------------------------------------------------------------------------------

    def _merge_long_forms(self) -> None:
        """`Антониу Мануэл ди Оливейра Гутерреш` is `Антониу Гутерреш`: a longer name with the same first
        and last word that contains every word of a shorter one joins the shorter form, the one the
        document calls the person by (a long form's middle words are often left inflected)."""
        people = sorted((e for e in self.entities.values() if e.kind == "person"), key=lambda e: e.name)
        for short in people:
            words = [fold(w) for w in short.name.split()]
            if len(words) < 2 or short.key not in self.entities:
                continue
            for long in people:
                names = [fold(w) for w in long.name.split()]
                if (
                    long.key == short.key
                    or long.key not in self.entities
                    or len(names) <= len(words)
                    or names[0] != words[0]
                    or not _inflected(names[-1], short.name.split()[-1])
                    or not set(words[1:-1]) <= set(names[1:-1])
                ):
                    continue
                kept = self.entities[short.key]
                self.entities[short.key] = replace(
                    kept,
                    aliases=kept.aliases
                    + tuple(a for a in (long.name, *long.aliases) if a not in kept.aliases),
                )
                del self.entities[long.key]
                self.mentions = [
                    replace(m, entity=short.key, normal=short.name) if m.entity == long.key else m
                    for m in self.mentions
                ]

    def _merge_people(self) -> None:
        """`Шмид` → `Хельга Шмид`: a one-word name joins the full name that ends (or starts) with it."""
        people = [e for e in self.entities.values() if e.kind == "person"]
        full: dict[str, str] = {}
        for person in sorted(people, key=lambda e: -len(e.name.split())):
            words = person.name.split()
            if len(words) > 1:
                full.setdefault(normal_form(words[-1]), person.key)
        for person in people:
            words = person.name.split()
            target = full.get(normal_form(words[-1])) if len(words) == 1 else None
            if target is None and len(words) == 1:
                target = next(
                    (
                        k
                        for k in full.values()
                        if k in self.entities and fold(self.entities[k].name.split()[0]) == fold(words[0])
                    ),
                    None,
                )
            if target is None and len(words) == 1:
                # natasha "normalized" a foreign surname wrongly (`Бакрауи` → `Бакрауя`): its text still
                # spells the surname of a full name
                texts = {fold(m.text) for m in self.mentions if m.entity == person.key}
                target = next(
                    (
                        k
                        for k in full.values()
                        if k in self.entities and fold(self.entities[k].name.split()[-1]) in texts
                    ),
                    None,
                )
            if target is None:
                target = self._same_person(person, people)
                if target is not None and len(words) == 1 and target in self.entities:
                    surname = self.entities[target].name.split()[-1]
                    self.mentions = [
                        replace(m, normal=surname) if m.entity == person.key else m for m in self.mentions
                    ]
            if target is None or target == person.key or target not in self.entities:
                continue
            merged = self.entities[target]
            if person.name not in merged.aliases:
                self.entities[target] = replace(
                    merged, aliases=merged.aliases + (person.name,) + person.aliases
                )
            del self.entities[person.key]
            self.mentions = [
                replace(m, entity=target) if m.entity == person.key else m for m in self.mentions
            ]

    def _bare_surnames(self) -> None:
        """`Лавров и Ван И обсудили`: a bare surname the tagger missed (a headline often has one) is the
        person the document names in full, when only one person of the document has that surname."""
        owners: dict[str, list[str]] = {}
        for person in self.entities.values():
            words = person.name.split()
            if person.kind == "person" and len(words) > 1 and len(words[-1]) >= 4:
                owners.setdefault(fold(words[-1]), []).append(person.key)
        if not owners:
            return
        taken = [(m.start, m.stop) for m in self.mentions]
        for si, sent in enumerate(self.article.sentences):
            quoted = False
            for token in sent.tokens:
                if token.text in OPEN_QUOTES | CLOSE_QUOTES:
                    quoted = (
                        not quoted if token.text in OPEN_QUOTES & CLOSE_QUOTES else token.text in OPEN_QUOTES
                    )
                if token.pos != "PROPN" or not token.text[:1].isupper() or quoted:
                    continue  # `«Марша Голунова»`: a name inside a quoted title is part of the title
                if any(a < token.stop and b > token.start for a, b in taken):
                    continue
                keys = [k for name, ks in owners.items() if _inflected(token.text, name) for k in ks]
                if len(set(keys)) != 1:
                    continue
                surname = self.entities[keys[0]].name.split()[-1]
                self.mentions.append(
                    Mention(token.text, token.start, token.stop, "PER", surname, keys[0], si)
                )

    def _holder_names(self) -> None:
        """`Лукашенко обвинил Польшу`, `Си Цзиньпин провел переговоры`: the tagger often misses a leader
        named first in a sentence or a headline; the name (or bare surname) of the one head of state,
        government or diplomacy in office that year with that name (data/event_actors.tsv `holder`)
        is that person."""
        year = story_year(self.article)
        holders = [words for words, spans in _holders() if in_office(spans, year)]
        if not holders:
            return
        taken = [(m.start, m.stop) for m in self.mentions]
        for si, sent in enumerate(self.article.sentences):
            tokens = sent.tokens
            i = 0
            while i < len(tokens):
                token = tokens[i]
                if not token.text[:1].isupper() or any(a < token.stop and b > token.start for a, b in taken):
                    i += 1
                    continue
                full = [w for w in holders if _names_at(tokens, i, w)]
                bare = [w for w in holders if len(w[-1]) >= 4 and _inflected(token.text, w[-1])]
                found = max(full, key=len) if full else bare[0] if len(bare) == 1 else None
                if found is None:
                    i += 1
                    continue
                n = len(found) if full else 1
                name = _full_name(found)
                entity = self._person(name)
                text = self.article.text[token.start : tokens[i + n - 1].stop]
                mention = Mention(text, token.start, tokens[i + n - 1].stop, "PER", name, entity.key, si)
                self._add(mention, entity, alias=False)
                i += n

    def _lone_surnames(self) -> None:
        """`Саакашвили обвинил власти Грузии`, `Ходорковский призвал`: the tagger often misses a bare
        surname that opens a sentence; a subject the dictionary reads as a surname (not a common word
        or a place) is a person, named in full when one office holder of data/event_actors.tsv has it
        (out of office that year: a former official is named), else by the surname alone."""
        taken = [(m.start, m.stop) for m in self.mentions]
        for si, sent in enumerate(self.article.sentences):
            for token in sent.tokens:
                if token.rel != "nsubj" or not token.text[:1].isupper() or not token.text[1:2].islower():
                    continue
                if any(a < token.stop and b > token.start for a, b in taken):
                    continue
                surname = surname_nominative(token.text)
                if surname is None:
                    continue
                holders = {w for w, _ in _holders() if len(w) > 1 and _inflected(token.text, w[-1])}
                name = _full_name(next(iter(holders))) if len(holders) == 1 else surname
                entity = self._person(name)
                self._add(Mention(token.text, token.start, token.stop, "PER", name, entity.key, si), entity)
        self._holders_in_full()

    def _holders_in_full(self) -> None:
        """`Саакашвили` (a bare surname, the only name the document gives that person) is the one office
        holder of data/event_actors.tsv with that surname: named in full, as a former official is."""
        for key, person in list(self.entities.items()):
            if person.kind != "person" or " " in person.name:
                continue
            holders = {w for w, _ in _holders() if len(w) > 1 and fold(person.name) == w[-1]}
            if len(holders) != 1:
                continue
            name = _full_name(next(iter(holders)))
            full = self._person(name)
            self.entities[full.key] = full
            del self.entities[key]
            self.mentions = [replace(m, entity=full.key) if m.entity == key else m for m in self.mentions]

    def _person(self, name: str) -> Entity:
        """The person entity named `name`: the one already linked, or a new one."""
        key = f"PER:{name}"
        return self.entities.get(key) or Entity(key=key, name=name, type="PER", kind="person")

    def _lemmas(self, mention: Mention) -> tuple[str, ...]:
        sent = self.article.sentences[mention.sentence]
        return tuple(
            fold(t.lemma)
            for t in sent.tokens
            if t.start >= mention.start and t.stop <= mention.stop and t.text[:1].isalnum()
        )

    def _short_igo_names(self) -> None:
        """`Международный трибунал`, `Гаагским Международным трибуналом` where the document names
        `Международный трибунал по бывшей Югославии`: an unlinked organization of two or more words,
        all of them words of an intergovernmental body's name the document links, is that body."""
        linked = [
            (set(self._lemmas(m)), m.entity)
            for m in self.mentions
            if (e := self.entities.get(m.entity)) is not None and e.kind == "igo"
        ]
        if not linked:
            return
        for key, entity in list(self.entities.items()):
            if entity.kind not in ("", "org") or entity.type != "ORG" or entity.code:
                continue
            mentions = [m for m in self.mentions if m.entity == key]
            words = [set(self._lemmas(m)) for m in mentions]
            if not words or any(len(w) < 2 for w in words):
                continue
            target = next((k for names, k in linked if all(w <= names for w in words)), None)
            if target is None:
                continue
            self.mentions = [replace(m, entity=target) if m.entity == key else m for m in self.mentions]
            del self.entities[key]

    def _bodies_of_states(self) -> None:
        """`Комитет Сената`, `Сенат`, `Комитет`: a body named without its state, where the document names
        it with its state elsewhere (`Сената США`), is that state's body; a short name (`Комитет`) then
        follows the longer one it ends (`Комитет Сената`). Several states for one name: left as it is."""
        full = [
            (self._lemmas(m), m.entity)
            for m in self.mentions
            if m.type == "ORG" and self.entities[m.entity].kind in LINKED_KINDS and m.sentence >= 0
        ]
        if not full:
            return
        out = list(self.mentions)
        for _ in range(2):  # `Комитет` resolves through `Комитет Сената` once that has its state
            for n, m in enumerate(out):
                entity = self.entities.get(m.entity)
                if entity is None or entity.kind != "org" or m.sentence < 0:
                    continue
                short = self._lemmas(m)
                if not short or not self.gaz.is_role(short[0]):
                    continue
                owners = {key for words, key in full if short[-1] in words}
                if len(owners) == 1:
                    out[n] = replace(m, entity=owners.pop())
                    full.append((short, out[n].entity))
        self.mentions = out
        used = {m.entity for m in self.mentions}
        self.entities = {k: e for k, e in self.entities.items() if k in used or e.kind == "city"}

    def _same_person(self, person: Entity, people: list[Entity]) -> str | None:
        """A name left inflected or misspelt that another person's name of the document spells right:
        `Скрипаля` → `Сергей Скрипаль`, `Джохароа Царнаев` → `Джохар Царнаев` (more mentions win)."""
        words = person.name.split()
        count = Counter(m.entity for m in self.mentions)
        best: Entity | None = None
        for other in people:
            names = other.name.split()
            if other.key == person.key or other.key not in self.entities or len(names) < len(words):
                continue
            if len(words) == 1 and not _inflected(words[0], names[-1]):
                continue
            if len(words) > 1 and not (
                len(words) == len(names)
                and all(_inflected(w, n) for w, n in zip(words[1:], names[1:], strict=True))
                and _close_spelling(words[0], names[0])
                and (count[other.key], known_name(names[0])) > (count[person.key], known_name(words[0]))
            ):
                continue
            if best is None or count[other.key] > count[best.key]:
                best = other
        return best.key if best is not None else None

    def _add_dateline(self, countries: Counter[str | None]) -> None:
        """The dateline city is an entity of the document even when the text body lacks it."""
        dateline = self.article.dateline
        if dateline is None or not dateline.city:
            return
        words = tuple(fold(w) for w in dateline.city.split())
        cities = [e for e in self.gaz.index.get(words[0], ()) if e.kind == "city" and e.words == words]
        if cities:
            entity = city_entity(_pick_city(cities[0].cities, countries))
            self.entities.setdefault(entity.key, entity)


def _split_joined(span: Span, spans: list[Span]) -> list[Span]:
    """`Эво Моралес Эдвард Сноуден` (a photo caption of two people) is two names: a PER span of four or
    more words splits before a capitalized word when the words before it and the span's last word each
    end a name the document uses elsewhere (`Моралес подчеркнул`, `Сноуден обратился`)."""
    words = list(re.finditer(r"\S+", span.text))
    if span.type != "PER" or len(words) < 4 or not all(w.group()[:1].isupper() for w in words):
        return [span]
    surnames = [
        other.text.split()[-1]
        for other in spans
        if other.type == "PER" and other.text.split() and (other.start, other.stop) != (span.start, span.stop)
    ]

    def used(word: str) -> bool:
        return len(word) >= 3 and any(_inflected(s, word) or _inflected(word, s) for s in surnames)

    if not used(words[-1].group()):
        return [span]
    for k in range(2, len(words) - 1):
        if used(words[k - 1].group()):
            cut = words[k].start()
            first = span.text[: words[k - 1].end()]
            return [
                Span(first, span.start, span.start + len(first), "PER", ""),
                Span(span.text[cut:], span.start + cut, span.stop, "PER", ""),
            ]
    return [span]


def _priority(entry: Entry) -> int:
    from .gazetteer import PRIORITY

    return PRIORITY[entry.kind]


def _pick_city(cities: tuple[City, ...], countries: Counter[str | None]) -> City:
    """The most populous city of that name, preferring one in a country the document names."""
    return max(cities, key=lambda c: c.population * (CONTEXT_BOOST if countries.get(c.country) else 1))


def _legal_form(token: Token) -> bool:
    """Quotes and legal-form abbreviations around a company name (`ОАО «…»`)."""
    return token.pos == "PUNCT" or (token.text.isupper() and len(token.text) <= 4)


# Case endings a surname may carry in the text beyond its dictionary form (`Скрипаля`, `Маехары`).
SURNAME_ENDINGS = ("", "а", "я", "у", "ю", "ом", "ем", "ым", "им", "е", "ы", "и", "ой", "ей")


@lru_cache(maxsize=1)
def office_holders() -> dict[str, tuple[str, tuple[tuple[int, int], ...]]]:
    """Folded full name → (state code, years in office) of the `holder` rows in data/event_actors.tsv."""
    out = {}
    for cells in data_rows("event_actors.tsv"):
        if len(cells) < 4 or cells[1] != "holder":
            continue
        spans = []
        for part in cells[3].split(","):
            lo, _, hi = part.partition("-")
            spans.append((int(lo), int(hi) if hi else 9999))
        out[fold(cells[0])] = (cells[2], tuple(spans))
    return out


def story_year(article: Article) -> int | None:
    """The year an article was published, when its date gives one."""
    published = article.published or ""
    return int(published[:4]) if published[:4].isdigit() else None


def in_office(spans: tuple[tuple[int, int], ...], year: int | None) -> bool:
    """Whether an office holder's years in office include `year` (any year, when it is unknown)."""
    return year is None or any(lo <= year <= hi for lo, hi in spans)


@lru_cache(maxsize=1)
def _holders() -> tuple[tuple[tuple[str, ...], tuple[tuple[int, int], ...]], ...]:
    """The office holders' folded name words with their years in office."""
    return tuple((tuple(name.split()), spans) for name, (_, spans) in office_holders().items())


def _names_at(tokens: tuple[Token, ...], i: int, words: tuple[str, ...]) -> bool:
    """Whether the tokens from `i` spell the full name `words` (each word maybe in a case form)."""
    if len(words) < 2 or i + len(words) > len(tokens):
        return False
    return all(
        tokens[i + k].text[:1].isupper()
        and (_inflected(tokens[i + k].text, w) or fold(tokens[i + k].text) == w)
        for k, w in enumerate(words)
    )


ARTICLE_LETTERS = 3  # `ас-Сиси`, `аль-Асад`: a short first part of a hyphenated name is an article


def _full_name(words: tuple[str, ...]) -> str:
    """An office holder's folded name words as the name is written: `си цзиньпин` → `Си Цзиньпин`."""
    return " ".join(_capitalized(w) for w in words)


def _capitalized(word: str) -> str:
    """A folded name word as written in a name: `лукашенко` → `Лукашенко`, `ас-сиси` → `ас-Сиси`,
    `касым-жомарт` → `Касым-Жомарт`."""
    parts = word.split("-")
    article = len(parts) > 1 and len(parts[0]) <= ARTICLE_LETTERS
    return "-".join(p if article and k == 0 else p[:1].upper() + p[1:] for k, p in enumerate(parts))


def _with_yo(written: str, normal: str) -> str:
    """The dictionary form keeps the `ё` the text writes in the same place (`Марии Алёхиной` →
    `Мария Алёхина`, not `Алехина`): a tagger's lemma often drops it."""
    if "ё" not in written.lower() or "ё" in normal.lower():
        return normal
    out = list(normal)
    for i, (w, n) in enumerate(zip(written, normal, strict=False)):
        if w.lower() == "ё" and n.lower() == "е":
            out[i] = w
        elif w.lower() != n.lower():
            break
    return "".join(out)


def _inflected(word: str, name: str) -> bool:
    """Whether `word` is `name` or `name` with a case ending (its final vowel or soft sign swapped)."""
    w, n = fold(word), fold(name)
    if w == n:
        return True
    stem = n[:-1] if n[-1:] in "аяьйое" else n
    return len(stem) >= 4 and w.startswith(stem) and w[len(stem) :] in SURNAME_ENDINGS


def _close_spelling(word: str, name: str) -> bool:
    """A first name and its misspelling or case form share their first four letters (`Джохароа`, `Джохар`)."""
    w, n = fold(word), fold(name)
    return w == n or (len(n) >= 4 and w[:4] == n[:4] and abs(len(w) - len(n)) <= 3)


# A surname written with a consonant and `-и` (`Росси`, `Фухимори`, `Берлускони`) is a foreign,
# indeclinable one: a tagger's `-я`/`-ь` nominative for it (`Росся`, `Фухиморь`) is no Russian surname.
INDECLINABLE_I_GUESSES = ("я", "ь")


def _indeclinable_surname(written: str, normal: str) -> bool:
    """Whether `normal` is a made-up `-я`/`-ь` nominative of a foreign surname written in `-и`."""
    return (
        len(written) > 3
        and written.endswith("и")
        and written[-2].lower() not in VOWELS_AND_SIGNS
        and normal[:-1] == written[:-1]
        and normal.endswith(INDECLINABLE_I_GUESSES)
    )


def _oblique(token: Token, apposed: bool, nominal: bool = False) -> bool:
    """A name word in an oblique case, by the tagger, or in apposition to an oblique noun with no
    nominative singular reading (`министра … Сейджи Маехары`, which taggers call nominative).
    `nominal`: the name stands in the nominative (its first word is tagged so and it hangs from no
    oblique noun); a later word the tagger calls oblique that may be an indeclinable nominative
    (`Джино Дескальси`) is left as written."""
    if token.pos != "PROPN" or not token.text[:1].isupper():
        return False
    readings = case_readings(token.text)
    if token.feat("Case") not in (None, "Nom"):
        return not (nominal and ("nomn", "sing") in readings)
    return apposed and bool(readings) and ("nomn", "sing") not in readings


def _oblique_name(token: Token, apposed: bool, nominal: bool = False) -> str:
    """A name word natasha left in an oblique case: the analyzer's guess, else the tagger's lemma."""
    if not _oblique(token, apposed, nominal):
        return token.text
    case = token.feat("Case")
    if case in (None, "Nom"):
        case = next(
            (c for c in ("Gen", "Dat", "Ins", "Loc", "Acc") if guess_nominative(token.text, c) != token.text),
            "Gen",
        )
    guess = guess_nominative(token.text, case or "Gen")
    return guess if guess != token.text else restore_case(token.lemma, token.text)


def _descriptive(token: Token) -> bool:
    """A word before a name that describes the person (`69-летний`, `бывший`), not part of the name."""
    return token.text[:1].isdigit() or (token.pos in {"ADJ", "NUM"} and known_adjective(token.text))


def _first_noun(sent: Sentence, begin: int, end: int) -> int | None:
    return next((i for i in range(begin, end) if sent.tokens[i].pos in {"NOUN", "PROPN"}), None)
