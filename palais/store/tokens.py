"""The SQL of API tokens (table ``api_tokens``): create, find, list and revoke them.

A token authenticates only while it is neither revoked nor expired; a revoked
token keeps its row, so the owner's listing shows what was revoked and when.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from palais.store.tables import api_tokens, users


def insert_token(
    connection: Connection, uid: int, name: str, token_hash: str, now: datetime,
    expires_at: datetime, scope: str,
) -> int:
    return int(connection.execute(
        insert(api_tokens).values(
            user_id=uid, name=name, token_hash=token_hash, created_at=now,
            expires_at=expires_at, scope=scope,
        ).returning(api_tokens.c.id)
    ).scalar_one())


def live_token(connection: Connection, token_hash: str, now: datetime) -> Row[Any] | None:
    """The user of a valid token and the token's scope, or None."""
    return connection.execute(
        select(users, api_tokens.c.scope.label("token_scope"))
        .join(api_tokens, api_tokens.c.user_id == users.c.id)
        .where(
            (api_tokens.c.token_hash == token_hash)
            & api_tokens.c.revoked_at.is_(None)
            & (api_tokens.c.expires_at > now)
        )
    ).first()


def tokens_of(connection: Connection, uid: int) -> list[Row[Any]]:
    return list(connection.execute(
        select(api_tokens).where(api_tokens.c.user_id == uid).order_by(api_tokens.c.id)
    ))


def revoke(connection: Connection, uid: int, token_id: int, now: datetime) -> int:
    """Revoke the user's token ``token_id``; 1 if it was live, else 0."""
    return connection.execute(
        update(api_tokens)
        .where(
            (api_tokens.c.user_id == uid) & (api_tokens.c.id == token_id)
            & api_tokens.c.revoked_at.is_(None)
        )
        .values(revoked_at=now)
    ).rowcount
