"""The size of request bodies, enforced while they stream in, before anything reads them.

A limit checked by the handler comes too late: the framework has already read
a body without ``Content-Length`` (chunked) whole, spooling an upload to disk
or a JSON document into memory, before authentication or validation run. This
ASGI middleware sits in front of everything: a declared length over the limit
is refused unread, and a streamed body is counted chunk by chunk and cut off
with a 413 the moment it passes the limit; the application then sees the
client as gone. The limit depends on what the body can be: an upload (a
multipart form) gets the configured upload size, a login a few kilobytes,
anything else (a record as JSON, a form) :data:`MAX_BODY_BYTES`.

A page is answered as a page: when the pages have installed
``app.state.page_refusal`` (:mod:`palais.web.ui`), a refused request outside
``/api`` gets the HTML it makes (the upload form, saying why) instead of a JSON
problem, after the rest of the body, up to :data:`DRAIN_FACTOR` times the
limit, has been read and thrown away: a browser still sending its file does
not read an answer, and would show a broken connection instead.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from palais.errors import PayloadTooLarge
from palais.web.problems import from_palais_error

MULTIPART_OVERHEAD = 64 * 1024
"""A multipart body carries the file plus its boundaries and part headers."""
MAX_BODY_BYTES = 4 * 1024 * 1024
"""A record with all its translations is far below this."""
MAX_LOGIN_BYTES = 16 * 1024
DRAIN_FACTOR = 4
"""A page's refused body is read (and dropped) up to this many times its limit."""
_LOGIN_PATHS = frozenset({"/login", "/api/auth/login"})


class BodyLimit:
    """Refuses request bodies over their limit with a 413 problem, counting as they arrive."""

    def __init__(self, app: ASGIApp, *, max_upload_bytes: int) -> None:
        self.app = app
        self.max_upload_bytes = max_upload_bytes

    def limit_for(self, scope: Scope) -> int:
        if scope["path"] in _LOGIN_PATHS:
            return MAX_LOGIN_BYTES
        content_type = _header(scope, b"content-type") or b""
        if content_type.startswith(b"multipart/form-data"):
            return self.max_upload_bytes + MULTIPART_OVERHEAD
        return MAX_BODY_BYTES

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        declared = _header(scope, b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _refuse(scope, receive, send, limit)
            return
        received = 0
        refused = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    if not started:
                        more = bool(message.get("more_body", False))
                        await _refuse(scope, receive, send, limit, received, more)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 was sent; the application's answer goes nowhere
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, counting_receive, guarded_send)


async def _refuse(
    scope: Scope, receive: Receive, send: Send, limit: int, received: int = 0,
    more: bool = True,
) -> None:
    error = PayloadTooLarge("the request body is larger than the limit of %(limit)s bytes",
                            limit=limit)
    page = getattr(getattr(scope.get("app"), "state", None), "page_refusal", None)
    if page is not None and not scope["path"].startswith(("/api", "/openapi")):
        if more:
            await _drain(receive, DRAIN_FACTOR * limit - received)
        response = await page(scope, error)
    else:
        response = from_palais_error(error, scope["path"])
    response.headers["Connection"] = "close"
    await response(scope, _nothing, send)


async def _drain(receive: Receive, budget: int) -> None:
    """Read and drop the rest of a body, at most ``budget`` bytes of it."""
    while budget > 0:
        message = await receive()
        if message["type"] != "http.request":
            return
        budget -= len(message.get("body", b""))
        if not message.get("more_body", False):
            return


async def _nothing() -> Message:
    return {"type": "http.disconnect"}


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value)
    return None
