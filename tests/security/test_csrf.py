"""Finding 3: no CSRF token or Origin check on any form: with an officer's cookie,
a cross-site POST rejected, registered and edited submissions, and a cross-site
login set a cookie; SameSite=Strict was the only defence.

Every unsafe page request now needs the browser's CSRF token, and every unsafe
request (pages and API) that a browser marks as coming from another site is
refused. Failed before the fix (the forged requests were carried out), checked
by running it against the code before the change.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi.routing import APIRoute

from palais.web.ui.record_form import form_values
from tests.security.conftest import form_token
from tests.web.harness import PASSWORD, Api

CROSS_SITE = {"Origin": "https://attacker.example", "Sec-Fetch-Site": "cross-site"}


def _log_in(api: Api) -> None:
    """The officer's browser holds a session cookie (the client keeps it)."""
    answer = api.client.post("/api/auth/login", json={"username": "officer", "password": PASSWORD})
    assert answer.status_code == 200, answer.text[:300]


def test_forged_form_posts_change_nothing(api: Api) -> None:
    created = api.post("mission", "/api/submissions", json={"record": api.record})
    sid = created.json()["id"]
    _log_in(api)
    before = api.snapshot()
    values = {**form_values(api.record), "title": "Rewritten by another site"}
    forged = [
        api.client.post(f"/secretariat/submissions/{sid}/reject", data={"reason": "forged"}),
        api.client.post(f"/secretariat/submissions/{sid}/register"),
        api.client.post(f"/secretariat/submissions/{sid}", data=values),
        api.client.post(f"/secretariat/submissions/{sid}/register", headers=CROSS_SITE),
        api.client.post(f"/api/submissions/{sid}/registration", headers=CROSS_SITE),
    ]
    assert [r.status_code for r in forged] == [403] * len(forged)
    assert api.snapshot() == before

    token = form_token(api, f"/secretariat/submissions/{sid}")
    done = api.client.post(f"/secretariat/submissions/{sid}/register",
                           data={"csrf_token": token}, follow_redirects=False)
    assert done.status_code == 303, done.text[:300]


def test_another_site_cannot_log_a_browser_in(api: Api) -> None:
    answer = api.client.post("/login", data={"username": "officer", "password": PASSWORD},
                             follow_redirects=False)
    assert answer.status_code == 403
    assert "palais_session" not in answer.headers.get("set-cookie", "")
    api_login = api.client.post("/api/auth/login", headers=CROSS_SITE,
                                json={"username": "officer", "password": PASSWORD})
    assert api_login.status_code == 403


def test_every_page_route_that_changes_something_checks_the_token(api: Api) -> None:
    from palais.web.csrf import require_form_token  # (absent before the fix)

    # OAI-PMH lets harvesters send a request as a POST; it reads and changes nothing.
    unsafe = [
        (path, checks) for path, route, checks in _routes(api.app.router.routes)
        if not path.startswith(("/api", "/oai"))
        and route.methods & {"POST", "PUT", "PATCH", "DELETE"}
    ]
    assert len(unsafe) >= 6
    for path, checks in unsafe:
        assert require_form_token in checks, path


def _routes(
    routes: list[Any], prefix: str = "", inherited: tuple[Any, ...] = ()
) -> Iterator[tuple[str, Any, set[Any]]]:
    """Every APIRoute with its full path and the dependencies it runs, through included
    routers (which this FastAPI keeps as lazy ``_IncludedRouter`` objects)."""
    for route in routes:
        if isinstance(route, APIRoute):
            calls = {*inherited, *(d.call for d in route.dependant.dependencies)}
            yield prefix + route.path, route, calls
        elif hasattr(route, "original_router"):
            context = route.include_context
            added = tuple(d.dependency for d in context.dependencies)
            yield from _routes(route.original_router.routes, prefix + context.prefix,
                               inherited + added)
