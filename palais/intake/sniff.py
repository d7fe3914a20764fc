"""The kind of a file, told from its first bytes and cross-checked with its name.

The content decides which reader runs: a name can be wrong or chosen to
mislead. The name still counts in two ways. A name that says the file can run
(``.exe``, ``.js`` ...) is refused whatever the bytes look like, since files
that are two things at once (a PDF that is also a script) exist to deceive. A
name that promises a PDF or Word file over bytes that are neither is refused
too: that is a damaged file or a page saved in its place (a web server's
error page saved as ``report.pdf``), and reading it as text would give a
record of the wrong thing.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from palais.errors import ParseError

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
IMAGES = (PNG, JPEG, TIFF)
"""Scanned pages, read by OCR (:mod:`palais.intake.ocr`)."""
_IMAGE_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG), (b"II*\x00", TIFF),
                     (b"MM\x00*", TIFF))

# First bytes of the kinds of file people send by mistake, named for the message.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
     "a legacy Microsoft Office file (.doc/.xls): save it as .docx or PDF"),
    (b"{\\rtf", "an RTF file: save it as .docx or PDF"),
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a Linux program"),
    (b"\xca\xfe\xba\xbe", "a Java or macOS program"),
    (b"GIF87a", "a GIF image: scan it as PNG, JPEG, TIFF or PDF"),
    (b"GIF89a", "a GIF image: scan it as PNG, JPEG, TIFF or PDF"),
    (b"BM", "a BMP image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"%!PS", "a PostScript file: convert it to PDF"),
)

_RUNNABLE = frozenset((
    ".exe", ".dll", ".com", ".scr", ".msi", ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js", ".jse",
    ".wsf", ".jar", ".sh", ".app", ".apk", ".lnk", ".hta", ".cpl", ".so", ".dylib",
))
_NAMED_BINARY = {".pdf": PDF, ".docx": DOCX}


def media_type(data: bytes, filename: str) -> str:
    """``application/pdf``, the .docx type, an image type (a scan) or ``text/plain``;
    ParseError for anything else."""
    name = PurePath(filename).name or "input"
    suffix = PurePath(filename).suffix.lower()
    if suffix in _RUNNABLE:
        raise ParseError("%(name)s: a %(suffix)s file is never accepted, whatever it contains",
                         name=name, suffix=suffix)
    kind = _kind(data, name)
    promised = _NAMED_BINARY.get(suffix)
    if promised is not None and kind == TEXT:
        raise ParseError(
            "%(name)s: named %(suffix)s but its content is not a %(kind)s (a damaged file, "
            "or a text or web page saved under that name)",
            name=name, suffix=suffix, kind="PDF" if promised == PDF else "Word document",
        )
    return kind


def _kind(data: bytes, name: str) -> str:
    if not data:
        raise ParseError("%(name)s is empty (0 bytes): there is no document to read", name=name)
    # PDF readers accept the header anywhere in the first kilobyte.
    if b"%PDF-" in data[:1024]:
        return PDF
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data, name)
    for signature, image in _IMAGE_SIGNATURES:
        if data.startswith(signature):
            return image
    for signature, what in _SIGNATURES:
        if data.startswith(signature) and not _is_text_start(data, signature):
            raise ParseError("%(name)s is %(what)s; palais reads PDF, Word (.docx), text files "
                             "and scans (PNG, JPEG, TIFF)", name=name, what=what)
    if data[8:12] in (b"WEBP", b"AVIF", b"WAVE", b"AVI "):
        raise ParseError("%(name)s is an image or media file; palais reads PDF, Word (.docx), "
                         "text files and scans (PNG, JPEG, TIFF)", name=name)
    return TEXT


def _is_text_start(data: bytes, signature: bytes) -> bool:
    """Two-letter signatures (``MZ``, ``BM``) also begin ordinary text.

    The programs and images they mark have zero bytes in their first header
    fields; text has none.
    """
    return len(signature) == 2 and b"\x00" not in data[:64]


def zip_members(data: bytes, name: str) -> list[zipfile.ZipInfo]:
    """The entries of a ZIP archive (a .docx is one); ParseError when it is damaged."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.infolist()
    except Exception as exc:
        # zipfile raises more than BadZipFile on damaged headers (NotImplementedError for
        # an impossible format version was found by fuzzing, ValueError, EOFError ...).
        raise ParseError(f"{name} is a damaged ZIP or Word file: {type(exc).__name__}: "
                         f"{str(exc)[:200]}") from exc


def _zip_kind(data: bytes, name: str) -> str:
    members = {info.filename for info in zip_members(data, name)}
    if "word/document.xml" in members:
        return DOCX
    if "mimetype" in members and "content.xml" in members:
        raise ParseError("%(name)s is an OpenDocument file: save it as .docx or PDF", name=name)
    if "xl/workbook.xml" in members or "ppt/presentation.xml" in members:
        raise ParseError("%(name)s is an Excel or PowerPoint file, not a Word document",
                         name=name)
    raise ParseError("%(name)s is a ZIP archive, not a Word (.docx) document", name=name)
