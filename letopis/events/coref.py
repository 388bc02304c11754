"""Coreference inside one document, for event actors (EVENTS.md "Actors").

Three things a reader resolves without thinking and the extractor must do by rule:
- a person keeps the role the document gives them once: `премьер-министр Японии Наото Кан` makes
  every later `Кан` JPN; `глава ОАО «Газпром» Алексей Миллер` makes `Миллер` Газпром; a former
  official (`экс-премьер`, `бывший министр`) stays a name;
- a state body named without its state (`власти`, `полиция`, `суд`, `законодатели`) is the state
  the story happens in: the document's home country;
- a personal pronoun (`она`, `его`) or a person word (`политик`) is the most recent person (or,
  for `они`, the most recent plural actor) that agrees with it in gender and number.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..record import Article

if TYPE_CHECKING:
    from .actors import Actor, ActorIndex

__all__ = ["Memory", "PERSONAL_PRONOUNS"]

PERSONAL_PRONOUNS = frozenset({"он", "она", "оно", "они"})
NAME_RELS = frozenset({"flat", "flat:name", "flat:foreign", "appos"})
OWNER_RELS = frozenset({"nmod", "appos", "flat", "flat:name"})
# How far back (in sentences) a pronoun or person word may reach for its antecedent.
PRONOUN_REACH = 3  # 3 sentences: beyond that news text re-names the person


class Memory:
    """Document-wide facts for actor resolution, computed once per article."""

    def __init__(self, index: ActorIndex) -> None:
        self.index = index
        self.article: Article = index.article
        self.person_codes: dict[str, str] = {}
        self.former: set[str] = set()
        self._present: set[str] | None = None
        self.home = self._home_country()
        self._learn_people()

    # -- people ------------------------------------------------------------------------------
    def _learn_people(self) -> None:
        """Persons whose role phrase names a state, an IGO or an organization they lead."""
        from ..entities import governing_entity
        from .actors import actor_words

        words = actor_words()
        unplaced: dict[str, int] = {}  # office holders whose state the text does not give
        for si, table in enumerate(self.index.by_sentence):
            tokens = self.article.sentences[si].tokens
            for actor in {id(a): a for a in table.values() if a.kind == "person"}.values():
                role = self._role_of(si, actor.start)
                if role < 0:
                    continue
                if self._is_former(si, role):
                    self.former.add(actor.value)
                    continue
                if actor.value in self.person_codes:
                    continue
                entity = governing_entity(self.article, si, role)
                if entity is not None and entity.code:
                    self.person_codes[actor.value] = entity.code
                    continue
                org = self._led_org(si, role)
                if org is not None:
                    self.person_codes[actor.value] = org
                elif words.get(tokens[role].lemma.lower()) == "office":
                    unplaced[actor.value] = role
        for value in unplaced:
            if value not in self.person_codes and value not in self.former and self.home:
                self.person_codes[value] = self.home

    def _role_of(self, si: int, i: int) -> int:
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
        return -1

    def _is_former(self, si: int, role: int) -> bool:
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

    def surname_code(self, word: str) -> str | None:
        """The code of a coded person whose surname is `word` (a linker may read it as a place)."""
        for value, code in self.person_codes.items():
            parts = value.split()
            if len(parts) > 1 and value not in self.former and parts[-1].lower() == word.lower():
                return code
        return None

    def code_of(self, actor: Actor) -> str | None:
        """The code a person stands for in this document, if their role says one."""
        if actor.kind != "person" or actor.value in self.former:
            return None
        return self.person_codes.get(actor.value)

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

    # -- home country ------------------------------------------------------------------------
    def _home_country(self) -> str | None:
        """The state the story happens in: the most named state (places count twice), dateline last."""
        counts: Counter[str] = Counter()
        for table in self.index.by_sentence:
            for actor in {id(a): a for a in table.values()}.values():
                if actor.kind == "country" and actor.value:
                    counts[actor.value] += 1 + (not actor.adjective)
                elif actor.kind == "city" and actor.country:
                    counts[actor.country] += 1
        if counts:
            return counts.most_common(1)[0][0]
        dateline = self.article.dateline
        return getattr(dateline, "country", None) if dateline is not None else None

    # -- anaphora ----------------------------------------------------------------------------
    def antecedent(
        self, si: int, i: int, gender: str | None, number: str | None, person: bool = False
    ) -> Actor | None:
        """The most recent actor before token `i` of sentence `si` that a pronoun can point to.

        `person` asks for a person only (`политик`); a masculine pronoun points to a person too,
        since news text names states and bodies again rather than calling them `он`.
        """
        plural = number == "Plur"
        person = person or gender == "Masc"
        for back in range(si, max(-1, si - PRONOUN_REACH - 1), -1):
            table = self.index.by_sentence[back]
            tokens = self.article.sentences[back].tokens
            positions = sorted((p for p in table if back < si or p < i), reverse=True)
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
                elif gender and head.feat("Gender") and head.feat("Gender") != gender:
                    continue
                return actor
        return None
