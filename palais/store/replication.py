"""Where a PostgreSQL primary's write-ahead log is, and how far a hot standby has replayed it.

Positions are byte offsets in the log (``pg_lsn`` made numeric), so the distance
between a primary and its standby is a subtraction. Both queries are cheap
(no table is read); the registry asks them about once a second to decide whether
public reads may go to the standby.
"""

from __future__ import annotations

from sqlalchemy import Connection, text


def primary_position(connection: Connection) -> int:
    """The primary's current write-ahead log position, in bytes."""
    return int(connection.execute(
        text("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')")
    ).scalar_one())


def replayed_position(connection: Connection) -> int | None:
    """How far a standby has replayed the log, in bytes; None on a server that is not
    a standby (a misconfigured read URL pointing at a primary, say)."""
    value = connection.execute(
        text("SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')")
    ).scalar_one()
    return None if value is None else int(value)
