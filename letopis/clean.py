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

from .datafiles import data_text
from .errors import BadRecord
from .junk_model import CYRILLIC, LETTER, SENTENCE_END, junk_logits
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
# Structural evidence, tuned on the synthetic held-out set (tests/fixtures/text-junk/synthetic_heldout.jsonl)
# and checked against the dev set: each weight is "junk unless the line is a sentence" (3) or decisive (4).
SPLIT_MIN_WORDS = 3  # glued junk is split off only after a caption or sentence, not after a label word
SHORT_WORDS = 8  # a fragment of at most this many words is page furniture when it has no sentence shape
STAMP_WEIGHT = 3.0  # clock times, numeric dates, counters: "09:41, 14 марта 2021 | Обновлено 10:05"
DIGIT_SHARE = 0.5  # a short fragment whose tokens are half numbers is a ticker, rating or counter
FOREIGN_WEIGHT = 2.0  # a short mostly-Latin fragment in a Russian text: "Share on Facebook", "Loading..."
CAPITALS_MIN_WORDS = 4  # "Новости Статьи Видео Фото": Russian headlines are sentence case, menus are not
HEADLINE_BONUS = 2.0  # the first plausible line is the headline: weak junk evidence must not take it
SENTENCE_WORDS = 8  # a line with final punctuation and this many words is never junk by mere adjacency
# The line model (letopis/junk_model.py): its clipped log-odds, scaled, are added to the pattern score.
MODEL_SCALE = 1.5
LOGIT_CLIP = 6.0
MODEL_MIN_LINES = 4  # position in a two- or three-line text says nothing: the model stays out of it
ADJACENT_WORDS = 6  # a bare fragment this short between junk lines is junk (menus, link titles, labels)

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_CODE_CHARS = re.compile(r"[{}()\[\];=<>]")
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_CRUMB_SEPARATOR = re.compile(r"\s+(?:[|/>»›→•·\\—–-]|::|-{1,2}>|=>)\s+")
_EMOJI_START = re.compile(r"^[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u25B6\u25BA]")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e]")
_ODD_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUN = re.compile(r" {2,}")
_LOWER_START = re.compile(r"^[a-zа-яё]")
_WRAP_END = re.compile(r"[.!?…:;»\"”)\]]$")
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_CLOCK = re.compile(
    r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])|\b\d{1,2}[./]\d{1,2}[./](?:19|20)?\d{2}\b"
)
_UNIT = re.compile(r"[°℃$€₽₸]|\b(?:usd|eur|rub|kzt|uzs|kgs)\b", re.IGNORECASE)
_CONTACT = re.compile(
    r"\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b|\+\d[\d\s()-]{8,}\d|\b8\s?\(?\d{3}\)?\s?\d{3}[\s-]?\d{2}[\s-]?\d{2}\b"
)
_HASHTAG = re.compile(r"(?:^|\s)#[^\W\d_][\w-]*")
_MENU_BREAKER = re.compile(r"[,:;()«»\"]")  # menus have no commas, colons or quotes; captions of names do
_PICTOGRAPH = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2190-\u21FF]")


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
    text = data_text(name)
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
    if line.count('"') % 2 == 0 and CYRILLIC.search(line):
        for regex, replacement in _QUOTE_RULES:
            line = regex.sub(replacement, line)
    return line


def _sentence_bonus(line: str, words: int) -> float:
    """Sentence-shaped lines are content: a long declarative line outweighs one weak junk hit."""
    cyrillic = len(CYRILLIC.findall(line)) / max(1, len(LETTER.findall(line)))
    bonus = 0.0
    if SENTENCE_END.search(line) and words >= 5:
        bonus = 1.5 + (1.0 if words >= 12 else 0.0) + (1.5 if words >= 25 else 0.0)
    elif words >= 20:
        bonus = 1.0
    return bonus if cyrillic >= 0.5 else bonus / 2


def _looks_like_code(line: str) -> bool:
    """Leftover script or markup: dense code punctuation among Latin letters."""
    if len(line) < 20:
        return False
    letters = len(LETTER.findall(line))
    cyrillic = len(CYRILLIC.findall(line))
    density = len(_CODE_CHARS.findall(line)) / len(line)
    return density >= 0.06 and cyrillic <= 0.3 * max(1, letters)


def _is_breadcrumb(line: str) -> bool:
    """`Главная / Новости / Политика`: short segments joined by separators, no sentence."""
    segments = _CRUMB_SEPARATOR.split(line)
    if len(segments) < 3 or SENTENCE_END.search(line):
        return False
    return all(1 <= len(_WORD.findall(segment)) <= 4 for segment in segments)


def _nav_score(line: str, words: list[str]) -> float:
    if not words or SENTENCE_END.search(line) or any(ch.isdigit() for ch in line.split("(")[0]):
        return 0.0
    nav = load_nav_words()
    if not all(word.lower() in nav for word in words):
        return 0.0
    return 4.0 if len(words) >= 2 else 1.5


def _is_fragment(line: str, words: list[str]) -> bool:
    """Short and without sentence-final punctuation: the shape of menus, labels, stamps and link titles."""
    return len(line.split()) <= SHORT_WORDS and not SENTENCE_END.search(line)


def _structure(line: str, words: list[str]) -> dict[str, float]:
    """Junk evidence from a line's shape alone, so unseen wordings of known templates are still caught."""
    found: dict[str, float] = {}
    if _CONTACT.search(line) and len(words) <= 12:
        found["contact"] = 3.0  # an e-mail address or phone number in a short line: masthead or form
    if not _is_fragment(line, words):
        return found
    digits = sum(any(ch.isdigit() for ch in token) for token in line.split())
    tokens = len(line.split())
    if (
        _CLOCK.search(line)
        or (digits and digits / tokens >= DIGIT_SHARE)
        or (_UNIT.search(line) and tokens <= 3)
    ):
        found["stamp"] = STAMP_WEIGHT
    letters = len(LETTER.findall(line))
    if letters and len(_LATIN.findall(line)) >= 0.8 * letters and not _looks_like_code(line):
        found["foreign"] = FOREIGN_WEIGHT
    capitals = [word for word in words if word[0].isupper()]
    menu_shaped = not _MENU_BREAKER.search(line)
    if len(words) >= CAPITALS_MIN_WORDS and len(capitals) == len(words) and not digits and menu_shaped:
        found["nav"] = 3.0
    elif 1 <= len(words) <= 3 and letters >= 4 and line.upper() == line and CYRILLIC.search(line):
        found["nav"] = 3.0  # a rubric in capitals: "ПРОИСШЕСТВИЯ"
    if _EMOJI_START.match(line) and len(words) <= 3:
        found["emoji"] = 3.0  # "🔥 Срочно": a badge, not a headline
    tags = len(_HASHTAG.findall(line))
    if tags >= 2 and tags >= len(words) - 1:
        found["tags"] = 4.0
    if len(_PICTOGRAPH.findall(line)) >= 2:
        found["emoji"] = 3.0  # reaction bars and ratings: "👍 34 👎 2"
    return found


def score_line(line: str) -> LineVerdict:
    """Score one space-normalized line: positive is junk evidence, negative is content evidence."""
    by_kind: dict[str, float] = {}
    lowered = line.lower()
    if len(lowered) > SCAN_HEAD + SCAN_TAIL:
        lowered = f"{lowered[:SCAN_HEAD]} … {lowered[-SCAN_TAIL:]}"
    content_bonus = 0.0
    for pattern in load_patterns():
        if pattern.kind == "content":
            if not content_bonus and pattern.regex.search(lowered):
                content_bonus = pattern.weight
        elif not pattern.kind.startswith("split") and pattern.regex.search(lowered):
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
    for kind, weight in _structure(line, words).items():
        by_kind[kind] = max(by_kind.get(kind, 0.0), weight)
    if _URL_ONLY.match(line):
        by_kind["link"] = 4.0
    elif _URL.search(line) and len(words) <= 8:
        by_kind["link"] = 1.5
    if not LETTER.search(line) and sum(ch.isdigit() for ch in line) <= 3:
        by_kind["symbols"] = 4.0  # "***", "0 0 0", a lone counter: no sentence to lose
    if _EMOJI_START.match(line):
        by_kind["emoji"] = max(by_kind.get("emoji", 0.0), 1.0)
    if by_kind and not SENTENCE_END.search(line):
        by_kind["fragment"] = FRAGMENT_WEIGHT
    bonus = _sentence_bonus(line, len(words))
    if bonus and SENTENCE_END.search(line) and len(words) >= SENTENCE_WORDS:
        bonus += content_bonus  # a reported statement is news, even when it quotes a junk phrase
    score = sum(min(weight, KIND_CAP) for weight in by_kind.values()) - bonus
    return LineVerdict(line, score, tuple(sorted(by_kind)))


@dataclass
class _Line:
    text: str
    block: int
    verdict: LineVerdict
    junk: bool
    headline: bool = False

    @property
    def sentence(self) -> bool:
        """Sentence-shaped: final punctuation and enough words; adjacency to junk never takes it."""
        return bool(SENTENCE_END.search(self.text)) and len(self.text.split()) >= SENTENCE_WORDS

    @property
    def bare(self) -> bool:
        """A short fragment without sentence shape: the shape of a menu item, label or link title."""
        return len(self.text.split()) <= ADJACENT_WORDS and not SENTENCE_END.search(self.text)


def _mark_headline(lines: list[_Line]) -> None:
    """The first line without decisive junk evidence is the headline: weak evidence must not drop it.

    Junk above the headline (breadcrumbs, dates, bylines) is usually caught by a strong pattern or shape,
    so the first line left standing is where the article begins.
    """
    for line in lines:
        if line.junk or not CYRILLIC.search(line.text) or _looks_like_code(line.text):
            continue
        line.headline = True
        if line.verdict.score < JUNK_THRESHOLD + HEADLINE_BONUS:
            line.junk = False
        return


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
        if len(text[start : match.start()].split()) < SPLIT_MIN_WORDS:
            continue  # "Автор фото: …" is one credit, not a caption with a credit glued on
        parts.append(text[start : match.start()])
        start = match.end()
    parts.append(text[start:])
    return parts


def _is_link_title(line: _Line) -> bool:
    words = len(_WORD.findall(line.text))
    return 1 <= words <= LINK_TITLE_WORDS and not SENTENCE_END.search(line.text)


def _take_link_titles(lines: list[_Line]) -> None:
    """After a "read also" header, the headline-shaped lines of its block (or the next one-line blocks) are links."""
    for index, line in enumerate(lines):
        if not (line.junk and line.verdict.header):
            continue
        taken = 0
        for follower in lines[index + 1 : index + 1 + MAX_LINK_TITLES]:
            same_block = follower.block == line.block
            next_block = follower.block == lines[index + taken].block + 1
            if (
                not (same_block or next_block)
                or not _is_link_title(follower)
                or follower.verdict.score < 0
                or follower.headline
            ):
                break
            follower.junk = True
            taken += 1


def _boost_neighbours(lines: list[_Line]) -> None:
    """Junk comes in clusters: a line with some junk evidence next to a junk line crosses the threshold,
    and so does a bare fragment (menu item, label, link title) between junk lines or at an edge of junk."""
    flags = [line.junk for line in lines]
    for index, line in enumerate(lines):
        if line.junk or line.headline or line.sentence:
            continue
        before = flags[index - 1] if index > 0 else None
        after = flags[index + 1] if index + 1 < len(flags) else None
        if not (before or after):
            continue
        weak = line.verdict.score >= 1.0 and line.verdict.score + NEIGHBOUR_BOOST >= JUNK_THRESHOLD
        edge = before is not False and after is not False  # junk on both sides, or junk and the text's end
        if weak or (line.bare and line.verdict.score >= 0 and edge):
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


def rule_lines(raw: str) -> list[_Line]:
    """Lines judged by patterns, shapes and context alone (the model's input and its fitting data)."""
    lines = _split_lines(raw)
    _mark_headline(lines)
    _take_link_titles(lines)
    _boost_neighbours(lines)
    return lines


def _apply_model(lines: list[_Line]) -> None:
    """The line model tips lines the patterns left standing: its log-odds join the pattern score.

    The model only takes fragments (no sentence-final punctuation) other than the headline, and stays out
    of texts too short for position to mean anything: a sentence is never lost to it.
    """
    candidates = [
        index
        for index, line in enumerate(lines)
        if not (line.junk or line.headline or SENTENCE_END.search(line.text))
    ]
    if not candidates or len(lines) < MODEL_MIN_LINES:
        return
    texts = [line.text for line in lines]
    logits = junk_logits(texts, [line.junk for line in lines], candidates)
    for index, logit in zip(candidates, logits, strict=True):
        line = lines[index]
        if line.verdict.score + MODEL_SCALE * max(-LOGIT_CLIP, min(LOGIT_CLIP, logit)) >= JUNK_THRESHOLD:
            line.junk = True


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
    lines = rule_lines(raw)
    _apply_model(lines)
    kept = [line for line in lines if not line.junk]
    removed = tuple(line.text for line in lines if line.junk)
    return CleanResult(text="\n\n".join(_paragraphs(kept)), removed=removed)


def clean(article: Article) -> Article:
    """The pipeline stage: fill `text` and `removed` from `raw`."""
    result = clean_text(article.raw)
    return replace(article, text=result.text, removed=result.removed)
