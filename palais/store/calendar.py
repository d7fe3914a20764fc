"""The sessions the secretariat added to (or corrected in) the conventions calendar."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from palais.store.tables import calendar_sessions


def stored_sessions(connection: Connection) -> Sequence[Row[Any]]:
    return list(connection.execute(select(calendar_sessions)))


def put_session(
    connection: Connection,
    number: int,
    special: bool,
    opening: date,
    closing: date,
    actual_closing: date | None,
    added_by: str,
    at: datetime,
    parts: str | None = None,
) -> None:
    """Add the session, or replace the dates (and parts) of the one already stored."""
    key = (calendar_sessions.c.number == number) & (calendar_sessions.c.special == special)
    values = {
        "opening": opening, "closing": closing, "actual_closing": actual_closing,
        "parts": parts, "added_by": added_by, "added_at": at,
    }
    if connection.execute(select(calendar_sessions.c.number).where(key)).first():
        connection.execute(update(calendar_sessions).where(key).values(**values))
    else:
        connection.execute(
            insert(calendar_sessions).values(number=number, special=special, **values)
        )
