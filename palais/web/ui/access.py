"""Who is looking at a page, and which pages each role may see.

The pages share the API's session cookie (:mod:`palais.web.cookies`):
logging in on ``/login`` sets it, and the API accepts it too. Each working
area belongs to one role: a mission's submissions, the secretariat's queue,
a translator's passages. Someone not logged in is sent to the login page
(303, with the page to come back to); someone logged in with another role
gets a 403 page. The registry still checks every action it performs, so this
guard only keeps people from pages that would refuse them anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from starlette.requests import Request

from palais.errors import NotAuthenticated, PalaisError, PermissionDenied
from palais.web.cookies import SESSION_COOKIE

MISSION = "mission"
SECRETARIAT = "secretariat"
TRANSLATOR = "translator"

# The roles whose working area each page group is; an administrator may use the
# secretariat's pages as well.
AREA_ROLES: dict[str, frozenset[str]] = {
    MISSION: frozenset({"mission"}),
    SECRETARIAT: frozenset({"officer", "secretariat", "admin"}),
    TRANSLATOR: frozenset({"translator"}),
}


class LoginRequired(NotAuthenticated):
    """Raised by a page guard; the UI answers with a redirect to the login page."""

    def __init__(self, next_path: str) -> None:
        super().__init__("log in to see this page")
        self.next_path = next_path


def role_of(actor: Any) -> str:
    """The lower-case role name of an Actor (its Role enum's value)."""
    role = getattr(actor, "role", None)
    return str(getattr(role, "value", role) or "").lower()


def current_actor(request: Request) -> Any | None:
    """The logged-in person of ``request``, or None; an invalid cookie counts as none."""
    if hasattr(request.state, "ui_actor"):
        return request.state.ui_actor
    actor = None
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        try:
            actor = request.app.state.registry.session_actor(cookie)
        except PalaisError:
            actor = None
    request.state.ui_actor = actor
    return actor


def area_of(actor: Any | None) -> str | None:
    """The working area a logged-in person lands on after login."""
    role = role_of(actor)
    return next((area for area, roles in AREA_ROLES.items() if role in roles), None)


def require(area: str) -> Callable[[Request], Any]:
    """A FastAPI dependency that yields the actor if they may use ``area``'s pages."""

    def guard(request: Request) -> Any:
        actor = current_actor(request)
        if actor is None:
            path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            raise LoginRequired(quote(path, safe="/?=&"))
        if role_of(actor) not in AREA_ROLES[area]:
            raise PermissionDenied("the %(area)s pages are not open to your role", area=area)
        return actor

    return guard
