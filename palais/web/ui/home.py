"""The home page and the language switcher."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais.languages import Language
from palais.web.ui.access import current_actor
from palais.web.ui.i18n import LANG_COOKIE
from palais.web.ui.rendering import render

router = APIRouter()

ONE_YEAR = 365 * 24 * 3600
RECENT = 10


@router.get("/")
def home(request: Request) -> Response:
    """The search box and the latest issued documents."""
    recent = request.app.state.registry.recently_issued(
        limit=RECENT, actor=current_actor(request)
    )
    return render(request, "home.html", {"recent": recent})


@router.get("/language/{code}")
def switch_language(request: Request, code: str, next: str = "/") -> Response:
    """Store the chosen UI language in a cookie and go back to the page it was chosen on."""
    lang = Language.parse(code)
    # Only a path on this site is followed, so the switcher cannot be used to
    # send someone elsewhere (an open redirect).
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(LANG_COOKIE, lang.value, max_age=ONE_YEAR, samesite="lax")
    return response


def safe_next(next_path: str | None) -> str:
    """``next_path`` if it is a path on this site, else the home page."""
    if next_path and next_path.startswith("/") and not next_path.startswith("//"):
        return next_path
    return "/"
