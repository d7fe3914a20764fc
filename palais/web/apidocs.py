"""The API reference page from packaged assets, so it works offline.

FastAPI's ``/api/docs`` page loads Swagger UI's script and style from a CDN: on
a server without Internet access (or behind a strict firewall) the page was blank.
The same page is served here with Swagger UI 5 (which reads OpenAPI 3.1, as
FastAPI writes it) from the static files of the ``swagger-ui-py`` package, mounted
under ``/api/docs/assets``. Weighed: ``swagger-ui-bundle`` (ships Swagger UI 4, which
cannot render OpenAPI 3.1: "Unable to render this definition").
"""

from __future__ import annotations

from pathlib import Path

import swagger_ui
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

DOCS = "/api/docs"
SWAGGER_UI = Path(swagger_ui.__file__).resolve().parent / "static"
ASSETS = f"{DOCS}/assets"


def serve_api_docs(app: FastAPI) -> None:
    """Replace ``app``'s API reference page by one whose assets the server itself serves."""
    app.router.routes[:] = [
        r for r in app.router.routes if not (isinstance(r, Route) and r.path == DOCS)
    ]
    app.mount(ASSETS, StaticFiles(directory=SWAGGER_UI), name="swagger-ui")

    async def docs(request: Request) -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} API",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
        )

    app.add_route(DOCS, docs, methods=["GET", "HEAD"], include_in_schema=False)
