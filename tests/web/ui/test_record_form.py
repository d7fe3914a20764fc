"""The record editor reads each field on its own and names every mistake next to its field."""

from __future__ import annotations

from typing import Any

import pytest

from palais.languages import Language
from palais.web.ui.record_form import form_values, read_form

RECORD: dict[str, Any] = {
    "symbol": None,
    "body": "HRC",
    "session": 47,
    "session_dates": ["2021-06-21", "2021-07-09"],
    "agenda_items": [4],
    "doc_type": "note_verbale",
    "doc_date": "2021-06-08",
    "sender_state": "AZE",
    "sender_states": ["AZE"],
    "addressee": "OHCHR",
    "language": "fr",
    "original_language": None,
    "title": "Note verbale",
    "paragraphs": ["La Mission permanente…", "La Mission permanente prie…"],
    "footnotes": ["* L’annexe est reproduite telle qu’elle a été reçue."],
    "annexes": [],
    "reproduced_as_received": True,
    "job_number": None,
    "translations": {},
    "warnings": [],
}


def test_form_values_round_trip_to_the_same_record() -> None:
    form = read_form(RECORD, form_values(RECORD))
    assert form.errors == {}
    assert form.record == RECORD


def test_every_bad_field_gets_its_own_message() -> None:
    values = form_values(RECORD) | {
        "session": "forty-seven",
        "agenda_items": "4, x",
        "doc_date": "8 June",
        "sender_state": "Azerbaijan",
        "language": "de",
        "symbol": "A/HRC/",
    }
    form = read_form(RECORD, values)
    assert set(form.errors) == {
        "session", "agenda_items", "doc_date", "sender_state", "language", "symbol"
    }
    assert "x" in form.errors["agenda_items"]
    assert "unknown language 'de'" in form.errors["language"]


def test_edited_fields_replace_the_parsed_ones() -> None:
    values = form_values(RECORD) | {"symbol": "A/HRC/47/G/3", "agenda_items": "4; 2"}
    form = read_form(RECORD, values)
    assert form.valid
    assert form.record["symbol"] == "A/HRC/47/G/3"
    assert form.record["agenda_items"] == [4, 2]


@pytest.mark.parametrize("lang", list(Language), ids=lambda lang: lang.value)
def test_a_date_shown_in_the_readers_language_reads_back(lang: Language) -> None:
    values = form_values(RECORD, lang)
    assert values["doc_date"] != "2021-06-08"
    form = read_form(RECORD, values)
    assert form.valid, form.errors
    assert form.record["doc_date"] == "2021-06-08"


def test_a_wrong_date_never_leaks_pythons_message() -> None:
    form = read_form(RECORD, form_values(RECORD) | {"doc_date": "8 juin"})
    assert form.errors["doc_date"].startswith('"8 juin" is not a date')
    assert "isoformat" not in form.errors["doc_date"]
