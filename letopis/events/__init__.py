"""Event extraction: PLOVER events from a parsed, entity-linked Article (EVENTS.md is the contract).

Per sentence line segment: triggers from the lexicon (triggers.py), arguments from the dependency
tree (arguments.py), modality (modality.py), place (location.py) and time (timing.py); then,
document-wide, group words (`участники`, `они`) resolve to the main meeting's participants,
events of that occasion inherit its date, and restatements merge (dedupe.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .. import dates
from ..gazetteer import alpha3
from ..record import Article, Event, EventType, Location, Modality
from .actors import DESTINATION_CASES, LOCATIVE_CASES, ActorIndex, acting_state
from .arguments import AGENT_CASES, TOPIC_CASES, collect, decide, find_arguments
from .confidence import confidence, features
from .dedupe import family, merge
from .location import find_locations
from .mentions import (
    announcer,
    caption_line,
    circumstance,
    circumstantial,
    in_name,
    intended,
    offered,
    quoted_speaker,
    setting,
    speaker_words,
    unnamed_victims,
    vowed,
    with_press,
    words_of,
)
from .modality import asked, bare_condition, clause_tense, conditional, conditions, find_modality
from .timing import document_anchor, fill_restatements, find_dates
from .tree import Tree, segments
from .triggers import NEGATORS, UNTIL, Trigger, attributive, find_triggers, forced_modal, is_negated, lexicon

__all__ = ["extract", "scored_events", "confidence_features", "REQUIRES", "ASSIGNS"]

_circumstance = circumstance  # the name bench/event_miss_diag.py imports

REQUIRES = ("sentences", "mentions", "entities", "published")
ASSIGNS = ("events",)

# Types whose complement clause states what is said/agreed/demanded, not a separate event.
HEDGEABLE = frozenset({Modality.ASSERTED, Modality.PLANNED})  # a condition makes these hypothetical
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
NESTING_RELS = frozenset({"xcomp", "ccomp", "obj", "acl", "nmod", "obl", "csubj", "conj", "amod", "nsubj", "nsubj:pass"})
NESTING_DEPTH = 4  # links walked up from a trigger to the speech act it may be the content of
# Types of a meeting's report: their group words and missing actors come from the meeting.
OCCASION_TYPES = frozenset(
    {EventType.AGREE, EventType.CONSULT, EventType.COOPERATE, EventType.SUPPORT, EventType.AID}
)
# Acts only a state does: with no named agent, the state where it happens did it.
STATE_TYPES = frozenset({EventType.COERCE, EventType.SANCTION, EventType.CONCEDE})
# Acts that, stated passively with no agent (`Царнаеву предъявлены обвинения`), are the state's too.
PASSIVE_STATE_TYPES = STATE_TYPES | {EventType.ACCUSE}
# Acts with no target that, stated passively with no agent (`в Солсбери откомандированы 180 военнослужащих`,
# `к границе переброшены войска`), only a state's forces do: the state where it happens is the agent.
FORCES_TYPES = frozenset({EventType.MOBILIZE})
# Harmful acts that, as the consequence of a speaker's condition (`если …, то будут приняты санкции`),
# are a threat by the speaker rather than an act (EVENTS.md Speech acts).
THREAT_ACTS = frozenset({EventType.SANCTION, EventType.ASSAULT, EventType.COERCE})
# Benefits that, promised on a condition (`предоставит убежище в случае, если …`), are a conditional
# offer by the speaker: AGREE, hypothetical (EVENTS.md Speech acts, Modality: "если" → hypothetical).
PROMISE_ACTS = frozenset({EventType.AID, EventType.CONCEDE, EventType.COOPERATE, EventType.RETREAT})
# Acts between parties: one state alone (`согласовано с Минюстом, Генпрокуратурой`, `провела заседание
# комитета`) is an internal procedure, no event between actors; an IGO alone is a multilateral meeting.
INTERACTIVE_TYPES = frozenset({EventType.AGREE, EventType.CONSULT, EventType.COOPERATE, EventType.SUPPORT})
# Occasions that a setting phrase (`в ходе демонстраций`, `во второй день саммита`) reports as held.
SETTING_TYPES = frozenset({EventType.CONSULT, EventType.PROTEST})
# Moves of an envoy made by the envoy's own state (a recall, a return), unlike a summons (ACCUSE), which the
# host makes: `МИД России вызвал посла США`.
ENVOY_TYPES = frozenset({EventType.SANCTION, EventType.CONCEDE})
# Measures that, kept `до тех пор, пока не …`, demand what ends them (an ultimatum: also a REQUEST).
UNTIL_TYPES = frozenset({EventType.SANCTION, EventType.COERCE})
# Where the speaker of a reported statement hangs from the stated clause.
SPEAKER_RELS = frozenset({"ccomp", "parataxis"})


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
    passive: bool = False  # stated in the passive with no agent (`предъявлены обвинения`)
    conditional: bool = False  # the clause carries a condition (`если …`, `в случае …`)
    kind: str = "verb"  # the trigger word's part of speech: verb | noun | other
    stems: frozenset[str] = frozenset()  # word family of the trigger (dedupe.family)
    partnered: bool = False  # the clause names a partner (`обсуждать с Украиной`, `коллегами из …`)
    main: bool = False  # the trigger is the verb of the main clause (for confidence)
    private: bool = False  # the other side is private people (`встречался с правозащитниками`)
    penalty: bool = False  # a court's or a law's penalty noun (`наказание`, `приговор`, `штраф`)
    ban: bool = False  # a ban word (`запрещен въезд`): aimed abroad once its agent is known, a sanction
    stranger: bool = False  # the clause names a subject that is no actor (`информация помогла …`)
    attend: bool = False  # attending (or refusing to attend) an occasion (`отказался от участия`)
    forces: bool = False  # the subject is troops named generically (`военные провели учения`)
    domestic: bool = False  # a sitting of a state's own body (`заседание кабинета министров`)
    facility: bool = False  # a harm aimed at a state's post with no owner named (`атаковали военную базу`)


def _suppressed(tree: Tree, triggers: list[Trigger]) -> tuple[list[Trigger], set[int]]:
    """Drop triggers inside a speech act's complement: the demanded/alleged act is not coded.

    An agreement is the exception: what was agreed (`договорились начать вывод войск`, `решено открыть`)
    is coded as a planned act of its own when it hangs from the agreement through xcomp/obj links.
    Returns the kept triggers and the indices of those kept as agreed (planned) acts.
    """
    speech = {t.index: (t.type, t.mode) for t in triggers if t.type in SPEECH_TYPES}
    offers = {t.index for t in triggers if t.lemma in words_of("propose")}  # `предложил запретить`: not agreed
    every = {t.index: t.type for t in triggers}
    # the licensing word of a speech act is part of it (`не дрогнет рука закрыть посольство`: `рука`)
    phrase = {t.partner: t.index for t in triggers if t.type in SPEECH_TYPES and t.partner >= 0}
    out: list[Trigger] = []
    agreed: set[int] = set()
    for t in triggers:
        j, steps, nested, chain, coordinate = t.index, 0, False, True, True
        noun = tree.tokens[t.index].pos == "NOUN"
        prev = ""
        condition = False  # the walk left a condition clause (`…, если Боливия получит запрос`)
        if t.type in SETTING_TYPES and setting(tree, t.index):
            out.append(t)  # `во второй день саммита договорились …`: the occasion, not what was agreed
            continue
        if noun and tree.case(t.index) in words_of("time"):
            out.append(t)  # `посетил Исламабад после ликвидации бин Ладена`: an act before, not the topic
            continue
        while steps < NESTING_DEPTH and (tree.tokens[j].rel in NESTING_RELS or _condition_clause(tree, j)):
            rel = tree.tokens[j].rel
            condition = condition or _condition_clause(tree, j)
            if prev.startswith("nsubj") and rel == "conj":
                break  # `встреча обещана, однако разговор не планировался`: the subject of a coordinate clause
            if steps > 0 and rel in ("obl", "nmod") and tree.case(j) in words_of("time"):
                break  # `вызвали поверенного, после того как суд не разрешил …`: an act before, not the content
            chain = chain and rel in AGREED_RELS
            # `не согласовало протест и разогнало …`: a predicate coordinated with a speech act is an act
            coordinate = coordinate and rel == "conj" and not noun
            j, prev = tree.head(j), rel
            if j < 0:
                break
            if j in phrase and phrase[j] != t.index and not noun and steps == 0:
                nested = True  # an act hanging from a speech act's own word is what it states
                break
            if rel == "nsubj" and j in speech and speech[j][1] != "reported":
                break  # `протестующие потребовали`: the speaker, not what is said
            # a noun right under another trigger is its topic (`обсудили сотрудничество`)
            animate = tree.tokens[t.index].feat("Animacy") == "Anim"  # `столкновения демонстрантов`: a party
            on_behalf = t.type == EventType.REQUEST and tree.case(t.index) == "по"  # `депортирован по просьбе X`
            if j != t.index and noun and steps == 0 and j in every and j not in speech and not animate and not on_behalf:
                nested = True
                break
            if j != t.index and condition and j in every and (noun or every[j] in PROMISE_ACTS):
                nested = True  # `предоставит убежище, если получит запрос`, `если попросит, мы дадим убежище`:
                break  # the condition of an offer is no act; else it stays, hypothetical (`если Россия нападет`)
            if j != t.index and j in speech:
                if coordinate:
                    break
                agreement = speech[j][0] == EventType.AGREE and not is_negated(tree, j) and j not in offers
                if agreement and chain and t.type not in TOPIC_TYPES:
                    agreed.add(t.index)
                else:
                    nested = True  # what was said, demanded, or not agreed is not itself coded
                break
            steps += 1
        if not nested:
            out.append(t)
    return out, agreed


def _undergo_agents(tree: Tree, si: int, trig: Trigger, index: ActorIndex, pred: int) -> list[str]:
    """Who does the act the subject undergoes, when the clause names it: the `со стороны` phrase
    (`подвергся критике со стороны Китая`) or the trigger's context word in a prepositional phrase
    (`предстал перед судом`: the court's state charges him). An unnamed side known only by
    coreference (`со стороны повстанцев`) stays unknown (EVENTS.md: unnamed parties are no actors)."""
    heads = [c for j in dict.fromkeys([trig.index, pred]) for c in tree.kids(j) if tree.case(c) in AGENT_CASES]
    p = trig.partner
    if p >= 0 and p != trig.index and tree.head(p) == trig.index and tree.case(p):
        heads.append(p)
    out: list[str] = []
    for h in heads:
        found = collect(tree, si, h, index)
        span = set(tree.subtree(h))
        named = any(span & set(range(a.start, a.stop)) for a in found.actors)
        if named or found.body or found.role or found.owners:
            out += [a for a in decide(found, index) if a not in out]
    return out


def _cause_named(tree: Tree, i: int) -> bool:
    """`Протесты в Москве против ареста Навального`: a demonstration whose cause is named is the reported
    act of a caption, not its topic."""
    causes = words_of("cause")  # `против`; `в поддержку`, `в защиту` parsed as one noun with its preposition
    return any(tree.case(c) in causes or tree.case_phrase(c) in causes for c in tree.kids(i, "nmod"))


def _condition_clause(tree: Tree, j: int) -> bool:
    """`…, если Минск откажется платить`: a condition clause is part of the threat or demand it hangs from."""
    return tree.tokens[j].rel.split(":")[0] in ("advcl", "acl") and any(
        tree.tokens[m].lemma.lower() in conditions() for m in tree.kids(j, "mark")
    )


def _drafts(article: Article, index: ActorIndex) -> list[Draft]:
    reference = dates.reference_date(article.published)
    anchor = document_anchor(article)
    drafts: list[Draft] = []
    people = _private_people(index)
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
            caption = caption_line(tree)
            folded = _folded_conditions(tree, kept_triggers)
            for trig in kept_triggers:
                if trig.index in folded:
                    continue  # `в случае осуждения ему грозит …`: the condition of a prospect, no act
                if trig.type not in SPEECH_TYPES and attributive(tree, trig.index):
                    continue  # still nests its own complements (`направленных на оказание помощи`)
                held = trig.type in SETTING_TYPES and setting(tree, trig.index)
                passing = trig.mode != "verbless" and circumstance(
                    tree, si, trig.index, index, work=trig.type not in SPEECH_TYPES
                )  # `Архнадзор против вмешательства`: the headline's stance is the noun phrase itself
                if passing and trig.type == EventType.ASSAULT and not caption and _resulting(tree, trig.index):
                    passing = False  # `в результате авиаудара погибли 33 военных`: the harm the clause reports
                if (passing and not held) or in_name(tree, si, trig.index, index):
                    continue
                if _prevented(tree, trig.index) or _entitled(tree, trig.index):
                    continue  # `спор не дает двум странам заключить мирное соглашение`: the act does not happen
                if trig.lemma in words_of("forced") and forced_modal(tree, trig.index):
                    continue  # `был вынужден уйти в отставку`: `had to`, the complement is the act
                if trig.type == EventType.SANCTION and _acting_measure(tree, trig.index):
                    continue  # `приговор вступит в силу`, `запрет является ударом`: a measure told before
                if _referred_back(tree, trig.index):
                    continue  # `Украина, считающая этот кредит обусловленным`: an act told before
                if intended(tree, trig.index):
                    continue  # `остановился, чтобы оказать помощь`: an intention, not a reported act
                if trig.type == EventType.CONSULT and with_press(tree, trig.index, trig.partner):
                    continue
                args = find_arguments(tree, si, trig.index, trig.type, index)
                if not passing and trig.type == EventType.ASSAULT and _resulting(tree, trig.index):
                    toll = [  # `в результате авиаудара погибли 33 турецких военных`: the dead are its targets
                        a
                        for c in tree.kids(_toll_verb(tree, trig.index), "nsubj", "nsubj:pass")
                        for a in decide(collect(tree, si, c, index), index)
                    ]
                    args.targets = list(dict.fromkeys(args.targets + [a for a in args.sources if a in toll]))
                    args.sources = [a for a in args.sources if a not in toll]
                if trig.mode == "verbless":  # `Франция против сделки Германии`: the holder of the stance
                    inner = decide(collect(tree, si, trig.index, index), index)
                    stance = decide(collect(tree, si, tree.head(trig.index), index), index)
                    stance = [a for a in stance if a not in inner]
                    if not stance:
                        continue
                    args.sources, args.targets = stance, [a for a in args.sources + args.targets if a not in stance]
                if _cancelled_occasion(tree, trig):  # `визит Путина в США отменен`: the visit's own sides
                    occasion = find_arguments(tree, si, trig.partner, trig.type, index)
                    if occasion.sources or occasion.targets:
                        by = [a for a in args.sources if a not in occasion.targets]  # `Путин отменил визит в США`
                        occasion.sources = list(dict.fromkeys(occasion.sources or by))
                        occasion.targets = [a for a in occasion.targets if a not in occasion.sources]
                        args = occasion
                if not args.sources:  # `Минобороны сообщило об уничтожении склада`: the announcer acts
                    said = announcer(tree, si, trig.index, index)
                    args.sources = said
                    args.targets = [t for t in args.targets if t not in said]
                if not args.sources and _first_person(tree, trig.index, args.predicate):
                    said = _we_speaker(tree, si, trig.index, index)
                    args.sources = said  # `подчеркнул позицию США: «Мы не допускаем пытки»`: «мы» is the speaker's side
                    args.targets = [t for t in args.targets if t not in said]
                holder = _holder(tree, trig)
                if holder >= 0:  # `у меня не дрогнет рука закрыть посольство`: the one whose hand it is acts
                    said = decide(collect(tree, si, holder, index), index)
                    if not said and tree.tokens[holder].feat("Person") == "1":
                        said = _we_speaker(tree, si, trig.index, index)
                    if not said and tree.tokens[holder].pos == "PRON":
                        said = _speaker(tree, si, trig.index, index)
                    if said:
                        args.targets = [a for a in dict.fromkeys(args.sources + args.targets) if a not in said]
                        args.sources = said
                kind = trig.type
                if held and kind == EventType.PROTEST:  # `в ходе демонстраций полиция задержала …`: the
                    args.sources = _own_agents(tree, si, trig.index, index)  # clause's subject is no protester
                    args.targets = []
                if trig.mode == "reported":  # `Минск считает, что Москва задолжала`: speaker → subject
                    speaker = _speaker(tree, si, trig.index, index) or quoted_speaker(tree, si, trig.index, index)
                    said_of = [a for a in dict.fromkeys(args.sources + args.targets) if a not in speaker]
                    if not speaker or not (said_of or _named_culprit(tree, trig.index, kind)):
                        continue  # `заявил, что атаку совершили «террористы»`: speaker → [] (no actor)
                    if kind == EventType.ACCUSE and args.sources and set(args.sources) <= set(speaker):
                        continue  # `Украина заявила, что Украина не будет выполнять …`: its own act, no charge
                    args.sources, args.targets = speaker, said_of
                    args.source_group = args.target_group = False
                if trig.mode == "undergo":  # `Навальный вышел на свободу`: the subject is released
                    agents = _undergo_agents(tree, si, trig, index, args.predicate)
                    args.targets = [
                        a for a in dict.fromkeys(args.sources + args.targets) if a not in agents + args.agents
                    ]
                    args.sources = agents  # `подвергся критике со стороны Китая`, `предстал перед судом`
                    args.target_group, args.source_group = args.source_group, False
                if trig.mode == "prospect" and not args.targets:  # `в случае осуждения Белых грозит …`
                    args.targets = [a for n in folded for c in tree.kids(n) for a in decide(collect(tree, si, c, index), index)]
                if kind == EventType.RETREAT and _resignation(tree, trig) and not _states_only(args.sources):
                    continue  # `в 1996 году он ушел в отставку`, `генсек ООН сложит полномочия`: a career
                given = _received(tree, si, trig.index, index)
                if given is not None:  # `Вашингтон получил от Гаваны отказ`: Havana refuses Washington
                    args.sources, receivers = given
                    args.targets = [a for a in receivers if a not in args.sources]
                    args.source_group = args.target_group = False
                if kind == EventType.COOPERATE and trig.partner >= 0:  # `создали Стратегический совет`:
                    made = index.at(si, trig.partner)  # the body created is the act's product, not a party
                    if made is not None:
                        args.targets = [t for t in args.targets if t != made.value]
                expel = trig.lemma in words_of("expel")  # `выслала дипломата`: the envoy's state is the target
                envoy = _envoy_state(tree, si, trig.partner, index) if kind in ENVOY_TYPES and not expel else []
                if envoy:  # `посол Польши был отозван из Минска`: the envoy's state recalls (or returns) him
                    args.sources = envoy
                    args.targets = [a for a in args.targets if a not in envoy]
                if kind == EventType.COERCE and trig.lemma in words_of("ban") and _foreign(args.sources, args.targets):
                    kind = EventType.SANCTION  # `ЕС запретил въезд президенту Белоруссии`: aimed at a foreign state
                partner_lemma = tree.tokens[trig.partner].lemma.lower() if trig.partner >= 0 else ""
                if kind == EventType.SANCTION and partner_lemma in words_of("ban") and not args.targets:
                    kind = EventType.COERCE  # `введены законы о запрете пропаганды`: a domestic regime (ANNOTATION.md §6)
                if kind == EventType.PROTEST and trig.lemma in words_of("objection") and _by_states(args.sources):
                    kind = EventType.ACCUSE  # a state or IGO that protests makes a diplomatic protest
                pred = args.predicate
                if circumstantial(tree, trig.index) and not (args.sources or args.targets):
                    continue  # `председательствовала на заседании`: a setting, not a reported event
                if caption and tree.tokens[trig.index].pos == "NOUN" and not (args.sources or args.targets) and not (
                    kind == EventType.PROTEST and _cause_named(tree, trig.index)
                ):
                    continue  # `Протесты в Венесуэле`: a caption names a topic, it reports no act
                if trig.type == EventType.CONSULT and trig.lemma in words_of("arrival") and not args.targets:
                    continue  # `куда он прилетел`: an arrival with no host is no visit (EVENTS.md Visits)
                if kind == EventType.AID and args.sources and set(args.sources) <= people and not _by_states(args.targets):
                    continue  # `она помогала в строительстве культурного центра`: a private person's help is no aid
                if kind == EventType.ASSAULT and unnamed_victims(tree, trig.index, pred):
                    args.targets = []  # `убиты трое палестинцев`: unnamed victims are no actors
                    if not args.sources:
                        continue  # `340 человек были ранены`: neither side identifiable, not coded
                vow = False
                if kind == EventType.AGREE and _harm_announced(article, si, tree, trig.index):
                    kind = EventType.THREATEN  # `Он также пообещал:` + `ваших солдат будут убивать`: a threat
                if kind != EventType.AGREE and offered(tree, trig.index):
                    # `готова предоставить убежище`: an offer; `готов ввести санкции`: readiness to harm is a
                    # threat (EVENTS.md Speech acts)
                    kind = EventType.THREATEN if kind in THREAT_ACTS else EventType.AGREE
                elif kind in THREAT_ACTS and vowed(tree, trig.index):
                    speaker = quoted_speaker(tree, si, trig.index, index) or _speaker(tree, si, trig.index, index)
                    if speaker:  # `«мы захватим вертолет», — сказал Мадуро`: a vow of force is a threat
                        args.targets = [a for a in args.targets if a not in speaker]
                        args.sources = speaker
                    kind, vow = EventType.THREATEN, True
                refused = trig.lemma in words_of("refuse") and is_negated(tree, trig.index)
                if trig.negative or (refused and kind == EventType.REJECT):
                    modality = Modality.ASSERTED  # `Тегеран не откажется от программы`: a refusal to give it up
                elif trig.mode == "prospect":
                    modality = Modality.HYPOTHETICAL  # `ему грозит до 10 лет`: a sentence in prospect
                elif trig.mode == "negated" and refused:  # `не откажется от участия`: the absence is denied
                    modality = find_modality(tree, trig.index, pred, negative_entry=True)
                elif trig.mode == "negated":
                    modality = Modality.NEGATED
                else:  # `не полетит в Вашингтон на саммит`: the motion verb carries the meeting's modality
                    modality = find_modality(tree, trig.index, _goal_verb(tree, trig.index, pred))
                if trig.index in agreed and modality == Modality.ASSERTED:
                    modality = Modality.PLANNED
                if trig.mode == "reported" or vow:
                    modality = Modality.ASSERTED  # the statement was made (EVENTS.md Speech acts)
                cond = conditional(tree, trig.index, pred)
                if trig.mode == "prospect":
                    pass  # `в случае осуждения ему грозит …`: the condition is the court's, no one threatens
                elif kind in THREAT_ACTS and cond and modality != Modality.ASSERTED:
                    speaker = _speaker(tree, si, pred, index)
                    if speaker:  # `заметил, что если …, то будут приняты санкции`: the speaker threatens
                        kind, modality = EventType.THREATEN, Modality.ASSERTED
                        args.targets = [a for a in args.sources + args.targets if a not in speaker]
                        args.sources = speaker
                    elif modality in HEDGEABLE:  # `если Иран продолжит …, США введут санкции`: no one
                        modality = Modality.HYPOTHETICAL  # voices it, the act is only conditional
                elif kind in PROMISE_ACTS and cond and modality != Modality.ASSERTED:
                    speaker = quoted_speaker(tree, si, trig.index, index) or _speaker(tree, si, pred, index)
                    if speaker:  # `подчеркнул, что предоставит убежище в случае, если …`: a conditional offer
                        kind, modality = EventType.AGREE, Modality.HYPOTHETICAL
                        args.targets = [a for a in args.sources + args.targets if a not in speaker]
                        args.sources = speaker
                elif cond and modality in HEDGEABLE and not vow and trig.mode != "reported" and (
                    kind == EventType.AGREE or kind not in SPEECH_TYPES  # a conditional statement is still made
                ):
                    modality = Modality.HYPOTHETICAL  # `в случае принятия решения вступление станет …`
                if modality == Modality.HYPOTHETICAL and asked(tree):
                    continue  # `Что произойдет, если оппозиция призовет …?`: a supposition asked about
                if modality == Modality.NEGATED and kind in THREAT_ACTS and not args.targets:
                    continue  # `я никогда не запрещал детям …`: a harm denied with no one harmed reports nothing
                if modality == Modality.NEGATED and kind == EventType.ACCUSE and {trig.lemma, partner_lemma} & words_of("charge"):
                    continue  # `обвинений ему не предъявили`: no charge brought is not coded (ANNOTATION.md §2)
                tense = clause_tense(tree, trig.index, pred)
                verb = _clause_verb(tree, pred)
                past = clause_tense(tree, verb, verb) == "past"
                if modality == Modality.NEGATED and past and trig.mode == "pos" and not trig.negative:
                    speaker = _claimant(tree, si, verb, index)  # `в Минфине утверждают, что кредит не
                    sides = args.sources + args.targets  # предоставлялся`: a party says its act did not happen
                    if speaker and (not args.sources or set(speaker) & set(sides)):
                        kind, modality = EventType.REJECT, Modality.ASSERTED  # a denial (EVENTS.md)
                        args.sources, args.targets = speaker, []
                if kind in THREAT_ACTS and trig.mode == "pos" and not trig.negative:
                    alleger = _alleger(tree, si, trig.index, verb, index)
                    if alleger is not None and not set(alleger) & set(args.sources):
                        # `министр утверждает, что военные соседей обстреляли село`, `якобы он застрелил`:
                        # the harm is alleged, not told in the text's own voice; the alleger accuses the doer
                        doers = [a for a in args.sources if a not in alleger]
                        if not doers:
                            continue  # `повстанцы утверждают, что взрыв унёс жизни семерых`: no one is charged
                        kind, modality = EventType.ACCUSE, Modality.ASSERTED
                        args.sources, args.targets = alleger, doers
                        args.source_group = args.target_group = False
                if kind == EventType.ASSAULT and trig.mode == "pos" and modality == Modality.ASSERTED and not args.sources:
                    teller = _claimant(tree, si, verb, index)
                    if teller and (set(teller) & set(args.targets) or _self_harmed(tree, trig.index, pred)):
                        # `он сообщил, что в изоляторе его пытали`: a victim tells of a harm by someone unnamed,
                        # in his own voice, not the text's: he accuses (EVENTS.md Accusations)
                        kind, modality = EventType.ACCUSE, Modality.ASSERTED
                        args.sources, args.targets = teller, [a for a in args.targets if a not in teller]
                        args.source_group = args.target_group = False
                places = find_locations(tree, si, trig.index, pred, index, trig.partner, event_type=str(kind))
                told = str(kind) if kind != EventType.AGREE or "offer" in family(tree.tokens[trig.index].lemma) else None
                times = find_dates(tree, sentence, trig.index, pred, reference, tense, anchor=anchor, kind=told)
                if _aside(tree, trig.index):  # `несмотря на уступки`, `по просьбе Бельгии`: an act aside the
                    own = set(tree.subtree(trig.index))  # clause has only the time it names itself
                    times = [(i, t) for i, t in times if i in own]
                pairs = _place_date_pairs(tree, places, times)
                for location, date in pairs:
                    if _abroad_ban(kind, trig.lemma, location, args.sources, args.targets):
                        location = None  # `Россия запретила ввоз овощей из Молдавии`: decided at home, not there
                    mood = modality  # each place/date pair keeps the clause's own modality
                    if mood == Modality.ASSERTED and tense == "present" and _ahead(date, reference):
                        mood = Modality.PLANNED  # `завтра встречаются`: a present of the schedule
                    host = location.country if location else None
                    if envoy and not args.targets and host and host not in envoy:
                        args.targets = [host]  # `отозвала посла из Минска`: from Belarus
                    draft = Draft(
                        kind,
                        args.sources,
                        args.targets,
                        location,
                        date,
                        mood,
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
                    draft.conditional = cond
                    partner = tree.tokens[trig.partner].lemma if trig.partner >= 0 else ""
                    draft.stems = family(trig.lemma, partner)
                    draft.passive = _passive(tree, trig.index, pred) and not args.sources
                    draft.partnered = _partnered(tree, trig.index, pred)
                    draft.private = _private_partner(tree, trig.index, pred, trig.partner)
                    draft.ban = trig.lemma in words_of("ban")
                    draft.penalty = trig.lemma.lower() in words_of("penalty")
                    draft.attend = partner_lemma in words_of("attend") or trig.lemma in words_of("attend")
                    pos = tree.tokens[trig.index].pos
                    draft.kind = "verb" if pos in ("VERB", "AUX") else "noun" if pos == "NOUN" else "other"
                    draft.main = draft.kind == "verb" and _main_clause(tree, trig.index)
                    draft.forces = _forces_subject(tree, trig.index, pred)
                    draft.facility = kind == EventType.ASSAULT and _facility(tree, trig.index, pred)
                    draft.domestic = kind == EventType.CONSULT and any(  # `провел заседание кабинета`
                        tree.tokens[c].lemma.lower() in words_of("domestic")
                        for j in {trig.index, trig.partner} - {-1}
                        for c in tree.kids(j, "nmod")
                    )
                    draft.stranger = not (args.sources or args.source_group) and _named_subject(tree, trig.index, pred)
                    per_type.setdefault(kind, []).append(draft)
                    if trig.type == EventType.THREATEN and (cond or _stated_condition(tree)):  # an ultimatum
                        demand = replace(draft, type=EventType.REQUEST, filled=["ultimatum"])
                        per_type.setdefault(EventType.REQUEST, []).append(demand)
                    elif kind in THREAT_ACTS and mood == Modality.ASSERTED and trig.mode == "pos" and draft.sources:
                        victim = _claimant(tree, si, verb, index)
                        if victim and set(victim) & set(draft.targets) and not set(victim) & set(draft.sources):
                            # `Президент Сирии заявил, что Израиль нанес удар по Дамаску`: the victim who
                            # tells of a harm accuses its doer (EVENTS.md Accusations), the act stays too
                            blame = replace(
                                draft, type=EventType.ACCUSE, sources=victim, targets=list(draft.sources), filled=["victim"]
                            )
                            per_type.setdefault(EventType.ACCUSE, []).append(blame)
                    elif kind in UNTIL_TYPES and _until(tree, pred):
                        # `Аббас сказал, что контакты будут приостановлены до тех пор, пока не будут удалены
                        # рамки`: the measure lasts until the other side acts, a demand (EVENTS.md Speech acts)
                        by = draft.sources or _speaker(tree, si, pred, index)
                        demand = replace(
                            draft,
                            type=EventType.REQUEST,
                            sources=by,
                            targets=[a for a in draft.targets if a not in by],
                            modality=Modality.ASSERTED,
                            filled=["ultimatum"],
                        )
                        per_type.setdefault(EventType.REQUEST, []).append(demand)
            for group in per_type.values():
                drafts.extend(_merge_same_type(group))
    return drafts


def _cancelled_occasion(tree: Tree, trig: Trigger) -> bool:
    """A verb of calling off (`отменить`, `отказаться от`) whose licensing noun is the occasion
    (`визит`, `встреча`): the occasion noun names the sides (`визит президента Франции в Россию`),
    and in the passive (`визит … отменен`) the verb's subject is the occasion, no party."""
    if trig.mode != "negated" or trig.partner < 0 or trig.partner == trig.index:
        return False
    return tree.tokens[trig.partner].pos == "NOUN" and tree.tokens[trig.index].pos == "VERB"


def _ahead(date: str | None, reference: dt.date | None) -> bool:
    """The act's day is after the reference day (`завтра встречается`, `в пятницу проходят`): a present
    tense that names such a day states the schedule (EVENTS.md Modality: scheduled → planned); today's
    present (`сегодня проходят акции`) is often the act under way."""
    if date is None or reference is None or len(date) != 10:
        return False
    return date > str(reference)


def _toll_verb(tree: Tree, trigger: int) -> int:
    """The finite verb whose toll a `в результате` harm causes (`в результате авиаудара погибли …`),
    -1 when the phrase hangs from a participle or a noun (`погибшие в результате теракта полицейские`:
    a caption or a description, not a report)."""
    verb = tree.head(trigger)
    for _ in range(NESTING_DEPTH):  # bounded: a parser slip may head a token by itself
        if verb < 0 or tree.tokens[verb].pos != "NOUN":
            break
        verb = tree.head(verb)
    if verb < 0 or tree.tokens[verb].pos != "VERB" or tree.tokens[verb].feat("VerbForm") != "Fin":
        return -1
    return verb


def _resulting(tree: Tree, trigger: int) -> bool:
    """A harm named as the cause of a clause's toll (`в результате теракта погиб человек`): the
    preposition may be parsed as a word of its own or as the noun `результат` the harm hangs from."""
    if _toll_verb(tree, trigger) < 0:
        return False
    if tree.case(trigger) in words_of("result"):
        return True
    h = tree.head(trigger)
    return h >= 0 and tree.case_phrase(h) in words_of("result")


def _goal_verb(tree: Tree, trigger: int, pred: int) -> int:
    """The verb of motion whose goal a meeting noun is (`не полетит на саммит`, `приедет на переговоры`,
    accusative `на`/`в`): going to the meeting is attending it, so that verb's negation or tense is the
    meeting's. Else the trigger's own predicate."""
    token = tree.tokens[trigger]
    head = tree.head(trigger)
    if token.pos != "NOUN" or token.rel != "obl" or token.feat("Case") != "Acc" or head < 0:
        return pred
    if tree.case(trigger) not in DESTINATION_CASES or tree.tokens[head].pos != "VERB":
        return pred
    return head if tree.tokens[head].lemma.lower() in words_of("motion") else pred


def _until(tree: Tree, pred: int) -> bool:
    """`приостановлены до тех пор, пока не будут удалены рамки`: a negated `пока` clause of the measure's
    predicate (directly or under `до тех пор`) names the condition for lifting it."""
    heads = [pred, *(c for c in tree.kids(pred, "obl") if tree.case(c) == "до")]
    for h in heads:
        for c in tree.kids(h, "advcl", "acl"):
            marks = {tree.tokens[m].lemma.lower() for m in tree.kids(c, "mark")}
            negated = any(tree.tokens[n].lemma.lower() in NEGATORS for n in tree.kids(c, "advmod"))
            if marks & UNTIL and negated:
                return True
    return False


def _aside(tree: Tree, trigger: int) -> bool:
    """A noun act in a concessive or on-behalf phrase (`несмотря на уступки`, `по просьбе Бельгии`): it
    happened before or apart from the clause, so the clause's date is not its date (EVENTS.md Date)."""
    token = tree.tokens[trigger]
    return token.pos == "NOUN" and token.rel in ("obl", "nmod") and tree.case(trigger) in words_of("aside")


def _harm_announced(article: Article, si: int, tree: Tree, trigger: int) -> bool:
    """A promise that ends its line with a colon and says what only in the next line (`Он также пообещал:`
    + `ваших солдат будут убивать здесь`): when that line states force or punishment, the promise is
    a threat (EVENTS.md Speech acts), not an offer."""
    if tree.tokens[trigger].lemma.lower() not in words_of("promise") or si + 1 >= len(article.sentences):
        return False
    last = [j for j in range(tree.lo, tree.hi) if tree.tokens[j].pos != "PUNCT" or tree.tokens[j].text == ":"]
    if not last or tree.tokens[last[-1]].text != ":" or tree.kids(trigger, "xcomp", "ccomp", "obj"):
        return False
    following = article.sentences[si + 1]
    return any(
        t.type in THREAT_ACTS
        for lo, hi in segments(following)
        for t in find_triggers(Tree(following.tokens, lo, hi))
    )


def _prevented(tree: Tree, trigger: int) -> bool:
    """An act that something keeps from happening (`спор мешает заключить договор`, `не дает двум странам
    заключить мирное соглашение`): the infinitive under a verb of hindering reports no event."""
    token = tree.tokens[trigger]
    head = tree.head(trigger)
    if token.feat("VerbForm") != "Inf" or token.rel != "xcomp" or head < 0:
        return False
    lemma = tree.tokens[head].lemma.lower()
    if lemma in words_of("prevent"):
        return True
    return lemma in words_of("let") and is_negated(tree, head)


def _entitled(tree: Tree, trigger: int) -> bool:
    """An act one only has the right to (`генерал имеет право обжаловать приговор`, `вправе оспорить`):
    an infinitive under a word of entitlement reports no event."""
    token = tree.tokens[trigger]
    head = tree.head(trigger)
    return token.feat("VerbForm") == "Inf" and head >= 0 and tree.tokens[head].lemma.lower() in words_of("right")


def _clause_verb(tree: Tree, pred: int) -> int:
    """The verb of a noun trigger's clause when the noun is its subject or object (`кредит не предоставлялся`)."""
    h = tree.head(pred)
    if tree.tokens[pred].pos == "NOUN" and tree.tokens[pred].rel in ("nsubj", "nsubj:pass", "obj") and h >= 0:
        return h
    return pred


def _alleger(tree: Tree, si: int, trigger: int, verb: int, index: ActorIndex) -> list[str] | None:
    """Who alleges the clause of `trigger` (`утверждают, что …`, `считает, что …`, `якобы`): that verb's
    subject or the story's speaker ([] when unnamed), or None when the clause is told as fact. `verb` is
    the clause's verb (`_clause_verb`), computed once per trigger by the caller."""
    hedges = words_of("allege")
    if any(tree.tokens[c].lemma.lower() in hedges for j in {verb, trigger} for c in tree.kids(j, "advmod")):
        return _speaker(tree, si, verb, index)
    head = tree.head(verb)
    if tree.tokens[verb].rel in SPEAKER_RELS and head >= 0 and tree.tokens[head].lemma.lower() in hedges:
        return _speaker(tree, si, verb, index)
    return None


def _claimant(tree: Tree, si: int, clause: int, index: ActorIndex) -> list[str]:
    """Who claims the clause `clause` with a verb of claiming (`утверждают, что …`, `уверяет, что …`,
    `заявил, что …`): that verb's subject, or [] when the clause is no such claim."""
    head = tree.head(clause)
    if tree.tokens[clause].rel not in SPEAKER_RELS or head < 0:
        return []
    if tree.tokens[head].lemma.lower() not in words_of("say") | words_of("claim"):
        return []
    return _speaker(tree, si, clause, index)


def _self_harmed(tree: Tree, trigger: int, pred: int) -> bool:
    """The harmed one is a personal pronoun (`его пытали`, `я был избит`): in a reported clause, the
    teller speaking of himself."""
    return any(
        tree.tokens[c].pos == "PRON" and tree.tokens[c].feat("PronType") in (None, "Prs")
        and tree.tokens[c].feat("Person") in ("1", "3")
        for j in dict.fromkeys([trigger, pred])
        for c in tree.kids(j, "obj", "nsubj:pass")
    )


def _holder(tree: Tree, trig: Trigger) -> int:
    """The `у X` possessor of a speech act licensed by its own subject word (`у меня не дрогнет рука`):
    the word is a body part of X, so X is the one who speaks; -1 when there is none."""
    if trig.type not in SPEECH_TYPES or trig.partner < 0 or tree.head(trig.partner) != trig.index:
        return -1
    if not tree.tokens[trig.partner].rel.startswith("nsubj"):
        return -1
    return next((c for c in tree.kids(trig.index, "obl") if tree.case(c) == "у"), -1)


def _first_person(tree: Tree, trigger: int, pred: int) -> bool:
    """The act's subject is `я`/`мы` (`«Мы не допускаем пытки»`): the speaker of the quote acts."""
    return any(
        tree.tokens[c].pos == "PRON" and tree.tokens[c].feat("Person") == "1"
        for j in dict.fromkeys([trigger, pred, *tree.ancestors(trigger, frozenset({"conj", "xcomp"}))])
        for c in tree.kids(j, "nsubj")
    )


def _we_speaker(tree: Tree, si: int, trigger: int, index: ActorIndex) -> list[str]:
    """Whose side a quoted `я`/`мы` is: the quote's speaker, else who opens the line before its colon."""
    return quoted_speaker(tree, si, trigger, index) or _opener(tree, si, trigger, index)


def _opener(tree: Tree, si: int, trigger: int, index: ActorIndex) -> list[str]:
    """Who opens a line with a clause and a colon before the quote holding the trigger (`госсекретарь
    подчеркнул позицию правительства США: «Мы …»`): the subject of that clause's verb."""
    colons = [j for j in range(tree.lo, trigger) if tree.tokens[j].text == ":"]
    if not colons:
        return []
    for v in range(tree.lo, colons[-1]):
        if tree.head(v) < 0 and tree.tokens[v].pos in ("VERB", "AUX"):
            for c in tree.kids(v, "nsubj"):
                said = decide(collect(tree, si, c, index), index)
                if said:
                    return said
    return []


def _acting_measure(tree: Tree, trigger: int) -> bool:
    """A sentence or measure noun as the active subject of another verb (`приговор вступит в силу`,
    `запрет на ввоз является ударом`) is one already imposed that now does something: the clause reports
    its effect, not the act of imposing it."""
    token = tree.tokens[trigger]
    return token.pos == "NOUN" and token.rel == "nsubj" and tree.tokens[tree.head(trigger)].pos in ("VERB", "AUX")


def _referred_back(tree: Tree, trigger: int) -> bool:
    """A noun act named with a demonstrative (`этот кредит`, `эти уступки`, `подобные акции`): it refers
    back to an act the text told before (or to a kind of act), it does not report a new one."""
    if tree.tokens[trigger].pos != "NOUN":
        return False
    marks = words_of("anaphora")
    return any(tree.tokens[c].lemma.lower() in marks for c in tree.kids(trigger, "det", "amod"))


def _folded_conditions(tree: Tree, triggers: list[Trigger]) -> set[int]:
    """Nouns naming the condition of a prospect (`в случае осуждения ему грозит до 10 лет`): the
    conviction is what the prospect depends on, not an act the sentence reports."""
    words = conditions()
    out: set[int] = set()
    for t in triggers:
        if t.mode != "prospect":
            continue
        for c in tree.kids(t.index, "obl", "advcl"):
            if tree.tokens[c].lemma.lower() in words:
                out.update(tree.kids(c, "nmod"))
    return out


def _envoy_state(tree: Tree, si: int, partner: int, index: ActorIndex) -> list[str]:
    """The state of an envoy that licensed a recall or return (`посол Польши`, `польский посол`):
    that state recalls or returns its envoy, whatever the clause's grammar (`был отозван`)."""
    if partner < 0 or tree.tokens[partner].lemma.lower() not in words_of("envoy"):
        return []
    said = decide(collect(tree, si, partner, index), index)
    return [a for a in said if a in _state_codes()]


def _resignation(tree: Tree, trig: Trigger) -> bool:
    """A resignation (`ушел в отставку`, `сложит полномочия`): RETREAT only as a government's act
    (EVENTS.md Legal/force: "resignation of a government"), i.e. with a state as its actor."""
    words = words_of("resign")
    partner = tree.tokens[trig.partner].lemma.lower() if trig.partner >= 0 else ""
    return trig.lemma in words or partner in words


def _received(tree: Tree, si: int, noun: int, index: ActorIndex) -> tuple[list[str], list[str]] | None:
    """A noun act that is the object of a verb of receiving with its giver in an `от` phrase
    (`предложение получило от Гаваны отказ`, `Киев получил отказ от МВФ`): the giver acts, the receiver
    (the subject, when an actor) is the target. None when the giver is not named."""
    token = tree.tokens[noun]
    head = tree.head(noun)
    if token.pos != "NOUN" or token.rel != "obj" or head < 0 or tree.tokens[head].lemma.lower() not in words_of("receive"):
        return None
    givers: list[str] = []
    for c in [*tree.kids(head, "obl"), *tree.kids(noun, "nmod")]:
        if tree.case(c) == "от":
            givers = givers or decide(collect(tree, si, c, index), index)
    if not givers:
        return None
    receivers: list[str] = []
    for c in tree.kids(head, "nsubj"):  # `предложение Вашингтона получило отказ`: the proposal's owner
        for j in [c, *tree.kids(c, "nmod")]:
            receivers = receivers or decide(collect(tree, si, j, index), index)
    return givers, receivers


def _own_agents(tree: Tree, si: int, noun: int, index: ActorIndex) -> list[str]:
    """Actors named by a noun's own genitive dependents (`демонстрации оппозиции`)."""
    for c in tree.kids(noun, "nmod"):
        if not tree.case(c):
            said = decide(collect(tree, si, c, index), index)
            if said:
                return said
    return []


def _stated_condition(tree: Tree) -> bool:
    """A condition anywhere in a warning's line (`предупредил о возможном ограничении поставок в случае
    неуплаты`): the parser often hangs it off a distant noun, yet it is the ultimatum's demand."""
    words = conditions()
    for j in range(tree.lo, tree.hi):
        token = tree.tokens[j]
        if token.lemma.lower() not in words:
            continue
        if token.rel == "mark" and token.pos == "SCONJ":
            return True  # `если`
        if tree.case(j) in ("в", "во") and tree.kids(j, "nmod") and bare_condition(tree, j, words):
            return True  # `в случае неуплаты` (not `в этом случае`, which refers back)
    return False


def _named_subject(tree: Tree, trigger: int, pred: int) -> bool:
    """The clause's subject is a thing (`собранная информация помогла предотвратить теракты`): when it is
    no actor, the act is not the main meeting's, whose participants would otherwise fill it."""
    return any(
        tree.tokens[c].pos == "NOUN"
        and tree.tokens[c].feat("Animacy") == "Inan"
        and tree.tokens[c].lemma.lower() not in lexicon()  # `пройдут встречи`: the act itself
        for j in dict.fromkeys([trigger, pred])
        for c in tree.kids(j, "nsubj")
        if c != trigger
    )


def _forces_subject(tree: Tree, trigger: int, pred: int) -> bool:
    """The clause's subject is troops named only generically (`военные провели учения`, `войска
    выдвинулись к границе`): with no state named, they are the forces of the state where they act."""
    return any(
        tree.tokens[c].lemma.lower() in words_of("forces") and not tree.kids(c, "nmod", "amod")
        for j in dict.fromkeys([trigger, pred])
        for c in tree.kids(j, "nsubj", "nsubj:pass")
    )


def _facility(tree: Tree, trigger: int, pred: int) -> bool:
    """The act is aimed at a state's post or force named only generically (`атаковали военную базу`,
    `обстреляли блокпост`, `нападение на патруль`): no owner of its own in the phrase."""
    for j in dict.fromkeys([trigger, pred]):
        for c in tree.kids(j, "obj", "obl", "nmod"):
            if tree.tokens[c].lemma.lower() not in words_of("facility"):
                continue
            if tree.tokens[c].rel != "obj" and tree.case(c) not in ("на", "по"):
                continue  # `у поста`, `возле базы`: a place near, not the target
            if not any(tree.tokens[k].pos == "PROPN" and not tree.case(k) for k in tree.kids(c, "nmod")):
                return True
    return False


def _main_clause(tree: Tree, trigger: int) -> bool:
    """The root of the line or a predicate coordinated with it (`задержали и депортировали`)."""
    token = tree.tokens[trigger]
    return tree.head(trigger) < 0 or (token.rel == "conj" and tree.head(tree.head(trigger)) < 0)


def _named_culprit(tree: Tree, trigger: int, kind: EventType) -> bool:
    """A reported accusation whose culprit is a third party named by a noun, not an actor
    (`заявил, что атаку совершили «террористы»`): the speaker's accusation still stands (EVENTS.md)."""
    if kind != EventType.ACCUSE:
        return False
    return any(tree.tokens[c].pos in ("NOUN", "PROPN") for c in tree.kids(trigger, "nsubj"))


def _foreign(sources: list[str], targets: list[str]) -> bool:
    """A state or IGO acting against another state (`Россия запретила ввоз … из Молдавии`): a ban
    aimed abroad is an embargo or sanction (EVENTS.md Legal/force), a domestic one stays coercion."""
    codes = _state_codes()
    return _by_states(sources) and any(t in codes and t not in sources for t in targets)


def _abroad_ban(
    kind: EventType, lemma: str, location: Location | None, sources: list[str], targets: list[str]
) -> bool:
    """A state's sanction or ban aimed abroad (`Россия запретила ввоз вина из Грузии`, `ЕС ввел санкции
    против товаров из Ирана`) is decided by its source, not in the country it is about: that country,
    named as the origin of goods or people, is no place of the act (EVENTS.md: statements and measures
    are placed where they are made)."""
    if location is None or location.country is None or not _by_states(sources):
        return False
    if kind != EventType.SANCTION and lemma not in words_of("ban"):
        return False
    return location.country in targets and location.country not in sources


def _states_only(actors: list[str]) -> bool:
    """Only state codes (`BGR`), no IGO (`UN`): a government resigns, an IGO official's term just ends."""
    codes = _state_codes()
    return bool(actors) and all(a in codes for a in actors)


def _private_people(index: ActorIndex) -> set[str]:
    """Actor values the document names only as persons: private people, as a person in a state role is
    coded by the state (EVENTS.md Actors)."""
    kinds: dict[str, set[str]] = {}
    for table in index.by_sentence:
        for actor in table.values():
            kinds.setdefault(actor.value, set()).add(actor.kind)
    return {value for value, seen in kinds.items() if seen == {"person"}}


def _by_states(actors: list[str]) -> bool:
    """Only state or IGO codes (`RUS`, `EU`, `NATO`), no names (EVENTS.md Actor codes)."""
    return bool(actors) and all(a.isascii() and a.isupper() for a in actors)


def _place_date_pairs(
    tree: Tree, places: list[tuple[int, Location]], times: list[tuple[int, str]]
) -> list[tuple[Location | None, str | None]]:
    """One record per (place, date) the clause states (EVENTS.md Records): `в марте в Брюсселе, а в мае
    в Бишкеке` pairs them in order; `в 1995 и 2002 году` with no place is one record per date;
    `перекинулись на Ливерпуль и Манчестер` with one date or none is one record per place."""
    spots = list(dict.fromkeys(p for _, p in places))
    days = list(dict.fromkeys(t for _, t in times))
    if len(places) >= 2 and len(times) == len(places):
        return [(p[1], t[1]) for p, t in zip(places, times, strict=True)]
    if len(days) >= 2 and not spots and _listed(tree, [i for i, _ in times]):
        return [(None, day) for day in days]
    coordinated = all(tree.tokens[i].rel == "conj" for i, _ in places[1:])
    if len(spots) >= 2 and len(days) <= 1 and coordinated and _listed(tree, [i for i, _ in places]):
        return [(spot, days[0] if days else None) for spot in spots]
    return [(spots[0] if spots else None, days[0] if days else None)]


def _listed(tree: Tree, indices: list[int]) -> bool:
    """No negation between the listed expressions (`в Старом городе, а не в … Иерусалиме` is one place)."""
    lo, hi = min(indices), max(indices)
    return not any(tree.tokens[j].lemma.lower() in NEGATORS for j in range(lo, hi))


def _speaker(tree: Tree, si: int, clause: int, index: ActorIndex) -> list[str]:
    """Who states the clause of `clause`: the subject of the verb it is the complement of
    (`Минск считает, что …`, `чиновник заметил, что …`), or the owner of `по его мнению/словам`."""
    j = clause
    for _ in range(4):
        for c in tree.kids(j, "parataxis", "obl"):  # `по его мнению`, `по словам министра`
            if tree.tokens[c].lemma.lower() in speaker_words():
                said = decide(collect(tree, si, c, index), index)
                if said:
                    return said
            if tree.tokens[c].rel == "parataxis" and tree.tokens[c].lemma.lower() in words_of("say"):
                for o in tree.kids(c, "nsubj", "obl"):  # `…, говорится в заявлении Евросоюза`
                    if tree.tokens[o].rel == "obl" and tree.tokens[o].lemma.lower() not in words_of("document"):
                        continue
                    said = decide(collect(tree, si, o, index), index)
                    if said:
                        return said
        if tree.tokens[j].rel not in SPEAKER_RELS | {"xcomp", "conj", "csubj"}:
            break
        h = tree.head(j)
        if h < 0 or h == j:  # a self-headed token (a parser slip) has no speaker above it
            break
        if tree.tokens[j].rel in SPEAKER_RELS or tree.tokens[j].rel == "conj":
            for c in tree.kids(h, "nsubj"):
                said = decide(collect(tree, si, c, index), index)
                if said:
                    return said
            if not tree.kids(h, "nsubj") and tree.tokens[h].feat("Number") == "Plur":
                for c in tree.kids(h, "obl"):  # `в Минфине России утверждают, что …`: the body speaks
                    if tree.case(c) in LOCATIVE_CASES:
                        said = decide(collect(tree, si, c, index), index)
                        if said:
                            return said
        j = h
    return _colon_speaker(tree, si, clause, index)


def _colon_speaker(tree: Tree, si: int, clause: int, index: ActorIndex) -> list[str]:
    """`США: Беларусь должна освободить …`: a line opened by an actor and a colon quotes that actor."""
    for j in range(tree.lo, min(tree.hi, tree.lo + 5)):
        if tree.tokens[j].text == ":":
            if clause <= j:
                return []
            rest = frozenset(range(j, tree.hi))  # the quoted line itself is no speaker
            for k in range(tree.lo, j):
                if tree.tokens[k].pos in ("PROPN", "NOUN"):
                    said = decide(collect(tree, si, k, index, skip=rest), index)
                    if said:
                        return said
            return []
    return []


def _partnered(tree: Tree, trigger: int, pred: int) -> bool:
    """A comitative partner or a named person beside the act (`встреча с президентом России`,
    `вслед за коллегами из Венесуэлы`), whether or not the actors module resolved it to a code."""
    for j in dict.fromkeys([trigger, pred]):
        for c in tree.kids(j, "obl", "nmod", "iobj", "obj"):
            tok = tree.tokens[c]
            if tok.lemma.lower() in words_of("private"):
                continue  # `встречался с правозащитниками`: private people are no party (EVENTS.md Actors)
            if tree.case(c) in TOPIC_CASES:
                continue  # `переговоры о ядерной программе Ирана`: what is talked about, no partner
            if tree.case(c) in ("с", "со", "за") and tok.feat("Case") == "Ins":
                return True
            # `принял предложение Москвы`: a named or personal owner of the object
            for k in [c, *tree.kids(c, "nmod")]:
                if tree.tokens[k].feat("Animacy") == "Anim" or tree.tokens[k].pos == "PROPN":
                    if not tree.case(k) or k == c and tree.case(k) in ("с", "со", "к", "у"):
                        return True
    return False


def _private_partner(tree: Tree, trigger: int, pred: int, partner: int) -> bool:
    """The comitative partner is private people (`встречался с правозащитниками`, `с активистами`,
    `провела совещание с поставщиками`: under the meeting noun a conditioned trigger consumed)."""
    return any(
        tree.case(c) in ("с", "со") and tree.tokens[c].lemma.lower() in words_of("private")
        for j in dict.fromkeys([trigger, pred, partner])
        if j >= 0
        for c in tree.kids(j, "obl", "nmod")
    )


def _passive(tree: Tree, trigger: int, pred: int) -> bool:
    """A passive clause (`предъявлены обвинения`, `будет приговорен`, `обвиняется`)."""
    return any(
        tree.tokens[j].feat("Voice") == "Pass" or bool(tree.kids(j, "aux:pass"))
        for j in dict.fromkeys([trigger, pred])
    )


def _merge_same_type(group: list[Draft]) -> list[Draft]:
    """Several triggers of one type in one line (`демонстранты собрались на митинг`) are one event,
    unless they name different places or dates (`в марте в Брюсселе, а в мае в Бишкеке`) or different
    actors (`Россия обвинила Украину, а Китай — США`): one record per type and actor set (EVENTS.md)."""
    out: list[Draft] = []
    for draft in sorted(group, key=lambda d: -d.weight):
        for kept in out:
            if kept.sources and draft.sources and not set(kept.sources) & set(draft.sources):
                continue  # different agents: different acts
            if (kept.modality == Modality.NEGATED) != (draft.modality == Modality.NEGATED):
                continue  # `утверждают, что не предоставлялся, … не смогли опровергнуть`: a denial and a failed one
            if all(  # `посетит Британию, где встретится с Кэмероном`: a side left unknown does not differ
                mine is None or theirs is None or mine == theirs
                for mine, theirs in ((kept.location, draft.location), (kept.date, draft.date))
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


def _resolve_document(drafts: list[Draft], index: ActorIndex) -> None:
    participants, occasion_date = _occasion(drafts)
    home = index.memory.home  # the actors module's home country, so bodies and state acts agree
    for d in drafts:
        if d.source_group and not d.sources and participants:
            d.sources = [p for p in participants if p not in d.targets]
            d.filled.append("group")
        if d.target_group and not d.targets and participants:
            d.targets = [p for p in participants if p not in d.sources]
            d.filled.append("group")
        if not d.sources and not d.targets and participants and d.type in OCCASION_TYPES and not d.stranger:
            d.sources = list(participants)
            d.filled.append("occasion")
        # `Сенат ратифицировал договор`: one side of the agreement the text is about, the others its partners;
        # `Браун отказался от участия`: in the meeting the text is about, whose sides are its hosts
        lone_side = d.type == EventType.AGREE and len(d.sources) == 1 and d.sources[0] in participants
        attending = d.attend and d.type == EventType.CONSULT and bool(d.sources) and bool(participants)
        if (lone_side or attending) and not d.targets:
            d.targets = [p for p in participants if p not in d.sources]
            d.filled.append("occasion")
        passive_act = (d.passive or d.forces) and (
            (d.type in PASSIVE_STATE_TYPES and bool(d.targets)) or d.type in FORCES_TYPES
        )
        if not d.sources and (d.type in STATE_TYPES or passive_act):
            state = acting_state(index, d.sentence, d.location.country if d.location else None, home)
            if state and state not in d.targets:
                d.sources = [state]
                d.filled.append("state")
                if d.type == EventType.COERCE and d.ban and _foreign(d.sources, d.targets):
                    d.type = EventType.SANCTION  # `гражданам Грузии запрещен въезд в Россию`
        if not d.targets and d.facility and d.location and d.location.country:
            if d.location.country not in d.sources:  # `боевики атаковали военную базу в провинции Кабул`
                d.targets = [d.location.country]
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


def _internal(d: Draft) -> bool:
    """An act between parties whose only party is one state (EVENTS.md: an event needs two sides
    or a multilateral body; the gold never codes a lone state's meeting, agreement or support)."""
    sides = set(d.sources + d.targets)
    if d.domestic and len(set(d.sources)) == 1 and set(d.sources) <= _state_codes():
        return True  # `заседание кабинета министров провел в Хевроне`: a state's own body sits, wherever it is
    if d.type not in INTERACTIVE_TYPES or len(sides) != 1 or d.partnered:
        return False
    (only,) = sides
    if d.private:
        return True  # `посол встречался с правозащитниками в Москве`: no second party, wherever it is
    abroad = d.location is not None and d.location.country not in (None, only)
    return only in _state_codes() and not abroad  # `отказался от участия в саммите в Вашингтоне`: a host


@lru_cache(maxsize=1)
def _state_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes of states (IGO codes such as `SCO`, `ICC` are not among them)."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {alpha3("XK") or "XKX"}


def _unaimed_penalty(event: Event, members: list[Draft]) -> bool:
    """A penalty named only by a noun that falls on no one (`суд назначил наказание выше требуемого`,
    `поправками предлагается ввести штрафы`): talk of sentencing or of a law's penalties, not a
    sanction against a party (ANNOTATION.md §6: a law is coded by what it bans, COERCE)."""
    return (
        event.type == EventType.SANCTION
        and event.modality != Modality.HYPOTHETICAL  # `не избежать наказания`: a possible punishment is coded
        and not event.targets
        and all(d.kind == "noun" and d.penalty for d in members)
    )


def confidence_features(d: Draft, restated: bool) -> dict[str, float]:
    """What the confidence of a draft's record is computed from (see confidence.features)."""
    return features(
        d.weight,
        d.kind == "noun",
        bool(d.sources),
        bool(d.targets),
        bool(d.filled),
        restated,
        main=d.main,
        lead=d.sentence < 3,
        asserted=d.modality == Modality.ASSERTED,
        coded=_by_states(d.sources) and _by_states(d.targets),
    )


def scored_events(article: Article) -> list[tuple[Event, dict[str, float]]]:
    """The article's events with the features their confidence comes from (for calibration)."""
    if not article.sentences:
        return []
    index = ActorIndex(article)
    drafts = _drafts(article, index)
    _resolve_document(drafts, index)
    kept = [d for d in drafts if (d.sources or d.targets) and not _internal(d)]
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
            confidence=0.0,  # set from the merged record's features below
            trigger=d.trigger,
            sentence=d.sentence,
            evidence_start=d.start,
            evidence_stop=d.stop,
        )
        for d in kept
    ]
    merged = merge(fill_restatements(events, article, index), [d.content for d in kept], [d.stems for d in kept])
    out = []
    for event, members in merged:
        if _unaimed_penalty(event, [kept[m] for m in members]):
            continue
        feats = confidence_features(kept[members[0]], len(members) > 1)
        out.append((replace(event, confidence=confidence(feats)), feats))
    return out


def extract(article: Article) -> Article:
    """Fill `article.events` with the events its sentences state."""
    if not article.sentences:
        return article
    return replace(article, events=tuple(event for event, _ in scored_events(article)))
