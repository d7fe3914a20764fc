"""Logging in and out with a user name and password.

The page sets the same signed cookie as ``POST /api/auth/login``; the
password is checked by the registry, which alone holds the users.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais.errors import NotAuthenticated
from palais.web.cookies import SESSION_COOKIE
from palais.web.ui.access import area_of
from palais.web.ui.home import safe_next
from palais.web.ui.rendering import render

router = APIRouter()


@router.get("/login")
def login_page(request: Request, next: str = "") -> Response:
    return render(request, "login.html", {"next": safe_next(next) if next else ""})


@router.post("/login")
def login(
    request: Request,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "",
) -> Response:
    registry = request.app.state.registry
    try:
        actor = registry.login(username, password)
    except NotAuthenticated:
        return render(
            request,
            "login.html",
            {"next": next, "username": username, "failed": True},
            status=401,
        )
    target = safe_next(next) if next else f"/{area_of(actor) or ''}"
    response = RedirectResponse(target, status_code=303)
    signer = request.app.state.cookie_signer
    response.set_cookie(
        SESSION_COOKIE,
        signer.sign(username),
        max_age=signer.max_age,
        httponly=True,
        samesite="strict",
        secure=request.app.state.settings.secure_cookies,
    )
    return response


@router.post("/logout")
def logout() -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
