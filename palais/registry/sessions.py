"""Web sessions kept in the store: opened at login, ended by logout or a password change.

The cookie a browser holds is a random token; the store keeps its SHA-256 with
the user, when it was opened and last seen, from which browser and address,
and when it ends (:data:`SESSION_HOURS` after login, or earlier on logout). A
stolen cookie therefore stops working when its owner logs out or changes their
password, and the owner can see every session open in their name and end any
of them. (A cookie signed by the server, as before, stayed valid for its eight
hours whatever the user did.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from palais.errors import NotAuthenticated, NotFound
from palais.registry import rows
from palais.registry.credentials import Passwords, new_token, token_hash
from palais.registry.values import Actor
from palais.store import Connection, accounts
from palais.store import sessions as store
from palais.store import submissions as audit

T = TypeVar("T")
Run = Callable[[Callable[[Connection], T]], T]
"""The registry's way of running work in a read or a write transaction."""

SESSION_HOURS = 8
TOUCH_EVERY = timedelta(minutes=5)
"""How stale ``last_seen_at`` may be: refreshing it on every request would make every
page view a write."""


@dataclass(frozen=True, slots=True)
class WebSession:
    """One open session of a user, as the account page and the API show it."""

    id: int
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    client: str
    address: str
    current: bool = False  # the session of the request asking


def open_session(write: Run[Any], actor: Actor, client: str = "", address: str = "") -> str:
    """A new session for ``actor``: the token to put in the cookie (the store keeps its hash)."""
    token = new_token()

    def work(connection: Connection) -> str:
        uid = user_id_of(connection, actor.username)
        now = rows.now()
        store.insert_session(connection, uid, token_hash(token), now,
                             now + timedelta(hours=SESSION_HOURS), client, address)
        return token

    return write(work)


def session_actor(read: Run[Any], write: Run[Any], token: str) -> Actor:
    """The user of a live session; NotAuthenticated when it ended, expired or never was."""
    now = rows.now()
    row = read(lambda c: store.live_session(c, token_hash(token), now))
    if row is None:
        raise NotAuthenticated("the session has ended or expired; log in again")
    last_seen = rows.aware(row.last_seen_at)
    if last_seen is None or now - last_seen > TOUCH_EVERY:
        write(lambda c: store.touch(c, row.session_id, now))
    return rows.actor_of(row)


def end_session(write: Run[Any], token: str) -> None:
    """Log out: the session of ``token`` ends (nothing happens if it already had)."""
    write(lambda c: store.end(c, rows.now(), token_hash=token_hash(token)))


def sessions_of(read: Run[Any], actor: Actor, current: str | None = None) -> list[WebSession]:
    """The live sessions of ``actor``, newest first; ``current`` (a token) marks its own."""
    mine = token_hash(current) if current else None

    def work(connection: Connection) -> list[WebSession]:
        uid = user_id_of(connection, actor.username)
        return [_session_of(r, r.token_hash == mine)
                for r in store.live_sessions_of(connection, uid, rows.now())]

    return read(work)


def end_session_of(write: Run[Any], actor: Actor, session_id: int) -> None:
    """End one of ``actor``'s own sessions (another browser's); NotFound for any other id."""

    def work(connection: Connection) -> None:
        uid = user_id_of(connection, actor.username)
        if not store.end(connection, rows.now(), uid=uid, session_id=session_id):
            raise NotFound(
                "%(username)s has no open session %(session_id)s",
                username=actor.username, session_id=session_id,
            )

    write(work)


def change_password(
    write: Run[Any], passwords: Passwords, actor: Actor, current: str, new: str,
    check: Callable[[str, str], Actor],
) -> None:
    """Set a new password (the current one proves it is the user) and end every session."""
    check(actor.username, current)
    new_hash = passwords.hash(new)

    def work(connection: Connection) -> None:
        uid = user_id_of(connection, actor.username)
        accounts.set_password_hash(connection, uid, new_hash)
        ended = store.end(connection, rows.now(), uid=uid)
        audit.log(connection, None, actor.username, "change_password", None,
                  {"sessions_ended": ended}, rows.now())

    write(work)


def user_id_of(connection: Connection, username: str) -> int:
    row = accounts.user(connection, username)
    if row is None:
        raise NotAuthenticated("there is no user %(username)r", username=username)
    return int(row.id)


def _session_of(row: Any, current: bool) -> WebSession:
    return WebSession(
        id=row.id, created_at=_utc(row.created_at), last_seen_at=_utc(row.last_seen_at),
        expires_at=_utc(row.expires_at), client=row.client, address=row.address,
        current=current,
    )


def _utc(value: datetime) -> datetime:
    aware = rows.aware(value)
    assert aware is not None
    return aware
