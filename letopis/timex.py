"""The grammar of Russian time expressions: what a text says about time, before any reference date.

`find_time_expressions` reads a text alone; `letopis.dates.resolve` later turns each expression into
an ISO value given the publication date. The words come from `data/months.tsv`, `data/weekdays.tsv`
and `data/time_words.tsv`; only the skeleton of each rule lives here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from .datafiles import data_rows
from .errors import InputError

__all__ = [
    "Relation",
    "TimeExpression",
    "find_time_expressions",
    "month_number",
    "month_forms",
    "month_abbreviations",
]


class Relation(StrEnum):
    """How an expression bounds the event: at that time, since it, until it, before/after an anchor."""

    AT = "at"
    SINCE = "since"
    UNTIL = "until"
    BEFORE = "before"  # за неделю до X: counted back from the anchor event
    AFTER = "after"  # спустя неделю: counted forward from the anchor event


@dataclass(frozen=True)
class TimeExpression:
    """One time expression: where it is, and what it says before any reference date is known.

    `kind` is one of: date (day+month[+year]), month, year, season, weekday, day (вчера, накануне),
    period (в прошлом году, на этой неделе), shift (через два дня, три дня назад), range, decade,
    weekend (`в выходные`, no qualifier). `part` marks a part of a month or year (`в начале`, `во
    втором квартале`).
    `unit`/`offset` count calendar units from the reference (`в прошлом году` → year, -1);
    `anchored` means the count starts at the anchor event when one is given (`накануне`).
    """

    text: str
    start: int
    stop: int
    kind: str
    relation: Relation = Relation.AT
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    unit: str | None = None
    offset: int | None = None
    part: str | None = None
    anchored: bool = False
    end: TimeExpression | None = None  # a range's last point
    when: int = -1  # offset where a `, когда …` clause naming the event at this time starts, else -1


# --- lexicon -------------------------------------------------------------------------------------


def _rows(name: str) -> list[list[str]]:
    return data_rows(name)


def _with_yo_variants(words: dict[str, str]) -> dict[str, str]:
    """Texts write ё as е about as often as not: accept both."""
    out = dict(words)
    for word, value in words.items():
        out.setdefault(word.replace("ё", "е"), value)
    return out


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, str]  # full forms → month number
    abbreviations: dict[str, str]
    weekdays: dict[str, str]  # form → weekday number
    weekday_cases: dict[str, frozenset[str]]
    words: dict[str, dict[str, str]]  # class → {word: value}


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    months = {r[0]: r[1] for r in _rows("months.tsv") if r[2] == "full"}
    abbreviations = {r[0]: r[1] for r in _rows("months.tsv") if r[2] == "abbr"}
    weekdays = {r[0]: r[1] for r in _rows("weekdays.tsv")}
    cases = {r[0]: frozenset(r[2].split()) for r in _rows("weekdays.tsv")}
    words: dict[str, dict[str, str]] = {}
    for row in _rows("time_words.tsv"):
        words.setdefault(row[1], {})[row[0]] = row[2] if len(row) > 2 else ""
    return _Lexicon(
        months=_with_yo_variants(months),
        abbreviations=abbreviations,
        weekdays=weekdays,
        weekday_cases=cases,
        words={k: _with_yo_variants(v) for k, v in words.items()},
    )


def month_number(word: str) -> int | None:
    """The month a name or abbreviation stands for (`марта`, `мар`, `Мар.`), else None."""
    key = word.lower().rstrip(".")
    lex = _lexicon()
    value = lex.months.get(key) or lex.abbreviations.get(key)
    return int(value) if value else None


def month_forms() -> dict[str, int]:
    """Every form of every month name (full and abbreviated) → month number: one table for all parsers."""
    lex = _lexicon()
    return {form: int(value) for form, value in (*lex.months.items(), *lex.abbreviations.items())}


def month_abbreviations() -> frozenset[str]:
    """Abbreviated month forms (`мар`), which only count right after a day number."""
    return frozenset(_lexicon().abbreviations)


def _word(cls: str, word: str) -> str:
    return _lexicon().words[cls][re.sub(r"\s+", " ", word.lower())]


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any run of spaces."""
    items = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


# --- grammar -------------------------------------------------------------------------------------

Fields = dict[str, object]
Builder = Callable[[re.Match[str], str | None], Fields | None]


def _number(text: str | None) -> int:
    if not text:
        return 1
    return int(text) if text.isdigit() else int(_word("number", text))


def _year_fields(m: re.Match[str], sfx: str = "") -> Fields:
    """The year part after a month, season or date: `2020 года`, `этого года`, `с.г.`."""
    groups = m.groupdict()
    if groups.get("year" + sfx):
        return {"year": int(groups["year" + sfx])}
    if groups.get("qual" + sfx):
        return {"unit": "year", "offset": int(_word("qualifier", groups["qual" + sfx]))}
    if groups.get("thisyear" + sfx):
        return {"unit": "year", "offset": 0}
    return {}


def _date(m: re.Match[str], prep: str | None) -> Fields | None:
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    fields: Fields = {"kind": "date", "day": day, "month": month_number(m["month"]), **_year_fields(m)}
    return fields


def _numeric(m: re.Match[str], prep: str | None) -> Fields | None:
    try:
        date = dt.date(int(m["year"]), int(m["mon"]), int(m["day"]))
    except ValueError:
        return None
    return {"kind": "date", "year": date.year, "month": date.month, "day": date.day}


def _night(m: re.Match[str], prep: str | None) -> Fields | None:
    if m["weekday"]:
        return {"kind": "weekday", "weekday": int(_lexicon().weekdays[m["weekday"].lower()])}
    return _date(m, prep)


def _range(m: re.Match[str], prep: str | None) -> Fields | None:
    groups = m.groupdict()
    first: Fields = {}
    last: Fields = {}
    if groups.get("day"):
        first["day"], last["day"] = int(m["day"]), int(m["day2"])
        if not (1 <= int(m["day"]) <= 31 and 1 <= int(m["day2"]) <= 31):
            return None
    if groups.get("month2"):
        last["month"] = month_number(m["month2"])
        first["month"] = month_number(m["month"]) if groups.get("month") else last["month"]
    if groups.get("yr") and groups.get("yr2"):
        first["year"], last["year"] = int(m["yr"]), int(m["yr2"])
        if first["year"] >= last["year"]:  # type: ignore[operator]
            return None
    else:
        last.update(_year_fields(m, "2"))
        first.update(
            _year_fields(m, "1") or {k: v for k, v in last.items() if k in ("year", "unit", "offset")}
        )
    kind = "date" if "day" in first else "month" if "month" in first else "year"
    end = TimeExpression(text="", start=-1, stop=-1, kind=kind, **last)  # type: ignore[arg-type]
    return {"kind": "range", **first, "end": end}


def _part(m: re.Match[str], prep: str | None) -> Fields | None:
    groups = m.groupdict()
    part = _word("part", m["part"])
    if groups.get("month"):
        return {"kind": "month", "month": month_number(m["month"]), "part": part, **_year_fields(m)}
    if groups.get("year"):
        return {"kind": "year", "year": int(m["year"]), "part": part}
    unit = _word("unit", m["unit"])
    offset = int(_word("qualifier", m["qual"])) if groups.get("qual") else 0
    return {"kind": "period", "unit": unit, "offset": offset, "part": part}


def _quarter(m: re.Match[str], prep: str | None) -> Fields | None:
    """`в третьем квартале 2019 года`, `в первом полугодии`: a fixed span of a year (this year when
    none is named), resolved like a season to its months."""
    groups = m.groupdict()
    part = _word("span", m["span"])
    if groups.get("year"):
        return {"kind": "year", "year": int(m["year"]), "part": part}
    offset = int(_word("qualifier", m["qual"])) if groups.get("qual") else 0
    return {"kind": "period", "unit": "year", "offset": offset, "part": part}


def _next_day(m: re.Match[str], prep: str | None) -> Fields | None:
    """`10 и 11 марта`: two days in a row are one span; other pairs are two dates, not a span."""
    if int(m["day2"]) != int(m["day"]) + 1:
        return None
    return _range(m, prep)


def _bare_weekend(m: re.Match[str], prep: str | None) -> Fields | None:
    """`в выходные`, `на выходных`: the weekend nearest in the clause's direction (resolution)."""
    return {"kind": "weekend"} if prep is not None else None


def _month(m: re.Match[str], prep: str | None) -> Fields | None:
    year = _year_fields(m)
    if not year and prep is None:
        return None  # `Март` alone is as likely a name as a month
    return {"kind": "month", "month": month_number(m["month"]), **year}


def _season(m: re.Match[str], prep: str | None) -> Fields | None:
    word = m["season"].lower()
    year = _year_fields(m)
    if m["lead"]:
        year = {"unit": "year", "offset": int(_word("qualifier", m["lead"]))}
    adverb = word.endswith(("ой", "ом", "ью"))
    if not (year or adverb or prep is not None):
        return None
    return {"kind": "season", "season": _word("season", word), **year}


def _year(m: re.Match[str], prep: str | None) -> Fields | None:
    return {"kind": "year", "year": int(m["year"])}


def _decade(m: re.Match[str], prep: str | None) -> Fields | None:
    return {"kind": "decade", "year": int(m["year"])} if m["year"].endswith("0") else None


def _period(m: re.Match[str], prep: str | None) -> Fields | None:
    unit = _word("unit", m["unit"])
    offset = int(_word("qualifier", m["qual"]))
    if unit == "day":  # `на следующий день`: only meaningful after another event
        return {"kind": "day", "unit": "day", "offset": offset, "anchored": True} if offset == 1 else None
    return {"kind": "period", "unit": unit, "offset": offset}


def _weekend(m: re.Match[str], prep: str | None) -> Fields | None:
    """`в минувшие выходные`: the Saturday–Sunday of the week the qualifier names."""
    return {"kind": "period", "unit": "weekend", "offset": int(_word("weekend", m["qual"]))}


def _dayword(m: re.Match[str], prep: str | None) -> Fields | None:
    word = m["word"].lower()
    eve = _lexicon().words["eve"]
    if word in eve:
        return {"kind": "day", "unit": "day", "offset": int(eve[word]), "anchored": True}
    return {"kind": "day", "unit": "day", "offset": int(_word("day", word))}


def _weekday(m: re.Match[str], prep: str | None) -> Fields | None:
    lex = _lexicon()
    form = m["weekday"].lower()
    at = prep is not None and prep.lower() in lex.words["at"]
    if prep is None or (at and "acc" not in lex.weekday_cases[form]):
        return None  # `среда` without a preposition, or `в среде`, is an environment, not a day
    fields: Fields = {"kind": "weekday", "weekday": int(lex.weekdays[form])}
    if m["qual"] and m["qual"].lower() in lex.words.get("recent", {}):
        fields.update(unit="recent")  # `в минувшую субботу`: the last Saturday before, this week or not
    elif m["qual"]:
        fields.update(unit="week", offset=int(_word("qualifier", m["qual"])))
    return fields


def _shift(m: re.Match[str], prep: str | None) -> Fields | None:
    direction = _word("shift", m["dir"])
    if not m["num"] and m["unit"].lower() in _lexicon().words.get("counted_unit", {}):
        return None  # `несколько месяцев назад`, `через пару недель`: a count the text leaves vague
    count = _number(m["num"])
    unit = _word("unit", m["unit"])
    if direction == "forward":
        return {"kind": "shift", "unit": unit, "offset": count}
    if direction == "back":
        return {"kind": "shift", "unit": unit, "offset": -count}
    relation = Relation.AFTER if direction == "after" else Relation.BEFORE
    sign = 1 if direction == "after" else -1
    return {"kind": "shift", "unit": unit, "offset": sign * count, "anchored": True, "relation": relation}


@lru_cache(maxsize=1)
def _grammar() -> tuple[tuple[re.Pattern[str], Builder], ...]:
    lex = _lexicon()
    w = lex.words
    month = _alt(lex.months)
    weekday = _alt(lex.weekdays)
    qual = _alt(w["qualifier"])
    year = r"(?:1\d{3}|20\d{2}|21\d{2})"
    year_word = _alt(w["year_word"])
    tail = rf"(?:-(?:го|м|й)(?:\s+{year_word})?|\s*{year_word})"
    unit_any = _alt(w["unit"])

    def year_spec(sfx: str = "") -> str:
        return (
            rf"(?:\s+(?P<year{sfx}>{year})(?:{tail})?(?!\d)"
            rf"|\s+(?P<qual{sfx}>{qual})\s+(?:года|году)"
            rf"|\s+(?P<thisyear{sfx}>{_alt(w['this_year'])}))?"
        )

    day = r"(?P<day>[0-3]?\d)"
    num = rf"(?P<num>\d{{1,3}}|{_alt(w['number'])})"
    shift = w["shift"]
    forward = _alt(k for k, v in shift.items() if v == "forward")
    back = _alt(k for k, v in shift.items() if v == "back")
    after = _alt(k for k, v in shift.items() if v == "after")
    before = _alt(k for k, v in shift.items() if v == "before")
    night = _alt(w["night"])
    words = _alt([*w["day"], *w["eve"]])
    rules: list[tuple[str, Builder]] = [
        # ranges: с 5 по 7 марта; 5-7 марта 2016 года; с марта по май; в 2013-2014 годах
        (
            rf"(?:с|со)\s+{day}(?:\s+(?P<month>{month}){year_spec('1')})?\s+(?:по|до)\s+(?P<day2>[0-3]?\d)\s+(?P<month2>{month}){year_spec('2')}",
            _range,
        ),
        (rf"{day}\s*[-–—]\s*(?P<day2>[0-3]?\d)\s+(?P<month2>{month}){year_spec('2')}", _range),
        (rf"{day}\s+и\s+(?P<day2>[0-3]?\d)\s+(?P<month2>{month}){year_spec('2')}", _next_day),
        (rf"(?P<month>{month})\s*[-–—]\s*(?P<month2>{month}){year_spec('2')}", _range),
        (
            rf"(?:с|со)\s+(?P<month>{month}){year_spec('1')}\s+(?:по|до)\s+(?P<month2>{month}){year_spec('2')}",
            _range,
        ),
        (rf"(?:с\s+)?(?P<yr>{year})\s*(?:[-–—]|\s(?:по|до)\s)\s*(?P<yr2>{year})\s*{year_word}", _range),
        (
            rf"(?:в\s+)?{night}\s+(?:с\s+(?:[0-3]?\d|{weekday})\s+(?:{month}\s+)?)?на\s+(?:{day}\s+(?P<month>{month}){year_spec()}|(?P<weekday>{weekday}))",
            _night,
        ),
        # `13 марта`, `13-го марта`
        (rf"(?:(?:в|во)\s+{weekday},?\s+)?{day}(?:-?го)?\s+(?P<month>{month}){year_spec()}", _date),
        (rf"{day}\.(?P<mon>[01]?\d)\.(?P<year>{year})(?!\d)", _numeric),
        (rf"(?P<year>{year})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?!\d)", _numeric),
        (rf"(?P<part>{_alt(w['part'])})\s+(?P<month>{month}){year_spec()}", _part),
        (rf"(?P<part>{_alt(w['part'])})\s+(?P<year>{year}){tail}", _part),
        (rf"(?P<part>{_alt(w['part'])})\s+(?:(?P<qual>{qual})\s+)?(?P<unit>года|месяца|недели)", _part),
        (
            rf"(?P<span>{_alt(w['span'])})(?:\s+(?P<year>{year}){tail}|\s+(?P<qual>{qual})\s+года|\s+года)?",
            _quarter,
        ),
        (rf"(?P<month>{month}){year_spec()}", _month),
        (rf"(?:(?P<lead>{qual})\s+)?(?P<season>{_alt(w['season'])}){year_spec()}", _season),
        (rf"(?P<year>{year})-(?:х|е|ые|ых)(?:\s+{year_word})?", _decade),
        (rf"(?P<year>{year})(?:{tail}|(?=\s+и\s+{year}{tail}))", _year),
        (rf"(?P<qual>{qual})\s+(?P<unit>{unit_any})", _period),
        (rf"(?P<qual>{_alt(w['weekend'])})\s+(?P<unit>{_alt(w['weekend_word'])})", _weekend),
        (rf"(?P<word>{words})", _dayword),
        (rf"(?P<unit>{_alt(w['weekend_word'])})(?!\s+(?:дни|дней|днях|день))", _bare_weekend),
        (rf"(?:(?P<qual>{qual})\s+)?(?P<weekday>{weekday})", _weekday),
        (rf"(?P<dir>{forward})\s+(?:{num}\s+)?(?P<unit>{unit_any})", _shift),
        (rf"(?:{num}\s+)?(?P<unit>{unit_any})\s+(?P<dir>{back})", _shift),
        (rf"(?P<dir>{after})\s+(?:{num}\s+)?(?P<unit>{unit_any})", _shift),
        (rf"(?P<dir>{before})\s+(?:{num}\s+)?(?P<unit>{unit_any})\s+до", _shift),
    ]
    flags = re.IGNORECASE
    return tuple((re.compile(rf"(?<![\w.-]){p}(?![\w-])", flags), b) for p, b in rules)


@lru_cache(maxsize=1)
def _preposition() -> re.Pattern[str]:
    w = _lexicon().words
    preps = _alt([*w["since"], *w["until"], *w["at"]])
    return re.compile(rf"(?<!\w)({preps})\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _when_clause() -> re.Pattern[str]:
    return re.compile(rf"\s*,\s*{_alt(_lexicon().words['when'])}(?!\w)", re.IGNORECASE)


def _relation(prep: str | None) -> Relation:
    w = _lexicon().words
    key = re.sub(r"\s+", " ", prep.lower()) if prep else ""
    if key in w["since"]:
        return Relation.SINCE
    if key in w["until"]:
        return Relation.UNTIL
    return Relation.AT


def find_time_expressions(text: str) -> list[TimeExpression]:
    """Every time expression of a text, left to right, without overlaps (the longest wins).

    Offsets index `text`; a preposition before an expression (`с 1995 года`, `к 2014 году`, `в мае`)
    is part of the span and sets `relation`.

    Raises:
        InputError: when `text` is not a string.
    """
    if not isinstance(text, str):
        raise InputError(f"time expressions need a string, not {type(text).__name__}")
    return list(_time_expressions(text))


@lru_cache(maxsize=4096)
def _time_expressions(text: str) -> tuple[TimeExpression, ...]:
    """The scan itself, cached: a sentence is scanned for the document anchor and again for each of its events."""
    found: list[TimeExpression] = []
    for pattern, build in _grammar():
        for m in pattern.finditer(text):
            expression = _expression(text, m, build)
            if expression is not None:
                found.append(expression)
    found.sort(key=lambda e: (e.start, -(e.stop - e.start)))
    kept: list[TimeExpression] = []
    for expression in sorted(found, key=lambda e: -(e.stop - e.start)):
        if all(expression.stop <= k.start or expression.start >= k.stop for k in kept):
            kept.append(expression)
    return tuple(sorted(kept, key=lambda e: e.start))


@lru_cache(maxsize=1)
def _coordinated() -> re.Pattern[str]:
    """`в четверг и пятницу`, `в мае и июне`: a day or month joined by `и` to one with `в` shares it."""
    lex = _lexicon()
    names = _alt([*lex.months, *lex.weekdays])
    return re.compile(rf"(?<!\w)(во|в)\s+{names}\s+и\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _counts_from() -> re.Pattern[str]:
    """`после` right after a forward count (data/time_words.tsv `counts_from`)."""
    return re.compile(rf"\s+(?:{_alt(_lexicon().words['counts_from'])})\b", re.IGNORECASE)


def _expression(text: str, m: re.Match[str], build: Builder) -> TimeExpression | None:
    start = m.start()
    before = _preposition().search(text, max(0, start - 16), start)
    prep = before.group(1) if before and m.group(0)[:2].lower() not in ("с ", "со") else None
    if prep is None and before is None:
        shared = _coordinated().search(text, max(0, start - 24), start)
        prep = shared.group(1) if shared else None
    fields = build(m, prep)
    if fields is None or (fields.get("month", 0) is None):
        return None
    if "relation" not in fields:
        fields["relation"] = _relation(prep)
    offset = fields.get("offset")
    if (
        fields.get("kind") == "shift"
        and isinstance(offset, int)
        and offset > 0
        and _counts_from().match(text, m.end())
    ):
        # `через неделю после выборов`, `спустя два дня после ареста`: counted from the act named
        # after `после`, not from the reference or the context's anchor
        fields.update(relation=Relation.AFTER, anchored=False)
    when = _when_clause().match(text, m.end())
    if fields["relation"] is Relation.SINCE and when is not None:
        # `с 1995 года, когда …`: the clause names an event at that date; the main clause's state
        # runs since then, so the date belongs to the `когда` clause alone (`when` marks where it starts)
        fields["relation"] = Relation.AT
        fields["when"] = when.end()
    if prep is not None and before is not None:
        start = before.start()
    return TimeExpression(text=text[start : m.end()], start=start, stop=m.end(), **fields)  # type: ignore[arg-type]
