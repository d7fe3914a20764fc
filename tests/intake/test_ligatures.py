"""Words whose lam-alef ligatures pdftotext reverses, spelt again from pdfminer's glyphs."""

from __future__ import annotations

import subprocess

import pytest
import typst

from palais.intake import pdf, read_bytes
from palais.intake.ligatures import respelt

WORDS = "سلام لا إلا للأمم الاتحاد الإعلان فلسطين مفوضية الأمم المتحدة"


def dejavu_pdf(text: str) -> bytes:
    """``text`` set in DejaVu Sans, which maps each lam-alef ligature to its two letters."""
    source = f'#set text(lang: "ar", font: "DejaVu Sans")\n{text}\n'
    pdf: bytes = typst.compile(source.encode("utf-8"))
    return pdf


def test_every_word_with_a_ligature_reads_as_printed() -> None:
    pdf = dejavu_pdf(WORDS)
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf,
                         capture_output=True, check=True).stdout.decode()
    assert "سالم" in raw and "لألمم" in raw and "إال" in raw  # what poppler gives
    assert WORDS in read_bytes(pdf, "note.pdf").text


def test_a_misspelling_that_is_also_a_word_of_the_document_is_left() -> None:
    # "سالم" (Salem) is printed too: pdftotext's "سالم" for "سلام" cannot be told from it.
    read = read_bytes(dejavu_pdf("الأمم سلام على سالم لا"), "note.pdf").text
    assert "الأمم سالم على سالم لا" in read


def test_a_pdf_whose_font_keeps_ligatures_in_order_is_read_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Noto Naskh Arabic, palais's own Arabic font, maps its ligatures so pdftotext reads
    # them right: no article is backwards, and pdfminer is not asked.
    monkeypatch.setattr(pdf, "read_in_helper", lambda *a: pytest.fail("read twice"))
    source = f'#set text(lang: "ar", font: "Noto Naskh Arabic")\n{WORDS}\n'
    assert WORDS in read_bytes(typst.compile(source.encode("utf-8")), "note.pdf").text


def test_only_whole_words_are_respelt() -> None:
    pages = ("سالم، وسالمة وإال", "إال")  # "وإال" is another word: its own glyphs say
    assert respelt(pages, ("سالم\tسلام", "إال\tإلا")) == ("سلام، وسالمة وإال", "إلا")
    assert respelt(pages, ()) == pages
