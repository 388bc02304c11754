"""Sources and targets of a trigger, read from the dependency tree.

nsubj → sources (climbing xcomp/conj/acl to the clause that has a subject); obj/iobj and obl/nmod
with `с`/`против`/`к`/`для`/`перед`/`в отношении` → targets; passives swap roles (nsubj:pass →
target, instrumental agent → source); a noun trigger adds its own adjective and genitive dependents
(`американский рейд` → source USA). Coordinated actors are expanded along the text (`Казахстана,
Киргизии … и Узбекистана`) because parsers often attach long lists wrongly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..datafiles import function_words
from ..normalize import can_be_genitive, case_readings, one_person_noun, participle_noun
from ..record import EventType, Token
from .actors import (
    LOCATIVE_CASES,
    Actor,
    ActorIndex,
    acting_state,
    actor_words,
    located_state,
    lower_case_names,
    party_word,
)
from .coref import COURT_WORDS
from .tree import Tree

__all__ = ["Arguments", "find_arguments", "predicate_of", "is_role"]

TARGET_CASES = function_words("target_cases")
PLACE_CASES = function_words("place_cases")
LIGHT_RELS = frozenset({"obj", "nsubj", "nsubj:pass", "obl", "xcomp", "iobj"})
# Prepositions of a light-verb phrase (`вступили в переговоры`, `выступил с заявлением`, `пошли на
# уступки`): there the verb carries the noun's clause; under any other (`ввиду отказа Израиля`, `из-за
# санкций`) the noun is a circumstance with its own actors.
LIGHT_CASES = function_words("light_cases")
# The preposition of a partner (`переговоры с Китаем`).
WITH_CASES = function_words("with_cases")
# Prepositions that give an actor's origin inside a phrase (`делегация из Китая`), not a place.
ORIGIN_CASES = function_words("origin_cases")
# Prepositions that put a state or IGO inside a phrase as a place or host (`постпред России при ООН`).
NESTED_PLACE_CASES = PLACE_CASES | function_words("nested_place_cases")
# A state body's common name is short (`Минюст`, `кабинет министров`); a longer name is a named body.
BODY_NAME_WORDS = 2
# Speech acts whose complement's object is the act's addressee: `обещает не оставлять руководство
# Афганистана`, `пригрозил ограничить поставки в соседнюю республику`, `хочет видеть Исламабад …`.
# Acts of a state's police, courts or prisons: stated passively, the state they happen in does them.
HELD_TYPES = frozenset({EventType.COERCE, EventType.SANCTION, EventType.CONCEDE})
# Actor kinds whose head, detained or sentenced, is the person the document names in that role.
HELD_BODY_KINDS = frozenset({"igo", "org"})
COMPLEMENT_TYPES = frozenset({EventType.AGREE, EventType.REQUEST, EventType.THREATEN})
# Speech acts a later refusal of `это`/`подобный шаг` turns down: a demand or a proposal.
ASKED_TYPES = frozenset({EventType.REQUEST, EventType.AGREE})
# Noun triggers whose genitive dependent is the one acted upon (арест Бхутто), not the actor (визит министра).
PATIENT_NOUN_TYPES = frozenset(
    {
        EventType.COERCE,
        EventType.ASSAULT,
        EventType.CONCEDE,
        EventType.SANCTION,
        EventType.SUPPORT,
        EventType.AID,
    }
)
# Judgements of an act (`осудила задержания`, `приветствовал освобождение`) whose agent the document
# named when it told the act: the agent is the target.
ACT_OBJECT_TYPES = frozenset({EventType.ACCUSE, EventType.SUPPORT})
# Judgements of a measure (`осуждал действия Израиля против …`, `не поддержала санкции Запада против
# России`): when the measure names its doer, the doer is aimed at, not the measure's own target.
JUDGED_ACT_TYPES = ACT_OBJECT_TYPES | {EventType.REJECT}
ACT_STEM = 5  # letters a noun and the verb of its act share at least (`арест` / `арестовать`)
# Acts done to a person themself: a company head arrested or killed is the person, not the company.
PERSONAL_TYPES = frozenset({EventType.COERCE, EventType.ASSAULT, EventType.SANCTION, EventType.CONCEDE})
# Acts whose verb, second of two coordinated verbs, shares the first one's object.
SHARED_OBJECT_TYPES = PERSONAL_TYPES | {EventType.ACCUSE}
# `со стороны X` (the tree joins the fixed words' lemmas): X is the agent of the act.
AGENT_CASES = function_words("agent_cases")
# Acts aimed at whom `на` + accusative names (`подала в суд на «Газпром»`, `напали на конвой`).
AIMED_ON_TYPES = frozenset({EventType.ACCUSE, EventType.ASSAULT})
# Acts whose passive subject is the actor's own force (`войска приведены в боевую готовность`).
SELF_MOVED_TYPES = frozenset({EventType.MOBILIZE})
GROUP_PRONOUNS = function_words("group_pronouns")
COPULAS = function_words("copulas")
AGREEMENT_REACH = 6  # tokens back from an agreed act to the agreement word it hangs from
SUMMIT_RELS = frozenset({"nmod", "obl", "obj"})  # a summit word hangs from the meeting word this way
# Endings of adjectives made from place names (`брюссельский`, `донецкий`).
PLACE_ADJECTIVE_ENDINGS = ("ский", "цкий")
# `обвинения с журналиста`, `вины журналиста`: how a thing dropped or found names the person it concerns.
CHARGED_CASES = function_words("charged_cases") | {""}
# `не берёт на себя ответственность`: a charge word one claims, not one an accuser brings.
CLAIMED_CHARGES = function_words("claimed_charges")
# `просит выпустить её`, `прошение о помиловании`: what a prisoner asks the state for.
RELEASE_WORDS = function_words("release_words")
# `обвинение кого в чём`: the preposition of the charge an accusation names.
CHARGE_CASES = function_words("charge_cases")
TRIAL_CASES = function_words("trial_cases")
# Prepositions of the aim of a threatened or planned act (`нанести удар по США`, `санкции против Ирана`).
AIM_CASES = function_words("aim_cases")
# Endings of a noun declined as an adjective (`задержанный`, `подозреваемый`), whose form shows its gender.
ADJECTIVAL_ENDINGS = ("ый", "ий", "ой")
# Endings of a plural finite verb (`отпустили`, `задерживают`, `держат`).
PLURAL_VERB_ENDINGS = ("ли", "ют", "ут", "ат", "ят")
# Third-person pronouns (personal and possessive) → the gender and number of their antecedent.
PRONOUN_AGREEMENT: dict[str, tuple[str | None, str | None]] = {
    "он": ("Masc", "Sing"),
    "его": ("Masc", "Sing"),
    "она": ("Fem", "Sing"),
    "её": ("Fem", "Sing"),
    "ее": ("Fem", "Sing"),
    "они": (None, "Plur"),
    "их": (None, "Plur"),
}


@dataclass
class Found:
    actors: list[Actor] = field(default_factory=list)
    role: bool = False
    group: bool = False
    body: bool = False  # a state body named without its state (`власти`)
    resolved: list[str] = field(default_factory=list)  # codes/names from coreference
    owners: list[str] = field(default_factory=list)  # states of places owning the phrase (`власти Техаса`)
    listed: set[int] = field(default_factory=set)  # ids of actors coordinated with another (`ФБР и Интерпол`)
    local: str | None = None  # the state of the clause's place (`милиция разогнала акцию в Минске` → BLR)
    court: bool = False  # the phrase is a court word with no state of its own (`суд решил`)


@dataclass
class Arguments:
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    source_group: bool = False  # sources are a group word to resolve in the document
    target_group: bool = False
    predicate: int = -1
    # codes named `со стороны X` (`подвергся критике со стороны Китая`): the agent even where the
    # trigger's mode makes the subject the one acted on (undergo)
    agents: list[str] = field(default_factory=list)


# Acts that stop someone doing something: the actors in what is stopped are aimed at.
BANNED_TYPES = frozenset({EventType.COERCE, EventType.SANCTION})
# Acts a refusal answers: their author is whom it rejects (`не намерена отвечать на ультиматум Вашингтона`).
ANSWERED_TYPES = frozenset({EventType.REQUEST, EventType.THREATEN, EventType.ACCUSE, EventType.AGREE})
TOPIC_CASES = function_words("topic_cases")  # `сообщения о встрече`: what a claim is about
JOINT_KINDS = frozenset({"joint", "agreement", "anaphor"})  # data/event_actors.tsv kinds of a joint thing
JOINT_DEPTH = 3  # links from a refusal down to what is refused (`отказ от возобновления переговоров`)


def predicate_of(tree: Tree, trigger: int) -> int:
    """The verb that carries a noun trigger's clause (`выразило протест` → выразило), else the trigger."""
    token = tree.tokens[trigger]
    if token.pos in ("VERB", "AUX"):
        return trigger
    h = tree.head(trigger)
    if token.rel == "obl" and tree.case(trigger) in PLACE_CASES:
        return trigger  # `председательствовала на заседании`: the meeting is a circumstance
    if token.rel == "obl" and tree.case(trigger) not in LIGHT_CASES | {""}:
        return trigger  # `ввиду отказа Израиля`: a circumstance of the verb, not its object
    if h >= 0 and token.rel in LIGHT_RELS and tree.tokens[h].pos in ("VERB", "AUX"):
        return h
    return trigger


def is_role(lemma: str) -> bool:
    """A word that makes its phrase a state role or body (data/event_actors.tsv, data/roles.tsv); a
    former one too (`экс-президент`: the coreference memory then names the person, not the state)."""
    if lemma.startswith("экс-") and len(lemma) > 4:
        lemma = lemma[4:]
    if actor_words().get(lemma) in ("role", "body", "office"):
        return True
    try:
        from ..gazetteer import get_gazetteer

        return get_gazetteer().is_role(lemma)
    except ImportError:  # pragma: no cover
        return False


def _expand_list(tree: Tree, table: dict[int, Actor], actor: Actor) -> list[Actor]:
    """Actors coordinated with `actor` by commas and `и` along the text."""
    out = [actor]
    for step in (1, -1):
        i = actor.stop if step == 1 else actor.start - 1
        while tree.inside(i):
            token = tree.tokens[i]
            if token.text in (",",) or token.lemma in ("и", "а"):
                i += step
                continue
            nxt = table.get(i)
            if nxt is None or nxt.kind != actor.kind or _case_differs(tree, actor, nxt):
                break  # `за два дня до итальянцев, мальтийские пограничники`: no list
            out.append(nxt)
            following = nxt.stop if step == 1 else nxt.start - 1
            if (following - i) * step <= 0:
                break  # an actor span that does not move the walk on (a parse loop): stop here
            i = following
    return out


def _case_differs(tree: Tree, actor: Actor, other: Actor) -> bool:
    """Whether two actors beside each other stand in different grammatical cases (no list then)."""
    first, second = tree.tokens[actor.start].feat("Case"), tree.tokens[other.start].feat("Case")
    return first is not None and second is not None and first != second


def collect(
    tree: Tree,
    si: int,
    head: int,
    index: ActorIndex,
    personal: bool = False,
    skip: frozenset[int] = frozenset(),
    held: bool = False,
) -> Found:
    """Actors in the argument subtree rooted at `head` (but the tokens in `skip`); `personal`: what is
    done to them is done to the person (an arrested company head is the person, not the company);
    `held`: so is a detention, sentence or release of an official (`задержан Мухаммед Мурси`)."""
    found = Found()
    table = index.by_sentence[si]
    seen: set[int] = set()
    head_token = tree.tokens[head]
    head_lemma = head_token.lemma.lower()
    head_kind = actor_words().get(head_lemma)
    found.court = head_lemma.endswith(COURT_WORDS)
    if head_lemma in GROUP_PRONOUNS or head_kind == "group":
        found.group = True
    memory = index.memory
    counted = {"group": ("pair", "both"), "state": ("both",)}.get(head_kind or "")
    if counted and _pair_phrase(tree, head, counted):
        pair = memory.main_pair(si)  # `обе стороны конфликта`, `две страны`: the story's two main parties
        if pair:
            return Found(resolved=pair, group=True)
    if head_kind == "counsel":
        if _named_counsel(tree, si, head, index):
            # `Адвокат Алёхиной Оксана Дарова`: the client named in the genitive is not an actor beside her
            skip = skip | {j for c in tree.kids(head, "nmod") if not tree.case(c) for j in tree.subtree(c)}
        elif client := _client(tree, si, head, index):
            # `Его адвокаты просили`, `адвокат Петрова заявил`: counsel speaks for the client
            return Found(resolved=client)
    if head_kind == "press" and head_token.rel == "nsubj":
        # `об аресте сообщили южнокорейские СМИ`: the press reports an act; its country is no party to it
        skip = skip | {j for c in tree.kids(head, "amod") for j in tree.subtree(c)}
    coded_person = False
    if head_kind == "kin":  # `супруга Петрова`: not Петров himself
        owners = tree.kids(head, "nmod")  # only the owner's own name: an apposed `— Тамерлан` is the relative
        skip = skip | set(owners) | {k for c in owners for k in tree.kids(c, "flat", "flat:name", "amod")}
    for j in [*tree.subtree(head), *_title_tail(tree, head)]:
        if j in skip:
            continue
        token = tree.tokens[j]
        lemma = token.lemma.lower()
        if is_role(lemma):
            found.role = True
            found.body |= actor_words().get(lemma) == "body" and not _under_place(tree, j, head)
        actor = table.get(j)
        if actor is None:
            found.resolved += _refer(tree, si, j, head, index, personal, held)
            continue
        if id(actor) in seen:
            continue
        if actor.kind == "country" and j == head and _one_of_a_people(token):
            private = memory.private_person()  # `Россиянин обратился …`: the person named before
            if private is None or memory.person_gender(private, token) not in (None, token.feat("Gender")):
                private = memory.protagonist(token.feat("Gender"))  # `43-летнему россиянину грозит срок`
            if private is not None and memory.person_gender(private, token) in (None, token.feat("Gender")):
                seen.add(id(actor))
                found.resolved.append(private)
                continue
        if actor.kind == "country" and _of_populace(tree, j):
            seen.add(id(actor))  # `жители Эквадора`, `палестинские демонстранты`: private people
            continue
        if actor.kind == "country" and _private_citizens(tree, j, table):
            seen.add(id(actor))  # `задержаны несколько американцев`, `гражданку Израиля Анну Шталь`
            continue
        held_here = held and _named_head(tree, j, head)
        code = memory.code_of(actor, personal, held_here) or memory.alias(actor.value.lower())
        if actor.kind == "city" and code is None:
            code = memory.surname_code(token.text)  # `Кан` of `премьер Наото Кан`, not Cannes
        if code is not None:
            seen.add(id(actor))
            found.resolved.append(code)
            coded_person |= actor.kind == "person"
            continue
        if actor.kind == "org" and _state_body(tree, actor):
            seen.add(id(actor))  # `Минюст`, `Генпрокуратура`, `СК`: a state body named without its state
            found.role = True
            found.body |= not _under_place(tree, j, head)
            continue
        if actor.kind == "org" and _owned(tree, table, actor):
            seen.add(id(actor))
            found.role = True  # `ВМС США`, `Комитет Сената США`: a body of the state named with it
            continue
        if _under_post(tree, j, head):
            continue  # `назначение … на пост генсека ООН`: the office, not a party
        if actor.kind in ("country", "igo", "org") and not actor.adjective and _under_topic(tree, j, head):
            continue  # `согласовали позиции по вопросам развития ОДКБ`: what is talked about
        if actor.kind in ("person", "org") and _under_place(tree, j, head):
            continue  # `участие … в деятельности Центра`: a named body inside a place-like phrase
        if actor.kind in ("country", "igo") and _under_place(tree, j, head, ORIGIN_CASES):
            continue  # `постпред России при ООН`, `прием Черногории в НАТО`: where, not who
        if actor.kind == "region" and (tree.case(j) in PLACE_CASES or _under_place(tree, j, head)):
            continue  # `Посол Евросоюза на Южном Кавказе`: where the envoy serves, not its states
        if actor.is_place:
            at_head = actor.start <= head < actor.stop
            if actor.kind in ("city", "place") and not at_head and not _capital_agent(tree, j, actor):
                if actor.country and _owner_place(tree, j, head):
                    found.owners.append(actor.country)
                continue
            aimed = j == head and tree.case(j) == "по"  # `удар по Израилю`: the caller asks for the aim
            if (tree.case(j) in PLACE_CASES and not aimed) or _under_place(tree, j, head):
                continue  # `по позициям РПК на севере Ирака`: where, not whom
        for a in _expand_list(tree, table, actor):
            if id(a) not in seen:
                seen.add(id(a))
                found.actors.append(a)
    found.listed = _coordinated(tree, found.actors)
    if found.body and _of_many_states(tree, head, skip):
        found.body = False  # `к властям более 20 стран`: bodies of unnamed states, not the home state's
    if coded_person:  # `министр …, глава Комиссии по атомной энергии Дан Меридор`: the body of the role
        found.actors = [a for a in found.actors if not _role_body(tree, a)]
    if found.role and _private_named(tree, head, found, index):
        found.role = False  # `бывшему подрядчику спецслужб США Эдварду Сноудену`: the person, not the USA
        found.actors = [a for a in found.actors if a.kind == "person" or tree.case(a.start)]
    found.actors = _former_role_owners(
        tree, si, _named_over_owner(tree, head, found.actors), index, head if held else -1
    )
    # a former official is a private person whatever is done to him (`бывшего президента обвинили`)
    if not found.resolved and not any(a.kind == "person" for a in found.actors):
        if is_role(head_lemma) and memory.is_former(si, head):
            holder = memory.former_holder(head_lemma, head_token.feat("Gender"))
            if holder is not None:  # `бывшего президента Перу арестовали`: the former president, not Peru
                return Found(resolved=[holder])
    named = [a for a in found.actors if a.kind == "person" and _named_head(tree, a.start, head)]
    if held and named and not found.resolved:
        # `арестован глава Международного фонда Доминик Стросс-Кан`: the person held, not the body he heads
        found.actors, found.role = named, False
    if held and not found.resolved and is_role(head_lemma):
        holder = _one_holder(found.actors, index)
        if holder is not None:  # `Глава МВФ арестован`: the one person the document gives that role
            return Found(resolved=[holder])
    # `Юрий Солошенко, бывший директор предприятия «Знамя», получил срок`: the person, not the firm
    found.actors = _without_descriptions(tree, table, found.actors)
    described = _described(tree, si, head, found, index)
    if described is not None:
        return described
    if head_token.pos == "NOUN" and not any(a.kind == "person" for a in found.actors) and not found.resolved:
        orgs = [a.value for a in found.actors if a.kind == "org"]
        person = memory.described_person(head_lemma, orgs) if orgs else None
        if person is not None:  # `лидер «Братьев-мусульман»`, named elsewhere in the document
            code = memory.person_codes.get(person) if person not in memory.former else None
            return Found(resolved=[code if code and (_looks_coded(code) or not personal) else person])
    if head_token.pos == "NOUN" and head_kind == "company":
        # `Его организация обвинила`: the possessor is the founder or head, the organization is the actor
        possessed = any(tree.tokens[c].pos in ("DET", "PRON") for c in tree.kids(head, "det", "nmod:poss"))
        if not found.actors and (
            not found.resolved or possessed
        ):  # `газовый монополист` → the company named before
            org = memory.recent_org(si, head)
            if org is not None:
                found.resolved = []
                found.actors.append(org)
    if head_token.pos == "NOUN" and not found.actors and not found.resolved:
        found.resolved += _leaders(tree, si, head, index)  # `возглавляемая США коалиция` → USA
    if held and not found.actors and not found.resolved:
        found.resolved += _held_person(tree, si, head, index)  # `«шпионку» отпустили под залог`
        if not found.resolved and head_token.feat("Animacy") == "Inan":
            for c in tree.kids(head, "nmod"):  # `обвинения с журналиста сняли`: the one charged
                if tree.case(c) in CHARGED_CASES and (tree.case(c) or tree.tokens[c].feat("Case") == "Gen"):
                    found.resolved += _held_person(tree, si, c, index)
                    break
    if head_kind == "militant" and not found.actors and not found.resolved:
        armed = memory.recent_armed(si, head)  # `боевики` → the armed group named before
        if armed is not None:
            found.actors.append(armed)
    return found


def _one_holder(actors: list[Actor], index: ActorIndex) -> str | None:
    """The one person the document names in a role of the one body or IGO a role phrase names (`глава
    МВФ` → the IMF head named elsewhere), when the phrase names no person itself."""
    if len(actors) != 1 or actors[0].kind not in HELD_BODY_KINDS:
        return None
    people = [p for p, code in index.memory.person_codes.items() if code == actors[0].value]
    return people[0] if len(people) == 1 and people[0] not in index.memory.former else None


def _named_counsel(tree: Tree, si: int, head: int, index: ActorIndex) -> bool:
    """`Адвокат Алёхиной Оксана Дарова заявила`: a counsel word with a name of its own in its case is
    that named person, who speaks for themselves, not for the client."""
    case = tree.tokens[head].feat("Case")
    for c in tree.subtree(head):
        actor = index.by_sentence[si].get(c)
        if c != head and actor is not None and actor.kind == "person" and tree.tokens[c].feat("Case") == case:
            return True
    return False


def _client(tree: Tree, si: int, head: int, index: ActorIndex) -> list[str]:
    """The person a counsel word (`адвокат`) belongs to: its genitive name or possessive pronoun."""
    table = index.by_sentence[si]
    for c in tree.kids(head, "nmod", "det", "nmod:poss"):
        if tree.case(c):
            continue
        actor = table.get(c)
        if actor is not None and actor.kind == "person":
            return [actor.value]
        if actor is None and tree.tokens[c].lemma.lower() in PRONOUN_AGREEMENT:
            gender, number = PRONOUN_AGREEMENT[tree.tokens[c].lemma.lower()]
            person = index.memory.antecedent(si, c, gender, number, True, _clause_subject(tree, c))
            if person is not None and person.kind == "person":
                return [person.value]
    return []


def _without_descriptions(tree: Tree, table: dict[int, Actor], actors: list[Actor]) -> list[Actor]:
    """`Юрий Солошенко, бывший директор предприятия «Знамя»`: organizations and states inside a
    description set off after a person's name tell who the person is, not another party."""
    described: set[int] = set()
    for a in actors:
        if a.kind != "person":
            continue
        for c in tree.kids(a.start, "appos", "acl"):
            if tree.tokens[c].pos == "NOUN" and (c not in table or table[c].kind != "person"):
                described.update(tree.subtree(c))
    return [a for a in actors if a.kind == "person" or a.start not in described]


def _capital_agent(tree: Tree, j: int, actor: Actor) -> bool:
    """`позиция Вашингтона`, `требования Киева`, `действия Москвы`: a capital in the genitive of a word
    for a stance or an act stands for its state's government, not for a place."""
    from ..gazetteer import capital_ids
    from .triggers import lexicon

    h = tree.head(j)
    if actor.kind != "city" or actor.geonameid not in capital_ids() or h < 0 or tree.case(j):
        return False
    if tree.tokens[j].rel != "nmod" or tree.tokens[j].feat("Case") != "Gen":
        return False
    verb = tree.head(h)
    undergoes = verb >= 0 and actor_words().get(tree.tokens[verb].lemma.lower()) == "undergo"
    if tree.tokens[h].rel.startswith("nsubj") and not undergoes:
        return False  # `Позиция Вашингтона встретила критику`: what others react to, not who acts
    lemma = tree.tokens[h].lemma.lower()
    return actor_words().get(lemma) in ("stance", "joint", "denial") or (
        tree.tokens[h].pos == "NOUN" and bool(lexicon().get(lemma))
    )


def _claim_topic(tree: Tree, head: int) -> frozenset[int]:
    """`опроверг сообщения о встрече Путина и Зеленского`: what a denied claim is about (its `о` phrase)
    names no party to the denial."""
    if actor_words().get(tree.tokens[head].lemma.lower()) != "denial":
        return frozenset()
    about = [c for c in tree.kids(head, "nmod") if tree.case(c) in TOPIC_CASES]
    return frozenset(j for c in about for j in tree.subtree(c))


def _pair_phrase(tree: Tree, head: int, kinds: tuple[str, ...]) -> bool:
    """`обе стороны`, `обе страны`: a group word counted as two (data/event_actors.tsv `pair`, `both`)."""
    return any(actor_words().get(tree.tokens[c].lemma.lower()) in kinds for c in tree.kids(head))


def _coordinated(tree: Tree, actors: list[Actor]) -> set[int]:
    """Ids of the actors joined to another one of `actors` by `conj` (`ФБР и Интерпола`)."""
    out: set[int] = set()
    for a in actors:
        if tree.tokens[a.start].rel != "conj":
            continue
        h = tree.head(a.start)
        for b in actors:
            if b is not a and b.start <= h < b.stop:
                out |= {id(a), id(b)}
    return out


def _described(tree: Tree, si: int, head: int, found: Found, index: ActorIndex) -> Found | None:
    """A description with no name of its own stands for the person the document names with it:
    `Помощник Хиллари Клинтон` → the `Помощник … Фил Гордон` named before (a person in the genitive
    is the owner, not the one described); `российский программист` → the one private person named."""
    token = tree.tokens[head]
    lemma = token.lemma.lower()
    kind = actor_words().get(lemma)
    if found.resolved or kind in ("group", "body", "opposition"):
        return None
    if _one_of_a_people(token, proper=True) and all(a.kind == "country" for a in found.actors):
        # `Пакистанец предстал перед судом` … `Абид Насир, 26-летний пакистанец`: a demonym (which a
        # tagger may call a name) is the one person the document describes by it, if it does
        person = index.memory.appositive_person(lemma)
        if person is not None:
            return Found(resolved=[person])
    if token.pos != "NOUN":
        return None
    persons = [a for a in found.actors if a.kind == "person"]
    owners = all(tree.tokens[a.start].rel == "nmod" and tree.head(a.start) == head for a in persons)
    memory = index.memory
    person = memory.noun_person(lemma)
    if (
        person is not None
        and len(persons) == len(found.actors)
        and owners
        and person not in {a.value for a in persons}
    ):
        code = memory.person_codes.get(person) if person not in memory.former else None
        return Found(resolved=[code or person])
    # `Египетского студента`: the linker may leave a headline's adjective unmarked; its part of speech tells
    nationality = [
        a for a in found.actors if a.kind == "country" and (a.adjective or tree.tokens[a.start].pos == "ADJ")
    ]
    if not found.actors and _place_adjective(tree, head):
        nationality = [Actor("", "place", head, head + 1, adjective=True)]  # `брюссельский террорист`
    if (
        not persons
        and nationality
        and len(nationality) == len(found.actors or nationality)
        and token.feat("Animacy") == "Anim"
        and token.feat("Number") == "Sing"
        and not is_role(lemma)
        and kind in (None, "trade")
    ):
        # `Пакистанец предстал перед судом` … `Абид Насир, 26-летний пакистанец`: the one the document
        # describes by that noun; else `задержан российский программист`, the one private person named
        private = memory.appositive_person(lemma) or memory.private_person()
        if private is None and kind == "trade":
            # `российского бизнесмена, обвиняемого в торговле оружием`: a private person by trade is
            # the story's protagonist, or nobody, never the state of the adjective
            private = memory.protagonist(token.feat("Gender"))
            return Found(resolved=[private] if private else [])
        return Found(resolved=[private]) if private else None
    return None


def _one_of_a_people(token: Token, proper: bool = False) -> bool:
    """A singular demonym noun (`россиянин`, `американка`): one person of that state, not the state;
    `proper`: a tagger's proper-noun reading too (`Пакистанец` opening a headline)."""
    return (
        token.pos in (("NOUN", "PROPN") if proper else ("NOUN",))
        and token.feat("Number") == "Sing"
        and token.feat("Animacy") == "Anim"
    )


def _private_citizens(tree: Tree, j: int, table: dict[int, Actor]) -> bool:
    """Whether the state word `j` only tells where private people are from: a counted plural demonym
    (`несколько американцев`, `трое британцев`), some citizens (`двум российским гражданам`,
    `российским гражданам, участвовавшим в сделке`; not all: `гражданам Грузии запрещен въезд`), or
    the citizenship of a named person (`гражданку Израиля и США Анну Шталь`, EVENTS.md Actors)."""
    token = tree.tokens[j]
    if token.pos == "NOUN" and token.feat("Number") == "Plur" and token.feat("Animacy") == "Anim":
        return bool(tree.kids(j, "nummod", "nummod:gov"))
    first = j
    while tree.tokens[first].rel == "conj" and tree.head(first) >= 0:
        first = tree.head(first)
    h = tree.head(first)
    if h < 0 or tree.tokens[first].rel not in ("amod", "nmod"):
        return False
    if actor_words().get(tree.tokens[h].lemma.lower()) != "citizen":
        return False
    if tree.tokens[h].feat("Number") == "Plur":  # `гражданам Грузии запрещен въезд`: all of them, the state
        return bool(tree.kids(h, "nummod", "nummod:gov", "acl", "acl:relcl"))
    return any(table[k].kind == "person" for k in tree.subtree(h) if k in table)


def _of_populace(tree: Tree, j: int) -> bool:
    """Whether the state word `j` qualifies people who act privately: residents (`жители Эквадора`),
    protesters (`палестинскими демонстрантами`) or the opposition (`сирийская оппозиция`), not the
    state's officials."""
    h = tree.head(j)
    if h < 0 or tree.tokens[j].rel not in ("amod", "nmod"):
        return False
    lemma = tree.tokens[h].lemma.lower()
    kind = actor_words().get(lemma)
    if kind == "opposition" and party_word(lemma):
        return True  # `сирийская оппозиция`: the state's opponents, not the state
    return kind == "populace" or (kind == "opposition" and tree.tokens[h].feat("Animacy") == "Anim")


def _held_person(tree: Tree, si: int, head: int, index: ActorIndex) -> list[str]:
    """`«шпионку» отпустили под залог`: one person (a singular animate noun that is no role or group
    word, with no numeral: `два молодых человека` are several) detained, sentenced or released with no
    name is the private person the story is about (Memory.protagonist), if their gender agrees; a former
    office (`экс-президента приговорили`, `бывшего министра задержали`) is the former holder it names."""
    token = tree.tokens[head]
    lemma = token.lemma.lower()
    gender = one_person_noun(token.text)  # the dictionary's reading wins over a tagger's stray plural
    one = gender is not None or (token.feat("Animacy") == "Anim" and token.feat("Number") == "Sing")
    former = is_role(lemma) and index.memory.is_former(si, head)
    if (
        (token.pos not in ("NOUN", "PROPN") and gender is None)  # a quoted `«шпионку»` may be tagged a verb
        or (token.pos == "PROPN" and gender is None and not former)
        or tree.kids(head, "nummod")
        or not one
        or (is_role(lemma) and not former)
        # `террорист` задержан: one person
        or actor_words().get(lemma, "militant") not in ("militant", "trade")
    ):
        return []
    memory = index.memory
    if former:
        holder = memory.former_holder(lemma, gender or token.feat("Gender"))
        return [holder] if holder else []
    held = memory.protagonist(gender or token.feat("Gender"))
    return [held] if held else []


def _place_adjective(tree: Tree, head: int) -> bool:
    """A relational adjective of a place name on the noun (`брюссельский террорист`, `бостонский
    стрелок`): it describes a person by where they acted, as a nationality does."""
    return any(
        tree.tokens[c].pos == "ADJ" and tree.tokens[c].lemma.lower().endswith(PLACE_ADJECTIVE_ENDINGS)
        for c in tree.kids(head, "amod")
    )


def _named_over_owner(tree: Tree, head: int, actors: list[Actor]) -> list[Actor]:
    """`лидера Аль-Кайды Усамы бин Ладена`, `брат Джохара — Тамерлан`, `португалец Гутерреш`: a genitive
    group or person, or a nationality noun, right before a person's name (a dash may sit between) is that
    person's affiliation, kin or origin, not a party."""
    if len(actors) < 2:
        return actors
    starts = {a.start: a for a in actors if a.kind == "person"}
    orgs = {a.start: a for a in actors if a.kind == "org"}
    out = []
    for a in actors:
        if a.kind == "country" and a.adjective and _describes_named_org(tree, a.start, orgs):
            continue  # `чешской компании CEZ`: where the company is from, not a party
        nxt = a.stop
        while tree.inside(nxt) and tree.tokens[nxt].text in ("—", "–", "-", "»", '"', "”"):
            nxt += 1
        word = tree.tokens[a.start]
        before = a.start - 1
        while tree.inside(before) and tree.tokens[before].pos == "PUNCT":
            before -= 1
        named_by = tree.inside(before) and tree.tokens[before].feat("Case") == "Gen"  # `движения «…»`
        # `основателю WikiLeaks Джулиану Ассанжу`: an indeclinable name after a noun is its genitive
        described = tree.inside(before) and tree.tokens[before].pos == "NOUN" and not case_readings(word.text)
        genitive = word.feat("Case") == "Gen" or can_be_genitive(word.text) or named_by or described
        owner = a.kind in ("person", "org") and genitive
        nationality = a.kind == "country" and a.adjective and word.pos == "NOUN"  # `португалец Гутерреш`
        if (owner or nationality) and nxt in starts and starts[nxt] is not a:
            continue
        out.append(a)
    return out


def _describes_named_org(tree: Tree, adjective: int, orgs: dict[int, Actor]) -> bool:
    """Whether a state adjective qualifies a common noun that a named organization follows
    (`чешской компании CEZ`, `российский концерн «Газпром»`); not a role (`российский министр`)."""
    noun = tree.head(adjective)
    if noun < 0 or tree.tokens[adjective].rel != "amod" or tree.tokens[noun].pos != "NOUN":
        return False
    if is_role(tree.tokens[noun].lemma.lower()):
        return False
    nxt = noun + 1
    while tree.inside(nxt) and tree.tokens[nxt].pos == "PUNCT":
        nxt += 1
    return nxt in orgs


def _private_named(tree: Tree, head: int, found: Found, index: ActorIndex) -> bool:
    """Whether the phrase is a person with no state role described by a noun that is no role itself
    (`подрядчику спецслужб США Эдварду Сноудену`, `жена президента Мишель`): the role words and states
    in the genitives describe the person; they do not make the person an official."""
    if is_role(tree.tokens[head].lemma.lower()) or found.resolved or tree.tokens[head].pos != "NOUN":
        return False
    persons = [a for a in found.actors if a.kind == "person"]
    return len(persons) == 1 and _named_head(tree, persons[0].start, head) and persons[0].start != head


def _role_body(tree: Tree, actor: Actor) -> bool:
    """An organization named as the genitive of a role word (`глава Комиссии по атомной энергии`): where
    the role holder works; beside a holder who acts for a state it is no party of its own."""
    h = tree.head(actor.start)
    return (
        actor.kind == "org"
        and h >= 0
        and not tree.case(actor.start)
        and is_role(tree.tokens[h].lemma.lower())
    )


def _named_head(tree: Tree, j: int, head: int) -> bool:
    """Whether the name at `j` is the phrase of `head` itself (`министр Египта Мухаммед Мурси`,
    `Мурси и Бади`), not an owner of it (`самолёт Моралеса`)."""
    for _ in range(6):
        if j == head:
            return True
        if tree.tokens[j].rel not in ("appos", "flat", "flat:name", "flat:foreign", "conj"):
            return False
        j = tree.head(j)
        if j < 0:
            return False
    return False


def _former_role_owners(
    tree: Tree, si: int, actors: list[Actor], index: ActorIndex, held: int = -1
) -> list[Actor]:
    """`назначение бывшего премьер-министра Португалии Антониу Гутерреша`: the state of a former
    official's role is not a party, the person is (EVENTS.md Actors: former officials → name); nor is
    that of an official who is detained, sentenced or released (`арестован министр Египта X`: `held`
    is the head of such an act's phrase, -1 for other acts)."""
    memory = index.memory
    roles = set()
    for a in actors:
        if a.kind == "person" and (
            a.value in memory.former or (held >= 0 and _named_head(tree, a.start, held))
        ):
            role = memory.role_of(si, a.start)
            if role >= 0 and (held >= 0 or memory.is_former(si, role)):
                roles.add(role)
    if not roles:
        return actors
    return [a for a in actors if not (a.kind in ("country", "igo") and _owns_role(tree, a.start, roles))]


def _owns_role(tree: Tree, j: int, roles: set[int]) -> bool:
    """Whether the genitive at `j` names the state of one of the role words `roles`, directly or
    through other genitives (`министр финансов Киргизии`)."""
    for _ in range(3):
        if tree.case(j) or tree.tokens[j].rel != "nmod":
            return False
        j = tree.head(j)
        if j in roles:
            return True
        if j < 0:
            return False
    return False


def _refer(
    tree: Tree, si: int, j: int, head: int, index: ActorIndex, personal: bool = False, held: bool = False
) -> list[str]:
    """What a pronoun, a relative `который` or a person word (`политик`) at `j` refers to."""
    token = tree.tokens[j]
    lemma = token.lemma.lower()
    if lemma == "который":
        return _relative(tree, si, j, index)
    if j == head and token.pos == "PROPN" and token.text[:1].isupper():
        named = index.memory.first_name_person(token.lemma)
        if named is not None:  # `Алла призвала …`: the one person named before with that first name
            code = index.memory.person_codes.get(named) if named not in index.memory.former else None
            return [code if code and not personal else named]
    alias = index.memory.alias(lemma)
    if alias is not None:
        return [alias]
    kind = actor_words().get(lemma)
    if kind == "opposition" and token.pos == "NOUN":  # `Оппозиция обвиняет`, `демонстранты требовали`
        leader = index.memory.opposition_leader()
        if leader is None and party_word(lemma):
            leader = index.memory.opposition_party()
        return [leader] if leader and not _under_place(tree, j, head) else []
    if kind == "state" and any(
        actor_words().get(tree.tokens[c].lemma.lower()) == "neighbour" for c in tree.kids(j)
    ):
        state = index.memory.neighbour(si, j)  # `в соседнюю республику`: the neighbour the text names
        return [state] if state else []
    gender, number = PRONOUN_AGREEMENT.get(lemma, (None, None))
    person = False
    if token.pos in ("PRON", "DET") and lemma in PRONOUN_AGREEMENT:
        pass
    elif token.pos in ("NOUN", "PROPN") and "person" in (
        actor_words().get(lemma),
        actor_words().get(participle_noun(token.text)),
    ):
        # `Подозреваемый`: the tagger lemmatizes a noun made of a participle as its verb (`подозревать`);
        # first in a sentence (`Осуждённого отпустили`) it may even tag it a name
        gender, number, person = None, token.feat("Number"), True  # `политик` is of common gender
        if number == "Sing" and participle_noun(token.text).endswith(ADJECTIVAL_ENDINGS):
            gender = token.feat("Gender")  # `осуждённого` / `осуждённую`: an adjectival noun shows it
    elif (
        token.pos == "NOUN"
        and actor_words().get(lemma) == "trade"
        and token.feat("Number") == "Sing"
        and j == head
        and not any(index.at(si, k) is not None for k in tree.subtree(head))
    ):
        gender, number, person = None, "Sing", True  # `допрос бизнесмена`: the businessman just named
    else:
        return []
    if _under_place(tree, j, head):
        return []
    actor = index.memory.antecedent(si, j, gender, number, person, _clause_subject(tree, j))
    if actor is None:
        return []
    if held and actor.kind == "person" and number == "Sing":
        # `Его адвокат Сергей Иванов заявил … Суд приговорил его`: of two men just named, the one held
        # is the one the story is about, when it names him clearly more often
        rivals = index.memory.rivals(si, j, gender)
        story = index.memory.protagonist(gender) if len(rivals) > 1 else None
        if story is not None and story in rivals and story != actor.value:
            return [story]
    code = index.memory.code_of(actor, personal, held)
    return [code] if code else decide(Found(actors=[actor]), index)


def _clause_subject(tree: Tree, j: int) -> frozenset[int]:
    """The subject of the clause a pronoun object stands in (`Власти Великобритании … её отпустили`):
    an object pronoun never points to its own clause's subject, so that subject is skipped."""
    verb = j
    for _ in range(4):
        verb = tree.head(verb)
        if verb < 0:
            return frozenset()
        if tree.tokens[verb].pos in ("VERB", "AUX"):
            break
    else:
        return frozenset()
    subj, _passive = _subject(tree, verb)
    if subj < 0 or subj == j:
        return frozenset()
    span = frozenset(tree.subtree(subj))
    return frozenset() if j in span else span


def _owner_place(tree: Tree, j: int, head: int) -> bool:
    """Whether the place at `j` owns the phrase of `head` (`власти Каталонии`, `мэр Киева`): a
    genitive with no preposition hanging, through genitives only, from the phrase's head."""
    for _ in range(4):
        if tree.case(j) or tree.tokens[j].rel not in ("nmod", "flat", "flat:name", "appos"):
            return False
        j = tree.head(j)
        if j == head:
            return True
        if j < 0:
            return False
    return False


def _state_body(tree: Tree, actor: Actor) -> bool:
    """Whether an organization's name is a state body's common name (`Минюст`, `Генпрокуратура`,
    `кабинет министров`; data/event_actors.tsv `body`): it stands for a state, not for a named group."""
    if actor.stop - actor.start <= BODY_NAME_WORDS and (
        actor_words().get(tree.tokens[actor.start].lemma.lower()) == "body"
        or actor_words().get(actor.value.lower()) == "body"
    ):
        return True
    # `Пермский краевой суд`, `Хорошевский районный суд`: a court named by adjectives is a state's court
    last = tree.tokens[actor.stop - 1]
    return (
        actor.stop - actor.start > 1
        and last.lemma.lower() in COURT_WORDS
        and all(tree.tokens[k].pos == "ADJ" for k in range(actor.start, actor.stop - 1))
    )


def _owned(tree: Tree, table: dict[int, Actor], actor: Actor) -> bool:
    """Whether an organization's name governs a state (`ВМС США`) or an IGO (`Парламентская ассамблея
    ОБСЕ`): then it is that state's or IGO's body."""
    for i in range(actor.start, actor.stop):
        for c in tree.kids(i):
            other = table.get(c)
            owner = other is not None and other is not actor and other.kind in ("country", "igo")
            if owner and tree.case(c) == "":
                return True
    return False


def _relative(tree: Tree, si: int, j: int, index: ActorIndex) -> list[str]:
    """`Помощник …, который посетил` → the noun the relative clause modifies; of a head noun and its
    genitive that both agree with `который` (`оппонентом Эрдогана, который … отрицает`), the head noun."""
    at = j
    for _ in range(4):
        if tree.tokens[at].rel in ("acl:relcl", "acl"):
            noun = tree.head(at)
            if noun < 0:
                return []
            owner = _agreeing_head(tree, noun, j)
            if owner < 0:
                return decide(collect(tree, si, noun, index), index)
            subj = _predicative_subject(tree, owner)
            if subj >= 0:  # `Гюлен является оппонентом Эрдогана, который …` → Гюлен
                return decide(collect(tree, si, subj, index), index)
            skip = frozenset(i for i in tree.subtree(noun) if (a := index.at(si, i)) and a.kind == "person")
            return decide(collect(tree, si, owner, index, skip=skip), index)
        h = tree.head(at)
        if h < 0:
            break
        at = h
    return []


def _agrees(word: Token, relative: Token) -> bool:
    """Whether `word` agrees with a relative pronoun in gender and number (what the tagger gives)."""
    for feat in ("Number", "Gender"):
        a, b = word.feat(feat), relative.feat(feat)
        if a is not None and b is not None and a != b:
            return False
    return True


def _agreeing_head(tree: Tree, noun: int, relative: int) -> int:
    """The noun that a plain genitive `noun` hangs from when a relative clause the parser hung on the
    genitive agrees with that head noun too (the head is the antecedent then), else -1."""
    token = tree.tokens[noun]
    h = tree.head(noun)
    if h < 0 or token.rel != "nmod" or tree.case(noun) or token.feat("Case") != "Gen":
        return -1
    head = tree.tokens[h]
    if head.pos != "NOUN" or not _agrees(head, tree.tokens[relative]):
        return -1
    return h


def _predicative_subject(tree: Tree, noun: int) -> int:
    """`X является оппонентом …`: the subject of the copula a predicative noun completes, else -1."""
    h = tree.head(noun)
    if h < 0 or tree.tokens[noun].rel != "xcomp" or tree.tokens[h].lemma.lower() not in COPULAS:
        return -1
    for c in tree.kids(h, "nsubj"):
        return c
    return -1


def _under_place(tree: Tree, j: int, head: int, origin: frozenset[str] = frozenset()) -> bool:
    """Whether token `j` sits in a prepositional phrase of place inside the phrase of `head`;
    prepositions in `origin` do not count."""
    if origin:  # only the actor's own preposition: `при ООН`, not `в программе ЕС`
        while tree.tokens[j].rel in ("flat", "flat:name", "flat:foreign") and tree.head(j) >= 0:
            j = tree.head(j)
        return j != head and tree.case(j) in NESTED_PLACE_CASES - origin
    for _ in range(len(tree.tokens)):
        if j < 0 or j == head:
            break
        if (
            tree.case(j) in PLACE_CASES
            and not _title_phrase(tree, j)
            and not _lead_phrase(tree, j)
            and not (
                tree.head(j) == head and actor_words().get(tree.tokens[j].lemma.lower()) == "beneficiary"
            )
        ):  # `резолюцию в поддержку членства Черногории`: whom the act is for, not where (but not
            # `участников акции в поддержку Навального`: the act of others it describes)
            return True
        j = tree.head(j)
    return False


def _under_topic(tree: Tree, j: int, head: int) -> bool:
    """Whether token `j` sits below a topic word (data/event_actors.tsv `topic`) inside the phrase of
    `head` (`позиции по вопросам развития ОДКБ`): the subject matter, not a party."""
    for _ in range(6):
        j = tree.head(j)
        if j < 0 or j == head:
            return False
        if actor_words().get(tree.tokens[j].lemma.lower()) == "topic":
            return True
    return False


def _leaders(tree: Tree, si: int, head: int, index: ActorIndex) -> list[str]:
    """`возглавляемая США коалиция`: the leader a group noun's participle of leading (data/event_actors.tsv
    `lead`) names as its agent acts for the group."""
    out: list[str] = []
    for c in tree.kids(head, "acl"):
        if actor_words().get(tree.tokens[c].lemma.lower()) != "lead":
            continue
        for a in tree.kids(c, "obl"):
            if not tree.case(a) and tree.tokens[a].feat("Case") == "Ins":
                out += decide(collect(tree, si, a, index), index)
    return out


def _lead_phrase(tree: Tree, j: int) -> bool:
    """`коалиция во главе с США`: a phrase of leading (data/event_actors.tsv `lead`), not a place."""
    return actor_words().get(tree.case_phrase(j)) == "lead"


def _under_post(tree: Tree, j: int, head: int) -> bool:
    """Whether token `j` names the office of a `на пост …` phrase inside the phrase of `head`."""
    for _ in range(6):
        h = tree.head(j)
        if j < 0 or j == head or h < 0:
            return False
        if actor_words().get(tree.tokens[h].lemma.lower()) == "post" and tree.case(h) in ("на", "в"):
            return True
        j = h
    return False


def _title_phrase(tree: Tree, j: int) -> bool:
    """`поверенный в делах Германии`: a prepositional phrase that is part of a role's title
    (data/event_actors.tsv `title`), so the state in it is the role's state, not a place."""
    h = tree.head(j)
    if actor_words().get(tree.tokens[j].lemma.lower()) != "title":
        return False
    # the parser may hang `в делах` elsewhere (`вызвали поверенного в делах Германии, после того как …`)
    return (h >= 0 and is_role(tree.tokens[h].lemma.lower())) or _title_role(tree, j) >= 0


def _title_role(tree: Tree, j: int) -> int:
    """The role word right before the title phrase of word `j` (`поверенного` | `в` | `делах`), else -1."""
    role = j - 2
    if not tree.inside(role) or tree.case(j) not in LOCATIVE_CASES or tree.tokens[j - 1].rel != "case":
        return -1
    return role if is_role(tree.tokens[role].lemma.lower()) else -1


def _title_tail(tree: Tree, head: int) -> list[int]:
    """`поверенного в делах Германии` with `в делах` parsed under another word: the title's tokens
    (and its state) still belong to the role's phrase."""
    title = head + 2
    if not tree.inside(title) or title in tree.subtree(head):
        return []
    if actor_words().get(tree.tokens[title].lemma.lower()) != "title" or _title_role(tree, title) != head:
        return []
    tail = [title]
    for owner in tree.kids(title, "nmod"):
        if not tree.case(owner):
            tail += tree.subtree(owner)
    return tail


def decide(found: Found, index: ActorIndex | None = None) -> list[str]:
    """Codes when the phrase names a state role or only states; person/org names otherwise.

    Coreference results come first; a state body with no state of its own (`власти`) is the
    document's home country.
    """
    if not found.actors and (found.body or found.role) and not found.resolved and found.owners:
        return _unique(found.owners)  # `власти Каталонии`, `губернатор Техаса`: the place's state
    if not found.actors and found.body and not found.resolved and found.local:
        return [found.local]  # `Полиция задержала демонстрантов в Тбилиси`: the police of that state
    if not found.actors and found.body and not found.resolved and index is not None:
        home = (found.court and index.memory.court) or index.memory.home  # `суд` of a Hague-tribunal story
        return [home] if home else []
    codes: list[str] = list(found.resolved)
    names: list[str] = []
    for a in found.actors:
        if a.kind == "region":
            codes.extend(a.members or (a.value,))
        elif a.kind in ("city", "place"):
            if a.country:
                codes.append(a.country)
        elif a.kind in ("person", "org", "programme") and not _looks_coded(a.value):
            names.append(a.value)
        else:
            codes.append(a.value)
    if names and not found.role:  # `по запросу ФБР и Интерпола`: a state listed with the name is a party
        listed = [a.value for a in found.actors if id(a) in found.listed and a.kind in ("country", "igo")]
        return _unique(found.resolved + listed + names)
    if codes:  # officials stand for their state; a named organization beside them stays
        orgs = {a.value for a in found.actors if a.kind == "org"}
        return _unique(codes + [n for n in names if n in orgs])
    return _unique(names)


def _looks_coded(value: str) -> bool:
    return value.isupper() and value.isascii()


def _unique(values: list[str]) -> list[str]:
    """Distinct actor values; a lower-case 'name' is a tagging error (`воскресный`), not an actor."""
    return list(dict.fromkeys(v for v in values if v and (not v[:1].islower() or v in lower_case_names())))


def _subject(tree: Tree, pred: int) -> tuple[int, bool]:
    """The subject of the clause of `pred`, climbing xcomp/conj/acl; and whether it is passive."""
    for j in [
        pred,
        *tree.ancestors(pred, frozenset({"xcomp", "conj", "acl", "csubj", "csubj:pass", "advcl"}), 3),
    ]:
        for c in tree.kids(j):
            rel = tree.tokens[c].rel
            if rel == "nsubj" and j != pred and _indefinite_personal(tree, c, pred):
                return -1, False  # `Айдар находился в СИЗО, а Губайдулина отпустили`: someone unnamed did it
            if rel == "nsubj" or _relative_subject(tree, c):
                return c, False
            if rel == "nsubj:pass":
                return c, True
        if tree.tokens[j].rel in ("acl",):
            h = _participle_noun(tree, j)
            if h >= 0 and tree.tokens[j].feat("Voice") != "Pass":
                return h, False
            if h >= 0 and j == pred and tree.tokens[h].feat("Animacy") == "Anim":
                return h, True  # `Винник, обвиняемый властями США`: a passive participle's noun is acted on
    flipped = _flipped_relative_subject(tree, pred)
    if flipped >= 0:
        return flipped, tree.tokens[pred].feat("Voice") == "Pass"
    reporter = _reporter(tree, pred)
    if reporter >= 0:
        return reporter, False
    fronted = _fronted_subject(tree, pred)
    if fronted >= 0:
        return fronted, False
    speaker = _speaking_body(tree, pred)
    return (speaker, False) if speaker >= 0 else (-1, False)


def _flipped_relative_subject(tree: Tree, pred: int) -> int:
    """`дело, по которому осуждены Олег Сенцов и Александр Кольченко`: the parser may hang a relative
    clause on the nominative noun that follows it, which is the clause's own subject (a relative clause
    modifies a noun before it), or give that noun to the main verb as a second subject; that noun, else -1."""
    if tree.tokens[pred].rel != "acl:relcl":
        return -1
    h = tree.head(pred)
    if h > pred:
        noun = tree.tokens[h]
        return h if noun.pos in ("NOUN", "PROPN") and noun.feat("Case") == "Nom" else -1
    # or on the verb before it, as a second subject (`Петров отбывает срок по делу, по которому
    # осуждены … Смирнов`): the first nominative subject after the clause's verb
    for k in range(pred + 1, tree.hi):
        token = tree.tokens[k]
        if token.pos in ("VERB", "AUX") or token.text in (";", ":"):
            return -1
        if token.rel == "nsubj" and token.feat("Case") == "Nom":
            other = tree.head(k)
            twice = other >= 0 and any(c < pred and c != k for c in tree.kids(other, "nsubj"))
            return k if twice else -1
    return -1


def _reporter(tree: Tree, pred: int) -> int:
    """The speaker of a subjectless reported clause: `Иванов сообщил, что требует отставки` (a `что`
    clause of the same number as the speaker), `посольство распространило заявление, в котором
    осудило …` (a statement the speaker issued, with `в котором`). -1 when there is none."""
    verb = tree.tokens[pred]
    if verb.pos != "VERB" or verb.feat("VerbForm") not in (None, "Fin"):
        return -1
    rel, h = verb.rel, tree.head(pred)
    if h < 0:
        return -1
    if rel == "acl:relcl":
        inside = any(
            tree.tokens[c].lemma.lower() == "который" and tree.case(c) in LOCATIVE_CASES
            for c in tree.kids(pred, "obl", "nmod")
        )
        if not inside or tree.tokens[h].rel != "obj":
            return -1
        h = tree.head(h)
    elif rel != "ccomp" or not any(tree.tokens[c].lemma.lower() == "что" for c in tree.kids(pred, "mark")):
        return -1
    if h < 0:
        return -1
    for c in tree.kids(h):
        if tree.tokens[c].rel == "nsubj":
            number = tree.tokens[c].feat("Number")
            if number and verb.feat("Number") and number != verb.feat("Number"):
                return -1  # `Иванов сказал, что требуют отставки`: someone else
            return c
    return -1


def _fronted_subject(tree: Tree, pred: int) -> int:
    """`президент Путин в этом отказал, хотя и выразил пожелание`: a subject before a finite verb that
    the parser hung on a clause after it belongs to the verb (a Russian subject comes before its
    clause's verb, so one before `pred` cannot be the later clause's)."""
    verb = tree.tokens[pred]
    if verb.pos != "VERB" or verb.feat("VerbForm") not in (None, "Fin"):
        return -1
    for x in tree.kids(pred, "advcl", "conj", "parataxis"):
        if x < pred:
            continue
        for c in tree.kids(x, "nsubj"):
            if c < pred and tree.tokens[c].feat("Case") in (None, "Nom"):
                return c
    return -1


def _speaking_body(tree: Tree, pred: int) -> int:
    """`в российском Минфине заявили`, `в МИД России сообщили`: a plural verb with no subject
    (an indefinite-personal clause) whose `в` phrase names a state body says who did it."""
    verb = tree.tokens[pred]
    if verb.pos != "VERB" or verb.feat("Number") != "Plur" or verb.feat("Voice") == "Pass":
        return -1
    if verb.feat("VerbForm") not in (None, "Fin"):
        return -1
    for c in tree.kids(pred, "obl"):
        token = tree.tokens[c]
        if tree.case(c) in LOCATIVE_CASES and token.pos in ("NOUN", "PROPN") and is_role(token.lemma.lower()):
            return c
    return -1


def _struck(type_: EventType, case: str) -> bool:
    """`удары по позициям РПК`, `обстрел по Израилю`: what an attack is aimed at."""
    return type_ == EventType.ASSAULT and case == "по"


def _organizers(tree: Tree, trigger: int) -> list[int]:
    """`Организаторами акции выступили движения A и B`, `организатором митинга стала партия X`: the
    subject of the verb an organizer word (data/event_actors.tsv `leader`) hangs from did the act."""
    h = tree.head(trigger)
    if h < 0 or tree.tokens[trigger].rel != "nmod" or tree.case(trigger):
        return []
    organizer = actor_words().get(tree.tokens[h].lemma.lower()) == "leader"
    if not organizer or tree.tokens[h].rel not in ("xcomp", "obl"):
        return []
    verb = tree.head(h)
    return [c for c in tree.kids(verb) if tree.tokens[c].rel == "nsubj"] if verb >= 0 else []


def _judged(tree: Tree, trigger: int, pred: int, type_: EventType) -> bool:
    """`X выступил с критикой решения властей Венесуэлы`: a judgement noun carried by a verb with a
    subject of its own has that subject as its author; its genitive is what is judged."""
    return (
        type_ == EventType.ACCUSE
        and trigger != pred
        and any(tree.tokens[c].rel == "nsubj" for c in tree.kids(pred))
    )


def _charged(tree: Tree, trigger: int, type_: EventType) -> bool:
    """`обвинения его в военных преступлениях`: a charge noun with a `в` + locative charge phrase has
    the one accused in its genitive (`обвинение кого в чём`), not the accuser."""
    return (
        type_ == EventType.ACCUSE
        and tree.tokens[trigger].pos == "NOUN"
        and any(
            tree.case(c) in CHARGE_CASES and tree.tokens[c].feat("Case") == "Loc"
            for c in tree.kids(trigger, "nmod")
        )
    )


def _aimed_on(tree: Tree, c: int, type_: EventType) -> bool:
    """`подала в суд на «Газпром»`, `жалоба на Минюст`, `напали на патруль НАТО`: `на` with an
    accusative names whom a complaint or an attack is aimed at; a place takes the locative (`на
    Украине`) and is no target."""
    if type_ == EventType.ASSAULT and tree.tokens[tree.head(c)].pos != "VERB":
        return False  # `всплеск нападений на израильтян`: a noun of attacks is often a trend, no act
    return (
        type_ in AIMED_ON_TYPES
        and tree.case(c) == "на"
        and tree.tokens[c].feat("Case") == "Acc"
        and tree.tokens[c].pos in ("PROPN", "NOUN")
    )


def _of_many_states(tree: Tree, head: int, skip: frozenset[int]) -> bool:
    """Whether the phrase of `head` names its states by a plural common noun (`власти более 20 стран`,
    `правительства государств региона`), not the one the story happens in (`власти страны`)."""
    # the words right after the head count however parsed (`властям более 20 стран`)
    near = [j for j in range(head + 1, min(tree.hi, head + 4)) if tree.tokens[j].feat("Case") == "Gen"]
    return any(
        j != head
        and j not in skip
        and actor_words().get(tree.tokens[j].lemma.lower()) == "state"
        and tree.tokens[j].feat("Number") == "Plur"
        for j in [*tree.subtree(head), *near]
    )


def _demanded_act(tree: Tree, si: int, c: int, index: ActorIndex) -> bool:
    """`назвали выдачу Младича условием`, `потребовали освобождения заложников`: a demand's object that
    is an act (a noun of the trigger lexicon) is what is demanded, not whom; the people it is done to
    are not coded (EVENTS.md Speech acts), a state in it is (`требуя отставки президента Грузии`)."""
    from .triggers import lexicon

    token = tree.tokens[c]
    return token.pos == "NOUN" and index.at(si, c) is None and bool(lexicon().get(token.lemma.lower()))


def _asked_thing(
    tree: Tree, si: int, h: int, index: ActorIndex, addressed: set[int], type_: EventType
) -> bool:
    """Whether `h` is the thing a demand with a named addressee asks for (`требует от ООН резолюции
    против Ирана`): a common noun object; the addressee is the demand's target, whom the thing
    asked for would touch is not."""
    if type_ != EventType.REQUEST or not addressed or h in addressed:
        return False
    for _ in range(3):  # the thing itself or a phrase inside it (`против Ирана`)
        token = tree.tokens[h]
        if token.rel == "obj" and token.pos == "NOUN" and index.at(si, h) is None:
            return True
        h = tree.head(h)
        if h < 0:
            return False
    return False


def _place_party(si: int, h: int, index: ActorIndex, addressed: set[int]) -> list[str]:
    """`потребовал от Белоруссии`, `получило от Гаваны отказ`: a state or capital in an `от` phrase
    that names a party (in `addressed`) is that state, though `от` phrases elsewhere tell places."""
    actor = index.at(si, h)
    if h in addressed and actor is not None and actor.kind in ("country", "city") and not actor.adjective:
        return [actor.country or actor.value]
    return []


def _demand_phrase(tree: Tree, c: int) -> bool:
    """`демонстрации с требованиями разорвать договор с Израилем`: a `с` phrase that states what a
    demonstration demands (a demand word of the trigger lexicon) is its content, not whom it is against."""
    from .triggers import lexicon

    entries = lexicon().get(tree.tokens[c].lemma.lower(), ())
    return tree.case(c) in WITH_CASES and any(e.type == EventType.REQUEST for e in entries)


def _participle_agents(tree: Tree, part: int) -> list[int]:
    """`наложенное Вашингтоном эмбарго`, `введенные ЕС санкции`: the instrumental agent of a passive
    participle describing an act noun did the act."""
    return [
        c
        for c in tree.kids(part, "obl")
        if not tree.case(c)
        and tree.tokens[c].feat("Case") == "Ins"
        and tree.tokens[c].pos in ("NOUN", "PROPN")
    ]


def _asked(type_: EventType, case: str) -> bool:
    """`потребовал от Белоруссии`, `требование от властей`: whom a demand is addressed to."""
    return type_ == EventType.REQUEST and case == "от"


def _can_be_nominative(word: str) -> bool:
    """Whether a word form may be nominative (an unknown or indeclinable name may be anything)."""
    readings = case_readings(word)
    return not readings or any(case == "nomn" for case, _ in readings)


def _relative_subject(tree: Tree, c: int) -> bool:
    """A nominative `который` is its clause's subject, whatever relation the parser gave it
    (`Помощник …, который в среду посетил Белград`)."""
    token = tree.tokens[c]
    return token.lemma.lower() == "который" and token.feat("Case") == "Nom" and token.rel in ("obj", "nsubj")


def _participle_noun(tree: Tree, part: int) -> int:
    """The noun a participle phrase modifies: its head if they can agree in case and number, else the
    nearest agreeing noun before it (`представителем США, посещающим Исламабад` when the parser hung
    `посещающим` on a later noun)."""
    h = tree.head(part)
    word = tree.tokens[part]
    if word.feat("VerbForm") != "Part" or h < 0:
        return h
    readings = case_readings(word.text)
    if not readings or readings & case_readings(tree.tokens[h].text):
        return h
    for i in range(part - 1, tree.lo - 1, -1):
        token = tree.tokens[i]
        if token.pos in ("NOUN", "PROPN") and readings & case_readings(token.text):
            return i
    return h


def find_arguments(tree: Tree, si: int, trigger: int, type_: EventType, index: ActorIndex) -> Arguments:
    """Sources and targets of one trigger."""
    args = Arguments(predicate=predicate_of(tree, trigger))
    pred = args.predicate
    source_heads: list[int] = []
    target_heads: list[int] = []
    addressed: set[int] = set()  # `потребовал от Белоруссии`: a state there is whom, not where
    demanded: set[int] = set()  # `требуя отставки президента Грузии`: only states are addressed there
    subj, passive = _subject(tree, pred)
    passive = (
        passive or tree.tokens[pred].feat("Voice") == "Pass" and tree.tokens[pred].feat("VerbForm") == "Part"
    )
    # `Египетского студента могут выслать`: a "subject" that cannot be nominative, beside a plural verb
    # it does not agree with, is the object of an act by unnamed authorities
    passive = passive or (subj >= 0 and _object_read_as_subject(tree, subj))
    # `бывший министр обвиняется`: a reflexive passive's nominative is the one acted on
    passive = passive or (
        subj >= 0
        and subj != trigger
        and tree.tokens[pred].pos == "VERB"
        and tree.tokens[pred].feat("Voice") == "Pass"
        and tree.tokens[pred].feat("VerbForm") == "Fin"
    )
    own_targets: frozenset[int] = frozenset()
    # `прошли демонстрации с требованиями …`: the act's own `с`/`против` phrases are no agents
    if subj == trigger:
        own_targets = frozenset(
            j
            for c in tree.kids(trigger, "nmod")
            if tree.case(c) in TARGET_CASES or _demand_phrase(tree, c)
            for j in tree.subtree(c)
        )
    if passive and type_ in SELF_MOVED_TYPES:
        passive = False  # `Армия Армении приведена в готовность`: the force put on alert is its state's
    if subj >= 0:
        (target_heads if passive else source_heads).append(subj)
        # a misparse can give a clause two subjects (`Вопросы … американцы не намерены`)
        siblings = [
            c for c in tree.kids(tree.head(subj)) if c != subj and tree.tokens[c].rel == tree.tokens[subj].rel
        ]
        if tree.head(subj) < 0:
            siblings = []
        # `партия раскритиковала власти России`: a second "subject" after the verb that does not agree
        # with it in number is its object, misread (`власти` is nominative and accusative alike)
        objects = [c for c in siblings if not passive and c > pred and _disagrees(tree, c, pred)]
        target_heads.extend(objects)
        (target_heads if passive else source_heads).extend(c for c in siblings if c not in objects)
    for c in tree.kids(pred):
        rel, case = tree.tokens[c].rel, tree.case(c)
        if c in (trigger, subj):
            continue
        if rel in ("obj", "iobj"):
            target_heads.append(c)
            if type_ == EventType.REQUEST and _demanded_act(tree, si, c, index):
                demanded.add(c)
        elif rel in ("obl", "obl:agent") and passive and not case and tree.tokens[c].feat("Case") == "Ins":
            # `выпущена Аун Сан Су Чжи`: an indeclinable name after a subjectless passive is its subject
            (target_heads if subj < 0 and _can_be_nominative(tree.tokens[c].text) else source_heads).append(c)
        elif rel.startswith("obl") and case in AGENT_CASES:
            source_heads.append(c)  # `осуждены со стороны Запада`: the agent, named as a side
        elif (
            rel.startswith("obl")
            and case in LOCATIVE_CASES
            and actor_words().get(tree.tokens[c].lemma.lower()) == "beneficiary"
        ):
            target_heads.append(c)  # `выступил в поддержку Украины`: whom the act is for
        elif rel.startswith("obl") and (
            case in TARGET_CASES or _struck(type_, case) or _asked(type_, case) or _aimed_on(tree, c, type_)
        ):
            if not _purpose(tree, si, c, index):
                target_heads.append(c)
            if _asked(type_, case):
                addressed.add(c)
    agented = False
    if trigger != pred or tree.tokens[trigger].pos == "NOUN":
        # `ликвидация американским спецназом лидера Аль-Каиды`: beside an instrumental agent the
        # genitive of an act noun is whom the act is done to
        agented = tree.tokens[trigger].pos == "NOUN" and any(
            not tree.case(c) and tree.tokens[c].feat("Case") == "Ins" for c in tree.kids(trigger, "nmod")
        )
        for c in tree.kids(trigger):
            rel, case = tree.tokens[c].rel, tree.case(c)
            if rel == "amod" or (rel == "nmod" and not case and tree.tokens[c].feat("Case") == "Gen"):
                if rel == "nmod" and (
                    agented
                    or type_ in PATIENT_NOUN_TYPES
                    or _judged(tree, trigger, pred, type_)
                    or _charged(tree, trigger, type_)
                ):
                    target_heads.append(c)
                elif rel == "nmod" and actor_words().get(tree.tokens[trigger].lemma.lower()) == "inquiry":
                    continue  # `расследование убийства X`: what is probed, neither prober nor accused
                else:
                    source_heads.append(c)
            elif rel == "nmod" and not case and tree.tokens[c].feat("Case") == "Ins":
                source_heads.append(c)
            elif rel == "nmod" and case in AGENT_CASES:
                if trigger != pred:  # `подвергся критике со стороны X`, not `всплеск нападений со стороны X`
                    source_heads.append(c)
            elif rel == "acl" and tree.tokens[c].feat("Voice") == "Pass":
                source_heads += _participle_agents(tree, c)  # `наложенное Вашингтоном эмбарго`
            elif rel in ("nmod", "iobj") and not case and tree.tokens[c].feat("Case") == "Dat":
                target_heads.append(c)  # `выделение Интерполу гранта`: the recipient
            elif rel == "nmod" and (
                case in TARGET_CASES
                or _struck(type_, case)
                or _asked(type_, case)
                or _aimed_on(tree, c, type_)
            ):
                if not _purpose(tree, si, c, index) and not _demand_phrase(tree, c):
                    target_heads.append(c)
                if _asked(type_, case):
                    addressed.add(c)
    for c in tree.kids(
        pred, "advmod"
    ):  # `совместно с полицией Бельгии задержала`: a partner on the subject's side
        if actor_words().get(tree.tokens[c].lemma.lower()) == "jointly":
            partners = [n for n in tree.kids(c, "obl", "nmod") if tree.case(n) in WITH_CASES]
            partners += [n for n in tree.kids(pred, "obl") if tree.case(n) in WITH_CASES and n > c]
            for n in dict.fromkeys(partners):
                side = target_heads if passive else source_heads
                if n not in side:
                    side.append(n)
                if n in target_heads and not passive:
                    target_heads.remove(n)
    for at in dict.fromkeys([trigger, pred]):  # `угрозы в адрес Греции`: whom the act is addressed to
        for c in tree.kids(at, "nmod", "obl"):
            if (
                tree.case(c) in LOCATIVE_CASES
                and actor_words().get(tree.tokens[c].lemma.lower()) == "address"
            ):
                target_heads += [n for n in tree.kids(c, "nmod") if n not in target_heads]
    source_heads += [h for h in _organizers(tree, trigger) if h not in source_heads]
    if (
        trigger != pred
        and tree.tokens[trigger].rel == "obj"
        and actor_words().get(tree.tokens[pred].lemma.lower()) == "receive"
    ):  # `Украина получила от Евросоюза помощь`: the giver acts, the receiver is the target
        givers = [c for c in tree.kids(pred, "obl") if tree.case(c) == "от"]
        if givers:
            target_heads = [h for h in source_heads + target_heads if h not in givers]
            source_heads = givers
            addressed.update(givers)
    for at in [trigger, *(c for c in tree.kids(pred, "obj") if tree.tokens[c].pos == "NOUN")]:
        target_heads += [h for h in _against(tree, at) if h not in target_heads]
        # `право на ответные меры против Белоруссии`: the aim of the object's measures; but a judgement
        # of measures with an agent of their own (`осуждал действия Израиля против …`) aims at the agent
        if at != trigger and not (type_ in JUDGED_ACT_TYPES and _own_agent(tree, at)):
            target_heads += [h for h in _nested_against(tree, at) if h not in target_heads]
        if at != trigger:  # `нанесла удары по позициям РПК`: the aim of the light verb's noun
            target_heads += [
                h for h in tree.kids(at, "nmod") if _struck(type_, tree.case(h)) and h not in target_heads
            ]
    undergone = actor_words().get(tree.tokens[pred].lemma.lower()) == "undergo"
    sources: list[str] = []
    local = _clause_state(tree, si, pred, trigger, index)
    for h in source_heads:
        skip = own_targets if h == trigger else frozenset()
        if h == trigger and agented:  # `Критика Китая американскими сенаторами вызвала …`: China is aimed at
            skip = skip | {j for c in target_heads if tree.head(c) == trigger for j in tree.subtree(c)}
        found = collect(tree, si, h, index, skip=skip)
        found.local = local
        codes = decide(found, index) or _place_party(si, h, index, addressed)
        if tree.case(h) in AGENT_CASES:
            args.agents += codes
            if not undergone:  # under `подвергся` the caller turns the clause round (trigger mode undergo)
                sources += codes
            continue  # an unnamed side (`со стороны повстанцев`) leaves the act's parties as they are
        sources += codes
        args.source_group |= found.group and not (found.actors or found.resolved)
    targets: list[str] = []
    for h in target_heads:
        if _asked_thing(tree, si, h, index, addressed, type_):
            continue  # `требует от ООН резолюции против Ирана`: asked of the UN; what it asks is no party
        topic = _claim_topic(tree, h) if type_ == EventType.REJECT else frozenset()
        if type_ in JUDGED_ACT_TYPES and _own_agent(tree, h):  # `действия Израиля против мусульман`
            topic = topic | {j for c in _nested_against(tree, h) for j in tree.subtree(c)}
        found = collect(
            tree, si, h, index, personal=type_ in PERSONAL_TYPES, skip=topic, held=type_ in HELD_TYPES
        )
        found.local = local
        # `Власти подозревают их`: a pronoun no actor answers is unnamed people, not a meeting's sides
        unnamed = type_ in SHARED_OBJECT_TYPES and tree.tokens[h].pos == "PRON"
        args.target_group |= found.group and not (found.actors or found.resolved or unnamed)
        codes = decide(found, index) or _place_party(si, h, index, addressed)
        targets += [t for t in codes if h not in demanded or _looks_coded(t)]
    if not sources and not args.source_group and _nonfinite(tree, trigger) and type_ in PATIENT_NOUN_TYPES:
        sources += [s for s in _agreement_partner(tree, si, pred, index) if s not in targets]
    if not sources and not args.source_group and _nonfinite(tree, trigger):
        found = _governing_subject(tree, si, pred, type_, index)
        args.source_group |= found.group and not (found.actors or found.resolved)
        sources += [s for s in decide(found, index) if s not in targets]
    if not sources and not args.source_group and type_ == EventType.PROTEST:
        sources += [s for s in index.memory.organizers if s not in targets]  # organisers named elsewhere
    if not sources and passive and type_ == EventType.ASSAULT:  # `убит в перестрелке с полицией`
        sources += [s for s in _fight_partner(tree, si, pred, index) if s not in targets]
    entered = _entered_states(tree, si, subj, index)  # `запрещен въезд на территорию ЕС`: a destination
    targets = [t for t in targets if t not in entered]
    if not sources and passive:  # `гражданам Грузии запрещен въезд в Россию`: Russia bans
        sources += entered
    if not sources and type_ == EventType.ACCUSE:  # `посол был вызван в МИД России`: the ministry's state
        sources += [s for s in _summoning_body(tree, si, pred, index) if s not in targets]
    if not sources and passive and type_ == EventType.ACCUSE and index.memory.court:
        # `генерал обвиняется в геноциде` in a story of an international court: charged by that court
        sources += [index.memory.court] if index.memory.court not in targets else []
    if not sources and not args.source_group and type_ == EventType.ACCUSE and targets and subj < 0:
        if _unnamed_plural(tree, pred):  # `ему предъявили обвинение`: a charge by unnamed authorities
            state = index.memory.court or acting_state(index, si, None, index.memory.home)
            sources += [state] if state and state not in targets else []
    if (
        not sources
        and not args.source_group
        and type_ == EventType.ACCUSE
        and targets
        and _trial_over(tree, trigger)
    ):
        # `В Каире начался процесс над экс-президентом`: a trial nobody is named holding is the court's
        # that tries the story, else the state of its place, else the story's state
        state = index.memory.court or local or acting_state(index, si, None, index.memory.home)
        sources += [state] if state and state not in targets else []
    if not sources and passive and type_ in HELD_TYPES:
        sources += [s for s in _held_in(tree, si, pred, index) if s not in targets]
    if not sources and passive and type_ in HELD_TYPES:
        sources += [s for s in _bodies_at_work(tree, si, pred, index) if s not in targets]
    if not sources and passive and type_ in HELD_TYPES:  # `экстрадирован в США` after `при аресте
        sources += [s for s in _earlier_captors(si, targets, index) if s not in targets]  # в Нидерландах`
    if not targets and type_ in COMPLEMENT_TYPES:
        targets += [
            t
            for t in _complement_objects(tree, si, pred, index, trigger, type_)
            if t not in sources and (type_ != EventType.REQUEST or _looks_coded(t))
        ]
    if not targets and type_ in BANNED_TYPES:  # `не разрешил транслировать обращение Эрдогана`: whose
        targets += [t for t in _banned_objects(tree, si, pred, index) if t not in sources]  # act is banned
    if not targets and type_ == EventType.ACCUSE:  # `пожаловалась, что полицейские обращались грубо`
        targets += [t for t in _stated_subjects(tree, si, pred, index) if t not in sources]
    if not targets and type_ in SHARED_OBJECT_TYPES:  # `признал Навального виновным и арестовал`
        targets += [t for t in _shared_objects(tree, si, pred, index) if t not in sources]
    if not targets and type_ == EventType.REJECT:  # `отверг обвинения оппозиции`: the accuser
        targets += [t for t in _rejected_authors(tree, si, trigger, pred, index) if t not in sources]
    if (not targets or passive) and type_ == EventType.SANCTION:  # `отозвал из России посла`: the state
        # left; `посол был отозван из Минска`: the subject is only the envoy, the state left is aimed at
        targets += [t for t in _recalled_from(tree, si, pred, index) if t not in sources and t not in targets]
    # `отверг обвинения о причастности России`: the denier named inside the charge is no accuser
    if type_ == EventType.REJECT and set(targets) <= set(sources) and _charge_denied(tree, trigger, pred):
        targets += [t for t in _earlier_accusers(si, sources, index) if t not in sources]  # `Пакистан
        if set(targets) <= set(sources) and _charge_denied(tree, trigger, pred, accused=True):  # отверг`
            # `Бут не признал себя виновным`, `Москва отвергает эти обвинения`: a charge told before is the
            # court's that tries the story, else its state's, else, when the denier is that state, the
            # story's other side (`Россия отвергает обвинения` in a story told from Britain's charges)
            accuser = index.memory.court or index.memory.home
            if accuser in sources and not args.source_group:
                accuser = index.memory.counterpart(_unique(sources), si, main=True)
            targets += [accuser] if accuser and accuser not in sources else []
    if not targets and type_ == EventType.REJECT:  # `отказалось выдать США Ассанжа`: whom it was refused
        targets += [t for t in _refused_recipients(tree, si, pred, index) if t not in sources]
    if not targets and type_ == EventType.REJECT:  # `выход России из МУС`: the body left
        targets += [t for t in _left_bodies(tree, si, trigger, pred, index) if t not in sources]
    if not targets and type_ == EventType.REJECT:  # `Путин в этом отказал`: who asked for it
        targets += [t for t in _anaphoric_demand(tree, si, trigger, pred, index) if t not in sources]
    if not targets and type_ == EventType.REQUEST:  # `потребовали выдать его, но Путин отказал`
        targets += [t for t in _refusers(tree, si, trigger, pred, index) if t not in sources]
    if not targets and type_ == EventType.REQUEST:  # `арестован в Бангкоке по запросу США`: asked of
        targets += [t for t in _behest_doers(tree, si, trigger, index) if t not in sources]  # Thailand
    if not targets and type_ == EventType.REQUEST and _asks_release(tree, trigger, pred):
        # `Алёхина просит выпустить ее`, `подавала прошение об освобождении`: a prisoner asks the state
        state = acting_state(index, si, None, index.memory.home)
        targets += [state] if state and state not in sources else []
    if not targets and type_ == EventType.ACCUSE and _to_court_of_states(tree, si, trigger, pred, index):
        state = acting_state(index, si, None, index.memory.home)  # `подать жалобу в ЕСПЧ`: a complaint
        targets += [state] if state and state not in sources else []  # there is against a state
    if not targets and type_ in ACT_OBJECT_TYPES:  # `осудила задержания`: whoever detained them
        targets += [t for t in _act_agents(tree, si, pred, index) if t not in sources]
    if not targets and not args.target_group and _answers_the_other_side(tree, trigger, pred, type_):
        # `палестинцы отказываются от переговоров` in a story of two sides: aimed at the other one
        other = index.memory.counterpart(_unique(sources), si, main=type_ == EventType.REJECT)
        targets += [other] if other else []
    targets += _hosts(tree, si, trigger, pred, index)
    if type_ == EventType.CONSULT and not _own_meeting(si, _unique(sources), targets, index):
        targets += _summit_hosts(tree, si, trigger, pred, index)
    args.sources = _unique(sources)
    args.targets = [t for t in _unique(targets) if t not in args.sources]
    return args


def _earlier_captors(si: int, held: list[str], index: ActorIndex) -> list[str]:
    """`Смилянец был экстрадирован в США` after `при аресте Смилянца в 2012 году в Нидерландах`: an
    agentless extradition or release of a named person is done by the state the story said arrested
    him, the state of that arrest's place (the nearest such sentence before)."""
    from .triggers import lexicon

    people = [h for h in held if not _looks_coded(h)]
    if not people:
        return []
    for at in range(si - 1, -1, -1):
        tree = index.tree(at)
        for v, token in enumerate(tree.tokens):
            entries = lexicon().get(token.lemma.lower(), ())
            if not any(e.type == EventType.COERCE and not e.requires for e in entries):
                continue
            whom = [
                c
                for c in tree.kids(v)
                if tree.tokens[c].rel in ("obj", "nsubj:pass")
                or (
                    tree.tokens[c].rel == "nmod" and not tree.case(c) and tree.tokens[c].feat("Case") == "Gen"
                )
            ]
            named = {
                n for c in whom for n in decide(collect(tree, at, c, index, personal=True, held=True), index)
            }
            if not named & set(people):
                continue
            places = [
                a.value
                for c in tree.kids(v, "obl", "nmod")
                if (a := index.at(at, c)) is not None
                and a.kind == "country"
                and not a.adjective
                and tree.case(c) in LOCATIVE_CASES
                and tree.tokens[c].feat("Case") == "Loc"
            ]
            if not places:  # `ищет нарушения при аресте … в Нидерландах`: the place hung elsewhere
                located = located_state(index, at)
                places = [located] if located else []
            if places:
                return _unique(places)
    return []


def _behest_doers(tree: Tree, si: int, trigger: int, index: ActorIndex) -> list[str]:
    """`по запросу ФБР в Испании был задержан`: a request noun that is a circumstance of an agentless
    detention, sentence or release was made to the state that did it, the state it is done in."""
    from .triggers import lexicon

    h = tree.head(trigger)
    if h < 0 or not tree.tokens[trigger].rel.startswith("obl") or tree.tokens[trigger].pos != "NOUN":
        return []
    verb = tree.tokens[h]
    if verb.feat("Voice") != "Pass" or any(tree.tokens[c].rel == "obl:agent" for c in tree.kids(h)):
        return []
    if not any(e.type in HELD_TYPES and not e.requires for e in lexicon().get(verb.lemma.lower(), ())):
        return []
    out: list[str] = []
    # the state or city it is done in (`в Бангкоке`), or a parser's `запросу … в Испании`
    for c in [*tree.kids(h, "obl"), *tree.kids(trigger, "nmod")]:
        actor = index.at(si, c)
        if actor is None or actor.adjective or actor.kind not in ("country", "city"):
            continue
        if tree.case(c) in LOCATIVE_CASES and tree.tokens[c].feat("Case") == "Loc":
            state = actor.value if actor.kind == "country" else actor.country
            out += [state] if state and state not in out else []
    return out


def _asks_release(tree: Tree, trigger: int, pred: int) -> bool:
    """Whether a demand asks for someone's release or pardon (`просит выпустить ее`, `прошение об
    освобождении`): a release word among the demand's own dependents."""
    near = {*tree.kids(trigger), *tree.kids(pred)}
    return any(
        tree.tokens[j].lemma.lower() in RELEASE_WORDS
        for j in near
        if tree.tokens[j].rel in ("xcomp", "obj", "nmod", "obl", "ccomp")
    )


def _answers_the_other_side(tree: Tree, trigger: int, pred: int, type_: EventType) -> bool:
    """A demand, or a refusal (`отказались от переговоров`) that denies no claim: aimed at someone even
    when its sentence names no one, so at the document's other side (Memory.counterpart)."""
    if type_ == EventType.REQUEST:
        return True
    words = actor_words()
    if type_ != EventType.REJECT or words.get(tree.tokens[trigger].lemma.lower()) != "refusal":
        return False
    return _refused_joint(tree, trigger) and not _denial(tree, trigger, pred)


def _refused_joint(tree: Tree, trigger: int) -> bool:
    """Whether a refusal's object is something between two sides (`отказались от переговоров`,
    `мораторий на выплату`, `отказ пойти на это`), not a side's own course (`отказалась от
    ядерной программы`)."""
    words = actor_words()
    layer, seen = [trigger], {trigger}
    for _ in range(JOINT_DEPTH):
        layer = [c for j in layer for c in tree.kids(j) if c not in seen]
        seen.update(layer)
        if any(words.get(tree.tokens[c].lemma.lower()) in JOINT_KINDS for c in layer):
            return True
    return False


def _denial(tree: Tree, trigger: int, pred: int) -> bool:
    """Whether a rejection denies a claim (`отрицает причастность`, `опроверг сообщения`): it answers
    only an accuser the text names, not the document's other side."""
    words = actor_words()
    near = {trigger, pred, *tree.kids(trigger), *tree.kids(pred)}
    return any(words.get(tree.tokens[j].lemma.lower()) in ("denial", "charge") for j in near)


def _charge_denied(tree: Tree, trigger: int, pred: int, accused: bool = False) -> bool:
    """Whether a denial rejects a charge (`отверг обвинения`, `отрицает свою причастность`), not a report;
    `accused`: a charge someone brought, not a responsibility one may claim (`не берёт на себя
    ответственность` за теракт answers no accuser)."""
    words = actor_words()
    near = {trigger, pred, *tree.kids(trigger), *tree.kids(pred)}
    return any(
        words.get(lemma := tree.tokens[j].lemma.lower()) == "charge"
        and not (accused and lemma in CLAIMED_CHARGES)
        for j in near
    )


def _clause_state(tree: Tree, si: int, pred: int, trigger: int, index: ActorIndex) -> str | None:
    """The one state where the clause happens, from its `в`/`во` place in the locative (`разогнала
    акцию в Минске` → BLR): an unnamed police or army acting there is that state's."""
    table = index.by_sentence[si]
    states: set[str] = set()
    heads = {pred, trigger, *tree.kids(pred, "obj")}  # `разогнала [акцию в Минске]`
    for h in heads:
        for c in tree.kids(h):
            if not tree.tokens[c].rel.startswith(("obl", "nmod")) or tree.case(c) not in LOCATIVE_CASES:
                continue
            if tree.tokens[c].feat("Case") != "Loc":
                continue
            actor = table.get(c)
            if actor is not None and actor.is_place and actor.kind != "region":
                state = actor.country or (actor.value if actor.kind == "country" else None)
                if state:
                    states.add(state)
    return next(iter(states)) if len(states) == 1 else None


def _trial_over(tree: Tree, trigger: int) -> bool:
    """`процесс над Мубараком`, `суд над Иваном Петровым`: a trial noun with the defendant in its `над` phrase."""
    return tree.tokens[trigger].pos == "NOUN" and any(
        tree.case(c) in TRIAL_CASES for c in tree.kids(trigger, "nmod")
    )


def _unnamed_plural(tree: Tree, verb: int) -> bool:
    """A finite plural verb with no subject anywhere (`его обвиняют`, `ей предъявили обвинение`): the
    indefinite-personal form, an act of unnamed authorities."""
    return tree.tokens[verb].feat("VerbForm") == "Fin" and _subjectless_plural(tree, verb)


def _indefinite_personal(tree: Tree, subject: int, verb: int) -> bool:
    """A subjectless plural verb (`отпустили`, `задержали`) joined to a clause whose subject is singular:
    the indefinite-personal form of an act by unnamed authorities, not that subject's act."""
    return tree.tokens[subject].feat("Number") == "Sing" and _subjectless_plural(tree, verb)


def _subjectless_plural(tree: Tree, verb: int) -> bool:
    """A plural verb, so tagged and so ending (the tagger may call `разогнало` plural), with no subject
    of its own: the shape of the indefinite-personal form (`отпустили`, `обвиняют`)."""
    token = tree.tokens[verb]
    return token.pos == "VERB" and _plural_verb(token) and not tree.kids(verb, "nsubj", "nsubj:pass")


def _plural_verb(token: Token) -> bool:
    """Plural by its tag and by its ending alike (the tagger may call `разогнало` plural)."""
    return token.feat("Number") == "Plur" and token.text.lower().endswith(PLURAL_VERB_ENDINGS)


def _object_read_as_subject(tree: Tree, subj: int) -> bool:
    """Whether a parser's `nsubj` is an object: tagged accusative or genitive, with no nominative reading
    at all (`студента`, not `власти`), and its verb a subjectless-looking plural it does not agree with."""
    token, verb = tree.tokens[subj], tree.head(subj)
    if token.rel != "nsubj" or token.pos != "NOUN" or token.feat("Case") not in ("Acc", "Gen") or verb < 0:
        return False
    if any(case == "nomn" for case, _ in case_readings(token.text)):
        return False
    return _disagrees(tree, subj, verb) and _plural_verb(tree.tokens[verb])


def _disagrees(tree: Tree, noun: int, verb: int) -> bool:
    """Whether a noun and a finite verb differ in number (so the noun is not the verb's subject)."""
    a, b = tree.tokens[noun].feat("Number"), tree.tokens[verb].feat("Number")
    return tree.tokens[verb].pos in ("VERB", "AUX") and a is not None and b is not None and a != b


def _purpose(tree: Tree, si: int, c: int, index: ActorIndex) -> bool:
    """`встречаются для обсуждения вопроса о … российском газе`: a `для` phrase headed by a thing, not
    an actor or a person, states a purpose; nobody in it is the one acted upon."""
    token = tree.tokens[c]
    return (
        tree.case(c) == "для"
        and index.at(si, c) is None
        and token.pos == "NOUN"
        and token.feat("Animacy") != "Anim"
        and actor_words().get(token.lemma.lower()) is None
    )


def _fight_partner(tree: Tree, si: int, pred: int, index: ActorIndex) -> list[str]:
    """`был убит в перестрелке с полицией`: an agentless passive killing in a fight (an assault word of
    the trigger lexicon) was done by the side the fight was with."""
    from .triggers import lexicon

    out: list[str] = []
    for c in tree.kids(pred, "obl"):
        entries = lexicon().get(tree.tokens[c].lemma.lower(), ())
        if tree.case(c) not in LOCATIVE_CASES or not any(e.type == EventType.ASSAULT for e in entries):
            continue
        for n in tree.kids(c, "nmod"):
            if tree.case(n) in WITH_CASES:
                out += decide(collect(tree, si, n, index), index)
    return out


def _entered_states(tree: Tree, si: int, noun: int, index: ActorIndex) -> list[str]:
    """The state an entry noun goes into (`въезд в Россию`, `въезд на территорию ЕС`), else []."""
    if noun < 0 or actor_words().get(tree.tokens[noun].lemma.lower()) != "entry":
        return []
    out: list[str] = []
    for k in tree.kids(noun, "nmod"):
        if tree.case(k) not in ("в", "во", "на") or tree.tokens[k].feat("Case") != "Acc":
            continue
        for j in [k, *tree.kids(k, "nmod")]:  # `на территорию ЕС`
            actor = index.at(si, j)
            if actor is not None and actor.kind in ("country", "igo") and not actor.adjective:
                out.append(actor.value)
    return out


def _held_in(tree: Tree, si: int, pred: int, index: ActorIndex) -> list[str]:
    """`был задержан в Турции`, `осужден в России`: an agentless passive detention, sentence or release
    done in a state (locative, not a destination `в Нидерланды`) is that state's act."""
    out: list[str] = []
    for c in tree.kids(pred, "obl"):
        actor = index.at(si, c)
        if (
            actor is not None
            and actor.kind == "country"
            and not actor.adjective
            and tree.case(c) in LOCATIVE_CASES
            and tree.tokens[c].feat("Case") == "Loc"
        ):
            out.append(actor.value)
    return out


def _bodies_at_work(tree: Tree, si: int, pred: int, index: ActorIndex) -> list[str]:
    """`когда итальянские и ливийские пограничники начали патрулирование, было поймано 1000
    мигрантов`: an agentless passive detention is done by the state bodies (police, border guards)
    that are the subject of another clause of the same sentence, each state of their adjectives."""
    out: list[str] = []
    own = set(tree.subtree(pred))
    for j, token in enumerate(tree.tokens):
        if token.rel != "nsubj" or j in own or actor_words().get(token.lemma.lower()) != "body":
            continue
        found = collect(tree, si, j, index)
        codes = [a.value for a in found.actors if a.kind == "country" and a.adjective]
        if codes and len(codes) == len(found.actors) and not found.resolved:
            out += [c for c in codes if c not in out]
    return out


def _complement_objects(
    tree: Tree, si: int, pred: int, index: ActorIndex, trigger: int = -1, type_: EventType | None = None
) -> list[str]:
    """The actors a promised, demanded or threatened act is done to: objects of the speech verb's
    infinitive (`обещает не оставлять руководство Афганистана` → AFG) and its `по`/`против`/`в`
    phrases that name an actor (`пригрозил нанести удар по Израилю`)."""
    out: list[str] = []
    infinitives = tree.kids(pred, "xcomp")
    if 0 <= trigger != pred:  # `подтвердил готовность Москвы выстраивать диалог с Токио`
        infinitives += tree.kids(trigger, "xcomp", "acl", "nmod")
    for x in dict.fromkeys(infinitives):
        if tree.tokens[x].feat("VerbForm") != "Inf":
            continue
        heads = [c for c in tree.kids(x) if tree.tokens[c].rel in ("obj", "iobj")]
        if type_ == EventType.AGREE:  # `готов выстраивать диалог с Токио`: the partner offered to
            heads += [
                n
                for h in heads
                if _activity(tree, si, h, index)
                for n in tree.kids(h, "nmod")
                if tree.case(n) in WITH_CASES
            ]
        heads += [c for c in tree.kids(x, "obl") if tree.case(c) in AIM_CASES]
        heads += [  # `пригрозила нанести удар по США`: the aim of the act's noun
            n for h in list(heads) for n in tree.kids(h, "nmod") if tree.case(n) in AIM_CASES
        ]
        for h in heads:
            found = collect(tree, si, h, index, personal=True)
            out += decide(found, index)
    if not out:
        out += _demanded_agents(tree, si, pred, index)
    return out


def _demanded_agents(tree: Tree, si: int, pred: int, index: ActorIndex) -> list[str]:
    """`потребовала, чтобы США экстрадировали Гюлена` → USA: with no addressee named, the one
    asked to do the demanded act is the subject of its `чтобы` clause."""
    out: list[str] = []
    for x in tree.kids(pred, "ccomp", "advcl"):
        if not any(tree.tokens[c].lemma.lower() == "чтобы" for c in tree.kids(x, "mark")):
            continue
        subj, passive = _subject(tree, x)
        if subj >= 0 and not passive and tree.head(subj) == x:
            out += decide(collect(tree, si, subj, index), index)
    if not out:  # `настаивает на выводе российских войск`: the state whose forces are to act
        out += _demanded_forces(tree, si, pred, index)
    return out


def _demanded_forces(tree: Tree, si: int, pred: int, index: ActorIndex) -> list[str]:
    """The state of the forces (data/roles.tsv `forces`) that a demanded act noun names as its own."""
    from ..gazetteer import get_gazetteer

    gaz = get_gazetteer()
    out: list[str] = []
    for act in [*tree.kids(pred, "obl", "obj"), *tree.kids(pred, "nmod")]:
        if tree.tokens[act].pos != "NOUN":
            continue
        for force in tree.kids(act, "nmod"):
            if tree.case(force) or not gaz.is_role(tree.tokens[force].lemma, ("forces",)):
                continue
            out += [code for code in decide(collect(tree, si, force, index), index) if _looks_coded(code)]
    return out


def _rejected_authors(tree: Tree, si: int, trigger: int, pred: int, index: ActorIndex) -> list[str]:
    """Whose accusation, demand or proposal a refusal rejects (EVENTS.md: REJECT target = the accuser
    when the text names one): the owner of the rejected noun (`отверг обвинения оппозиции`,
    `отклонил предложение Москвы`, `отказ от американского плана`), else the subject of an accusation
    clause hanging from it (`причастность, в которой его обвиняют власти Турции`)."""
    from .triggers import lexicon

    nouns = [c for c in tree.kids(pred, "obj") if tree.tokens[c].pos == "NOUN"]
    nouns += [c for c in tree.kids(pred, "obl") if tree.case(c) == "от" and tree.tokens[c].pos == "NOUN"]
    if tree.tokens[trigger].pos == "NOUN":
        nouns += [c for c in tree.kids(trigger, "nmod") if tree.case(c) == "от"]
    for act in tree.kids(pred, "xcomp"):  # `не намерена отвечать на ультиматум Вашингтона`: a demand or
        nouns += [  # proposal the refused act answers
            c
            for c in tree.kids(act, "obj", "obl")
            if tree.tokens[c].pos == "NOUN"
            and (
                actor_words().get(tree.tokens[c].lemma.lower()) == "joint"
                or any(e.type in ANSWERED_TYPES for e in lexicon().get(tree.tokens[c].lemma.lower(), ()))
            )
        ]
    out: list[str] = []
    for noun in nouns:
        for c in tree.kids(noun):
            token = tree.tokens[c]
            owner = token.rel == "amod" or (
                token.rel == "nmod" and not tree.case(c) and token.feat("Case") == "Gen"
            )
            if owner:
                out += decide(collect(tree, si, c, index), index)
            elif token.rel.startswith("acl") and token.feat("Voice") == "Pass":
                for agent in _participle_agents(tree, c):  # `отвергло предложенную США сделку`
                    out += decide(collect(tree, si, agent, index), index)
        clauses = [k for j in tree.subtree(noun) for k in tree.kids(j, "acl:relcl", "acl")]
        for clause in dict.fromkeys(clauses):
            entries = lexicon().get(tree.tokens[clause].lemma.lower(), ())
            if any(e.type == EventType.ACCUSE for e in entries):
                subj, passive = _subject(tree, clause)
                if subj >= 0 and not passive:
                    out += decide(collect(tree, si, subj, index), index)
    return out


def _to_court_of_states(tree: Tree, si: int, trigger: int, pred: int, index: ActorIndex) -> bool:
    """Whether a complaint goes `в ЕСПЧ`, a court that hears complaints only against states
    (data/event_actors.tsv `states_court`)."""
    words = actor_words()
    near = [trigger, pred, *tree.kids(pred, "obj"), *tree.kids(trigger, "obj")]
    for c in {k for n in near for k in tree.kids(n, "obl", "nmod")}:
        actor = index.at(si, c)
        if (
            tree.case(c) in LOCATIVE_CASES
            and actor is not None
            and words.get(actor.value.lower()) == "states_court"
        ):
            return True
    return False


def _earlier_accusers(si: int, accused: list[str], index: ActorIndex) -> list[str]:
    """`Индия обвинила Пакистан в поддержке боевиков. Пакистан отверг обвинения.`: a denial that names no
    accuser answers the one who accused the denier in the sentences just before (EVENTS.md Denials)."""
    from .coref import PRONOUN_REACH
    from .triggers import lexicon

    if not accused:
        return []
    for at in range(si - 1, max(-1, si - PRONOUN_REACH - 1), -1):
        other = index.tree(at)
        for v, verb in enumerate(other.tokens):
            entries = lexicon().get(verb.lemma.lower(), ())
            if verb.pos != "VERB" or not any(e.type == EventType.ACCUSE for e in entries):
                continue
            subj, passive = _subject(other, v)
            objects = other.kids(v, "obj")
            if subj < 0 or passive or not objects:
                continue
            whom = [t for c in objects for t in decide(collect(other, at, c, index), index)]
            if set(accused) & set(whom):
                return decide(collect(other, at, subj, index), index)
    return []


def _summoning_body(tree: Tree, si: int, pred: int, index: ActorIndex) -> list[str]:
    """`посол был вызван в МИД России`, `ноту вручили послу Польши в МИД Белоруссии`: the state whose
    ministry an envoy is summoned to protests (EVENTS.md: a summons is ACCUSE by the host)."""
    if actor_words().get(tree.tokens[pred].lemma.lower()) != "summon":
        return []  # `жалоба направлена в МИД России`: a complaint sent there is aimed at that state
    places = tree.kids(pred, "obl")
    places += [n for c in tree.kids(pred, "obj", "iobj", "nsubj:pass") for n in tree.kids(c, "nmod")]
    out: list[str] = []
    for c in places:
        if tree.case(c) not in LOCATIVE_CASES or actor_words().get(tree.tokens[c].lemma.lower()) not in (
            "role",
            "body",
        ):
            continue
        out += [code for code in decide(collect(tree, si, c, index), index) if _looks_coded(code)]
    return out


def _banned_objects(tree: Tree, si: int, pred: int, index: ActorIndex) -> list[str]:
    """`суд не разрешил транслировать обращение Эрдогана`, `запретил продавать газ «Нафтогазу»`: the
    actors named in what a ban stops (the objects of its infinitive) are whom it is aimed at."""
    from .mentions import words_of
    from .triggers import is_negated

    lemma = tree.tokens[pred].lemma.lower()
    refused_leave = actor_words().get(lemma) == "permit" and is_negated(tree, pred)
    if lemma not in words_of("ban") and not refused_leave:
        return []  # only a ban (`запретил`, `не разрешил`) stops what its infinitive names
    out: list[str] = []
    for x in tree.kids(pred, "xcomp"):
        if tree.tokens[x].feat("VerbForm") == "Inf":
            for c in tree.kids(x, "obj", "iobj"):
                out += decide(collect(tree, si, c, index), index)
    return out


def _refused_recipients(tree: Tree, si: int, pred: int, index: ActorIndex) -> list[str]:
    """`отказалось выдать США основателя WikiLeaks`, `отказал Киеву в кредите`: the one a refused act
    would have been done for (its dative) asked for it, so the refusal is aimed at them."""
    out: list[str] = []
    for verb in [pred, *(x for x in tree.kids(pred, "xcomp") if tree.tokens[x].feat("VerbForm") == "Inf")]:
        for c in tree.kids(verb, "iobj", "obl"):
            if not tree.case(c) and tree.tokens[c].feat("Case") == "Dat":
                out += decide(collect(tree, si, c, index), index)
    return out


def _activity(tree: Tree, si: int, noun: int, index: ActorIndex) -> bool:
    """`выстраивать диалог с Токио`: an object that is a thing done (no actor, role or person in it
    but its `с` phrase), whose `с` phrase is then the partner; not `оставлять руководство Афганистана
    один на один с Талибаном`."""
    token = tree.tokens[noun]
    if token.pos != "NOUN" or token.feat("Animacy") == "Anim" or is_role(token.lemma.lower()):
        return False
    own = [j for c in tree.kids(noun) if tree.case(c) not in WITH_CASES for j in tree.subtree(c)]
    return index.at(si, noun) is None and not any(index.at(si, j) is not None for j in own)


def _recalled_from(tree: Tree, si: int, pred: int, index: ActorIndex) -> list[str]:
    """`отозвал из России посла`, `вывезли из Ливии дипломатов`: a sanction that takes people out of a
    state is aimed at that state."""
    out: list[str] = []
    heads = tree.kids(pred, "obl")
    for noun in tree.kids(pred, "obj"):  # `запретила ввоз овощей из Молдавии`: the origin of an import
        if actor_words().get(tree.tokens[noun].lemma.lower()) == "import":
            heads += tree.kids(noun, "nmod")
    for x in tree.kids(pred, "xcomp"):  # `запретил ввозить овощи из Молдавии`: an import verb's origin
        if actor_words().get(tree.tokens[x].lemma.lower()) == "import":
            heads += tree.kids(x, "obl") + [n for o in tree.kids(x, "obj") for n in tree.kids(o, "nmod")]
    for c in heads:
        actor = index.at(si, c)
        if tree.case(c) != "из" or actor is None or actor.adjective:
            continue
        if actor.kind == "country":
            out.append(actor.value)
        elif actor.kind == "city" and actor.country:  # `посол был отозван из Минска`: the capital's state
            out.append(actor.country)
    return out


def _left_bodies(tree: Tree, si: int, trigger: int, pred: int, index: ActorIndex) -> list[str]:
    """`выход России из Международного уголовного суда`, `вышла из ОПЕК`: a refusal that leaves an
    organization is aimed at it; the `из` phrase names no place then."""
    out: list[str] = []
    for j in dict.fromkeys([trigger, pred]):
        for c in tree.kids(j, "obl", "nmod"):
            actor = index.at(si, c)
            if tree.case(c) == "из" and actor is not None and actor.kind in ("igo", "org"):
                out.append(actor.value)
    return out


def _anaphoric_demand(tree: Tree, si: int, trigger: int, pred: int, index: ActorIndex) -> list[str]:
    """`потребовали выдать его США, но Путин в этом отказал`, `Израиль и США отвергают подобный шаг`: a
    refusal of an act told before (a demonstrative object, data/event_actors.tsv `anaphor`, not `то, что
    …`) is aimed at the one who last asked, proposed or decided it, in this sentence before the refusal
    or in the two before it."""
    from .triggers import lexicon

    heads = [trigger, pred, *tree.kids(trigger, "xcomp", "acl")]  # `отказ Израиля пойти на это`
    words = [c for j in dict.fromkeys(heads) for c in tree.kids(j, "obj", "obl", "nmod")]
    before = trigger - 1  # `в этом отказал`: a pronoun right before the verb, however it is attached
    if tree.inside(before) and tree.tokens[before].pos == "PRON":
        words.append(before)
    anaphoric = any(
        (actor_words().get(tree.tokens[c].lemma.lower()) == "anaphor" and not tree.kids(c, "acl", "ccomp"))
        or any(
            actor_words().get(tree.tokens[d].lemma.lower()) == "anaphor" for d in tree.kids(c, "det", "amod")
        )
        for c in words
    )
    if not anaphoric:
        return []
    sentences = index.article.sentences
    for at in range(si, max(-1, si - 3), -1):
        tokens = sentences[at].tokens
        other = tree if at == si else index.tree(at)
        for v in range(trigger - 1, tree.lo - 1, -1) if at == si else range(len(tokens) - 1, -1, -1):
            entries = lexicon().get(tokens[v].lemma.lower(), ())
            asked = [e.type for e in entries if e.type in ASKED_TYPES and e.mode == "pos" and not e.requires]
            if asked:
                found = find_arguments(other, at, v, asked[0], index).sources
                if found:
                    return found
    return []


def _refusers(tree: Tree, si: int, trigger: int, pred: int, index: ActorIndex) -> list[str]:
    """`Израиль потребовал выдать их, однако Египет отказался`: a demand that a later clause of its
    sentence, opposed to it by `но`/`однако` (data/event_actors.tsv `contrast`), refuses was aimed at
    the refuser, the own subject of that clause."""
    from .triggers import is_negated, lexicon

    for v in range(max(trigger, pred) + 1, tree.hi):
        entries = lexicon().get(tree.tokens[v].lemma.lower(), ())
        if tree.tokens[v].pos != "VERB" or not any(
            e.type == EventType.REJECT and e.mode == "pos" and not e.requires for e in entries
        ):
            continue
        if is_negated(tree, v):  # `но Египет не отказал`: no refusal
            return []
        opposed = [
            c
            for c in range(max(trigger, pred) + 1, v)
            if actor_words().get(tree.tokens[c].lemma.lower()) == "contrast"
        ]
        if not opposed:
            continue
        # the refusal's own subject; parsers often hang it on a later verb, so any subject between the
        # conjunction and the refusal
        subjects = tree.kids(v, "nsubj") or [
            j for j in range(opposed[-1] + 1, v) if tree.tokens[j].rel == "nsubj"
        ]
        out: list[str] = []
        for c in subjects:
            out += decide(collect(tree, si, c, index), index)
        return out
    return []


def _stated_subjects(tree: Tree, si: int, pred: int, index: ActorIndex) -> list[str]:
    """Whom a complaint or accusation stated as a clause blames: the subject of its `что`-clause."""
    out: list[str] = []
    for x in tree.kids(pred, "ccomp"):
        subj, passive = _subject(tree, x)
        if subj >= 0 and not passive:
            out += decide(collect(tree, si, subj, index), index)
    return out


def _shared_objects(tree: Tree, si: int, pred: int, index: ActorIndex) -> list[str]:
    """`суд признал Навального виновным и арестовал на 10 суток`: a verb coordinated with another and
    with no object of its own acts on the first verb's object."""
    if tree.tokens[pred].rel != "conj" or tree.tokens[pred].pos != "VERB":
        return []
    own = [j for c in tree.kids(pred, "obj", "iobj") for j in tree.subtree(c)]
    if any(index.at(si, j) is not None or tree.tokens[j].pos == "PRON" for j in own):
        return []  # an object of its own (`ст.` of a misparsed article number is none)
    first = tree.head(pred)
    if first < 0 or tree.tokens[first].pos != "VERB":
        return []
    out: list[str] = []
    for c in tree.kids(first, "obj"):
        out += decide(collect(tree, si, c, index, personal=True), index)
    return out


def _act_agents(tree: Tree, si: int, pred: int, index: ActorIndex) -> list[str]:
    """The agent of an act named by an action noun with no actor of its own (`осудила задержания`,
    `заявил, что задержание участников неправомерно`): the subject of the verb of the same stem that
    tells the act in this sentence or the nearest one of up to three sentences around it (`Полиция
    Грузии задержала …` → GEO)."""
    from .coref import PRONOUN_REACH
    from .triggers import lexicon

    nouns = list(tree.kids(pred, "obj"))
    for x in tree.kids(pred, "ccomp"):
        nouns += tree.kids(x, "nsubj")
    sentences = index.article.sentences
    for c in nouns:
        noun = tree.tokens[c]
        if noun.pos != "NOUN" or any(index.at(si, j) is not None for j in tree.subtree(c)):
            continue
        lemma = noun.lemma.lower().replace("ё", "е")
        order = [si] + [k for d in range(1, PRONOUN_REACH + 1) for k in (si - d, si + d)]
        for at in [k for k in order if 0 <= k < len(sentences)]:
            tokens = sentences[at].tokens
            other = index.tree(at)
            for v in range(len(tokens) - 1, -1, -1):
                verb = tokens[v]
                if verb.pos != "VERB" or (at == si and v >= c) or not _same_stem(lemma, verb.lemma.lower()):
                    continue
                subj, passive = _subject(other, v)
                if subj >= 0 and not passive:
                    found = decide(collect(other, at, subj, index), index)
                    if found:
                        return found
    for c in nouns:  # `заявил, что задержание участников неправомерно`: detentions told nowhere else
        entries = lexicon().get(tree.tokens[c].lemma.lower(), ())  # are the state's (EVENTS.md Actors)
        if any(e.type in HELD_TYPES for e in entries) and not any(index.at(si, j) for j in tree.subtree(c)):
            state = acting_state(index, si, None, index.memory.home)
            return [state] if state else []
    return []


def _same_stem(noun: str, verb: str) -> bool:
    """`задержание` / `задержать`, `арест` / `арестовать`: an action noun and its verb."""
    common = 0
    for a, b in zip(noun, verb.replace("ё", "е"), strict=False):
        if a != b:
            break
        common += 1
    return common >= ACT_STEM and common >= min(len(noun), len(verb)) - 4


def _against(tree: Tree, trigger: int) -> list[int]:
    """`протест против визита российского министра`: the phrase right after a trigger that opens with
    `против` is what the act is directed at, however the parser attached it; an act named there stands
    for its agent (its adjective or genitive: `российского министра` → RUS)."""
    at = trigger + 1
    while tree.inside(at) and tree.tokens[at].pos == "ADJ":
        at += 1
    if not tree.inside(at) or tree.tokens[at].lemma.lower() != "против":
        return []
    h = tree.head(at)
    return [h] if h >= 0 and h != trigger and tree.tokens[h].pos in ("NOUN", "PROPN") else []


def _own_agent(tree: Tree, noun: int) -> bool:
    """Whether an act noun names its own doer in a bare genitive name (`санкции Запада`, `действия Израиля`)."""
    return any(
        not tree.case(c) and tree.tokens[c].feat("Case") == "Gen" and tree.tokens[c].pos == "PROPN"
        for c in tree.kids(noun, "nmod")
    )


def _nested_against(tree: Tree, noun: int) -> list[int]:
    """`против` phrases of the object noun or of the noun its `на`/genitive phrase names (`право на
    меры против Белоруссии`, `введение санкций против Ирана`): whom the measures aim at."""
    out = []
    for k in [noun, *tree.kids(noun, "nmod")]:
        out += [c for c in tree.kids(k, "nmod") if tree.case(c) == "против" and c not in out]
    return out


def _hosts(tree: Tree, si: int, trigger: int, pred: int, index: ActorIndex) -> list[str]:
    """The state a visit goes to is its host (EVENTS.md: visitor = source, host = target):
    `прибыл в Пакистан`, `посетил Белград`, `визит в Москву министра Японии`."""
    if actor_words().get(tree.tokens[trigger].lemma.lower()) != "visit":
        return []
    table = index.by_sentence[si]
    out = []
    for c in {*tree.kids(trigger), *tree.kids(pred)}:
        rel, case = tree.tokens[c].rel, tree.case(c)
        if not (rel == "obj" or (rel in ("obl", "nmod") and case in ("в", "во", "на"))):
            continue
        actor = table.get(c)
        if actor is not None and actor.kind in ("city", "place", "country") and actor.country:
            out.append(actor.country)
    nxt = pred + 1  # `который посетил Белград заявил`: a place right after the verb, however parsed
    actor = table.get(nxt) if tree.inside(nxt) and tree.tokens[pred].pos == "VERB" else None
    if (
        not out
        and actor is not None
        and actor.is_place
        and actor.country
        and tree.tokens[nxt].feat("Case") == "Acc"
    ):
        out.append(actor.country)
    return out


def _own_meeting(si: int, sources: list[str], targets: list[str], index: ActorIndex) -> bool:
    """`министры ЕС на совещании в Люксембурге`: a meeting of one international organization's own
    members, with no one else, is held somewhere but hosted by no one: its venue state is a place."""
    igos = {a.value for a in index.by_sentence[si].values() if a.kind == "igo"}
    return bool(sources) and not targets and set(sources) <= igos


def _summit_hosts(tree: Tree, si: int, trigger: int, pred: int, index: ActorIndex) -> list[str]:
    """`отказался от участия в саммите в США`, `представлять на саммите`: the state a summit the meeting
    is held at takes place in hosts it (EVENTS.md: host = target); a summit with no venue in the sentence
    is the one the document places in a state. A venue city says nothing (`саммит НАТО в Лиссабоне`)."""
    words = [
        w
        for w in range(tree.lo, tree.hi)
        if actor_words().get(tree.tokens[w].lemma.lower()) == "summit"
        and (w in (trigger, pred) or {trigger, pred} & set(tree.ancestors(w, SUMMIT_RELS, 2)))
    ]
    for w in words:
        venue = summit_venue(tree, si, w, index)
        if venue:
            return [venue]
    return [index.memory.summit_host] if words and index.memory.summit_host else []


def summit_venue(tree: Tree, si: int, word: int, index: ActorIndex) -> str | None:
    """The state named as the place of the summit word at `word` (`саммите в США`), else None."""
    for c in tree.kids(word, "nmod", "obl"):
        actor = index.at(si, c)
        if (
            tree.case(c) in LOCATIVE_CASES
            and actor is not None
            and actor.kind == "country"
            and not actor.adjective
        ):
            return actor.value
    return None


def _agreement_partner(tree: Tree, si: int, pred: int, index: ActorIndex) -> list[str]:
    """`договоренность с Россией вернуть украинцев`: an act done to someone that an agreement with a
    partner provides for is the partner's to do. The agreement is the act's head or the nearest word
    before it with no verb between (parsers hang the act on the verb above, or on nothing)."""
    h = tree.head(pred)
    words = [h] if 0 <= h != pred else []
    for k in range(pred - 1, max(tree.lo, pred - AGREEMENT_REACH) - 1, -1):
        if (
            tree.tokens[k].pos in ("VERB", "AUX")
            and actor_words().get(tree.tokens[k].lemma.lower()) != "agreement"
        ):
            break
        words.append(k)
    for w in dict.fromkeys(words):
        if actor_words().get(tree.tokens[w].lemma.lower()) != "agreement":
            continue
        for c in tree.kids(w, "obl", "nmod"):
            if tree.case(c) in WITH_CASES:
                partner = decide(collect(tree, si, c, index), index)
                if partner:
                    return partner
    return []


def _nonfinite(tree: Tree, trigger: int) -> bool:
    """Action nouns, infinitives and participles take their agent from the clause above."""
    token = tree.tokens[trigger]
    return token.pos == "NOUN" or token.feat("VerbForm") in ("Inf", "Part")


def _governing_subject(tree: Tree, si: int, pred: int, type_: EventType, index: ActorIndex) -> Found:
    """An action noun with no agent of its own is done by the subject of the clause it sits in
    (`законодатели выразили намерение сформировать комиссию для расследования` → законодатели);
    a reported statement's speaker only for speech-like acts, not for what was done to someone."""
    rels = {"obj", "obl", "nmod", "xcomp", "acl", "nsubj", "nsubj:pass", "iobj"}
    if type_ not in PATIENT_NOUN_TYPES:
        rels |= {"ccomp"}
    j = pred
    for _ in range(5):
        if tree.tokens[j].rel not in rels:
            break
        h = tree.head(j)
        if h < 0:
            break
        j = h
        if tree.tokens[j].pos in ("NOUN", "PROPN") and actor_words().get(tree.tokens[j].lemma.lower()) in (
            "group",
            "person",
            "member",
        ):
            return Found()  # `задержала участников акции протеста`: the act is those people's
        if tree.tokens[j].pos in ("VERB", "AUX"):
            subj, passive = _subject(tree, j)
            if subj >= 0 and not passive:
                return collect(tree, si, subj, index) if _agent_like(tree, si, subj, index) else Found()
    return Found()


def _agent_like(tree: Tree, si: int, subj: int, index: ActorIndex) -> bool:
    """Whether a subject can be an act's agent: an actor, a role, body, group or person word, or a
    pronoun, not an act (`причиной беспорядков стало убийство … британца`: the victim is no agent)."""
    token = tree.tokens[subj]
    lemma = token.lemma.lower()
    return (
        index.at(si, subj) is not None
        or token.pos in ("PRON", "PROPN")
        or lemma == "который"
        or actor_words().get(lemma) not in (None, "topic")
        or is_role(lemma)
        or token.feat("Animacy") == "Anim"
    )
