"""Coreference inside one document, for event actors (EVENTS.md "Actors").

Three things a reader resolves without thinking and the extractor must do by rule:
- a person keeps the role the document gives them once: `премьер-министр Японии Наото Кан` makes
  every later `Кан` JPN; `глава ОАО «Газпром» Алексей Миллер` makes `Миллер` Газпром; a former
  official (`экс-премьер`, `бывший министр`) stays a name;
- an office holder whose role phrase gives no state (`Сенатор Джон Керри прибыл в Пакистан`) takes
  the state named as an owner, not a place, nearest to that sentence in its paragraph (`… представителем
  властных структур США`), else the home country;
- a state body named without its state (`власти`, `полиция`, `суд`, `законодатели`) is the state
  the story happens in: the document's home country;
- a description stands for the person the document names with it (`лидер «Братьев-мусульман»` →
  `лидера движения «Братья-мусульмане» Мухаммед Бади`), a company word (`газовый монополист`) for the
  organization named last;
- a personal pronoun (`она`, `его`) or a person word (`политик`) is the most recent person (or,
  for `они`, the most recent plural actor) that agrees with it in gender and number.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from ..datafiles import function_words
from ..normalize import FEMININE_SURNAMES, fold, get_morph, name_forms
from ..record import Article, Token

if TYPE_CHECKING:
    from .actors import Actor, ActorIndex

__all__ = ["Memory", "PERSONAL_PRONOUNS", "kin_surname"]

PERSONAL_PRONOUNS = function_words("personal_pronouns")
COURT_WORDS = tuple(function_words("court_words"))
NAME_RELS = frozenset({"flat", "flat:name", "flat:foreign", "appos"})
# A description set off after a name (`X, представитель МИД Франции,`; `X, исполняющий обязанности
# представителя Госдепартамента США,`): the relations that reach its role word, and how deep.
DESCRIPTION_RELS = frozenset({"appos", "acl"})
DESCRIPTION_PATH_RELS = frozenset({"obj", "nmod", "xcomp", "appos"})
DESCRIPTION_DEPTH = 3
OWNER_RELS = frozenset({"nmod", "appos", "flat", "flat:name"})
# A refusal or demand with no addressee in its sentence is aimed at the document's other side: the
# state or IGO named most after the acting one, at least this often and more than any third party.
COUNTERPART_MENTIONS = 3
PAIR_MENTIONS = 2  # `обе стороны`: each of the story's two main parties is named at least twice
PAIR_REACH = 2  # sentences back to the one naming the two sides of `обе стороны`
COUNTERPART_REACH = 1  # sentences either side of the act that must name the other side
# How far back (in sentences) a pronoun or person word may reach for its antecedent.
PRONOUN_REACH = 3  # 3 sentences: beyond that news text re-names the person
# An unnamed person held or tried is the story's most named private person when named this many
# times as often as the next one of that gender.
PROTAGONIST_LEAD = 2


class Memory:
    """Document-wide facts for actor resolution, computed once per article."""

    def __init__(self, index: ActorIndex) -> None:
        self.index = index
        self.article: Article = index.article
        self.person_codes: dict[str, str] = {}
        self.former: set[str] = set()
        self._present: set[str] | None = None
        self.home = self._home_country()
        self.court = self._international_court()
        self._learn_people()
        self.described = self._learn_descriptions()
        self.noun_people, self.opposition_leaders = self._learn_head_nouns()
        self.opposition_parties = self._learn_opposition_parties()

    # -- people ------------------------------------------------------------------------------
    @cached_property
    def people(self) -> frozenset[str]:
        """The names of all the people the document names."""
        tables = self.index.by_sentence
        return frozenset(a.value for table in tables for a in table.values() if a.kind == "person")

    def _person_mentions(self) -> Iterator[tuple[int, Actor]]:
        """Each naming of a person, in text order, with its sentence (once, though its name spans tokens)."""
        for si, table in enumerate(self.index.by_sentence):
            for actor in {id(a): a for a in table.values() if a.kind == "person"}.values():
                yield si, actor

    @cached_property
    def _agreed_genders(self) -> dict[str, str]:
        """Each person's gender as the text's own agreement shows it (`Магуайр заявила`, `66-летняя
        Магуайр`, `Магуайр, которой`): a foreign first name the dictionary lacks gets its tag from the
        tagger's guess, often wrong, while a past verb, an adjective or `который` agree with the person.
        Kept only when every agreeing word says the same."""
        votes: dict[str, set[str]] = {}
        for si, actor in self._person_mentions():
            tree = self.index.tree(si)
            tokens = tree.tokens
            span = range(actor.start, actor.stop)
            top = next((k for k in span if tree.head(k) not in span), actor.start)
            words = list(tree.kids(top, "amod"))
            if tokens[top].rel == "nsubj" and tree.head(top) >= 0:
                words.append(tree.head(top))
            for clause in tree.kids(top, "acl:relcl"):
                words += [c for c in tree.kids(clause) if tokens[c].lemma.lower() == "который"]
            for w in words:
                if tokens[w].feat("Number") == "Sing" and tokens[w].feat("Gender") in ("Masc", "Fem"):
                    votes.setdefault(actor.value, set()).add(tokens[w].feat("Gender") or "")
        return {value: next(iter(genders)) for value, genders in votes.items() if len(genders) == 1}

    def person_gender(self, name: str, token: Token) -> str | None:
        """A person's gender: the dictionary's for a known first name, else the text's agreement, else
        the tag of the name word."""
        return _person_gender(name, token, self._agreed_genders.get(name))

    def _learn_people(self) -> None:
        """Persons whose role phrase names a state, an IGO or an organization they lead."""
        from ..entities import governing_entity
        from .actors import actor_words

        words = actor_words()
        unplaced: dict[str, int] = {}  # office holders (→ sentence) whose state their phrase does not give
        officers: set[str] = set()  # of them, those of a state body: the home state first
        for si, actor in self._person_mentions():
            tokens = self.article.sentences[si].tokens
            role = self.role_of(si, actor.start)
            if role < 0:
                continue
            if self.is_former(si, role):
                self.former.add(actor.value)
                continue
            if actor.value in self.person_codes:
                continue
            entity = governing_entity(self.article, si, role)
            if entity is not None and entity.code:
                self.person_codes[actor.value] = entity.code
                continue
            org = self._led_org(si, role)
            stated = self._stated_state(si, role, actor.start) if org is None else None
            if org is not None:
                self.person_codes[actor.value] = org
            elif stated is not None:
                self.person_codes[actor.value] = stated
            elif words.get(tokens[role].lemma.lower()) == "office":
                unplaced.setdefault(actor.value, si)
            elif words.get(tokens[role].lemma.lower()) == "body" and (
                tokens[role].feat("Animacy") == "Anim" or tokens[actor.start].head == role
            ):  # `прокурор Андрей Сергеев`, `правительство Романо Проди`: an officer or the head of
                # a state body serves the state the story happens in
                unplaced.setdefault(actor.value, si)
                officers.add(actor.value)
        for value, at in unplaced.items():
            if value not in self.person_codes and value not in self.former:
                if value in officers:
                    state = self.home or self._nearby_state(at)
                else:
                    state = self._nearby_state(at) or self.home
                if state:
                    self.person_codes[value] = state
        self._learn_posts()
        self._learn_holders()

    def _learn_posts(self) -> None:
        """`поздравил Мигеля Диас-Канеля с избранием на пост главы Кубы`: a person elected or appointed
        to a state's post in the story holds it; the person is the nearest one named before the post
        word whose role the text does not give otherwise."""
        from ..entities import governing_entity
        from .actors import actor_words
        from .arguments import is_role

        words = actor_words()
        for si, table in enumerate(self.index.by_sentence):
            tokens = self.article.sentences[si].tokens
            for k, token in enumerate(tokens):
                if words.get(token.lemma.lower()) != "post" or k + 1 >= len(tokens):
                    continue
                if (
                    0 <= token.head < len(tokens)
                    and words.get(tokens[token.head].lemma.lower()) == "candidate"
                ):
                    continue  # `кандидатом на пост главы Франции`: sought, not held
                roles = [r for r in range(k + 1, min(k + 4, len(tokens))) if is_role(tokens[r].lemma.lower())]
                entity = governing_entity(self.article, si, roles[0]) if roles else None
                if entity is None or entity.kind != "country" or not entity.code:
                    continue
                if self.is_former(si, roles[0]) or (
                    k > 0 and words.get(tokens[k - 1].lemma.lower()) == "former"
                ):
                    continue  # `на бывшем посту`: an office left, not held
                people = [
                    a for p, a in sorted(table.items()) if p < k and a.kind == "person" and a.start == p
                ]
                if not people:
                    continue
                person = people[-1].value
                if person not in self.person_codes and person not in self.former:
                    self.person_codes[person] = entity.code

    def _stated_state(self, si: int, role: int, name: int) -> str | None:
        """The one state named between a role word and the name it precedes (`секретарь по вопросам прав
        человека американского министерства иностранных дел Барри Лоуенкрон` → USA), when the parse does
        not link them; none when an organization or the opposition stands there too."""
        from .actors import actor_words

        if not 0 <= role < name:
            return None
        table = self.index.by_sentence[si]
        tokens = self.article.sentences[si].tokens
        states: set[str] = set()
        for k in range(role + 1, name):
            actor = table.get(k)
            if actor is not None and actor.kind in ("org", "igo", "person"):
                return None
            if actor_words().get(tokens[k].lemma.lower()) == "opposition":
                return None
            if actor is not None and actor.kind == "country":
                states.add(actor.value)
        return states.pop() if len(states) == 1 else None

    def _learn_holders(self) -> None:
        """A head of state or government (or foreign minister) the document names with no role, in
        office in the year of the story (data/event_actors.tsv `holder`), acts for the state."""
        from ..entities import in_office, office_holders, story_year

        year = story_year(self.article)
        holders, people = office_holders(), self.people
        for table in self.index.by_sentence:
            for actor in table.values():
                if actor.kind != "person" or actor.value in self.person_codes or actor.value in self.former:
                    continue
                name = fold(actor.value)
                held = _holder(holders, name) if " " in name else _surname_holder(holders, name, year, people)
                if held is not None and in_office(held[1], year):
                    self.person_codes[actor.value] = held[0]

    @cached_property
    def summit_host(self) -> str | None:
        """The one state the document names as a summit's venue (`в ядерном саммите в США`): a later
        `на саммите` with no venue of its own is held there."""
        from .actors import actor_words
        from .arguments import summit_venue

        hosts = set()
        for si, sentence in enumerate(self.article.sentences):
            tree = self.index.tree(si)
            for w, token in enumerate(sentence.tokens):
                if actor_words().get(token.lemma.lower()) == "summit":
                    venue = summit_venue(tree, si, w, self.index)
                    if venue:
                        hosts.add(venue)
        return hosts.pop() if len(hosts) == 1 else None

    def _nearby_state(self, si: int) -> str | None:
        """The state named as an owner (not a place) nearest to sentence `si`: `Сенатор Джон Керри прибыл в
        Пакистан. … стал первым представителем властных структур США` → USA. A visited place is never
        the visitor's state, so `в Пакистан` does not count; the same sentence first, then the next ones
        and the one before, within its paragraph."""
        from .arguments import PLACE_CASES

        sentences = self.article.sentences
        order = [si, si + 1, si - 1, si + 2, si - 2]
        for at in order:
            if not 0 <= at < len(sentences) or self._paragraph_break(min(at, si), max(at, si)):
                continue
            tree = self.index.tree(at)
            for actor in sorted(
                {id(a): a for a in self.index.by_sentence[at].values()}.values(), key=lambda a: a.start
            ):
                if actor.kind != "country" or not actor.value:
                    continue
                if actor.adjective or tree.case(actor.start) not in PLACE_CASES:
                    return actor.value
        return None

    def _paragraph_break(self, first: int, last: int) -> bool:
        """Whether a blank line separates sentences `first` and `last`."""
        sentences = self.article.sentences
        gap = self.article.text[sentences[first].start : sentences[last].start]
        return "\n\n" in gap or "\n \n" in gap

    def _learn_descriptions(self) -> dict[tuple[str, str], str]:
        """(description noun, organization) → the person the document names with them: `лидера движения
        «Братья-мусульмане» Мухаммед Бади` lets a headline's `лидер «Братьев-мусульман»` be Бади."""
        out: dict[tuple[str, str], str] = {}
        for si, actor in self._person_mentions():
            tokens = self.article.sentences[si].tokens
            noun = actor.start - 1
            if noun < 0 or tokens[noun].pos != "NOUN":
                noun = tokens[actor.start].head if tokens[actor.start].rel in NAME_RELS else -1
            for org in self._orgs_before(si, noun, actor.start):
                out.setdefault((tokens[noun].lemma.lower(), org), actor.value)
        return out

    def _learn_head_nouns(self) -> tuple[dict[str, set[str]], set[str]]:
        """Head noun → the people the document names right after it (`Помощник госсекретаря США Фил
        Гордон` → помощник: Фил Гордон), and the people named as leaders of the opposition or a protest
        (`Лидер оппозиции Нино Бурджанадзе`)."""
        from .actors import actor_words

        words = actor_words()
        nouns: dict[str, set[str]] = {}
        leaders: set[str] = set()
        for si, actor in self._person_mentions():
            tokens = self.article.sentences[si].tokens
            if tokens[actor.start].rel == "nmod":
                continue  # `Помощник Хиллари Клинтон`: the owner in the genitive, not the one described
            case = tokens[actor.start].feat("Case")
            stretch = _nominal_stretch(tokens, actor.start)
            heads = [i for i in stretch if tokens[i].pos == "NOUN" and tokens[i].feat("Case") == case]
            if heads:
                nouns.setdefault(tokens[heads[-1]].lemma.lower(), set()).add(actor.value)
            lemmas = {words.get(tokens[i].lemma.lower()) for i in stretch}
            if {"leader", "opposition"} <= lemmas:
                leaders.add(actor.value)
        return nouns, leaders

    def _learn_opposition_parties(self) -> set[str]:
        """Organizations the document names as the opposition (`Оппозиционная партия «Единое
        национальное движение»`, `оппозиционный блок X`)."""
        from .actors import actor_words

        words = actor_words()
        out: set[str] = set()
        for si, table in enumerate(self.index.by_sentence):
            tokens = self.article.sentences[si].tokens
            for actor in {id(a): a for a in table.values() if a.kind == "org"}.values():
                stretch = _nominal_stretch(tokens, actor.start) + list(range(actor.start, actor.stop))
                if any(words.get(tokens[i].lemma.lower()) == "opposition" for i in stretch):
                    out.add(actor.value)
        return out

    def opposition_party(self) -> str | None:
        """The one organization the document names as the opposition."""
        return next(iter(self.opposition_parties)) if len(self.opposition_parties) == 1 else None

    def noun_person(self, lemma: str) -> str | None:
        """The one person the document names right after the noun `lemma`, if only one."""
        people = self.noun_people.get(lemma, set())
        return next(iter(people)) if len(people) == 1 else None

    @cached_property
    def _appositive_people(self) -> dict[str, set[str]]:
        """Noun → the people the document describes with it after the name (`Абид Насир, 26-летний
        пакистанец`, `Эмадельдин Эльсаед, 23-летний студент из Каира`)."""
        out: dict[str, set[str]] = {}
        for si, actor in self._person_mentions():
            tokens = self.article.sentences[si].tokens
            for k in range(actor.stop, min(len(tokens), actor.stop + 4)):
                token = tokens[k]
                if token.rel == "appos" and token.pos == "NOUN" and actor.start <= token.head < actor.stop:
                    out.setdefault(token.lemma.lower(), set()).add(actor.value)
        return out

    def appositive_person(self, lemma: str) -> str | None:
        """The one person the document describes by the noun `lemma` in apposition, if only one."""
        people = self._appositive_people.get(lemma, set())
        return next(iter(people)) if len(people) == 1 else None

    def opposition_leader(self) -> str | None:
        """The one person the document names as a leader of the opposition or a protest."""
        return next(iter(self.opposition_leaders)) if len(self.opposition_leaders) == 1 else None

    def _described_mentions(self, si: int) -> dict[int, Actor]:
        """Nouns of sentence `si` that stand for a person the document names right after the same noun
        elsewhere (`россиянку` for `25-летняя россиянка Екатерина Затуливетер`): links of a pronoun's
        chain (`Британские СМИ обвинили россиянку … Власти не предъявили ей обвинения`)."""
        from .actors import Actor

        out: dict[int, Actor] = {}
        for i, token in enumerate(self.article.sentences[si].tokens):
            if token.pos != "NOUN" or token.feat("Number") != "Sing" or token.feat("Animacy") != "Anim":
                continue
            person = self.noun_person(token.lemma.lower())
            if person is not None:
                out[i] = Actor(person, "person", i, i + 1)
        return out

    def private_person(self) -> str | None:
        """The one person the document names who holds no state or organization role."""
        # a one-word `person` is a surname or a tagging error
        people = {p for p in self.people if " " in p and (p not in self.person_codes or p in self.former)}
        return people.pop() if len(people) == 1 else None

    @cached_property
    def _full_named(self) -> list[tuple[str, Token]]:
        """Each naming of a person by a full name, in text order, with the name's first token (a
        one-word `person` is a surname or a tagging error)."""
        out: list[tuple[str, Token]] = []
        for si, actor in self._person_mentions():
            tokens = self.article.sentences[si].tokens
            if " " in actor.value:
                out.append((actor.value, tokens[actor.start]))
        return out

    def protagonist(
        self, gender: str | None, former: bool = False, exclude: frozenset[str] | set[str] = frozenset()
    ) -> str | None:
        """The private person a story of arrest, trial or release is about, for an unnamed one held
        (`осуждённого отпустили`, `экс-президента приговорили`): of the full-named people who hold no
        state or organization role (or, with `former`, who once held one), are not in `exclude` and agree
        in `gender`, the only one, or the one named at least PROTAGONIST_LEAD times as often as any other."""
        counts: Counter[str] = Counter()
        heads: dict[str, Token] = {}
        for value, head in self._full_named:
            if (former and value not in self.former) or value in exclude:
                continue
            if value in self.person_codes and value not in self.former:
                continue
            counts[value] += 1
            heads.setdefault(value, head)
        ranked = [
            (n, v)
            for v, n in counts.items()
            if not gender or self.person_gender(v, heads[v]) in (None, gender)
        ]
        ranked.sort(reverse=True)
        if len(ranked) == 1 or (len(ranked) > 1 and ranked[0][0] >= PROTAGONIST_LEAD * ranked[1][0]):
            return ranked[0][1]
        return None

    def rivals(self, si: int, i: int, gender: str | None) -> set[str]:
        """The people of agreeing gender a pronoun at token `i` of sentence `si` could point to: those
        named in that sentence before it and in the PRONOUN_REACH sentences before."""
        out: set[str] = set()
        for back in range(si, max(-1, si - PRONOUN_REACH - 1), -1):
            tokens = self.article.sentences[back].tokens
            for p, actor in self.index.by_sentence[back].items():
                if actor.kind != "person" or (back == si and p >= i) or actor.start != p:
                    continue
                if not gender or self.person_gender(actor.value, tokens[p]) in (None, gender):
                    out.add(actor.value)
        return out

    def former_holder(self, lemma: str, gender: str | None) -> str | None:
        """The former official an unnamed `бывший президент`/`экс-президента` stands for: the one former
        holder named with that role noun (`Бывший президент Перу Альберто Фухимори`), else the story's
        one former official of that gender."""
        lemma = lemma[4:] if lemma.startswith("экс-") else lemma
        fitting = self.noun_people.get(lemma, set()) & self.former
        if len(fitting) == 1:
            return next(iter(fitting))
        if fitting:
            return None
        # `бывшего президента` is not the `бывший министр Хуан Перес`: no one named with another noun
        other = {p for noun, people in self.noun_people.items() if noun != lemma for p in people}
        return self.protagonist(gender, former=True, exclude=other) or self.protagonist(gender, exclude=other)

    def neighbour(self, si: int, i: int) -> str | None:
        """The state a `соседняя республика/страна` stands for: the nearest state (or capital) named as
        an actor, not as a place, in the same sentence, then in the sentences before it."""
        from .arguments import PLACE_CASES

        for at in range(si, max(-1, si - PRONOUN_REACH - 1), -1):
            tree = self.index.tree(at)
            actors = {id(a): a for a in self.index.by_sentence[at].values()}.values()
            ranked = sorted(actors, key=lambda a: abs(a.start - i) if at == si else -a.start)
            for actor in ranked:
                state = (
                    actor.value
                    if actor.kind == "country"
                    else actor.country
                    if actor.kind == "city"
                    else None
                )
                if state and (actor.adjective or tree.case(actor.start) not in PLACE_CASES):
                    return state
        return None

    def _orgs_before(self, si: int, noun: int, name: int) -> list[str]:
        """Organizations between a description noun and the name that follows it."""
        tokens = self.article.sentences[si].tokens
        if not 0 <= noun < name or tokens[noun].pos != "NOUN":
            return []
        table = self.index.by_sentence[si]
        return list(
            dict.fromkeys(a.value for i in range(noun + 1, name) if (a := table.get(i)) and a.kind == "org")
        )

    def described_person(self, lemma: str, orgs: list[str]) -> str | None:
        """The person a description (`лидер` of one of `orgs`) stands for in this document, if named once."""
        people = {self.described[(lemma, o)] for o in orgs if (lemma, o) in self.described}
        return people.pop() if len(people) == 1 else None

    def role_of(self, si: int, i: int) -> int:
        """The role noun a name stands in apposition to (`министр … Анатолий Сердюков`), else -1."""
        from .arguments import is_role

        tokens = self.article.sentences[si].tokens
        at = i
        for _ in range(4):
            token = tokens[at]
            if is_role(token.lemma.lower()):
                return at
            if token.rel in NAME_RELS and 0 <= token.head < len(tokens):
                at = token.head
            else:
                break
        if i > 0 and is_role(tokens[i - 1].lemma.lower()):  # `премьер Гордон Браун` parsed flat
            return i - 1
        return _described_role(tokens, at, i)

    def is_former(self, si: int, role: int) -> bool:
        tokens = self.article.sentences[si].tokens
        from .actors import actor_words

        words = actor_words()
        if tokens[role].text.lower().startswith("экс"):
            return True
        return any(
            tokens[c].head == role and words.get(tokens[c].lemma.lower()) == "former"
            for c in range(max(0, role - 3), role)
        )

    def _led_org(self, si: int, role: int) -> str | None:
        """`глава ОАО «Газпром»` → Газпром: the organization a role noun heads."""
        tokens = self.article.sentences[si].tokens
        table = self.index.by_sentence[si]
        for j in range(role + 1, min(len(tokens), role + 6)):
            actor = table.get(j)
            if actor is None:
                continue
            if actor.kind == "org" and not (actor.value.isupper() and actor.value.isascii()):
                return actor.value
            break
        return None

    @cached_property
    def organizers(self) -> list[str]:
        """Who the document says organised its act (`Организаторами акции выступили движения A и B`,
        `организатором митинга стала партия X`): the sources of a protest told with no agent of its own."""
        from .actors import actor_words
        from .arguments import collect, decide

        words = actor_words()
        out: list[str] = []
        for si, sentence in enumerate(self.article.sentences):
            tree = self.index.tree(si)
            for h, token in enumerate(sentence.tokens):
                if words.get(token.lemma.lower()) != "leader" or token.rel not in ("xcomp", "obl"):
                    continue
                acts = [
                    c
                    for c in tree.kids(h, "nmod")
                    if tree.tokens[c].pos == "NOUN"
                    and tree.tokens[c].feat("Animacy") == "Inan"
                    and words.get(tree.tokens[c].lemma.lower()) != "opposition"
                ]
                verb = tree.head(h)
                if not acts or verb < 0:
                    continue  # `лидером оппозиции стал X`: a leader, not an organiser of an act
                for c in tree.kids(verb):
                    if tree.tokens[c].rel == "nsubj":
                        out += decide(collect(tree, si, c, self.index), self.index)
        return list(dict.fromkeys(out))

    def first_name_person(self, lemma: str) -> str | None:
        """The one person of the document whose full name starts with the first name `lemma` (`Алла`
        → `Алла Пугачева`): news text calls a private person by the first name after naming them."""
        key = fold(lemma)
        people = {p for p in self.people if " " in p and fold(p.split()[0]) == key}
        return people.pop() if len(people) == 1 else None

    def surname_code(self, word: str) -> str | None:
        """The code of a coded person whose surname is `word` (a linker may read it as a place), else
        the name of the one uncoded person of that surname (`Джон Болтон … Болтон пригрозил`, not Bolton)."""
        forms = {fold(word)} | {f.lower() for f in name_forms(word)}
        for value, code in self.person_codes.items():
            parts = value.split()
            if len(parts) > 1 and value not in self.former and fold(parts[-1]) in forms:
                return code
        people = {p for p in self.people if " " in p and fold(p.split()[-1]) in forms}
        return people.pop() if len(people) == 1 else None

    def code_of(self, actor: Actor, personal: bool = False, held: bool = False) -> str | None:
        """The code a person stands for in this document, if their role says one; `personal` keeps
        only a state's or IGO's code (an arrested company head is the person, not the company);
        `held`: none at all, since a person detained, sentenced or released does not act in a role
        then (`задержан Мухаммед Мурси` → the person, not Egypt)."""
        if actor.kind != "person" or actor.value in self.former or held:
            return None
        code = self.person_codes.get(actor.value)
        if personal and code is not None and not (code.isupper() and code.isascii()):
            return None
        return code

    def alias(self, lemma: str) -> str | None:
        """`альянс` → NATO when the document names NATO: a common noun for a named actor."""
        from .actors import actor_alias

        code = actor_alias(lemma)
        return code if code is not None and code in self.present else None

    @property
    def present(self) -> set[str]:
        if self._present is None:
            self._present = {a.value for table in self.index.by_sentence for a in table.values()}
        return self._present

    @cached_property
    def _coded_sentences(self) -> list[Counter[str]]:
        """Per sentence, how many times it names each state or IGO (its officials and capital included)."""
        from ..gazetteer import capital_ids

        capitals = capital_ids()
        out: list[Counter[str]] = []
        for table in self.index.by_sentence:
            counts: Counter[str] = Counter()
            for actor in {id(a): a for a in table.values()}.values():
                if actor.kind in ("country", "igo") and actor.value:
                    counts[actor.value] += 1
                elif actor.kind == "person" and actor.value in self.person_codes:
                    counts[self.person_codes[actor.value]] += 1
                elif actor.kind == "city" and actor.country and actor.geonameid in capitals:
                    counts[actor.country] += 1  # `Тбилиси обвиняет Москву`: capitals name their states
            out.append(counts)
        return out

    @cached_property
    def _coded_mentions(self) -> Counter[str]:
        """How many times the document names each state or IGO (its officials included)."""
        return sum(self._coded_sentences, Counter())

    def main_pair(self, si: int | None = None) -> list[str]:
        """The story's two main parties (`обе стороны` with no meeting named): the two states or IGOs
        named most, each at least PAIR_MENTIONS times and each more than any third; else, in a short
        story, the two a sentence just before `si` names alone (`столкновения на границе Индии и
        Пакистана. Обе стороны …`); else []."""
        ranked = self._coded_mentions.most_common(3)
        if len(ranked) >= 2 and ranked[1][1] >= PAIR_MENTIONS:
            if len(ranked) > 2 and ranked[2][1] >= ranked[1][1]:
                return []
            return [ranked[0][0], ranked[1][0]]
        if si is None:
            return []
        for back in range(si, max(-1, si - PAIR_REACH - 1), -1):
            counts = self._coded_sentences[back]
            if len(counts) == 2:
                return sorted(counts)
            if counts:
                return []
        return []

    def _named_together(self, sides: Sequence[str], other: str) -> bool:
        return any(other in counts and all(s in counts for s in sides) for counts in self._coded_sentences)

    def counterpart(self, sides: Sequence[str], si: int, main: bool = False) -> str | None:
        """The document's other side for a state or IGO acting in sentence `si` with no addressee
        (`палестинцы отказываются от переговоров` in a story of Israel and Palestine → ISR): the state
        or IGO named most besides `sides`, if it stands out, is named near `si` and somewhere together
        with `sides`; `main`: only when `sides` are themselves the story's main parties."""
        counts = self._coded_mentions
        if not sides or not all(s in counts for s in sides):
            return None  # only states and IGOs get a counterpart: a private actor's story has none
        top = [v for v, _ in counts.most_common(len(sides) + 1)]
        if main and not all(s in top for s in sides):
            return None
        ranked = [(v, n) for v, n in counts.most_common() if v not in sides]
        if not ranked or ranked[0][1] < COUNTERPART_MENTIONS:
            return None
        if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
            return None  # two or more others as often named: no one other side
        other = ranked[0][0]
        near = self._coded_sentences[max(0, si - COUNTERPART_REACH) : si + COUNTERPART_REACH + 1]
        if not any(other in c for c in near):
            return None  # not named near the act: the act may concern someone else
        return other if self._named_together(sides, other) else None

    # -- home country ------------------------------------------------------------------------
    def _international_court(self) -> str | None:
        """The IGO of the one court a trial story names when that is an international court
        (`Международный трибунал по бывшей Югославии` → UN): then an unnamed `суд` is that court, not
        the home state's (an agentless arrest stays the state's: states arrest, the tribunal tries).
        None when the story also names a court of a state (`Верховный суд Израиля`, `Мосгорсуд`) or
        no international one."""
        courts: set[str] = set()
        for si, sentence in enumerate(self.article.sentences):
            table = self.index.by_sentence[si]
            for i, token in enumerate(sentence.tokens):
                if not fold(token.lemma).endswith(COURT_WORDS):
                    continue
                actor = table.get(i)
                if actor is not None and actor.kind == "igo":
                    courts.add(actor.value)
                elif actor is not None:
                    return None  # `Мосгорсуд`, `Земельный суд Вены`: a court of its own
                elif any(
                    (a := table.get(k)) is not None
                    and a.kind in ("country", "city", "place", "region")
                    and not _seat(sentence.tokens, k, a)
                    for k in range(max(0, i - 1), min(len(sentence.tokens), i + 3))
                    if k != i
                ):
                    return None  # `Верховный суд Израиля`, `российский суд`: a state's court
        court = next(iter(courts)) if len(courts) == 1 else None
        # only a coded IGO (`UN`, `ICC`) stands for a court; an IGO named by its Russian name is no code
        return court if court is not None and court.isascii() and court.isupper() else None

    def _home_country(self) -> str | None:
        """The state the story happens in: the most named state (places count twice), dateline last."""
        counts: Counter[str] = Counter()
        for si, table in enumerate(self.index.by_sentence):
            tokens = self.article.sentences[si].tokens
            for actor in {id(a): a for a in table.values()}.values():
                if actor.kind == "country" and _nationality_of_one(tokens, actor.start):
                    continue  # `американский журналист`, `Россиянин`: where a person is from
                if actor.kind == "country" and actor.value:
                    counts[actor.value] += 1 + (not actor.adjective)
                elif actor.kind == "city" and actor.country:
                    counts[actor.country] += 1
        if counts:
            return counts.most_common(1)[0][0]
        dateline = self.article.dateline
        return getattr(dateline, "country", None) if dateline is not None else None

    # -- anaphora ----------------------------------------------------------------------------
    def recent_org(self, si: int, i: int) -> Actor | None:
        """The organization (not a state) named last before token `i` of sentence `si`, for a company
        word (`монополист`, `концерн`) standing for it."""
        for back in range(si, max(-1, si - PRONOUN_REACH - 1), -1):
            table = self.index.by_sentence[back]
            for p in sorted((p for p in table if back < si or p < i), reverse=True):
                actor = table[p]
                if actor.kind == "org" and not (actor.value.isupper() and actor.value.isascii()):
                    return actor
        return None

    def recent_armed(self, si: int, i: int) -> Actor | None:
        """The armed group named last before token `i` of sentence `si` (anywhere earlier in the
        document), for a militant word (`боевики`, `экстремисты`) standing for its members."""
        from .actors import actor_words

        for back in range(si, -1, -1):
            table = self.index.by_sentence[back]
            for p in sorted((p for p in table if back < si or p < i), reverse=True):
                actor = table[p]
                if actor_words().get(actor.value.lower()) == "armed":
                    return actor
        return None

    def antecedent(
        self,
        si: int,
        i: int,
        gender: str | None,
        number: str | None,
        person: bool = False,
        skip: frozenset[int] = frozenset(),
    ) -> Actor | None:
        """The most recent actor before token `i` of sentence `si` that a pronoun can point to.

        `person` asks for a person only (`политик`); a masculine pronoun points to a person too,
        since news text names states and bodies again rather than calling them `он`. `skip`: token
        positions of sentence `si` it cannot point to (its own clause's subject).
        """
        plural = number == "Plur"
        person = person or gender == "Masc"
        for back in range(si, max(-1, si - PRONOUN_REACH - 1), -1):
            tokens = self.article.sentences[back].tokens
            table = {**self._described_mentions(back), **self.index.by_sentence[back]}
            positions = sorted((p for p in table if back < si or (p < i and p not in skip)), reverse=True)
            if back < si and not plural:  # in an earlier sentence its subject is the topic: it goes first
                # then people before states and bodies: news text re-names a state, not a person
                positions.sort(key=lambda p: (not _subject_like(tokens, p), table[p].kind != "person"))
            for p in positions:
                actor = table[p]
                if actor.start != p and p != actor.stop - 1:
                    continue
                if actor.kind in ("city", "place") or actor.kind == "region":
                    continue
                if actor.kind == "country" and not actor.adjective and tokens[p].rel.startswith("obl"):
                    continue  # `в Пакистан`: a place, not an agent
                if plural:
                    span = tokens[actor.start : actor.stop]
                    if actor.kind != "person" and any(t.feat("Number") == "Plur" for t in span):
                        return actor
                    continue
                head = tokens[actor.start]
                if actor.kind != "person":
                    # `Румыния …, она отправила`: a state or body named by a noun of that gender
                    if person or actor.adjective or not gender or head.feat("Gender") != gender:
                        continue
                    if head.feat("Number") == "Plur":
                        continue
                elif gender and self.person_gender(actor.value, head) not in (None, gender):
                    continue
                return actor
        return None


def _seat(tokens: Sequence[Token], k: int, actor: Actor) -> bool:
    """`из зала суда в Гааге`: a city in the locative after `в` is where a court sits, not whose it is."""
    from .actors import LOCATIVE_CASES

    if actor.kind != "city" or k == 0:
        return False
    return tokens[k - 1].lemma.lower() in LOCATIVE_CASES and tokens[k].feat("Case") == "Loc"


def kin_surname(first: str, token: Token, owner: str) -> str:
    """`Юлия` + `Сергей Скрипаль` → `Юлия Скрипаль`; `Анна` + `Иван Петров` → `Анна Петрова`: a first
    name with the surname of the relative named with it, in the first name's gender."""
    surname = owner.split()[-1]
    gender = _person_gender(f"{first} {surname}", token)  # the first name's gender, from the dictionary
    for masc, fem in FEMININE_SURNAMES:
        if gender == "Fem" and surname.endswith(masc):
            return f"{first} {surname[: -len(masc)]}{fem}"
        if gender == "Masc" and surname.endswith(fem):
            return f"{first} {surname[: -len(fem)]}{masc}"
    return f"{first} {surname}"


def _holder(
    holders: dict[str, tuple[str, tuple[tuple[int, int], ...]]], name: str
) -> tuple[str, tuple[tuple[int, int], ...]] | None:
    """The holder row of a folded full name; a spelling variant of the first name (`Беньямин` /
    `Биньямин Нетаньяху`) matches by its initial and the surname when just one row has them."""
    if name in holders:
        return holders[name]
    parts = name.split()
    if len(parts) < 2:
        return None
    rows = [
        row
        for key, row in holders.items()
        if (k := key.split()) and len(k) >= 2 and k[-1] == parts[-1] and k[0][:1] == parts[0][:1]
    ]
    return rows[0] if len(rows) == 1 else None


def _surname_holder(
    holders: dict[str, tuple[str, tuple[tuple[int, int], ...]]],
    surname: str,
    year: int | None,
    people: frozenset[str],
) -> tuple[str, tuple[tuple[int, int], ...]] | None:
    """The holder row for a bare surname (`Путин заявил`, `Лукашенко`): the one holder of that surname
    in office in `year` (any, when unknown), unless the document names someone else of that surname."""
    from ..entities import in_office

    rows = [
        (key, row) for key, row in holders.items() if key.split()[-1] == surname and in_office(row[1], year)
    ]
    if len(rows) != 1:
        return None
    others = {fold(p) for p in people if " " in p and fold(p).split()[-1] == surname}
    return rows[0][1] if others <= {rows[0][0]} else None


INDECLINABLE_ENDINGS = ("о", "е", "и", "у", "ю", "э")  # `Бхутто`: taggers give such surnames any gender


def _person_gender(name: str, token: Token, agreed: str | None = None) -> str | None:
    """A person's gender: their first name's, if the dictionary knows it (`Беназир`-like unknown names
    give none); else `agreed` (what the text's agreement shows); else the tag of the name word, unless
    that word is an indeclinable surname."""
    words = name.split()
    if len(words) > 1:
        for p in get_morph().parse(words[0]):
            if p.is_known and "Name" in p.tag and p.tag.case == "nomn" and p.tag.number == "sing":
                return "Fem" if "femn" in p.tag else "Masc" if "masc" in p.tag else None
    if agreed:
        return agreed
    if token.text.lower().endswith(INDECLINABLE_ENDINGS):
        return None
    return token.feat("Gender")


def _nominal_stretch(tokens: Sequence[Token], name: int) -> list[int]:
    """Indices of the noun phrase words right before a name (`Помощник госсекретаря США` before `Фил`),
    nearest last; a verb, preposition or clause punctuation ends it."""
    out: list[int] = []
    i = name - 1
    while i >= 0 and len(out) < 6:
        token = tokens[i]
        if token.pos in ("NOUN", "PROPN", "ADJ") or token.text in ("«", "»", '"', "-"):
            out.append(i)
            i -= 1
        else:
            break
    return out[::-1]


def _subject_like(tokens: Sequence[Token], p: int) -> bool:
    """Whether token `p` is (the name of) a clause's subject: `Браммерц сказал, что …`."""
    for _ in range(3):
        rel = tokens[p].rel
        if rel in ("nsubj", "nsubj:pass"):
            return True
        if rel not in NAME_RELS or not 0 <= tokens[p].head < len(tokens):
            return False
        p = tokens[p].head
    return False


def _described_role(tokens: Sequence[Token], name: int, i: int) -> int:
    """The role word of a description set off after the name at `name` (`Марк Тоунер, исполняющий
    обязанности официального представителя Госдепартамента США,`), else -1: a participle or an
    apposition gives the person's office as well as a role noun before the name does."""
    from .arguments import is_role

    for c, token in enumerate(tokens):
        if token.head != name or c <= i or token.rel not in DESCRIPTION_RELS:
            continue
        if not any(tokens[k].text in (",", "—", "–") for k in range(i, c)):
            continue  # a description is set off by a comma or a dash
        frontier = [c]
        for _ in range(DESCRIPTION_DEPTH):
            for j in frontier:
                if is_role(tokens[j].lemma.lower()):
                    return j
            frontier = [
                k
                for k, t in enumerate(tokens)
                if t.head in frontier and t.rel in DESCRIPTION_PATH_RELS and t.pos in ("NOUN", "PROPN")
            ]
    return -1


def _nationality_of_one(tokens: Sequence[Token], i: int) -> bool:
    """A demonym for one person (`Американец`), a nationality adjective on a person word that is
    no role (`американский журналист`) or a state a citizen word hangs it on (`гражданка Латвии`): it
    tells where someone is from, not where the story is."""
    from .actors import actor_words
    from .arguments import is_role

    token = tokens[i]
    if token.pos == "NOUN":
        return token.feat("Animacy") == "Anim" and token.feat("Number") == "Sing"
    if token.rel == "nmod" and 0 <= token.head < len(tokens):  # `гражданка Латвии`: where she is from
        if actor_words().get(tokens[token.head].lemma.lower()) == "citizen":
            return True
    if token.pos != "ADJ" or not 0 <= token.head < len(tokens):
        return False
    noun = tokens[token.head]
    return (
        noun.pos == "NOUN"
        and noun.feat("Animacy") == "Anim"
        and noun.feat("Number") == "Sing"
        and not is_role(noun.lemma.lower())
    )
