"""Bytes in every encoding Russian pages use decode to the same text; mojibake never survives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from letopis.errors import BinaryInput, EmptyInput, EncodingProblem, InputError
from letopis.ingest.encoding import declared_charset, decode_bytes, has_mojibake, repair_mojibake

TEXT = "Правительство Японии выразило решительный протест против визита министра обороны. Ёлка, щука, съезд."
PAGE = f'<html><head><meta charset="{{charset}}"><title>Новости</title></head><body><p>{TEXT}</p></body></html>'


def _utf8_as_cp1252(text: str) -> str:
    """What a browser shows for UTF-8 bytes read as windows-1252 (latin-1 for its five gaps)."""
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in text.encode())


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "cp1251", "koi8-r", "utf-16", "utf-16-le", "utf-16-be"])
def test_plain_text_in_each_encoding_decodes_without_a_declaration(codec: str) -> None:
    assert decode_bytes(TEXT.encode(codec)) == TEXT


@pytest.mark.parametrize("actual", ["utf-8", "cp1251", "koi8-r"])
@pytest.mark.parametrize("declared", [None, "utf-8", "windows-1251", "koi8-r", "iso-8859-1"])
def test_wrong_declarations_are_not_trusted(actual: str, declared: str | None) -> None:
    assert decode_bytes(TEXT.encode(actual), declared=declared) == TEXT


def test_meta_charset_is_read() -> None:
    page = PAGE.format(charset="koi8-r").encode("koi8-r")
    assert declared_charset(page) == "koi8-r"
    assert TEXT in decode_bytes(page)


def test_latin1_mojibake_is_repaired() -> None:
    assert repair_mojibake("Ð¡Ð¾Ð±Ñ‹Ñ‚Ð¸Ðµ") == "Событие"
    garbled = _utf8_as_cp1252("«Событие» — в Москве")
    assert repair_mojibake(garbled) == "«Событие» — в Москве"


def test_cp1251_mojibake_is_repaired() -> None:
    garbled = TEXT.encode("utf-8").decode("cp1251", errors="replace")
    assert garbled.startswith("РџСЂР°")
    assert repair_mojibake(garbled) == TEXT


def test_mojibake_inside_otherwise_good_text_is_repaired() -> None:
    assert repair_mojibake("Новость: Ð¡Ð¾Ð±Ñ‹Ñ‚Ð¸Ðµ и ещё") == "Новость: Событие и ещё"


def test_mojibake_saved_as_utf8_bytes_is_repaired_when_decoding() -> None:
    assert decode_bytes(_utf8_as_cp1252(TEXT).encode("utf-8")) == TEXT


def test_unrepairable_mojibake_is_rejected() -> None:
    # `Ñ‹` lost its continuation (C1 control stripped): the round trip cannot complete.
    with pytest.raises(EncodingProblem):
        repair_mojibake("Ð¡Ð¾Ð±ÑÑ‚Ð¸Ðµ")


def test_real_text_is_not_mojibake() -> None:
    for text in (TEXT, "Рівне — місто на заході України", "Café Ñandú, résumé, naïve", "Р. С. Т."):
        assert not has_mojibake(text), text


def test_binary_and_empty_inputs_are_rejected_with_reasons() -> None:
    with pytest.raises(BinaryInput):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 10)
    with pytest.raises(EmptyInput):
        decode_bytes(b"  \n ")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([None, "utf-8", "cp1251", "koi8-r", "utf-16", "bogus"]))
def test_arbitrary_bytes_decode_or_raise_input_error(data: bytes, declared: str | None) -> None:
    try:
        text = decode_bytes(data, declared)
    except InputError:
        return
    assert isinstance(text, str)
    assert not has_mojibake(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_repairs_or_raises_input_error(text: str) -> None:
    try:
        repaired = repair_mojibake(text)
    except InputError:
        return
    assert not has_mojibake(repaired)
