"""Scanned notes: read by Tesseract, page by page, under time limits.

The scans are made here from the text fixtures (printed to PDF, rendered at 300
dpi, skewed, specked: tests/support/notes.py), so each scan's text version is
known and the fields read from the scan can be compared with it.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest

from palais.errors import ParseError
from palais.intake import ocr, read_bytes
from palais.intake.sniff import PNG
from palais.parse import parse_source
from palais.records import to_record
from tests.support.notes import note_text, scanned_pdf

FIELDS = ("doc_type", "doc_date", "sender_state", "reference", "addressee", "session",
          "agenda_items", "language", "original_language", "title")


def _text_record(name: str) -> dict:
    return to_record(parse_source(read_bytes(note_text(name).encode("utf-8"), f"{name}.txt")))


@pytest.mark.parametrize("name", ["en_aze_wrapped", "ru_rus_refbelow", "es_mex_onepara"])
def test_scanned_note_gives_the_fields_of_its_text_version(name: str) -> None:
    source = read_bytes(scanned_pdf(name), f"{name}.pdf")
    assert source.ocr is not None and source.ocr.confidence > 80
    scanned, text = to_record(parse_source(source)), _text_record(name)
    assert {k: scanned[k] for k in FIELDS} == {k: text[k] for k in FIELDS}
    assert scanned["ocr_confidence"] == source.ocr.confidence
    assert any(w.startswith("text: read by OCR") for w in scanned["warnings"])
    assert len(scanned["paragraphs"]) == len(text["paragraphs"])


def test_an_image_file_is_read_as_a_scan() -> None:
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "scan.pdf"
        pdf.write_bytes(scanned_pdf("fr_sen_datetop"))
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", str(pdf),
                        str(Path(folder) / "page")], check=True, timeout=60)
        png = (Path(folder) / "page.png").read_bytes()
    source = read_bytes(png, "note.png")
    assert source.media_type == PNG and source.ocr is not None
    record = to_record(parse_source(source))
    assert (record["sender_state"], record["doc_date"], record["session"]) == ("SEN",
                                                                               "2021-06-08", 47)


def test_a_page_that_takes_too_long_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "SECONDS_PER_PAGE", 0.01)
    with pytest.raises(ParseError, match="took longer than"):
        read_bytes(scanned_pdf("en_ken_president_noannex"), "slow.pdf")


def test_a_damaged_image_is_a_clear_error() -> None:
    with pytest.raises(ParseError, match="OCR failed"):
        read_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00not an image" * 20, "scan.png")


def test_a_blank_scan_says_no_text_was_found() -> None:
    import typst

    blank = typst.compile(b'#set page(paper: "a5")\n#rect(width: 2cm, height: 2cm)')
    with pytest.raises(ParseError, match="OCR found no text"):
        read_bytes(blank, "blank.pdf")


def test_pages_larger_than_a3_are_rendered_at_a_lower_resolution() -> None:
    assert ocr._dpi(595, 842) == ocr.DPI
    huge = ocr._dpi(14400, 14400)  # a 5 m square page
    assert huge < ocr.DPI and (14400 / 72 * huge) ** 2 <= ocr.MAX_PIXELS * 1.01
