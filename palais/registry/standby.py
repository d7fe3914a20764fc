"""Public reads from a hot standby, the primary when the standby is away or behind.

A PostgreSQL streaming standby holds the store as the primary had it a moment
ago. The public's reads (document pages, downloads, feeds, exports) may be
served from it; writes, and a signed-in user's reads of what they just did, stay
on the primary. The standby is used only while it is reachable and its lag is
under :data:`MAX_LAG_S`:

- about once a second (:data:`CHECK_INTERVAL_S`) a read asks the primary where
  its log is and the standby how far it has replayed. A standby that has
  replayed past where the primary was at the previous check is at most one
  interval behind; the lag is the time since it last was;
- a read that fails on the standby (refused connection, a query cancelled by
  recovery) marks it away until the next check and runs again on the primary,
  so a standby going down fails no request.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from palais.store import Connection, read_transaction, replication

T = TypeVar("T")
logger = logging.getLogger("palais.standby")

CHECK_INTERVAL_S = 1.0
MAX_LAG_S = 5.0


@dataclass(frozen=True, slots=True)
class StandbyState:
    """What the last check found: whether public reads go to the standby, and why not."""

    configured: bool
    reachable: bool
    lag_bytes: int | None
    lag_seconds: float | None
    in_use: bool
    checked_at: float | None


class StandbyReads:
    """Chooses, for each public read, the standby or the primary; share it between threads."""

    def __init__(self, primary: Engine, standby: Engine | None) -> None:
        self.primary = primary
        self.standby = standby
        self._lock = threading.Lock()
        self._checked_at = float("-inf")
        self._previous: tuple[float, int] | None = None  # (time, primary position) of last check
        self._level_at: float | None = None  # last time the standby was known level
        self._state = StandbyState(standby is not None, False, None, None, False, None)

    def run(self, work: Callable[[Connection], T]) -> T:
        """``work`` in one read snapshot of the standby when it may be used, else the primary."""
        if self.standby is not None and self.state().in_use:
            try:
                with read_transaction(self.standby) as connection:
                    return work(connection)
            except DBAPIError as exc:
                if not _standby_trouble(exc):
                    raise
                logger.warning("standby read failed (%s); reading from the primary", exc.orig)
                self._away()
        with read_transaction(self.primary) as connection:
            return work(connection)

    def state(self) -> StandbyState:
        """The standby's state, checked again when the last check is older than the interval."""
        if self.standby is None:
            return self._state
        now = time.monotonic()
        if now - self._checked_at >= CHECK_INTERVAL_S and self._lock.acquire(blocking=False):
            try:
                self._check(now)
            finally:
                self._lock.release()
        return self._state

    def _check(self, now: float) -> None:
        assert self.standby is not None
        self._checked_at = now
        with read_transaction(self.primary) as connection:
            position = replication.primary_position(connection)
        try:
            with read_transaction(self.standby) as connection:
                replayed = replication.replayed_position(connection)
        except DBAPIError as exc:
            logger.warning("standby unreachable: %s", exc.orig)
            self._previous = (now, position)
            self._state = StandbyState(True, False, None, None, False, now)
            return
        if replayed is None:  # not a standby: a primary's reads need no routing
            self._state = StandbyState(True, True, None, None, False, now)
            return
        if replayed >= position:
            self._level_at = now
        elif self._previous is not None and replayed >= self._previous[1]:
            self._level_at = max(self._level_at or self._previous[0], self._previous[0])
        self._previous = (now, position)
        lag_s = None if self._level_at is None else now - self._level_at
        in_use = lag_s is not None and lag_s <= MAX_LAG_S
        self._state = StandbyState(True, True, max(position - replayed, 0), lag_s, in_use, now)

    def _away(self) -> None:
        """The standby failed a read: use the primary until the next check finds it back."""
        with self._lock:
            self._checked_at = time.monotonic()
            self._previous = None
            self._level_at = None
            self._state = StandbyState(True, False, None, None, False, self._checked_at)


def _standby_trouble(exc: DBAPIError) -> bool:
    """A failure of the standby itself (gone, restarting, refusing logins, a query
    cancelled by recovery), which the primary can answer instead — not an error of
    the query, which the primary would refuse too."""
    return exc.connection_invalidated or isinstance(exc, OperationalError | InterfaceError)
