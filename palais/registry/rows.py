"""Turning the store's rows into the registry's values, and documents into columns.

Pure conversions: the rows are read by :mod:`palais.store`, inside the use
case's transaction, and the rules applied to them are the registry's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from palais.errors import InvalidRecord
from palais.languages import Language
from palais.model import Document, Format
from palais.records import from_record, to_record
from palais.registry.numbering import category_of
from palais.registry.values import (
    Actor,
    AuditEntry,
    IssuedDocument,
    ManifestationRef,
    Role,
    State,
    Submission,
)
from palais.symbols import ModifierKind, Symbol


def now() -> datetime:
    return datetime.now(UTC)


def aware(value: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes; everything palais stores is UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def document_columns(document: Document) -> dict[str, Any]:
    return {
        "record": json.dumps(to_record(document), ensure_ascii=False),
        "symbol": str(document.symbol) if document.symbol else None,
        "job_number": document.job_number,
        "title": document.title,
        "doc_date": document.doc_date.isoformat() if document.doc_date else None,
        "session": document.session,
    }


def document_of(row: Any) -> Document:
    return from_record(json.loads(row.record))


def submission_of(row: Any) -> Submission:
    return Submission(
        id=row.id,
        state=State(row.state),
        document=document_of(row),
        symbol=Symbol.parse(row.symbol) if row.symbol else None,
        job_number=row.job_number,
        mission=row.mission,
        submitted_by=row.submitted_by,
        received_at=aware(row.received_at) or now(),
        updated_at=aware(row.updated_at) or now(),
        filename=row.filename,
        media_type=row.media_type,
        source_sha256=row.source_sha256,
        duplicate_of=tuple(json.loads(row.duplicate_of)),
        reason=row.reason,
        parent_id=row.parent_id,
        version_kind=ModifierKind(row.version_kind) if row.version_kind else None,
        issued_at=aware(row.issued_at),
    )


def file_ref(row: Any) -> ManifestationRef:
    return ManifestationRef(Language(row.language), Format(row.format), row.sha256, row.size)


def issued_of(
    row: Any,
    files: Sequence[Any] = (),
    versions: Sequence[str] = (),
    original: str | None = None,
    titles: Mapping[str, str] | None = None,
) -> IssuedDocument:
    """The public value of an issued row, with its files and relations (read by the
    caller for a whole page of rows at once)."""
    refs = tuple(file_ref(f) for f in files)
    return IssuedDocument(
        symbol=Symbol.parse(row.symbol),
        document=document_of(row),
        state=State(row.state),
        issued_at=aware(row.issued_at) or now(),
        languages=tuple(lang for lang in Language if any(r.language is lang for r in refs)),
        manifestations=refs,
        original=Symbol.parse(original) if original else None,
        versions=tuple(Symbol.parse(s) for s in versions),
        titles=texts_of(titles or {}),
    )


def audit_entry_of(row: Any) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        submission_id=row.submission_id,
        actor=row.actor,
        at=aware(row.at) or now(),
        action=row.action,
        before=json.loads(row.before) if row.before else None,
        after=json.loads(row.after) if row.after else None,
        detail=row.detail,
    )


def actor_of(row: Any) -> Actor:
    languages = tuple(Language(code) for code in row.languages.split(",") if code)
    return Actor(row.username, Role(row.role), row.state, languages)


def keep_numbers(document: Document, row: Any) -> Document:
    """``document`` with the row's symbol and job number, refusing an edit that changes
    them or contradicts them (another session or series than the symbol says)."""
    for name, stored in (("symbol", row.symbol), ("job_number", row.job_number)):
        given = getattr(document, name)
        if given is not None and str(given) != stored:
            raise InvalidRecord(
                f"{name}: {given} cannot be set by editing; "
                + (f"this submission's is {stored}" if stored else "registration gives it")
            )
    symbol = Symbol.parse(row.symbol) if row.symbol else None
    if symbol is not None:
        if document.session != symbol.session:
            raise InvalidRecord(
                "session: %(symbol)s was registered for session %(session)s; withdraw it and "
                "submit again to move it to another session",
                symbol=symbol, session=symbol.session,
            )
        if category_of(document) is not symbol.category:
            raise InvalidRecord(
                "doc_type: a %(value)s does not belong in the series of %(symbol)s",
                value=document.doc_type.value, symbol=symbol,
            )
    return replace(document, symbol=symbol, job_number=row.job_number)


def texts_of(raw: Mapping[str, str]) -> dict[Language, str]:
    return {Language(code): text for code, text in raw.items()}
