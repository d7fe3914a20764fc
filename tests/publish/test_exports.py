"""Exports: CSV and JSON Lines carry the same columns and values."""

import csv
import io
import json
from datetime import date

import pytest

from palais.errors import InvalidInput
from palais.publish.exports import COLUMNS, ExportFormat, export_lines

ROWS = [
    {
        "symbol": "A/HRC/41/G/1", "state": "issued", "doc_type": "note_verbale",
        "session": 41, "agenda_items": [4, 7], "doc_date": date(2019, 6, 6),
        "sender_state": "AZE", "title": 'Note "verbale", with comma', "languages": ["ru", "en"],
    },
    {"symbol": "A/HRC/41/G/2", "state": "issued", "agenda_items": []},
]


def test_csv_has_a_header_and_joins_lists() -> None:
    text = "".join(export_lines(ROWS, ExportFormat.CSV))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == COLUMNS
    assert rows[0]["agenda_items"] == "4;7"
    assert rows[0]["title"] == 'Note "verbale", with comma'
    assert rows[0]["doc_date"] == "2019-06-06"
    assert rows[1]["session"] == ""


def test_jsonl_keeps_lists_and_nulls() -> None:
    lines = list(export_lines(ROWS, ExportFormat.JSONL))
    first, second = (json.loads(line) for line in lines)
    assert first["agenda_items"] == [4, 7]
    assert second["session"] is None
    assert list(first) == list(COLUMNS)


def test_unknown_format_is_a_clear_error() -> None:
    with pytest.raises(InvalidInput, match="csv or jsonl"):
        ExportFormat.parse("xlsx")
