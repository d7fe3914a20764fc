"""Errors on pages: HTML in the reader's language, while ``/api`` keeps its problems.

The API's handlers (:mod:`palais.web.problems`) are wrapped, not replaced: a
request under ``/api`` still gets ``application/problem+json``.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import Scope

from palais.errors import PalaisError
from palais.web.ui.access import LoginRequired
from palais.web.ui.i18n import negotiate, translations
from palais.web.ui.mission import upload_form
from palais.web.ui.rendering import render


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(("/api", "/openapi.json"))


def install_page_errors(app: FastAPI) -> None:
    """Route page errors to HTML, delegating API errors to the handlers already there."""
    api_palais = app.exception_handlers.get(PalaisError)
    api_http = app.exception_handlers.get(StarletteHTTPException)
    api_invalid = app.exception_handlers.get(RequestValidationError)

    async def on_palais(request: Request, exc: Exception) -> Response:
        if _is_api(request) and api_palais is not None:
            return await _call(api_palais, request, exc)
        if isinstance(exc, LoginRequired):
            return RedirectResponse(f"/login?next={exc.next_path}", status_code=303)
        assert isinstance(exc, PalaisError)
        detail = exc.translated(translations(negotiate(request)).gettext)
        return render(
            request, "error.html", {"status": exc.http_status, "detail": detail},
            status=exc.http_status,
        )

    async def on_http(request: Request, exc: Exception) -> Response:
        if _is_api(request) and api_http is not None:
            return await _call(api_http, request, exc)
        assert isinstance(exc, StarletteHTTPException)
        return render(
            request,
            "error.html",
            {"status": exc.status_code, "detail": None},
            status=exc.status_code,
        )

    async def on_invalid(request: Request, exc: Exception) -> Response:
        if _is_api(request) and api_invalid is not None:
            return await _call(api_invalid, request, exc)
        return render(request, "error.html", {"status": 422, "detail": None}, status=422)

    app.state.page_refusal = page_refusal
    app.add_exception_handler(PalaisError, on_palais)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_invalid)


async def page_refusal(scope: Scope, error: PalaisError) -> Response:
    """A body refused before the application read it (:mod:`palais.web.limits`), answered
    as a page: the upload form saying why, for an upload; the error page otherwise."""
    request = Request(scope)
    if scope["path"] == "/mission/submit":
        return await run_in_threadpool(upload_form, request, error)
    detail = error.translated(translations(negotiate(request)).gettext)
    context = {"status": error.http_status, "detail": detail}
    return await run_in_threadpool(render, request, "error.html", context, error.http_status)


async def _call(handler: Any, request: Request, exc: Exception) -> Response:
    result = handler(request, exc)
    if hasattr(result, "__await__"):
        result = await result
    response: Response = result
    return response
