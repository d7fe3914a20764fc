"""What every group of use cases shares: the store, and how a use case gets its transaction.

Each use case is one explicit transaction: :meth:`_write` runs its work in a
write transaction, from the start again when it lost a race for a number (so
no lock is held in Python memory and several server processes may share one
store); :meth:`_read` runs it in one read snapshot. :meth:`_public_read` is
the public archive's: from a hot standby when one is configured and current
(:mod:`palais.registry.standby`), from the primary for a signed-in actor, who
must see what they just did.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Engine

from palais.registry.credentials import Passwords
from palais.registry.standby import StandbyReads
from palais.store import BlobStore, Connection, read_transaction
from palais.store.engine import retrying_write
from palais.store.pending import PendingUploads

T = TypeVar("T")

SYSTEM = "system"  # the audit log's actor for changes made from the command line


class StoreAccess:
    """The engine, the file store and the password hasher of one registry."""

    def __init__(
        self, engine: Engine, blobs: BlobStore, passwords: Passwords,
        read_engine: Engine | None = None,
    ) -> None:
        self.engine = engine
        self.blobs = blobs
        # A mission's uploads awaiting confirmation, beside the files they may become.
        self.pending = PendingUploads(blobs.root / "pending")
        self._passwords = passwords
        self.reads = StandbyReads(engine, read_engine)

    def _write(self, work: Callable[[Connection], T]) -> T:
        return retrying_write(self.engine, work)

    def _read(self, work: Callable[[Connection], T]) -> T:
        with read_transaction(self.engine) as connection:
            return work(connection)

    def _public_read(self, work: Callable[[Connection], T], actor: object | None = None) -> T:
        if actor is not None:
            return self._read(work)
        return self.reads.run(work)
