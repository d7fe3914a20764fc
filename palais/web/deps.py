"""Request dependencies: the registry, the caller, the settings.

A program proves who it is with ``Authorization: Bearer <API token>``; a person
in a browser with the signed session cookie that ``POST /api/auth/login`` sets.
Anyone else is the public, who may read issued documents only; the registry,
not this module, decides what each role may do, so a handler never checks a
role itself.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer

from palais.errors import NotAuthenticated
from palais.registry import Actor, Registry
from palais.web.cookies import SESSION_COOKIE, CookieSigner

_bearer = HTTPBearer(auto_error=False, description="An API token from POST /api/auth/tokens")
_cookie = APIKeyCookie(
    name=SESSION_COOKIE, auto_error=False, description="Session cookie set by POST /api/auth/login"
)


def get_registry(request: Request) -> Registry:
    registry: Registry = request.app.state.registry
    return registry


def get_signer(request: Request) -> CookieSigner:
    signer: CookieSigner = request.app.state.cookie_signer
    return signer


RegistryDep = Annotated[Registry, Depends(get_registry)]


def optional_actor(
    registry: RegistryDep,
    signer: Annotated[CookieSigner, Depends(get_signer)],
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    cookie: Annotated[str | None, Depends(_cookie)],
) -> Actor | None:
    """The authenticated caller, or None for the public.

    A token or cookie that is present but invalid is an error rather than
    silently public: a client with an expired token should learn so.
    """
    if bearer is not None:
        return registry.authenticate_token(bearer.credentials)
    if cookie:
        username = signer.verify(cookie)
        if username is None:
            raise NotAuthenticated("the session cookie is invalid or has expired; log in again")
        return registry.actor(username)
    return None


def required_actor(actor: Annotated[Actor | None, Depends(optional_actor)]) -> Actor:
    if actor is None:
        raise NotAuthenticated("this request needs an API token (Bearer) or a login session")
    return actor


MaybeActor = Annotated[Actor | None, Depends(optional_actor)]
CurrentActor = Annotated[Actor, Depends(required_actor)]
