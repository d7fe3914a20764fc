"""The composed language version: what every renderer draws, already in its language.

:func:`palais.compose.compose` turns a :class:`~palais.model.Document` and a
target language into one :class:`ComposedVersion`. Renderers (PDF, HTML, Akoma
Ntoso, text) only lay it out: they never look up a convention, translate,
format a date or choose wording, so the six languages differ only in data and
every format of a version says the same thing.

Contract for renderers (every string is final, printed as given):

* Masthead (first page, top): ``organization`` ("United Nations", top left
  on the symbol's line) and ``organ`` ("General Assembly", large, below it;
  None when the symbol's series has no organ in the conventions), both in
  ``language``; then ``symbol`` ("A/HRC/41/G/7" or None before
  registration), ``distribution`` ("Distr.: General"), ``issue_date`` (the
  printed issue date, or None), ``language_line`` (the version's language
  name where the UN prints it above "Original:", else None),
  ``original_line`` ("Original: English", or None when unknown), these four
  in ``masthead_language`` when that is set (Russian, Arabic and Chinese
  versions print them in English), else in ``language``. ``organization``
  and ``organ`` default to None, so a version built without them prints
  neither.
* Cover block, in this order: ``body`` ("Совет по правам человека"),
  ``session`` ("Сорок первая сессия"), ``session_dates`` ("24 июня –
  12 июля 2019 года"), ``agenda`` ("Пункт 4 повестки дня"), ``agenda_title``
  (one string; break it across lines only by layout), then ``title`` (the
  document title, e.g. the note verbale's). Any of them may be None when the
  record does not know it; a renderer then leaves the line out.
* ``heading``: what a corrigendum or an addendum prints under the title
  ("Corrigendum", "Rectificatif"), or None; ``corrections``: a corrigendum's
  corrections, each a ``lead`` (where and how: "Paragraph 3 should read:")
  and its ``text``, printed instead of the original's paragraphs, footnotes and
  annexes (a corrigendum is never a full copy).
* ``paragraphs``: the cover's paragraphs. A footnote marker ("*") is part of
  the paragraph text where it is printed; ``footnotes`` are the notes at the
  foot of the cover page, each a marker and its text.
* ``annexes``: each on a new page, in its own ``language`` and ``direction``
  (reproduced as received): ``heading`` (the annex's own title line, e.g.
  "Annex to the note verbale dated 6 June 2019 from ..."), ``subtitle`` (or
  None), ``paragraphs``.
* ``job_number`` ("GE.19-09823(R)", foot of the first page: the record's job
  number with this version's language letter) or None; ``barcode`` the line
  printed under the barcode beside it ("*1909823*") or None.
* ``language`` and ``direction`` ("ltr"/"rtl") of the whole cover; ``bcp47``
  of the language is ``language.info.bcp47``.
* ``links``: the other five language versions (UN order), each with its
  language, its name in its own language, and a relative address of its HTML
  page (``fr.html``), so files written side by side link to each other.
* ``frbr``: the Akoma Ntoso identification of the Work, this Expression and
  its Manifestation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from palais.languages import Language
from palais.model import DocType

__all__ = [
    "ComposedAnnex",
    "ComposedCorrection",
    "ComposedFootnote",
    "ComposedVersion",
    "Frbr",
    "VersionLink",
]


@dataclass(frozen=True, slots=True)
class ComposedFootnote:
    """A note at the foot of the cover page; ``marker`` is printed before ``text``."""

    marker: str
    text: str


@dataclass(frozen=True, slots=True)
class ComposedCorrection:
    """One correction of a corrigendum: where and how (``lead``), then ``text``."""

    lead: str
    text: str


@dataclass(frozen=True, slots=True)
class ComposedAnnex:
    """An annex, reproduced as received: its text is never translated."""

    heading: str
    subtitle: str | None
    paragraphs: tuple[str, ...]
    language: Language | None
    direction: str


@dataclass(frozen=True, slots=True)
class VersionLink:
    """Another language version of the same Work."""

    language: Language
    name: str
    href: str


@dataclass(frozen=True, slots=True)
class Frbr:
    """Akoma Ntoso identifiers (FRBR levels) for one language version.

    ``work`` is like ``/akn/un/doc/noteVerbale/2019-06-06/A-HRC-41-G-7``;
    ``expression`` adds the language (``.../rus@``); ``manifestation`` adds
    the format (``.../rus@/main.xml``). ``doc_name`` is the Akoma Ntoso
    ``doc`` name ("noteVerbale"); ``work_date`` the date of the Work (the note's
    date); ``expression_date`` the date of this version (its issue date, else
    the Work's date); ``number`` the symbol as printed (None before
    registration, when the URIs carry ``unregistered`` in its place).
    """

    work: str
    expression: str
    manifestation: str
    doc_name: str
    work_date: date
    expression_date: date
    number: str | None
    language_code: str
    original_language_code: str | None


@dataclass(frozen=True, slots=True)
class ComposedVersion:
    """One language version of a document, ready to render (see the module docstring)."""

    language: Language
    direction: str
    doc_type: DocType
    symbol: str | None
    distribution: str
    issue_date: str | None
    language_line: str | None
    original_line: str | None
    body: str | None
    session: str | None
    session_dates: str | None
    agenda: str | None
    agenda_title: str | None
    title: str
    paragraphs: tuple[str, ...]
    footnotes: tuple[ComposedFootnote, ...]
    annexes: tuple[ComposedAnnex, ...]
    job_number: str | None
    links: tuple[VersionLink, ...]
    frbr: Frbr
    masthead_language: Language | None = None
    organization: str | None = None
    organ: str | None = None
    barcode: str | None = None
    heading: str | None = None
    corrections: tuple[ComposedCorrection, ...] = ()
