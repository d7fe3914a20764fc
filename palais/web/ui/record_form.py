"""The record editor's form: every field of a record as text, checked field by field.

The secretariat corrects what parsing found before registering a document.
Each field is read on its own so that every mistake is shown next to its field
at once, rather than one at a time; the whole record is then checked by
:func:`palais.records.from_record`, the single contract, whose messages start
with the field's name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from palais import conventions
from palais.errors import InvalidRecord, PalaisError, UnknownAgendaItem, UnknownSession
from palais.integers import whole_number
from palais.languages import Language
from palais.model import Party
from palais.records import from_record
from palais.symbols import Symbol

# (name, kind): the editable fields, in the order of the record contract.
FIELDS: tuple[tuple[str, str], ...] = (
    ("symbol", "symbol"),
    ("session", "integer"),
    ("agenda_items", "integers"),
    ("doc_date", "date"),
    ("sender_state", "state"),
    ("addressee", "text"),
    ("language", "language"),
    ("original_language", "language"),
    ("title", "text"),
    ("paragraphs", "paragraphs"),
    ("footnotes", "lines"),
    ("job_number", "text"),
)


_NAMES = frozenset(name for name, _ in FIELDS)


@dataclass
class RecordForm:
    """The form's text values, the record they make, and the errors per field."""

    values: dict[str, str]
    record: dict[str, Any]
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not self.errors


def form_values(record: Mapping[str, Any], lang: Language | None = None) -> dict[str, str]:
    """The text shown in each field for ``record`` (the parse result, pre-filled); with
    ``lang``, dates as the reader writes them ("8 juin 2021"), which the form reads back."""
    values: dict[str, str] = {}
    for name, kind in FIELDS:
        raw = record.get(name)
        if raw is None:
            values[name] = ""
        elif kind == "date" and lang is not None:
            values[name] = conventions.format_date(date.fromisoformat(str(raw)), lang)
        elif kind == "integers":
            values[name] = ", ".join(str(i) for i in raw)
        elif kind == "paragraphs":
            values[name] = "\n\n".join(raw)
        elif kind == "lines":
            values[name] = "\n".join(raw)
        else:
            values[name] = str(raw)
    return values


def read_form(
    base: Mapping[str, Any],
    submitted: Mapping[str, str],
    gettext: Callable[[str], str] = str,
) -> RecordForm:
    """``base`` with the submitted fields applied, or the errors that prevent it, each
    in the language of ``gettext``'s catalogue."""
    values = {name: str(submitted.get(name, "")).strip() for name, _ in FIELDS}
    record = dict(base)
    errors: dict[str, str] = {}
    for name, kind in FIELDS:
        try:
            record[name] = READERS[kind](values[name])
        except PalaisError as exc:
            errors[name] = exc.translated(gettext)
    if record.get("sender_state"):
        record["sender_states"] = [record["sender_state"]]
    if not errors:
        try:
            from_record(record)
        except InvalidRecord as exc:
            errors[field_of(exc)] = exc.translated(gettext)
    return RecordForm(values, record, errors)


def field_labels(_: Callable[[str], str]) -> dict[str, str]:
    """Each field's label in the language of the catalogue ``_``."""
    return {
        "symbol": _("Symbol"), "session": _("Session"), "agenda_items": _("Agenda items"),
        "doc_date": _("Date"), "sender_state": _("State"), "addressee": _("Addressee"),
        "language": _("Language"), "original_language": _("Original language"),
        "title": _("Title"), "paragraphs": _("Paragraphs (separated by a blank line)"),
        "footnotes": _("Footnotes (one per line, with their marker)"),
        "job_number": _("Job number"),
    }


def field_of(error: PalaisError) -> str:
    """The form field an error is about: the session or agenda items the calendar does
    not hold, the field an InvalidRecord names ("doc_date: …"), or "record" for the whole."""
    if isinstance(error, UnknownSession):
        return "session"
    if isinstance(error, UnknownAgendaItem):
        return "agenda_items"
    if not isinstance(error, InvalidRecord):
        return "record"
    name = error.detail.partition(":")[0].split(".")[0].split("[")[0]
    return name if name in _NAMES else "record"


def _text(value: str) -> str | None:
    return value or None


def _integer(value: str) -> int | None:
    if not value:
        return None
    return whole_number(value, "the value")


def _integers(value: str) -> list[int]:
    numbers = [v.strip() for v in value.replace(";", ",").split(",") if v.strip()]
    return [whole_number(n, "each number (separated by commas)") for n in numbers]


def _date(value: str) -> str | None:
    return conventions.read_date(value).isoformat() if value else None


def _symbol(value: str) -> str | None:
    return str(Symbol.parse(value)) if value else None


def _state(value: str) -> str | None:
    return Party(value.upper()).iso3 if value else None


def _language(value: str) -> str | None:
    return Language.parse(value).value if value else None


def _paragraphs(value: str) -> list[str]:
    blocks = value.replace("\r\n", "\n").split("\n\n")
    return [" ".join(b.split()) for b in blocks if b.strip()]


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.replace("\r\n", "\n").split("\n") if line.strip()]


READERS: dict[str, Any] = {
    "text": _text,
    "integer": _integer,
    "integers": _integers,
    "date": _date,
    "symbol": _symbol,
    "state": _state,
    "language": _language,
    "paragraphs": _paragraphs,
    "lines": _lines,
}
