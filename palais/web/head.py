"""HEAD on every GET route: what a link checker, a cache or a harvester asks first.

FastAPI routes answer only the methods they declare, so HEAD on a download was a
405. The application below the middleware sees a HEAD as the same request made as
a GET, and its status and headers are sent without the body, so a HEAD can never
disagree with its GET (length, type, ETag, redirects, errors). A catch-all HEAD
route would do the same for known paths but turn every GET or POST of an unknown
path into a 405 instead of the "page not found" the reader should get.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send


class HeadAsGet:
    """ASGI middleware answering HEAD with the GET's status and headers, no body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


def allow_head(app: FastAPI) -> None:
    """Let every GET route of ``app`` answer HEAD too (call before the other middleware,
    so that they see the HEAD and only the routes see a GET)."""
    app.add_middleware(HeadAsGet)
