"""Dictionary (nominative) forms of words and phrases, with pymorphy3.

The analyzer loads once per process (`get_morph`); parses are cached, since news repeats its names.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from .record import Token

__all__ = [
    "parse_tolerant",
    "get_morph",
    "fold",
    "normal_form",
    "name_forms",
    "looks_like_place",
    "nominative_phrase",
    "restore_case",
    "known_adjective",
    "known_name",
    "can_be_genitive",
    "case_readings",
    "guess_nominative",
    "compound_of_common_nouns",
    "one_person_noun",
    "name_word_normal",
    "female_first_name",
    "feminine_surname",
    "surname_nominative",
    "participle_noun",
]
# Tags that make a dictionary word a name rather than a common noun.
NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"})

# Parts of speech that agree with their head noun and so change with it.
AGREEING = {"ADJ", "DET", "NUM"}


@lru_cache(maxsize=1)
def get_morph() -> Any:
    """The process-wide pymorphy3 analyzer (about 0.1 s to load)."""
    import pymorphy3

    class Analyzer(pymorphy3.MorphAnalyzer):  # type: ignore[misc]
        def parse(self, word: str) -> Any:
            return parse_tolerant(super().parse, word)

    return Analyzer()


def parse_tolerant(parse: Callable[[str], Any], word: str) -> Any:
    """`parse(word)`, retried with every character that has no Unicode name replaced by U+FFFD.

    pymorphy's latin check asks each letter its name, and some letters have none in this
    Python's Unicode tables (Tangut ideographs); one such letter in a document must not fail it.
    """
    try:
        return parse(word)
    except ValueError:
        return parse("".join(c if unicodedata.name(c, "") else "\ufffd" for c in word))


def fold(word: str) -> str:
    """Lowercase with ё→е: the form lexicon keys and token keys are compared in."""
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=65536)
def normal_form(word: str) -> str:
    """The most likely dictionary form of one word, folded."""
    parses = get_morph().parse(word)
    return fold(parses[0].normal_form) if parses else fold(word)


def restore_case(word: str, like: str) -> str:
    """Give `word` the capitalization pattern of `like` (ЕС stays ЕС, Казахстана → Казахстан)."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    parts, models = word.split("-"), like.split("-")
    if len(parts) != len(models):
        models = [like] + [""] * (len(parts) - 1)
    return "-".join(
        p[:1].upper() + p[1:] if m[:1].isupper() else p for p, m in zip(parts, models, strict=True)
    )


# Case endings cut from a capitalized word the dictionary does not know (`Тоттенхэме` → `Тоттенхэм`).
CASE_ENDINGS = ("ом", "ем", "ой", "ей", "е", "а", "я", "у", "ю", "ы", "и")


@lru_cache(maxsize=65536)
def name_forms(word: str) -> frozenset[str]:
    """Folded candidate dictionary forms of a capitalized name: the analyzer's, plus cut endings if unknown."""
    parses = get_morph().parse(word)
    forms = {fold(p.normal_form) for p in parses[:3]}
    if parses and not any(p.is_known for p in parses) and len(word) > 5:
        stems = [fold(word[: -len(end)]) for end in CASE_ENDINGS if word.endswith(end)]
        forms.update(stems)
        # the analyzer guesses an unknown `Хезболлы` as a masculine plural: try feminine nominatives too
        forms.update(stem + vowel for stem in stems for vowel in ("а", "я"))
    return frozenset(forms)


@lru_cache(maxsize=65536)
def looks_like_place(word: str) -> bool:
    """False for a plain dictionary word (`Дом`, `Мир`, `Ага`): a city of that name needs more than its name."""
    parses = get_morph().parse(word)
    return any("Geox" in p.tag or not p.is_known for p in parses)


@lru_cache(maxsize=65536)
def known_adjective(word: str) -> bool:
    """A dictionary adjective or participle (`бывший`, `69-летний`): a description, not a name."""
    parses = get_morph().parse(word)
    return (
        bool(parses)
        and parses[0].tag.POS in {"ADJF", "PRTF", "NUMR"}
        and (parses[0].is_known or word[:1].isdigit())
    )


def adjective_of_noun(token_pos: str, rel: str, word: str) -> bool:
    """A word that modifies a noun as an adjective (`Московские власти`, `Южными Курилами`): a one-word
    city spelled so (`Московский`, a town in Tajikistan) is not named by it."""
    return token_pos == "ADJ" or (rel == "amod" and known_adjective(word))


@lru_cache(maxsize=65536)
def known_name(word: str) -> bool:
    """A first name the dictionary knows (`Джохар`): the right spelling when the text has two."""
    return any(p.is_known and "Name" in p.tag for p in get_morph().parse(word))


@lru_cache(maxsize=65536)
def can_be_genitive(word: str) -> bool:
    """Whether some reading of `word` is genitive (taggers mislabel `лидера Аль-Кайды` as accusative)."""
    return any(p.tag.case == "gent" and p.tag.POS == "NOUN" for p in get_morph().parse(word))


@lru_cache(maxsize=65536)
def case_readings(word: str) -> frozenset[tuple[str, str]]:
    """(case, number) pairs some reading of a noun, adjective or participle has; agreement checks use them."""
    out: set[tuple[str, str]] = set()
    for p in get_morph().parse(word):
        if p.tag.POS in {"NOUN", "ADJF", "PRTF", "NPRO"} and p.tag.case:
            cases = {"nomn", "gent", "datv", "accs", "ablt", "loct"} if "Fixd" in p.tag else {p.tag.case}
            numbers = {"sing", "plur"} if "Fixd" in p.tag or not p.tag.number else {p.tag.number}
            out.update((c.replace("gen2", "gent").replace("loc2", "loct"), n) for c in cases for n in numbers)
    return frozenset(out)


UD_CASES = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


@lru_cache(maxsize=65536)
def guess_nominative(word: str, case: str) -> str:
    """The nominative of a rare name in UD case `case` (`Маехары`, Gen → `Маехара`), or `word` itself
    when no singular noun reading in that case gives a different dictionary form."""
    wanted = UD_CASES.get(case)
    for p in get_morph().parse(word):
        if (
            p.tag.POS == "NOUN"
            and p.tag.case == wanted
            and p.tag.number == "sing"
            and fold(p.normal_form) != fold(word)
        ):
            return restore_case(p.normal_form, word)
    return word


UD_GENDERS = {"masc": "Masc", "femn": "Fem", "neut": "Neut"}


@lru_cache(maxsize=65536)
def one_person_noun(word: str) -> str | None:
    """The UD gender of `word` when the dictionary reads it as one animate being (`шпионку` → Fem),
    else None; the tagger now and then reads such a quoted or rare noun as a plural of another gender."""
    parses = [p for p in get_morph().parse(word) if p.tag.POS == "NOUN" and p.is_known]
    if not parses or parses[0].tag.animacy != "anim" or parses[0].tag.number != "sing":
        return None
    return UD_GENDERS.get(str(parses[0].tag.gender), "")


@lru_cache(maxsize=65536)
def compound_of_common_nouns(word: str) -> bool:
    """`Смертник-талиб`: a hyphenated pair of dictionary common nouns names no one."""
    parts = word.split("-")
    if len(parts) < 2 or any(len(p) < 3 for p in parts):
        return False
    for part in parts:
        parses = get_morph().parse(part)
        if not parses or not parses[0].is_known or parses[0].tag.POS != "NOUN":
            return False
        if any(tag in parses[0].tag for tag in NAME_TAGS):
            return False
    return True


@lru_cache(maxsize=65536)
def _inflect(word: str, case: str, gender: str | None, number: str | None, pos: str) -> str:
    morph = get_morph()
    parses = morph.parse(word)
    wanted_pos = {"ADJ": {"ADJF", "PRTF"}, "DET": {"ADJF", "NPRO"}, "NUM": {"NUMR", "ADJF"}}.get(
        pos, {"NOUN"}
    )
    chosen = next((p for p in parses if p.tag.POS in wanted_pos), parses[0] if parses else None)
    if chosen is None or "Fixd" in chosen.tag:
        return word
    if not chosen.is_known and any(p.tag.case == "nomn" for p in parses):
        return word  # an unknown name that may already be nominative: keep what the text wrote
    grams = {case}
    if number == "Plur":
        grams.add("plur")
    elif pos in AGREEING and gender in {"Masc", "Fem", "Neut"}:
        grams.update({"sing", {"Masc": "masc", "Fem": "femn", "Neut": "neut"}[gender]})
    elif number == "Sing":
        grams.add("sing")
    form = chosen.inflect(grams) or chosen.inflect({case})
    return restore_case(form.word, word) if form else word


def nominative_phrase(tokens: Sequence[Token]) -> str:
    """The nominative of a noun phrase: its head and the words agreeing with it change, the rest stays.

    `Внешнеполитической службы ЕС` → `Внешнеполитическая служба ЕС`; `Казахстана` → `Казахстан`;
    a lone adjective (`российского`) becomes its lemma (`российский`).
    """
    if not tokens:
        return ""
    inside = range(len(tokens))
    head = _phrase_head(tokens)
    head_token = tokens[head]
    if head_token.pos not in {"NOUN", "PROPN"}:
        if len(tokens) == 1 and head_token.pos == "ADJ":
            return head_token.lemma
        return _rejoin(tokens, [token.text for token in tokens])
    number = head_token.feat("Number")
    gender = head_token.feat("Gender")
    words: list[str] = []
    for i in inside:
        token = tokens[i]
        if token.feat("Case") == "Nom":
            words.append(token.text)
        elif i == head:
            words.append(_inflect(token.text, "nomn", gender, number, token.pos))
        elif i < head and token.pos in AGREEING and token.feat("Case") == head_token.feat("Case"):
            words.append(_inflect(token.text, "nomn", gender, number, token.pos))
        else:
            words.append(token.text)
    return _rejoin(tokens, words)


def _rejoin(tokens: Sequence[Token], words: Sequence[str]) -> str:
    """Join words with the spacing the text had between their tokens (`NEWSru.com`, `«Газпром»`)."""
    out = words[0]
    for prev, token, word in zip(tokens, tokens[1:], words[1:], strict=False):
        out += (" " if token.start > prev.stop else "") + word
    return out


def _phrase_head(tokens: Sequence[Token]) -> int:
    """Index of the first noun in the phrase that its syntax does not attach to another noun of it."""
    nouns = [i for i, token in enumerate(tokens) if token.pos in {"NOUN", "PROPN"}]
    if not nouns:
        return 0
    for i in nouns:
        if tokens[i].rel not in {"nmod", "flat:foreign"} or i == nouns[0]:
            return i
    return nouns[0]


# Verb infinitive endings: a lemma so ending made of a name word is the analyzer's misreading of an
# indeclinable name (`Фахми` → `фахмить`, `Нгози` → `нгозить`); no person's name ends so.
VERB_LEMMA_ENDINGS = ("ть", "ти", "чь")
VOWELS_AND_SIGNS = frozenset("аеёиоуыэюяьъй")
# Masculine surname stems (nominative) and the feminine nominative each takes (`Алиев` → `Алиева`,
# `Ковальский` → `Ковальская`); the tagger reads a woman's oblique surname (`Лейлу Алиеву`) as a man's.
FEMININE_SURNAMES = (
    ("ский", "ская"),
    ("цкий", "цкая"),
    ("ской", "ская"),
    ("ов", "ова"),
    ("ев", "ева"),
    ("ёв", "ёва"),
    ("ин", "ина"),
    ("ын", "ына"),
)
# Oblique endings of a feminine surname after its masculine stem: `Алиеву`, `Алиевой`, `Ковальскую`.
FEMININE_OBLIQUE = ("а", "у", "ой", "ою")
FEMININE_ADJ_OBLIQUE = ("ую", "ой", "ая")


def name_word_normal(text: str, normal: str) -> str:
    """The dictionary form of one name word, or its written form when the analyzer made a verb of it."""
    if fold(normal) != fold(text) and fold(normal).endswith(VERB_LEMMA_ENDINGS) and text[:1].isupper():
        return text
    return normal


@lru_cache(maxsize=4096)
def female_first_name(word: str) -> bool:
    """A first name the dictionary knows only as a woman's (`Лейла`, `Мария`; not `Юлий/Юлия` alike)."""
    readings = [p for p in get_morph().parse(word) if p.is_known and "Name" in p.tag]
    return bool(readings) and all("femn" in p.tag for p in readings)


def feminine_surname(normal: str, text: str) -> str:
    """A woman's surname in the nominative from the masculine lemma a tagger gave it, when the written
    (oblique) form is a feminine one of that stem: `Алиев`/`Алиеву` → `Алиева`."""
    folded, written = fold(normal), fold(text)
    if folded == written:  # left as written (`Марию Алёхину`): a masculine stem and a feminine ending
        for masc, fem in FEMININE_SURNAMES:
            if masc.endswith(("ий", "ой")):
                continue
            for ending in ("у", "ой", "ою"):
                stem = written[: -len(ending)] if written.endswith(ending) else ""
                if len(stem) > len(masc) + 1 and stem.endswith(fold(masc)):
                    return restore_case(stem[: -len(masc)] + fem, text)
    for masc, fem in FEMININE_SURNAMES:
        if not folded.endswith(masc) or len(folded) <= len(masc) + 1:
            continue
        stem = folded[: -len(masc)]
        adjectival = masc.endswith(("ий", "ой"))
        endings = FEMININE_ADJ_OBLIQUE if adjectival else FEMININE_OBLIQUE
        base = stem + (masc[:-2] if adjectival else masc)
        if written.startswith(base) and written[len(base) :] in endings:
            return restore_case(stem + fem, text)
        return normal
    return normal


@lru_cache(maxsize=4096)
def person_noun_only(word: str) -> bool:
    """A word the dictionary knows only as a common noun for a person (`Израильтянка`, `Журналист`),
    never as a first name or surname (`Вера`, `Лев` are both): a description, when it opens a name."""
    parses = [p for p in get_morph().parse(word) if p.is_known]
    return bool(parses) and all(
        "NOUN" in p.tag and "anim" in p.tag and not ({"Name", "Surn", "Patr"} & set(p.tag.grammemes))
        for p in parses
    )


def written_consonant_surname(text: str, normal: str) -> str:
    """A name word written with a final consonant (`Иссахар`, `Магуайр`) is its own nominative: an
    oblique form never drops the `-а` of a nominative, so a guessed `Иссахара` is the tagger's error."""
    if (
        len(text) > 2
        and text[-1].lower() not in VOWELS_AND_SIGNS
        and fold(normal)
        in (
            fold(text) + "а",
            fold(text) + "я",
        )
    ):
        return text
    return normal


@lru_cache(maxsize=65536)
def surname_nominative(word: str) -> str | None:
    """The nominative of a word the dictionary reads first as a person's surname in the nominative
    (`Саакашвили`, `Ходорковский`), else None (a common noun, a place, a first name)."""
    parses = get_morph().parse(word)
    if not parses or not parses[0].is_known:
        return None
    surnames = [p for p in parses if "Surn" in p.tag and p.tag.case == "nomn"]
    if "Surn" not in parses[0].tag or not surnames or any("Geox" in p.tag or "Orgn" in p.tag for p in parses):
        return None
    return restore_case(surnames[0].normal_form, word)


@lru_cache(maxsize=65536)
def participle_noun(word: str) -> str:
    """The folded masculine nominative singular of a participle or adjective used as a noun
    (`Подозреваемого` → `подозреваемый`), whose dictionary lemma is its verb; else the folded word."""
    for p in get_morph().parse(word):
        if p.tag.POS in {"PRTF", "ADJF"}:
            form = p.inflect({"nomn", "sing", "masc"})
            if form is not None:
                return fold(form.word)
    return fold(word)
