"""The text layer of a PDF, page by page, through pdfminer.six.

pdfminer.six was chosen over poppler's ``pdftotext`` by measurement (see
docs/decisions.md): its text of a typeset cover comes out in blocks separated
by blank lines, like the extracts the parser was built on, and it is a Python
dependency rather than a program every machine must have.
"""

from __future__ import annotations

import io

from pdfminer.converter import TextConverter
from pdfminer.layout import LAParams
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

from palais.errors import ParseError
from palais.intake.text import tidy

MAX_CHARS = 400_000
"""Pages are read until this much text is held: the parser reads no further."""

LAPARAMS = LAParams(char_margin=5.0)
"""Justified lines spread words apart; with pdfminer's default margin (2 character
widths) a bold justified title falls apart into scattered boxes. 5 keeps such a
line whole while two columns far apart stay separate (measured: docs/decisions.md)."""


def read_pdf(data: bytes, name: str) -> tuple[str, ...]:
    """The text of each page; ParseError for a damaged, locked or image-only PDF."""
    pages: list[str] = []
    out = io.StringIO()
    try:
        manager = PDFResourceManager(caching=True)
        device = TextConverter(manager, out, laparams=LAPARAMS)
        interpreter = PDFPageInterpreter(manager, device)
        held = 0
        for page in PDFPage.get_pages(io.BytesIO(data), caching=True):
            interpreter.process_page(page)
            text = out.getvalue()
            out.seek(0)
            out.truncate()
            pages.append(tidy(text.replace("\f", "")))
            held += len(text)
            if held >= MAX_CHARS:
                break
    except Exception as exc:
        # pdfminer meets every kind of damage in untrusted files and raises whatever
        # its code ran into (KeyError, TypeError, its own PDF*Error ...): all of them
        # mean this file cannot be read, which is what ParseError says.
        raise ParseError(f"{name} is a damaged or unreadable PDF: {_reason(exc)}") from exc
    if not any(page.strip() for page in pages):
        raise ParseError(
            f"{name} is a PDF without a text layer (a scanned image?): it needs OCR first"
        )
    return tuple(pages)


def _reason(exc: Exception) -> str:
    name = type(exc).__name__
    if "Password" in name or "Encrypt" in name:
        return "it is locked with a password"
    detail = str(exc)[:200]
    return f"{name}: {detail}" if detail else name
