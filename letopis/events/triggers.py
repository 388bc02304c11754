"""Event triggers: lexicon entries (letopis/data/triggers.tsv) matched on lemmas and dependents.

A plain entry fires on its lemma. A conditioned entry (`ввести` + `санкция`) fires only when one of
its required lemmas is a dependent (or the head) of the trigger, beats plain entries of the same
word, and consumes that dependent, so `выразить протест` is one ACCUSE and not also a PROTEST.
Negative-polarity entries (`не признала` → REJECT) fire only under negation. Three more polarities
shape the event rather than the match: `negated` states the act did not happen (`отказался от участия`
→ CONSULT, negated), `undergo` makes the grammatical subject the one acted upon (`вышел на свободу`),
`reported` makes it the one a speaker accuses or asks (`Минск считает, что Москва задолжала` →
ACCUSE BLR → RUS; `сказал, что Белград должен решить` → REQUEST), `prospect` that the act is only in
prospect (`ему грозит до 10 лет тюрьмы` → SANCTION, hypothetical); `negreported` is `reported` under
negation only (`заявил, что Киев не выполняет соглашения` → ACCUSE RUS → UKR). A `block` entry says when the word
is no trigger at all (`подписал указ` is no agreement; `нота протеста` is no demonstration): it is
tried first and, when its requirement is met, the word fires nothing. A requirement `@rel` asks for a
dependent in that relation rather than a word; `@pass` asks for the trigger itself in the passive
(`осуждён` is convicted, `осудил` condemned). A `verbless` entry is a preposition that, in a headline
with no verb, states its holder's stance towards the noun it governs (`Архнадзор против вмешательства`).
A participle used as a noun names a person (`задержанные`, `подозреваемый`), not an act, and does not
fire (a protester still implies a protest).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import data_rows, function_words
from ..record import EventType
from .tree import Tree

__all__ = ["Entry", "Trigger", "lexicon", "find_triggers", "is_negated", "attributive", "NEGATORS", "POLARITIES"]

NEGATORS = function_words("negators")
UNTIL = function_words("until")  # `пока … не`: until
POLARITIES = frozenset(
    {"pos", "neg", "negated", "undergo", "reported", "negreported", "block", "prospect", "verbless"}
)
NOMINAL_RELS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "conj", "appos"})
ATTRIBUTE_RELS = frozenset({"amod", "acl"})
VERB_ENDINGS = ("ть", "ться", "ти", "тись", "чь", "чься")
PASSIVE_REQUIREMENT = "@pass"  # a requirement met by the trigger's own passive voice, not by a dependent
ABSTRACT_ENDINGS = ("ость", "есть")  # `договоренность`, `готовность`: nouns in -ть that are no infinitives


@dataclass(frozen=True)
class Entry:
    lemma: str
    type: EventType
    requires: frozenset[str] = frozenset()
    negative: bool = False
    weight: float = 0.7
    mode: str = "pos"  # one of POLARITIES


@dataclass(frozen=True)
class Trigger:
    index: int  # token index in the sentence
    type: EventType
    weight: float
    lemma: str
    partner: int = -1  # the required dependent that licensed a conditioned entry
    negative: bool = False
    mode: str = "pos"  # `negated`: the act did not happen; `undergo`: the subject is the target;
    # `reported`: a speaker states it of the subject (`считает, что Москва задолжала`): speaker → subject


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[Entry, ...]]:
    """Entries by lemma in the order they are tried (see the sort below)."""
    table: dict[str, list[Entry]] = {}
    for row in data_rows("triggers.tsv"):
        lemma, kind, requires, polarity, weight = (row + ["-", "pos", "0.7"])[:5]
        if polarity not in POLARITIES:
            raise ValueError(f"triggers.tsv: unknown polarity {polarity!r} for {lemma!r}")
        entry = Entry(
            lemma=lemma,
            type=EventType(kind),
            requires=frozenset() if requires in ("", "-") else frozenset(requires.split("|")),
            negative=polarity in ("neg", "negreported"),
            weight=float(weight or 0.7),
            mode="reported" if polarity == "negreported" else polarity,
        )
        table.setdefault(lemma, []).append(entry)
    # blocks first; conditioned before plain; within each, negative-polarity entries first: they fire
    # only under negation, where they beat the positive reading (`не приняли предложение` → REJECT)
    return {
        k: tuple(sorted(v, key=lambda e: (e.mode != "block", not e.requires, not e.negative)))
        for k, v in table.items()
    }


def is_negated(tree: Tree, i: int) -> bool:
    """`не` on the trigger or on a verb that governs it through xcomp (`не смогли договориться`)."""
    for j in [i, *tree.ancestors(i, frozenset({"xcomp"}))]:
        if any(tree.tokens[c].lemma.lower() in UNTIL for c in tree.kids(j, "mark", "advmod")):
            return False  # `пока Израиль не вернет …`: "until", the negation is expletive
        if any(tree.tokens[c].lemma.lower() in NEGATORS for c in tree.kids(j, "advmod", "discourse")):
            return True
    return False


def _partner(tree: Tree, i: int, requires: frozenset[str], subject: bool = False) -> int:
    """A dependent or the head of `i` (two levels down) whose lemma is required; `@rel` asks for a
    dependent in that relation (`должен` + `@xcomp`: an obligation to act, not a debt). The subject counts
    only when `subject` (`ему грозит до 10 лет`: the term is the grammatical subject) or when the
    requirement is marked `^` (`вернуться` + `^посол`: the envoy returns)."""
    if PASSIVE_REQUIREMENT in requires and _passive_participle(tree, i):
        return i  # `был осуждён за шпионаж`: the passive itself is the condition (convicted, not condemned)
    for c in tree.kids(i):
        if "@" + tree.tokens[c].rel.split(":")[0] in requires:
            return c
    # not the active subject: `принял ли отставку глава ПНА` is no reception of a head of state
    near = [c for c in tree.kids(i) if subject or tree.tokens[c].rel != "nsubj"]
    near += [g for c in list(near) for g in tree.kids(c) if tree.tokens[c].rel not in ("conj",)]
    h = tree.head(i)
    if h >= 0:
        near.append(h)
    for j in near:
        if tree.tokens[j].lemma.lower() in requires:
            return j
    # `^посол`: the required word may be the subject (`посол вернулся в Минск`)
    for c in tree.kids(i, "nsubj", "nsubj:pass"):
        if "^" + tree.tokens[c].lemma.lower() in requires:
            return c
    return -1


def _passive_participle(tree: Tree, i: int) -> bool:
    """The trigger is a passive participle (`осуждён`, `осуждённый судом`)."""
    token = tree.tokens[i]
    return token.feat("VerbForm") == "Part" and token.feat("Voice") == "Pass"


def _person_noun(tree: Tree, i: int) -> bool:
    """A participle or verb-lemma noun standing for people (`задержанных`, `подозреваемый`)."""
    token = tree.tokens[i]
    if token.rel not in NOMINAL_RELS:
        return False
    if token.feat("Variant") == "Short" or tree.kids(i, "aux", "cop"):
        return False  # `сотни … были арестованы`: a passive predicate, not the people it names
    lemma = token.lemma.lower()
    if token.pos == "NOUN" and lemma.endswith(VERB_ENDINGS) and not lemma.endswith(ABSTRACT_ENDINGS):
        return True
    return token.feat("VerbForm") == "Part" and token.pos in ("VERB", "ADJ", "NOUN")


def _denied(tree: Tree, partner: int) -> bool:
    """A required noun that carries its own negation (`они не террористы`): the word is denied, not used."""
    token = tree.tokens[partner]
    return token.pos == "NOUN" and any(tree.tokens[c].lemma.lower() in NEGATORS for c in tree.kids(partner, "advmod"))


def attributive(tree: Tree, i: int) -> bool:
    """A full participle describing a noun (`изъятое оружие`, `законы, запрещающие пытки`): background
    the sentence takes as given, not the act it reports."""
    token = tree.tokens[i]
    if token.feat("VerbForm") != "Part" or token.feat("Variant") == "Short" or token.rel not in ATTRIBUTE_RELS:
        return False
    return not _agent(tree, i)


def _agent(tree: Tree, i: int) -> bool:
    """The participle names who did it (`корабль, перехваченный силами ВМС США`): a reported act."""
    return any(
        tree.tokens[c].feat("Case") == "Ins" and tree.tokens[c].pos in ("NOUN", "PROPN")
        and not tree.kids(c, "case")
        for c in tree.kids(i, "obl", "obl:agent")
    )


def _verbless_stance(tree: Tree, table: dict[str, tuple[Entry, ...]]) -> list[Trigger]:
    """A headline with no verb that sets an actor against something (`Архнадзор против вмешательства
    властей`): the preposition (a `verbless` entry) states the stance; the trigger is the noun it governs,
    which names no act of its own there (`против сделки` is no agreement)."""
    if any(tree.tokens[i].pos in ("VERB", "AUX") for i in range(tree.lo, tree.hi)):
        return []
    out: list[Trigger] = []
    for i in range(tree.lo, tree.hi):
        token = tree.tokens[i]
        if token.pos != "ADP" or token.rel != "case":
            continue
        entry = next((e for e in table.get(token.lemma.lower(), ()) if e.mode == "verbless"), None)
        head = tree.head(i)
        if entry is None or head < 0 or tree.tokens[head].pos != "NOUN":
            continue
        holder = tree.head(head)
        if holder >= 0 and tree.tokens[holder].lemma.lower() in table:
            continue  # `протесты против ареста`: the stance is the holder's own act, coded by its word
        out.append(Trigger(head, entry.type, entry.weight, entry.lemma, mode=entry.mode))
    return out


def find_triggers(tree: Tree) -> list[Trigger]:
    """All triggers in the tree's segment, at most one per token."""
    table = lexicon()
    found: list[Trigger] = []
    consumed: set[int] = set()
    verbless = _verbless_stance(tree, table)
    found.extend(verbless)
    taken = {t.index for t in verbless}
    for i in range(tree.lo, tree.hi):
        token = tree.tokens[i]
        if token.pos not in ("VERB", "NOUN", "ADJ", "AUX", "PROPN") or i in taken:
            continue
        entries = table.get(token.lemma.lower())
        if not entries:
            continue
        negated = None
        person = _person_noun(tree, i)
        for entry in entries:
            if person and entry.type != EventType.PROTEST:
                continue
            partner = -1
            if entry.requires:
                partner = _partner(tree, i, entry.requires, subject=entry.mode == "prospect")
                if partner < 0 or (not entry.negative and _denied(tree, partner)):
                    continue  # `никакие они не террористы, … можно назвать`: a required word denied licenses nothing
            if entry.negative:
                negated = is_negated(tree, i) if negated is None else negated
                if not negated:
                    continue
            if entry.mode == "block":
                break
            own = partner == i  # licensed by its own voice (`@pass`): no dependent to consume or read
            found.append(
                Trigger(i, entry.type, entry.weight, entry.lemma, -1 if own else partner, entry.negative, entry.mode)
            )
            if partner >= 0 and tree.tokens[partner].lemma.lower() in entry.requires:
                consumed.add(partner)
            break
    return [t for t in found if t.index not in consumed]


def forced_modal(tree: Tree, i: int) -> bool:
    """`Мушарраф был вынужден уйти в отставку`: a passive `forced` with no named forcer reads as `had to`;
    the act reported is the complement, and no one is coded as coercing (who forced is unknown)."""
    token = tree.tokens[i]
    # the parser also tags the short form as an adjective (`татары вынуждены были переселиться`)
    short_adjective = token.pos == "ADJ" and token.feat("Variant") == "Short"
    return (_passive_participle(tree, i) or short_adjective) and not _agent(tree, i)
