"""What a submission is made of: a file (read and parsed) or structured fields.

A file is read by :mod:`palais.intake` (text, PDF or Word, told by its bytes)
and parsed by :mod:`palais.parse` to pre-fill the record, which the
secretariat then confirms or corrects. Either way the symbol and job number
are left empty: the registry gives them at registration, whatever a file or a
record says. Control characters, which no issued version (XML above all) can
hold, are removed from every text of the record, with a warning.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from palais import intake
from palais.errors import InvalidInput, InvalidRecord
from palais.intake.text import without_controls
from palais.model import Document
from palais.parse import parse_source
from palais.records import from_record, to_record


@dataclass(frozen=True, slots=True)
class Received:
    document: Document
    media_type: str


MAX_SESSION = 10_000  # far above any real session; keeps the number a database integer
MAX_FILENAME = 255


def from_fields(record: Mapping[str, Any], *, keep_numbers: bool = False) -> Document:
    """The Document of a record (InvalidRecord naming the bad field)."""
    document = _storable(from_record(record))
    return document if keep_numbers else _unnumbered(document)


def from_file(filename: str, data: bytes) -> Received:
    """The parsed Document of a file (ParseError when it is no readable document)."""
    if len(filename) > MAX_FILENAME:
        raise InvalidInput("the file name is longer than %(limit)s characters",
                           limit=MAX_FILENAME)
    source = intake.read_bytes(data, filename)
    parsed = parse_source(source)
    parsed = replace(parsed, warnings=(*source.warnings, *parsed.warnings))
    return Received(_unnumbered(_storable(parsed)), source.media_type)


def _storable(document: Document) -> Document:
    if document.session is not None and not 0 < document.session <= MAX_SESSION:
        raise InvalidRecord(f"session: {document.session} is not a session number")
    return _without_controls(document)


def _without_controls(document: Document) -> Document:
    """The document with control characters removed from every text, and a warning."""
    removed: list[str] = []

    def clean(value: Any, where: str) -> Any:
        if isinstance(value, str):
            cleaned = without_controls(value, where)
            removed.extend(cleaned.warnings)
            return cleaned.text
        if isinstance(value, list):
            return [clean(v, where) for v in value]
        if isinstance(value, dict):
            return {k: clean(v, f"{where}.{k}" if where else str(k)) for k, v in value.items()}
        return value

    record = clean(to_record(document), "")
    if not removed:
        return document
    record["warnings"] = [*document.warnings, *removed]
    return from_record(record)


def _unnumbered(document: Document) -> Document:
    return replace(document, symbol=None, job_number=None)
