"""Which translator works on which language of a submission: queries and thin executors.

The registry (:mod:`palais.registry.assignments`) decides who may assign or
claim; these functions only read and write the rows in the caller's transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, delete, insert, select, update

from palais.store.tables import assignments, users


def of(connection: Connection, submission_ids: Sequence[int]) -> dict[int, dict[str, Row[Any]]]:
    """The assignments of each of ``submission_ids``: id -> language code -> row."""
    found: dict[int, dict[str, Row[Any]]] = defaultdict(dict)
    if submission_ids:
        query = select(assignments).where(assignments.c.submission_id.in_(submission_ids))
        for row in connection.execute(query):
            found[row.submission_id][row.language] = row
    return found


def put(
    connection: Connection, submission_id: int, language: str, translator: str,
    assigned_by: str, at: datetime,
) -> None:
    """Give ``language`` of the submission to ``translator`` (replacing whoever had it)."""
    values = {"translator": translator, "assigned_by": assigned_by, "assigned_at": at}
    done = connection.execute(
        update(assignments)
        .where((assignments.c.submission_id == submission_id)
               & (assignments.c.language == language))
        .values(**values)
    )
    if done.rowcount == 0:
        connection.execute(
            insert(assignments).values(submission_id=submission_id, language=language, **values)
        )


def remove(connection: Connection, submission_id: int, language: str) -> None:
    connection.execute(
        delete(assignments).where(
            (assignments.c.submission_id == submission_id) & (assignments.c.language == language)
        )
    )


def translators(connection: Connection) -> list[Row[Any]]:
    """The users who translate, by name."""
    query = select(users).where(users.c.role == "translator").order_by(users.c.username)
    return list(connection.execute(query))
