"""Arabic PDFs read through intake: text in logical order, fields as composed.

The PDFs are palais's own Arabic versions of both bundled samples (compose ->
Typst), read by :func:`palais.intake.read_bytes` and parsed; the fields must be
those of the document that was composed.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import date

import pytest
import typst
from hypothesis import given
from hypothesis import strategies as st

from palais import samples
from palais.compose import compose
from palais.compose.pdf import render
from palais.errors import ParseError
from palais.intake import poppler, read_bytes
from palais.languages import Language
from palais.model import Document
from palais.parse import parse_source


@pytest.fixture(scope="module")
def arabic_pdfs() -> list[tuple[Document, bytes]]:
    out = []
    for doc in samples.load():
        version = compose(doc, Language.AR, issue_date=date(2021, 6, 15),
                          job_number="GE.21-08012(A)")
        out.append((replace(doc, language=Language.AR), render(version)))
    return out


def fields(doc: Document) -> dict[str, object]:
    return {
        "session": doc.session, "session_dates": doc.session_dates,
        "agenda_items": doc.agenda_items, "doc_type": doc.doc_type, "doc_date": doc.doc_date,
        "sender": doc.sender, "addressee": doc.addressee, "language": doc.language,
        "annex_languages": [a.language for a in doc.annexes],
    }


def test_arabic_pdf_read_through_intake_parses_to_the_composed_fields(
    arabic_pdfs: list[tuple[Document, bytes]],
) -> None:
    for doc, pdf in arabic_pdfs:
        assert fields(parse_source(read_bytes(pdf, "note-ar.pdf"))) == fields(doc)


def test_arabic_text_comes_in_logical_order(arabic_pdfs: list[tuple[Document, bytes]]) -> None:
    src = read_bytes(arabic_pdfs[0][1], "note-ar.pdf")
    assert src.pages is not None and len(src.pages) >= 2
    assert "مجلس حقوق الإنسان" in src.text
    assert "سلجم" not in src.text  # the first word of the body's name, reversed


def test_without_pdftotext_an_arabic_pdf_is_refused_with_what_to_install(
    arabic_pdfs: list[tuple[Document, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(poppler.shutil, "which", lambda name: None)
    with pytest.raises(ParseError, match="poppler-utils"):
        read_bytes(arabic_pdfs[0][1], "note-ar.pdf")


def test_a_pdf_pdftotext_cannot_read_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="damaged or unreadable PDF: pdftotext"):
        poppler.read_pdf_logical(b"%PDF-1.7\nnot a PDF body\n", "broken.pdf")


def test_pdftotext_is_stopped_at_the_time_limit(
    arabic_pdfs: list[tuple[Document, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(poppler, "SECONDS", 1e-6)
    with pytest.raises(ParseError, match="took longer than"):
        poppler.read_pdf_logical(arabic_pdfs[0][1], "note-ar.pdf")


LIGATURES = "الأمم المتحدة لحقوق الإنسان الاتحاد الآن إلى ألف"


def test_an_article_lam_alef_that_poppler_reverses_is_put_back() -> None:
    # DejaVu Sans maps each lam-alef ligature to its two letters, which pdftotext then
    # gives backwards ("األمم"); a mission's word processor may embed such a font.
    source = f'#set text(lang: "ar", font: "DejaVu Sans")\n{LIGATURES}\n'
    pdf = typst.compile(source.encode("utf-8"))
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf,
                         capture_output=True, check=True).stdout.decode()
    assert "األمم" in raw and "اإلنسان" in raw  # what poppler itself gives
    read = read_bytes(pdf, "note-ar.pdf").text
    assert LIGATURES in read
    assert "األمم" not in read and "االتحاد" not in read


@given(st.text(alphabet="اأإآلمنسو ", max_size=40))
def test_the_repair_only_turns_round_an_alef_pair_before_a_lam(text: str) -> None:
    repaired = poppler.ligatures_in_order(text)
    assert sorted(repaired) == sorted(text)  # letters moved, none added or lost
    if not re.search("ا[اأإآ]ل", text):
        assert repaired == text


def test_words_that_only_look_reversed_are_left_as_read() -> None:
    assert poppler.ligatures_in_order("إلى ألف سالم لألمم") == "إلى ألف سالم لألمم"
