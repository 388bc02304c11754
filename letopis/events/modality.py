"""Modality of an event: asserted, planned, negated or hypothetical (EVENTS.md Annotation → Modality).

Markers come from letopis/data/modality.tsv and count when they govern the trigger's clause: the
trigger, its predicate, the heads reached through xcomp/csubj/ccomp (`решено … открыть`,
`ожидается, что … задаст`), and their adverbial, auxiliary and subordinating dependents.
A perfective verb in the present form is a future (`пройдут`, `активизируют`) → planned.
"""

from __future__ import annotations

from functools import lru_cache

from ..datafiles import data_rows
from ..record import Modality
from .tree import Tree

__all__ = ["markers", "conditions", "find_modality", "clause_tense", "conditional", "bare_condition", "asked"]

MARKER_RELS = frozenset({"advmod", "aux", "aux:pass", "mark", "discourse", "parataxis", "cop", "amod", "acl"})
UP_RELS = frozenset({"xcomp", "csubj", "csubj:pass", "ccomp"})
NOUN_CHAIN = 2  # genitive links walked up from a noun trigger to a modal noun (`возможность введения санкций`)
WORD_LISTS = ("condition", "avoid", "happen")  # modality.tsv marks of word lists, not modality markers
RANK = {Modality.NEGATED: 3, Modality.HYPOTHETICAL: 2, Modality.PLANNED: 1, Modality.ASSERTED: 0}


@lru_cache(maxsize=1)
def markers() -> tuple[dict[str, Modality], dict[str, Modality]]:
    """(by lemma, by word form) from letopis/data/modality.tsv."""
    lemmas: dict[str, Modality] = {}
    forms: dict[str, Modality] = {}
    for row in data_rows("modality.tsv"):
        word, modality, match = (row + ["", "", "lemma"])[:3]
        if match in WORD_LISTS:
            continue
        (forms if match == "form" else lemmas)[word] = Modality(modality)
    return lemmas, forms


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, frozenset[str]]:
    """The rows of modality.tsv marked with one of WORD_LISTS in the third column, by mark."""
    rows = [r for r in data_rows("modality.tsv") if len(r) > 2 and r[2] in WORD_LISTS]
    return {mark: frozenset(r[0] for r in rows if r[2] == mark) for mark in WORD_LISTS}


def conditions() -> frozenset[str]:
    """Lemmas that open a condition (`если`, `в случае`), rows marked `condition` in modality.tsv."""
    return _word_lists()["condition"]


def avoid_words() -> frozenset[str]:
    """Verbs of avoiding (`избежать`), rows marked `avoid` in modality.tsv: negated, they put the act
    they govern in prospect (`им не избежать наказания`: hypothetical, not negated)."""
    return _word_lists()["avoid"]


def happen_words() -> frozenset[str]:
    """Verbs of taking place (rows marked `happen` in modality.tsv): only their negation denies the act
    their subject names (`переговоры не состоялись`, not `санкции не помешали росту экономики`)."""
    return _word_lists()["happen"]


def _subject_of_other(tree: Tree, trigger: int, j: int) -> bool:
    """The noun trigger is the subject of `j`, an active predicate that is no verb of taking place
    (a reflexive or passive one, `кредит не предоставлялся`, states the noun's own act)."""
    token, verb = tree.tokens[trigger], tree.tokens[j]
    if token.pos not in ("NOUN", "PROPN") or token.rel != "nsubj" or tree.head(trigger) != j:
        return False
    lemma = verb.lemma.lower()
    if verb.pos != "VERB" or verb.feat("Voice") == "Pass" or lemma.endswith(("ся", "сь")):
        return False
    return lemma not in happen_words()


def conditional(tree: Tree, trigger: int, pred: int) -> bool:
    """Whether the trigger's clause states a condition (`если Минск откажется платить`,
    `в случае неуплаты`, `…, то будут приняты санкции`): a threat's ultimatum, a sanction's trigger."""
    words = conditions()
    for j in dict.fromkeys([trigger, pred, *tree.kids(trigger, "xcomp")]):  # `пригрозил ограничить…, если`
        for c in tree.kids(j):
            if tree.tokens[c].lemma.lower() in words and tree.tokens[c].rel in ("mark", "obl", "advmod"):
                if tree.tokens[c].pos != "NOUN" or bare_condition(tree, c, words):
                    return True
            if tree.tokens[c].rel.split(":")[0] in ("advcl", "acl", "obl", "nmod"):
                if any(tree.tokens[g].lemma.lower() in words for g in tree.kids(c, "mark", "case", "acl")):
                    return True
                # `предупредил о ограничении поставок в случае неуплаты`: the condition of the threatened act
                if any(bare_condition(tree, g, words) for g in tree.subtree(c) if g != c):
                    return True
    return False


def bare_condition(tree: Tree, g: int, words: frozenset[str]) -> bool:
    """`в случае неуплаты` (not `в этом/любом случае`, which only refer back)."""
    if tree.tokens[g].lemma.lower() not in words or tree.tokens[g].pos != "NOUN":
        return False
    return not any(tree.tokens[d].lemma.lower() != "тот" for d in tree.kids(g, "det", "amod"))


def _scope(tree: Tree, trigger: int, pred: int) -> list[int]:
    heads = [trigger, pred] if pred != trigger else [trigger]
    heads += tree.ancestors(pred, UP_RELS, 3)
    first = _first_conjunct(tree, pred)
    if first >= 0:  # `надеется, что кабинет просуществует … и уступит место`: the clause the conjunct shares
        above = tree.head(first)
        heads += [above, *tree.ancestors(above, UP_RELS, 3)]
        if tree.tokens[above].lemma.lower() == "тот" and tree.head(above) >= 0:
            heads.append(tree.head(above))  # `надежду на то, что …`
    for j in list(heads):  # `выразил надежду на то, что … уступит`: the noun a `то, что` clause fills
        h = tree.head(j)
        if tree.tokens[j].rel == "acl" and h >= 0 and tree.tokens[h].lemma.lower() == "тот":
            heads += [h, *([tree.head(h)] if tree.head(h) >= 0 else [])]
    j = trigger  # `возможность введения санкций`, `план ввода войск`: the noun a verbal noun's chain fills
    for _ in range(NOUN_CHAIN):
        h = tree.head(j)
        if tree.tokens[j].pos != "NOUN" or tree.tokens[j].rel != "nmod" or tree.case(j) or h < 0:
            break
        if tree.tokens[h].pos != "NOUN":
            break
        heads.append(h)
        j = h
    h = tree.head(j)  # `готовится к введению санкций`: a verb of intent the noun phrase completes
    if tree.tokens[j].pos == "NOUN" and tree.tokens[j].rel == "obl" and h >= 0 and _intent_verb(tree, h):
        heads.append(h)
    for j in list(heads):  # `о намерении подать жалобу`, `планы провести учения`: the noun an infinitive fills
        h = tree.head(j)
        if tree.tokens[j].feat("VerbForm") == "Inf" and tree.tokens[j].rel in ("nmod", "acl") and h >= 0:
            if tree.tokens[h].pos == "NOUN":
                heads.append(h)
    return list(dict.fromkeys(heads))


def _intent_verb(tree: Tree, j: int) -> bool:
    """A verb that is itself a planned or hypothetical marker (`готовиться`, `планировать`)."""
    lemmas, _ = markers()
    token = tree.tokens[j]
    return token.pos == "VERB" and lemmas.get(token.lemma.lower()) in (Modality.PLANNED, Modality.HYPOTHETICAL)


def _first_conjunct(tree: Tree, pred: int) -> int:
    """The first of coordinated predicates (`просуществует … и уступит` → просуществует) when it is itself
    the complement of another clause: the second shares that clause's hedge or plan, not the first's own
    negation (`не признала … и арестовала` stays asserted). -1 otherwise."""
    if tree.tokens[pred].rel != "conj" or tree.tokens[pred].pos not in ("VERB", "AUX"):
        return -1
    h = tree.head(pred)
    if h < 0 or tree.tokens[h].rel not in UP_RELS | {"acl"}:
        return -1
    return h


def clause_tense(tree: Tree, trigger: int, pred: int) -> str | None:
    """past / present / future of the trigger's clause, for date resolution."""
    lemmas, forms = markers()
    for j in _scope(tree, trigger, pred):
        token = tree.tokens[j]
        for c in tree.kids(j, "aux", "aux:pass"):
            if forms.get(tree.tokens[c].text.lower()) == Modality.PLANNED:
                return "future"
            if tree.tokens[c].feat("Tense") == "Past":
                return "past"
        if token.pos in ("VERB", "AUX"):
            tense = token.feat("Tense")
            if tense == "Pres" and token.feat("Aspect") == "Perf" and token.feat("VerbForm") == "Fin":
                return "future"
            if tense == "Fut":
                return "future"
            if tense == "Past":
                return "past"
            if tense == "Pres":
                return "present"
    return None


def find_modality(tree: Tree, trigger: int, pred: int, negative_entry: bool = False) -> Modality:
    """The strongest modality marked in the trigger's clause."""
    lemmas, forms = markers()
    best = Modality.ASSERTED
    scope = _scope(tree, trigger, pred)
    if _own_marker(tree, trigger):  # `не сможет возглавить запланированную манифестацию`: the noun's own
        scope = list(dict.fromkeys([trigger, pred]))  # marker holds; the clause above is about someone else
    for j in scope:
        candidates = [j, *tree.kids(j, *MARKER_RELS)]
        for c in candidates:
            token = tree.tokens[c]
            found = forms.get(token.text.lower()) or lemmas.get(token.lemma.lower())
            if found is None or (c == trigger):
                continue
            if found == Modality.NEGATED and (
                negative_entry or token.rel not in ("advmod", "discourse") or c == j
            ):
                continue
            if found == Modality.NEGATED and _subject_of_other(tree, trigger, j):
                continue  # `санкции против России не помешали росту`: the sanctions are not denied
            if found == Modality.NEGATED and tree.tokens[j].lemma.lower() in avoid_words():
                found = Modality.HYPOTHETICAL  # `им не избежать наказания`: the act is in prospect
            if RANK[found] > RANK[best]:
                best = found
    if best == Modality.ASSERTED and clause_tense(tree, trigger, pred) == "future":
        best = Modality.PLANNED
    return best


def _own_marker(tree: Tree, trigger: int) -> bool:
    """A noun trigger that carries its own modality word (`запланированная манифестация`,
    `возможные санкции`, `предстоящий визит`)."""
    if tree.tokens[trigger].pos != "NOUN":
        return False
    lemmas, forms = markers()
    for c in tree.kids(trigger, "amod", "acl"):
        found = forms.get(tree.tokens[c].text.lower()) or lemmas.get(tree.tokens[c].lemma.lower())
        if found in (Modality.PLANNED, Modality.HYPOTHETICAL):
            return True
    return False


def asked(tree: Tree) -> bool:
    """The segment is a question (`Можем ли мы выстрелить себе в ногу?`): an act it only supposes is
    asked about, not stated, while a plain one may still be told (`Кто поддерживает нашу целостность?`)."""
    closing = range(max(tree.lo, tree.hi - 3), tree.hi)  # the punctuation among the segment's last three tokens
    return any(tree.tokens[j].pos == "PUNCT" and "?" in tree.tokens[j].text for j in closing)
