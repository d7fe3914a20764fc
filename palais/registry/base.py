"""What every group of use cases shares: the store, and how a use case gets its transaction.

Each use case is one explicit transaction: :meth:`_write` runs its work in a
write transaction, from the start again when it lost a race for a number (so
no lock is held in Python memory and several server processes may share one
store); :meth:`_read` runs it in one read snapshot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Engine

from palais.registry.credentials import Passwords
from palais.store import BlobStore, Connection, read_transaction
from palais.store.engine import retrying_write

T = TypeVar("T")

SYSTEM = "system"  # the audit log's actor for changes made from the command line


class StoreAccess:
    """The engine, the file store and the password hasher of one registry."""

    def __init__(self, engine: Engine, blobs: BlobStore, passwords: Passwords) -> None:
        self.engine = engine
        self.blobs = blobs
        self._passwords = passwords

    def _write(self, work: Callable[[Connection], T]) -> T:
        return retrying_write(self.engine, work)

    def _read(self, work: Callable[[Connection], T]) -> T:
        with read_transaction(self.engine) as connection:
            return work(connection)
