"""Cross-site request forgery: a token in every form, and the origin of every change.

Two checks, each enough against today's browsers, together for older ones:

- :class:`OriginCheck` (ASGI middleware, every unsafe request, pages and API):
  a request a browser marks as coming from another site (``Sec-Fetch-Site:
  cross-site`` or ``same-site``), or whose ``Origin`` is not this server's, is
  refused (403) before anything runs. Programs, which send neither header, pass.
- :func:`require_form_token` (a dependency of every page router, installed by
  :func:`palais.web.ui.install_ui`): an unsafe request to a page must carry
  the token of this browser, as the form field ``csrf_token`` or the header
  ``X-CSRF-Token``. The browser holds a random value in the ``palais_csrf``
  cookie (``HttpOnly``, ``SameSite=Strict``); the token is its HMAC under the
  server's key, so another site can neither read nor make one. Templates put it
  in a form with ``{{ csrf_field() }}``; a form added later that forgets it is
  refused, never silently unprotected.

The login form is covered too, so no other site can log a browser in to an
account of its choosing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from palais.errors import PermissionDenied
from palais.web.problems import from_palais_error

CSRF_COOKIE = "palais_csrf"
FIELD = "csrf_token"
HEADER = "x-csrf-token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_FOREIGN = frozenset({b"cross-site", b"same-site"})


def token_for(key: bytes, value: str) -> str:
    return hmac.new(key, f"csrf|{value}".encode(), hashlib.sha256).hexdigest()


def form_token(request: Request) -> str:
    """This browser's token; the cookie behind it is set with the page if it is new."""
    value = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if not value:
        value = secrets.token_urlsafe(24)
        request.state.new_csrf = value
    return token_for(request.app.state.signing_key, value)


@pass_context
def csrf_field(context: Any) -> Markup:
    """The hidden field every form that changes something includes (a Jinja global)."""
    token = form_token(context["request"])
    return Markup(f'<input type="hidden" name="{FIELD}" value="{escape(token)}">')


def set_new_cookie(request: Request, response: Response) -> None:
    """Send the cookie a page's token was made from, if it was made for this page."""
    value = getattr(request.state, "new_csrf", None)
    if value:
        response.set_cookie(
            CSRF_COOKIE, value, httponly=True, samesite="strict",
            secure=bool(getattr(request.app.state.settings, "secure_cookies", False)),
        )


async def require_form_token(request: Request) -> None:
    """Refuse an unsafe page request without this browser's token (403)."""
    if request.method not in UNSAFE:
        return
    given = request.headers.get(HEADER)
    if given is None:
        form = await request.form()
        field = form.get(FIELD)
        given = field if isinstance(field, str) else None
    value = request.cookies.get(CSRF_COOKIE)
    expected = token_for(request.app.state.signing_key, value) if value else None
    if not given or expected is None or not hmac.compare_digest(given, expected):
        raise PermissionDenied(
            "this form was not sent from a page of this site, or the page is too old: "
            "reload the page and send the form again"
        )


class OriginCheck:
    """Refuses unsafe requests a browser says come from another site."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in UNSAFE and _foreign(scope):
            error = PermissionDenied("a request from another site may not change anything here")
            await from_palais_error(error, scope["path"])(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _foreign(scope: Scope) -> bool:
    headers = dict(scope["headers"])
    if headers.get(b"sec-fetch-site", b"") in _FOREIGN:
        return True
    origin = headers.get(b"origin")
    if origin is None:
        return False
    host = headers.get(b"host", b"")
    return origin.split(b"://", 1)[-1] != host
