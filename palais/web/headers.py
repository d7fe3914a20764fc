"""Security headers on every response, added once for the whole application.

- ``Content-Security-Policy``: pages load only their own style sheet, images and
  script files (one: the reading pane's, which keeps the page in step with the
  version shown in it), never an inline script, so a slip in escaping could not
  run one. Issued HTML versions, served from the same origin, get a stricter
  policy still: no script at all, ``sandbox`` without scripts (same-origin, so
  the document page that frames them may read which version is shown), their
  own inline style sheet only, framed by palais's own pages and no one else's.
  The API's interactive documentation (``/api/docs``) runs Swagger UI's scripts,
  served from the package's own assets.
- ``X-Content-Type-Options: nosniff``: a stored file is never re-read by a
  browser as another type than the one it is served as.
- ``frame-ancestors 'none'`` (and ``X-Frame-Options`` for older browsers): no
  other site can frame a page to trick a click.
- ``Referrer-Policy: same-origin``: links out do not carry the address of a
  private page.
- ``Cache-Control: no-store`` on anything answered to a logged-in caller (a
  session cookie or a token) or setting a cookie: a private page is never kept
  by a shared cache or the browser's history cache.
- ``Strict-Transport-Security`` when the server is configured as served over
  HTTPS (``secure_cookies``).

A pure ASGI middleware rather than Starlette's ``BaseHTTPMiddleware``, so a
streamed response (an export) is not buffered on its way.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from palais.web.cookies import SESSION_COOKIE

PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
DOCUMENT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox allow-same-origin"
)
DOCS_POLICY = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"
)
_DOCS = "/api/docs"


class SecurityHeaders:
    """Adds the headers above to every HTTP response of ``app``."""

    def __init__(self, app: ASGIApp, *, https: bool = False) -> None:
        self.app = app
        self.https = https

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        credentials = _has_credentials(scope)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                policy = _policy(path, headers)
                headers["Content-Security-Policy"] = policy
                headers["X-Content-Type-Options"] = "nosniff"
                headers["X-Frame-Options"] = (
                    "SAMEORIGIN" if policy is DOCUMENT_POLICY else "DENY"
                )
                headers["Referrer-Policy"] = "same-origin"
                headers["Cross-Origin-Opener-Policy"] = "same-origin"
                if self.https:
                    headers["Strict-Transport-Security"] = "max-age=31536000"
                if (credentials or "set-cookie" in headers) and "cache-control" not in headers:
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _policy(path: str, headers: MutableHeaders) -> str:
    if path == _DOCS:
        return DOCS_POLICY
    html = headers.get("content-type", "").startswith("text/html")
    return DOCUMENT_POLICY if path.startswith("/api/") and html else PAGE_POLICY


def _has_credentials(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"authorization":
            return True
        if name == b"cookie" and SESSION_COOKIE.encode() in value:
            return True
    return False
