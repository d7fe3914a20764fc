"""The server-rendered pages: public archive, mission, secretariat and translator areas.

:func:`install_ui` mounts every page router, the static files and the HTML
error pages on an app made by :func:`palais.web.app.create_app`. The pages own
``/`` and the JSON API ``/api``; an error on a page becomes an HTML page in the
reader's language, an error under ``/api`` stays an RFC 9457 problem.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from palais.web import harvesting
from palais.web.ui import (
    auth,
    browse,
    documents,
    errors,
    home,
    mission,
    search,
    secretariat,
    translator,
)

STATIC = Path(__file__).resolve().parent.parent / "static"


def install_ui(app: FastAPI) -> None:
    """Add the pages, ``/static`` and the HTML error handlers to ``app``."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (home, auth, browse, documents, search, mission, secretariat, translator):
        app.include_router(module.router, include_in_schema=False)
    app.include_router(harvesting.router, include_in_schema=False)
    errors.install_page_errors(app)
