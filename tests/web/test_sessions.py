"""``POST /api/sessions``: the secretariat adds sessions; nobody else changes the calendar."""

from __future__ import annotations

from tests.web.harness import Api

SIXTY_SECOND = {"number": 62, "opening": "2026-06-15", "closing": "2026-07-10"}


def test_an_officer_adds_a_session_everyone_then_sees(api: Api) -> None:
    assert api.get(None, "/api/sessions/62").status_code == 404
    added = api.post("officer", "/api/sessions", json=SIXTY_SECOND)
    assert added.status_code == 201, added.text
    seen = api.get(None, "/api/sessions/62")
    assert seen.status_code == 200 and seen.json()["closing"] == "2026-07-10"


def test_others_are_refused_and_the_calendar_is_unchanged(api: Api) -> None:
    assert api.post(None, "/api/sessions", json=SIXTY_SECOND).status_code == 401
    for who in ("mission", "translator"):
        refused = api.post(who, "/api/sessions", json=SIXTY_SECOND)
        assert refused.status_code == 403
        assert refused.headers["content-type"].startswith("application/problem+json")
    reversed_dates = {**SIXTY_SECOND, "opening": "2026-07-10", "closing": "2026-06-15"}
    bad = api.post("officer", "/api/sessions", json=reversed_dates)
    assert bad.status_code == 422 and "before it opens" in bad.json()["detail"]
    assert api.get(None, "/api/sessions/62").status_code == 404
