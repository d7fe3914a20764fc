"""The cover's standard wording in any language, written from the conventions.

Text of a record that equals what the conventions write in the cover's
language is formula: every other language version takes the conventions'
wording in its own language. Anything else is free text (see
:mod:`palais.compose.passages`). Comparison ignores only differences of white
space, since records read from PDF text carry the line breaks of the page.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from palais import conventions
from palais.errors import PalaisError
from palais.languages import ALL, Language
from palais.model import DocType, Document

__all__ = [
    "is_standard_footnote",
    "is_standard_request",
    "same_text",
    "standard_footnote",
    "standard_request",
    "standard_title",
    "suggested_request",
    "title_is_standard",
]

NEAR = 0.6
"""Share of words in the same order above which a mission's paragraph is taken for a
variant of the formula (a translator is offered the formula) rather than other text."""

_OHCHR = "OHCHR"
"""The addressee the Council's note-verbale formulae are written for."""


def same_text(a: str, b: str) -> bool:
    """Equal once runs of white space are folded (records keep the page's line breaks)."""
    return a.split() == b.split()


def standard_title(doc: Document, lang: Language) -> str | None:
    """The note verbale's title as the conventions write it in ``lang``, or None when
    the record is no note verbale from one State to OHCHR or the conventions lack a form."""
    if (
        doc.doc_type is not DocType.NOTE_VERBALE
        or doc.sender is None
        or doc.doc_date is None
        or doc.addressee != _OHCHR
    ):
        return None
    try:
        return conventions.formulae(lang).note_verbale_title.format(
            date=conventions.format_date(doc.doc_date, lang),
            state_of=conventions.state_name(doc.sender.iso3, lang, form="of"),
        )
    except PalaisError:
        return None


def title_is_standard(doc: Document) -> bool:
    if doc.title is None or doc.language is None:
        return False
    standard = standard_title(doc, doc.language)
    return standard is not None and same_text(standard, doc.title)


def standard_request(doc: Document, lang: Language) -> str | None:
    """The standard request to circulate the note and its annex (footnote marker
    included), or None where the conventions hold no standard wording: no annex,
    a special session, several agenda items, or a session or item not known."""
    if (
        doc.doc_type is not DocType.NOTE_VERBALE
        or doc.session is None
        or len(doc.agenda_items) != 1
        or not doc.annexes
        or (doc.symbol is not None and doc.symbol.special_session)
    ):
        return None
    try:
        return conventions.formulae(lang).request_paragraph.format(
            session_ordinal=conventions.session_ordinal(doc.session, lang, case="genitive"),
            agenda_item=conventions.agenda_running(doc.agenda_items[0], lang),
        )
    except PalaisError:
        return None


def is_standard_request(doc: Document, paragraph: str) -> bool:
    if doc.language is None:
        return False
    standard = standard_request(doc, doc.language)
    return standard is not None and same_text(standard, paragraph)


def standard_footnote(lang: Language) -> str:
    """The "reproduced as received, in the language of submission only" note."""
    return conventions.formulae(lang).reproduced_footnote


def is_standard_footnote(doc: Document, text: str) -> bool:
    return doc.language is not None and same_text(standard_footnote(doc.language), text)


def suggested_request(doc: Document, paragraph: str) -> dict[Language, str]:
    """For a paragraph that is a variant of the standard request (close to it, not it),
    the formula in every other language, offered to translators as a suggestion.

    A variant is the mission's text: it is translated as written (a request "as a
    document of the Human Rights Council under agenda item 4" names no session and
    must not gain one), so the formula is only offered, never applied. Empty when
    the paragraph is the formula itself or nothing like it.
    """
    if doc.language is None:
        return {}
    standard = standard_request(doc, doc.language)
    if standard is None or same_text(standard, paragraph):
        return {}
    if SequenceMatcher(None, standard.split(), paragraph.split()).ratio() < NEAR:
        return {}
    found = {}
    for lang in ALL:
        text = standard_request(doc, lang) if lang is not doc.language else None
        if text is not None:
            found[lang] = text
    return found
