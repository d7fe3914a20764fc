"""Signed session cookies for people using a browser.

The cookie holds only the user's login name and an expiry, signed with
HMAC-SHA256 under the server's secret: the server keeps no session table, and a
cookie that was altered, forged or has expired is simply not a session. The
standard library's :mod:`hmac` is enough for this; see docs/decisions.md
("HTTP API") for why no session framework was added.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass

SESSION_COOKIE = "palais_session"


@dataclass(frozen=True, slots=True)
class CookieSigner:
    """Makes and checks ``<payload>.<signature>`` cookie values."""

    secret: bytes
    max_age: int = 8 * 3600

    def sign(self, username: str, now: float | None = None) -> str:
        expires = int((now if now is not None else time.time()) + self.max_age)
        payload = _b64(json.dumps({"u": username, "e": expires}, separators=(",", ":")).encode())
        return f"{payload}.{self._mac(payload)}"

    def verify(self, value: str, now: float | None = None) -> str | None:
        """The login name in a valid, unexpired cookie; None for anything else."""
        payload, _, mac = value.partition(".")
        if not payload or not hmac.compare_digest(mac, self._mac(payload)):
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
            username, expires = str(data["u"]), int(data["e"])
        except (ValueError, KeyError, TypeError):
            return None
        if expires < (now if now is not None else time.time()):
            return None
        return username

    def _mac(self, payload: str) -> str:
        digest = hmac.new(self.secret, payload.encode(), hashlib.sha256).digest()
        return _b64(digest)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")
