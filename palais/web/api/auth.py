"""``/api/auth``: log in and out (cookie session), create API tokens, say who I am."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from palais.web.api.schemas import Credentials, TokenRequest
from palais.web.api.views import actor_json
from palais.web.cookies import SESSION_COOKIE, CookieSigner
from palais.web.deps import CurrentActor, RegistryDep, get_signer

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/login", summary="Log in with a password; sets the session cookie")
def login(
    body: Credentials,
    request: Request,
    response: Response,
    registry: RegistryDep,
    signer: Annotated[CookieSigner, Depends(get_signer)],
) -> dict[str, Any]:
    actor = registry.login(body.username, body.password)
    response.set_cookie(
        SESSION_COOKIE, signer.sign(body.username), max_age=signer.max_age,
        httponly=True, samesite="strict", secure=request.app.state.settings.secure_cookies,
    )
    return actor_json(actor)


@router.post("/logout", status_code=204, summary="End the cookie session")
def logout(response: Response) -> Response:
    response.delete_cookie(SESSION_COOKIE)
    response.status_code = 204
    return response


@router.get("/me", summary="The authenticated caller")
def me(actor: CurrentActor) -> dict[str, Any]:
    return actor_json(actor)


@router.post("/tokens", status_code=201, summary="Create an API token for the caller")
def create_token(body: TokenRequest, actor: CurrentActor, registry: RegistryDep) -> dict[str, Any]:
    """The token is shown once, here; the registry keeps only its hash."""
    token = registry.create_token(actor, body.name)
    return {"token": token, "name": body.name, "type": "Bearer"}
