"""Every error, ours or the framework's, is an RFC 9457 problem details body."""

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from palais.errors import (
    Conflict,
    InvalidSymbol,
    MissingTranslation,
    NotAuthenticated,
    PalaisError,
    PermissionDenied,
)
from palais.web.problems import PROBLEM_MEDIA_TYPE, install_problem_handlers, problem_kinds


def _client() -> TestClient:
    app = FastAPI()
    install_problem_handlers(app)
    errors: dict[str, PalaisError] = {
        "symbol": InvalidSymbol("A/HRC/0", "numbers start at 1"),
        "conflict": Conflict("already issued"),
        "forbidden": PermissionDenied("missions may not issue"),
        "login": NotAuthenticated("no token"),
        "missing": MissingTranslation({"ru": ["annex_title"], "ar": ["annex_title"]}),
    }

    @app.get("/raise/{name}")
    def _raise(name: str) -> None:
        raise errors[name]

    @app.get("/boom")
    def _boom() -> None:
        raise RuntimeError("bug")

    @app.get("/number/{n}")
    def _number(n: int) -> int:
        return n

    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize(
    ("name", "status", "slug"),
    [
        ("symbol", 422, "invalid-symbol"),
        ("conflict", 409, "conflict"),
        ("forbidden", 403, "permission-denied"),
        ("login", 401, "not-authenticated"),
        ("missing", 422, "missing-translation"),
    ],
)
def test_palais_errors_keep_their_status_and_type(name: str, status: int, slug: str) -> None:
    response = _client().get(f"/raise/{name}")
    body = response.json()
    assert response.status_code == status
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    assert body["type"] == f"/api/problems/{slug}"
    assert body["status"] == status
    assert body["instance"] == f"/raise/{name}"
    assert body["detail"]


def test_missing_translation_lists_passages_per_language() -> None:
    body = _client().get("/raise/missing").json()
    assert body["missing"] == {"ru": ["annex_title"], "ar": ["annex_title"]}


def test_unauthenticated_answers_carry_a_challenge() -> None:
    assert _client().get("/raise/login").headers["www-authenticate"].startswith("Bearer")


def test_validation_errors_name_the_field() -> None:
    response = _client().get("/number/seven")
    body = response.json()
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    assert body["type"] == "/api/problems/validation-error"
    assert body["errors"][0]["location"] == ["path", "n"]


def test_unknown_route_and_method_are_problems_too() -> None:
    client = _client()
    missing = client.get("/nowhere")
    wrong = client.post("/boom")
    assert (missing.status_code, missing.json()["title"]) == (404, "Not Found")
    assert (wrong.status_code, wrong.json()["type"]) == (405, "about:blank")
    assert missing.headers["content-type"] == PROBLEM_MEDIA_TYPE


def test_a_bug_is_a_500_problem_without_internals() -> None:
    response = _client().get("/boom")
    assert response.status_code == 500
    assert "bug" not in response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE


def test_every_error_class_has_a_described_problem_kind() -> None:
    kinds = problem_kinds()
    assert kinds["invalid-symbol"]["status"] == 422
    assert kinds["payload-too-large"]["status"] == 413
    assert all(kind["description"] for kind in kinds.values())
