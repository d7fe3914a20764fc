"""What the officer's tests share: submissions made by the mission through the API and
brought to a state the way users bring them there."""

from __future__ import annotations

from typing import Any

from palais.registry import State
from tests.web.harness import Api

# How each control is taken through the API.
ACTIONS: dict[str, tuple[str, str, dict[str, Any] | None]] = {
    "register": ("POST", "/registration", None),
    "issue": ("POST", "/issue", None),
    "reject": ("POST", "/rejection", {"reason": "Not for the Council"}),
    "withdraw": ("POST", "/withdrawal", {"reason": "Sent twice"}),
    "edit": ("PUT", "/record", {}),
}


def submit(api: Api, **changes: Any) -> int:
    created = api.post("mission", "/api/submissions", json={"record": api.record | changes})
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


def missing(api: Api, sid: int) -> dict[str, list[str]]:
    answer = api.post("officer", f"/api/submissions/{sid}/issue")
    assert answer.status_code == 422, answer.text
    found: dict[str, list[str]] = answer.json()["missing"]
    return found


def in_state(api: Api, state: State, sid: int | None = None) -> int:
    """A submission (a new one unless ``sid``) brought to ``state`` the way users bring
    it there."""
    sid = submit(api) if sid is None else sid
    steps = {
        State.REGISTERED: ["register"], State.REJECTED: ["reject"],
        State.WITHDRAWN: ["withdraw"], State.IN_TRANSLATION: ["register", "some"],
        State.READY: ["register", "all"], State.ISSUED: ["register", "all", "issue"],
    }
    for step in steps.get(state, []):
        if step in ("some", "all"):
            needed = missing(api, sid)
            api.translate(sid, needed if step == "all" else {"fr": needed["fr"]})
            continue
        method, path, body = ACTIONS[step]
        answer = api.request("officer", method, f"/api/submissions/{sid}{path}", json=body)
        assert answer.status_code == 200, answer.text
    assert api.get("officer", f"/api/submissions/{sid}").json()["state"] == state.value
    return sid
