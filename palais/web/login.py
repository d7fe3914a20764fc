"""Checking a password at the web edge: throttled, and a few hashings at a time.

Each check of a password runs argon2id at its memory cost (64 MiB by default).
Run on request threads, 64 parallel wrong logins took ~40 of them at once, the
server to 2.6 GB and every other request to over a second. So a login here
first asks the :class:`~palais.registry.throttle.Throttle` (a refused attempt
costs nothing), then waits, without holding a request thread, for one of
:data:`HASHINGS` slots of a small executor dedicated to password checks;
when :data:`MAX_WAITING` logins already wait, it is refused at once (429).
Memory for hashing is thus bounded by ``HASHINGS x`` the argon2 memory cost,
and other requests keep their threads. A refused login is answered only after
:data:`TARPIT_SECONDS` (or its wait, if shorter): a guesser sending attempts
back to back would otherwise keep the event loop busy answering 429s, and every
other request would queue behind them (measured by benchmarks/login_load.py).
"""

from __future__ import annotations

import asyncio
import os
import threading
from concurrent.futures import ThreadPoolExecutor

from starlette.requests import Request

from palais.errors import NotAuthenticated, TooManyRequests
from palais.registry import Actor, Registry
from palais.registry.throttle import Throttle

HASHINGS = max(1, (os.cpu_count() or 2) // 2)
"""Password checks at once per server process: half the machine's cores, so that hashing
(which takes a core for its whole run) always leaves the others to everything else."""
MAX_WAITING = 64
TARPIT_SECONDS = 1.0
_BUSY_SECONDS = 2


class LoginGate:
    """The throttle and the bounded executor of one application."""

    def __init__(self, throttle: Throttle | None = None, hashings: int = HASHINGS) -> None:
        self.throttle = throttle or Throttle()
        self._executor = ThreadPoolExecutor(max_workers=hashings, thread_name_prefix="login")
        self._waiting = 0
        self._lock = threading.Lock()

    async def login(self, registry: Registry, username: str, password: str, address: str) -> Actor:
        try:
            self.throttle.check(username, address)
        except TooManyRequests as exc:
            # An attempt while waiting counts as a failure: hammering lengthens the wait.
            self.throttle.failed(username, address)
            await asyncio.sleep(min(TARPIT_SECONDS, exc.retry_after))
            raise
        with self._lock:
            if self._waiting >= MAX_WAITING:
                raise TooManyRequests("too many logins at once: try again shortly",
                                      retry_after=_BUSY_SECONDS)
            self._waiting += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(
                self._executor, self._attempt, registry, username, password, address
            )
        finally:
            with self._lock:
                self._waiting -= 1

    def _attempt(self, registry: Registry, username: str, password: str, address: str) -> Actor:
        # Checked again: failures may have come in while this attempt waited its turn.
        self.throttle.check(username, address)
        try:
            actor = registry.login(username, password)
        except NotAuthenticated:
            self.throttle.failed(username, address)
            raise
        self.throttle.succeeded(username, address)
        return actor

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


async def checked_login(request: Request, username: str, password: str) -> Actor:
    """The user whose password this is, through the application's gate."""
    gate: LoginGate = request.app.state.login_gate
    address = request.client.host if request.client else ""
    return await gate.login(request.app.state.registry, username, password, address)
