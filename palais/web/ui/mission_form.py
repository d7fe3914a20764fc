"""The mission's preview form: the fields read from its note, each correctable.

A mission sees what was read from its file, field by field, each beside the
warning that says where it was read or that it could not be; it corrects what
is wrong before confirming. A file that reads as neither a note verbale nor a
letter cannot be confirmed until the mission says which it is. The fields are
read with the record editor's readers (:mod:`palais.web.ui.record_form`) and
the corrected record goes through :func:`palais.parse.sent_fields.corrected`,
which writes the UN title again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from palais.errors import InvalidInput, InvalidRecord, PalaisError
from palais.parse.sent_fields import corrected
from palais.records import from_record, to_record
from palais.web.ui.record_form import READERS, field_of

# (name, kind): what a mission may correct, in the order shown.
FIELDS: tuple[tuple[str, str], ...] = (
    ("doc_type", "doc_type"),
    ("sender_state", "state"),
    ("doc_date", "date"),
    ("reference", "text"),
    ("addressee", "addressee"),
    ("session", "integer"),
    ("agenda_items", "integers"),
    ("language", "language"),
)
KINDS_OF_COMMUNICATION = ("note_verbale", "letter")
ADDRESSEES = ("OHCHR", "PHRC")


@dataclass
class MissionForm:
    values: dict[str, str]
    warnings: dict[str, str]
    general: list[str]
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def unknown_kind(self) -> bool:
        return self.values["doc_type"] not in KINDS_OF_COMMUNICATION


def shown(record: Mapping[str, Any], submitted: Mapping[str, str] | None = None) -> MissionForm:
    """The form for ``record``: its values (or what was submitted) and warnings by field."""
    values = {name: _text(record.get(name)) for name, _ in FIELDS}
    if submitted is not None:
        values.update({name: str(submitted.get(name, "")).strip() for name, _ in FIELDS})
    by_field: dict[str, str] = {}
    general: list[str] = []
    names = {name for name, _ in FIELDS}
    for warning in record.get("warnings", ()):
        name, _, said = str(warning).partition(":")
        if name in names and said:
            by_field[name] = said.strip()
        else:
            general.append(str(warning))
    return MissionForm(values, by_field, general)


def check(
    submitted: Mapping[str, str], gettext: Callable[[str], str] = str
) -> dict[str, str]:
    """The errors of the submitted fields, by field (empty when every one reads), in the
    language of ``gettext``."""
    errors: dict[str, str] = {}
    for name, kind in FIELDS:
        try:
            _read(kind, str(submitted.get(name, "")).strip())
        except PalaisError as exc:
            errors[name] = exc.translated(gettext)
        except ValueError as exc:
            errors[name] = str(exc)
    return errors


def apply(record: Mapping[str, Any], submitted: Mapping[str, str]) -> tuple[dict[str, Any],
                                                                           dict[str, str]]:
    """The record with the mission's corrections, and the errors by field (then nothing
    is applied)."""
    errors = check(submitted)
    changes: dict[str, Any] = {}
    for name, kind in FIELDS:
        if name in errors:
            continue
        read = _read(kind, str(submitted.get(name, "")).strip())
        if read != record.get(name) and not (read in (None, []) and not record.get(name)):
            changes[name] = read
    if errors:
        return dict(record), errors
    updated = {**record, **changes}
    if "sender_state" in changes:
        updated["sender_states"] = [changes["sender_state"]] if changes["sender_state"] else []
    try:
        document = corrected(from_record(updated), tuple(changes))
    except InvalidRecord as exc:
        return dict(record), {field_of(exc): exc.detail}
    return to_record(document), {}


def _read(kind: str, value: str) -> Any:
    if kind == "doc_type":
        if value not in KINDS_OF_COMMUNICATION:
            raise InvalidInput("say what this document is: a note verbale or a letter")
        return value
    if kind == "addressee":
        if value and value not in ADDRESSEES:
            raise InvalidInput("choose one of %(choices)s", choices=", ".join(ADDRESSEES))
        return value or None
    return READERS[kind](value)


def _text(raw: Any) -> str:
    if raw is None:
        return ""
    if isinstance(raw, list):
        return ", ".join(str(i) for i in raw)
    return str(raw)
