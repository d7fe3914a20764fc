"""The record editor reads each field on its own and names every mistake next to its field."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from palais.errors import InvalidRecord, MissingTranslation
from palais.web.cookies import SESSION_COOKIE
from palais.web.ui.record_form import form_values, read_form
from tests.web.ui.fakes import FakeRegistry, FakeSubmission, make_app, page_client, session_cookie

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


def _officer_client(registry: FakeRegistry) -> TestClient:
    client = page_client(make_app(registry))
    client.cookies.set(SESSION_COOKIE, session_cookie("officer"))
    return client


def test_editor_is_pre_filled_from_the_parsed_record() -> None:
    registry = FakeRegistry(submissions={1: FakeSubmission(1, "submitted", dict(RECORD))})
    html = _officer_client(registry).get("/secretariat/submissions/1").text
    assert 'id="f-sender_state" name="sender_state" dir="auto" value="AZE"' in html
    assert 'for="f-doc_date"' in html


def test_editor_shows_the_message_next_to_the_field_and_keeps_the_record() -> None:
    registry = FakeRegistry(submissions={1: FakeSubmission(1, "submitted", dict(RECORD))})
    values = form_values(RECORD) | {"doc_date": "2021-13-08"}
    response = _officer_client(registry).post("/secretariat/submissions/1", data=values)
    assert response.status_code == 422
    assert 'aria-describedby="e-doc_date"' in response.text
    assert 'id="e-doc_date"' in response.text
    assert registry.submissions[1].record["doc_date"] == "2021-06-08"


def test_editor_saves_a_valid_record() -> None:
    registry = FakeRegistry(submissions={1: FakeSubmission(1, "submitted", dict(RECORD))})
    values = form_values(RECORD) | {"title": "Note verbale datée du 8 juin 2021"}
    response = _officer_client(registry).post(
        "/secretariat/submissions/1", data=values, follow_redirects=False
    )
    assert response.status_code == 303
    assert registry.submissions[1].record["title"] == "Note verbale datée du 8 juin 2021"


def test_a_refusal_by_the_registry_is_shown_next_to_its_field() -> None:
    class Refusing(FakeRegistry):
        def update_record(self, actor: Any, submission_id: int, record: dict[str, Any]) -> None:
            raise InvalidRecord("session: session 470 is not in the calendar")

    registry = Refusing(submissions={1: FakeSubmission(1, "submitted", dict(RECORD))})
    values = form_values(RECORD) | {"session": "470"}
    response = _officer_client(registry).post("/secretariat/submissions/1", data=values)
    assert response.status_code == 422
    assert 'id="e-session"' in response.text and "not in the calendar" in response.text


def test_issuing_with_translations_missing_says_which(monkeypatch: pytest.MonkeyPatch) -> None:
    from palais.web.ui import secretariat

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise MissingTranslation({"ru": ["cover.paragraph.1"]})

    monkeypatch.setattr(secretariat, "issue_document", refuse)
    registry = FakeRegistry(submissions={1: FakeSubmission(1, "registered", dict(RECORD))})
    response = _officer_client(registry).post("/secretariat/submissions/1/issue")
    assert response.status_code == 422
    assert "translation missing for ru: cover.paragraph.1" in response.text
