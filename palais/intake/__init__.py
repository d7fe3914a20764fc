"""Intake: turn the bytes of a file into text a parser can read.

Three kinds of file arrive: text extracts (in whatever encoding a mission's
computer used), PDFs and Word (.docx) files. The kind is told from the bytes,
not trusted from the name; each reader gives a :class:`Source` with the text,
the pages where the format knows them, and the file's SHA-256, or raises
:class:`palais.errors.ParseError` saying why the file is no readable document.
"""

from __future__ import annotations

from palais.intake.read import read_bytes, read_path
from palais.intake.source import Source

__all__ = ["Source", "read_bytes", "read_path"]
