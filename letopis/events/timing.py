"""When an event happens: time expressions of the trigger's clause, resolved by letopis.dates.

An expression belongs to the trigger when, walking up the tree from the expression's head, the
first verb (or the trigger itself) reached is the trigger, its predicate, or a head above them
through xcomp/csubj (`решено весной … открыть`). Besides (EVENTS.md, Annotation → Date):
- an expression that opens a coordination (`В прошлом году Интерпол пресек …, 5 тысяч человек были
  арестованы`) dates every conjunct of it;
- an expression inside a noun phrase with a relative preposition (`после ликвидации 2 мая`,
  `ввиду отказа`) dates that noun's event, not the clause's; a noun trigger in such a phrase takes
  no date from the clause around it;
- `с 1995 года, когда/тогда X` dates X alone: for the main clause it is an ongoing state (null);
- `за два дня до X`/`спустя неделю` count from another event, unknown here → null;
  `накануне` counts back from `anchor` (the document's main event) or else from `published`.
- a relative clause that only says the act took place (`убийство, которое произошло 4 августа`)
  dates it; a participle standing for the doers (`тысячи протестующих вышли … в выходные`) takes its
  verb's time; two days in a row joined by `и` are one span;
- words said in the present tense (`заявил сегодня, что требует …`, `«Мы осуждаем …», — заявил`) are
  done by saying them: with no time of their own they take the saying's (`location.speech_host`);
- an act that is part of an occasion told just before (a rally, meeting, press conference) takes its
  day (`occasion_dates`): a statement only when it is made at it (`на митинге`), not about it
  (`заявили, что акция незаконна`); an arrest right after a dated rally is at it, and a physical
  act right after one of a day and a place is of that scene; rally words name one rally;
- a report told beside the news (`…, сообщает во вторник пресс-служба`) dates it, as `Об этом во
  вторник сообщили` does the sentence before (`context_dates`, which also places a reported
  statement where the report says it was made);
- a weekday of a noun act with no tense of its own reads in the tense of its verb (`в пятницу
  подписал указ о санкциях`: last Friday); a date after what an act is against that is no act
  (`марш против расизма 8 марта`) dates the act;
- an act told again takes the date of its first telling: a headline the day a later sentence gives the
  same word (`headline_dates`), an act the day the previous sentence gives it (`retold_dates`).
Resolution against `published`, with the clause's tense deciding the direction, is letopis.dates'.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import dates
from ..record import Article, Event, Location, Sentence, Token
from ..timex import Relation, TimeExpression, _lexicon
from .dedupe import family
from .location import converb_verb as _converb_verb
from .location import (
    court_act,
    court_seat,
    find_locations,
    is_physical,
    is_statement,
    occasion_lemmas,
    rally_lemmas,
    setting_converbs,
    speech_host,
    speech_lemmas,
    trial_words,
)
from .tree import Tree, segments

if TYPE_CHECKING:
    from .actors import ActorIndex

__all__ = [
    "find_dates",
    "document_anchor",
    "fill_restatements",
    "context_dates",
    "occurred_clauses",
    "headline_dates",
    "occasion_dates",
]

MAX_STEPS = 6  # how far up the tree an expression may sit below its clause
LEAD_SENTENCES = 3  # where a news text states its main event
ANCHOR_REACH = 31  # days: the main event of a news text is no further from its publication
HEADLINE_REACH = 4  # the last sentence that may restate a headline (after a subtitle and a caption)


@lru_cache(maxsize=1)
def _relative() -> frozenset[str]:
    return frozenset(_lexicon().words.get("relative", {}))


def _trigger_at(sentence: Sentence, trigger: str) -> int:
    """The index of the first token written as `trigger`, else -1."""
    return next((k for k, t in enumerate(sentence.tokens) if t.text == trigger), -1)


def _token_at(sentence: Sentence, offset: int) -> int:
    for i, token in enumerate(sentence.tokens):
        if token.stop > offset:
            return i
    return -1


def find_dates(
    tree: Tree,
    sentence: Sentence,
    trigger: int,
    pred: int,
    reference: dt.date | None,
    tense: str | None,
    anchor: dt.date | None = None,
    kind: str | None = None,
) -> list[tuple[int, str]]:
    """(token index, ISO value) of the clause's resolvable time expressions, left to right.

    `anchor` is the date `накануне` counts back from (the main event of the document); the
    publication date `reference` when not given. `kind` is the event type: a statement act told
    in the past inside reported speech (`заявил в среду, что Россия нарушила …`) is made by saying
    it, so with no time of its own it takes the saying's; a physical act keeps none."""
    if tree.hi <= tree.lo:
        return []
    lo_char = tree.tokens[tree.lo].start - sentence.start
    hi_char = tree.tokens[tree.hi - 1].stop - sentence.start
    clause = _clause(tree, trigger, pred)
    boundary = _boundary(tree, pred)
    out: list[tuple[int, str]] = []
    last: TimeExpression | None = None
    for expression in dates.find_time_expressions(sentence.text):
        if expression.start < lo_char or expression.stop > hi_char:
            continue
        if expression.when >= 0:
            attached = _in_when_clause(tree, sentence, expression, clause)
        else:
            j = _head_of(tree, sentence, expression)
            attached = j >= 0 and j >= boundary and _attached(tree, j, clause, _fronted(tree, j, pred))
            first = _token_at(sentence, sentence.start + expression.start)
            attached = attached or (_opens_line(tree, first) and _main(tree, pred))
            attached = attached or _across_colon(tree, j, first, pred)
            attached = attached and not _main_clause_before(tree, first, pred)
            attached = attached and not _in_relative(tree, j, clause)
            attached = attached and not _closes_relative_noun(tree, first, clause)
        if not attached:
            continue
        j = _token_at(sentence, sentence.start + expression.start)
        own = tense or _verb_tense(tree, _head_of(tree, sentence, expression))
        value = _resolve(expression, reference, own, anchor)
        if value is not None and out and _next_day(sentence.text, last, expression, out[-1][1], value):
            out[-1] = (out[-1][0], f"{out[-1][1]}/{value}")  # `в понедельник и во вторник`: one span
        elif value is not None:
            out.append((j, value))
        last = expression
    if not out and _shares_subject(tree, pred):
        # `сообщил сегодня, что желает мира, но требует …` read as `сообщил … но требует`, `задержали
        # в среду и допросили`: a conjunct verb with no subject of its own takes its head's time
        head = tree.head(pred)
        shared = find_dates(tree, sentence, head, head, reference, tense, anchor, kind)
        out = [(i, v) for i, v in shared if i < pred]
    if not out:
        host = _occasion_host(tree, clause)
        if host >= 0:  # `Сегодня прошла пресс-конференция, на которой было сообщено о поимке`
            return find_dates(tree, sentence, host, host, reference, tense, anchor)
        said = tense == "present" or (tense == "past" and kind is not None and said_when_told(kind))
        # `заявил, что США не будут возражать`: backing or an offer promised is given by saying it
        said = said or (tense == "future" and str(kind).upper() in SAID_ACTS)
        speaker = speech_host(tree, pred) if said else -1
        if speaker >= 0:
            # `заявил сегодня, что требует отставки`: what is said in the present tense is done by
            # saying it, at the time of the speech
            return find_dates(tree, sentence, speaker, speaker, reference, "past", anchor)
        voiced = kind is not None and said_when_told(kind)
        issued = _issued(tree, [pred, _reporter(tree, pred)]) if voiced else -1
        if issued >= 0:
            # `Россия осудила удары, говорится в заявлении МИД, опубликованном в среду`: a statement
            # is made when the text that carries it is issued
            return find_dates(tree, sentence, issued, issued, reference, "past", anchor)
        reporter = _reporter(tree, pred)
        if reporter >= 0:
            # `Полиция обнаружила оружие, сообщает во вторник пресс-служба`: the news is of the day
            # the report gives, as with `Об этом во вторник сообщили` (context_dates)
            return find_dates(tree, sentence, reporter, reporter, reference, "past", anchor)
    return (
        out
        or _counted_from(tree, sentence, trigger, reference, anchor)
        or _right_after(tree, sentence, clause, reference)
    )


# besides location's statement types: backing and offers (the caller passes AGREE only for an offer
# or a promise, data/event_families.tsv `offer`) are voiced when told
SAID_ACTS = frozenset({"SUPPORT", "AGREE"})


def said_when_told(kind: str) -> bool:
    """Acts done by saying them (accusing, demanding, rejecting, threatening, backing, offering):
    reported in someone's words, they happen when those words are said."""
    return is_statement(kind) or str(kind).upper() in SAID_ACTS


def _issued(tree: Tree, heads: list[int]) -> int:
    """The participle that tells when the text carrying a statement was issued (`в заявлении,
    опубликованном в среду`, `в интервью, данном в понедельник`): an `acl` of a speech noun
    (data/event_places.tsv `speech`) the clause's verbs take as an `в` phrase, whose lemma is an
    issuing verb (data/time_words.tsv `issued`); else -1."""
    issuing = _lexicon().words.get("issued", {})
    speech = speech_lemmas()
    heads = [h for h in heads if h >= 0]
    heads += [c for h in heads for c in tree.kids(h, "parataxis")]  # `…, говорится в заявлении, …`
    for h in heads:
        for c in tree.kids(h, "obl", "nmod"):
            if tree.tokens[c].lemma.lower() not in speech:
                continue
            for v in tree.kids(c, "acl"):
                if tree.tokens[v].lemma.lower() in issuing:
                    return v
    return -1


def _reporter(tree: Tree, pred: int) -> int:
    """A report verb told beside the news it reports (`…, сообщает во вторник пресс-служба МВД`): a
    parataxis of the clause's verb whose lemma is a report verb (data/time_words.tsv `report_verb`),
    else -1."""
    report = _lexicon().words.get("report_verb", {})
    for c in tree.kids(pred, "parataxis"):
        if tree.tokens[c].lemma.lower() in report:
            return c
    top, steps = pred, 0
    while tree.head(top) >= 0 and steps < MAX_STEPS:
        top, steps = tree.head(top), steps + 1
    # the parser may make the report verb after the comma a second root of the line
    for c in range(top + 2, tree.hi):
        if tree.head(c) < 0 and tree.tokens[c - 1].text == "," and tree.tokens[c].lemma.lower() in report:
            return c
    return -1


def _verb_tense(tree: Tree, j: int) -> str | None:
    """The tense of the verb an expression hangs on, for an act whose own clause has none (`в
    пятницу подписал указ о санкциях`: the sanctions are past as the signing is): `past`, `future`
    (also a perfective present form, `подпишет`) or `present`; None when no verb is reached."""
    for _ in range(MAX_STEPS):
        if j < 0:
            return None
        token = tree.tokens[j]
        if token.pos in ("VERB", "AUX") and token.feat("VerbForm") in ("Fin", None):
            tense = token.feat("Tense")
            if tense == "Past":
                return "past"
            if tense == "Fut" or (tense == "Pres" and token.feat("Aspect") == "Perf"):
                return "future"
            return "present" if tense == "Pres" else None
        j = tree.head(j)
    return None


def _next_day(text: str, first: TimeExpression | None, second: TimeExpression, a: str, b: str) -> bool:
    """Two days in a row joined by `и` (`в понедельник и во вторник`) are one span of the act."""
    if first is None or len(a) != 10 or len(b) != 10 or text[first.stop : second.start].strip() != "и":
        return False
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days == 1


def _right_after(
    tree: Tree, sentence: Sentence, clause: set[int], reference: dt.date | None
) -> list[tuple[int, str]]:
    """`заключена под стражу после того, как в 1990 году … победила`: an act with no time of its
    own, right after an event the clause dates by year, happened in that year (the year only)."""
    tokens = tree.tokens
    words = _lexicon().words.get("right_after", {})
    verbs: list[int] = []
    for h in clause:
        for c in tree.kids(h):
            rel = tokens[c].rel.split(":")[0]
            if rel == "obl" and tokens[c].pos == "PRON" and tree.case(c) in words:
                verbs += [v for v in tree.kids(c, "acl", "advcl") if tokens[v].pos in ("VERB", "AUX")]
            elif rel == "advcl" and any(
                tokens[m].lemma.lower() in words for m in tree.kids(c, "mark", "case")
            ):
                verbs.append(c)
    for v in verbs:
        for expression in dates.find_time_expressions(sentence.text):
            j = _head_of(tree, sentence, expression)
            if j < 0 or not tree.inside(j) or not _below(tree, j, v):
                continue
            value = _resolve(expression, reference, "past", None)
            if value is not None and len(value) == 4:
                return [(v, value)]
    return []


def _below(tree: Tree, j: int, v: int) -> bool:
    """`v` is `j` or one of its heads, within MAX_STEPS."""
    for _ in range(MAX_STEPS + 1):
        if j == v:
            return True
        if j < 0:
            return False
        j = tree.head(j)
    return False


def _occasion_host(tree: Tree, clause: set[int]) -> int:
    """The verb that states the occasion a relative clause of the act tells about (`прошла` in
    `прошла пресс-конференция, на которой было сообщено …`); -1 when the act is not in such a clause.
    """
    tokens = tree.tokens
    for v in sorted(clause):
        if tokens[v].rel != "acl:relcl":
            continue
        opener = next((c for c in tree.kids(v) if _relative_word(tokens[c])), -1)
        if opener < 0:
            continue
        mark = tree.case(opener) if tokens[opener].pos == "PRON" else tokens[opener].lemma.lower()
        noun = tree.head(v)
        if mark not in _at_occasion() or noun < 0 or tokens[noun].rel.split(":")[0] not in ("nsubj", "obj"):
            continue
        host = tree.head(noun)
        if host >= 0 and tokens[host].pos in ("VERB", "AUX") and host not in clause:
            return host
    return -1


def _relative_word(token: Token) -> bool:
    words = _lexicon().words.get("relative_word", {})
    return "Rel" in (token.feat("PronType") or "") or token.lemma.lower() in words


@lru_cache(maxsize=1)
def _at_occasion() -> frozenset[str]:
    """Openers of a relative clause set at its noun's occasion (rows `at_occasion` of data/time_words.tsv)."""
    return frozenset(_lexicon().words.get("at_occasion", {}))


def _counted_from(
    tree: Tree, sentence: Sentence, trigger: int, reference: dt.date | None, anchor: dt.date | None
) -> list[tuple[int, str]]:
    """`за неделю до запланированного визита`: the noun after `за N до` is the act the clause's
    own act counts back from; it is on the clause's day (or the document's main day) plus N."""
    if tree.tokens[trigger].pos != "NOUN":
        return []
    marks = [c for c in tree.kids(trigger, "case") if tree.tokens[c].lemma.lower() in _counted()]
    if not marks:
        return []
    stop = tree.tokens[marks[0]].stop - sentence.start
    found = dates.find_time_expressions(sentence.text)
    counted = [e for e in found if e.relation is Relation.BEFORE and e.stop == stop]
    if not counted:
        return []
    base = anchor
    for e in found:
        if e.relation is Relation.AT and not e.anchored:
            value = dates.resolve(e, reference, "past")
            base = dt.date.fromisoformat(value) if value and len(value) == 10 else None
            break
    value = dates.resolve_counted(counted[0], base) if base else None
    return [(trigger, value)] if value else []


@lru_cache(maxsize=1)
def _counted() -> frozenset[str]:
    """Prepositions that end a `за N до X` expression (rows `counted` of data/time_words.tsv)."""
    return frozenset(_lexicon().words.get("counted", {}))


def _resolve(
    e: TimeExpression, reference: dt.date | None, tense: str | None, anchor: dt.date | None
) -> str | None:
    if e.relation in (Relation.BEFORE, Relation.AFTER):
        return None  # counted from an event named beside it, whose date is not known here
    if e.anchored and (e.offset or 0) > 0:
        return None  # `на следующий день`: after the act told before it (context_dates counts it)
    # `санкции вступят в силу с 1 января`: an act still to come that starts then happens then; `с 1995
    # года скрывается` is a state going on (null)
    starts = e.relation is Relation.SINCE and tense == "future" and e.kind != "range"
    return dates.resolve(e, reference, tense, anchor=anchor or reference, open_ended=starts)


def _clause(tree: Tree, trigger: int, pred: int) -> set[int]:
    if trigger != pred and tree.case(trigger) in _relative():
        return {trigger}  # `ввиду отказа Израиля`: the refusal is not dated by the sentence's verb
    out = {trigger, pred, *tree.ancestors(pred, frozenset({"xcomp", "csubj", "csubj:pass"}), 2)}
    out.update(setting_converbs(tree, pred))  # `Выступая в понедельник на митинге, потребовала …`
    # `сегодня объявил о выборах, тем самым выполнив требования`: a converb's act is done when
    # the verb it hangs on is
    out.update({_converb_verb(tree, pred)} - {-1})
    noun = tree.head(pred)
    token = tree.tokens[pred]
    # the parser hangs an infinitive under a noun as nmod as often as acl (`решение просить`)
    under_noun = token.rel == "acl" or (token.rel == "nmod" and token.feat("VerbForm") == "Inf")
    if under_noun and noun >= 0 and tree.tokens[noun].rel in ("obj", "obl"):
        # `вынесла решение просить`, `проголосовал за резолюцию, осуждающую …`: the document's act
        # is the verb's act
        out.update({noun, tree.head(noun)} - {-1})
    for subject in tree.kids(pred, "nsubj", "nsubj:pass"):
        # `Состоявшийся 3 марта суд сократил срок`: the occasion the subject is took place then
        out.update(v for v in tree.kids(subject, "acl") if tree.tokens[v].lemma.lower() in _occurred())
    if tree.tokens[trigger].pos == "NOUN":
        # `убийство, которое произошло 4 августа`: a relative clause that only says the act took
        # place dates the act itself
        out.update(occurred_clauses(tree, trigger))
    if trigger == pred and _nominal(tree.tokens[trigger]):
        verb = _governing_verb(tree, trigger)
        if verb >= 0:
            out.add(verb)
            out.update({_converb_verb(tree, verb)} - {-1})
    return out


def occurred_clauses(tree: Tree, noun: int) -> list[int]:
    """Verbs of `, которое произошло …` clauses (or `, случившееся …` participles) of an action noun.
    The parser may hang the clause on a later noun of the phrase (`убийство британца, которое
    произошло`): the relative word agreeing with the action noun, not with that one, tells."""
    tokens = tree.tokens
    out = []
    for v in range(noun + 1, tree.hi):
        if tokens[v].rel.split(":")[0] != "acl" or tokens[v].lemma.lower() not in _occurred():
            continue
        h = tree.head(v)
        if h != noun:
            if h < 0 or not _below(tree, h, noun):
                continue
            word = next((c for c in tree.kids(v) if _relative_word(tokens[c])), v)
            feats = [f for f in ("Gender", "Number") if tokens[noun].feat(f)]
            agrees = all(tokens[word].feat(f) == tokens[noun].feat(f) for f in feats)
            if not agrees or all(tokens[word].feat(f) == tokens[h].feat(f) for f in feats):
                continue
        out.append(v)
    return out


@lru_cache(maxsize=1)
def _occurred() -> frozenset[str]:
    """Verbs that only say an act took place (rows `occurred` of data/time_words.tsv)."""
    return frozenset(_lexicon().words.get("occurred", {}))


def _nominal(token: Token) -> bool:
    """An action noun, or a participle standing for its doers (`Десятки тысяч протестующих вышли`):
    its act happens at the time of the verb it is an argument of."""
    if token.pos == "NOUN":
        return True
    return token.pos == "VERB" and token.feat("VerbForm") == "Part" and token.rel in NOUN_RELS


NOUN_RELS = frozenset({"obl", "nmod", "obj", "iobj", "nsubj", "nsubj:pass"})
NOUN_STEPS = 3  # noun links from an action noun up to the verb whose time it shares


def _governing_verb(tree: Tree, j: int) -> int:
    """The verb an action noun is an argument of, through plain noun links (`В субботу … вышли на
    митинг`, `в результате совместной работы … пресек`): the noun's act happens at the verb's time.
    A relative preposition on the way (`после ликвидации`, `ввиду отказа`) dates another act: -1."""
    relative = _relative()
    for _ in range(NOUN_STEPS):
        if tree.tokens[j].rel not in NOUN_RELS or tree.case(j) in relative:
            return -1
        h = tree.head(j)
        if h < 0:
            return -1
        if tree.tokens[h].pos in ("VERB", "AUX"):
            return h
        if tree.tokens[h].pos not in ("NOUN", "PROPN"):
            return -1
        j = h
    return -1


def _boundary(tree: Tree, pred: int) -> int:
    """First token of a subordinate clause proper (`что`, `который`): an expression before it
    belongs to the main clause, whatever the parser says (`в четверг подтвердил, что задержали`)."""
    if tree.tokens[pred].rel.split(":")[0] not in ("acl", "ccomp", "advcl"):
        return -1
    marks = [
        c
        for c in tree.kids(pred)
        if tree.tokens[c].rel == "mark" or "Rel" in (tree.tokens[c].feat("PronType") or "")
    ]
    return min(marks) if marks else -1


def _in_relative(tree: Tree, j: int, clause: set[int]) -> bool:
    """`освобождена Савченко, которую приговорили … летом 2014 года`: an expression after the
    opening word of a relative clause, with no comma or dash between, is that clause's, wherever
    the parser hangs it; unless the act itself is in that clause."""
    tokens = tree.tokens
    for v in range(tree.lo, j):
        if tokens[v].rel != "acl:relcl" or v in clause:
            continue
        opener = next((c for c in tree.kids(v) if _relative_word(tokens[c])), -1)
        if opener < 0 or opener > j or v > j:
            continue
        if any(tokens[k].pos == "PUNCT" and tokens[k].text in ",—–-:;" for k in range(opener, j)):
            continue
        if not clause & set(range(opener, j + 1)):
            return True
    return False


def _dating_phrase(tree: Tree, j: int, relative: frozenset[str]) -> bool:
    """Noun `j` opens a phrase with a relative preposition that has an event of its own to date:
    `после ликвидации`, `против введения`; not `против расизма`, whose noun is no act (rows `aim`,
    `act_suffix` of data/time_words.tsv)."""
    case = tree.case(j)
    if case not in relative:
        return False
    if case not in _lexicon().words.get("aim", {}):
        return True
    return _act_noun(tree.tokens[j])


def _act_noun(token: Token) -> bool:
    """An action noun: a trigger word (`убийство`, `митинг`) or a deverbal noun (`введение`)."""
    from .triggers import lexicon

    lemma = token.lemma.lower()
    suffixes = tuple(_lexicon().words.get("act_suffix", {}))
    return lemma in lexicon() or lemma.endswith(suffixes)


def _closes_relative_noun(tree: Tree, first: int, clause: set[int]) -> bool:
    """`станет первым расширением после приёма Албании и Хорватии в 2009 году`: an expression right
    after a noun phrase with a relative preposition, with nothing outside that phrase between, closes
    the phrase and dates its noun's act, wherever the parser hangs it (phrases do not cross)."""
    for noun in range(first - 1, max(tree.lo, first - MAX_STEPS * 2) - 1, -1):
        token = tree.tokens[noun]
        if token.pos in ("PUNCT", "VERB", "AUX"):
            return False
        if token.pos != "NOUN" or not _dating_phrase(tree, noun, _relative()):
            continue
        if noun in clause:
            return False
        phrase = set(tree.subtree(noun))
        return all(k in phrase or tree.tokens[k].rel in ("case", "cc") for k in range(noun, first))
    return False


def _opens_line(tree: Tree, first: int) -> bool:
    """The expression starting at token `first` opens the line: nothing but punctuation, a
    conjunction or the words it hangs on stand before it (`Ночью 31 июля … были задержаны`)."""
    if first < 0:
        return False
    heads = set()
    j, steps = first, 0
    while j >= 0 and steps < MAX_STEPS:
        j, steps = tree.head(j), steps + 1
        heads.add(j)
    return all(
        tree.tokens[i].pos in ("PUNCT", "CCONJ") or (i in heads and tree.tokens[i].pos == "NOUN")
        for i in range(tree.lo, first)
    )


def _main(tree: Tree, pred: int) -> bool:
    """The line's main clause, or a conjunct of it."""
    i, steps = pred, 0
    while steps < 3 and tree.tokens[i].rel in ("conj", "parataxis") and tree.head(i) >= 0:
        i, steps = tree.head(i), steps + 1
    return tree.head(i) < 0


def _head_of(tree: Tree, sentence: Sentence, e: TimeExpression) -> int:
    """The token of the expression whose head lies outside it (`в начале сентября` → `начале`)."""
    first = _token_at(sentence, sentence.start + e.start)
    last = _token_at(sentence, sentence.start + e.stop - 1)
    if first < 0:
        return -1
    span = range(first, max(first, last) + 1)
    for j in span:
        if tree.inside(j) and tree.head(j) not in span:
            return j
    return first


def _shares_subject(tree: Tree, pred: int) -> bool:
    """A verb conjoined to an earlier verb with no subject of its own: one actor doing both."""
    token = tree.tokens[pred]
    head = tree.head(pred)
    if token.rel != "conj" or token.pos != "VERB" or head < 0 or head > pred:
        return False
    return tree.tokens[head].pos == "VERB" and not tree.kids(pred, "nsubj", "nsubj:pass")


def _main_clause_before(tree: Tree, first: int, pred: int) -> bool:
    """`Ночью 31 июля были задержаны двое, которые угрожали президенту`: the parser may hang a fronted
    expression on the verb of a later relative clause; when the main clause's own verb stands
    between the expression and `который`, the expression is the main clause's, not the act's."""
    for k in range(first + 1, pred):
        if tree.tokens[k - 1].text == "," and _relative_word(tree.tokens[k]):
            mains = [
                m for m in range(first + 1, k) if tree.head(m) < 0 and tree.tokens[m].pos in ("VERB", "AUX")
            ]
            # the act is the relative clause's first finite verb, no part of that main clause
            # (`заявил, что референдум, который должен …, является незаконным, и призвал …` keeps
            # the date for `призвал`)
            finite = any(_finite(tree.tokens[m]) for m in range(k + 1, pred))
            return bool(mains) and not finite and not any(_below(tree, pred, m) for m in mains)
    return False


def _going_on_host(events: list[Event], event: Event) -> tuple[str | None, Location | None] | None:
    """The day and place of the previous sentence's dated act a sentence going on with its account
    shares a side with; a day, not a month or year: those cover many occasions (`в декабре ввёл
    мораторий. Кроме того, провела расчистку …` is not on that occasion)."""
    sides = set(event.sources) | set(event.targets)
    host = next(
        (
            e
            for e in events
            if e.sentence == event.sentence - 1
            and e.date is not None
            and sides & (set(e.sources) | set(e.targets))
        ),
        None,
    )
    if host is not None and host.date is not None and len(host.date) == 10:
        return (host.date, host.location)
    return None


def _finite(token: Token) -> bool:
    return token.pos in ("VERB", "AUX") and token.feat("VerbForm") == "Fin"


def _across_colon(tree: Tree, j: int, first: int, pred: int) -> bool:
    """`сообщается в заявлении, распространённом в понедельник: «Бюро на собрании 16 мая поддержало
    …»`: the parser may hang an expression of the words after a colon on a head before it; the words
    after the colon are a clause of their own, so the expression is theirs when the act is there."""
    h = tree.head(j) if j >= 0 else -1
    if h < 0 or not h < first < pred:
        return False
    colons = [k for k in range(h + 1, first) if tree.tokens[k].text == ":"]
    return bool(colons) and not any(tree.tokens[k].text == ":" for k in range(first, pred))


def _fronted(tree: Tree, j: int, pred: int) -> set[int]:
    """Heads whose conjuncts an expression also dates: it stands before the head it hangs on and
    the predicate is a conjunct of that head (`В субботу … закончился срок и власти выпустили …`)."""
    out: set[int] = set()
    i, steps = pred, 0
    while steps < 3 and tree.tokens[i].rel in ("conj", "parataxis"):
        h = tree.head(i)
        if h < 0:
            break
        out.add(h)
        i, steps = h, steps + 1
    return {h for h in out if j < h}


def _attached(tree: Tree, j: int, clause: set[int], fronted: set[int]) -> bool:
    relative = _relative()
    steps = 0
    while j >= 0 and steps < MAX_STEPS:
        if j in clause or j in fronted:
            return True
        token = tree.tokens[j]
        if steps > 0 and token.pos in ("VERB", "AUX"):
            return False
        if steps > 0 and token.pos in ("NOUN", "PROPN") and _dating_phrase(tree, j, relative):
            return False  # `после ликвидации 2 мая`: the date of the liquidation
        if steps > 0 and _other_act(token):
            return False  # `обвинён в захвате заложников в 1995 году`: the date of the capture
        j = tree.head(j)
        steps += 1
    return False


def _other_act(token: Token) -> bool:
    """A noun phrase of another act than the clause's (`в захвате заложников в 1995 году`,
    `с введением чрезвычайного положения в 2007 году`): a time expression inside it dates that act.
    Not an occasion the act is part of (`на встрече 5 мая`, `в ходе акции`), nor a statement's
    carrier (`в заявлении от 5 мая`), nor the subject."""
    if token.pos != "NOUN" or token.rel.split(":")[0] not in ("obl", "nmod", "conj"):
        return False
    lemma = token.lemma.lower()
    if lemma in occasion_lemmas() or lemma in speech_lemmas():
        return False
    return _act_noun(token)


def _in_when_clause(tree: Tree, sentence: Sentence, e: TimeExpression, clause: set[int]) -> bool:
    """`С 14 августа, когда власти разогнали …`: the trigger is that clause's verb, its conjunct,
    or a noun right under it (`начали совместное патрулирование`)."""
    start = _token_at(sentence, sentence.start + e.when)
    verb = next(
        (i for i in range(max(start, tree.lo), tree.hi) if tree.tokens[i].pos == "VERB"),
        -1,
    )
    if verb < 0:
        return False
    heads = {verb, *tree.kids(verb, "conj")}
    if clause & heads:
        return True
    return any(tree.head(c) in heads for c in clause)


def _text_year_dates(events: list[Event], article: Article) -> list[Event]:
    """In a text with no publication date, an undated act takes the date its own clause gives
    without a year (`16 июля`, `в воскресенье`), resolved against the first full date the text
    names (`14 июля 2017 года`): the text determines the year (EVENTS.md Date)."""
    if dates.reference_date(article.published) is not None:
        return events
    reference = article_reference(article)
    if reference is None:
        return events
    out = list(events)
    for i, event in enumerate(out):
        if event.date is not None or not 0 <= event.sentence < len(article.sentences):
            continue
        sentence = article.sentences[event.sentence]
        j = _trigger_at(sentence, event.trigger)
        tense = "future" if str(event.modality) == "planned" else "past"
        # a month-named day only: a weekday or `вчера` counts from the unknown publication day
        named = {
            dates.resolve(e, reference, tense)
            for e in dates.find_time_expressions(sentence.text)
            if e.kind in ("date", "month", "range", "season") and e.year is None
        }
        for lo, hi in segments(sentence):
            if not lo <= j < hi:
                continue
            tree = Tree(sentence.tokens, lo, hi)
            known = {v for _, v in find_dates(tree, sentence, j, j, None, tense)}
            found = find_dates(tree, sentence, j, j, reference, tense)
            new = [v for _, v in found if v not in known and v in named]
            if new:
                out[i] = replace(event, date=new[0])
    return out


def article_reference(article: Article) -> dt.date | None:
    """The reference date of an article: its publication date, else the first full date its text
    names (a text with no `published` still gives the year of its year-less dates)."""
    return dates.reference_date(article.published) or dates.text_reference(
        " ".join(s.text for s in article.sentences)
    )


def document_anchor(article: Article) -> dt.date | None:
    """The day of the document's main event: the first exact day its lead names (`Керри прибыл в
    воскресенье`), which `накануне` later in the text counts back from; None when the lead names
    none (then `накануне` counts from `published`)."""
    reference = article_reference(article)
    for sentence in article.sentences[:LEAD_SENTENCES]:
        for e in dates.find_time_expressions(sentence.text):
            if e.anchored or e.relation is not Relation.AT or e.kind == "range":
                continue
            value = dates.resolve(e, reference, "past")
            if value and len(value) == 10:
                try:
                    day = dt.date.fromisoformat(value)
                except ValueError:
                    return None
                if reference is not None and abs((reference - day).days) > ANCHOR_REACH:
                    continue  # a photo caption's or a background date: not the news of the day
                return day
    return None


def fill_restatements(
    events: list[Event], article: Article | None = None, index: ActorIndex | None = None
) -> list[Event]:
    """A headline event states briefly what the body tells in full (EVENTS.md Records: restatements
    merge): it takes its missing place and date from the first later event of the same type,
    modality and participants, so that the two merge as one record. Likewise a restatement that
    names a more precise place (`прибыл в Пакистан` → `посещающим Исламабад`, a city of that
    country) in the next sentence, or in the body after a headline, gives the record that place.
    With `article`, undated acts first take the date their neighbour sentence gives (`context_dates`);
    with `index` too, an occasion dated by a sentence that states no act of its own (`Акция состоялась
    в Москве 12 июня`) gives its acts the place that sentence names for it."""
    out = (
        occasion_dates(context_dates(_text_year_dates(events, article), article, index), article, index)
        if article is not None
        else list(events)
    )
    if article is not None:
        out = retold_dates(headline_dates(out, article), article)
        if index is not None:
            out = court_places(out, article, index)
        for si in range(1, len(article.sentences)):
            out = _after_act(out, article, si)
    told_first = list(out)  # the places as told, before restatements share theirs
    for i, event in enumerate(out):
        sides = set(event.sources) | set(event.targets)
        restated = False  # the headline has met its first restatement in the body
        told: set[int] = set()  # its restatements in the lead
        for k in range(i + 1, len(out)):
            later = out[k]
            if later.type != event.type or later.modality != event.modality or later.sentence <= 0:
                continue
            if not sides & (set(later.sources) | set(later.targets)):
                continue
            if _finer(later.location, event.location) and _spread(told_first, event.type, event.location):
                continue  # `забастовка в Испании` … `в Кордове` … `в Валенсии`: one of its local acts
            if event.sentence == 0 and not restated and later.sentence <= HEADLINE_REACH:
                # the restatements in the lead tell the headline's news in full: it gathers their
                # place and date (`сообщено о поимке Младича` today … `арест Младича в Сербии`) up
                # to the first that disagrees; a later act of that type and side (`в апреле подал в
                # отставку` his predecessor) is another
                coarse = event.date is None and later.date is not None and len(later.date) != 10
                if article is not None and not _same_word(article, event, later):
                    pass  # `лишили гражданства` … `был заочно арестован`: another act of that type
                elif not _compatible(event, later) or not _agrees(event, later) or coarse:
                    # `предъявлены обвинения` … `часть обвинений была предъявлена ему в апреле`: a
                    # month or year is of an earlier act of that type, not of the day's news
                    restated = True
                elif later.date or later.location:
                    date, location = event.date or later.date, event.location or later.location
                    location = later.location if _finer(later.location, location) else location
                    out[i] = event = replace(event, date=date, location=location)
                    told.update(t for t in range(i + 1, k + 1) if _retells(out[t], event, later))
                    restated = bool(event.date and event.location)
            elif event.sentence == 0 and _bare_retelling(event, later) and _verbal(article, later):
                # `Они были немедленно арестованы`: the same act told again without a place or date;
                # an act noun (`процесс экстрадиции … запущен`) names another act of that type
                out[k] = later = replace(later, date=event.date, location=event.location)
            # the next sentence (an arrest told again further on, `задержан в Турции` … `власти
            # Турции задержали его близ Газиантепа`, was measured: it merged distinct acts)
            near = event.sentence == 0 or later.sentence == event.sentence + 1
            dates_agree = None in (event.date, later.date) or event.date == later.date
            if near and dates_agree and _finer(later.location, event.location):
                date = event.date or later.date
                out[i] = event = replace(event, location=later.location, date=date)
                out[k] = replace(later, date=date)
            for t in told:  # the headline's restatements merge with it: they share what it gathered
                out[t] = replace(out[t], date=event.date, location=event.location)
    return out


CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
SAME_TIME_SKIP = 2  # words (the subject) that may stand before `тогда` in a sentence set at the time before


def headline_dates(events: list[Event], article: Article) -> list[Event]:
    """An undated act of the first line takes the date the body gives when it retells it: the first
    later sentence that repeats the act's word or the word it hangs on (`Путин подписал распоряжение
    о выходе …` … `Распоряжение было подписано в среду, 16 ноября`; `Теракт в Иерусалиме: убиты …` …
    `произошёл теракт`), shares another word with the line, and dates that word (EVENTS.md Records:
    restatements merge). Only an exact day of the news (no later than `published`, within
    ANCHOR_REACH of it) counts; a month or year there (`в апреле подал в отставку` — someone else)
    ends the search. A report verb (`подтвердил задержание`) dates the report, not the act: skipped."""
    reference = article_reference(article)
    if reference is None or not article.sentences:
        return events
    # the first line that states acts: a title with none (`На свободу с Нобелевской премией`) only
    # puts the headline one line down
    top = min((e.sentence for e in events if e.sentence >= 0), default=-1)
    if top not in (0, 1):
        return events
    first = article.sentences[top]
    out = list(events)
    for i, event in enumerate(out):
        if event.sentence != top or event.date is not None:
            continue
        if _relative_act(first, event.trigger):
            continue  # `Задержаны двое, которые угрожали президенту`: the body dates the arrest, not the threat
        words = _restating_words(first, event.trigger)
        if words and is_physical(str(event.type)):
            # `Полиция задержала … участников акции в Москве` … `В субботу … прошла акция`: the act
            # is at the occasion the line names, which the body dates
            words |= {t.lemma.lower() for t in first.tokens if t.pos == "NOUN"} & occasion_lemmas()
        if words:
            date = _retold_date(article, words, reference, top, str(event.type))
            if date is not None:
                out[i] = replace(event, date=date)
    return out


def _relative_act(sentence: Sentence, trigger: str) -> bool:
    """The act `trigger` names is told in a relative clause (`…, которые угрожали президенту`): an
    act before the one the line tells, which the body's date is of."""
    j = _trigger_at(sentence, trigger)
    tree = Tree(sentence.tokens)
    for _ in range(3):
        if j < 0:
            return False
        if sentence.tokens[j].rel == "acl:relcl":
            return True
        j = tree.head(j)
    return False


def retold_dates(events: list[Event], article: Article) -> list[Event]:
    """An undated act told again right after a sentence that dates it with the same word (`судно,
    перехваченное 23 января …` → `На борту корабля, перехваченного ВМС, …`) is that act: it takes
    that exact day (EVENTS.md Records: an event repeated in several sentences is one event)."""
    reference = article_reference(article)
    out = list(events)
    for i, event in enumerate(out):
        if event.sentence <= 0 or event.date is not None or event.sentence >= len(article.sentences):
            continue
        sentence = article.sentences[event.sentence]
        j = _trigger_at(sentence, event.trigger)
        if j < 0:
            continue
        previous = article.sentences[event.sentence - 1]
        shared = _content(previous) & _content(sentence)
        lemma = sentence.tokens[j].lemma.lower()
        if lemma not in shared or len(shared) < 2:
            continue
        value = _dated_word(previous, lemma, reference)
        if value is not None and len(value) == 10:
            out[i] = replace(event, date=value)
    return out


def _content(sentence: Sentence) -> set[str]:
    return {t.lemma.lower() for t in sentence.tokens if t.pos in CONTENT_POS}


def _sites(sentence: Sentence, lemmas: set[str] | frozenset[str]) -> Iterator[tuple[Tree, int]]:
    """Each word of the sentence whose lemma is one of `lemmas`, with the tree of its line segment."""
    for lo, hi in segments(sentence):
        tree = Tree(sentence.tokens, lo, hi)
        for j in range(lo, hi):
            if sentence.tokens[j].lemma.lower() in lemmas:
                yield tree, j


def _dated_word(sentence: Sentence, lemma: str, reference: dt.date | None) -> str | None:
    """The date the sentence gives the first word of `lemma` it dates, else None."""
    for tree, j in _sites(sentence, {lemma}):
        found = find_dates(tree, sentence, j, j, reference, "past")
        if found:
            return found[0][1]
    return None


def _restating_words(sentence: Sentence, trigger: str) -> set[str]:
    """Lemmas that name the act of `trigger` in the line: the trigger's, that of the word it hangs on
    (`распоряжение о выходе`) and a verb's common-noun subjects (`Теракт …: убиты`), report verbs
    left out."""
    report = _lexicon().words.get("report_verb", {})
    j = _trigger_at(sentence, trigger)
    if j < 0:
        return set()
    tree = Tree(sentence.tokens)
    out = set()
    # the act's word and the one word it hangs on, no further; a verb's common-noun subject names the
    # act too in a headline (`Теракт в Иерусалиме: убиты …`)
    subjects = [c for c in tree.kids(j, "nsubj") if sentence.tokens[c].pos == "NOUN"]
    nouns = _lexicon().words.get("act_noun", {})
    for k in (j, tree.head(j), *subjects):
        token = sentence.tokens[k]
        if k >= 0 and token.pos in CONTENT_POS and token.lemma.lower() not in report:
            out.add(token.lemma.lower())
            if token.lemma.lower() in nouns:  # `убили` … `Убийство произошло 14 февраля`
                out.add(nouns[token.lemma.lower()])
    return out


def _same_word(article: Article, headline: Event, body: Event) -> bool:
    """The body act is told with a word of the headline's act or its synonym (`Арестован Младич` …
    `сообщено о поимке Младича`, letopis.events.dedupe.family): of the trigger or the word it hangs on."""
    if not 0 <= body.sentence < len(article.sentences):
        return True
    words = _restating_words(article.sentences[headline.sentence], headline.trigger)
    lemma = _trigger_lemma(article, body)
    if not words or not lemma:
        return True
    return bool(family(*words) & family(lemma))


def _news_noun(tree: Tree, j: int) -> bool:
    """Word `j` is the subject of a verb that only says it took place (`Убийство произошло 14 февраля`):
    the sentence retells the news's act by its noun, whatever else it shares with the headline."""
    head = tree.head(j)
    return (
        tree.tokens[j].rel.startswith("nsubj")
        and head >= 0
        and tree.tokens[head].lemma.lower() in _occurred()
    )


def _retold_date(
    article: Article, words: set[str], reference: dt.date, top: int = 0, kind: str | None = None
) -> str | None:
    """The day the first later sentence that retells the line dates its act word; an act done by
    saying it (`kind`, `Боливия готова предоставить убежище` … `6 июля Моралес сообщил, что готов
    предоставить убежище`) is dated by the saying."""
    line = {t.lemma.lower() for t in article.sentences[top].tokens if t.pos in CONTENT_POS}
    # `Кернес тяжело ранен` … `Покушение на градоначальника произошло 28 апреля`: a noun of the act's
    # type that the body says took place retells the act in other words
    kin = _type_nouns(kind) if kind and is_physical(kind) else frozenset()
    names = words | kin
    for sentence in article.sentences[top + 1 :]:
        lemmas = {t.lemma.lower() for t in sentence.tokens if t.pos in CONTENT_POS}
        if not lemmas & names:
            continue
        loose = len(lemmas & line) < 2  # only the act's noun: the sentence must say just that it took place
        for tree, j in _sites(sentence, names):
            if (loose or sentence.tokens[j].lemma.lower() not in words) and not _news_noun(tree, j):
                continue
            found = find_dates(tree, sentence, j, j, reference, "past", kind=kind)
            if not found:
                continue
            value = found[0][1]
            if len(value) != 10:
                return None  # a month or year: another act of the same kind
            day = dt.date.fromisoformat(value)
            return value if 0 <= (reference - day).days <= ANCHOR_REACH else None
    return None


@lru_cache(maxsize=32)
def _type_nouns(kind: str) -> frozenset[str]:
    """Nouns that name an act of type `kind` alone, with no word they require (`покушение`, `теракт`
    for ASSAULT), from data/triggers.tsv."""
    from .triggers import VERB_ENDINGS, lexicon

    return frozenset(
        lemma
        for lemma, entries in lexicon().items()
        if {str(e.type) for e in entries} == {kind}
        and all(e.mode == "pos" and not e.requires for e in entries)
        and not lemma.endswith(VERB_ENDINGS)
    )


def _retells(e: Event, headline: Event, body: Event) -> bool:
    """`e`, up to `body`, restates the headline: it merges with it once it shares its place and date."""
    return (
        0 < e.sentence <= body.sentence
        and e.type == headline.type
        and e.modality == headline.modality
        and _compatible(headline, e)
        and _agrees(headline, e)
    )


def _agrees(a: Event, b: Event) -> bool:
    """No different place or date: what one leaves open, the other may give."""
    dates_agree = None in (a.date, b.date) or a.date == b.date
    places = (a.location, b.location)
    return dates_agree and (
        None in places or a.location == b.location or _finer(*places) or _finer(*places[::-1])
    )


def _verbal(article: Article | None, event: Event) -> bool:
    """The act is told by a verb (`были арестованы`), not an act noun; True when unknown."""
    if article is None or not 0 <= event.sentence < len(article.sentences):
        return True
    token = next((t for t in article.sentences[event.sentence].tokens if t.text == event.trigger), None)
    return token is None or token.pos != "NOUN"


def _bare_retelling(headline: Event, later: Event) -> bool:
    """`later` repeats the dated headline act with the same parties and no place or date of its own."""
    return (
        headline.date is not None
        and later.date is None
        and later.location is None
        and later.type == headline.type
        and later.modality == headline.modality
        and set(later.sources) == set(headline.sources)
        and set(later.targets) == set(headline.targets)
    )


def _compatible(headline: Event, body: Event) -> bool:
    """The body act tells the headline's act: each side of one is within the same side of the other
    (`Арестован Младич` ← `Сербия арестовала Младича`), or both act on the same party and only the
    agent differs in wording (`задержан программист` by Spain ← `по запросу ФБР … задержан`)."""

    def within(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        return set(a) <= set(b) or set(b) <= set(a)

    if not (set(headline.sources) | set(headline.targets)) & (set(body.sources) | set(body.targets)):
        return False
    if within(headline.sources, body.sources) and within(headline.targets, body.targets):
        return True
    return bool(headline.targets) and set(headline.targets) == set(body.targets)


def _spread(events: list[Event], kind: object, country: Location | None) -> bool:
    """The text places acts of type `kind` in several cities of the country-level place `country`
    (`забастовка в Испании` … `в Кордове и Валенсии` … `в Барселоне`): the country-wide act is not
    at one of them."""
    if country is None or country.geonameid is not None:
        return False
    cities = {
        e.location.geonameid
        for e in events
        if e.type == kind and e.location is not None and _finer(e.location, country)
    }
    return len(cities) > 1


def _finer(city: Location | None, country: Location | None) -> bool:
    """`city` is a gazetteer city inside the country-level place `country`."""
    return (
        city is not None
        and country is not None
        and city.geonameid is not None
        and country.geonameid is None
        and city.country == country.country
    )


def context_dates(events: list[Event], article: Article, index: ActorIndex | None = None) -> list[Event]:
    """Dates an undated act takes from the sentence next to its own (EVENTS.md Annotation → Date:
    part of an occasion whose date the text gives):
    - a sentence opening with `Тогда`, `В тот же день` or `По его словам` tells what happened at
      the time the previous sentence names, or continues the statement it reports; its acts with
      no place of their own are at the one place the previous sentence's acts are at;
    - a sentence opening with `По словам Лаврова` reports the words of the previous sentence's
      occasion: its undated acts take that date, and its statements and meetings with no place the
      one place of the statements and meetings there (not of an arrest the words were about);
    - a sentence opening with `Об этом` and naming a time (`Об этом во вторник сообщили СМИ`)
      dates the news of the previous sentence, unless that sentence names a time of its own; with
      `index`, a statement there with no place is made where the report sentence says it was
      (`Об этом он сообщил в пятницу в ходе парада в Каракасе`)."""
    reference = article_reference(article)
    out = list(events)
    for si, sentence in enumerate(article.sentences):
        if si == 0:
            continue
        counted = _counted_on(out, article, si)
        if counted is not None:
            out = [replace(e, date=counted) if e.sentence == si and e.date is None else e for e in out]
        opener = _opener(sentence.text)
        if opener == "according":  # `По словам Лаврова, …`: the date of the words reported before
            date = _sentence_date(out, article.sentences[si - 1].text, si - 1, reference)
            target = si
            # and the place of the meeting or statement told there, not of an act it was about
            said = [e for e in out if not is_physical(str(e.type))]
            place = _sentence_place(said, si - 1)
            if place is not None:
                out = [
                    replace(e, location=place)
                    if e.sentence == si and e.location is None and not is_physical(str(e.type))
                    else e
                    for e in out
                ]
        elif opener == "same_time":
            date = _sentence_date(out, article.sentences[si - 1].text, si - 1, reference)
            target = si
            place = _sentence_place(out, si - 1)
            if place is None and index is not None and not any(e.sentence == si - 1 for e in out):
                # `В 2009 году в Грузии происходили подобные события. Тогда митинги …`: a scene with
                # no act of its own is set where its sentence says
                place = _said_place(article.sentences[si - 1], si - 1, index, None)
            if place is not None:  # `В 2009 году в Грузии … . Тогда митинги …`: the same scene
                out = [
                    replace(e, location=place) if e.sentence == si and e.location is None else e for e in out
                ]
        elif opener == "report":
            # a sentence that names a time of its own (`восемь месяцев назад`) retells older acts:
            # the report's day is not theirs
            own = dates.find_time_expressions(article.sentences[si - 1].text)
            date = None if own else _first_date(sentence.text, reference)
            target = si - 1
            place = _said_place(sentence, si, index) if date is not None and index is not None else None
            if place is not None:
                out = [
                    replace(e, location=place)
                    if e.sentence == target and e.location is None and said_when_told(str(e.type))
                    else e
                    for e in out
                ]
        else:
            continue
        if date is None:
            continue
        out = [replace(e, date=date) if e.sentence == target and e.date is None else e for e in out]
    return out


AFTER_REACH = 2  # sentences back the act a `после X` phrase names may be told


def _after_act(events: list[Event], article: Article, si: int) -> list[Event]:
    """`После выхода на свободу Навальный заявил …`, `После встречи министр сказал …`: a statement
    with no date, made right after an act the text has just dated to a day (an act of the type the
    `после` noun names, sharing a side), is made that day (EVENTS.md Date: part of the occasion)."""
    undated = [e for e in events if e.sentence == si and e.date is None and said_when_told(str(e.type))]
    if not undated:
        return events
    from .triggers import lexicon as trigger_lexicon

    sentence = article.sentences[si]
    tree = Tree(sentence.tokens)
    after = frozenset(_lexicon().words.get("right_after", {}))
    kinds: set[str] = set()
    for j, token in enumerate(sentence.tokens):
        if token.pos != "NOUN" or tree.case(j) not in after:
            continue
        kids = {sentence.tokens[k].lemma.lower() for k in tree.kids(j)}
        for entry in trigger_lexicon().get(token.lemma.lower(), ()):
            if entry.mode != "block" and (not entry.requires or entry.requires & kids):
                kinds.add(str(entry.type))
    if not kinds:
        return events
    out = list(events)
    for i, event in enumerate(out):
        if event not in undated:
            continue
        sides = set(event.sources) | set(event.targets)
        before = [
            e
            for e in out
            if si - AFTER_REACH <= e.sentence < si
            and str(e.type) in kinds
            and e.date is not None
            and len(e.date) == 10
            and sides & (set(e.sources) | set(e.targets))
        ]
        if before:
            out[i] = replace(event, date=max(before, key=lambda e: e.sentence).date)
    return out


COUNT_LEAD = 2  # words a sentence may open with before its count (`А уже через два дня …`)


def _counted_on(events: list[Event], article: Article, si: int) -> str | None:
    """`Спустя два дня армия открыла огонь`, `Через неделю их освободили`, `На следующий день Россия
    ввела санкции`: a sentence that counts days or weeks on, with no act named to count from, tells
    an act that many days after the day of the last act told before it (within OCCASION_REACH
    sentences); `на следующий день` with no such act counts from the document's main day. A count
    by `через`/`спустя` must open the sentence (`А через два дня …`)."""
    text = article.sentences[si].text
    for e in dates.find_time_expressions(text):
        if (e.offset or 0) <= 0 or e.unit not in ("day", "week"):
            return None
        next_day = e.kind == "day" and e.anchored and e.relation is Relation.AT
        onward = e.kind == "shift" and (
            (e.relation is Relation.AFTER and e.anchored) or (e.relation is Relation.AT and not e.anchored)
        )
        if not next_day and (not onward or len(text[: e.start].split()) > COUNT_LEAD):
            return None
        for sj in range(si - 1, max(-1, si - OCCASION_REACH - 1), -1):
            days = sorted(x.date for x in events if x.sentence == sj and x.date and len(x.date) == 10)
            if days:
                return dates.count_on(e, dt.date.fromisoformat(days[-1]))
        base = document_anchor(article) or article_reference(article) if next_day else None
        return dates.count_on(e, base) if base is not None else None
    return None


def _said_place(
    sentence: Sentence, si: int, index: ActorIndex, kind: str | None = "ACCUSE"
) -> Location | None:
    """Where the sentence's root verb says it was done (said, for the statement `kind`), else None."""
    for lo, hi in segments(sentence):
        tree = Tree(sentence.tokens, lo, hi)
        root = next((j for j in range(lo, hi) if tree.head(j) < 0 and sentence.tokens[j].pos == "VERB"), -1)
        if root >= 0:
            found = find_locations(tree, si, root, root, index, event_type=kind)
            return found[0][1] if found else None
    return None


@lru_cache(maxsize=1)
def _openers() -> tuple[tuple[str, str], ...]:
    words = _lexicon().words
    pairs = [(w, cls) for cls in ("same_time", "report", "according") for w in words.get(cls, {})]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _opener(text: str) -> str | None:
    """The class (`same_time`, `report`) of the words the sentence opens with, else None."""
    words_of = text.lstrip(" «\"'—–-").lower().split()
    head = " ".join(words_of[:4])
    for words, cls in _openers():
        if _opens_with(head, words):
            return cls
    # `Власти тогда применили силу`: `тогда` right after the subject word is as much of the time
    # the previous sentence names as at the start
    for skip in range(1, SAME_TIME_SKIP + 1):
        if any(w.strip(",") != w for w in words_of[:skip]):
            break  # `Однако, тогда`: a clause boundary comes first
        later = " ".join(words_of[skip : skip + 4])
        if any(cls == "same_time" and _opens_with(later, words) for words, cls in _openers()):
            return "same_time"
    return None


def _opens_with(head: str, words: str) -> bool:
    """`head` starts with the whole words `words` (`тогда же`, not `тогдашний`)."""
    return head.startswith(words) and not head[len(words) : len(words) + 1].isalnum()


def _sentence_place(events: list[Event], si: int) -> Location | None:
    """The one place the acts of sentence `si` are at, else None (none, or several)."""
    places = {e.location for e in events if e.sentence == si and e.location is not None}
    return places.pop() if len(places) == 1 else None


def _sentence_date(events: list[Event], text: str, si: int, reference: dt.date | None) -> str | None:
    """The date of sentence `si`: of its first dated act, else its first time expression."""
    for e in events:
        if e.sentence == si and e.date is not None:
            return e.date
    return _first_date(text, reference)


def _first_date(text: str, reference: dt.date | None) -> str | None:
    """The first point in time the text names, read as past (a report of what happened)."""
    for e in dates.find_time_expressions(text):
        if e.relation is not Relation.AT or e.anchored:
            continue
        value = dates.resolve(e, reference, "past")
        if value is not None:
            return value
    return None


OCCASION_REACH = 3  # sentences back an act may refer to the occasion it is part of


def occasion_dates(events: list[Event], article: Article, index: ActorIndex | None = None) -> list[Event]:
    """An act with no time expression in its sentence that is part of an occasion told just before
    takes the occasion's date (EVENTS.md Annotation → Date: same meeting, rally, statement):
    - its sentence names the occasion again (`Полиция задерживала активистов по мере прибытия
      участников акции` after `Акция прошла в понедельник`): the nearest earlier sentence, within
      OCCASION_REACH, that dates that word gives its date, and the place of its act of that date to
      a physical act or a statement with none;
    - a physical act right after one that so took the occasion's day (`… разогнали вышедших на
      акцию. Полицейские задержали более 500 человек.`) is of the same scene;
    - its sentence goes on with the same speaker (`Министр также осудил визит`, `Вместе с тем глава
      МИД подтвердил …`): the previous sentence's dated act of a side it shares; not a physical act,
      which the speaker only reports (`также заявил, что его отпустили`).
    A sentence set in the past (`ранее`, `прежде`) tells background acts: they take nothing.
    With `index`, an occasion's sentence with no act of that day gives the place it names for the
    occasion word itself (`Акция … состоялась в Москве 12 июня`)."""
    words = _lexicon().words
    going_on = tuple(sorted(words.get("going_on", {}), key=len, reverse=True))
    background = frozenset(words.get("background", {}))
    occasion = occasion_lemmas()
    attendees = frozenset(words.get("attendee", {}))
    rallies = rally_lemmas()
    reference = article_reference(article)
    out = list(events)
    scene: dict[int, tuple[str | None, Location | None]] = {}  # sentence → the occasion day its acts are of
    for i in sorted(range(len(out)), key=lambda k: out[k].sentence):
        event = out[i]
        if event.date is not None or not 0 < event.sentence < len(article.sentences):
            continue
        if str(event.modality) == "planned":
            continue  # `«ставим задачу увеличить товарооборот», — сказал он на пресс-конференции`: later
        sentence = article.sentences[event.sentence]
        lemmas = {t.lemma.lower() for t in sentence.tokens}
        said = {t.text.lower() for t in sentence.tokens}
        if dates.find_time_expressions(sentence.text) or (lemmas | said) & background:
            continue
        if _described(sentence, event.trigger):
            continue
        physical = is_physical(str(event.type))
        own = _trigger_lemma(article, event)
        named = mentioned = (lemmas & occasion) - {own}
        if named & rallies:  # `Акция на Болотной площади …` after `участников «Марша миллионов»`: one rally
            named = mentioned = named | (rallies - {own})
        if not physical:
            # `заявил на митинге` is said at it; `заявили, что акция незаконна` is about it
            named = _setting_words(sentence, named)
        found: tuple[str | None, Location | None] | None = (
            _occasion_day(out, article, event.sentence, named, reference, index=index) if named else None
        )
        if found is None and physical and not named:
            # `Акция прошла в субботу в Хабаровске. Полиция задержала 50 человек / нескольких
            # участников.`: an arrest or attack right after a dated rally is at it; after another
            # occasion only when it names its attendees
            held = {t.lemma.lower() for t in article.sentences[event.sentence - 1].tokens}
            held &= occasion if lemmas & attendees else rallies
            found = _occasion_day(out, article, event.sentence, held, reference, 1, index) if held else None
        if found is None and physical and event.sentence - 1 in scene:
            found = scene[event.sentence - 1]
        if found is None and physical and not named:
            # `Протестующие во вторник захватили парламент в Кишиневе. Полиция применила газ.`: a
            # physical act right after the physical acts of one place (dated to a day, or not dated)
            # is of that scene
            before = {
                (e.date, e.location)
                for e in out
                if e.sentence == event.sentence - 1 and is_physical(str(e.type))
            }
            if len(before) == 1:
                date, place = before.pop()
                found = (date, place) if (date is None or len(date) == 10) and place is not None else None
        elif found is None and not physical and _goes_on(sentence.text, going_on):
            found = _going_on_host(out, event)
        if found is None and physical and _goes_on(sentence.text, going_on) and not lemmas & speech_lemmas():
            # `Суд 26 октября приговорил его к четырём годам. Кроме того, ему запрещено занимать
            # должности.`: told on, not reported by a speaker, the act is of the same occasion
            found = _going_on_host(out, event)
        if found is None and not physical and not mentioned - named:
            # `Министр выступил вчера на пресс-конференции. Он потребовал …`: what is said or agreed
            # right after an occasion dated the day before is said at it
            previous = article.sentences[event.sentence - 1]
            held = {t.lemma.lower() for t in previous.tokens} & occasion
            found = _occasion_day(out, article, event.sentence, held, reference, 1, index) if held else None
        if found is None:
            continue
        date, place = found
        location = event.location
        if location is None and (physical or is_statement(str(event.type))):
            location = place
        out[i] = replace(event, date=date, location=location)
        if physical and named:
            scene[event.sentence] = (date, location)
    return out


def _setting_words(sentence: Sentence, lemmas: set[str]) -> set[str]:
    """Those of the occasion `lemmas` the sentence names as the setting of what is done: a phrase
    `на митинге`, `в ходе встречи`, `по итогам совещания` (rows `setting` of data/time_words.tsv)."""
    setting = frozenset(_lexicon().words.get("setting", {}))
    out = set()
    for tree, j in _sites(sentence, lemmas):
        h = tree.head(j)  # `по итогам совещания`: the parser may leave `итогам` a noun of its own
        framed = h >= 0 and not tree.case(j) and tree.case_phrase(h)
        if tree.case(j) in setting or framed in setting:
            out.add(sentence.tokens[j].lemma.lower())
    return out


def _occasion_day(
    events: list[Event],
    article: Article,
    si: int,
    named: set[str],
    reference: dt.date | None,
    reach: int = OCCASION_REACH,
    index: ActorIndex | None = None,
) -> tuple[str, Location | None] | None:
    """The day the nearest earlier sentence within `reach` gives one of the occasion words `named`
    (an exact day only), with the place of that sentence's act of that day, or, when it states
    none and `index` is given, the place it names for the occasion word."""
    for sj in range(si - 1, -1, -1):
        if si - sj > reach and not (reach == OCCASION_REACH and _threaded(article, sj + 1, si, named)):
            break
        for lemma in sorted(named):
            value = _dated_word(article.sentences[sj], lemma, reference)
            if value is None:
                continue
            if len(value) != 10:
                return None  # a month or a year: a series of occasions, not one day
            places = [e.location for e in events if e.sentence == sj and e.date == value and e.location]
            if not places and index is not None and not any(e.sentence == sj for e in events):
                place = _word_place(article.sentences[sj], sj, lemma, index)
                places = [place] if place is not None else []
            return value, places[0] if places else None
    return None


def _threaded(article: Article, first: int, last: int, named: set[str]) -> bool:
    """Every sentence from `first` up to `last` names the occasion again (`акция` … `участникам
    акции` … `начало акции` …): the account of one occasion goes on past OCCASION_REACH."""
    return all(named & {t.lemma.lower() for t in article.sentences[k].tokens} for k in range(first, last))


def _word_place(sentence: Sentence, si: int, lemma: str, index: ActorIndex) -> Location | None:
    """The place the sentence names for its first word of `lemma` (`Акция … состоялась в Москве`):
    the place phrases of the clause the word is the subject or object of."""
    for tree, j in _sites(sentence, {lemma}):
        h = tree.head(j)
        pred = h if h >= 0 and sentence.tokens[h].pos in ("VERB", "AUX") else j
        found = find_locations(tree, si, j, pred, index)
        return found[0][1] if found else None
    return None


def _described(sentence: Sentence, trigger: str) -> bool:
    """The act is a noun that another verb tells the state of (`расследование продвигается`,
    `переговоры идут`): a process going on, not an act done at the occasion."""
    token = next((t for t in sentence.tokens if t.text == trigger), None)
    return token is not None and token.pos == "NOUN" and token.rel.startswith("nsubj")


def _trigger_lemma(article: Article, event: Event) -> str:
    sentence = article.sentences[event.sentence]
    return next((t.lemma.lower() for t in sentence.tokens if t.text == event.trigger), "")


def _goes_on(text: str, openers: tuple[str, ...]) -> bool:
    """The sentence continues the previous one's account: `также` among its first words, or it
    opens with `Вместе с тем`, `Кроме того`."""
    words = text.lstrip(" «\"'—–-").lower().replace(",", " ").split()
    head = " ".join(words[:4])
    return any((head.startswith(w) if " " in w else w in words[:4]) for w in openers)


def court_places(events: list[Event], article: Article, index: ActorIndex) -> list[Event]:
    """The acts of a court case take the city its court sits in (ANNOTATION.md §5: a court named
    after a city places the act there): when every court the text names is of one city
    (`location.court_seat`), an act of a case type (charge, verdict, plea, motion, release) with no
    place, told in a sentence set in the courtroom (`прокурор просил`, `адвокат поддержал`,
    `предстал перед судом`) and involving no state or organization but the seat's, is there; not a
    hypothetical one."""
    seat = court_seat(index)
    if seat is None:
        return events
    words = trial_words()
    out = list(events)
    for i, event in enumerate(out):
        if not court_act(str(event.type)) or not 0 <= event.sentence < len(article.sentences):
            continue
        if str(event.modality) == "hypothetical":
            continue  # `судья может вынести более суровый приговор`: no act yet, at no place
        if event.location is not None:
            continue  # `арестован в Греции …, а суд города Салоники …`: a place of its own stands
        if any(_coded(a) and a != seat.country for a in (*event.sources, *event.targets)):
            continue  # `МИД Украины осудил приговор`: another state's word on the case, said at home
        lemmas = {t.lemma.lower() for t in article.sentences[event.sentence].tokens}
        if lemmas & words:
            out[i] = replace(event, location=seat)
    return out


def _coded(actor: str) -> bool:
    """A state's or an organization's code (`RUS`, `NATO`), not a named person or group."""
    return actor.isascii() and actor.isupper()
