"""HEAD on every GET route: what a link checker, a cache or a harvester asks first.

FastAPI routes answer only the methods they declare, so HEAD on a download was a
405. One last route answers HEAD on any path by running the same request as a GET
through the application's routes and sending its status and headers without the
body, so a HEAD can never disagree with its GET (length, type, ETag, redirects,
errors); it is left out of the OpenAPI document.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import Response


def allow_head(app: FastAPI) -> None:
    """Let every GET route of ``app`` answer HEAD too (call once all routes exist)."""

    @app.api_route("/{path:path}", methods=["HEAD"], include_in_schema=False)
    async def head(request: Request) -> Response:
        scope = {**request.scope, "method": "GET"}
        status, headers = 500, []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: MutableMapping[str, Any]) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status, headers = message["status"], list(message.get("headers", []))

        await app.router(scope, receive, send)
        response = Response(status_code=status)
        response.raw_headers = headers
        return response
