"""schemathesis drives every operation of /openapi.json, and every page and form route:
no answer is a server error.

The examples are bounded (``max_examples`` per operation) so the suite stays
fast; they run with an officer's token against a store holding one
submission, so authenticated paths are exercised, not only the 401s. (The
operations are walked here rather than through schemathesis' pytest plugin,
whose fixture loader does not run on this pytest.)
"""

from __future__ import annotations

from typing import Any

import schemathesis
from fastapi.openapi.utils import get_openapi
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from palais.web.cookies import SESSION_COOKIE
from palais.web.csrf import CSRF_COOKIE, token_for
from palais.web.ui import PAGES
from tests.web.harness import PASSWORD, Api

EXAMPLES_PER_OPERATION = 12


def test_no_operation_answers_a_server_error(api: Api) -> None:
    assert api.post("mission", "/api/submissions", json={"record": api.record}).status_code == 201
    schema = schemathesis.openapi.from_asgi("/openapi.json", api.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    headers = api.auth("officer")
    for operation in operations:

        @settings(
            max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(operation.as_strategy())
        def call(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

        call()


def test_no_page_or_form_answers_a_server_error(api: Api) -> None:
    """The HTML pages and their forms, which /openapi.json leaves out, walked the same way.

    Their own OpenAPI description is made from the page routers, with the form
    fields FastAPI reads from each; each call carries a session of the role whose
    pages they are and a valid CSRF token, so the form handlers run rather than
    stopping at the login page or the CSRF check. Logging in and out come last:
    fuzzed logins fill the throttle, and a logout ends the session.
    """
    assert api.post("mission", "/api/submissions", json={"record": api.record}).status_code == 201
    routes = [route for module in PAGES for route in module.router.routes]
    description = get_openapi(title="palais pages", version="0", routes=routes)
    api.app.add_api_route("/pages-openapi.json", lambda: description, include_in_schema=False)
    schema = schemathesis.openapi.from_asgi("/pages-openapi.json", api.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    # Ending sessions (logout, the account page's buttons) and fuzzed logins come last.
    operations.sort(key=lambda op: op.path in ("/login", "/logout")
                    or op.path.startswith("/account/"))
    sessions = {role: _session(api, role) for role in ("mission", "officer", "translator")}
    csrf = token_for(api.app.state.signing_key, "form-value")
    for operation in operations:
        role = next((r for r in sessions if operation.path.startswith(f"/{r}")), "officer")
        if operation.path.startswith("/secretariat"):
            role = "officer"
        cookies = {SESSION_COOKIE: sessions[role], CSRF_COOKIE: "form-value"}
        _walk(operation, {"X-CSRF-Token": csrf}, cookies)


def _walk(operation: Any, headers: dict[str, str], cookies: dict[str, str]) -> None:
    @settings(
        max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(operation.as_strategy())
    def call(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=headers, cookies=cookies, checks=[not_a_server_error])

    call()


def _session(api: Api, who: str) -> str:
    answer = api.client.post("/api/auth/login", json={"username": who, "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    api.client.cookies.clear()
    return answer.cookies[SESSION_COOKIE]
