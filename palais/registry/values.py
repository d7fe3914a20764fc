"""What the registry hands out: roles, workflow states, actors, submissions, audit entries.

All are frozen dataclasses or enums, so a caller (the web layer, the CLI) can
show them but never change the store through them; every change goes through
a use case of :class:`palais.registry.Registry`, which checks and audits it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from palais.languages import ALL, Language
from palais.model import Document, Format
from palais.symbols import ModifierKind, Symbol
from palais.titles import ShownTitle, title_for


class Role(StrEnum):
    """Who a user is to the registry; the public is no user at all (no Actor)."""

    MISSION = "mission"  # a State's permanent mission: submits, follows its own submissions
    OFFICER = "officer"  # the secretariat: registers, edits, issues
    TRANSLATOR = "translator"  # supplies translations into assigned languages


class State(StrEnum):
    """Where a submission is in its workflow (see :mod:`palais.registry.workflow`)."""

    SUBMITTED = "submitted"
    REGISTERED = "registered"
    IN_TRANSLATION = "in_translation"
    READY = "ready"
    ISSUED = "issued"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class Actor:
    """An authenticated user: the one who acts in a use case and is named in the audit log."""

    username: str
    role: Role
    state: str | None = None  # ISO 3166-1 alpha-3, for a mission
    languages: tuple[Language, ...] = ()  # for a translator

    @property
    def name(self) -> str:
        return self.username


@dataclass(frozen=True, slots=True)
class Submission:
    """A submission with its current record (a :class:`~palais.model.Document`)."""

    id: int
    state: State
    document: Document
    symbol: Symbol | None
    job_number: str | None
    mission: str | None
    submitted_by: str
    received_at: datetime
    updated_at: datetime
    filename: str | None = None
    media_type: str | None = None
    source_sha256: str | None = None
    duplicate_of: tuple[int, ...] = ()
    reason: str | None = None
    parent_id: int | None = None
    version_kind: ModifierKind | None = None
    issued_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ManifestationRef:
    language: Language
    format: Format
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class IssuedDocument:
    """What the public sees of an issued document: no submitter, no internal state."""

    symbol: Symbol
    document: Document
    state: State
    issued_at: datetime
    languages: tuple[Language, ...] = ALL
    manifestations: tuple[ManifestationRef, ...] = ()
    original: Symbol | None = None  # for a corrigendum, revision or addendum
    versions: tuple[Symbol, ...] = ()  # corrigenda, revisions, addenda issued since
    titles: Mapping[Language, str] = field(default_factory=dict)  # as each version prints it

    def title_for(self, reader: Language | None) -> ShownTitle | None:
        """The title in ``reader``'s language where that version exists, else the original."""
        doc = self.document
        return title_for(self.titles, reader, doc.title, doc.original_language or doc.language)


@dataclass(frozen=True, slots=True)
class StoredFile:
    """The bytes of one manifestation, with the hash that names them."""

    sha256: str
    size: int
    media_type: str
    data: bytes


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the append-only audit log: who, when, what, before and after."""

    id: int
    submission_id: int | None
    actor: str
    at: datetime
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    detail: str | None


@dataclass(frozen=True, slots=True)
class Publication:
    """What the public may see of one document now: its record and the printed text of
    each language version, or nothing (``document`` None) once it is withdrawn."""

    submission_id: int
    symbol: str
    document: Document | None
    texts: Mapping[Language, str] = field(default_factory=dict)
    titles: Mapping[Language, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PublicChanges:
    """The documents whose public state changed after a change record, up to ``position``
    (the last record covered, to be remembered by whoever applied them)."""

    position: int
    publications: tuple[Publication, ...]


@dataclass(frozen=True, slots=True)
class Legacy:
    """A document issued before palais held it, as read from its file."""

    filename: str
    data: bytes
    format: Format
    document: Document
    text: str


@dataclass(frozen=True, slots=True)
class Imported:
    """What became of one :class:`Legacy` document: ``symbol`` in the archive, and whether
    it was already there (the same file imported before)."""

    filename: str
    symbol: str | None
    already: bool = False
    error: str | None = None
    warnings: tuple[str, ...] = ()
