"""Numbers given in a series (symbols, job numbers): one row per number ever given.

The primary key (series, number) is what makes two concurrent allocations unable
to take the same number; :mod:`palais.registry.numbering` holds the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, text, tuple_

from palais.store.tables import allocations


def queue_for(connection: Connection, series: str) -> None:
    """On PostgreSQL, wait for the series' other allocator to commit (a transaction-scoped
    advisory lock), rather than both reading the same highest number."""
    if connection.dialect.name == "postgresql":
        lock = text("SELECT pg_advisory_xact_lock(hashtext(:series))")
        connection.execute(lock, {"series": series})


def highest(connection: Connection, series: str) -> int:
    return int(
        connection.execute(
            select(func.max(allocations.c.number)).where(allocations.c.series == series)
        ).scalar() or 0
    )


def holder(connection: Connection, series: str, number: int) -> int | None:
    found = connection.execute(
        select(allocations.c.submission_id).where(
            (allocations.c.series == series) & (allocations.c.number == number)
        )
    ).scalar()
    return None if found is None else int(found)


def take(
    connection: Connection, series: str, number: int, submission_id: int, at: datetime
) -> None:
    connection.execute(
        insert(allocations).values(
            series=series, number=number, submission_id=submission_id, allocated_at=at
        )
    )


def held(connection: Connection, pairs: Sequence[tuple[str, int]]) -> set[tuple[str, int]]:
    """Which of the (series, number) ``pairs`` are already given."""
    if not pairs:
        return set()
    key = tuple_(allocations.c.series, allocations.c.number)
    query = select(allocations.c.series, allocations.c.number).where(key.in_(list(pairs)))
    return {(series, int(number)) for series, number in connection.execute(query)}


def take_many(connection: Connection, given: Sequence[dict[str, Any]]) -> None:
    """Record several numbers (rows of series, number, submission_id, allocated_at)."""
    if given:
        connection.execute(insert(allocations).values(list(given)))
