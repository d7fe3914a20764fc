"""``/api/auth``: log in and out (a session kept in the store), sessions, password, tokens.

A session is opened by ``POST /login`` and ended by ``POST /logout`` or a
password change; ``GET /sessions`` lists the caller's open sessions, and
``DELETE /sessions/{id}`` ends one (another browser left logged in). API tokens
expire, are listed by ``GET /tokens`` and revoked by ``DELETE /tokens/{id}``; a
token may create tokens only if it was granted ``mint``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response
from starlette.concurrency import run_in_threadpool

from palais.registry.tokens import TokenHolder
from palais.web.api.schemas import Credentials, PasswordChange, TokenRequest
from palais.web.api.views import actor_json
from palais.web.cookies import (
    SESSION_COOKIE,
    clear_session_cookie,
    client_of,
    set_session_cookie,
)
from palais.web.deps import CurrentActor, RegistryDep, token_holder
from palais.web.login import checked_login

router = APIRouter(prefix="/auth", tags=["auth"])
Identifier = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.post("/login", summary="Log in with a password; sets the session cookie")
async def login(body: Credentials, request: Request, response: Response) -> dict[str, Any]:
    """Failed attempts are throttled per account and per address (429 with Retry-After)."""
    actor = await checked_login(request, body.username, body.password)
    registry = request.app.state.registry
    token = await run_in_threadpool(registry.open_session, actor, *client_of(request))
    set_session_cookie(request, response, token)
    return actor_json(actor)


@router.post("/logout", status_code=204, summary="End the cookie session")
def logout(request: Request, response: Response, registry: RegistryDep) -> Response:
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        registry.end_session(cookie)
    clear_session_cookie(response)
    response.status_code = 204
    return response


@router.get("/me", summary="The authenticated caller")
def me(actor: CurrentActor) -> dict[str, Any]:
    return actor_json(actor)


@router.get("/sessions", summary="The caller's open sessions (browsers logged in)")
def list_sessions(actor: CurrentActor, registry: RegistryDep) -> list[dict[str, Any]]:
    return [
        {"id": s.id, "created_at": _time(s.created_at), "last_seen_at": _time(s.last_seen_at),
         "expires_at": _time(s.expires_at), "client": s.client, "address": s.address}
        for s in registry.sessions_of(actor)
    ]


@router.delete("/sessions/{session_id}", status_code=204, summary="End one of my sessions")
def end_session(session_id: Identifier, actor: CurrentActor, registry: RegistryDep) -> Response:
    registry.end_session_of(actor, session_id)
    return Response(status_code=204)


@router.post("/password", status_code=204,
             summary="Change my password; every session ends, this one is renewed")
def change_password(
    body: PasswordChange, request: Request, actor: CurrentActor, registry: RegistryDep
) -> Response:
    registry.change_password(actor, body.current, body.new)
    response = Response(status_code=204)
    if request.cookies.get(SESSION_COOKIE):
        set_session_cookie(request, response, registry.open_session(actor, *client_of(request)))
    return response


@router.post("/tokens", status_code=201, summary="Create an API token for the caller")
def create_token(
    body: TokenRequest,
    actor: CurrentActor,
    registry: RegistryDep,
    holder: Annotated[TokenHolder | None, Depends(token_holder)],
) -> dict[str, Any]:
    """The token is shown once, here; the registry keeps only its hash."""
    token = registry.create_token(
        actor, body.name, days=body.days, grants=frozenset(body.grants), by_token=holder
    )
    return {"token": token, "name": body.name, "type": "Bearer", "days": body.days,
            "grants": sorted(body.grants)}


@router.get("/tokens", summary="The caller's API tokens (never the tokens themselves)")
def list_tokens(actor: CurrentActor, registry: RegistryDep) -> list[dict[str, Any]]:
    return [
        {"id": t.id, "name": t.name, "created_at": _time(t.created_at),
         "expires_at": _time(t.expires_at),
         "revoked_at": _time(t.revoked_at) if t.revoked_at else None,
         "grants": list(t.grants)}
        for t in registry.list_tokens(actor)
    ]


@router.delete("/tokens/{token_id}", status_code=204, summary="Revoke one of my API tokens")
def revoke_token(token_id: Identifier, actor: CurrentActor, registry: RegistryDep) -> Response:
    registry.revoke_token(actor, token_id)
    return Response(status_code=204)


def _time(value: datetime) -> str:
    return value.isoformat()
