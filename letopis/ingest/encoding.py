"""Bytes to text for Russian web pages: declared charsets are checked, not trusted.

Russian pages come in UTF-8 (with or without BOM), cp1251, koi8-r and sometimes UTF-16, and their
declarations are often wrong. A declared charset is used only when decoding with it is strict-clean
and the result looks like text (no mojibake, sane letter case); otherwise the bytes are detected.
Text that is already mojibake (UTF-8 read as cp1252/latin-1 or as cp1251, e.g. `Ð¡Ð¾Ð±Ñ‹Ñ‚Ð¸Ðµ`
or `РЎРѕР±С‹С‚РёРµ`) is repaired by the reverse round trip, or rejected: never stored as text.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import BinaryInput, EmptyInput, EncodingProblem

__all__ = [
    "decode_bytes",
    "repair_mojibake",
    "has_mojibake",
    "declared_charset",
    "normalize_charset",
]

# How far into a page to look for a <meta charset>: the HTML spec says the first 1024 bytes;
# real pages put it later behind long <script> blocks, so 4096.
META_SNIFF_BYTES = 4096
# Share of control characters above which decoded "text" is really binary data.
MAX_CONTROL_SHARE = 0.05
# A single-byte Cyrillic decode whose Cyrillic letters are mostly upper case is the wrong table
# (cp1251 read as koi8-r swaps the cases); news text is ~5-10% capitals, headline caps ~100%.
MAX_UPPER_SHARE = 0.6

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]{2,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-zA-Z0-9_.:+-]{2,40})""", re.I)

# Characters that a UTF-8 continuation byte (0x80-0xBF) becomes when read as cp1252 or latin-1.
_CONT_1252 = "".join(
    sorted({bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)})
)
# ...and when read as cp1251.
_CONT_1251 = bytes(range(0x80, 0xC0)).decode("cp1251", errors="replace").replace("\ufffd", "")
# UTF-8 read as cp1252: lead byte of a 2-byte sequence (Ð, Ñ for Cyrillic; Â, Ã for Latin-1
# punctuation) then a continuation; or a 3-byte sequence (â€” for a dash, â€œ for a quote).
_MOJIBAKE_1252 = re.compile(
    f"(?:[\u00c2-\u00df][{re.escape(_CONT_1252)}]|[\u00e0-\u00ef][{re.escape(_CONT_1252)}]{{2}})+"
)
# UTF-8 Cyrillic read as cp1251: Р/С/Т (0xD0-0xD2) then a continuation. One pair alone can be
# real text (Ukrainian `Рі`), two in a row never is.
_PAIR_1251 = f"[РСТ][{re.escape(_CONT_1251)}]"
_MOJIBAKE_1251 = re.compile(f"(?:{_PAIR_1251}){{2,}}")
# A UTF-8 lead byte whose continuation was lost (C1 controls stripped on the way) sits as a
# lone Ð/Ñ against Cyrillic letters: beyond repair.
_LONE_LEAD = re.compile(r"[ÐÑ](?=[\u0400-\u04ffÐÑ])|(?<=[\u0400-\u04ff])[ÐÑ]")
# Latin-1 accented letters (U+00C0-U+00FF): ~5% of letters in French or German, ~100% when
# Cyrillic bytes are read with a Western table (`ðÒÁ×ÉÔÅÌØÓÔ×Ï`).
_LATIN1_LETTER = re.compile(r"[\u00c0-\u00ff]")
MAX_LATIN1_SHARE = 0.3
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_UPPER = re.compile(r"[\u0400-\u042f]")
# UTF-8 read as koi8-r turns continuation bytes into box-drawing characters.
_BOX_DRAWING = re.compile(r"[\u2500-\u259f\u2320\u2321]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# Encodings tried, in order, when no declaration holds; UTF-8 first since a clean strict UTF-8
# decode of non-ASCII bytes is almost never an accident.
_FALLBACKS = ("utf-8", "cp1251", "koi8-r")


def normalize_charset(name: str | None) -> str | None:
    """A Python codec name for a declared charset, or None if Python does not know it."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    aliases = {"win-1251": "cp1251", "windows-1251": "cp1251", "x-cp1251": "cp1251", "utf8": "utf-8"}
    name = aliases.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset the document itself declares (<meta charset> or <?xml encoding>)."""
    head = data[:META_SNIFF_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    return normalize_charset(match.group(1).decode("ascii", errors="ignore"))


def has_mojibake(text: str) -> bool:
    """True when the text holds UTF-8 bytes decoded with a single-byte table."""
    return bool(_find_mojibake(text)) or bool(_LONE_LEAD.search(text))


def _find_mojibake(text: str) -> list[re.Match[str]]:
    found = [m for m in _MOJIBAKE_1252.finditer(text) if _is_utf8_1252(m.group(0))]
    found += [m for m in _MOJIBAKE_1251.finditer(text) if _is_utf8(m.group(0), "cp1251")]
    return found


def _sloppy_bytes(text: str, codec: str) -> bytes | None:
    """The bytes a single-byte codec would have read as `text`; latin-1 fills cp1252's gaps."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode(codec)
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return None
            out.append(ord(char))
    return bytes(out)


def _is_utf8(run: str, codec: str) -> bool:
    raw = _sloppy_bytes(run, codec)
    if raw is None:
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _is_utf8_1252(run: str) -> bool:
    # Two accented Latin letters in a row (`Ã©` is mojibake, but `Ðá`?) decode too; require the
    # result to contain something other than Latin-1 letters, or two sequences.
    raw = _sloppy_bytes(run, "cp1252")
    if raw is None:
        return False
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return len(decoded) >= 2 or any(ord(c) > 0xFF or not c.isalpha() for c in decoded)


def repair_mojibake(text: str, where: str | None = None) -> str:
    """Undo UTF-8-read-as-cp1252/latin-1/cp1251 mojibake; raise EncodingProblem if some remains."""
    if not has_mojibake(text):
        return text
    for codec in ("cp1252", "cp1251"):
        raw = _sloppy_bytes(text, codec)
        if raw is None:
            continue
        try:
            whole = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if not has_mojibake(whole):
            return whole
    repaired = _MOJIBAKE_1252.sub(lambda m: _decode_run(m.group(0), "cp1252"), text)
    repaired = _MOJIBAKE_1251.sub(lambda m: _decode_run(m.group(0), "cp1251"), repaired)
    if has_mojibake(repaired):
        raise EncodingProblem(
            "text is mojibake (UTF-8 decoded with a single-byte table) and cannot be repaired", where
        )
    return repaired


def _decode_run(run: str, codec: str) -> str:
    raw = _sloppy_bytes(run, codec)
    if raw is None:
        return run
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return run


def _looks_right(text: str) -> bool:
    if has_mojibake(text) or len(_BOX_DRAWING.findall(text[:20_000])) > 3:
        return False
    sample = text[:20_000]
    latin1 = len(_LATIN1_LETTER.findall(sample))
    if latin1 > 20 and latin1 / max(1, sum(c.isalpha() for c in sample)) > MAX_LATIN1_SHARE:
        return False
    letters = _CYRILLIC.findall(text)
    if len(letters) < 20:
        return True
    upper = sum(1 for c in letters if _CYRILLIC_UPPER.match(c))
    return upper / len(letters) <= MAX_UPPER_SHARE


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _bom(data: bytes) -> tuple[str, int] | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8", len(codecs.BOM_UTF8)
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        return "utf-32", 0
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16", 0
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM: every other byte is a high byte, 0x00 (ASCII) or 0x04 (Cyrillic)."""
    sample = data[:2000]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]

    def high(part: bytes) -> float:
        return (part.count(0) + part.count(4)) / len(part)

    if high(odd) > 0.8 and even.count(0) / len(even) < 0.05:
        return "utf-16-le"
    if high(even) > 0.8 and odd.count(0) / len(odd) < 0.05:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> str | None:
    for codec in _FALLBACKS:
        text = _try(data, codec)
        if text is not None and _looks_right(text) and (codec == "utf-8" or _CYRILLIC.search(text)):
            return text
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        text = _try(data, best.encoding)
        if text is not None and _looks_right(text):
            return text
    return None


def decode_bytes(data: bytes, declared: str | None = None, where: str | None = None) -> str:
    """Decode a document's bytes: BOM, then the declaration if it checks out, then detection.

    Args:
        data: the raw bytes.
        declared: the charset from the HTTP header or the caller, if any; the document's own
            <meta> declaration is also tried.
        where: file or URL, for error messages.

    Raises:
        EmptyInput, BinaryInput, EncodingProblem: with the reason, for the quarantine.
    """
    if not data.strip():
        raise EmptyInput("document is empty", where)
    bom = _bom(data)
    if bom is not None:
        text = _try(data[bom[1] :], bom[0])
        if text is None:
            raise EncodingProblem(
                f"document starts with a {bom[0]} byte-order mark but is not {bom[0]}", where
            )
        return _checked(text, where)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        text = _try(data, utf16)
        if text is not None:
            return _checked(text, where)
    if b"\x00" in data[:8192]:
        raise BinaryInput("document contains NUL bytes: binary data, not text", where)
    # Valid UTF-8 with non-ASCII bytes is almost never an accident of another encoding, so it
    # wins over any declaration (servers that say windows-1251 for UTF-8 pages are common).
    # Mojibake inside valid UTF-8 is repaired (or rejected) by _checked, not re-guessed.
    text = _try(data, "utf-8")
    if text is not None:
        return _checked(text, where)
    candidates = [normalize_charset(declared), declared_charset(data)]
    for codec in candidates:
        if codec is None or codec.startswith("utf-16") or codec.startswith("utf-32"):
            continue
        text = _try(data, codec)
        if text is not None and _looks_right(text):
            return _checked(text, where)
    text = _detect(data)
    if text is None:
        # Last resort: UTF-8 with replacement, then repair or reject.
        text = data.decode("utf-8", errors="replace")
        if text.count("\ufffd") > max(3, len(text) // 100):
            raise EncodingProblem("cannot determine the document's encoding", where)
    return _checked(text, where)


def _checked(text: str, where: str | None) -> str:
    text = text.lstrip("\ufeff")
    sample = text[:20_000]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > MAX_CONTROL_SHARE:
        raise BinaryInput("document is mostly control characters: binary data, not text", where)
    return repair_mojibake(text, where)
