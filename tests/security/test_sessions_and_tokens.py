"""Finding 2: logout did not end a session (the cookie was stateless for 8 hours
and still worked after logout); API tokens never expired, could not be listed
or revoked, and could mint further tokens.

Failed before the fix (the copied cookie still answered 200 after logout, and a
token created a token), checked by running it against the code before the change.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from palais.store import write_transaction
from palais.store.tables import api_tokens
from palais.web.cookies import SESSION_COOKIE
from tests.security.conftest import form_token
from tests.web.harness import PASSWORD, Api
from tests.web.live import ROOT


def _login(api: Api, who: str = "officer") -> str:
    api.client.cookies.clear()
    answer = api.client.post("/api/auth/login", json={"username": who, "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    cookie = answer.cookies[SESSION_COOKIE]
    api.client.cookies.clear()
    return cookie


def _me(api: Api, cookie: str) -> int:
    return api.client.get("/api/auth/me", cookies={SESSION_COOKIE: cookie}).status_code


def test_logout_and_a_password_change_end_sessions_the_user_can_see(api: Api) -> None:
    stolen = _login(api)
    assert _me(api, stolen) == 200
    out = api.client.post("/api/auth/logout", cookies={SESSION_COOKIE: stolen})
    assert out.status_code == 204
    assert _me(api, stolen) == 401
    page = api.client.get("/secretariat", cookies={SESSION_COOKIE: stolen},
                          follow_redirects=False)
    assert page.status_code == 303

    laptop, phone = _login(api), _login(api)
    listed = api.client.get("/api/auth/sessions", cookies={SESSION_COOKIE: laptop}).json()
    assert len(listed) == 2 and all("client" in s for s in listed)
    other = next(s["id"] for s in listed)
    ended = api.client.delete(f"/api/auth/sessions/{other}", cookies={SESSION_COOKIE: laptop})
    assert ended.status_code == 204
    assert sorted([_me(api, laptop), _me(api, phone)]) == [200, 401]

    survivor = laptop if _me(api, laptop) == 200 else phone
    elsewhere = _login(api)
    change = api.client.post(
        "/api/auth/password", cookies={SESSION_COOKIE: survivor},
        json={"current": PASSWORD, "new": "a new and longer passphrase"},
    )
    assert change.status_code == 204, change.text
    assert _me(api, survivor) == 401 and _me(api, elsewhere) == 401
    assert _me(api, change.cookies[SESSION_COOKIE]) == 200


def test_tokens_expire_are_listed_revoked_and_cannot_mint(api: Api) -> None:
    token = api.tokens["officer"]
    bearer = {"Authorization": f"Bearer {token}"}
    minted = api.client.post("/api/auth/tokens", headers=bearer, json={"name": "child"})
    assert minted.status_code == 403, minted.text

    cookie = _login(api)
    granted = api.client.post("/api/auth/tokens", cookies={SESSION_COOKIE: cookie},
                              json={"name": "deploy", "days": 7, "grants": ["mint"]})
    assert granted.status_code == 201, granted.text
    minter = {"Authorization": f"Bearer {granted.json()['token']}"}
    child = api.client.post("/api/auth/tokens", headers=minter, json={"name": "child"})
    assert child.status_code == 201, child.text
    passing_on = api.client.post("/api/auth/tokens", headers=minter,
                                 json={"name": "grandchild", "grants": ["mint"]})
    assert passing_on.status_code == 403

    listed = api.client.get("/api/auth/tokens", headers=bearer).json()
    assert {t["name"] for t in listed} == {"tests", "deploy", "child"}
    assert all("token" not in t for t in listed)
    deploy = next(t for t in listed if t["name"] == "deploy")
    assert datetime.fromisoformat(deploy["expires_at"]) < datetime.now(UTC) + timedelta(days=8)
    revoked = api.client.delete(f"/api/auth/tokens/{deploy['id']}", headers=bearer)
    assert revoked.status_code == 204
    assert api.client.get("/api/auth/me", headers=minter).status_code == 401

    with write_transaction(api.registry.engine) as connection:
        connection.execute(update(api_tokens).values(
            expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    assert api.client.get("/api/auth/me", headers=bearer).status_code == 401


def test_the_command_line_lists_and_revokes_tokens(api: Api) -> None:
    settings = api.app.state.settings
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PALAIS_DATABASE_URL": settings.database_url,
           "PALAIS_DATA_DIR": str(settings.data_dir), "COLUMNS": "200"}

    def palais(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "palais", "tokens", *args, "--as", "mission"],
                              env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
        assert done.returncode == 0, done.stderr
        return done.stdout

    listing = palais("list")
    token_id = listing.split()[0]
    assert "tests" in listing and "live" in listing
    palais("revoke", token_id)
    assert "revoked" in palais("list")
    assert api.get("mission", "/api/auth/me").status_code == 401


def test_the_account_page_shows_the_sessions_and_ends_one(api: Api) -> None:
    elsewhere = _login(api)
    token = form_token(api)
    login = api.client.post("/login", data={"username": "officer", "password": PASSWORD,
                                            "csrf_token": token}, follow_redirects=False)
    assert login.status_code == 303
    page = api.client.get("/account")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    ends = re.findall(r'action="/account/sessions/(\d+)/end"', page.text)
    assert len(ends) == 1 and "This browser" in page.text
    ended = api.client.post(f"/account/sessions/{ends[0]}/end",
                            data={"csrf_token": form_token(api, "/account")},
                            follow_redirects=False)
    assert ended.status_code == 303
    assert _me(api, elsewhere) == 401
    assert api.client.get("/account").status_code == 200
