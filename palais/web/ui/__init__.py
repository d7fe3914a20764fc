"""The server-rendered pages: public archive, mission, secretariat and translator areas.

:func:`install_ui` mounts every page router, the static files and the HTML
error pages on an app made by :func:`palais.web.app.create_app`. The pages own
``/`` and the JSON API ``/api``; an error on a page becomes an HTML page in the
reader's language, an error under ``/api`` stays an RFC 9457 problem. Every
page router is included with the CSRF check (:mod:`palais.web.csrf`).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from palais.web import harvesting
from palais.web.csrf import require_form_token
from palais.web.ui import (
    account,
    assigning,
    auth,
    browse,
    corrections,
    documents,
    errors,
    home,
    mission,
    search,
    secretariat,
    translator,
)

STATIC = Path(__file__).resolve().parent.parent / "static"
PAGES = (
    home, auth, account, browse, documents, search, mission, secretariat, assigning, corrections,
    translator,
)
"""The page modules, each with its ``router``."""


def install_ui(app: FastAPI) -> None:
    """Add the pages, ``/static`` and the HTML error handlers to ``app``."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # Every page router, and so every form posted to one, checks the CSRF token.
    guard = [Depends(require_form_token)]
    for module in PAGES:
        app.include_router(module.router, include_in_schema=False, dependencies=guard)
    # Harvesting (OAI-PMH) is for programs: its POST carries no form token.
    app.include_router(harvesting.router, include_in_schema=False)
    errors.install_page_errors(app)
