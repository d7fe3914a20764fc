"""Each role tries what it must not do, gets 403 or 404, and the store is unchanged."""

from __future__ import annotations

import pytest

from tests.web.harness import Api

RECORD = {
    "doc_type": "note_verbale",
    "body": "HRC",
    "session": 41,
    "agenda_items": [4],
    "sender_state": "AZE",
    "language": "ru",
    "paragraphs": ["Постоянное представительство свидетельствует свое уважение."],
}


@pytest.fixture
def submitted(api: Api) -> int:
    response = api.post("mission", "/api/submissions", json={"record": RECORD})
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def _forbidden(api: Api, who: str | None, method: str, path: str, **kwargs: object) -> None:
    before = api.snapshot()
    response = api.request(who, method, path, **kwargs)
    assert response.status_code in (401, 403, 404), (who, method, path, response.text)
    assert response.headers["content-type"] == "application/problem+json"
    assert api.snapshot() == before, f"{who} {method} {path} changed the store"


def test_another_mission_cannot_see_or_touch_a_submission(api: Api, submitted: int) -> None:
    for method, path, body in [
        ("GET", f"/api/submissions/{submitted}", None),
        ("PUT", f"/api/submissions/{submitted}/record", {"record": RECORD}),
        ("POST", f"/api/submissions/{submitted}/withdrawal", {"reason": "not mine"}),
        ("GET", f"/api/submissions/{submitted}/audit", None),
    ]:
        _forbidden(api, "other_mission", method, path, json=body)
    listed = api.get("other_mission", "/api/submissions").json()
    assert listed["total"] == 0


def test_a_mission_cannot_register_issue_or_reject(api: Api, submitted: int) -> None:
    _forbidden(api, "mission", "POST", f"/api/submissions/{submitted}/registration")
    _forbidden(api, "mission", "POST", f"/api/submissions/{submitted}/issue")
    _forbidden(
        api, "mission", "POST", f"/api/submissions/{submitted}/rejection", json={"reason": "x"}
    )


def test_the_public_cannot_read_unissued_work(api: Api, submitted: int) -> None:
    assert api.post("officer", f"/api/submissions/{submitted}/registration").status_code == 200
    _forbidden(api, None, "GET", f"/api/submissions/{submitted}")
    _forbidden(api, None, "GET", "/api/submissions")
    _forbidden(api, None, "GET", "/api/documents/A/HRC/41/G/1")
    _forbidden(api, None, "GET", "/api/documents/A/HRC/41/G/1/en.pdf")
    _forbidden(api, None, "POST", "/api/submissions", json={"record": RECORD})


def test_a_translator_edits_only_assigned_languages(api: Api, submitted: int) -> None:
    assert api.post("officer", f"/api/submissions/{submitted}/registration").status_code == 200
    _forbidden(
        api, "translator", "PUT", f"/api/submissions/{submitted}/translations/annex_title/ar",
        json={"text": "عنوان"},
    )
    _forbidden(api, "translator", "POST", f"/api/submissions/{submitted}/issue")


def test_a_bad_token_is_refused_not_treated_as_public(api: Api) -> None:
    response = api.client.get(
        "/api/documents/A/HRC/41/G/1", headers={"Authorization": "Bearer nonsense"}
    )
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
