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


def _directives(policy: str) -> dict[str, str]:
    parts = (p.strip().partition(" ") for p in policy.split(";") if p.strip())
    return {name: value for name, _, value in parts}


def _no_injected_script_can_run(policy: str) -> None:
    """Pages run only script files of their own (no inline script, no other origin) and
    no other site may frame them."""
    directives = _directives(policy)
    assert directives.get("default-src") == "'none'", policy
    assert directives.get("script-src") in (None, "'self'"), policy
    assert directives.get("frame-ancestors") == "'none'", policy


def _version_cannot_run_script(policy: str) -> None:
    """An issued HTML version runs no script at all, sandboxed, framed by palais alone."""
    directives = _directives(policy)
    assert directives.get("default-src") == "'none'", policy
    assert "script-src" not in directives, policy
    assert "sandbox" in directives and "allow-scripts" not in directives["sandbox"], policy
    assert directives.get("frame-ancestors") == "'self'", policy


def test_every_response_carries_the_security_headers(api: Api) -> None:
    symbol = issue(api, api.record)
    for who, path in [(None, "/"), (None, "/login"), (None, "/search?q=council"),
                      (None, "/api/documents"), (None, f"/api/documents/{symbol}/en.html"),
                      ("officer", "/api/submissions"), (None, "/no/such/page")]:
        answer = api.get(who, path, follow_redirects=False)
        assert answer.headers.get("x-content-type-options") == "nosniff", path
        assert answer.headers.get("referrer-policy") == "same-origin", path
        policy = answer.headers["content-security-policy"]
        if path.endswith(".html"):
            _version_cannot_run_script(policy)
        else:
            _no_injected_script_can_run(policy)


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
