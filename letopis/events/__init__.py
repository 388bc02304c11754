"""Event extraction: PLOVER events from a parsed, entity-linked Article (EVENTS.md is the contract).

Per sentence line segment: triggers from the lexicon (triggers.py), arguments from the dependency
tree (arguments.py), modality (modality.py), place (location.py) and time (timing.py); then,
document-wide, group words (`участники`, `они`) resolve to the main meeting's participants,
events of that occasion inherit its date, and restatements merge (dedupe.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from .. import dates
from ..record import Article, Event, EventType, Location, Modality
from .actors import ActorIndex
from .arguments import PLACE_CASES, find_arguments
from .dedupe import dedupe
from .location import find_locations
from .modality import clause_tense, find_modality
from .timing import find_dates
from .tree import Tree, segments
from .triggers import Trigger, find_triggers

__all__ = ["extract", "REQUIRES", "ASSIGNS"]

REQUIRES = ("sentences", "mentions", "entities", "published")
ASSIGNS = ("events",)

# Types whose complement clause states what is said/agreed/demanded, not a separate event.
SPEECH_TYPES = frozenset(
    {
        EventType.AGREE,
        EventType.REQUEST,
        EventType.THREATEN,
        EventType.REJECT,
        EventType.ACCUSE,
        EventType.SUPPORT,
    }
)
# Acts that, agreed upon, are the agreement's own topic (`договорились сотрудничать`), not a new act.
TOPIC_TYPES = SPEECH_TYPES | {EventType.CONSULT, EventType.COOPERATE}
# Links along which an agreed act hangs from the agreement (`договорились начать вывод`).
AGREED_RELS = frozenset({"xcomp", "obj", "ccomp"})
NESTING_RELS = frozenset({"xcomp", "ccomp", "obj", "acl", "nmod", "obl", "csubj", "conj", "amod"})
# Types of a meeting's report: their group words and missing actors come from the meeting.
OCCASION_TYPES = frozenset(
    {EventType.AGREE, EventType.CONSULT, EventType.COOPERATE, EventType.SUPPORT, EventType.AID}
)
# Acts only a state does: with no named agent, the state where it happens did it.
STATE_TYPES = frozenset({EventType.COERCE, EventType.SANCTION, EventType.CONCEDE})


@dataclass
class Draft:
    type: EventType
    sources: list[str]
    targets: list[str]
    location: Location | None
    date: str | None
    modality: Modality
    sentence: int
    start: int
    stop: int
    evidence: str
    trigger: str
    weight: float
    source_group: bool = False
    target_group: bool = False
    filled: list[str] = field(default_factory=list)  # how actors were inferred, for confidence
    content: str | None = None  # lemma of the trigger's infinitive complement (what was agreed)
    tense: str | None = None


def _suppressed(tree: Tree, triggers: list[Trigger]) -> tuple[list[Trigger], set[int]]:
    """Drop triggers inside a speech act's complement: the demanded/alleged act is not coded.

    An agreement is the exception: what was agreed (`договорились начать вывод войск`, `решено открыть`)
    is coded as a planned act of its own when it hangs from the agreement through xcomp/obj links.
    Returns the kept triggers and the indices of those kept as agreed (planned) acts.
    """
    speech = {t.index: t.type for t in triggers if t.type in SPEECH_TYPES}
    every = {t.index for t in triggers}
    out: list[Trigger] = []
    agreed: set[int] = set()
    for t in triggers:
        j, steps, nested, chain = t.index, 0, False, True
        noun = tree.tokens[t.index].pos == "NOUN"
        while steps < 4 and tree.tokens[j].rel in NESTING_RELS:
            chain = chain and tree.tokens[j].rel in AGREED_RELS
            j = tree.head(j)
            if j < 0:
                break
            # a noun right under another trigger is its topic (`обсудили сотрудничество`)
            if j != t.index and noun and steps == 0 and j in every and j not in speech:
                nested = True
                break
            if j != t.index and j in speech:
                if speech[j] == EventType.AGREE and chain and t.type not in TOPIC_TYPES:
                    agreed.add(t.index)
                else:
                    nested = True
                break
            steps += 1
        if not nested:
            out.append(t)
    return out, agreed


@lru_cache(maxsize=1)
def circumstance_cases() -> frozenset[str]:
    """Prepositions of a passing mention (letopis/data/circumstance.tsv)."""
    text = resources.files("letopis").joinpath("data/circumstance.tsv").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _circumstance(tree: Tree, si: int, trigger: int, index: ActorIndex) -> bool:
    """A noun trigger in a prepositional phrase of another clause (`после ареста`, `за участие в марше`,
    `после десяти суток ареста`) is a passing reference, not a reported event, unless it names its own
    actor or time (`после ареста в 1990 году лауреата …`, `после ликвидации спецназом бин Ладена`)."""
    token = tree.tokens[trigger]
    if token.pos != "NOUN" or token.rel not in ("obl", "nmod"):
        return False
    case = tree.case(trigger)
    # any prepositional phrase under a noun (`делегация на переговорах`) is a mention in passing
    own_case = case in circumstance_cases() or (bool(case) and token.rel == "nmod")
    head = tree.head(trigger)
    via_noun = (  # `после десяти суток ареста`: under a circumstance noun
        head >= 0
        and tree.tokens[head].pos == "NOUN"
        and (tree.case(head) in circumstance_cases() or tree.tokens[head].rel in ("obl", "nmod"))
    )
    if not (own_case or via_noun):
        return False
    for kid in tree.kids(trigger):
        marked = bool(tree.case(kid))  # `за участие в марше …` is another matter, not this act's actor
        for j in tree.subtree(kid):
            if tree.tokens[j].text.isdigit() or (not marked and index.at(si, j) is not None):
                return False
    return True


def _drafts(article: Article, index: ActorIndex) -> list[Draft]:
    reference = dates.reference_date(article.published)
    drafts: list[Draft] = []
    for si, sentence in enumerate(article.sentences):
        for lo, hi in segments(sentence):
            tree = Tree(sentence.tokens, lo, hi)
            start, stop = sentence.tokens[lo].start, sentence.tokens[hi - 1].stop
            d_lo, d_hi = index.dateline_span()
            if d_lo <= start < d_hi:  # evidence starts after the dateline
                start = min(d_hi, stop)
                while start < stop and not article.text[start].isalnum():
                    start += 1
            evidence = article.text[start:stop].strip()
            per_type: dict[EventType, list[Draft]] = {}
            kept_triggers, agreed = _suppressed(tree, find_triggers(tree))
            for trig in kept_triggers:
                if _circumstance(tree, si, trig.index, index):
                    continue
                args = find_arguments(tree, si, trig.index, trig.type, index)
                if trig.mode == "undergo":  # `Навальный вышел на свободу`: the subject is released
                    args.targets = list(dict.fromkeys(args.sources + args.targets))
                    args.sources = []
                    args.target_group, args.source_group = args.source_group, False
                pred = args.predicate
                if _circumstantial(tree, trig.index) and not (args.sources or args.targets):
                    continue  # `председательствовала на заседании`: a setting, not a reported event
                if trig.negative:
                    modality = Modality.ASSERTED
                elif trig.mode == "negated":
                    modality = Modality.NEGATED
                else:
                    modality = find_modality(tree, trig.index, pred)
                if trig.index in agreed and modality == Modality.ASSERTED:
                    modality = Modality.PLANNED
                tense = clause_tense(tree, trig.index, pred)
                places = find_locations(tree, si, trig.index, pred, index, trig.partner)
                times = find_dates(tree, sentence, trig.index, pred, reference, tense)
                pairs: list[tuple[Location | None, str | None]]
                if len(places) >= 2 and len(times) == len(places):
                    pairs = [(p[1], t[1]) for p, t in zip(places, times, strict=True)]
                else:
                    pairs = [(places[0][1] if places else None, times[0][1] if times else None)]
                for location, date in pairs:
                    draft = Draft(
                        trig.type,
                        args.sources,
                        args.targets,
                        location,
                        date,
                        modality,
                        si,
                        start,
                        stop,
                        evidence,
                        tree.tokens[trig.index].text,
                        trig.weight,
                        args.source_group,
                        args.target_group,
                    )
                    comps = [tree.tokens[c].lemma for c in tree.kids(trig.index, "xcomp")]
                    draft.content = comps[0] if comps else None
                    draft.tense = tense
                    per_type.setdefault(trig.type, []).append(draft)
            for group in per_type.values():
                drafts.extend(_merge_same_type(group))
    return drafts


def _circumstantial(tree: Tree, trigger: int) -> bool:
    token = tree.tokens[trigger]
    return token.pos == "NOUN" and token.rel == "obl" and tree.case(trigger) in PLACE_CASES


def _merge_same_type(group: list[Draft]) -> list[Draft]:
    """Several triggers of one type in one line (`демонстранты собрались на митинг`) are one event,
    unless they name different places or dates (`в марте в Брюсселе, а в мае в Бишкеке`)."""
    out: list[Draft] = []
    for draft in sorted(group, key=lambda d: -d.weight):
        for kept in out:
            if (kept.location, kept.date) == (draft.location, draft.date) or not (
                draft.location or draft.date
            ):
                kept.sources = list(dict.fromkeys(kept.sources + draft.sources))
                kept.targets = [
                    t for t in dict.fromkeys(kept.targets + draft.targets) if t not in kept.sources
                ]
                kept.location = kept.location or draft.location
                kept.date = kept.date or draft.date
                kept.source_group |= draft.source_group
                kept.target_group |= draft.target_group
                break
        else:
            out.append(draft)
    return out


def _occasion(drafts: list[Draft]) -> tuple[list[str], str | None]:
    """The main meeting's participants and date: the first meeting with two or more sides."""
    participants: list[str] = []
    date = None
    for kind in (EventType.CONSULT, EventType.AGREE):
        for d in drafts:
            sides = list(dict.fromkeys(d.sources + d.targets))
            if d.type == kind and len(sides) >= 2 and d.modality == Modality.ASSERTED:
                if not participants:
                    participants = sides
                if date is None and d.date and set(sides) <= set(participants):
                    date = d.date
        if participants:
            break
    return participants, date


def _dominant_country(index: ActorIndex) -> str | None:
    counts = Counter(
        a.value for table in index.by_sentence for a in set(table.values()) if a.kind == "country"
    )
    return counts.most_common(1)[0][0] if counts else None


def _resolve_document(drafts: list[Draft], index: ActorIndex) -> None:
    participants, occasion_date = _occasion(drafts)
    home = _dominant_country(index)
    for d in drafts:
        if d.source_group and not d.sources and participants:
            d.sources = [p for p in participants if p not in d.targets]
            d.filled.append("group")
        if d.target_group and not d.targets and participants:
            d.targets = [p for p in participants if p not in d.sources]
            d.filled.append("group")
        if not d.sources and not d.targets and participants and d.type in OCCASION_TYPES:
            d.sources = list(participants)
            d.filled.append("occasion")
        if not d.sources and d.type in STATE_TYPES:
            state = (d.location.country if d.location else None) or home
            if state and state not in d.targets:
                d.sources = [state]
                d.filled.append("state")
        if not d.targets and d.type == EventType.PROTEST:
            state = (d.location.country if d.location else None) or home
            if state and state not in d.sources:
                d.targets = [state]  # a demonstration is directed at the state where it happens
                d.filled.append("state")
        sides = set(d.sources + d.targets)
        if (
            d.date is None
            and occasion_date
            and d.modality == Modality.ASSERTED
            and d.type in OCCASION_TYPES
            and d.tense == "past"  # only a past report of the occasion shares its date
            and sides
            and sides <= set(participants)
        ):
            d.date = occasion_date


def _confidence(d: Draft, index: ActorIndex) -> float:
    """Trigger strength scaled by how complete and how well linked the arguments are."""
    score = 0.45 + 0.25 * bool(d.sources) + 0.1 * bool(d.targets)
    actors = d.sources + d.targets
    if actors and all(a.isupper() and a.isascii() for a in actors):
        score += 0.1
    score -= 0.1 * len(d.filled)
    return max(0.05, min(1.0, d.weight * score + 0.1))


def extract(article: Article) -> Article:
    """Fill `article.events` with the events its sentences state."""
    if not article.sentences:
        return article
    index = ActorIndex(article)
    drafts = _drafts(article, index)
    _resolve_document(drafts, index)
    kept = [d for d in drafts if d.sources or d.targets]
    events = [
        Event(
            doc_id=article.doc_id,
            type=d.type,
            sources=tuple(d.sources),
            targets=tuple(d.targets),
            location=d.location,
            date=d.date,
            modality=d.modality,
            evidence=d.evidence,
            confidence=_confidence(d, index),
            trigger=d.trigger,
            sentence=d.sentence,
            evidence_start=d.start,
            evidence_stop=d.stop,
        )
        for d in kept
    ]
    return replace(article, events=tuple(dedupe(events, [d.content for d in kept])))
