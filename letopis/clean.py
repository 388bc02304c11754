"""Text-level junk removal: scraped news carries ad scripts, "read also" links, subscribe prompts,
photo credits, cookie banners, breadcrumbs and legal footers; this stage drops those lines and
normalizes spacing, dashes and quotes, without dropping a sentence of the article.

Each line gets a score: junk-pattern hits (weights from `data/junk_patterns.tsv`), structural
features (script punctuation density, breadcrumb separators, menu-only words from `data/junk_nav.tsv`)
minus a bonus for sentence-shaped lines, so a content sentence about Telegram or cookies stays.
Context then extends the verdict: a "related links" header takes the link titles that follow it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from .errors import BadRecord
from .record import Article

__all__ = [
    "CleanResult",
    "JunkPattern",
    "LineVerdict",
    "clean_text",
    "clean",
    "score_line",
    "normalize_spaces",
    "normalize_typography",
    "load_patterns",
    "load_nav_words",
    "JUNK_THRESHOLD",
]

REQUIRES = ("raw",)
ASSIGNS = ("text", "removed")

# Swept 2.0-4.0 on the text-junk dev set and the junk-bearing event dev docs: 2.5-3.5 keep every content
# line and remove every junk line; 3.0 sits in the middle of that plateau.
JUNK_THRESHOLD = 3.0
KIND_CAP = 8.0  # one kind cannot outvote a long sentence by piling up near-duplicate patterns
NEIGHBOUR_BOOST = 1.5  # junk comes in clusters: a weakly suspicious line next to junk is junk
FRAGMENT_WEIGHT = (
    1.0  # junk is rarely a full sentence: any hit on a line without final punctuation counts more
)
# Junk markers sit at the start or end of a line: scanning a long paragraph's middle only costs time.
SCAN_HEAD, SCAN_TAIL = 400, 200
MAX_LINK_TITLES = 5  # link titles a "read also" header may take, across following one-line blocks
LINK_TITLE_WORDS = 16  # a link title is a headline: short, without sentence-final punctuation

_SENTENCE_END = re.compile(r"[.!?…][»\"”“'’)\]]*$")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_CODE_CHARS = re.compile(r"[{}()\[\];=<>]")
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_CRUMB_SEPARATOR = re.compile(r"\s+(?:[|/>»→•·\\]|::|-{1,2}>|=>)\s+")
_EMOJI_START = re.compile(r"^[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u25B6\u25BA]")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e]")
_ODD_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUN = re.compile(r" {2,}")
_LOWER_START = re.compile(r"^[a-zа-яё]")
_WRAP_END = re.compile(r"[.!?…:;»\"”)\]]$")


@dataclass(frozen=True)
class CleanResult:
    """Clean text (paragraphs joined by a blank line) and the junk lines that were dropped."""

    text: str
    removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class JunkPattern:
    """One row of `junk_patterns.tsv`: evidence of one kind of junk with its weight."""

    kind: str
    weight: float
    regex: re.Pattern[str]


@dataclass(frozen=True)
class LineVerdict:
    """Why one line was judged: its score and the kinds of junk it matched."""

    text: str
    score: float
    kinds: tuple[str, ...] = ()

    @property
    def junk(self) -> bool:
        return self.score >= JUNK_THRESHOLD

    @property
    def header(self) -> bool:
        """A "read also"/"related news" header: the link titles after it are junk too."""
        return "header" in self.kinds or ("related" in self.kinds and self.text.endswith(":"))


def _data_lines(name: str) -> list[tuple[int, str]]:
    text = resources.files("letopis").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append((number, line.rstrip("\n")))
    return rows


@lru_cache(maxsize=1)
def load_patterns() -> tuple[JunkPattern, ...]:
    """Read the junk patterns once; a broken row is a packaging bug, so it fails loudly.

    Patterns are written in lower case and matched against the lower-cased line: one `lower()` per
    line is cheaper than IGNORECASE in every one of ~100 regexes.
    """
    patterns = []
    for number, line in _data_lines("junk_patterns.tsv"):
        kind, weight, pattern = line.split("\t", 2)
        try:
            regex = re.compile(pattern)
        except re.error as error:  # pragma: no cover - guarded by a test over the file
            raise ValueError(f"junk_patterns.tsv:{number}: bad pattern: {error}") from error
        patterns.append(JunkPattern(kind, float(weight), regex))
    return tuple(patterns)


@lru_cache(maxsize=1)
def load_nav_words() -> frozenset[str]:
    """Words that make up menus and share bars; a line of only these words is navigation."""
    return frozenset(line.strip().lower() for _, line in _data_lines("junk_nav.tsv"))


@lru_cache(maxsize=1)
def _split_regex() -> re.Pattern[str]:
    after_sentence = "|".join(p.regex.pattern for p in load_patterns() if p.kind == "split")
    anywhere = "|".join(p.regex.pattern for p in load_patterns() if p.kind == "split-any")
    return re.compile(rf"(?<=[.!?…»\"”)])\s+(?=(?:{after_sentence}))|(?<=\S)\s+(?=(?:{anywhere}))")


@lru_cache(maxsize=1)
def _invisible() -> re.Pattern[str]:
    """Control, format (soft hyphen, zero-width, bidi marks) and surrogate characters: never text."""
    ranges: list[str] = []
    start = previous = -2
    for code in range(0x110000):
        if unicodedata.category(chr(code)) in {"Cc", "Cf", "Cs"} and code != 0x0A:
            if code != previous + 1:
                if start >= 0:
                    ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(previous))}")
                start = code
            previous = code
    ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(previous))}")
    return re.compile(f"[{''.join(ranges)}]")


def normalize_spaces(line: str) -> str:
    """Odd spaces become plain spaces, invisible and control characters go, runs collapse."""
    line = _invisible().sub("", _ODD_SPACE.sub(" ", line))
    return _SPACE_RUN.sub(" ", line).strip()


_DASH_RULES = (
    (re.compile(r"[\u2010\u2011]"), "-"),  # hyphen variants
    (re.compile(r"[\u2012\u2015]"), "—"),  # figure dash, horizontal bar
    (re.compile(r"(?<=\S) +(?:-{1,3}|[–—]) +(?=\S)"), " — "),  # a spaced hyphen or en dash is a dash
    (re.compile(r"^(?:-{1,3}|[–—]) +"), "— "),  # dialogue and list dash at line start
    (re.compile(r"(?<=[^\W\d_])--(?=[^\W\d_])"), "—"),
)
_QUOTE_RULES = (
    (re.compile(r"“([^“”„«»\"]*)”"), r"«\1»"),  # English-style pair → Russian guillemets
    (re.compile(r"(^|[\s(\[—–-])\"(?=[^\s\"])"), r"\1«"),  # straight quote opening a word
    (re.compile(r"(?<=\S)\"(?=$|[\s.,;:!?)\]»\"…—–-])"), "»"),  # straight quote closing a word
)


def normalize_typography(line: str) -> str:
    """Readable Russian: one em dash for spaced dashes, guillemets for paired straight quotes."""
    for regex, replacement in _DASH_RULES:
        line = regex.sub(replacement, line)
    if line.count('"') % 2 == 0 and _CYRILLIC.search(line):
        for regex, replacement in _QUOTE_RULES:
            line = regex.sub(replacement, line)
    return line


def _sentence_bonus(line: str, words: int) -> float:
    """Sentence-shaped lines are content: a long declarative line outweighs one weak junk hit."""
    cyrillic = len(_CYRILLIC.findall(line)) / max(1, len(_LETTER.findall(line)))
    bonus = 0.0
    if _SENTENCE_END.search(line) and words >= 5:
        bonus = 1.5 + (1.0 if words >= 12 else 0.0) + (1.5 if words >= 25 else 0.0)
    elif words >= 20:
        bonus = 1.0
    return bonus if cyrillic >= 0.5 else bonus / 2


def _looks_like_code(line: str) -> bool:
    """Leftover script or markup: dense code punctuation among Latin letters."""
    if len(line) < 20:
        return False
    letters = len(_LETTER.findall(line))
    cyrillic = len(_CYRILLIC.findall(line))
    density = len(_CODE_CHARS.findall(line)) / len(line)
    return density >= 0.06 and cyrillic <= 0.3 * max(1, letters)


def _is_breadcrumb(line: str) -> bool:
    """`Главная / Новости / Политика`: short segments joined by separators, no sentence."""
    segments = _CRUMB_SEPARATOR.split(line)
    if len(segments) < 3 or _SENTENCE_END.search(line):
        return False
    return all(1 <= len(_WORD.findall(segment)) <= 4 for segment in segments)


def _nav_score(line: str, words: list[str]) -> float:
    if not words or _SENTENCE_END.search(line) or any(ch.isdigit() for ch in line.split("(")[0]):
        return 0.0
    nav = load_nav_words()
    if not all(word.lower() in nav for word in words):
        return 0.0
    return 4.0 if len(words) >= 2 else 1.5


def score_line(line: str) -> LineVerdict:
    """Score one space-normalized line: positive is junk evidence, negative is content evidence."""
    by_kind: dict[str, float] = {}
    lowered = line.lower()
    if len(lowered) > SCAN_HEAD + SCAN_TAIL:
        lowered = f"{lowered[:SCAN_HEAD]} … {lowered[-SCAN_TAIL:]}"
    for pattern in load_patterns():
        if not pattern.kind.startswith("split") and pattern.regex.search(lowered):
            kind = "related" if pattern.kind == "header" else pattern.kind
            by_kind[kind] = by_kind.get(kind, 0.0) + pattern.weight
            if pattern.kind == "header":
                by_kind["header"] = 0.0
    words = _WORD.findall(line)
    if _looks_like_code(line):
        by_kind["script"] = by_kind.get("script", 0.0) + 4.0
    if _is_breadcrumb(line):
        by_kind["crumbs"] = by_kind.get("crumbs", 0.0) + 4.0
    nav = _nav_score(line, words)
    if nav:
        by_kind["nav"] = by_kind.get("nav", 0.0) + nav
    if _URL_ONLY.match(line):
        by_kind["link"] = 4.0
    elif _URL.search(line) and len(words) <= 8:
        by_kind["link"] = 1.5
    if not _LETTER.search(line) and sum(ch.isdigit() for ch in line) <= 3:
        by_kind["symbols"] = 4.0  # "***", "0 0 0", a lone counter: no sentence to lose
    if _EMOJI_START.match(line):
        by_kind["emoji"] = 1.0
    if by_kind and not _SENTENCE_END.search(line):
        by_kind["fragment"] = FRAGMENT_WEIGHT
    score = sum(min(weight, KIND_CAP) for weight in by_kind.values()) - _sentence_bonus(line, len(words))
    return LineVerdict(line, score, tuple(sorted(by_kind)))


@dataclass
class _Line:
    text: str
    block: int
    verdict: LineVerdict
    junk: bool


def _split_lines(raw: str) -> list[_Line]:
    """Lines with the index of their blank-line-separated block; junk glued after a sentence is split off."""
    lines: list[_Line] = []
    block = 0
    splitter = _split_regex()
    for physical in _LINE_BREAK.split(raw):
        text = normalize_spaces(physical)
        if not text:
            block += 1
            continue
        for part in _split_at(splitter, text):
            if part.strip():
                verdict = score_line(part.strip())
                lines.append(_Line(part.strip(), block, verdict, verdict.junk))
    return lines


def _split_at(splitter: re.Pattern[str], text: str) -> list[str]:
    """Split `text` where the (lower-case) splitter matches its lower-cased form."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased: do not split
        return [text]
    parts, start = [], 0
    for match in splitter.finditer(lowered):
        parts.append(text[start : match.start()])
        start = match.end()
    parts.append(text[start:])
    return parts


def _is_link_title(line: _Line) -> bool:
    words = len(_WORD.findall(line.text))
    return 1 <= words <= LINK_TITLE_WORDS and not _SENTENCE_END.search(line.text)


def _take_link_titles(lines: list[_Line]) -> None:
    """After a "read also" header, the headline-shaped lines of its block (or the next one-line blocks) are links."""
    for index, line in enumerate(lines):
        if not (line.junk and line.verdict.header):
            continue
        taken = 0
        for follower in lines[index + 1 : index + 1 + MAX_LINK_TITLES]:
            same_block = follower.block == line.block
            next_block = follower.block == lines[index + taken].block + 1
            if not (same_block or next_block) or not _is_link_title(follower) or follower.verdict.score < 0:
                break
            follower.junk = True
            taken += 1


def _boost_neighbours(lines: list[_Line]) -> None:
    """A line with some junk evidence next to a junk line crosses the threshold."""
    flags = [line.junk for line in lines]
    for index, line in enumerate(lines):
        if line.junk or line.verdict.score < 1.0:
            continue
        neighbours = flags[max(0, index - 1) : index] + flags[index + 1 : index + 2]
        if any(neighbours) and line.verdict.score + NEIGHBOUR_BOOST >= JUNK_THRESHOLD:
            line.junk = True


def _paragraphs(kept: list[_Line]) -> list[str]:
    """One paragraph per line, except a hard-wrapped line continued in lower case on the next line."""
    paragraphs: list[str] = []
    previous: _Line | None = None
    for line in kept:
        text = normalize_typography(line.text)
        if (
            previous is not None
            and previous.block == line.block
            and _LOWER_START.match(text)
            and not _WRAP_END.search(paragraphs[-1])
            and len(_WORD.findall(paragraphs[-1])) >= 4
        ):
            paragraphs[-1] = f"{paragraphs[-1]} {text}"
        else:
            paragraphs.append(text)
        previous = line
    return paragraphs


def clean_text(raw: str) -> CleanResult:
    """Drop junk lines and normalize the rest.

    Args:
        raw: scraped article text; lines may be separated by single or blank lines.

    Returns:
        The clean text, one paragraph per content line separated by a blank line (the headline stays
        its own first paragraph), and the junk lines removed.

    Raises:
        BadRecord: `raw` is not a string.
    """
    if not isinstance(raw, str):
        raise BadRecord(f"text to clean must be a string, not {type(raw).__name__}")
    lines = _split_lines(raw)
    _take_link_titles(lines)
    _boost_neighbours(lines)
    kept = [line for line in lines if not line.junk]
    removed = tuple(line.text for line in lines if line.junk)
    return CleanResult(text="\n\n".join(_paragraphs(kept)), removed=removed)


def clean(article: Article) -> Article:
    """The pipeline stage: fill `text` and `removed` from `raw`."""
    result = clean_text(article.raw)
    return replace(article, text=result.text, removed=result.removed)
