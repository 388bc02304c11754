"""Passing mentions: trigger words that name an act without reporting it (EVENTS.md: the evidence
sentence must state the event). A noun in a circumstance phrase (`после ареста`), under a verb of
state (`пользуется поддержкой`), inside an organization's name (`Международная амнистия`), or a
talk with the press (`в беседе с журналистами`) is no event. The topic of an announcement
(`Минобороны сообщило об уничтожении склада`, `заявил о заморозке участия`) is the exception: the
announcer states its own act, so the act is reported and the announcer is its agent.
Words live in letopis/data/circumstance.tsv.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .actors import ActorIndex
from .arguments import PLACE_CASES, TARGET_CASES, collect, decide
from .tree import Tree

__all__ = [
    "circumstance_cases",
    "circumstance",
    "with_press",
    "in_name",
    "words_of",
    "absence_cases",
    "speaker_words",
    "state_words",
    "circumstantial",
    "announced",
    "announcer",
]

TOPIC_CASES = frozenset({"о", "об", "обо"})  # `сообщило об уничтожении`


@lru_cache(maxsize=1)
def circumstance_cases() -> frozenset[str]:
    """Prepositions of a passing mention (letopis/data/circumstance.tsv)."""
    text = resources.files("letopis").joinpath("data/circumstance.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#") and "\t" not in line)


def circumstance(tree: Tree, si: int, trigger: int, index: ActorIndex) -> bool:
    """A noun trigger in a prepositional phrase of another clause (`после ареста`, `за участие в марше`,
    `после десяти суток ареста`) is a passing reference, not a reported event, unless it names its own
    actor or time (`после ареста в 1990 году лауреата …`, `после ликвидации спецназом бин Ладена`)."""
    token = tree.tokens[trigger]
    if token.pos != "NOUN":
        return False
    head = tree.head(trigger)
    if head >= 0 and tree.tokens[head].lemma.lower() in state_words():
        return True  # `пользуется поддержкой`: a state, not an act
    case = tree.case(trigger)
    if case in absence_cases():
        return True  # `без согласия Совбеза`, `без предъявления обвинений`: the act did not take place
    if case == "в" and token.feat("Case") == "Acc" and token.rel in ("obl", "nmod"):
        return True  # `марш в поддержку журналиста`: the purpose of another act
    if token.rel not in ("obl", "nmod"):
        return False
    if announced(tree, trigger):
        return False  # `Минобороны сообщило об уничтожении склада`: the announcer's own act
    # any prepositional phrase under a noun (`делегация на переговорах`) is a mention in passing
    own_case = case in circumstance_cases() or (bool(case) and token.rel == "nmod")
    via_noun = (  # `после десяти суток ареста`: under a circumstance noun
        head >= 0
        and tree.tokens[head].pos == "NOUN"
        and (tree.case(head) in circumstance_cases() or tree.tokens[head].rel in ("obl", "nmod"))
    )
    if not (own_case or via_noun):
        return False
    for kid in tree.kids(trigger):
        # `за участие в марше …` is another matter, not this act's actor; `митинг против президента`
        # names the act's own target
        marked = bool(tree.case(kid)) and tree.case(kid) not in TARGET_CASES
        for j in tree.subtree(kid):
            if tree.tokens[j].text.isdigit() or (not marked and index.at(si, j) is not None):
                return False
    return True


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




@lru_cache(maxsize=8)
def words_of(kind: str) -> frozenset[str]:
    """Words of one labelled row kind of letopis/data/circumstance.tsv (`speaker`, `state`, `absence`, `press`)."""
    text = resources.files("letopis").joinpath("data/circumstance.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if "\t" in line and not line.startswith("#")]
    return frozenset(r[0].strip() for r in rows if r[1].strip() == kind)


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
