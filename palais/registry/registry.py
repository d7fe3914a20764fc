"""The registry: every use case of the system of record, each one checked and audited.

A use case runs in one database transaction: it reads the submission, asks
:mod:`palais.registry.workflow` whether this actor may take this action from
this state, writes the change and its audit entry, and commits, or changes
nothing. Numbers (symbols, job numbers) come from :mod:`palais.registry.numbering`,
whose database constraint makes a transaction that lost a race fail; such a
transaction is retried whole, so there is no lock in Python memory and several
server processes may share one store.
"""

from __future__ import annotations

import builtins
import contextlib
import json
import random
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Row, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from palais.errors import (
    Conflict,
    InvalidInput,
    InvalidRecord,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
)
from palais.languages import Language
from palais.model import AgendaItem, Document, Format, Party, Session
from palais.records import from_record, to_record
from palais.registry import calendar, intake, numbering, translation, visibility, workflow
from palais.registry.credentials import Passwords, new_token, token_hash
from palais.registry.values import (
    Actor,
    AuditEntry,
    IssuedDocument,
    ManifestationRef,
    Role,
    State,
    StoredFile,
    Submission,
)
from palais.settings import Settings
from palais.store import BlobStore, open_engine, read_transaction, upgrade, write_transaction
from palais.store.tables import api_tokens, audit_log, manifestations, submissions, users
from palais.symbols import ModifierKind, Symbol

T = TypeVar("T")

# A transaction that lost a race for a number, or found SQLite busy past its
# timeout, or PostgreSQL's deadlock detector, is run again from the start.
MAX_ATTEMPTS = 200
MAX_ID = 2**31 - 1  # identifiers are 32-bit integers on PostgreSQL
SYSTEM = "system"  # the audit log's actor for changes made from the command line
_USERNAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@-")


class Registry:
    """The use cases over one store. Open it with :meth:`open`; share it between threads."""

    def __init__(self, engine: Engine, blobs: BlobStore, passwords: Passwords) -> None:
        self.engine = engine
        self.blobs = blobs
        self._passwords = passwords
        self._local = threading.local()

    @classmethod
    def open(cls, settings: Settings) -> Registry:
        """Open (creating and migrating as needed) the store that ``settings`` name."""
        engine = open_engine(settings.database_url)
        upgrade(engine)
        passwords = Passwords(settings.argon2_memory_kib, settings.argon2_time_cost)
        return cls(engine, BlobStore(settings.blob_dir), passwords)

    def close(self) -> None:
        """Close the database connections (the registry cannot be used afterwards)."""
        self.engine.dispose()

    # -- transactions ---------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the use cases called inside in one transaction: all of them or none.

        Used by issuing, which marks a submission issued and stores its files
        together. Inside, a lost race is not retried (the whole block would
        have to run again), so it surfaces as Conflict.
        """
        if self._active() is not None:
            yield
            return
        with write_transaction(self.engine) as connection:
            self._local.connection = connection
            try:
                yield
            finally:
                self._local.connection = None

    def _active(self) -> Connection | None:
        return getattr(self._local, "connection", None)

    def _write(self, work: Callable[[Connection], T]) -> T:
        active = self._active()
        if active is not None:
            return _translated(work, active)
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                with write_transaction(self.engine) as connection:
                    return work(connection)
            except (IntegrityError, OperationalError) as exc:
                if not _retryable(exc) or attempt == MAX_ATTEMPTS:
                    raise _as_conflict(exc) from exc
                time.sleep(random.uniform(0, 0.002 * min(attempt, 10)))
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _read(self, work: Callable[[Connection], T]) -> T:
        active = self._active()
        if active is not None:
            return work(active)
        with read_transaction(self.engine) as connection:
            return work(connection)

    # -- users and authentication ---------------------------------------------------

    def create_user(
        self,
        username: str,
        password: str,
        role: Role | str,
        *,
        state: str | None = None,
        languages: Iterable[Language | str] = (),
    ) -> Actor:
        """Add a user: a mission acts for one State, a translator for some languages."""
        actor = _new_actor(username, role, state, languages)
        password_hash = self._passwords.hash(password)

        def work(connection: Connection) -> Actor:
            taken = connection.execute(
                select(users.c.id).where(users.c.username == actor.username)
            ).first()
            if taken is not None:
                raise Conflict(f"a user named {actor.username!r} already exists")
            connection.execute(
                insert(users).values(
                    username=actor.username,
                    role=actor.role.value,
                    state=actor.state,
                    languages=",".join(lang.value for lang in actor.languages),
                    password_hash=password_hash,
                    created_at=_now(),
                )
            )
            _audit(
                connection, None, SYSTEM, "create_user", None,
                {"username": actor.username, "role": actor.role.value, "state": actor.state,
                 "languages": [lang.value for lang in actor.languages]},
            )
            return actor

        return self._write(work)

    def actor(self, username: str) -> Actor:
        """The user named ``username``; NotAuthenticated if there is none (any more)."""
        row = self._read(
            lambda c: c.execute(select(users).where(users.c.username == username)).first()
        )
        if row is None:
            raise NotAuthenticated(f"there is no user {username!r}")
        return _actor(row)

    def login(self, username: str, password: str) -> Actor:
        row = self._read(
            lambda c: c.execute(select(users).where(users.c.username == username)).first()
        )
        if not self._passwords.verify(row.password_hash if row else None, password) or row is None:
            raise NotAuthenticated("wrong user name or password")
        return _actor(row)

    def create_token(self, actor: Actor, name: str) -> str:
        """A new API token for ``actor``: returned once, kept only as its hash."""
        token = new_token()

        def work(connection: Connection) -> str:
            user_id = connection.execute(
                select(users.c.id).where(users.c.username == actor.username)
            ).scalar_one_or_none()
            if user_id is None:
                raise NotAuthenticated(f"there is no user {actor.username!r}")
            connection.execute(
                insert(api_tokens).values(
                    user_id=user_id, name=name, token_hash=token_hash(token), created_at=_now()
                )
            )
            _audit(connection, None, actor.username, "create_token", None, {"name": name})
            return token

        return self._write(work)

    def authenticate_token(self, token: str) -> Actor:
        row = self._read(
            lambda c: c.execute(
                select(users)
                .join(api_tokens, api_tokens.c.user_id == users.c.id)
                .where(api_tokens.c.token_hash == token_hash(token))
            ).first()
        )
        if row is None:
            raise NotAuthenticated("the API token is not valid")
        return _actor(row)

    # -- intake -----------------------------------------------------------------------

    def submit_record(self, actor: Actor, record: Mapping[str, Any]) -> Submission:
        """Submit structured fields (a record)."""
        return self._submit(actor, intake.from_fields(record), None)

    def submit_file(self, actor: Actor, filename: str, data: bytes) -> Submission:
        """Submit a file: it is kept as received and parsed to pre-fill the record."""
        received = intake.from_file(filename, data)
        sha256 = self.blobs.put(data)
        return self._submit(actor, received.document, (filename, received.media_type, sha256))

    def _submit(
        self, actor: Actor, document: Document, source: tuple[str, str, str] | None
    ) -> Submission:
        if actor.role not in (Role.MISSION, Role.OFFICER):
            raise PermissionDenied(f"a {actor.role.value} may not submit documents")
        document = visibility.for_mission(actor, document)
        mission = actor.state if actor.role is Role.MISSION else _sender(document)
        filename, media_type, sha256 = source or (None, None, None)

        def work(connection: Connection) -> Submission:
            duplicates = _duplicates(connection, sha256, mission, document)
            now = _now()
            sid = connection.execute(
                insert(submissions).values(
                    state=State.SUBMITTED.value, mission=mission, submitted_by=actor.username,
                    received_at=now, updated_at=now, filename=filename, media_type=media_type,
                    source_sha256=sha256, duplicate_of=json.dumps(duplicates),
                    **_document_columns(document),
                ).returning(submissions.c.id)
            ).scalar_one()
            detail = f"possible duplicate of {_ids(duplicates)}" if duplicates else None
            _audit(
                connection, sid, actor.username, "submit", None,
                {"state": State.SUBMITTED.value, "file": filename, "sha256": sha256}, detail,
            )
            return _submission(_row(connection, sid))

        return self._write(work)

    # -- reading ------------------------------------------------------------------------

    def get(self, actor: Actor, submission_id: int) -> Submission:
        """One submission the actor may see (NotFound otherwise, so nothing leaks)."""
        row = self._read(lambda c: _visible_row(c, actor, submission_id))
        return _submission(row)

    def list(
        self,
        actor: Actor,
        state: State | str | None = None,
        offset: int = 0,
        limit: int | None = 50,
    ) -> tuple[builtins.list[Submission], int]:
        """The submissions ``actor`` may see, newest first, and how many there are."""
        condition = visibility.condition(actor)
        if state is not None:
            condition = condition & (submissions.c.state == State(state).value)

        def work(connection: Connection) -> tuple[builtins.list[Row[Any]], int]:
            total = connection.execute(
                select(func.count()).select_from(submissions).where(condition)
            ).scalar_one()
            query = (
                select(submissions).where(condition).order_by(submissions.c.id.desc())
                .offset(max(offset, 0)).limit(limit)
            )
            return list(connection.execute(query)), int(total)

        rows, total = self._read(work)
        return [_submission(r) for r in rows], total

    def audit(self, actor: Actor, submission_id: int) -> builtins.list[AuditEntry]:
        """The audit trail of one submission the actor may see, oldest first."""

        def work(connection: Connection) -> builtins.list[Row[Any]]:
            _visible_row(connection, actor, submission_id)
            query = (
                select(audit_log).where(audit_log.c.submission_id == submission_id)
                .order_by(audit_log.c.id)
            )
            return list(connection.execute(query))

        return [_audit_entry(r) for r in self._read(work)]

    # -- workflow -------------------------------------------------------------------------

    def update_record(
        self, actor: Actor, submission_id: int, record: Mapping[str, Any]
    ) -> Submission:
        """Replace the record (the officer's corrections; a mission's before registration).

        The symbol and job number are the registry's to give: a record that
        changes them is refused rather than silently overridden.
        """
        edited = intake.from_fields(record, keep_numbers=True)

        def work(connection: Connection) -> Submission:
            row = _visible_row(connection, actor, submission_id, for_update=True)
            workflow.check("edit", actor, State(row.state))
            document = visibility.for_mission(actor, edited)
            document = _keep_numbers(document, row)
            before = json.loads(row.record)
            _update(connection, row, State(row.state), **_document_columns(document))
            _audit(connection, row.id, actor.username, "edit", before, to_record(document))
            return _submission(_row(connection, row.id))

        return self._write(work)

    def register(self, actor: Actor, submission_id: int) -> Submission:
        """Give the submission the next symbol of its session's series and a job number."""

        def work(connection: Connection) -> Submission:
            row = _visible_row(connection, actor, submission_id, for_update=True)
            workflow.check("register", actor, State(row.state))
            document = _document(row)
            calendar.check(document.session, document.agenda_items)
            now = _now()
            symbol = numbering.allocate_symbol(connection, document, row.id, now)
            job_number = numbering.allocate_job_number(connection, row.id, now)
            document = replace(document, symbol=symbol, job_number=job_number)
            _update(connection, row, State.REGISTERED, **_document_columns(document))
            _audit(
                connection, row.id, actor.username, "register", {"state": row.state},
                {"state": State.REGISTERED.value, "symbol": str(symbol), "job_number": job_number},
            )
            return _submission(_row(connection, row.id))

        return self._write(work)

    def set_translation(
        self, actor: Actor, submission_id: int, passage: str, language: Language, text: str
    ) -> Submission:
        """Supply one passage in one language; the submission is ready when none is missing."""
        passage = translation.passage_key(passage)
        language = Language.parse(language)
        if actor.role is Role.TRANSLATOR and language not in actor.languages:
            raise PermissionDenied(
                f"{actor.username} translates into {_languages(actor.languages)} only, "
                f"not {language.value}"
            )
        if not text.strip():
            raise InvalidInput("a translation cannot be empty")

        def work(connection: Connection) -> Submission:
            row = _visible_row(connection, actor, submission_id, for_update=True)
            workflow.check("translate", actor, State(row.state))
            document = _document(row)
            translation.check_passage(document, passage)
            translations = {k: dict(v) for k, v in document.translations.items()}
            before = translations.get(passage, {}).get(language)
            translations.setdefault(passage, {})[language] = text
            document = replace(document, translations=translations)
            state = workflow.after_translation(translation.anything_missing(document))
            _update(connection, row, state, **_document_columns(document))
            _audit(
                connection, row.id, actor.username, "translate",
                {"state": row.state, "passage": passage, "language": language.value,
                 "text": before},
                {"state": state.value, "passage": passage, "language": language.value,
                 "text": text},
            )
            return _submission(_row(connection, row.id))

        return self._write(work)

    def check_can_issue(self, actor: Actor, submission: Submission) -> None:
        """Raise unless ``actor`` may issue ``submission`` now (before composing it)."""
        workflow.check("issue", actor, submission.state)

    def issue(self, actor: Actor, submission_id: int) -> IssuedDocument:
        """Mark the submission issued; its files are attached in the same transaction."""

        def work(connection: Connection) -> IssuedDocument:
            row = _visible_row(connection, actor, submission_id, for_update=True)
            workflow.check("issue", actor, State(row.state))
            now = _now()
            _update(connection, row, State.ISSUED, issued_at=now)
            _audit(
                connection, row.id, actor.username, "issue", {"state": row.state},
                {"state": State.ISSUED.value, "issued_at": now.isoformat()},
            )
            return _issued(connection, _row(connection, row.id))

        return self._write(work)

    def attach_manifestation(
        self, actor: Actor, submission_id: int, language: Language, fmt: Format, data: bytes
    ) -> ManifestationRef:
        """Keep one language version in one format of an issued document; never replaced."""
        sha256 = self.blobs.put(data)

        def work(connection: Connection) -> ManifestationRef:
            row = _visible_row(connection, actor, submission_id, for_update=True)
            workflow.check("attach", actor, State(row.state))
            exists = connection.execute(
                select(manifestations.c.sha256).where(
                    (manifestations.c.submission_id == row.id)
                    & (manifestations.c.language == language.value)
                    & (manifestations.c.format == fmt.value)
                )
            ).first()
            if exists is not None:
                raise Conflict(
                    f"{row.symbol} already has its {language.value} {fmt.value}; "
                    "issued files are never replaced (issue a corrigendum instead)"
                )
            connection.execute(
                insert(manifestations).values(
                    submission_id=row.id, language=language.value, format=fmt.value,
                    sha256=sha256, size=len(data),
                )
            )
            _audit(
                connection, row.id, actor.username, "attach", None,
                {"language": language.value, "format": fmt.value, "sha256": sha256},
            )
            return ManifestationRef(language, fmt, sha256, len(data))

        return self._write(work)

    def reject(self, actor: Actor, submission_id: int, reason: str) -> Submission:
        return self._close(actor, submission_id, "reject", reason)

    def withdraw(self, actor: Actor, submission_id: int, reason: str) -> Submission:
        return self._close(actor, submission_id, "withdraw", reason)

    def _close(self, actor: Actor, submission_id: int, action: str, reason: str) -> Submission:
        reason = reason.strip()
        if not reason:
            raise InvalidInput(f"a reason is required to {action}")
        target = workflow.TARGETS[action]

        def work(connection: Connection) -> Submission:
            row = _visible_row(connection, actor, submission_id, for_update=True)
            workflow.check(action, actor, State(row.state))
            _update(connection, row, target, reason=reason)
            _audit(
                connection, row.id, actor.username, action, {"state": row.state},
                {"state": target.value, "reason": reason},
            )
            return _submission(_row(connection, row.id))

        return self._write(work)

    def new_version(
        self,
        actor: Actor,
        submission_id: int,
        kind: ModifierKind | str,
        record: Mapping[str, Any] | None = None,
    ) -> Submission:
        """A corrigendum, revision or addendum of an issued document: a new Work,
        registered at once under the original's symbol with the next modifier number."""
        kind = ModifierKind(kind)
        given = intake.from_fields(record) if record is not None else None

        def work(connection: Connection) -> Submission:
            original = _visible_row(connection, actor, submission_id, for_update=True)
            workflow.check("new_version", actor, State(original.state))
            document = given or replace(_document(original), translations={}, warnings=())
            now = _now()
            sid = connection.execute(
                insert(submissions).values(
                    state=State.REGISTERED.value, mission=original.mission,
                    submitted_by=actor.username, received_at=now, updated_at=now,
                    parent_id=original.id, version_kind=kind.value,
                    **_document_columns(replace(document, symbol=None, job_number=None)),
                ).returning(submissions.c.id)
            ).scalar_one()
            symbol = numbering.allocate_version(
                connection, Symbol.parse(original.symbol), kind, sid, now
            )
            job_number = numbering.allocate_job_number(connection, sid, now)
            document = replace(document, symbol=symbol, job_number=job_number)
            connection.execute(
                update(submissions).where(submissions.c.id == sid)
                .values(**_document_columns(document))
            )
            _audit(
                connection, sid, actor.username, "new_version", None,
                {"state": State.REGISTERED.value, "symbol": str(symbol), "kind": kind.value,
                 "job_number": job_number},
                f"{kind.value} of {original.symbol}",
            )
            _audit(
                connection, original.id, actor.username, "versioned", None,
                {"version": str(symbol), "submission_id": sid},
            )
            return _submission(_row(connection, sid))

        return self._write(work)

    # -- the public archive ---------------------------------------------------------------

    def document(self, symbol: Symbol | str, actor: Actor | None = None) -> IssuedDocument:
        """An issued document by symbol; anything not issued is NotFound, for everyone."""
        symbol = symbol if isinstance(symbol, Symbol) else Symbol.parse(symbol)

        def work(connection: Connection) -> IssuedDocument:
            row = connection.execute(
                select(submissions).where(
                    (submissions.c.symbol == str(symbol))
                    & (submissions.c.state == State.ISSUED.value)
                )
            ).first()
            if row is None:
                raise NotFound(f"no issued document {symbol}")
            return _issued(connection, row)

        return self._read(work)

    def manifestation(
        self, symbol: Symbol | str, language: Language, fmt: Format, actor: Actor | None = None
    ) -> StoredFile:
        """The bytes of one issued language version in one format."""
        issued = self.document(symbol, actor)
        for ref in issued.manifestations:
            if ref.language is language and ref.format is fmt:
                data = self.blobs.get(ref.sha256)
                return StoredFile(ref.sha256, ref.size, fmt.media_type, data)
        raise NotFound(f"{issued.symbol} has no {language.value} version in {fmt.value}")

    def recently_issued(
        self, limit: int | None = 50, session: int | None = None
    ) -> builtins.list[IssuedDocument]:
        """Issued documents, newest first (all of them with ``limit=None``)."""
        condition = submissions.c.state == State.ISSUED.value
        if session is not None:
            condition = condition & (submissions.c.session == session)
        query = (
            select(submissions).where(condition)
            .order_by(submissions.c.issued_at.desc(), submissions.c.id.desc()).limit(limit)
        )
        return self._read(lambda c: [_issued(c, r) for r in c.execute(query)])

    def sessions(self) -> tuple[Session, ...]:
        return calendar.sessions()

    def session(self, number: int) -> Session:
        return calendar.session(number)

    def agenda_items(self) -> tuple[AgendaItem, ...]:
        return calendar.agenda_items()


# -- helpers over rows ----------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes; everything palais stores is UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _row(connection: Connection, submission_id: int, *, for_update: bool = False) -> Row[Any]:
    if not 0 < submission_id <= MAX_ID:
        raise NotFound(f"no submission {submission_id}")
    query = select(submissions).where(submissions.c.id == submission_id)
    if for_update:
        query = query.with_for_update()
    row = connection.execute(query).first()
    if row is None:
        raise NotFound(f"no submission {submission_id}")
    return row


def _visible_row(
    connection: Connection, actor: Actor, submission_id: int, *, for_update: bool = False
) -> Row[Any]:
    row = _row(connection, submission_id, for_update=for_update)
    if not visibility.may_see(actor, State(row.state), row.mission):
        raise NotFound(f"no submission {submission_id}")
    return row


def _update(connection: Connection, row: Row[Any], state: State, **values: Any) -> None:
    """Write ``values`` if the row is still in the state it was read in (else Conflict)."""
    done = connection.execute(
        update(submissions)
        .where((submissions.c.id == row.id) & (submissions.c.state == row.state))
        .values(state=state.value, updated_at=_now(), **values)
    )
    if done.rowcount != 1:
        raise Conflict(f"submission {row.id} changed meanwhile; try again")


def _audit(
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
            submission_id=submission_id, actor=actor, at=_now(), action=action,
            before=None if before is None else json.dumps(before, ensure_ascii=False),
            after=None if after is None else json.dumps(after, ensure_ascii=False),
            detail=detail,
        )
    )


def _document_columns(document: Document) -> dict[str, Any]:
    return {
        "record": json.dumps(to_record(document), ensure_ascii=False),
        "symbol": str(document.symbol) if document.symbol else None,
        "job_number": document.job_number,
        "title": document.title,
        "doc_date": document.doc_date.isoformat() if document.doc_date else None,
        "session": document.session,
    }


def _document(row: Row[Any]) -> Document:
    return from_record(json.loads(row.record))


def _submission(row: Row[Any]) -> Submission:
    return Submission(
        id=row.id,
        state=State(row.state),
        document=_document(row),
        symbol=Symbol.parse(row.symbol) if row.symbol else None,
        job_number=row.job_number,
        mission=row.mission,
        submitted_by=row.submitted_by,
        received_at=_aware(row.received_at) or _now(),
        updated_at=_aware(row.updated_at) or _now(),
        filename=row.filename,
        media_type=row.media_type,
        source_sha256=row.source_sha256,
        duplicate_of=tuple(json.loads(row.duplicate_of)),
        reason=row.reason,
        parent_id=row.parent_id,
        version_kind=ModifierKind(row.version_kind) if row.version_kind else None,
        issued_at=_aware(row.issued_at),
    )


def _issued(connection: Connection, row: Row[Any]) -> IssuedDocument:
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
        document=_document(row),
        state=State(row.state),
        issued_at=_aware(row.issued_at) or _now(),
        manifestations=tuple(
            ManifestationRef(Language(r.language), Format(r.format), r.sha256, r.size)
            for r in refs
        ),
        original=Symbol.parse(original) if original else None,
        versions=tuple(Symbol.parse(s) for (s,) in versions),
    )


def _audit_entry(row: Row[Any]) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        submission_id=row.submission_id,
        actor=row.actor,
        at=_aware(row.at) or _now(),
        action=row.action,
        before=json.loads(row.before) if row.before else None,
        after=json.loads(row.after) if row.after else None,
        detail=row.detail,
    )


def _actor(row: Row[Any]) -> Actor:
    languages = tuple(Language(code) for code in row.languages.split(",") if code)
    return Actor(row.username, Role(row.role), row.state, languages)


def _new_actor(
    username: str, role: Role | str, state: str | None, languages: Iterable[Language | str]
) -> Actor:
    username = username.strip()
    if not username or len(username) > 200 or not set(username) <= _USERNAME_CHARS:
        raise InvalidInput(
            f"invalid user name {username!r}: use letters, digits and . _ @ - (at most 200)"
        )
    try:
        role = Role(role)
    except ValueError:
        roles = ", ".join(r.value for r in Role)
        raise InvalidInput(f"unknown role {role!r}: expected one of {roles}") from None
    langs = tuple(dict.fromkeys(Language.parse(str(lang)) for lang in languages))
    if role is Role.MISSION:
        if not state:
            raise InvalidInput("a mission user needs the State it acts for (ISO alpha-3 code)")
        state = Party(state.strip().upper()).iso3
    elif state:
        raise InvalidInput(f"only a mission user acts for a State, not a {role.value}")
    if role is Role.TRANSLATOR and not langs:
        raise InvalidInput("a translator needs at least one language to translate into")
    if role is not Role.TRANSLATOR and langs:
        raise InvalidInput(f"only a translator has languages, not a {role.value}")
    return Actor(username, role, state, langs)


def _sender(document: Document) -> str | None:
    return document.sender.iso3 if document.sender else None


def _keep_numbers(document: Document, row: Row[Any]) -> Document:
    for name, stored in (("symbol", row.symbol), ("job_number", row.job_number)):
        given = getattr(document, name)
        if given is not None and str(given) != stored:
            raise InvalidRecord(
                f"{name}: {given} cannot be set by editing; "
                + (f"this submission's is {stored}" if stored else "registration gives it")
            )
    symbol = Symbol.parse(row.symbol) if row.symbol else None
    return replace(document, symbol=symbol, job_number=row.job_number)


def _duplicates(
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


def _ids(ids: Sequence[int]) -> str:
    return ", ".join(f"#{i}" for i in ids)


def _languages(languages: Sequence[Language]) -> str:
    return ", ".join(lang.value for lang in languages) or "no language"


def _retryable(exc: IntegrityError | OperationalError) -> bool:
    text = str(exc.orig).lower()
    if isinstance(exc, IntegrityError):
        return "allocations" in text
    return "locked" in text or "deadlock" in text or "could not serialize" in text


def _as_conflict(exc: IntegrityError | OperationalError) -> Exception:
    if isinstance(exc, IntegrityError):
        return Conflict(f"the store refused a change that would break a rule: {exc.orig}")
    return exc


def _translated(work: Callable[[Connection], T], connection: Connection) -> T:
    """Run ``work`` in the caller's transaction; a lost race becomes Conflict."""
    try:
        return work(connection)
    except IntegrityError as exc:
        raise _as_conflict(exc) from exc
