"""The web application: ``create_app(settings, registry)`` builds the FastAPI app.

The JSON API lives under ``/api`` (``/api/submissions``, ``/api/documents/{symbol}``,
…) so the server-rendered pages (:mod:`palais.web.ui`) can own ``/`` with the
same resource names; the OpenAPI 3 description of the API is at
``/openapi.json``. Every handler is thin: it reads the request, calls one use
case of :mod:`palais.registry` (or of :mod:`palais.publish`) and shapes the
answer; errors become RFC 9457 problem details in :mod:`palais.web.problems`.
"""

from __future__ import annotations

import logging
import secrets

from fastapi import FastAPI, Request, Response
from starlette.middleware.base import RequestResponseEndpoint

from palais.errors import PayloadTooLarge
from palais.publish.following import IndexFollower
from palais.registry import Registry
from palais.search import SearchIndex, open_index
from palais.settings import Settings
from palais.web.api import api_router
from palais.web.apidocs import serve_api_docs
from palais.web.cookies import CookieSigner
from palais.web.head import allow_head
from palais.web.problems import from_palais_error, install_problem_handlers

logger = logging.getLogger(__name__)

API_PREFIX = "/api"
# A multipart body carries the file plus its boundaries and part headers.
_MULTIPART_OVERHEAD = 64 * 1024


def create_app(
    settings: Settings, registry: Registry | None = None, index: SearchIndex | None = None
) -> FastAPI:
    """The application over ``registry`` and its search ``index`` (opened from ``settings``
    when not given); the index catches up with the store's change records before the
    first request (one query when it is current, whatever the archive's size)."""
    if registry is None:
        registry = Registry.open(settings)
    if index is None:
        index = open_index(settings)
    follower = IndexFollower(registry, index)
    follower.catch_up()
    app = FastAPI(
        title="palais",
        summary="Document circulation for the UN Human Rights Council",
        description=(
            "Submissions from missions, registration under a UN symbol, translation, "
            "issuing in the six official languages, and publication. The JSON API is under "
            "/api; errors are RFC 9457 problem details (application/problem+json)."
        ),
        version=_version(),
        openapi_url="/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.registry = registry
    app.state.follower = follower
    app.state.cookie_signer = CookieSigner(_secret(settings))
    install_problem_handlers(app)
    _limit_body_size(app, int(getattr(settings, "max_upload_bytes", 20 * 1024 * 1024)))
    app.include_router(api_router, prefix=API_PREFIX)
    _install_pages(app)
    serve_api_docs(app)
    allow_head(app)
    return app


def app_from_environment() -> FastAPI:
    """The app for ``uvicorn --factory``: settings from the config file and environment."""
    return create_app(Settings.load())


def _limit_body_size(app: FastAPI, limit: int) -> None:
    """Refuse a declared body larger than the upload limit before reading any of it."""

    @app.middleware("http")
    async def _guard(request: Request, call_next: RequestResponseEndpoint) -> Response:
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > limit + _MULTIPART_OVERHEAD:
            error = PayloadTooLarge(f"request body of {length} bytes exceeds {limit} bytes")
            return from_palais_error(error, request.url.path)
        return await call_next(request)


def _install_pages(app: FastAPI) -> None:
    """Mount the server-rendered pages when the package has them."""
    try:
        from palais.web.ui import install_ui
    except ModuleNotFoundError as exc:
        if exc.name != "palais.web.ui":
            raise
        return
    install_ui(app)


def _secret(settings: Settings) -> bytes:
    secret = getattr(settings, "secret_key", None)
    if not secret:
        # No configured secret: a random one for this process. Sessions then end when the
        # server restarts, which is safer than any secret derived from known settings.
        return secrets.token_bytes(32)
    return str(secret).encode()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("palais")
    except PackageNotFoundError:
        return "0"
