"""Newswire datelines: `Москва. 11 марта. INTERFAX.RU -`, `МОСКВА, 11 мар — РИА Новости`, `/ТАСС/`.

A dateline opens the first body paragraph and says where the newsroom filed and when; it is
metadata, so the parser only reads it and reports where it ends — the text stays as it is.
The forms it knows:

    CITY. DAY MONTH [YEAR]. AGENCY -        Москва. 11 марта. INTERFAX.RU -
    CITY, DAY MON — AGENCY[, Author].       МОСКВА, 11 мар — РИА Новости.
    CITY, DAY MONTH /[Корр.] AGENCY/.       Минск, 5 декабря /Корр. БЕЛТА/.
    CITY, DAY MONTH [YEAR] —                Москва, 11 марта 2020 г. —
    AGENCY, DAY MONTH                       ТАСС, 11 марта.
    CITY (AGENCY) -                         ЛОНДОН (Reuters) -
    DAY MONTH YEAR[, HH:MM] — AGENCY        11 марта 2020, 14:35 — REGNUM

Agencies come from `data/news_agencies.tsv`; a dateline needs a date or a known agency, so an
ordinary first sentence (`Москва, 11 марта будет ...`) is never taken for one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .datafiles import data_rows
from .dates import month_number
from .errors import InputError
from .record import Dateline
from .timex import month_abbreviations

__all__ = ["parse_dateline", "agency_name"]

# A dateline is short: the longest known form with a correspondent's name stays under 120 characters.
MAX_DATELINE = 160

_WORD = r"[А-ЯЁA-Z][А-ЯЁа-яёA-Za-z’']*(?:-[А-ЯЁа-яёA-Za-z’']+)*"
_CITY = re.compile(rf"(?P<city>{_WORD}(?: {_WORD}){{0,2}})")
_DATE = re.compile(
    r"(?P<day>[0-3]?\d)\s+(?P<month>[А-Яа-яЁё]{3,9})(?P<dot>\.)?"
    r"(?:\s+(?P<year>(?:19|20)\d\d)(?:\s*(?:года|г\.|г(?!\w)))?)?"
    r"|(?P<nday>[0-3]?\d)\.(?P<nmonth>[01]?\d)\.(?P<nyear>(?:19|20)\d\d)"
)
_TIME = re.compile(r"\s*,?\s*\d{1,2}:\d{2}")
_SEP = re.compile(r"\s*[.,]\s*|\s+")
_DASH = re.compile(r"\s*[-—–]+\s*")
_TERM = re.compile(r"\s*(?:[-—–:]+|\.(?![\w.]))\s*")
_AUTHOR = re.compile(r",\s*[А-ЯЁA-Z][а-яёa-z]+(?:\s+[А-ЯЁA-Z][а-яёa-z]+){0,2}(?=\s*[.:—–-])")


@lru_cache(maxsize=1)
def _agencies() -> tuple[dict[str, str], re.Pattern[str]]:
    names = {alias.lower(): name for alias, name in data_rows("news_agencies.tsv")}
    alternation = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(names, key=len, reverse=True))
    bare = rf"[«\"]?(?P<agency>{alternation})[»\"]?(?![\w])"
    slashed = rf"/\s*(?:Корр\.\s*)?(?P<slashed>{alternation})(?![\w])[^/\n]{{0,60}}/"
    bracketed = rf"\(\s*(?P<bracketed>{alternation})\s*\)"
    return names, re.compile(rf"{slashed}|{bracketed}|{bare}", re.IGNORECASE)


def agency_name(alias: str) -> str | None:
    """The canonical name of an agency alias (`INTERFAX.RU` → `Интерфакс`), else None."""
    names, _ = _agencies()
    return names.get(re.sub(r"\s+", " ", alias.strip().lower()))


def _agency(text: str, pos: int) -> tuple[str, int] | None:
    _, pattern = _agencies()
    m = pattern.match(text, pos)
    if m is None:
        return None
    alias = m["slashed"] or m["bracketed"] or m["agency"]
    end = m.end()
    author = _AUTHOR.match(text, end) if m["agency"] else None
    return agency_name(alias) or alias, author.end() if author else end


def _date(text: str, pos: int) -> tuple[tuple[int, int, int | None], int] | None:
    m = _DATE.match(text, pos)
    if m is None:
        return None
    year: int | None
    if m["nday"]:
        day, month, year = int(m["nday"]), int(m["nmonth"]), int(m["nyear"])
    else:
        day, month = int(m["day"]), month_number(m["month"]) or 0
        year = int(m["year"]) if m["year"] else None
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    end = m.end()
    if m["month"] and not m["year"] and m["dot"] and m["month"].lower() not in month_abbreviations():
        end = m.end("month")  # `11 марта.`: the full stop ends the dateline, it is no abbreviation's
    time = _TIME.match(text, end)
    return (day, month, year), time.end() if time else end


def _city(text: str, pos: int) -> tuple[str, int] | None:
    m = _CITY.match(text, pos)
    if m is None or _agency(text, pos) is not None:
        return None
    return _title(m["city"]), m.end()


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(row[0] for row in data_rows("city_particles.tsv"))


def _title(city: str) -> str:
    """`НЬЮ-ЙОРК` → `Нью-Йорк`, `РОСТОВ-НА-ДОНУ` → `Ростов-на-Дону`; mixed case stays as written."""
    if not city.isupper() or len(city) < 2:
        return city
    parts = re.split(r"([ -])", city.lower())
    out = [p if p in _particles() and i > 0 else p[:1].upper() + p[1:] for i, p in enumerate(parts)]
    return "".join(out)


def _term(text: str, pos: int, required: bool) -> int | None:
    """Where the body starts after a dateline: past the dash, colon or full stop and spaces."""
    m = _TERM.match(text, pos)
    if m is not None:
        return m.end()
    if pos >= len(text.rstrip()):
        return len(text)
    return None if required else pos + len(text[pos:]) - len(text[pos:].lstrip())


def _after_date(text: str, pos: int) -> tuple[str | None, int] | None:
    """The agency after a date (`. INTERFAX.RU -`, ` — РИА Новости.`, ` /ТАСС/.`) and the body start."""
    for sep in (_DASH, _SEP):
        m = sep.match(text, pos)
        found = _agency(text, m.end()) if m else None
        if found is not None:
            end = _term(text, found[1], required=False)
            return (found[0], end) if end is not None else None
    end = _term(text, pos, required=True)
    return (None, end) if end is not None else None


def _city_first(text: str, pos: int) -> tuple[Dateline, int] | None:
    city = _city(text, pos)
    if city is None:
        return None
    name, at = city
    sep = _SEP.match(text, at)
    date = _date(text, sep.end()) if sep else None
    if date is not None:
        (day, month, year), at = date
        rest = _after_date(text, at)
        if rest is None:
            return None
        agency, end = rest
        return Dateline(text="", city=name, day=day, month=month, year=year, agency=agency), end
    found = _agency(text, sep.end() if sep else at)  # ЛОНДОН (Reuters) -
    if found is None or found[1] - at > 40:
        return None
    after = _term(text, found[1], required=True)
    if after is None:
        return None
    return Dateline(text="", city=name, agency=found[0]), after


def _agency_first(text: str, pos: int) -> tuple[Dateline, int] | None:
    found = _agency(text, pos)
    if found is None:
        return None
    sep = _SEP.match(text, found[1])
    date = _date(text, sep.end()) if sep else None
    if date is None:
        return None
    (day, month, year), at = date
    end = _term(text, at, required=False)
    return Dateline(text="", day=day, month=month, year=year, agency=found[0]), end or at


def _date_first(text: str, pos: int) -> tuple[Dateline, int] | None:
    date = _date(text, pos)
    if date is None:
        return None
    (day, month, year), at = date
    dash = _DASH.match(text, at) or _SEP.match(text, at)
    found = _agency(text, dash.end()) if dash else None
    if found is None:
        return None
    end = _term(text, found[1], required=False)
    return Dateline(text="", day=day, month=month, year=year, agency=found[0]), end or found[1]


def parse_dateline(text: str) -> tuple[Dateline, int] | None:
    """The dateline that opens a paragraph and the offset where the body starts, or None.

    Raises:
        InputError: when `text` is not a string.
    """
    if not isinstance(text, str):
        raise InputError(f"a dateline is parsed from a string, not {type(text).__name__}")
    head = text[:MAX_DATELINE]
    pos = len(head) - len(head.lstrip())
    for form in (_agency_first, _city_first, _date_first):
        found = form(head, pos)
        if found is not None:
            dateline, end = found
            end = min(end, len(head))
            words = head[pos:end].strip()
            return Dateline(
                words, dateline.city, dateline.day, dateline.month, dateline.year, dateline.agency
            ), end
    return None
