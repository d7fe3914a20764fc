"""The ordered change records of what the public sees, and the store's identity.

A change record is written in the transaction of the change it records, so it
exists exactly when the change does. Readers of the records (the search index)
apply them in ``id`` order and remember the last one applied; for that to lose
nothing, ids must be committed in the order they are given. SQLite commits one
writer at a time, so they are. On PostgreSQL two transactions could take ids 5
and 6 and commit 6 first; a reader between the two commits would move past 5
for ever. So a writer of a change record first takes a transaction-scoped
advisory lock: changes are written one transaction at a time, in id order.
They are rare (an issue, a withdrawal, an import batch), so the queue costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import Connection, func, insert, select, text

from palais.store.tables import changes, store_info

# "palais.changes" in ASCII: the key of the advisory lock that orders change records.
_CHANGES_LOCK = 0x706C63686E67


def record(
    connection: Connection, submission_ids: Iterable[int], action: str, at: datetime
) -> None:
    """Record that what the public sees of ``submission_ids`` changed (in the caller's
    transaction)."""
    rows = [{"submission_id": sid, "action": action, "at": at} for sid in submission_ids]
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _CHANGES_LOCK})
    connection.execute(insert(changes), rows)


def latest(connection: Connection) -> int:
    """The id of the newest change record (0 when there is none)."""
    return int(connection.execute(select(func.max(changes.c.id))).scalar() or 0)


def after(connection: Connection, position: int, limit: int) -> Sequence[tuple[int, int]]:
    """Up to ``limit`` (id, submission id) pairs of the changes after ``position``, in order."""
    query = (
        select(changes.c.id, changes.c.submission_id)
        .where(changes.c.id > position).order_by(changes.c.id).limit(limit)
    )
    return [(int(i), int(s)) for i, s in connection.execute(query)]


def store_id(connection: Connection) -> str:
    """The identity of this store, made once when its schema was created."""
    return str(
        connection.execute(select(store_info.c.value).where(store_info.c.key == "store_id"))
        .scalar_one()
    )
