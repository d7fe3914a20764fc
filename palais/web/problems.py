"""RFC 9457 problem details: every error the API answers is ``application/problem+json``.

A :class:`palais.errors.PalaisError` already knows its status, title and detail,
so the edge only reshapes it; the ``type`` is a relative URI under
``/api/problems/`` that resolves to a short description of the problem kind, as
RFC 9457 section 3.1.1 recommends. Errors raised by the framework itself (no
such route, wrong method, request validation) get the same shape, so a client
parses one format whatever went wrong.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from palais.errors import (
    MissingTranslation,
    NotAuthenticated,
    PalaisError,
    TooManyRequests,
    UnconfirmedDuplicate,
)

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "/api/problems/"

log = logging.getLogger(__name__)


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_MEDIA_TYPE


def problem(
    status: int,
    title: str,
    detail: str,
    *,
    slug: str | None = None,
    instance: str | None = None,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> ProblemResponse:
    """A problem response; ``slug`` None means ``about:blank`` (the HTTP status says all)."""
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + slug if slug else "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    body.update(extensions)
    return ProblemResponse(jsonable_encoder(body), status_code=status, headers=headers)


def from_palais_error(exc: PalaisError, instance: str | None = None) -> ProblemResponse:
    extensions: dict[str, Any] = {}
    if isinstance(exc, MissingTranslation):
        extensions["missing"] = {lang: list(p) for lang, p in exc.missing.items()}
    headers = {"WWW-Authenticate": 'Bearer realm="palais"'} if isinstance(
        exc, NotAuthenticated
    ) else None
    if isinstance(exc, UnconfirmedDuplicate):
        extensions["duplicates"] = list(exc.duplicates)
    if isinstance(exc, TooManyRequests):
        headers = {"Retry-After": str(exc.retry_after)}
    return problem(
        exc.http_status, exc.title, exc.detail,
        slug=exc.type_slug, instance=instance, headers=headers, **extensions,
    )


def problem_kinds() -> dict[str, dict[str, Any]]:
    """Every problem ``type`` the API can answer, by slug (served under /api/problems/)."""
    kinds: dict[str, dict[str, Any]] = {
        "validation-error": {
            "title": "Invalid request",
            "status": 422,
            "description": "The request's parameters or body do not match the API schema; "
            "`errors` lists each field and what was wrong.",
        },
    }
    stack: list[type[PalaisError]] = [PalaisError]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        slug = "".join("-" + c.lower() if c.isupper() else c for c in cls.__name__).lstrip("-")
        kinds[slug] = {
            "title": cls.title,
            "status": cls.http_status,
            "description": " ".join((cls.__doc__ or "").split()),
        }
    return kinds


def install_problem_handlers(app: FastAPI) -> None:
    """Answer every error, ours and the framework's, with a problem details body."""

    @app.exception_handler(PalaisError)
    async def _palais(request: Request, exc: PalaisError) -> ProblemResponse:
        return from_palais_error(exc, request.url.path)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> ProblemResponse:
        errors = [
            {
                "location": list(err.get("loc", ())),
                "message": err.get("msg", ""),
                "type": err.get("type", ""),
            }
            for err in exc.errors()
        ]
        summary = "; ".join(
            f"{'.'.join(str(p) for p in e['location'])}: {e['message']}" for e in errors
        )
        return problem(
            422, "Invalid request", summary or "the request does not match the API schema",
            slug="validation-error", instance=request.url.path, errors=errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> ProblemResponse:
        phrase = HTTPStatus(exc.status_code).phrase
        detail = exc.detail if isinstance(exc.detail, str) else phrase
        return problem(
            exc.status_code, phrase, detail, instance=request.url.path,
            headers=dict(exc.headers) if exc.headers else None,
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> ProblemResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem(
            500, "Internal Server Error",
            "the server failed to process the request; the error has been logged",
            instance=request.url.path,
        )
