"""Which language a document is in, so only Russian reaches the Russian models.

resiliparse's `detect_fast` is fast and good for Latin-script text, but it calls Ukrainian and
Bulgarian text Russian. For Cyrillic text the letters decide first: і ї є ґ are Ukrainian, ў is
Belarusian, ы э are Russian (absent from uk/bg), ђ ћ џ љ њ ј are Serbian/Macedonian.
"""

from __future__ import annotations

import re
from collections import Counter

from resiliparse.parse.lang import detect_fast

from ..errors import WrongLanguage
from ..record import Document

__all__ = ["detect_language", "require_language", "UNKNOWN"]

UNKNOWN = "unknown"
# Below this many letters no detector is reliable; such text is let through as unknown.
MIN_LETTERS = 20
# Share of Cyrillic among letters above which the letter heuristic decides.
CYRILLIC_MAJORITY = 0.5

_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_SIGNS = {
    "sr": set("ђћџљњјЂЋЏЉЊЈ"),
    "kk": set("әғқңөұүһӘҒҚҢӨҰҮҺ"),
}
_I = set("іІ")  # Ukrainian and Belarusian
_UKRAINIAN = set("їєґЇЄҐ")
_SHORT_U = set("ўЎ")  # Belarusian only
_RUSSIAN = set("ыэЫЭ")  # Russian and Belarusian, never Ukrainian or Bulgarian
_HARD_SIGN = set("ъЪ")


def _cyrillic_language(text: str, letters: int) -> str:
    counts = Counter(text)

    def _count(_: str, signs: set[str]) -> int:
        return sum(counts[c] for c in signs)

    # A Russian article quoting a Ukrainian name has a few і; Ukrainian text has them in ~5% of
    # letters, Belarusian has і and ў in about that share.
    enough = max(3, letters // 200)
    i, short_u = _count(text, _I), _count(text, _SHORT_U)
    ukrainian, russian = _count(text, _UKRAINIAN), _count(text, _RUSSIAN)
    if short_u >= 1 and i >= enough and i + short_u > russian:
        return "be"
    if i + ukrainian >= enough and i + ukrainian > 2 * russian:
        return "uk"
    for lang, signs in _SIGNS.items():
        if _count(text, signs) >= enough:
            return lang
    # Bulgarian writes ъ as a vowel (~2% of letters) and has no ы/э; Russian uses ъ ~0.02%.
    if russian == 0 and letters > 200 and _count(text, _HARD_SIGN) > letters // 200:
        return "bg"
    return "ru"


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or 'unknown' when there is too little text."""
    sample = text[:20_000]
    letters = len(_LETTER.findall(sample))
    if letters < MIN_LETTERS:
        return UNKNOWN
    cyrillic = len(_CYRILLIC.findall(sample))
    if cyrillic / letters > CYRILLIC_MAJORITY:
        return _cyrillic_language(sample, cyrillic)
    lang, _score = detect_fast(sample)
    return lang if lang else UNKNOWN


def require_language(document: Document, expected: str = "ru") -> None:
    """Raise WrongLanguage naming the language when the document is not in `expected`.

    Text too short to tell is let through: the pipeline rejects empty documents itself.
    """
    lang = detect_language((document.title or "") + "\n" + document.text)
    if lang not in (expected, UNKNOWN):
        raise WrongLanguage(f"document is in '{lang}', not '{expected}'", document.origin)
