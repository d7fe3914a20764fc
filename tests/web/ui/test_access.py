"""Each role sees only its own pages: others get the login page or a 403 page (over the
real registry on a temporary SQLite store, with its users and their sessions)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from palais.web.cookies import SESSION_COOKIE
from tests.web.harness import PASSWORD, Api, Backend, make_api

AREAS = {"mission": "/mission", "officer": "/secretariat", "translator": "/translator"}
PUBLIC = ["/", "/login", "/search"]


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Api]:
    yield from make_api(Backend("sqlite"), tmp_path)


@pytest.fixture
def client(api: Api) -> TestClient:
    api.client.cookies.clear()
    return api.client


def log_in(client: TestClient, username: str, password: str = PASSWORD, **extra: str) -> (
    httpx.Response
):
    """The login form posted as a browser posts it, with the token of the page it came from."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)
    assert found is not None
    data = {"username": username, "password": password, "csrf_token": found.group(1), **extra}
    return client.post("/login", data=data, follow_redirects=False)


@pytest.mark.parametrize("path", ["/mission", "/mission/submit", "/secretariat", "/translator"])
def test_the_public_is_sent_to_the_login_page(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/login?next={path}"


@pytest.mark.parametrize("user", AREAS)
@pytest.mark.parametrize("area", AREAS.values())
def test_a_role_sees_only_its_area(client: TestClient, user: str, area: str) -> None:
    assert log_in(client, user).status_code == 303
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
    assert log_in(client, "officer").status_code == 303
    html = client.get("/").text
    assert 'href="/secretariat"' in html
    assert 'href="/mission"' not in html and 'href="/translator"' not in html


def test_a_forged_cookie_is_no_session(client: TestClient) -> None:
    assert log_in(client, "officer").status_code == 303
    assert client.get("/secretariat", follow_redirects=False).status_code == 200
    forged = client.cookies[SESSION_COOKIE] + "x"
    client.cookies.clear()
    client.cookies.set(SESSION_COOKIE, forged)
    response = client.get("/secretariat", follow_redirects=False)
    assert response.status_code == 303


def test_login_sets_the_session_and_lands_on_the_users_area(client: TestClient) -> None:
    response = log_in(client, "officer")
    assert response.status_code == 303
    assert response.headers["location"] == "/secretariat"
    assert SESSION_COOKIE in response.headers["set-cookie"]
    assert "httponly" in response.headers["set-cookie"].lower()


def test_login_returns_to_the_page_asked_for(client: TestClient) -> None:
    response = log_in(client, "mission", next="/mission/submit")
    assert response.headers["location"] == "/mission/submit"


def test_wrong_password_shows_the_form_again(client: TestClient) -> None:
    response = log_in(client, "mission", "nope")
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
