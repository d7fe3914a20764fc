"""The SQL of web sessions (table ``web_sessions``): open, find, list and end them.

A session is found only while it has not ended and not expired; ending one
marks it (``ended_at``) rather than deleting it, so the account page can tell
a person when and where their sessions were.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, insert, select, update

from palais.store.tables import users, web_sessions


def insert_session(
    connection: Connection, uid: int, token_hash: str, now: datetime, expires_at: datetime,
    client: str, address: str,
) -> int:
    return int(connection.execute(
        insert(web_sessions).values(
            user_id=uid, token_hash=token_hash, created_at=now, last_seen_at=now,
            expires_at=expires_at, client=client[:300], address=address[:64],
        ).returning(web_sessions.c.id)
    ).scalar_one())


def live_session(connection: Connection, token_hash: str, now: datetime) -> Row[Any] | None:
    """The user of a live session and the session's id and last sighting, or None."""
    return connection.execute(
        select(users, web_sessions.c.id.label("session_id"), web_sessions.c.last_seen_at)
        .join(web_sessions, web_sessions.c.user_id == users.c.id)
        .where(
            (web_sessions.c.token_hash == token_hash)
            & web_sessions.c.ended_at.is_(None)
            & (web_sessions.c.expires_at > now)
        )
    ).first()


def touch(connection: Connection, session_id: int, now: datetime) -> None:
    connection.execute(
        update(web_sessions).where(web_sessions.c.id == session_id).values(last_seen_at=now)
    )


def live_sessions_of(connection: Connection, uid: int, now: datetime) -> list[Row[Any]]:
    return list(connection.execute(
        select(web_sessions)
        .where(
            (web_sessions.c.user_id == uid) & web_sessions.c.ended_at.is_(None)
            & (web_sessions.c.expires_at > now)
        )
        .order_by(web_sessions.c.created_at.desc(), web_sessions.c.id.desc())
    ))


def end(connection: Connection, now: datetime, *, token_hash: str | None = None,
        uid: int | None = None, session_id: int | None = None) -> int:
    """End the live sessions matching every condition given; how many were ended."""
    condition: ColumnElement[bool] = web_sessions.c.ended_at.is_(None)
    if token_hash is not None:
        condition = condition & (web_sessions.c.token_hash == token_hash)
    if uid is not None:
        condition = condition & (web_sessions.c.user_id == uid)
    if session_id is not None:
        condition = condition & (web_sessions.c.id == session_id)
    return connection.execute(
        update(web_sessions).where(condition).values(ended_at=now)
    ).rowcount
