"""The rows of users (API tokens: :mod:`palais.store.tokens`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from palais.store.tables import users


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
