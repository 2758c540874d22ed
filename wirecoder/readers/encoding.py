"""The encoding of a whole text file (a wire story): UTF-8, a Unicode encoding named by its byte-order mark,
or a Western single-byte encoding when the bytes say so clearly; anything else is a skip (``undecodable``).

What can be told reliably is told, nothing is guessed: a BOM names its encoding outright, and bytes that are
not UTF-8 are read as Windows-1252 only when charset_normalizer finds them clean text in it. Windows-1252
prints every Latin-1 letter at the same byte (it differs only at 0x80-0x9F, control codes in Latin-1 that
no text uses), so one decoding serves both. Central European, Cyrillic or DOS bytes read that way come out
as a mess of symbols inside words, which charset_normalizer measures: they stay a skip. Short texts in
those scripts would be mistaken for French by a free guess (charset_normalizer's own best match for a
French paragraph in Latin-1 can be ISO-8859-14 or Windows-1250, which turn è into č), hence the one
candidate.

JSON Lines stay UTF-8 only, as JSON requires: this is for files that are one story each.
"""

from __future__ import annotations

import codecs
import logging
from dataclasses import dataclass

from ..errors import InputError
from .base import check_control, decode_text

log = logging.getLogger(__name__)

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SINGLE_BYTE = "cp1252"
# charset_normalizer's mess ratio above which a Windows-1252 reading is not trusted. French read right
# measures 0.0; a DOS (cp850) French text read as Windows-1252 measured 0.05, other scripts are rejected
# outright (no result at all).
MAX_MESS = 0.03
# Non-letters that French writes between two letters: curly apostrophes, hyphens, the middle dot (élu·es).
INSIDE_WORDS = frozenset("’‘‐‑·")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str | None  # None: UTF-8 (the rule); else the encoding it was read in, e.g. "windows-1252"


def decode_file(data: bytes, *, source: str | None = None) -> Decoded:
    """The text of a whole file and the encoding it was read in; InputError (``binary``, ``undecodable``)
    when it is not text or its encoding cannot be told."""
    decoded = decode_bom(data, source=source)
    if decoded is not None:
        return decoded
    try:
        return Decoded(decode_text(data, source=source), None)
    except InputError as err:
        if err.reason != "undecodable":
            raise
        name = single_byte_encoding(data)
        if name is None:
            raise InputError("undecodable", f"{err.detail}, and not clearly Windows-1252 or Latin-1 either",
                             source=source) from None
    text = data.decode(SINGLE_BYTE)
    check_control(text, source=source)
    return _noted(Decoded(text, name), source)


def decode_bom(data: bytes, *, source: str | None = None) -> Decoded | None:
    """The text of a UTF-16 or UTF-32 file that starts with its byte-order mark; None without one."""
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(name)
            except UnicodeDecodeError as exc:
                raise InputError("undecodable", f"not valid {name.upper()} after its byte-order mark, at byte "
                                 f"{exc.start + len(bom)}", source=source) from None
            check_control(text, source=source)
            return _noted(Decoded(text, name), source)
    return None


def single_byte_encoding(data: bytes) -> str | None:
    """``windows-1252`` or ``iso-8859-1`` (no byte in 0x80-0x9F: the two read the same) when ``data`` reads
    as clean text in Windows-1252, else None."""
    from charset_normalizer import from_bytes  # imported on use: only for files that are not UTF-8

    try:
        data.decode(SINGLE_BYTE)
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned: not this encoding
        return None
    if _symbol_inside_a_word(data.decode(SINGLE_BYTE)):
        return None
    best = from_bytes(data, cp_isolation=[SINGLE_BYTE]).best()
    if best is None or best.chaos > MAX_MESS:
        return None
    return "windows-1252" if any(0x80 <= b <= 0x9F for b in data) else "iso-8859-1"


def _symbol_inside_a_word(text: str) -> bool:
    """A non-ASCII symbol between two letters ("Pos³owie": Polish ł read as Windows-1252) is what a wrong
    single-byte reading looks like, even in a line too short for charset_normalizer to judge. French puts
    only apostrophes, hyphens and the inclusive-writing middle dot there."""
    for i in range(1, len(text) - 1):
        ch = text[i]
        if ord(ch) >= 0x80 and not ch.isalpha() and ch not in INSIDE_WORDS \
                and text[i - 1].isalpha() and text[i + 1].isalpha():
            return True
    return False


def _noted(decoded: Decoded, source: str | None) -> Decoded:
    log.info("%s: read as %s", source or "<input>", decoded.encoding)
    return decoded
