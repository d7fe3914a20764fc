"""The rows of users and API tokens."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from palais.store.tables import api_tokens, users


def user(connection: Connection, username: str) -> Row[Any] | None:
    return connection.execute(select(users).where(users.c.username == username)).first()


def insert_user(connection: Connection, **values: Any) -> int:
    return int(
        connection.execute(insert(users).values(**values).returning(users.c.id)).scalar_one()
    )


def set_password_hash(connection: Connection, user_id: int, password_hash: str) -> None:
    connection.execute(
        update(users).where(users.c.id == user_id).values(password_hash=password_hash)
    )


def insert_token(
    connection: Connection, user_id: int, name: str, token_hash: str, at: datetime
) -> None:
    connection.execute(
        insert(api_tokens).values(
            user_id=user_id, name=name, token_hash=token_hash, created_at=at
        )
    )


def user_by_token(connection: Connection, token_hash: str) -> Row[Any] | None:
    return connection.execute(
        select(users)
        .join(api_tokens, api_tokens.c.user_id == users.c.id)
        .where(api_tokens.c.token_hash == token_hash)
    ).first()
