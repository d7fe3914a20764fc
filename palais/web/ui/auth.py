"""Logging in and out with a user name and password.

The page opens the same kind of session as ``POST /api/auth/login`` (kept in
the store, its token in the cookie); the password is checked by the registry,
which alone holds the users, through the throttled gate of
:mod:`palais.web.login`. Logging out ends the session on the server.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais.errors import NotAuthenticated, TooManyRequests
from palais.web.cookies import SESSION_COOKIE, clear_session_cookie, client_of, set_session_cookie
from palais.web.login import checked_login
from palais.web.ui.access import area_of
from palais.web.ui.home import safe_next
from palais.web.ui.rendering import render

router = APIRouter()


@router.get("/login")
def login_page(request: Request, next: str = "") -> Response:
    return render(request, "login.html", {"next": safe_next(next) if next else ""})


@router.post("/login")
async def login(
    request: Request,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "",
) -> Response:
    try:
        actor = await checked_login(request, username, password)
    except TooManyRequests as exc:
        page = await run_in_threadpool(
            render, request, "login.html",
            {"next": next, "username": username, "wait": exc.retry_after}, 429,
        )
        page.headers["Retry-After"] = str(exc.retry_after)
        return page
    except NotAuthenticated:
        return await run_in_threadpool(
            render, request, "login.html",
            {"next": next, "username": username, "failed": True}, 401,
        )
    registry = request.app.state.registry
    token = await run_in_threadpool(registry.open_session, actor, *client_of(request))
    target = safe_next(next) if next else f"/{area_of(actor) or ''}"
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(request, response, token)
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        request.app.state.registry.end_session(cookie)
    response = RedirectResponse("/", status_code=303)
    clear_session_cookie(response)
    return response
