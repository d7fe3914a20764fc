"""A person's own account page: the sessions open in their name, and ending one.

Whoever is logged in, whatever their role, sees here every browser logged in as
them (when it logged in, when it was last seen, its User-Agent and address)
and can end any of them, say one left open on a shared computer. Passwords are
changed through ``POST /api/auth/password``, which ends every session.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais.web.cookies import SESSION_COOKIE
from palais.web.ui.access import LoginRequired, current_actor
from palais.web.ui.rendering import render

router = APIRouter(prefix="/account")


def _person(request: Request) -> Any:
    actor = current_actor(request)
    if actor is None:
        raise LoginRequired("/account")
    return actor


Person = Annotated[Any, Depends(_person)]


@router.get("")
def account(request: Request, actor: Person) -> Response:
    sessions = request.app.state.registry.sessions_of(
        actor, request.cookies.get(SESSION_COOKIE)
    )
    return render(request, "account.html", {"sessions": sessions})


@router.post("/sessions/{session_id}/end")
def end_session(
    request: Request, actor: Person, session_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
) -> Response:
    request.app.state.registry.end_session_of(actor, session_id)
    return RedirectResponse("/account", status_code=303)
