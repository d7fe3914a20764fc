"""The rows of notifications: written with their event, marked when sent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from palais.store.tables import notifications, submissions

MAX_ATTEMPTS = 10
"""A message the mail server refused this often is left as failed, with its last error."""


def add(connection: Connection, **values: Any) -> int:
    return int(
        connection.execute(
            insert(notifications).values(**values).returning(notifications.c.id)
        ).scalar_one()
    )


def unsent(connection: Connection, limit: int = 100) -> Sequence[Row[Any]]:
    """Messages with an address, not sent yet and not given up on, oldest first, each with
    its submission's record (the note's language is the message's)."""
    query = (
        select(notifications, submissions.c.record)
        .join(submissions, submissions.c.id == notifications.c.submission_id)
        .where(notifications.c.sent_at.is_(None) & notifications.c.recipient.is_not(None)
               & (notifications.c.attempts < MAX_ATTEMPTS))
        .order_by(notifications.c.id).limit(limit)
    )
    return list(connection.execute(query))


def mark_sent(connection: Connection, notification_id: int, at: datetime) -> None:
    connection.execute(
        update(notifications).where(notifications.c.id == notification_id)
        .values(sent_at=at, attempts=notifications.c.attempts + 1, last_error=None)
    )


def mark_failed(connection: Connection, notification_id: int, error: str) -> None:
    connection.execute(
        update(notifications).where(notifications.c.id == notification_id)
        .values(attempts=notifications.c.attempts + 1, last_error=error[:2000])
    )


def of_mission(connection: Connection, mission: str, limit: int = 200) -> Sequence[Row[Any]]:
    """A mission's notifications, newest first."""
    query = (
        select(notifications).where(notifications.c.mission == mission)
        .order_by(notifications.c.id.desc()).limit(limit)
    )
    return list(connection.execute(query))
