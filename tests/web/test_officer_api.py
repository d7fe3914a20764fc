"""The officer's rules over the API: which action each state allows (as the workflow's
rules say), the record's checks before it is saved, the preview before issuing, the
audit entry of an edit, the queue's filters, and problem details in the client's
language."""

from __future__ import annotations

from typing import Any

import pytest

from palais.registry import State, workflow
from tests.web.harness import Api
from tests.web.officer import ACTIONS, in_state, missing, submit


@pytest.mark.parametrize("state", list(State), ids=lambda s: s.value)
def test_an_action_is_refused_exactly_where_the_workflow_forbids_it(
    api: Api, state: State
) -> None:
    officer = api.registry.actor("officer")
    allowed = workflow.allowed_actions(officer, state)
    for action, (method, path, body) in ACTIONS.items():
        sid = in_state(api, state)
        if action == "edit":
            body = {"record": api.get("officer", f"/api/submissions/{sid}").json()["record"]}
        answer = api.request("officer", method, f"/api/submissions/{sid}{path}", json=body)
        if action in allowed:
            assert answer.status_code != 409, (state, action, answer.text)
        else:
            assert answer.status_code == 409, (state, action, answer.text)
            detail = answer.json()["detail"]
            assert detail.startswith(f"cannot {workflow.VERBS[action]} a submission in the state")
            assert f'"{workflow.STATE_WORDS[state]}"' in detail and "_" not in detail


def test_a_refusal_follows_the_clients_language(api: Api) -> None:
    sid = in_state(api, State.REGISTERED)
    answer = api.client.post(f"/api/submissions/{sid}/registration",
                             headers=api.auth("officer") | {"Accept-Language": "ru, en;q=0.5"})
    assert answer.status_code == 409
    assert answer.headers["content-language"] == "ru"
    assert answer.json()["detail"].startswith("действие «зарегистрировать» невозможно")
    assert answer.json()["title"] == "Conflict"
    english = api.post("officer", f"/api/submissions/{sid}/registration")
    assert english.headers["content-language"] == "en"
    assert english.json()["detail"].startswith("cannot register a submission")


def test_a_session_outside_the_calendar_is_refused_before_it_is_saved(api: Api) -> None:
    sid = submit(api)
    before = api.get("officer", f"/api/submissions/{sid}").json()["record"]
    answer = api.put("officer", f"/api/submissions/{sid}/record",
                     json={"record": before | {"session": 99}})
    assert answer.status_code == 422
    assert answer.json()["type"].endswith("/unknown-session")
    assert "session 99 is not in the Human Rights Council calendar" in answer.json()["detail"]
    agenda = api.put("officer", f"/api/submissions/{sid}/record",
                     json={"record": before | {"agenda_items": [4, 12]}})
    assert agenda.status_code == 422
    assert agenda.json()["type"].endswith("/unknown-agenda-item")
    assert api.get("officer", f"/api/submissions/{sid}").json()["record"] == before
    # Registration, which needs the session, then works.
    assert api.post("officer", f"/api/submissions/{sid}/registration").status_code == 200


def test_an_edit_is_audited_field_by_field(api: Api) -> None:
    sid = submit(api)
    record = api.get("officer", f"/api/submissions/{sid}").json()["record"]
    edited = api.put("officer", f"/api/submissions/{sid}/record",
                     json={"record": record | {"title": "Corrected", "agenda_items": [3]}})
    assert edited.status_code == 200, edited.text
    entry = api.get("officer", f"/api/submissions/{sid}/audit").json()[-1]
    assert entry["action"] == "edit"
    assert entry["before"] == {"title": record["title"], "agenda_items": [4]}
    assert entry["after"] == {"title": "Corrected", "agenda_items": [3]}


def test_the_preview_is_the_version_issuing_would_publish(api: Api) -> None:
    sid = submit(api)
    path = f"/api/submissions/{sid}/issue/fr.html"
    assert api.get("officer", path).status_code == 409  # not registered yet
    assert api.post("officer", f"/api/submissions/{sid}/registration").status_code == 200
    assert api.get("officer", path).status_code == 422  # translations missing
    api.translate(sid, missing(api, sid))
    assert api.get("mission", path).status_code == 403
    preview = api.get("officer", path)
    assert preview.status_code == 200
    assert preview.headers["content-type"].startswith("text/html")
    assert "frame-ancestors 'self'" in preview.headers["content-security-policy"]
    issued = api.post("officer", f"/api/submissions/{sid}/issue")
    assert issued.status_code == 200
    published = api.get(None, f"/api/documents/{issued.json()['symbol']}/fr.html")
    assert published.text == preview.text


def test_the_queue_filters_by_session_state_and_day_received(api: Api) -> None:
    first = submit(api)
    other = submit(api, session=47, title="Another")

    def ids(**params: Any) -> set[int]:
        answer = api.get("officer", "/api/submissions", params=params)
        assert answer.status_code == 200, answer.text
        return {s["id"] for s in answer.json()["items"]}

    assert ids(session=47) == {other}
    assert ids(session=41, sender="aze") == {first}
    assert ids(sender="FRA") == set()
    received = api.get("officer", f"/api/submissions/{first}").json()["received_at"][:10]
    assert ids(received_from=received, received_to=received) == {first, other}
    assert ids(received_from="2099-01-01") == set()
    assert api.get("officer", "/api/submissions", params={"sender": "A1"}).status_code == 422
