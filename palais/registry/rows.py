"""Reading and writing the rows of a submission, its audit entries and its files.

The use cases in :mod:`palais.registry.registry` decide; these helpers only
turn rows into the registry's values and back, inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Row, insert, or_, select, update

from palais.errors import Conflict, InvalidRecord, NotFound
from palais.languages import Language
from palais.model import Document, Format
from palais.records import from_record, to_record
from palais.registry import visibility
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
from palais.store.tables import audit_log, manifestations, submissions
from palais.symbols import ModifierKind, Symbol

MAX_ID = 2**31 - 1  # identifiers are 32-bit integers on PostgreSQL


def now() -> datetime:
    return datetime.now(UTC)


def aware(value: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes; everything palais stores is UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def fetch(connection: Connection, submission_id: int, *, for_update: bool = False) -> Row[Any]:
    if not 0 < submission_id <= MAX_ID:
        raise NotFound(f"no submission {submission_id}")
    query = select(submissions).where(submissions.c.id == submission_id)
    if for_update:
        query = query.with_for_update()
    row = connection.execute(query).first()
    if row is None:
        raise NotFound(f"no submission {submission_id}")
    return row


def fetch_visible(
    connection: Connection, actor: Actor, submission_id: int, *, for_update: bool = False
) -> Row[Any]:
    row = fetch(connection, submission_id, for_update=for_update)
    if not visibility.may_see(actor, State(row.state), row.mission):
        raise NotFound(f"no submission {submission_id}")
    return row


def advance(connection: Connection, row: Row[Any], state: State, **values: Any) -> None:
    """Write ``values`` if the row is still in the state it was read in (else Conflict)."""
    done = connection.execute(
        update(submissions)
        .where((submissions.c.id == row.id) & (submissions.c.state == row.state))
        .values(state=state.value, updated_at=now(), **values)
    )
    if done.rowcount != 1:
        raise Conflict(f"submission {row.id} changed meanwhile; try again")


def log(
    connection: Connection,
    submission_id: int | None,
    actor: str,
    action: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    detail: str | None = None,
) -> None:
    connection.execute(
        insert(audit_log).values(
            submission_id=submission_id, actor=actor, at=now(), action=action,
            before=None if before is None else json.dumps(before, ensure_ascii=False),
            after=None if after is None else json.dumps(after, ensure_ascii=False),
            detail=detail,
        )
    )


def document_columns(document: Document) -> dict[str, Any]:
    return {
        "record": json.dumps(to_record(document), ensure_ascii=False),
        "symbol": str(document.symbol) if document.symbol else None,
        "job_number": document.job_number,
        "title": document.title,
        "doc_date": document.doc_date.isoformat() if document.doc_date else None,
        "session": document.session,
    }


def document_of(row: Row[Any]) -> Document:
    return from_record(json.loads(row.record))


def submission_of(row: Row[Any]) -> Submission:
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


def issued_of(connection: Connection, row: Row[Any]) -> IssuedDocument:
    refs = connection.execute(
        select(manifestations).where(manifestations.c.submission_id == row.id)
    )
    versions = connection.execute(
        select(submissions.c.symbol).where(
            (submissions.c.parent_id == row.id) & (submissions.c.state == State.ISSUED.value)
        ).order_by(submissions.c.id)
    )
    original = None
    if row.parent_id is not None:
        original = connection.execute(
            select(submissions.c.symbol).where(submissions.c.id == row.parent_id)
        ).scalar_one()
    return IssuedDocument(
        symbol=Symbol.parse(row.symbol),
        document=document_of(row),
        state=State(row.state),
        issued_at=aware(row.issued_at) or now(),
        manifestations=tuple(
            ManifestationRef(Language(r.language), Format(r.format), r.sha256, r.size)
            for r in refs
        ),
        original=Symbol.parse(original) if original else None,
        versions=tuple(Symbol.parse(s) for (s,) in versions),
    )


def audit_entry_of(row: Row[Any]) -> AuditEntry:
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


def actor_of(row: Row[Any]) -> Actor:
    languages = tuple(Language(code) for code in row.languages.split(",") if code)
    return Actor(row.username, Role(row.role), row.state, languages)


def keep_numbers(document: Document, row: Row[Any]) -> Document:
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
                f"session: {symbol} was registered for session {symbol.session}; "
                "withdraw it and submit again to move it to another session"
            )
        if category_of(document) is not symbol.category:
            raise InvalidRecord(
                f"doc_type: a {document.doc_type.value} does not belong in the series of {symbol}"
            )
    return replace(document, symbol=symbol, job_number=row.job_number)


def duplicates(
    connection: Connection, sha256: str | None, mission: str | None, document: Document
) -> list[int]:
    """The same mission's earlier submissions of the same file, or with the same date and
    title: flagged, not refused (a resubmission may be deliberate). Only the same
    mission's are compared, so a flag never tells a mission of another's submission."""
    same: list[Any] = []
    if sha256 is not None:
        same.append(submissions.c.source_sha256 == sha256)
    if document.doc_date and document.title:
        same.append(
            (submissions.c.doc_date == document.doc_date.isoformat())
            & (submissions.c.title == document.title)
        )
    if not same:
        return []
    owner = submissions.c.mission.is_(None) if mission is None else submissions.c.mission == mission
    query = select(submissions.c.id).where(owner & or_(*same)).order_by(submissions.c.id)
    return [sid for (sid,) in connection.execute(query)]
