"""The rows of submissions and their audit entries: queries and thin executors.

The registry (:mod:`palais.registry`) decides what may change; these functions
only read and write rows inside the caller's transaction. A write of a
submission's state names the state it was read in, so a change that raced
another is refused instead of overwriting it.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, false, func, insert, or_, select, true, update

from palais.errors import Conflict, NotFound
from palais.store.tables import audit_log, submissions

MAX_ID = 2**31 - 1  # identifiers are 32-bit integers on PostgreSQL


def fetch(connection: Connection, submission_id: int, *, for_update: bool = False) -> Row[Any]:
    """The row of ``submission_id`` (locked for the transaction with ``for_update``)."""
    if not 0 < submission_id <= MAX_ID:
        raise NotFound(f"no submission {submission_id}")
    query = select(submissions).where(submissions.c.id == submission_id)
    if for_update:
        query = query.with_for_update()
    row = connection.execute(query).first()
    if row is None:
        raise NotFound(f"no submission {submission_id}")
    return row


def insert_submission(connection: Connection, **values: Any) -> int:
    """A new submission row; returns its id."""
    return int(
        connection.execute(insert(submissions).values(**values).returning(submissions.c.id))
        .scalar_one()
    )


def insert_many(connection: Connection, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """New submission rows, in one statement per thousand; returns their ids in order."""
    if not rows:
        return []
    query = insert(submissions).returning(submissions.c.id, sort_by_parameter_order=True)
    found = connection.execute(query, [dict(r) for r in rows]).scalars().all()
    return [int(sid) for sid in found]


def advance(connection: Connection, submission_id: int, read_state: str, **values: Any) -> None:
    """Write ``values`` if the row is still in ``read_state`` (else Conflict)."""
    done = connection.execute(
        update(submissions)
        .where((submissions.c.id == submission_id) & (submissions.c.state == read_state))
        .values(**values)
    )
    if done.rowcount != 1:
        raise Conflict(f"submission {submission_id} changed meanwhile; try again")


def set_values(connection: Connection, submission_id: int, **values: Any) -> None:
    connection.execute(
        update(submissions).where(submissions.c.id == submission_id).values(**values)
    )


def log(
    connection: Connection,
    submission_id: int | None,
    actor: str,
    action: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    at: datetime,
    detail: str | None = None,
) -> None:
    """Append one audit entry (the table refuses updates and deletes by trigger)."""
    connection.execute(
        insert(audit_log).values(
            submission_id=submission_id, actor=actor, at=at, action=action,
            before=None if before is None else json.dumps(before, ensure_ascii=False),
            after=None if after is None else json.dumps(after, ensure_ascii=False),
            detail=detail,
        )
    )


def log_many(
    connection: Connection,
    actor: str,
    action: str,
    entries: Sequence[tuple[int, Mapping[str, Any]]],
    at: datetime,
) -> None:
    """Append one audit entry per (submission id, after) of one action."""
    if entries:
        connection.execute(
            insert(audit_log).values(
            [
                {"submission_id": sid, "actor": actor, "at": at, "action": action,
                 "before": None, "after": json.dumps(after, ensure_ascii=False),
                 "detail": None}
                for sid, after in entries
            ]),
        )


def audit_of(connection: Connection, submission_id: int) -> Sequence[Row[Any]]:
    query = (
        select(audit_log).where(audit_log.c.submission_id == submission_id)
        .order_by(audit_log.c.id)
    )
    return list(connection.execute(query))


def _visible(mission: str | None, everything: bool, states: Collection[str] | None) -> Any:
    """Rows a caller may see: all, one mission's, or those in ``states``."""
    if everything:
        return true()
    if states is not None:
        return submissions.c.state.in_(sorted(states))
    return submissions.c.mission == mission if mission else false()


def page(
    connection: Connection,
    *,
    everything: bool = False,
    mission: str | None = None,
    states: Collection[str] | None = None,
    state: str | None = None,
    offset: int = 0,
    limit: int | None = 50,
) -> tuple[list[Row[Any]], int]:
    """One page of the visible submissions, newest first, and how many there are.

    Visible: ``everything``, or the submissions of ``mission``, or those in ``states``.
    """
    condition = _visible(mission, everything, states)
    if state is not None:
        condition = condition & (submissions.c.state == state)
    total = connection.execute(
        select(func.count()).select_from(submissions).where(condition)
    ).scalar_one()
    query = (
        select(submissions).where(condition).order_by(submissions.c.id.desc())
        .offset(max(offset, 0)).limit(limit)
    )
    return list(connection.execute(query)), int(total)


def duplicate_candidates(
    connection: Connection, sha256: str | None, mission: str | None, doc_date: str | None
) -> list[Row[Any]]:
    """The same mission's live submissions (neither withdrawn nor rejected) of the same
    file or of the same date: the rows a new submission may repeat."""
    same: list[Any] = []
    if sha256 is not None:
        same.append(submissions.c.source_sha256 == sha256)
    if doc_date:
        same.append(submissions.c.doc_date == doc_date)
    if not same:
        return []
    owner = submissions.c.mission.is_(None) if mission is None else submissions.c.mission == mission
    query = (
        select(submissions.c.id, submissions.c.source_sha256, submissions.c.record)
        .where(owner & or_(*same) & submissions.c.state.not_in(_CLOSED))
        .order_by(submissions.c.id)
    )
    return list(connection.execute(query))


def live_among(connection: Connection, ids: Sequence[int]) -> list[int]:
    """Which of ``ids`` are neither withdrawn nor rejected."""
    if not ids:
        return []
    query = select(submissions.c.id).where(
        submissions.c.id.in_(list(ids)) & submissions.c.state.not_in(_CLOSED)
    ).order_by(submissions.c.id)
    return [int(sid) for (sid,) in connection.execute(query)]


_CLOSED = ("withdrawn", "rejected")


def issued_with_source(connection: Connection, sha256s: Sequence[str]) -> dict[str, str]:
    """Issued documents already made from one of these files: sha256 -> symbol."""
    if not sha256s:
        return {}
    query = select(submissions.c.source_sha256, submissions.c.symbol).where(
        submissions.c.source_sha256.in_(sha256s) & (submissions.c.state == "issued")
    )
    return {sha: symbol for sha, symbol in connection.execute(query)}


def holders(connection: Connection, column: str, values: Sequence[str]) -> dict[str, int]:
    """Which submission holds each of ``values`` in the unique ``column`` (symbol, job number)."""
    if not values:
        return {}
    col = submissions.c[column]
    query = select(col, submissions.c.id).where(col.in_(values))
    return {value: sid for value, sid in connection.execute(query)}
