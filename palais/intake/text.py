"""Decode the bytes of a text file, whichever encoding a mission's computer used.

Order of evidence, strongest first: a byte-order mark; UTF-16 without a mark,
seen from its zero bytes in every other position; valid UTF-8 (a legacy code
page almost never forms valid UTF-8 by chance); then charset-normalizer
restricted to the code pages used for the six languages. Every result is
checked: text that is mostly control characters is binary junk, and UTF-8 that
reads back as UTF-8 once more is mojibake (text decoded with the wrong code
page and saved again). Both are refused with a reason rather than handed to
the parser as if they were a document.

Two things are repaired with a warning instead: a file whose lines are in two
encodings (UTF-8 pasted into a code-page file, or the reverse) has each line
read in its own encoding, and the few C0 control characters a copy from
another program leaves (which no XML, hence no Akoma Ntoso version, can hold)
are removed.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from palais import points
from palais.errors import ParseError

# Code pages missions use for the six languages (Windows first, then the older
# Cyrillic and Chinese encodings still met); UTF-8 and UTF-16 are tried before.
LEGACY_ENCODINGS = ("cp1252", "cp1251", "cp1256", "gb18030", "koi8_r", "big5")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_CONTROLS = frozenset(("Cc", "Cs"))
_JUNK = frozenset(("Cc", "Cs", "Cn", "Co"))
"""Control, surrogate, unassigned and private-use characters: what random bytes decode to."""
_MAX_CONTROL_SHARE = 0.02
"""Share of such characters above which decoded "text" is binary data."""
_SAMPLE = 64 * 1024
_GOOD_PER_BAD = 20
"""Valid non-ASCII characters per bad byte for damaged UTF-8 to be read as UTF-8."""


_C0 = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")
"""C0 controls but tab, line ends and the form feed that separates pages; DEL; the
two noncharacters. XML 1.0 refuses all of them but DEL, which no document means."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text of a file and what was repaired on the way, for the user to check."""

    text: str
    warnings: tuple[str, ...] = ()


def decode(data: bytes, name: str) -> str:
    """The text of ``data``; ParseError when it is binary or its encoding cannot be told."""
    return decode_text(data, name).text


def decode_text(data: bytes, name: str) -> Decoded:
    """:func:`decode` with the warnings of a file that mixes encodings."""
    text, encoding = _decode(data, name)
    _check_plausible(text, name, encoding)
    warnings: tuple[str, ...] = ()
    if "+" in encoding:
        utf8, legacy = encoding.split("+")
        warnings = (points.say(points.MIXED_ENCODINGS, name=name, first=utf8.upper(),
                               second=legacy),)
    return Decoded(tidy(text), warnings)


def without_controls(text: str, name: str) -> Decoded:
    """``text`` without control characters, with a warning saying how many went."""
    cleaned, removed = _C0.subn("", text)
    if not removed:
        return Decoded(text)
    return Decoded(cleaned, (points.say(points.CONTROLS_REMOVED, name=name, count=removed),))


def tidy(text: str) -> str:
    """Remove what extraction leaves in text but is no part of it.

    NUL characters go; a soft hyphen at a line end was a printed hyphen where
    the word broke, so it becomes ``-`` for the parser to join the word, and
    elsewhere an invisible soft hyphen is dropped. Line ends become ``\\n``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if "\u00ad" in text:
        text = text.replace("\u00ad\n", "-\n").replace("\u00ad", "")
    return text


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _whole_units(data[len(bom):], encoding).decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise ParseError(
                    "%(name)s starts with a %(value)s byte-order mark but is not valid %(value)s "
                    "(byte %(value2)s)",
                    name=name, value=encoding.upper(), value2=exc.start + len(bom),
                ) from exc
    # UTF-16 of Latin or Cyrillic text is also valid UTF-8 (every byte below 0x80),
    # so its zero bytes are looked at first.
    wide = _utf16_without_bom(data) if b"\x00" in data[:_SAMPLE] else None
    if wide is not None:
        try:
            return _whole_units(data, wide).decode(wide), wide
        except UnicodeDecodeError as exc:
            raise ParseError(
                "%(name)s looks like %(value)s text but is not valid %(value)s",
                name=name, value=wide.upper(),
            ) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        mixed = _mixed_lines(data)
        if mixed is not None:
            return mixed
        damaged = _damaged_utf8(data)
        if damaged is not None:
            return damaged, "utf-8"
    if b"\x00" in data[:_SAMPLE]:
        raise ParseError("%(name)s holds binary data, not text", name=name)
    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        raise ParseError(
            "%(name)s: cannot tell the text encoding (not UTF-8, UTF-16 or one of %(value)s); "
            "save the file as UTF-8",
            name=name, value=', '.join(LEGACY_ENCODINGS),
        )
    return str(best), best.encoding


def _whole_units(data: bytes, encoding: str) -> bytes:
    """A UTF-16 or UTF-32 file cut short loses its last, incomplete code unit."""
    unit = 4 if "32" in encoding else 2 if "16" in encoding else 1
    return data[: len(data) - len(data) % unit]


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (a file cut short, a damaged sector), else None.

    In a legacy code page nearly every non-ASCII byte is invalid UTF-8; in a
    damaged UTF-8 file the valid multi-byte characters far outnumber the bad
    bytes. Reading the latter in some code page would turn every letter into
    mojibake, so the bad bytes become U+FFFD and the rest is kept.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for c in text if c > "\x7f" and c != "\ufffd")
    return text if good >= _GOOD_PER_BAD * bad else None


def _mixed_lines(data: bytes) -> tuple[str, str] | None:
    """Lines in UTF-8 beside lines in a code page: each read in its own, else None.

    A line that is not valid UTF-8 but holds valid multi-byte UTF-8 characters is
    damaged UTF-8 (:func:`_damaged_utf8`), not another encoding; only lines with
    no UTF-8 character at all are read in the code page the detector picks for them.
    The encoding returned is ``"utf-8+<code page>"``.
    """
    lines = data.splitlines(keepends=True)
    utf8 = [line for line in lines if not line.isascii() and _is_utf8(line)]
    legacy = [line for line in lines if not _is_utf8(line) and not _has_utf8_letters(line)]
    if not utf8 or not legacy:
        return None
    best = from_bytes(b"".join(legacy), cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        return None
    page = best.encoding
    text = "".join(
        line.decode("utf-8", errors="replace")
        if _is_utf8(line) or _has_utf8_letters(line) else line.decode(page, errors="replace")
        for line in lines
    )
    return text, f"utf-8+{page}"


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _has_utf8_letters(line: bytes) -> bool:
    return any(c > "\x7f" and c != "\ufffd" for c in line.decode("utf-8", errors="replace"))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a mark: text in Latin, Cyrillic or Arabic has a zero in most pairs."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    pairs = len(sample) // 2
    if pairs == 0:
        return None
    even_zeros = sample[0::2].count(0) / pairs
    odd_zeros = sample[1::2].count(0) / pairs
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _check_plausible(text: str, name: str, encoding: str) -> None:
    sample = text[:_SAMPLE]
    # Valid UTF-8 is strong evidence by itself; it may hold characters newer than
    # this Python's Unicode tables, so only control characters count against it.
    junk = _CONTROLS if encoding == "utf-8" else _JUNK
    controls = sum(
        1 for c in sample if c not in _ALLOWED_CONTROLS and unicodedata.category(c) in junk
    )
    if encoding == "utf-8" and _is_mojibake(sample):
        raise ParseError(
            "%(name)s is garbled: its text was decoded with a Windows code page and saved again "
            "as UTF-8 (letters such as 'Ã©' or 'Ð¡' stand for 'é' or 'С'); send the original file",
            name=name,
        )
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise ParseError(
            "%(name)s holds binary data, not text (%(encoding)s gives control characters "
            "throughout)",
            name=name, encoding=encoding,
        )


def _is_mojibake(text: str) -> bool:
    """UTF-8 whose characters, written back in cp1252 or Latin-1, form UTF-8 again."""
    if text.isascii():
        return False
    for page in ("cp1252", "latin-1"):
        try:
            again = text.encode(page).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        return again != text
    return False
