"""The workflow's use cases: submit, edit, register, issue, reject, withdraw
(translating is :mod:`palais.registry.translating`'s, a new version of an issued
document :mod:`palais.registry.corrections`'). Each is one transaction; every
state change goes through :func:`palais.registry.transitions.run`.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from palais.bundles import Bundle, record_digest
from palais.compose.memory import segments
from palais.errors import Conflict, InvalidInput, UnconfirmedDuplicate
from palais.languages import Language
from palais.model import Document
from palais.records import from_record, to_record
from palais.registry import (
    calendar,
    duplicates,
    intake,
    notifications,
    numbering,
    rows,
    visibility,
    workflow,
)
from palais.registry.notifications import NotificationCases
from palais.registry.transitions import Change, run, visible
from palais.registry.values import (
    Actor,
    AuditEntry,
    IssuedDocument,
    Role,
    State,
    Submission,
)
from palais.store import BlobStore, Connection, archive, changes, memory, submissions
from palais.symbols import Symbol


class SubmissionCases(NotificationCases):
    """A submission's way from a mission's file to an issued document."""

    # -- intake -----------------------------------------------------------------------

    def submit_record(self, actor: Actor, record: Mapping[str, Any]) -> Submission:
        """Submit structured fields (a record)."""
        workflow.check("submit", actor)
        return self._submit(actor, intake.from_fields(record), None)

    def submit_file(self, actor: Actor, filename: str, data: bytes) -> Submission:
        """Submit a file: it is kept as received and parsed to pre-fill the record."""
        workflow.check("submit", actor)  # before anything is read or kept
        received = intake.from_file(filename, data)
        # A mission's file for another State is refused before its bytes are kept.
        document = visibility.for_mission(actor, received.document)
        sha256 = self.blobs.put(data)
        return self._submit(actor, document, (filename, received.media_type, sha256))

    def _submit(
        self, actor: Actor, document: Document, source: tuple[str, str, str] | None
    ) -> Submission:
        document = visibility.for_mission(actor, document)
        mission = actor.state if actor.role is Role.MISSION else _sender(document)
        filename, media_type, sha256 = source or (None, None, None)

        def work(connection: Connection) -> Submission:
            columns = rows.document_columns(document)
            repeats = self._repeats(connection, document, sha256, mission)
            duplicates = [d.id for d in repeats]
            at = rows.now()
            sid = submissions.insert_submission(
                connection, state=State.SUBMITTED.value, mission=mission,
                submitted_by=actor.username, received_at=at, updated_at=at, filename=filename,
                media_type=media_type, source_sha256=sha256, duplicate_of=json.dumps(duplicates),
                **columns,
            )
            detail = f"possible duplicate of {_ids(duplicates)}" if duplicates else None
            submissions.log(
                connection, sid, actor.username, "submit", None,
                {"state": State.SUBMITTED.value, "file": filename, "sha256": sha256}, at, detail,
            )
            return rows.submission_of(submissions.fetch(connection, sid))

        return self._write(work)

    @staticmethod
    def _repeats(
        connection: Connection, document: Document, sha256: str | None, mission: str | None
    ) -> builtins.list[duplicates.Duplicate]:
        """The mission's earlier submissions ``document`` repeats (same file, or same date
        and nearly the same text: :mod:`palais.registry.duplicates`)."""
        day = document.doc_date.isoformat() if document.doc_date else None
        candidates = [
            duplicates.Candidate(r.id, r.source_sha256, from_record(json.loads(r.record)))
            for r in submissions.duplicate_candidates(connection, sha256, mission, day)
        ]
        return duplicates.repeated(document, sha256, candidates)

    # -- reading ------------------------------------------------------------------------

    def get(self, actor: Actor, submission_id: int) -> Submission:
        """One submission the actor may see (NotFound otherwise, so nothing leaks)."""
        return rows.submission_of(self._read(lambda c: visible(c, actor, submission_id)))

    def list(
        self,
        actor: Actor,
        state: State | str | None = None,
        offset: int = 0,
        limit: int | None = 50,
    ) -> tuple[builtins.list[Submission], int]:
        """The submissions ``actor`` may see, newest first, and how many there are."""
        wanted = State(state).value if state is not None else None
        found, total = self._read(
            lambda c: submissions.page(
                c, state=wanted, offset=offset, limit=limit, **visibility.listing(actor)
            )
        )
        return [rows.submission_of(r) for r in found], total

    def audit(self, actor: Actor, submission_id: int) -> builtins.list[AuditEntry]:
        """The audit trail of one submission the actor may see, oldest first."""

        def work(connection: Connection) -> Sequence[Any]:
            visible(connection, actor, submission_id)
            return submissions.audit_of(connection, submission_id)

        return [rows.audit_entry_of(r) for r in self._read(work)]

    # -- workflow -------------------------------------------------------------------------

    def update_record(
        self, actor: Actor, submission_id: int, record: Mapping[str, Any]
    ) -> Submission:
        """Replace the record (the officer's corrections; a mission's before registration).

        The symbol and job number are the registry's to give: a record that
        changes them is refused rather than silently overridden.
        """
        edited = intake.from_fields(record, keep_numbers=True)

        def decide(row: Any) -> Change:
            document = rows.keep_numbers(visibility.for_mission(actor, edited), row)
            return Change(
                rows.document_columns(document), json.loads(row.record), to_record(document)
            )

        return self._transition(actor, "edit", submission_id, decide)

    def register(
        self, actor: Actor, submission_id: int, *, symbol: Symbol | str | None = None,
        confirm_duplicate: bool = False,
    ) -> Submission:
        """Give the submission the next symbol of its session's series and a job number.

        ``symbol`` is for a document issued before palais held it (the back
        catalogue): it keeps the symbol printed on it, if that is free. A
        submission flagged as repeating one of its mission's live submissions is
        registered only with ``confirm_duplicate`` (else UnconfirmedDuplicate),
        so a note sent twice does not get two symbols by oversight.
        """
        given = Symbol.parse(symbol) if isinstance(symbol, str) else symbol

        def work(connection: Connection) -> Submission:
            def decide(row: Any) -> Change:
                repeated = submissions.live_among(connection, json.loads(row.duplicate_of))
                if repeated and not confirm_duplicate:
                    raise UnconfirmedDuplicate(row.id, repeated)
                document = rows.document_of(row)
                calendar.check(
                    calendar.calendar(connection), document.session, document.agenda_items
                )
                at = rows.now()
                number = (
                    numbering.allocate_symbol(connection, document, row.id, at)
                    if given is None
                    else numbering.reserve_symbol(connection, document, given, row.id, at)
                )
                job_number = numbering.allocate_job_number(connection, row.id, at)
                document = replace(document, symbol=number, job_number=job_number)
                confirmed = {"confirmed_duplicate_of": repeated} if repeated else {}
                return Change(
                    rows.document_columns(document),
                    after={"symbol": str(number), "job_number": job_number, **confirmed},
                )

            row = run(connection, actor, "register", submission_id, decide)
            notifications.record(connection, row, "registered", row.updated_at)
            return rows.submission_of(row)

        registered = self._write(work)
        self.deliver()
        return registered

    def issue(self, actor: Actor, submission_id: int, bundle: Bundle) -> IssuedDocument:
        """Publish the submission with the files and texts of ``bundle``, all at once.

        The bundle must have been composed from the record as it is now: under
        the row lock its digest is compared with the stored record's, so an edit
        made while the files were rendered refuses the issue (compose again)
        rather than publishing files that disagree with the record.
        """
        workflow.check("issue", actor)

        def work(connection: Connection) -> IssuedDocument:
            def decide(row: Any) -> Change:
                check_digest(row, bundle, "issue")
                # Only now, under the row lock: a refused issue leaves no file behind.
                files = store_bundle(connection, self.blobs, row.id, bundle)
                at = rows.now()
                # The translation memory learns the passages as issued, in the same commit.
                memory.remember(connection, row.id, segments(rows.document_of(row)))
                return Change(
                    {"issued_at": at}, after={"issued_at": at.isoformat(), "files": files}
                )

            row = run(connection, actor, "issue", submission_id, decide)
            if row.parent_id is not None:
                # The original now lists this version: its public page changed too.
                changes.record(connection, [row.parent_id], "versioned", rows.now())
            notifications.record(connection, row, "issued", row.updated_at)
            return _issued(connection, row)

        issued = self._write(work)
        self.deliver()  # after the commit: a mail server's trouble never undoes the issue
        return issued

    def reject(self, actor: Actor, submission_id: int, reason: str) -> Submission:
        return self._close(actor, submission_id, "reject", reason)

    def withdraw(self, actor: Actor, submission_id: int, reason: str) -> Submission:
        return self._close(actor, submission_id, "withdraw", reason)

    def _close(self, actor: Actor, submission_id: int, action: str, reason: str) -> Submission:
        reason = reason.strip()
        if not reason:
            raise InvalidInput(f"a reason is required to {action}")
        change = Change({"reason": reason}, after={"reason": reason})
        return self._transition(actor, action, submission_id, lambda _row: change)

    def _transition(
        self, actor: Actor, action: str, submission_id: int,
        decide: Any, *, language: Language | None = None,
    ) -> Submission:
        return rows.submission_of(
            self._write(
                lambda c: run(c, actor, action, submission_id, decide, language=language)
            )
        )


def check_digest(row: Any, bundle: Bundle, action: str) -> None:
    """Refuse a bundle composed from another record than the stored one (an edit made
    while the files were rendered)."""
    if record_digest(rows.document_of(row)) != bundle.record_digest:
        raise Conflict(
            f"submission {row.id} was changed while it was being composed; "
            f"nothing was {action}d: compose and {action} it again"
        )


def store_bundle(
    connection: Connection, blobs: BlobStore, submission_id: int, bundle: Bundle
) -> list[dict[str, Any]]:
    """Keep every file and text of ``bundle`` as the submission's; the files as the
    audit trail lists them."""
    stored = [
        (f.language.value, f.format.value, blobs.put(f.data), len(f.data)) for f in bundle.files
    ]
    archive.add_files(connection, submission_id, stored)
    archive.add_texts(
        connection, submission_id, {lang.value: t for lang, t in bundle.texts.items()},
        {lang.value: t for lang, t in bundle.titles.items()},
    )
    return [
        {"language": lang, "format": fmt, "sha256": sha, "size": size}
        for lang, fmt, sha, size in stored
    ]


def _issued(connection: Connection, row: Any) -> IssuedDocument:
    """The public value of one issued row, with its files and relations."""
    files = archive.manifestations_of(connection, [row.id])
    versions = archive.versions_of(connection, [row.id])
    original = archive.symbols_of(connection, [row.parent_id]) if row.parent_id else {}
    titles = archive.titles_of(connection, [row.id])
    return rows.issued_of(
        row, files[row.id], versions[row.id], original.get(row.parent_id), titles[row.id]
    )


def _sender(document: Document) -> str | None:
    return document.sender.iso3 if document.sender else None


def _ids(ids: Sequence[int]) -> str:
    return ", ".join(f"#{i}" for i in ids)
