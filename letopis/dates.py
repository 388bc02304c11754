"""Time expressions in Russian news: find them, then resolve them to the ISO dates EVENTS.md asks for.

Finding and resolving are separate steps, because the same words mean different days in
different articles: `find_time_expressions` reads the text alone and returns what it says
(`в среду` = a Wednesday, `весной этого года` = spring of the reference year); `resolve` turns that
into `2020-03-11` or `2020-03/2020-05` given the reference date (the publication date), the tense of
the clause and, for `накануне`/`за неделю до`, the date of the anchor event.

Rules (EVENTS.md, "Annotation decisions" → Date), all documented where they are applied:
- the year is never guessed: no year in the text and no reference → None;
- a bare month or day+month takes the reference year; only when the tense points the other way
  and the month is more than 6 months away does it move to the neighbouring year
  (`в декабре` in a past-tense clause published in February → December of the previous year);
- weekdays: past tense → the latest such day on or before the reference, future → the first on or
  after it, no tense or present → the nearest one (ties go to the past);
- seasons are month intervals: весна 03–05, лето 06–08, осень 09–11, зима 12–02 where the winter
  of year Y is the one holding January Y (`зимой 2020 года` → 2019-12/2020-02), except that a winter
  resolved from a December reference is the one starting that December;
- `на прошлой неделе` → the Monday/Sunday interval; `в начале/конце сентября` → the month;
- halves and quarters of a year (`в первом полугодии`, `в третьем квартале 2019 года`) → month
  intervals, as seasons are; `в выходные` → the Saturday/Sunday interval in the tense's direction;
- `с 1995 года` (since) and `к 2014 году`/`до` (until) are open intervals, not event dates: `resolve`
  returns None for them unless asked with `open_ended=True` (then it returns the bound);
- decades (`в 2000-х`) → None.
"""

from __future__ import annotations

import datetime as dt

from .timex import Relation, TimeExpression, _lexicon, find_time_expressions, month_number

# how far back (characters) a birth word may stand before the date it gives
BIRTH_REACH = 20

__all__ = [
    "Relation",
    "TimeExpression",
    "find_time_expressions",
    "resolve",
    "resolve_in_sentence",
    "reference_date",
    "month_number",
    "resolve_counted",
    "count_on",
    "text_reference",
]

SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
# fixed spans of a year, as month intervals like seasons: halves and quarters (`в первом полугодии`)
SPANS = {
    "first-half": (1, 6),
    "second-half": (7, 12),
    "q1": (1, 3),
    "q2": (4, 6),
    "q3": (7, 9),
    "q4": (10, 12),
}
# A bare month more than this many months from the reference, against the tense, belongs to the
# neighbouring year: half a year is the point where the other year's month becomes the nearer one.
CROSS_YEAR_MONTHS = 6
# Months a day or month a past clause tells may lie after the reference in the same year: a text may be
# updated after its publication date, with the days that follow it
PAST_AHEAD_MONTHS = 2


# --- resolution ----------------------------------------------------------------------------------


def reference_date(published: str | None) -> dt.date | None:
    """The reference date of an ISO `published` value (`2020-03-11`, `2020-03-11T09:30:00+03:00`)."""
    if not published or not isinstance(published, str):
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def text_reference(text: str) -> dt.date | None:
    """The first full date (day, month and year) a text names: the reference of a text with no
    publication date, whose year-less dates take the year the text gives (EVENTS.md Date: the year
    is null only when neither `published` nor the text determines it)."""
    birth = _lexicon().words.get("birth", {})
    for e in find_time_expressions(text):
        before = text[max(0, e.start - BIRTH_REACH) : e.start].split()
        if before and before[-1].lower().strip("(,") in birth:
            continue  # `родился 10 сентября 1993 года`: a life's start, not the day the news is of
        if e.kind == "date" and e.year is not None and e.relation is Relation.AT and e.month and e.day:
            try:
                return dt.date(e.year, e.month, e.day)
            except ValueError:
                continue
    return None


def _tense(tense: str | None) -> str | None:
    """'past' | 'present' | 'future' | None; natasha's `Past`/`Pres`/`Fut` are accepted too."""
    key = (tense or "").lower()[:3]
    return {"pas": "past", "pre": "present", "fut": "future"}.get(key)


def resolve(
    expression: TimeExpression,
    reference: dt.date | None,
    tense: str | None = None,
    anchor: dt.date | None = None,
    open_ended: bool = False,
) -> str | None:
    """The ISO date, month, year or interval an expression stands for, or None when unknowable.

    Args:
        expression: from `find_time_expressions`.
        reference: the publication date; None leaves every year-less expression unresolved.
        tense: of the clause the expression belongs to: 'past', 'present', 'future' (or None).
        anchor: the date of the event an anchored expression counts from (`накануне`, `за неделю до`).
        open_ended: also resolve `с 1995 года`/`к 2014 году` to their bound instead of None.
    """
    if expression.relation in (Relation.SINCE, Relation.UNTIL) and not open_ended:
        return None
    try:
        if expression.kind == "range":
            return _resolve_range(expression, reference, _tense(tense))
        return _resolve_point(expression, reference, _tense(tense), anchor)
    except (ValueError, OverflowError, TypeError):
        return None  # a day or year outside the calendar: 31 февраля, year 10000


def resolve_counted(expression: TimeExpression, base: dt.date) -> str | None:
    """The date of the event an expression counts from, when the clause's own act happened on
    `base`: `поездка состоялась за неделю до визита` on the 4th → the visit is on the 11th."""
    if expression.relation not in (Relation.BEFORE, Relation.AFTER) or expression.offset is None:
        return None
    return _shift_value(base, expression.unit or "day", -expression.offset)


def count_on(expression: TimeExpression, base: dt.date) -> str | None:
    """The day an onward count lands on from `base`, the day of the act told before it (`спустя два
    дня`, `через неделю` in a past narrative)."""
    if expression.kind not in ("shift", "day") or expression.offset is None:
        return None
    return _shift_value(base, expression.unit or "day", expression.offset)


def resolve_in_sentence(
    sentence: str,
    reference: dt.date | None,
    tense: str | None = None,
    anchor: dt.date | None = None,
    open_ended: bool = False,
) -> list[tuple[TimeExpression, str]]:
    """Every resolvable time expression of a sentence with its ISO value, left to right."""
    out = []
    for expression in find_time_expressions(sentence):
        value = resolve(expression, reference, tense, anchor, open_ended)
        if value is not None:
            out.append((expression, value))
    return out


def _resolve_range(expression: TimeExpression, reference: dt.date | None, tense: str | None) -> str | None:
    end = expression.end
    if end is None:
        return None
    first = _resolve_point(expression, reference, tense, None, kind=end.kind)
    last = _resolve_point(end, reference, tense, None)
    if first is None or last is None or first > last:
        return None
    return f"{first}/{last}"


def _resolve_point(
    e: TimeExpression, reference: dt.date | None, tense: str | None, anchor: dt.date | None, kind: str = ""
) -> str | None:
    kind = kind or e.kind
    if e.relation in (Relation.BEFORE, Relation.AFTER):
        return _shift_value(anchor, e.unit or "day", e.offset or 0) if anchor else None
    base = anchor if e.anchored and anchor else reference
    if kind in ("date", "month", "season"):
        year = _year_of(e, reference, tense)
        if year is None:
            return None
        if kind == "date":
            return dt.date(year, e.month or 0, e.day or 0).isoformat()
        if kind == "month":
            return f"{year:04d}-{e.month:02d}"
        return _season_interval(e.season or "", year, reference if e.year is None else None)
    if kind == "year":
        if e.year is not None and e.part in SPANS:
            return _span(e.year, e.part)
        return f"{e.year:04d}" if e.year is not None else None
    if base is None or kind == "decade":
        return None
    if kind == "period" and e.unit == "year" and e.part in SPANS:
        return _span(base.year + (e.offset or 0), e.part)
    if kind == "weekend":
        return _weekend(base, tense)
    if kind == "weekday":
        return _weekday_date(e, base, tense).isoformat()
    if kind == "day" and (not e.anchored or anchor is not None or (e.offset or 0) < 0):
        return (base + dt.timedelta(days=e.offset or 0)).isoformat()
    if kind == "period":
        return _period_value(e.unit or "", e.offset or 0, base)
    if kind == "shift":
        if tense == "past" and (e.offset or 0) > 0 and not e.anchored:
            return None  # `через два дня армия открыла огонь`: two days after the act told before, not today
        return _shift_value(base, e.unit or "day", e.offset or 0)
    return None


def _year_of(e: TimeExpression, reference: dt.date | None, tense: str | None) -> int | None:
    """The year of a month/day/season: given, counted from the reference, or the reference's own."""
    if e.year is not None:
        return e.year
    if reference is None:
        return None
    if e.unit == "year" and e.offset is not None:
        return reference.year + e.offset
    if e.month is None:
        return reference.year
    ahead = e.month - reference.month
    if tense == "past" and ahead > CROSS_YEAR_MONTHS:
        return reference.year - 1
    if tense == "future" and -ahead > CROSS_YEAR_MONTHS:
        return reference.year + 1
    # data/time_words.tsv `target`: prepositions of a date something is set for
    if e.text.lower().startswith(tuple(f"{w} " for w in _lexicon().words["target"])):
        return reference.year  # `назначил выборы на 4 декабря`: a past act may set a later date
    if tense == "past" and ahead > PAST_AHEAD_MONTHS:
        # what the clause tells as done cannot lie months after the reference (`31 декабря прошли
        # митинги` published in August is last December's); a few weeks can (a text updated later)
        return reference.year - 1
    return reference.year


def _span(year: int, part: str | None) -> str:
    first, last = SPANS[part or ""]
    return f"{year:04d}-{first:02d}/{year:04d}-{last:02d}"


def _weekend(base: dt.date, tense: str | None) -> str:
    """`в выходные`: the coming Saturday–Sunday in a future clause, else the last one up to the
    reference (the one it falls on, when published on a weekend)."""
    if tense == "future":
        saturday = base + dt.timedelta(days=(5 - base.weekday()) % 7)
    else:
        saturday = base - dt.timedelta(days=(base.weekday() - 5) % 7)
    return f"{saturday.isoformat()}/{(saturday + dt.timedelta(days=1)).isoformat()}"


def _season_interval(season: str, year: int, reference: dt.date | None) -> str | None:
    if season not in SEASONS:
        return None
    first, last = SEASONS[season]
    if first < last:
        return f"{year:04d}-{first:02d}/{year:04d}-{last:02d}"
    starts = year if reference is not None and reference.month == 12 else year - 1
    return f"{starts:04d}-{first:02d}/{starts + 1:04d}-{last:02d}"


def _weekday_date(e: TimeExpression, base: dt.date, tense: str | None) -> dt.date:
    target = e.weekday or 0
    if e.unit == "recent":  # `в минувшую субботу`: the latest such day before the reference
        return base - dt.timedelta(days=(base.weekday() - target) % 7 or 7)
    if e.unit == "week" and e.offset is not None:  # в прошлую пятницу: that day of the named week
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=e.offset)
        return monday + dt.timedelta(days=target)
    back = (base.weekday() - target) % 7
    forward = (target - base.weekday()) % 7
    if tense == "future":
        return base + dt.timedelta(days=forward)
    if tense == "past" or back <= forward:
        return base - dt.timedelta(days=back)
    return base + dt.timedelta(days=forward)


def _period_value(unit: str, offset: int, base: dt.date) -> str | None:
    if unit == "year":
        return f"{base.year + offset:04d}"
    if unit == "month":
        return _month_shift(base, offset)
    if unit == "week":
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=offset)
        return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"
    if unit == "weekend":
        saturday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=offset, days=5)
        return f"{saturday.isoformat()}/{(saturday + dt.timedelta(days=1)).isoformat()}"
    if unit == "day":
        return (base + dt.timedelta(days=offset)).isoformat()
    return None


def _month_shift(base: dt.date, offset: int) -> str:
    index = base.year * 12 + base.month - 1 + offset
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _shift_value(base: dt.date, unit: str, count: int) -> str | None:
    """`через два дня`, `неделю назад`: exact for days and weeks, to the month or year otherwise."""
    if unit == "day":
        return (base + dt.timedelta(days=count)).isoformat()
    if unit == "week":
        return (base + dt.timedelta(weeks=count)).isoformat()
    if unit == "month":
        return _month_shift(base, count)
    if unit == "year":
        return f"{base.year + count:04d}"
    return None
