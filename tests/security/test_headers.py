"""Finding 4: no response carried a Content-Security-Policy, X-Content-Type-Options,
frame-ancestors or Referrer-Policy, the issued HTML versions included; cookies
had no ``Secure`` option; private pages no Cache-Control.

Failed before the fix (none of these headers was sent, and the cookie was never
Secure), checked by running it against the code before the change.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fastapi.testclient import TestClient

from palais.web.app import create_app
from tests.security.conftest import issue
from tests.web.harness import PASSWORD, Api, Backend, make_settings


def _script_cannot_run(policy: str) -> None:
    parts = (p.strip().partition(" ") for p in policy.split(";") if p.strip())
    directives = {name: value for name, _, value in parts}
    assert directives.get("default-src") == "'none'", policy
    assert "script-src" not in directives, policy
    assert directives.get("frame-ancestors") == "'none'", policy


def test_every_response_carries_the_security_headers(api: Api) -> None:
    symbol = issue(api, api.record)
    for who, path in [(None, "/"), (None, "/login"), (None, "/search?q=council"),
                      (None, "/api/documents"), (None, f"/api/documents/{symbol}/en.html"),
                      ("officer", "/api/submissions"), (None, "/no/such/page")]:
        answer = api.get(who, path, follow_redirects=False)
        assert answer.headers.get("x-content-type-options") == "nosniff", path
        assert answer.headers.get("referrer-policy") == "same-origin", path
        _script_cannot_run(answer.headers["content-security-policy"])
    version = api.get(None, f"/api/documents/{symbol}/en.html")
    assert "sandbox" in version.headers["content-security-policy"]


def test_private_answers_are_not_stored_and_cookies_can_be_secure(tmp_path: Path) -> None:
    settings = replace(make_settings(Backend("sqlite"), tmp_path), secure_cookies=True)
    for api in _apis(settings, tmp_path):
        login = api.client.post("/api/auth/login",
                                json={"username": "officer", "password": PASSWORD})
        assert login.status_code == 200
        assert "secure" in login.headers["set-cookie"].lower()
        assert login.headers["cache-control"] == "no-store"
        queue = api.client.get("/secretariat")
        assert queue.status_code == 200
        assert queue.headers["cache-control"] == "no-store"
        assert "max-age=" in queue.headers["strict-transport-security"]


def _apis(settings: object, folder: Path) -> list[Api]:
    from palais.registry import Registry
    from tests.web.harness import add_users

    registry = Registry.open(settings)  # type: ignore[arg-type]
    add_users(registry)
    client = TestClient(create_app(settings, registry), base_url="https://testserver")  # type: ignore[arg-type]
    return [Api(client.app, client, registry)]  # type: ignore[arg-type]
