"""Throttling failed logins, per account and per client address, with growing delays.

A password guesser is slowed on two counts: the account it guesses (a few
free failures, then a wait that doubles with each further one) and the
address it guesses from (more free failures, since one office may share an
address, then the same doubling). While a wait runs, a login is refused at
once with the seconds left (HTTP 429 with ``Retry-After``), before any password
is hashed, and the attempt counts as one more failure (so hammering during a
wait lengthens it); a success clears the account's count. The counts live in the
memory of the server process: they bound what one process does, and are lost
on restart, which a guesser cannot cause (docs/security.md).
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from palais.errors import TooManyRequests


@dataclass(frozen=True, slots=True)
class Policy:
    """``free`` failures cost nothing; the next waits ``first`` seconds, doubling to ``longest``."""

    free: int
    first: float
    longest: float

    def wait_after(self, failures: int) -> float:
        if failures <= self.free:
            return 0.0
        return min(self.longest, self.first * 2 ** (failures - self.free - 1))


ACCOUNT = Policy(free=5, first=1.0, longest=900.0)
ADDRESS = Policy(free=20, first=1.0, longest=900.0)
CAPACITY = 100_000
"""Keys remembered at most; the least recently seen are forgotten first."""


@dataclass(slots=True)
class _Count:
    failures: int
    blocked_until: float
    last: float


class Throttle:
    """Failure counts by key; thread-safe, bounded in memory."""

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, account: Policy = ACCOUNT,
        address: Policy = ADDRESS, capacity: int = CAPACITY,
    ) -> None:
        self._clock = clock
        self._policies = {"account": account, "address": address}
        self._capacity = capacity
        self._counts: OrderedDict[tuple[str, str], _Count] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, username: str, address: str) -> None:
        """TooManyRequests if the account or the address must wait."""
        now = self._clock()
        with self._lock:
            waits = [
                count.blocked_until - now
                for key in self._keys(username, address)
                if (count := self._counts.get(key)) is not None and count.blocked_until > now
            ]
        if waits:
            seconds = math.ceil(max(waits))
            raise TooManyRequests(
                "too many failed logins for this account or from this address: try again in "
                "%(seconds)s s",
                seconds=seconds, retry_after=seconds,
            )

    def failed(self, username: str, address: str) -> None:
        now = self._clock()
        with self._lock:
            for key in self._keys(username, address):
                count = self._counts.pop(key, None) or _Count(0, 0.0, now)
                if now - count.last > self._policies[key[0]].longest * 2:
                    count = _Count(0, 0.0, now)  # long quiet: start afresh
                count.failures += 1
                count.last = now
                count.blocked_until = now + self._policies[key[0]].wait_after(count.failures)
                self._counts[key] = count
            while len(self._counts) > self._capacity:
                self._counts.popitem(last=False)

    def succeeded(self, username: str, address: str) -> None:
        with self._lock:
            self._counts.pop(("account", _account(username)), None)

    @staticmethod
    def _keys(username: str, address: str) -> tuple[tuple[str, str], ...]:
        return (("account", _account(username)), ("address", address))


def _account(username: str) -> str:
    return username.strip().casefold()
