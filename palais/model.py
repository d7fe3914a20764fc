"""The domain model: immutable values that every stage of palais passes along.

The model follows the FRBR levels that Akoma Ntoso uses: a *Work* is one
document symbol (:class:`Document`); an *Expression* is one language version of
it (:class:`LanguageVersion`); a *Manifestation* is one format of that version
(:class:`Manifestation`). Corrigenda, revisions and addenda are Works of their
own whose symbols carry the modifier (``/Corr.1``), linked to the original by
:class:`Relation`.

Everything here is a frozen dataclass: a stage that wants to change a record
makes a new one (``dataclasses.replace``), so no stage can alter what an
earlier stage saw.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from palais.errors import InvalidRecord, UnknownState
from palais.languages import Language
from palais.symbols import Symbol

__all__ = [
    "AgendaItem",
    "Body",
    "Correction",
    "DocType",
    "Document",
    "Footnote",
    "Format",
    "Language",
    "LanguageVersion",
    "Manifestation",
    "Part",
    "PartKind",
    "Party",
    "Relation",
    "RelationKind",
    "Session",
    "Symbol",
]


class Body(StrEnum):
    """The UN organ a document belongs to, by the code researchers use for it."""

    HRC = "HRC"  # Human Rights Council
    GA = "GA"  # General Assembly
    SC = "SC"  # Security Council
    ECOSOC = "ECOSOC"  # Economic and Social Council
    CHR = "CHR"  # Commission on Human Rights (1946-2006)
    CCPR = "CCPR"  # Human Rights Committee
    CERD = "CERD"  # Committee on the Elimination of Racial Discrimination
    CAT = "CAT"  # Committee against Torture
    CRC = "CRC"  # Committee on the Rights of the Child
    CESCR = "CESCR"  # Committee on Economic, Social and Cultural Rights
    CEDAW = "CEDAW"  # Committee on the Elimination of Discrimination against Women
    CMW = "CMW"  # Committee on Migrant Workers
    CRPD = "CRPD"  # Committee on the Rights of Persons with Disabilities
    CED = "CED"  # Committee on Enforced Disappearances


class DocType(StrEnum):
    """Kinds of document, as named in the ``palais parse --json`` contract."""

    NOTE_VERBALE = "note_verbale"
    LETTER = "letter"
    REPORT = "report"
    RESOLUTION = "resolution"
    DECISION = "decision"
    WRITTEN_STATEMENT = "written_statement"
    DRAFT_RESOLUTION = "draft_resolution"
    SUMMARY_RECORD = "summary_record"
    OTHER = "other"


class PartKind(StrEnum):
    """The cover note is translated; an annex is reproduced as received."""

    COVER = "cover"
    ANNEX = "annex"


class Format(StrEnum):
    """Manifestation formats palais produces."""

    PDF = "pdf"
    HTML = "html"
    AKN = "akn"
    TXT = "txt"
    # Only as received: a back-catalogue document imported from its Word file keeps it.
    DOCX = "docx"

    @classmethod
    def composed(cls) -> tuple[Format, ...]:
        """The formats every composed language version is rendered in."""
        return (cls.PDF, cls.HTML, cls.AKN, cls.TXT)

    @property
    def media_type(self) -> str:
        return _MEDIA_TYPES[self]

    @property
    def extension(self) -> str:
        return "xml" if self is Format.AKN else self.value


_MEDIA_TYPES = {
    Format.PDF: "application/pdf",
    Format.HTML: "text/html; charset=utf-8",
    Format.AKN: "application/akn+xml",
    Format.TXT: "text/plain; charset=utf-8",
    Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass(frozen=True, slots=True)
class Session:
    """A session of a body, with its dates as printed on document covers.

    Covers print the dates scheduled when a document was issued; a session that
    was extended closes later in fact, which ``actual_closing`` records (e.g. the
    Council's forty-seventh session: covers say 21 June-9 July 2021, it closed on
    14 July 2021).
    """

    number: int
    opening: date
    closing: date
    special: bool = False
    actual_closing: date | None = None

    def __post_init__(self) -> None:
        if self.number < 1:
            raise InvalidRecord(f"session number must be positive, got {self.number}")
        if self.closing < self.opening:
            raise InvalidRecord(
                f"session {self.number} closes ({self.closing}) before it opens ({self.opening})"
            )
        if self.actual_closing is not None and self.actual_closing < self.opening:
            raise InvalidRecord(
                f"session {self.number} actually closed ({self.actual_closing}) before it "
                f"opened ({self.opening})"
            )


@dataclass(frozen=True, slots=True, order=True)
class AgendaItem:
    """An agenda item; ``sub`` keeps a sub-item letter such as the "(e)" of "112 (e)"."""

    number: int
    sub: str | None = None


_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class Party:
    """A State (Member or observer) by its ISO 3166-1 alpha-3 code.

    Names in the six languages come from :mod:`palais.conventions`; the model
    keeps only the code so a record never carries a misspelt country.
    """

    iso3: str

    def __post_init__(self) -> None:
        if not _ISO3.match(self.iso3):
            raise UnknownState(f"not an ISO 3166-1 alpha-3 code: {self.iso3!r}")


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote of a part; ``marker`` is the sign printed in the text ("*", "1")."""

    marker: str
    text: str


@dataclass(frozen=True, slots=True)
class Part:
    """The cover note or one annex, each in its own language.

    An annex is reproduced as received, so its language is the language of
    submission, which may differ from the cover's (the seeds: Russian and French
    covers, English annexes).
    """

    kind: PartKind
    language: Language | None
    paragraphs: tuple[str, ...] = ()
    title: str | None = None
    subtitle: str | None = None
    footnotes: tuple[Footnote, ...] = ()


class RelationKind(StrEnum):
    """How one Work refers to another (UN symbol modifiers)."""

    CORRIGENDUM_OF = "corrigendum_of"
    REVISION_OF = "revision_of"
    ADDENDUM_TO = "addendum_to"


@dataclass(frozen=True, slots=True)
class Relation:
    kind: RelationKind
    target: Symbol


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction a corrigendum makes to the original's cover: paragraph
    ``paragraph`` (from 1) reads ``new`` instead, or, when ``old`` is given, the
    words ``old`` in it read ``new``. Both texts are in the cover's language; the
    other languages are translated passages like any other free text."""

    paragraph: int
    new: str
    old: str | None = None

    def __post_init__(self) -> None:
        if self.paragraph < 1:
            raise InvalidRecord(f"corrections: paragraph numbers start at 1, not {self.paragraph}")
        if not self.new.strip():
            raise InvalidRecord("corrections: a correction needs its new text")
        if self.old is not None and not self.old.strip():
            raise InvalidRecord("corrections: the words replaced cannot be empty")


@dataclass(frozen=True, slots=True)
class Document:
    """One Work: a document under one symbol, in the language it was read or written in.

    ``parts[0]`` is the cover; later parts are annexes. ``translations`` maps the
    name of a free-text passage of the cover (one a person must translate, e.g.
    what the annex is about) to its text per language; formulaic text needs no
    entry because it comes from the conventions.
    """

    doc_type: DocType
    parts: tuple[Part, ...]
    symbol: Symbol | None = None
    body: Body | None = None
    session: int | None = None
    session_dates: tuple[date, date] | None = None
    agenda_items: tuple[int, ...] = ()
    doc_date: date | None = None
    sender: Party | None = None
    senders: tuple[Party, ...] = ()
    addressee: str | None = None
    language: Language | None = None
    original_language: Language | None = None
    title: str | None = None
    reproduced_as_received: bool | None = None
    job_number: str | None = None
    translations: Mapping[str, Mapping[Language, str]] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    reference: str | None = None
    """The sender's own reference number, exactly as printed on a note as sent."""
    on_behalf_of: str | None = None
    """The group of States a note is sent for, as printed ("the Organization of Islamic
    Cooperation"); ``senders`` then holds the mission that sent it and ``sender`` is None."""
    ocr_confidence: float | None = None
    """Mean word confidence (0-100) where the text was read from an image by OCR."""
    corrections: tuple[Correction, ...] = ()
    """A corrigendum's corrections of the original (its cover is the original's)."""
    reissued_on: date | None = None
    """The date a document was reissued for technical reasons, under its own symbol."""

    def __post_init__(self) -> None:
        if not self.parts or self.parts[0].kind is not PartKind.COVER:
            raise InvalidRecord("a document's first part must be its cover")
        if any(p.kind is not PartKind.ANNEX for p in self.parts[1:]):
            raise InvalidRecord("only the first part of a document may be a cover")

    @property
    def cover(self) -> Part:
        return self.parts[0]

    @property
    def annexes(self) -> tuple[Part, ...]:
        return self.parts[1:]

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return self.cover.paragraphs

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        return self.cover.footnotes


@dataclass(frozen=True, slots=True)
class Manifestation:
    """One format of one language version, identified by the hash of its bytes."""

    format: Format
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class LanguageVersion:
    """The record of one language version (Expression) of a Work."""

    symbol: Symbol | None
    language: Language
    title: str
    manifestations: tuple[Manifestation, ...] = ()
