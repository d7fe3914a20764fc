"""The kind of a file comes from its bytes; a name that lies harmfully is refused."""

from __future__ import annotations

import io
import zipfile

import pytest

from palais.errors import ParseError
from palais.intake import read_bytes
from palais.intake.sniff import DOCX, JPEG, PDF, PNG, TEXT, TIFF, media_type
from tests.intake.documents import note_docx, note_pdf


def _zip(*names: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return out.getvalue()


def _impossible_version(archive: bytes) -> bytes:
    """A ZIP whose directory asks for format version 25.5 (zipfile: NotImplementedError)."""
    at = archive.index(b"PK\x01\x02") + 6
    return archive[:at] + b"\xff\x00" + archive[at + 2:]


def test_content_decides_when_the_name_is_harmlessly_wrong() -> None:
    assert media_type(note_pdf("fr_hrc_47_2021"), "note.txt") == PDF
    assert media_type(note_docx("fr_hrc_47_2021"), "note") == DOCX
    assert media_type(b"junk before\n%PDF-1.7\n", "scan.bin") == PDF
    assert media_type(b"BMW et Mozambique", "note.txt") == TEXT
    assert media_type(b"MZ is not always a program", "a.md") == TEXT


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", PNG), (b"\xff\xd8\xff\xe0\x00\x10JFIF", JPEG),
     (b"II*\x00\x08\x00\x00\x00", TIFF), (b"MM\x00*\x00\x00\x00\x08", TIFF)],
)
def test_scanned_images_are_told_by_their_bytes(data: bytes, kind: str) -> None:
    assert media_type(data, "scan.txt") == kind


@pytest.mark.parametrize(
    ("data", "filename", "reason"),
    [
        (b"MZ\x90\x00\x03\x00\x00\x00", "note.pdf", "Windows program"),
        (b"%PDF-1.7\n", "invoice.exe", "never accepted"),
        (b"Human Rights Council", "setup.js", "never accepted"),
        (b"<html><body>Session expired</body></html>", "report.pdf", "named .pdf"),
        (b"Plain words", "note.docx", "named .docx"),
        (b"GIF89a\x01\x00\x01\x00", "scan.gif", "GIF image"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "scan.webp", "image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "old.doc", "legacy Microsoft Office"),
        (b"{\\rtf1\\ansi Hello}", "note.rtf", "RTF"),
        (_zip("a.txt"), "note.docx", "ZIP archive"),
        (_zip("xl/workbook.xml"), "sheet.xlsx", "Excel"),
        (_zip("mimetype", "content.xml"), "note.odt", "OpenDocument"),
        (b"PK\x03\x04 cut short", "note.docx", "damaged"),
        (_impossible_version(_zip("word/document.xml")), "note.docx", "damaged"),
        (b"", "note.txt", "empty"),
    ],
)
def test_unsupported_or_lying_files_are_refused(data: bytes, filename: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        read_bytes(data, filename)
