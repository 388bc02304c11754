"""Passing mentions: trigger words that name an act without reporting it (EVENTS.md: the evidence
sentence must state the event). A noun in a circumstance phrase (`после ареста`), under a verb of
state (`пользуется поддержкой`), inside an organization's name (`Международная амнистия`), or a
talk with the press (`в беседе с журналистами`) is no event. The topic of an announcement
(`Минобороны сообщило об уничтожении склада`, `заявил о заморозке участия`) is the exception: the
announcer states its own act, so the act is reported and the announcer is its agent. An act reacted to
(`отреагировала на ультиматум`) is referred back to, and an act in a purpose clause (`остановился, чтобы
оказать помощь`) is only intended; a meeting or protest named as the setting of a clause (`в ходе
демонстраций`, `во второй день саммита`) is, on the contrary, reported as held.
Words live in letopis/data/circumstance.tsv.
"""

from __future__ import annotations

from functools import lru_cache

from ..datafiles import data_rows
from .actors import ActorIndex
from .arguments import PLACE_CASES, TARGET_CASES, TOPIC_CASES, WITH_CASES, collect, decide, is_role
from .tree import Tree
from .triggers import VERB_ENDINGS  # `сообщило об уничтожении`: a verb lemma, not a noun

__all__ = [
    "circumstance_cases",
    "circumstance",
    "circumstance_reason",
    "with_press",
    "in_name",
    "words_of",
    "absence_cases",
    "speaker_words",
    "state_words",
    "circumstantial",
    "announced",
    "announcer",
    "offered",
    "vowed",
    "quoted_speaker",
    "caption_line",
    "unnamed_victims",
    "setting",
    "intended",
]



@lru_cache(maxsize=1)
def circumstance_cases() -> frozenset[str]:
    """Prepositions of a passing mention: the unlabelled rows of letopis/data/circumstance.tsv."""
    return _circumstance_kinds().get("", frozenset())


def circumstance(tree: Tree, si: int, trigger: int, index: ActorIndex, work: bool = True) -> bool:
    """A noun trigger mentioned in passing (see circumstance_reason)."""
    return circumstance_reason(tree, si, trigger, index, work) is not None


def circumstance_reason(tree: Tree, si: int, trigger: int, index: ActorIndex, work: bool = True) -> str | None:
    """A noun trigger in a prepositional phrase of another clause (`после ареста`, `за участие в марше`,
    `после десяти суток ареста`) is a passing reference, not a reported event, unless it names its own
    actor or time (`после ареста в 1990 году лауреата …`, `после ликвидации спецназом бин Ладена`), or
    is a work begun (`приступили к укладке кабеля`; `work` says the trigger is a deed, not a speech act).
    Names the rule that drops it (`state`, `absence`, `purpose`, `passing`) for bench/filter_ablation.py."""
    token = tree.tokens[trigger]
    if token.pos != "NOUN":
        return None
    head = tree.head(trigger)
    if head >= 0 and tree.tokens[head].lemma.lower() in state_words():
        return "state"  # `пользуется поддержкой`: a state, not an act
    if _under_reference(tree, trigger):
        return "reference"  # `причина запрета`, `с целью оказания помощи`, `в канун визита`: named, not reported
    case = tree.case(trigger)
    if case == "на" and head >= 0 and tree.tokens[head].lemma.lower() in words_of("reaction"):
        return "reaction"  # `отреагировала на ультиматум России`: the act reacted to is referred back to
    if work and head >= 0 and tree.tokens[head].lemma.lower() in words_of("begin"):
        return None  # `приступили к строительству газопровода`: the work begun is reported (`work`: the
        # trigger is a deed, not a speech act: `приступили к расследованию обстоятельств` accuses no one)
    if case in absence_cases():
        return "absence"  # `без согласия Совбеза`, `без предъявления обвинений`: the act did not take place
    if case in WITH_CASES and token.feat("Case") == "Gen" and token.lemma.lower() in words_of("consent"):
        return "consent"  # `будут размещаться с согласия Совета`: the condition of another act, not reported
    if case == "в" and token.feat("Case") == "Acc" and token.rel in ("obl", "nmod"):
        if head >= 0 and tree.tokens[head].lemma.lower() in words_of("outcome"):
            return None  # `протесты вылились в столкновения`: what the act turned into is reported
        return "purpose"  # `марш в поддержку журналиста`: the purpose of another act
    if token.rel not in ("obl", "nmod"):
        return None
    if case == "между" and token.feat("Animacy") == "Anim":
        return None  # `столкновения между демонстрантами и полицией`: a side of the act, not a passing word
    if announced(tree, trigger):
        return None  # `Минобороны сообщило об уничтожении склада`: the announcer's own act
    # any prepositional phrase under a noun (`делегация на переговорах`) is a mention in passing
    own_case = case in circumstance_cases() or (bool(case) and token.rel == "nmod")
    via_noun = (  # `после десяти суток ареста`: under a circumstance noun
        head >= 0
        and tree.tokens[head].pos == "NOUN"
        and (tree.case(head) in circumstance_cases() or tree.tokens[head].rel in ("obl", "nmod"))
    )
    if not (own_case or via_noun):
        return None
    for kid in tree.kids(trigger):
        # `за участие в марше …` is another matter, not this act's actor; `митинг против президента`
        # names the act's own target
        marked = bool(tree.case(kid)) and tree.case(kid) not in TARGET_CASES
        for j in tree.subtree(kid):
            if tree.tokens[j].text.isdigit() or (not marked and index.at(si, j) is not None):
                return None
    return "passing"


def _under_reference(tree: Tree, trigger: int) -> bool:
    """A noun trigger that is the genitive dependent (directly or through a verbal noun: `с целью оказания
    помощи`) of a noun naming its goal, means, condition or eve (`путем переговоров`, `в качестве условия
    для освобождения`, `в канун передачи полномочий`): the act is what something is about, not an act
    the sentence reports."""
    marks = words_of("reference")
    j = trigger
    for _ in range(2):
        if tree.tokens[j].rel != "nmod" or tree.case(j) not in ("", "для"):
            return False
        h = tree.head(j)
        if h < 0:
            return False
        if tree.tokens[h].pos == "NOUN" and tree.tokens[h].lemma.lower() in marks:
            return True
        j = h
    return False


def setting(tree: Tree, trigger: int) -> bool:
    """A noun naming the occasion inside which the clause happens (`в ходе демонстраций`, `во второй день
    саммита`): the phrase asserts the occasion, unlike `после ареста`, which only refers back to an act."""
    if tree.tokens[trigger].pos != "NOUN" or tree.tokens[trigger].rel not in ("obl", "nmod"):
        return False
    marks = words_of("setting")
    if tree.case(trigger) in marks:
        return True
    head = tree.head(trigger)
    return (
        head >= 0
        and tree.tokens[head].lemma.lower() in marks
        and tree.case(head) in ("в", "во")
        and tree.tokens[trigger].rel == "nmod"
    )


def intended(tree: Tree, trigger: int) -> bool:
    """An act in a purpose clause (`корабль остановился, чтобы оказать им помощь`, `собрались, чтобы
    приветствовать её`): what someone meant to do, which the text does not report as done."""
    marks = words_of("purpose")
    if _after_purpose(tree, trigger, marks):
        return True
    j = trigger
    for _ in range(3):
        if any(tree.tokens[c].lemma.lower() in marks for c in tree.kids(j, "mark")):
            return tree.tokens[j].rel.split(":")[0] in ("advcl", "acl", "xcomp")
        if tree.tokens[j].rel not in ("xcomp", "obj", "nmod", "obl"):
            return False
        j = tree.head(j)
        if j < 0:
            return False
    return False


def _after_purpose(tree: Tree, trigger: int, marks: frozenset[str]) -> bool:
    """`…, чтобы он предстал перед судом`: a past-form verb whose own stretch of the line (back to the
    nearest comma) opens with `чтобы` is subjunctive, whatever the parser attached it to."""
    token = tree.tokens[trigger]
    if token.pos != "VERB" or token.feat("Tense") != "Past":
        return False
    for j in range(trigger - 1, max(tree.lo, trigger - 6) - 1, -1):
        word = tree.tokens[j]
        if word.pos == "PUNCT":
            return False
        if word.lemma.lower() in marks:
            return True
    return False


def with_press(tree: Tree, trigger: int, partner: int) -> bool:
    """`в беседе с корреспондентами`, `встретился с журналистами`: talking to the press is a statement,
    not a consultation between actors."""
    for j in (trigger, partner):
        if j < 0:
            continue
        for kid in tree.kids(j, "obl", "nmod"):
            if tree.case(kid) == "с" and tree.tokens[kid].lemma.lower() in words_of("press"):
                return True
    return False


NAME_KINDS = frozenset({"org", "igo", "agency", "programme"})


def in_name(tree: Tree, si: int, trigger: int, index: ActorIndex) -> bool:
    """A trigger word inside an organization's name (`Международная амнистия`) names, it does not act."""
    actor = index.at(si, trigger)
    return tree.tokens[trigger].pos in ("NOUN", "PROPN") and actor is not None and actor.kind in NAME_KINDS




@lru_cache(maxsize=1)
def _circumstance_kinds() -> dict[str, frozenset[str]]:
    """letopis/data/circumstance.tsv parsed once: words by row kind (`""` for the unlabelled prepositions)."""
    groups: dict[str, set[str]] = {}
    for row in data_rows("circumstance.tsv"):
        groups.setdefault(row[1] if len(row) > 1 else "", set()).add(row[0])
    return {kind: frozenset(words) for kind, words in groups.items()}


def words_of(kind: str) -> frozenset[str]:
    """Words of one labelled row kind of letopis/data/circumstance.tsv (`speaker`, `state`, `absence`, `press`)."""
    return _circumstance_kinds().get(kind, frozenset())


def absence_cases() -> frozenset[str]:
    """Prepositions that say the act is absent (`без`)."""
    return words_of("absence")


def speaker_words() -> frozenset[str]:
    """Nouns that name a speaker's view (`по его мнению`)."""
    return words_of("speaker")


def state_words() -> frozenset[str]:
    """Verbs of state (`пользоваться поддержкой`)."""
    return words_of("state")




def circumstantial(tree: Tree, trigger: int) -> bool:
    token = tree.tokens[trigger]
    return token.pos == "NOUN" and token.rel == "obl" and tree.case(trigger) in PLACE_CASES




def announced(tree: Tree, trigger: int) -> bool:
    """A noun trigger that is the topic of an announcement verb (`сообщило об уничтожении`,
    `объявила о выделении гранта`, `было сообщено о поимке`)."""
    if tree.tokens[trigger].pos != "NOUN" or tree.case(trigger) not in TOPIC_CASES:
        return False
    head = tree.head(trigger)
    return head >= 0 and tree.tokens[head].lemma.lower() in words_of("announce")


def announcer(tree: Tree, si: int, trigger: int, index: ActorIndex) -> list[str]:
    """Who announces the act of an `announced` noun: the announcement verb's subject."""
    if not announced(tree, trigger):
        return []
    for c in tree.kids(tree.head(trigger), "nsubj"):
        said = decide(collect(tree, si, c, index), index)
        if said:
            return said
    return []


OFFER_RELS = frozenset({"xcomp", "acl", "nmod", "ccomp"})


def offered(tree: Tree, trigger: int) -> bool:
    """An act governed by a word of readiness (`готова предоставить убежище`, `готов обсудить`) is
    offered, not done: EVENTS.md codes an offer or stated readiness as AGREE."""
    token = tree.tokens[trigger]
    if token.pos == "NOUN" and token.rel == "obj" and tree.head(trigger) >= 0:
        # `готова вести переговоры`, `готов оказать помощь`: the noun act under an offered light verb
        return offered(tree, tree.head(trigger))
    if token.pos not in ("VERB", "AUX") or token.feat("VerbForm") != "Inf" or token.rel not in OFFER_RELS:
        return False
    head = tree.head(trigger)
    return head >= 0 and tree.tokens[head].lemma.lower() in words_of("offer")


def vowed(tree: Tree, trigger: int) -> bool:
    """`мы захватим вертолет`: a harmful act in the first person future is a vow, i.e. a threat
    (EVENTS.md Speech acts), not an act that happened."""
    token = tree.tokens[trigger]
    if token.pos != "VERB" or token.feat("Person") != "1" or token.feat("VerbForm") != "Fin":
        return False
    future = token.feat("Tense") == "Fut" or (token.feat("Tense") == "Pres" and token.feat("Aspect") == "Perf")
    return future or any(tree.tokens[c].feat("Tense") == "Fut" for c in tree.kids(trigger, "aux"))


def quoted_speaker(tree: Tree, si: int, clause: int, index: ActorIndex) -> list[str]:
    """Who says a quoted clause (`«…мы захватим вертолет», — сказал Мадуро`): the subject of a verb
    of saying attached to it (parataxis), or of the verb it is the complement of."""
    says = words_of("say") | words_of("announce")
    j = clause
    for _ in range(3):
        for c in tree.kids(j, "parataxis"):
            if tree.tokens[c].lemma.lower() in says:
                for s in tree.kids(c, "nsubj"):
                    said = decide(collect(tree, si, s, index), index)
                    if said:
                        return said
        h = tree.head(j)
        if h < 0 or tree.tokens[j].rel not in ("ccomp", "parataxis", "conj", "xcomp"):
            break
        if tree.tokens[h].lemma.lower() in says:
            for s in tree.kids(h, "nsubj"):
                said = decide(collect(tree, si, s, index), index)
                if said:
                    return said
        j = h
    for v in range(tree.lo, tree.hi):  # `«…», — сказал Мадуро` attached elsewhere in the quote
        if tree.tokens[v].rel == "parataxis" and tree.tokens[v].lemma.lower() in says:
            for s in tree.kids(v, "nsubj"):
                said = decide(collect(tree, si, s, index), index)
                if said:
                    return said
    return []


def caption_line(tree: Tree) -> bool:
    """A line with no verb of any form (`Протесты в Венесуэле`): a photo caption or topic label, which
    names a subject and reports no act of its own. Headlines keep a verb or a short adjective
    (`Арестован Младич`, `Боливия готова …`)."""
    for j in range(tree.lo, tree.hi):
        token = tree.tokens[j]
        if token.pos in ("VERB", "AUX") or (token.pos == "ADJ" and token.feat("Variant") == "Short"):
            return False
        if token.lemma.lower().endswith(VERB_ENDINGS):
            return False  # `Арестован Младич`, mistagged: a verb's lemma
    return True


def unnamed_victims(tree: Tree, trigger: int, pred: int) -> bool:
    """`Свыше 340 человек были ранены`, `убиты трое палестинцев`: the patient of a harm is a counted
    crowd of private people, who are no actors (EVENTS.md Actors: unnamed victims → `targets: []`).
    Counted state agents (`убиты двое полицейских`, `трое сотрудников полиции`) are not such victims:
    an attack on police has the state as target."""
    crowd = words_of("crowd")
    for j in dict.fromkeys([trigger, pred]):
        for c in tree.kids(j, "nsubj:pass", "nsubj", "obj"):
            token = tree.tokens[c]
            counted = token.pos == "NUM" or bool(tree.kids(c, "nummod", "nummod:gov"))
            if not (token.lemma.lower() in crowd or (counted and token.pos != "PROPN")):
                continue
            if not _state_agents(tree, c):
                return True
    return False


def _state_agents(tree: Tree, head: int) -> bool:
    """`двое полицейских`, `трое сотрудников полиции`, `пять солдат`: people who act for a state."""
    heads = [head]
    if tree.tokens[head].pos == "NUM":  # `двое полицейских` parsed with the numeral as head
        heads += tree.kids(head, "nmod")
    for h in heads:
        lemma = tree.tokens[h].lemma.lower()
        if is_role(lemma) or lemma in words_of("agent"):
            return True
        if any(is_role(tree.tokens[n].lemma.lower()) for n in tree.kids(h, "nmod")):
            return True
    return False
