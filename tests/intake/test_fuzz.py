"""Totality of intake and parse over arbitrary bytes: a Document, or a ParseError with a reason.

Every example has a deadline (hypothesis fails an example that runs too long),
so a hang or a pathological case shows up as a failure rather than a slow suite.
"""

from __future__ import annotations

import codecs
import random
import unicodedata
from collections.abc import Iterator
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from palais.errors import ParseError
from palais.intake import ocr, pdf, poppler, read_bytes
from palais.model import Document
from palais.parse import parse_text
from tests.intake.documents import FIXTURES, note_docx, note_pdf

SEEDS = [p.read_text("utf-8") for p in sorted((FIXTURES / "seeds").glob("*.txt"))]
PDF = note_pdf("fr_hrc_47_2021")
DOCX = note_docx("fr_hrc_47_2021")
NAMES = st.sampled_from(["note.txt", "note.pdf", "note.docx", "note", "NOTE.TXT", "x.md"])
PREFIXES = st.sampled_from([
    b"", b"%PDF-1.7\n", b"PK\x03\x04", codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, b"MZ", b"{\\rtf1", b"\xd0\xcf\x11\xe0",
])
FUZZ = settings(
    max_examples=120, deadline=timedelta(seconds=3),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

parse_text(SEEDS[0])  # load the language detector before any deadline counts


@pytest.fixture(autouse=True, scope="module")
def _pdf_time_below_the_deadline() -> Iterator[None]:
    """A mutated PDF may send pdfminer into a long loop, and one that lost its text goes to
    OCR: each must end as a ParseError in time."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "SECONDS", 1.5)
        patch.setattr(poppler, "SECONDS", 1.5)
        patch.setattr(ocr, "SECONDS_PER_PAGE", 1.5)
        patch.setattr(ocr, "SECONDS_PER_FILE", 2.0)
        yield


def intake_and_parse(data: bytes, name: str) -> Document | ParseError:
    """What a caller gets: a Document, or the ParseError; any other exception fails."""
    try:
        src = read_bytes(data, name)
        document = parse_text(src.text, pages=src.pages)
    except ParseError as exc:
        assert exc.detail.strip()
        return exc
    assert isinstance(document, Document)
    return document


@FUZZ
@given(PREFIXES, st.binary(max_size=3000), NAMES)
def test_arbitrary_bytes(prefix: bytes, data: bytes, name: str) -> None:
    intake_and_parse(prefix + data, name)


@settings(FUZZ, max_examples=40)  # each PDF is read in a child process: fewer, dearer examples
@given(st.integers(0, len(PDF)), st.binary(min_size=1, max_size=40), st.booleans())
def test_damaged_pdf(at: int, junk: bytes, cut: bool) -> None:
    data = PDF[:at] if cut else PDF[:at] + junk + PDF[at + len(junk):]
    intake_and_parse(data, "note.pdf")


def _small_png() -> bytes:
    from tests.support.notes import png

    pixels = bytearray((x * 7 + y * 13) % 256 for y in range(40) for x in range(60))
    return png(60, 40, pixels)


PNG = _small_png()


@settings(FUZZ, max_examples=25)  # each image goes to Tesseract: fewer, dearer examples
@given(st.integers(0, len(PNG)), st.binary(min_size=1, max_size=40), st.booleans())
def test_damaged_image(at: int, junk: bytes, cut: bool) -> None:
    data = PNG[:at] if cut else PNG[:at] + junk + PNG[at + len(junk):]
    intake_and_parse(data, "scan.png")


@FUZZ
@given(st.integers(0, len(DOCX)), st.binary(min_size=1, max_size=40), st.booleans())
def test_damaged_docx(at: int, junk: bytes, cut: bool) -> None:
    data = DOCX[:at] if cut else DOCX[:at] + junk + DOCX[at + len(junk):]
    intake_and_parse(data, "note.docx")


TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Co"), min_codepoint=0x20).filter(
        # Latin-1 letters can spell mojibake by chance; characters this Python's
        # Unicode tables do not know are what random bytes decode to.
        lambda c: not "\x80" <= c <= "\xff" and unicodedata.category(c) != "Cn"
    ),
    max_size=600,
)


@FUZZ
@given(TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_any_text_is_a_document(text: str, encoding: str) -> None:
    assume(not text.lstrip("\ufeff").startswith(("%", "{\\rtf", "MZ", "BM", "GIF", "II", "MM")))
    outcome = intake_and_parse(text.encode(encoding), "note.txt")
    if isinstance(outcome, ParseError):
        assert not text.strip(), outcome.detail
        assert "white space" in outcome.detail or "empty" in outcome.detail


@FUZZ
@given(
    st.sampled_from(SEEDS), st.sampled_from(["utf-8", "utf-16", "cp1251", "gb18030"]),
    st.integers(1, 20_000), st.randoms(use_true_random=False),
)
def test_truncated_and_shuffled_seeds(
    seed: str, encoding: str, cut: int, rnd: random.Random
) -> None:
    data = seed.encode(encoding, errors="replace")
    intake_and_parse(data[:cut], "seed.txt")
    lines = seed.split("\n")
    rnd.shuffle(lines)
    assert isinstance(intake_and_parse("\n".join(lines).encode(encoding, "replace"), "s.txt"),
                      Document)
