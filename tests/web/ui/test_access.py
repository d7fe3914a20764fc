"""Each role sees only its own pages: others get the login page or a 403 page."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from palais.web.cookies import SESSION_COOKIE
from tests.web.ui.fakes import FakeRegistry, make_app, page_client, session_cookie

AREAS = {"aze": "/mission", "officer": "/secretariat", "translator": "/translator"}
PUBLIC = ["/", "/login", "/search"]


@pytest.fixture
def client() -> TestClient:
    return page_client(make_app(FakeRegistry()))


@pytest.mark.parametrize("path", ["/mission", "/mission/submit", "/secretariat", "/translator"])
def test_the_public_is_sent_to_the_login_page(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/login?next={path}"


@pytest.mark.parametrize("user", AREAS)
@pytest.mark.parametrize("area", AREAS.values())
def test_a_role_sees_only_its_area(client: TestClient, user: str, area: str) -> None:
    client.cookies.set(SESSION_COOKIE, session_cookie(user))
    response = client.get(area)
    if AREAS[user] == area:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert "<h1>Not allowed</h1>" in response.text


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_need_no_login(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 200


def test_navigation_shows_only_the_users_area(client: TestClient) -> None:
    client.cookies.set(SESSION_COOKIE, session_cookie("officer"))
    html = client.get("/").text
    assert 'href="/secretariat"' in html
    assert 'href="/mission"' not in html and 'href="/translator"' not in html


def test_a_forged_cookie_is_no_session(client: TestClient) -> None:
    client.cookies.set(SESSION_COOKIE, session_cookie("officer") + "x")
    response = client.get("/secretariat", follow_redirects=False)
    assert response.status_code == 303


def test_login_sets_the_session_and_lands_on_the_users_area(client: TestClient) -> None:
    response = client.post(
        "/login", data={"username": "officer", "password": "pw"}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/secretariat"
    assert SESSION_COOKIE in response.headers["set-cookie"]
    assert "httponly" in response.headers["set-cookie"].lower()


def test_login_returns_to_the_page_asked_for(client: TestClient) -> None:
    response = client.post(
        "/login",
        data={"username": "aze", "password": "pw", "next": "/mission/submit"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/mission/submit"


def test_wrong_password_shows_the_form_again(client: TestClient) -> None:
    response = client.post("/login", data={"username": "aze", "password": "nope"})
    assert response.status_code == 401
    assert 'role="alert"' in response.text
    assert SESSION_COOKIE not in response.headers.get("set-cookie", "")


def test_page_errors_are_html_in_the_readers_language(client: TestClient) -> None:
    response = client.get("/no/such/page", headers={"Accept-Language": "fr"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Page introuvable" in response.text


def test_a_malformed_page_address_is_an_html_page(client: TestClient) -> None:
    response = client.get("/browse/sessions/forty-seven")
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
