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


def test_every_role_is_refused_every_action_it_must_not_take(api: Api, submitted: int) -> None:
    """A registered submission of AZE; each (caller, request) below must be refused."""
    assert api.post("officer", f"/api/submissions/{submitted}/registration").status_code == 200
    base = f"/api/submissions/{submitted}"
    record = {"record": RECORD}
    seed = ("note.txt", api.seed_bytes("ru_a_hrc_41_2019.txt"), "text/plain")
    refusals: list[tuple[str | None, str, str, dict[str, object]]] = []
    for who in (None, "mission", "other_mission", "translator", "arabic_translator"):
        refusals += [
            (who, "POST", f"{base}/registration", {}),
            (who, "POST", f"{base}/issue", {}),
            (who, "POST", f"{base}/rejection", {"json": {"reason": "no"}}),
            (who, "POST", f"{base}/versions", {"json": {"kind": "Corr"}}),
        ]
    for who in (None, "other_mission", "translator", "arabic_translator"):
        refusals += [
            (who, "PUT", f"{base}/record", {"json": record}),
            (who, "POST", f"{base}/withdrawal", {"json": {"reason": "no"}}),
        ]
    for who in (None, "mission", "other_mission"):
        refusals.append((who, "PUT", f"{base}/translations/cover.paragraph.1/fr",
                         {"json": {"text": "Texte"}}))
    for who in (None, "other_mission"):
        refusals += [(who, "GET", base, {}), (who, "GET", f"{base}/audit", {})]
    for who in (None, "translator", "arabic_translator"):
        refusals += [
            (who, "POST", "/api/submissions", {"json": record}),
            (who, "POST", "/api/submissions/upload", {"files": {"file": seed}}),
        ]
    refusals += [
        ("translator", "PUT", f"{base}/translations/cover.paragraph.1/ar",
         {"json": {"text": "نص"}}),
        ("arabic_translator", "PUT", f"{base}/translations/cover.paragraph.1/fr",
         {"json": {"text": "Texte"}}),
        (None, "POST", "/api/auth/tokens", {"json": {"name": "stolen"}}),
        (None, "GET", "/api/documents/A/HRC/41/G/1", {}),
        ("mission", "GET", "/api/documents/A/HRC/41/G/1/ru.pdf", {}),
    ]
    for who, method, path, kwargs in refusals:
        _forbidden(api, who, method, path, **kwargs)
    # Once registered, the record is no longer the mission's to edit (a workflow refusal).
    before = api.snapshot()
    assert api.put("mission", f"{base}/record", json=record).status_code == 409
    assert api.snapshot() == before
