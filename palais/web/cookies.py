"""The session cookie of people using a browser.

It holds a random token of a session the store keeps
(:mod:`palais.registry.sessions`), nothing else: logging out, changing the
password or ending the session from another browser ends it on the server, so
a copied cookie stops working too. It is ``HttpOnly`` (no script reads it),
``SameSite=Strict`` (no other site's page sends it) and ``Secure`` when the
server is configured as reached over HTTPS (``secure_cookies``).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from palais.registry.sessions import SESSION_HOURS

SESSION_COOKIE = "palais_session"


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE, token, max_age=SESSION_HOURS * 3600, httponly=True, samesite="strict",
        secure=bool(getattr(request.app.state.settings, "secure_cookies", False)),
    )


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="strict")


def client_of(request: Request) -> tuple[str, str]:
    """The browser (User-Agent) and address a session is opened from, for its owner to see."""
    agent = request.headers.get("user-agent", "")
    address = request.client.host if request.client else ""
    return agent, address
