"""Bulk export of document metadata as CSV or JSON Lines.

Both formats carry the same columns (:data:`COLUMNS`), one row per document, so
a researcher can switch tools without losing a field. In CSV, list values are
joined with ``;`` (agenda items, co-sponsoring States, languages) because a
spreadsheet has no list type; JSON Lines keeps them as arrays. Rows are written
as they come, so an export of the whole archive never sits in memory at once.

A CSV cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage
return) is a formula to a spreadsheet: a title a mission wrote as
``=HYPERLINK(...)`` would run when a researcher opens the export. Such a cell
is written with a leading apostrophe, the spreadsheets' own mark for "text",
as OWASP's CSV-injection guidance recommends; JSON Lines keeps values as given.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum
from typing import Any

from palais.errors import InvalidInput

COLUMNS: tuple[str, ...] = (
    "symbol",
    "state",
    "doc_type",
    "body",
    "session",
    "agenda_items",
    "doc_date",
    "issued_at",
    "sender_state",
    "sender_states",
    "original_language",
    "title",
    "job_number",
    "languages",
)


class ExportFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"

    @property
    def media_type(self) -> str:
        return "text/csv; charset=utf-8" if self is ExportFormat.CSV else "application/jsonl"

    @classmethod
    def parse(cls, value: str) -> ExportFormat:
        try:
            return cls(value.lower())
        except ValueError:
            raise InvalidInput(
                "unknown export format %(value)r: expected csv or jsonl",
                value=value,
            ) from None


def export_lines(rows: Iterable[Mapping[str, Any]], fmt: ExportFormat) -> Iterator[str]:
    """The export, line by line (a CSV header first)."""
    if fmt is ExportFormat.JSONL:
        for row in rows:
            yield json.dumps({c: _plain(row.get(c)) for c in COLUMNS}, ensure_ascii=False) + "\n"
        return
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180 line ends
    writer.writerow(COLUMNS)
    yield _drain(buffer)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in COLUMNS])
        yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    plain = _plain(value)
    if plain is None:
        return ""
    text = ";".join(str(v) for v in plain) if isinstance(plain, list) else str(plain)
    if not isinstance(plain, (int, float)) and text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text
