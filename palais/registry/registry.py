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
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Row, func, insert, select, update

from palais.errors import (
    Conflict,
    InvalidInput,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    UnknownSession,
)
from palais.languages import Language
from palais.model import AgendaItem, Document, Format, Session
from palais.records import to_record
from palais.registry import (
    accounts,
    calendar,
    intake,
    numbering,
    rows,
    translation,
    visibility,
    workflow,
)
from palais.registry import sessions as web_sessions
from palais.registry import tokens as api_tokens
from palais.registry.credentials import Passwords
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
from palais.store.engine import in_transaction, retrying_write
from palais.store.tables import (
    audit_log,
    calendar_sessions,
    manifestations,
    submissions,
    users,
)
from palais.symbols import ModifierKind, Symbol

T = TypeVar("T")

SYSTEM = "system"  # the audit log's actor for changes made from the command line


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
            return in_transaction(active, work)
        return retrying_write(self.engine, work)

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
        actor = accounts.new_actor(username, role, state, languages)
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
                    created_at=rows.now(),
                )
            )
            rows.log(
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
        return rows.actor_of(row)

    def login(self, username: str, password: str) -> Actor:
        row = self._read(
            lambda c: c.execute(select(users).where(users.c.username == username)).first()
        )
        if not self._passwords.verify(row.password_hash if row else None, password) or row is None:
            raise NotAuthenticated("wrong user name or password")
        if self._passwords.outdated(row.password_hash):
            # The configured cost was raised since this hash was made: the password is
            # at hand only now, so this is when the stored hash can catch up.
            rehashed = self._passwords.hash(password)
            self._write(
                lambda c: c.execute(
                    update(users).where(users.c.id == row.id).values(password_hash=rehashed)
                )
            )
        return rows.actor_of(row)

    def create_token(
        self, actor: Actor, name: str, *, days: int = api_tokens.DEFAULT_DAYS,
        grants: frozenset[str] = frozenset(), by_token: api_tokens.TokenHolder | None = None,
    ) -> str:
        """A new API token for ``actor``: returned once, kept only as its hash."""
        return api_tokens.create_token(
            self._write, actor, name, days=days, grants=grants, by_token=by_token
        )

    def authenticate_token(self, token: str) -> Actor:
        return api_tokens.holder(self._read, token).actor

    def token_holder(self, token: str) -> api_tokens.TokenHolder:
        return api_tokens.holder(self._read, token)

    def list_tokens(self, actor: Actor) -> builtins.list[api_tokens.TokenInfo]:
        return api_tokens.tokens_of(self._read, actor)

    def revoke_token(self, actor: Actor, token_id: int) -> None:
        api_tokens.revoke_token(self._write, actor, token_id)

    # -- web sessions (palais.registry.sessions) -------------------------------------

    def open_session(self, actor: Actor, client: str = "", address: str = "") -> str:
        return web_sessions.open_session(self._write, actor, client, address)

    def session_actor(self, token: str) -> Actor:
        return web_sessions.session_actor(self._read, self._write, token)

    def end_session(self, token: str) -> None:
        web_sessions.end_session(self._write, token)

    def sessions_of(
        self, actor: Actor, current: str | None = None
    ) -> builtins.list[web_sessions.WebSession]:
        return web_sessions.sessions_of(self._read, actor, current)

    def end_session_of(self, actor: Actor, session_id: int) -> None:
        web_sessions.end_session_of(self._write, actor, session_id)

    def change_password(self, actor: Actor, current: str, new: str) -> None:
        """A new password; every session of the user ends (log in again)."""
        web_sessions.change_password(self._write, self._passwords, actor, current, new, self.login)

    # -- intake -----------------------------------------------------------------------

    def submit_record(self, actor: Actor, record: Mapping[str, Any]) -> Submission:
        """Submit structured fields (a record)."""
        _check_may_submit(actor)
        return self._submit(actor, intake.from_fields(record), None)

    def submit_file(self, actor: Actor, filename: str, data: bytes) -> Submission:
        """Submit a file: it is kept as received and parsed to pre-fill the record."""
        _check_may_submit(actor)
        received = intake.from_file(filename, data)
        sha256 = self.blobs.put(data)
        return self._submit(actor, received.document, (filename, received.media_type, sha256))

    def _submit(
        self, actor: Actor, document: Document, source: tuple[str, str, str] | None
    ) -> Submission:
        document = visibility.for_mission(actor, document)
        mission = actor.state if actor.role is Role.MISSION else _sender(document)
        filename, media_type, sha256 = source or (None, None, None)

        def work(connection: Connection) -> Submission:
            duplicates = rows.duplicates(connection, sha256, mission, document)
            now = rows.now()
            sid = connection.execute(
                insert(submissions).values(
                    state=State.SUBMITTED.value, mission=mission, submitted_by=actor.username,
                    received_at=now, updated_at=now, filename=filename, media_type=media_type,
                    source_sha256=sha256, duplicate_of=json.dumps(duplicates),
                    **rows.document_columns(document),
                ).returning(submissions.c.id)
            ).scalar_one()
            detail = f"possible duplicate of {_ids(duplicates)}" if duplicates else None
            rows.log(
                connection, sid, actor.username, "submit", None,
                {"state": State.SUBMITTED.value, "file": filename, "sha256": sha256}, detail,
            )
            return rows.submission_of(rows.fetch(connection, sid))

        return self._write(work)

    # -- reading ------------------------------------------------------------------------

    def get(self, actor: Actor, submission_id: int) -> Submission:
        """One submission the actor may see (NotFound otherwise, so nothing leaks)."""
        row = self._read(lambda c: rows.fetch_visible(c, actor, submission_id))
        return rows.submission_of(row)

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

        found, total = self._read(work)
        return [rows.submission_of(r) for r in found], total

    def audit(self, actor: Actor, submission_id: int) -> builtins.list[AuditEntry]:
        """The audit trail of one submission the actor may see, oldest first."""

        def work(connection: Connection) -> builtins.list[Row[Any]]:
            rows.fetch_visible(connection, actor, submission_id)
            query = (
                select(audit_log).where(audit_log.c.submission_id == submission_id)
                .order_by(audit_log.c.id)
            )
            return list(connection.execute(query))

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

        def work(connection: Connection) -> Submission:
            row = rows.fetch_visible(connection, actor, submission_id, for_update=True)
            workflow.check("edit", actor, State(row.state))
            document = visibility.for_mission(actor, edited)
            document = rows.keep_numbers(document, row)
            before = json.loads(row.record)
            rows.advance(connection, row, State(row.state), **rows.document_columns(document))
            rows.log(connection, row.id, actor.username, "edit", before, to_record(document))
            return rows.submission_of(rows.fetch(connection, row.id))

        return self._write(work)

    def register(
        self, actor: Actor, submission_id: int, *, symbol: Symbol | str | None = None
    ) -> Submission:
        """Give the submission the next symbol of its session's series and a job number.

        ``symbol`` is for a document issued before palais held it (the back
        catalogue): it keeps the symbol printed on it, if that is free.
        """
        given = Symbol.parse(symbol) if isinstance(symbol, str) else symbol

        def work(connection: Connection) -> Submission:
            row = rows.fetch_visible(connection, actor, submission_id, for_update=True)
            workflow.check("register", actor, State(row.state))
            document = rows.document_of(row)
            calendar.check(calendar.calendar(connection), document.session, document.agenda_items)
            now = rows.now()
            symbol = (
                numbering.allocate_symbol(connection, document, row.id, now)
                if given is None
                else numbering.reserve_symbol(connection, document, given, row.id, now)
            )
            job_number = numbering.allocate_job_number(connection, row.id, now)
            document = replace(document, symbol=symbol, job_number=job_number)
            rows.advance(connection, row, State.REGISTERED, **rows.document_columns(document))
            rows.log(
                connection, row.id, actor.username, "register", {"state": row.state},
                {"state": State.REGISTERED.value, "symbol": str(symbol), "job_number": job_number},
            )
            return rows.submission_of(rows.fetch(connection, row.id))

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
            row = rows.fetch_visible(connection, actor, submission_id, for_update=True)
            workflow.check("translate", actor, State(row.state))
            document = rows.document_of(row)
            translation.check_passage(document, passage)
            translations = {k: dict(v) for k, v in document.translations.items()}
            before = translations.get(passage, {}).get(language)
            translations.setdefault(passage, {})[language] = text
            document = replace(document, translations=translations)
            state = workflow.after_translation(translation.anything_missing(document))
            rows.advance(connection, row, state, **rows.document_columns(document))
            rows.log(
                connection, row.id, actor.username, "translate",
                {"state": row.state, "passage": passage, "language": language.value,
                 "text": before},
                {"state": state.value, "passage": passage, "language": language.value,
                 "text": text},
            )
            return rows.submission_of(rows.fetch(connection, row.id))

        return self._write(work)

    def check_can_issue(self, actor: Actor, submission: Submission) -> None:
        """Raise unless ``actor`` may issue ``submission`` now (before composing it)."""
        workflow.check("issue", actor, submission.state)

    def issue(self, actor: Actor, submission_id: int) -> IssuedDocument:
        """Mark the submission issued; its files are attached in the same transaction."""

        def work(connection: Connection) -> IssuedDocument:
            row = rows.fetch_visible(connection, actor, submission_id, for_update=True)
            workflow.check("issue", actor, State(row.state))
            now = rows.now()
            rows.advance(connection, row, State.ISSUED, issued_at=now)
            rows.log(
                connection, row.id, actor.username, "issue", {"state": row.state},
                {"state": State.ISSUED.value, "issued_at": now.isoformat()},
            )
            return rows.issued_of(connection, rows.fetch(connection, row.id))

        return self._write(work)

    def attach_manifestation(
        self, actor: Actor, submission_id: int, language: Language, fmt: Format, data: bytes
    ) -> ManifestationRef:
        """Keep one language version in one format of an issued document; never replaced."""
        sha256 = self.blobs.put(data)

        def work(connection: Connection) -> ManifestationRef:
            row = rows.fetch_visible(connection, actor, submission_id, for_update=True)
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
            rows.log(
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
            row = rows.fetch_visible(connection, actor, submission_id, for_update=True)
            workflow.check(action, actor, State(row.state))
            rows.advance(connection, row, target, reason=reason)
            rows.log(
                connection, row.id, actor.username, action, {"state": row.state},
                {"state": target.value, "reason": reason},
            )
            return rows.submission_of(rows.fetch(connection, row.id))

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
            original = rows.fetch_visible(connection, actor, submission_id, for_update=True)
            workflow.check("new_version", actor, State(original.state))
            document = given or replace(rows.document_of(original), translations={}, warnings=())
            now = rows.now()
            sid = connection.execute(
                insert(submissions).values(
                    state=State.REGISTERED.value, mission=original.mission,
                    submitted_by=actor.username, received_at=now, updated_at=now,
                    parent_id=original.id, version_kind=kind.value,
                    **rows.document_columns(replace(document, symbol=None, job_number=None)),
                ).returning(submissions.c.id)
            ).scalar_one()
            symbol = numbering.allocate_version(
                connection, Symbol.parse(original.symbol), kind, sid, now
            )
            job_number = numbering.allocate_job_number(connection, sid, now)
            document = replace(document, symbol=symbol, job_number=job_number)
            connection.execute(
                update(submissions).where(submissions.c.id == sid)
                .values(**rows.document_columns(document))
            )
            rows.log(
                connection, sid, actor.username, "new_version", None,
                {"state": State.REGISTERED.value, "symbol": str(symbol), "kind": kind.value,
                 "job_number": job_number},
                f"{kind.value} of {original.symbol}",
            )
            rows.log(
                connection, original.id, actor.username, "versioned", None,
                {"version": str(symbol), "submission_id": sid},
            )
            return rows.submission_of(rows.fetch(connection, sid))

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
            return rows.issued_of(connection, row)

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
        return self._read(lambda c: [rows.issued_of(c, r) for r in c.execute(query)])

    def sessions(self) -> tuple[Session, ...]:
        """Every session of the calendar, regular and special, in order."""
        return self._read(lambda c: calendar.calendar(c).sessions())

    def session(self, number: int) -> Session:
        """The regular session ``number``; raises UnknownSession."""
        return self._read(lambda c: calendar.calendar(c).session(number))

    def add_session(self, actor: Actor, session: Session) -> Session:
        """Add a session to the calendar, or correct one's dates (the secretariat only).

        The conventions data holds the sessions known when it was written; new
        sessions are added here as they are scheduled, and the change is in the
        audit log like any other.
        """
        if actor.role is not Role.OFFICER:
            raise PermissionDenied(
                f"a {actor.role.value} may not change the calendar (only: officer)"
            )
        calendar.validate(session)
        key = (calendar_sessions.c.number == session.number) & (
            calendar_sessions.c.special == session.special
        )

        def work(connection: Connection) -> Session:
            known = calendar.calendar(connection)
            try:
                before = known.session(session.number, special=session.special)
            except UnknownSession:
                before = None
            values = {
                "opening": session.opening, "closing": session.closing,
                "actual_closing": session.actual_closing, "added_by": actor.username,
                "added_at": rows.now(),
            }
            if connection.execute(select(calendar_sessions.c.number).where(key)).first():
                connection.execute(update(calendar_sessions).where(key).values(**values))
            else:
                connection.execute(
                    insert(calendar_sessions).values(
                        number=session.number, special=session.special, **values
                    )
                )
            rows.log(
                connection, None, actor.username, "calendar",
                _session_json(before) if before else None, _session_json(session),
            )
            return session

        return self._write(work)

    def agenda_items(self) -> tuple[AgendaItem, ...]:
        return calendar.agenda_items()


def _session_json(session: Session) -> dict[str, Any]:
    return {
        "number": session.number, "special": session.special,
        "opening": session.opening.isoformat(), "closing": session.closing.isoformat(),
        "actual_closing": (
            session.actual_closing.isoformat() if session.actual_closing else None
        ),
    }


def _check_may_submit(actor: Actor) -> None:
    """Before anything is read or kept: a translator submits nothing."""
    if actor.role not in (Role.MISSION, Role.OFFICER):
        raise PermissionDenied(f"a {actor.role.value} may not submit documents")


def _sender(document: Document) -> str | None:
    return document.sender.iso3 if document.sender else None


def _ids(ids: Sequence[int]) -> str:
    return ", ".join(f"#{i}" for i in ids)


def _languages(languages: Sequence[Language]) -> str:
    return ", ".join(lang.value for lang in languages) or "no language"
