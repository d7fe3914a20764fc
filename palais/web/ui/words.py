"""Codes as a reader reads them: states, kinds, languages, States and dates in words.

The registry speaks in codes (``in_translation``, ``note_verbale``, ``AZE``,
``fr``, an aware UTC timestamp); a page never shows one. Each page gets a
:class:`Words` bound to its language, so a template writes
``words.state(s.state)`` or ``words.moment(e.at)`` and reads "In translation"
or "2 déc. 2026, 03:40" in the reader's language. States, sessions and agenda
items are named by the conventions (the UN's own wording); languages and dates
by Babel (CLDR), in the reader's locale; states and kinds of document by the
page catalogues.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum

from babel import Locale
from babel.dates import format_date, format_time
from babel.units import format_unit

from palais import conventions, points
from palais.errors import PalaisError, UnknownLanguage
from palais.languages import Language
from palais.web.search.labels import doc_type_names

Gettext = Callable[[str], str]


def _state_names(_: Gettext) -> dict[str, str]:
    return {
        "received": _("Received"), "submitted": _("Submitted"), "registered": _("Registered"),
        "in_translation": _("In translation"), "ready": _("Translated"), "issued": _("Issued"),
        "rejected": _("Rejected"), "withdrawn": _("Withdrawn"),
    }


def _field_names(_: Gettext) -> dict[str, str]:
    """The record's fields that points to check are about, as the pages name them."""
    return {
        "language": _("Language"), "annexes": _("Annexes"), "title": _("Title"),
        "text": _("Text"), "paragraphs": _("Paragraphs"), "session_dates": _("Session dates"),
        "reference": _("Reference"), "doc_date": _("Date"), "sender_state": _("State"),
        "addressee": _("Addressee"), "session": _("Session"), "agenda_items": _("Agenda items"),
    }


@dataclass(frozen=True, slots=True)
class ShownPoint:
    """A point to check as a page prints it, and the language it is printed in (BCP 47)."""

    text: str
    lang: str


def _code(value: object) -> str:
    return str(value.value) if isinstance(value, Enum) else str(value)


@dataclass(frozen=True, slots=True)
class Words:
    """Names for codes, in one page's language."""

    lang: Language
    gettext: Gettext

    @property
    def locale(self) -> Locale:
        """The reader's CLDR locale; English is the UN's British English."""
        if self.lang is Language.EN:
            return Locale.parse("en_GB")
        return Locale.parse(self.lang.info.bcp47, sep="-")

    def point(self, text: str) -> ShownPoint:
        """A point to check (:mod:`palais.points`) in the page's language, with what was
        read left as read (a language's code named in words); a sentence no template
        wrote stays in English."""
        found = points.read(text)
        if found is None:
            return ShownPoint(text, "en")
        _ = self.gettext
        values = dict(found.values)
        if "language" in values:  # a code ("en"): in words, as the page names languages
            values["language"] = self.language(values["language"])
        said = _(found.template) % values
        if found.unsure:
            said = _("%(point)s; %(note)s") % {
                "point": said, "note": _(points.OCR_UNSURE) % {"words": found.unsure}}
        if found.field:
            field = _field_names(_).get(found.field, found.field)
            said = _("%(field)s: %(point)s") % {"field": field, "point": said}
        return ShownPoint(said, self.lang.info.bcp47)

    def state(self, value: object) -> str:
        """A submission's state: "In translation" for ``in_translation``."""
        code = _code(value)
        return _state_names(self.gettext).get(code, code)

    def kind(self, value: object) -> str:
        """A kind of document: "Note verbale" for ``note_verbale``."""
        code = _code(value)
        return doc_type_names(self.gettext).get(code, code)

    def language(self, value: object) -> str:
        """A language named in the reader's language, as CLDR writes it inside a sentence:
        "arabe" for ``ar`` on a French page."""
        if not value:
            return ""
        try:
            lang = Language.parse(_code(value))
        except UnknownLanguage:
            return _code(value)
        # As CLDR writes it, to read inside a sentence ("original : anglais").
        return str(self.locale.languages.get(lang.value, lang.info.english_name))

    def country(self, value: object) -> str:
        """A State by the UN's name in the reader's language: "Azerbaïdjan" for ``AZE``."""
        if not value:
            return ""
        try:
            return conventions.state_name(_code(value), self.lang)
        except PalaisError:
            return _code(value)

    def session(self, number: int | None) -> str:
        """A session as a cover names it: "Forty-first session"."""
        if number is None:
            return ""
        try:
            return conventions.session_line(int(number), self.lang)
        except PalaisError:
            return str(number)

    def agenda(self, numbers: Sequence[int]) -> str:
        """Agenda items as a cover names them: "Agenda item 4"."""
        if not numbers:
            return ""
        try:
            return conventions.agenda_line(list(numbers), self.lang)
        except PalaisError:
            return ", ".join(str(n) for n in numbers)

    def example_date(self) -> str:
        """A date written as the reader would type it in a form ("8 juin 2021")."""
        return conventions.format_date(date(2021, 6, 8), self.lang)

    def day(self, value: date | str | None) -> str:
        """A date in the reader's locale ("2 December 2026", "2 décembre 2026")."""
        if not value:
            return ""
        if isinstance(value, str):
            text = value
            try:
                value = date.fromisoformat(text[:10])
            except ValueError:
                return text
        if isinstance(value, datetime):
            value = value.date()
        return format_date(value, "long", locale=self.locale)

    def moment(self, value: datetime | str | None) -> str:
        """A timestamp in the reader's locale, in UTC, to the minute."""
        if not value:
            return ""
        if isinstance(value, str):
            text = value
            try:
                value = datetime.fromisoformat(text)
            except ValueError:
                return text
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        pattern = str(self.locale.datetime_formats["medium"])
        moment = pattern.format(
            format_time(value, "short", locale=self.locale),
            format_date(value, "medium", locale=self.locale),
        )
        return f"{moment} UTC"

    def size(self, nbytes: int) -> str:
        """A file size in megabytes (of 1,048,576 bytes) in the reader's locale: "20 Mo"."""
        megabytes = round(nbytes / (1024 * 1024), 1)
        value: float | int = int(megabytes) if megabytes == int(megabytes) else megabytes
        return str(format_unit(value, "digital-megabyte", length="short", locale=self.locale))
