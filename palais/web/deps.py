"""Request dependencies: the registry, the caller, the settings.

A program proves who it is with ``Authorization: Bearer <API token>``; a person
in a browser with the session cookie that ``POST /api/auth/login`` sets (the
session lives in the store). The token a request came with is kept on
``request.state.token_holder`` for the one use case that cares (making tokens).
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
from palais.registry.tokens import TokenHolder
from palais.web.cookies import SESSION_COOKIE

_bearer = HTTPBearer(auto_error=False, description="An API token from POST /api/auth/tokens")
_cookie = APIKeyCookie(
    name=SESSION_COOKIE, auto_error=False, description="Session cookie set by POST /api/auth/login"
)


def get_registry(request: Request) -> Registry:
    registry: Registry = request.app.state.registry
    return registry


RegistryDep = Annotated[Registry, Depends(get_registry)]


def optional_actor(
    request: Request,
    registry: RegistryDep,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    cookie: Annotated[str | None, Depends(_cookie)],
) -> Actor | None:
    """The authenticated caller, or None for the public.

    A token or cookie that is present but invalid is an error rather than
    silently public: a client with an expired token should learn so.
    """
    if bearer is not None:
        holder = registry.token_holder(bearer.credentials)
        request.state.token_holder = holder
        return holder.actor
    if cookie:
        return registry.session_actor(cookie)
    return None


def token_holder(request: Request) -> TokenHolder | None:
    """The API token the request came with (after :func:`optional_actor` ran), if any."""
    holder: TokenHolder | None = getattr(request.state, "token_holder", None)
    return holder


def required_actor(actor: Annotated[Actor | None, Depends(optional_actor)]) -> Actor:
    if actor is None:
        raise NotAuthenticated("this request needs an API token (Bearer) or a login session")
    return actor


MaybeActor = Annotated[Actor | None, Depends(optional_actor)]
CurrentActor = Annotated[Actor, Depends(required_actor)]
