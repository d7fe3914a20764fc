"""Read a file or its bytes into a :class:`Source`, choosing the reader from the content.

The PDF and Word readers are imported when a PDF or a Word file arrives: their
libraries (pdfminer.six, python-docx with lxml) take longer to import than a
text file takes to read and parse, and ``palais parse note.txt`` should not pay
for them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePath

from palais.errors import ParseError
from palais.intake import ocr, sniff
from palais.intake.source import OcrNotes, Source
from palais.intake.text import decode_text, without_controls

MAX_FILE_BYTES = 256 * 1024 * 1024
"""Files read from disk (bulk ingest) are bounded like uploads, whose limit the web sets."""


def read_path(path: Path) -> Source:
    """Read the file at ``path``; ParseError when it cannot be opened or is no document."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ParseError(f"{path} holds {size} bytes, more than any document palais reads "
                             f"({MAX_FILE_BYTES}); refused unread")
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise ParseError(f"{path} is a folder, not a file") from exc
    except OSError as exc:
        raise ParseError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return read_bytes(data, str(path))


def read_bytes(data: bytes, filename: str) -> Source:
    """Read ``data`` received under ``filename`` (the name only hints; the bytes decide)."""
    name = PurePath(filename).name or "input"
    media_type = sniff.media_type(data, filename)
    pages: tuple[str, ...] | None
    warnings: tuple[str, ...] = ()
    scanned: ocr.OcrText | None = None
    if media_type == sniff.PDF:
        from palais.intake.pdf import read_pdf

        pages = read_pdf(data, name)
        if not pages:
            raise ParseError("%(name)s is a damaged PDF: it has no pages", name=name)
        if not any(page.strip() for page in pages):
            scanned = ocr.read_scanned_pdf(data, name)
    elif media_type in sniff.IMAGES:
        kind = media_type.removeprefix("image/").upper()
        try:
            scanned = ocr.read_image(data, name)
        except ParseError as exc:
            if "found no text" in exc.message:
                raise ParseError(
                    "%(name)s is a %(kind)s image in which OCR found no text it could read "
                    "(a photograph, or a blank or unreadable scan?)", name=name, kind=kind,
                ) from exc
            raise ParseError("%(name)s is a %(kind)s image that OCR could not read: %(reason)s",
                             name=name, kind=kind,
                             reason=exc.detail.removeprefix(name + ": ")) from exc
        pages = ()
    elif media_type == sniff.DOCX:
        from palais.intake.word import read_docx

        pages = read_docx(data, name)
    else:
        pages = None
        decoded = decode_text(data, name)
        text, warnings = decoded.text, decoded.warnings
    if scanned is not None:
        pages = scanned.pages
    if pages is not None:
        text = "\f".join(pages)
        if len(pages) == 1:
            pages = None
    cleaned = without_controls(text, name)
    if cleaned.warnings:
        text, warnings = cleaned.text, warnings + cleaned.warnings
        pages = tuple(text.split("\f")) if pages is not None else None
    if not text.strip():
        raise ParseError("%(name)s holds only white space: there is no document to read",
                         name=name)
    return Source(
        text=text,
        pages=pages,
        name=filename,
        media_type=media_type,
        sha256=hashlib.sha256(data).hexdigest(),
        ocr=OcrNotes(scanned.confidence, scanned.doubtful) if scanned else None,
        warnings=warnings,
    )
