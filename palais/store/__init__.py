"""The store: the only package that runs SQL or writes files palais keeps.

- :mod:`palais.store.engine` opens SQLite (WAL, embedded default) or PostgreSQL
  and starts read and write transactions;
- :mod:`palais.store.tables` declares the tables (SQLAlchemy Core);
- :mod:`palais.store.migrate` runs the Alembic migrations shipped in the package;
- :mod:`palais.store.blobs` keeps files content-addressed by SHA-256;
- one module of queries and thin executors per kind of row:
  :mod:`~palais.store.submissions` (and their audit entries),
  :mod:`~palais.store.accounts`, :mod:`~palais.store.allocations`,
  :mod:`~palais.store.calendar`, :mod:`~palais.store.archive` (the issued
  documents, read in pages) and :mod:`~palais.store.changes` (the ordered
  change records the search index follows), :mod:`~palais.store.assignments`
  (who translates which language) and :mod:`~palais.store.memory` (the translation
  memory); :mod:`~palais.store.replication`
  reads how far a hot standby has replayed the primary's log.

The registry (:mod:`palais.registry`) holds the rules; the store only keeps.
"""

from __future__ import annotations

from sqlalchemy import Connection

from palais.store import (
    accounts,
    allocations,
    archive,
    assignments,
    calendar,
    changes,
    memory,
    replication,
    submissions,
)
from palais.store.blobs import BlobStore, sha256_of
from palais.store.engine import open_engine, read_transaction, write_transaction
from palais.store.migrate import upgrade

__all__ = [
    "BlobStore",
    "Connection",
    "accounts",
    "allocations",
    "archive",
    "assignments",
    "calendar",
    "changes",
    "memory",
    "open_engine",
    "read_transaction",
    "replication",
    "sha256_of",
    "submissions",
    "upgrade",
    "write_transaction",
]
