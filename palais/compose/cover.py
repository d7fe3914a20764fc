"""Composing one language version of a document: :func:`compose`.

Formulaic lines come from :mod:`palais.conventions`; free-text passages from the
record (the cover's own language) or its translations (every other language);
annexes are reproduced as received. A corrigendum prints the original's title,
its heading and its corrections instead of the text; an addendum its heading
under the title, then its own text (the symbol's last modifier says which). A
version is composed whole or not at all:
a single missing translation raises :class:`~palais.errors.MissingTranslation`
naming the language and every passage it lacks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from palais import conventions
from palais.compose import formulaic
from palais.compose.passages import TITLE, translation
from palais.compose.version import (
    ComposedAnnex,
    ComposedCorrection,
    ComposedFootnote,
    ComposedVersion,
    Frbr,
    VersionLink,
)
from palais.conventions import corrections as correction_words
from palais.conventions.jobs import barcode_line, job_number
from palais.conventions.style import masthead_style
from palais.errors import (
    CompositionError,
    InvalidInput,
    MissingTranslation,
    UnknownAgendaItem,
    UnknownSession,
)
from palais.languages import ALL, Language
from palais.model import Body, DocType, Document, Part
from palais.symbols import ModifierKind, Symbol

__all__ = ["compose"]

# Akoma Ntoso ``doc`` names for the kinds of document (camelCase, as the
# standard's own examples name document types).
_AKN_NAMES = {
    DocType.NOTE_VERBALE: "noteVerbale",
    DocType.LETTER: "letter",
    DocType.REPORT: "report",
    DocType.RESOLUTION: "resolution",
    DocType.DECISION: "decision",
    DocType.WRITTEN_STATEMENT: "writtenStatement",
    DocType.DRAFT_RESOLUTION: "draftResolution",
    DocType.SUMMARY_RECORD: "summaryRecord",
    DocType.OTHER: "document",
}


_UNREGISTERED = "unregistered"


def compose(
    doc: Document,
    lang: Language,
    *,
    symbol: Symbol | None = None,
    job_number: str | None = None,
    issue_date: date | None = None,
) -> ComposedVersion:
    """The ``lang`` version of ``doc``; ``symbol``, ``job_number`` and ``issue_date``
    override the record's (issuing supplies them), else the record's are used."""
    symbol = symbol or doc.symbol
    kind = symbol.modifiers[-1].kind if symbol and symbol.modifiers else None
    if kind is ModifierKind.CORRIGENDUM and not doc.corrections:
        raise CompositionError("a corrigendum prints its corrections: it has none")
    resolver = _Resolver(doc, lang)
    title = resolver.title()
    corrections = tuple(resolver.corrections())
    # A corrigendum is never a full copy: the corrections stand for the text.
    text_of = () if corrections else doc.paragraphs
    paragraphs = tuple(resolver.paragraph(n, p) for n, p in enumerate(text_of, 1))
    footnotes = tuple(
        ComposedFootnote(f.marker, resolver.footnote(n, f.text))
        for n, f in enumerate(() if corrections else doc.footnotes, 1)
    ) + _reissue_note(doc, lang)
    if resolver.missing:
        raise MissingTranslation({lang.value: resolver.missing})
    special = bool(symbol and symbol.special_session)
    # The original is the language of the note as received; a record that does not
    # say (submissions made before intake recorded it) was written in it.
    original = doc.original_language or doc.language
    words = conventions.formulae(lang)
    # Russian, Arabic and Chinese versions print the masthead in English.
    masthead = Language.parse(str(words.masthead_language))
    # The cover's date chooses the house style in force (cover_style.yaml).
    on = issue_date or doc.doc_date
    block = _cover_block(doc, lang, special, on)
    style = masthead_style(lang, on)
    return ComposedVersion(
        language=lang,
        direction=lang.info.direction,
        doc_type=doc.doc_type,
        symbol=_printed_symbol(symbol, doc),
        distribution=str(style.get("distribution", words.distribution)),
        issue_date=conventions.format_date(issue_date, masthead) if issue_date else None,
        language_line=(
            _case(words.language_line, style) if original and original is not lang else None
        ),
        original_line=(
            str(style.get("original", words.original)).format(
                language=_case(conventions.language_name(original, masthead), style)
            )
            if original
            else None
        ),
        body=block.body,
        session=block.session,
        session_dates=block.dates,
        agenda=block.agenda,
        agenda_title=block.agenda_title,
        title=title,
        paragraphs=paragraphs,
        footnotes=footnotes,
        annexes=tuple(
            _annex(a, n if len(doc.annexes) > 1 else None, lang)
            for n, a in enumerate(() if corrections else doc.annexes, 1)
        ),
        job_number=_job(job_number or doc.job_number, lang, on),
        barcode=_barcode(job_number or doc.job_number),
        links=tuple(
            VersionLink(other, other.info.native_name, f"{other.value}.html")
            for other in ALL
            if other is not lang
        ),
        frbr=_frbr(doc, lang, symbol, issue_date),
        masthead_language=masthead if masthead is not lang else None,
        organization=conventions.organization_name(lang),
        organ=_organ(symbol, doc, lang),
        heading=correction_words.heading(kind, lang) if kind else None,
        corrections=corrections,
    )


def _printed_symbol(symbol: Symbol | None, doc: Document) -> str | None:
    """The symbol as the masthead prints it: a reissued document's with its asterisk."""
    if symbol is None:
        return None
    return f"{symbol}{correction_words.REISSUE_MARKER}" if doc.reissued_on else str(symbol)


def _reissue_note(doc: Document, lang: Language) -> tuple[ComposedFootnote, ...]:
    """The dated note of a document reissued for technical reasons, under the title."""
    if doc.reissued_on is None:
        return ()
    note = correction_words.reissue_note(doc.reissued_on, lang)
    return (ComposedFootnote(correction_words.REISSUE_MARKER, note),)


class _Resolver:
    """Finds each free or formulaic text of the cover in one language, noting what
    is missing instead of stopping at the first gap (the report names them all)."""

    def __init__(self, doc: Document, lang: Language) -> None:
        self.doc = doc
        self.lang = lang
        self.own = doc.language is lang
        self.missing: list[str] = []

    def _passage(self, key: str, original: str) -> str:
        if self.own:
            return original
        text = translation(self.doc, key, self.lang)
        if text is None:
            self.missing.append(key)
            return ""
        return text

    def title(self) -> str:
        if self.doc.title is None:
            raise CompositionError("the record has no title: a version cannot be composed")
        if formulaic.title_is_standard(self.doc) and not self.own:
            return _required(formulaic.standard_title(self.doc, self.lang), "title", self.lang)
        return self._passage(TITLE, self.doc.title)

    def paragraph(self, n: int, text: str) -> str:
        if formulaic.is_standard_request(self.doc, text) and not self.own:
            standard = formulaic.standard_request(self.doc, self.lang)
            return _required(standard, "request paragraph", self.lang)
        return self._passage(f"cover.paragraph.{n}", text)

    def corrections(self) -> list[ComposedCorrection]:
        """A corrigendum's corrections in this language: where (formula), how
        (formula) and the words (the cover's own, or their translations)."""
        found = []
        for n, correction in enumerate(self.doc.corrections, 1):
            number = correction.paragraph
            new = self._passage(f"correction.{n}.new", correction.new)
            if correction.old is None:
                lead = correction_words.replacement_lead(number, self.lang)
                found.append(ComposedCorrection(lead, new))
            else:
                where = correction_words.paragraph_location(number, self.lang)
                old = self._passage(f"correction.{n}.old", correction.old)
                found.append(
                    ComposedCorrection(where, correction_words.substitution(old, new, self.lang))
                )
        return found

    def footnote(self, n: int, text: str) -> str:
        if formulaic.is_standard_footnote(self.doc, text) and not self.own:
            return formulaic.standard_footnote(self.lang)
        return self._passage(f"cover.footnote.{n}", text)


@dataclass(frozen=True, slots=True)
class _Block:
    body: str | None
    session: str | None
    dates: str | None
    agenda: str | None
    agenda_title: str | None


def _cover_block(doc: Document, lang: Language, special: bool, on: date | None) -> _Block:
    """The body, session, dates and agenda lines as a cover of ``on`` printed them.

    A Council session the calendar holds is printed by the conventions
    (:func:`palais.conventions.cover_lines`: the period's style, the parts of a
    resumed session, the dates met once closed); anything else from the record.
    """
    if doc.body is Body.HRC and doc.session is not None:
        try:
            lines = conventions.cover_lines(
                doc.session, lang, on=on, items=doc.agenda_items, special=special
            )
        except (UnknownSession, UnknownAgendaItem):
            pass
        else:
            return _Block(
                lines.body, lines.session, lines.dates, lines.agenda,
                lines.titles[0] if lines.titles else None,
            )
    return _Block(
        body=conventions.body_name(doc.body, lang) if doc.body else None,
        session=(
            conventions.session_line(doc.session, lang, special=special) if doc.session else None
        ),
        dates=conventions.date_range(*doc.session_dates, lang) if doc.session_dates else None,
        agenda=conventions.agenda_line(doc.agenda_items, lang) if doc.agenda_items else None,
        agenda_title=(
            conventions.agenda_title(doc.agenda_items[0], lang)
            if len(doc.agenda_items) == 1
            else None
        ),
    )


def _case(text: str | None, style: Mapping[str, Any]) -> str | None:
    """The masthead's language words in capitals where the period's style set them so."""
    return text.upper() if text and style.get("upper") else text


def _job(number: str | None, lang: Language, on: date | None) -> str | None:
    """The job number with the version's language letter ("GE.21-07654(E)"); a number
    not in the UN's form is printed as the record gives it."""
    if not number:
        return None
    try:
        return job_number(number, lang, on)
    except InvalidInput:
        return number


def _barcode(number: str | None) -> str | None:
    """The line under the barcode ("*2107654*"), for a number in the UN's form."""
    try:
        return barcode_line(number) if number else None
    except InvalidInput:
        return None


def _organ(symbol: Symbol | None, doc: Document, lang: Language) -> str | None:
    """The organ of the symbol's series; before registration, that of the record's body."""
    if symbol is not None:
        return conventions.organ_name(symbol, lang)
    return conventions.organ_name(doc.body, lang) if doc.body else None


def _required(text: str | None, what: str, lang: Language) -> str:
    if text is None:
        raise CompositionError(f"the conventions give no standard {what} in {lang.value}")
    return text


_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _annex(part: Part, number: int | None, lang: Language) -> ComposedAnnex:
    """An annex as received; without a title of its own it is headed with the cover
    language's word for "Annex", numbered in Roman figures when there are several
    (UN style: "Annex I")."""
    heading = part.title
    if heading is None:
        heading = conventions.formulae(lang).annex_heading
        if number is not None:
            heading = f"{heading} {_roman(number)}"
    language = part.language
    return ComposedAnnex(
        heading=heading,
        subtitle=part.subtitle,
        paragraphs=part.paragraphs,
        language=language,
        direction=language.info.direction if language else "ltr",
    )


def _frbr(doc: Document, lang: Language, symbol: Symbol | None, issue: date | None) -> Frbr:
    """Akoma Ntoso URIs: ``/akn/un/doc/<name>/<date>/<symbol>/<lang>@``."""
    work_date = doc.doc_date or issue
    if work_date is None:
        raise CompositionError("the record has no date, so the version has no Akoma Ntoso identity")
    name = _AKN_NAMES[doc.doc_type]
    # A record not yet registered has no symbol: its URI says so rather than guessing one.
    number = symbol.uri_slug() if symbol else _UNREGISTERED
    work = f"/akn/un/doc/{name}/{work_date.isoformat()}/{number}"
    code = lang.info.iso639_3
    expression = f"{work}/{code}@"
    original = doc.original_language
    return Frbr(
        work=work,
        expression=expression,
        manifestation=f"{expression}/!main.xml",
        doc_name=name,
        work_date=work_date,
        expression_date=issue or work_date,
        number=str(symbol) if symbol else None,
        language_code=code,
        original_language_code=original.info.iso639_3 if original else None,
    )
