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
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from palais.publish.following import IndexFollower
from palais.registry import Registry
from palais.search import SearchIndex, open_index
from palais.settings import Settings
from palais.web.api import api_router
from palais.web.apidocs import serve_api_docs
from palais.web.csrf import OriginCheck
from palais.web.head import allow_head
from palais.web.headers import SecurityHeaders
from palais.web.health import router as health_router
from palais.web.keys import signing_key
from palais.web.limits import BodyLimit
from palais.web.login import LoginGate
from palais.web.problems import install_problem_handlers

logger = logging.getLogger(__name__)

API_PREFIX = "/api"


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
    index.warm()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Other nodes may issue into the same store: follow it between requests too.
        follower.poll()
        try:
            yield
        finally:
            follower.stop()

    app = FastAPI(
        lifespan=lifespan,
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
    app.state.signing_key = signing_key(settings)
    app.state.login_gate = LoginGate()
    install_problem_handlers(app)
    app.include_router(api_router, prefix=API_PREFIX)
    app.include_router(health_router)
    _install_pages(app)
    serve_api_docs(app)
    allow_head(app)
    app.add_middleware(OriginCheck)
    app.add_middleware(BodyLimit, max_upload_bytes=settings.max_upload_bytes)
    app.add_middleware(SecurityHeaders, https=settings.secure_cookies)
    return app


def app_from_environment() -> FastAPI:
    """The app for ``uvicorn --factory``: settings from the config file and environment."""
    return create_app(Settings.load())


def _install_pages(app: FastAPI) -> None:
    """Mount the server-rendered pages when the package has them."""
    try:
        from palais.web.ui import install_ui
    except ModuleNotFoundError as exc:
        if exc.name != "palais.web.ui":
            raise
        return
    install_ui(app)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("palais")
    except PackageNotFoundError:
        return "0"
