"""What intake hands to the parser."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OcrNotes:
    """What OCR said of the text: mean word confidence and the words it was unsure of."""

    confidence: float
    doubtful: frozenset[str]


@dataclass(frozen=True, slots=True)
class Source:
    """The text of one file and where it came from.

    ``pages`` holds the text of each page when the format has pages (PDF, or a
    Word file with hard page breaks); ``text`` is then the pages joined by form
    feeds, so a reader of ``text`` alone still sees the page ends. ``sha256``
    is the digest of the bytes as received, the file's identity in a batch.
    ``warnings`` say what intake repaired (control characters removed, lines in
    another encoding), for the record's warnings.
    """

    text: str
    pages: tuple[str, ...] | None
    name: str
    media_type: str
    sha256: str
    ocr: OcrNotes | None = None
    """Set when the text was read from images by OCR (:mod:`palais.intake.ocr`)."""
    warnings: tuple[str, ...] = ()
