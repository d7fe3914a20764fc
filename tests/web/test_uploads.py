"""Upload checks: kind from the bytes, agreeing with the declared type; size bounded."""

import io

import pytest
from fastapi import UploadFile

from palais.errors import ParseError, PayloadTooLarge
from palais.web.uploads import read_limited, sniff_kind

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def word_file() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Совет по правам человека")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "declared", "kind"),
    [
        (b"%PDF-1.7\n...", "application/pdf", "pdf"),
        (word_file(), DOCX, "docx"),
        ("Совет по правам человека".encode("utf-16"), "text/plain", "txt"),
        ("Совет по правам человека".encode(), "text/plain; charset=utf-8", "txt"),
        (b"%PDF-1.4", "application/octet-stream", "pdf"),
        (b"plain", None, "txt"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png", "png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg", "jpeg"),
        (b"II*\x00\x08\x00\x00\x00", "image/tiff", "tiff"),
    ],
)
def test_accepted_kinds(data: bytes, declared: str | None, kind: str) -> None:
    assert sniff_kind(data, declared, "f") == kind


@pytest.mark.parametrize(
    ("data", "declared"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/jpeg"),
        (b"%PDF-1.7", "text/plain"),
        (b"text", "application/pdf"),
        (b"", "text/plain"),
        (b"GIF89a", "image/gif"),
        (b"PK\x03\x04 not a zip", DOCX),
        (b"MZ\x90\x00\x03\x00\x00\x00", "application/octet-stream"),
    ],
)
def test_refused_kinds_say_why(data: bytes, declared: str) -> None:
    with pytest.raises(ParseError, match=r"upload\.bin"):
        sniff_kind(data, declared, "upload.bin")


def test_reading_stops_past_the_limit() -> None:
    upload = UploadFile(io.BytesIO(b"x" * 200_000), filename="big.txt")
    with pytest.raises(PayloadTooLarge, match="100000"):
        read_limited(upload, 100_000)
    assert read_limited(UploadFile(io.BytesIO(b"abc"), filename="s.txt"), 3) == b"abc"
