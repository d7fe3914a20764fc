"""Keeping a search index in step with the store, by its ordered change records.

The index is derived data. Every change of what the public sees writes a change
record in the same transaction as the change (:mod:`palais.store.changes`); an
index applies the records in order and remembers the last one applied
(:class:`palais.search.index.Mark`). So a crash between the store's commit and
the index update loses nothing — the next catch-up applies what was missed —
and finding out whether an index is current is one query, not a reload of the
archive. An index that has followed no store, or another store, or a store
that is behind it (restored from an older backup), is rebuilt from the store.

Any number of processes may each keep their own index this way: the nodes of
a cluster over one PostgreSQL store each follow it with an embedded index of
their own, polling the store in a background thread (:meth:`IndexFollower.poll`)
besides the check every search page makes, so a document issued through one
node is found on the others within a poll interval.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

from palais.registry import Registry
from palais.registry.values import Publication
from palais.search import SearchIndex
from palais.search.entries import Entry, entry_of
from palais.search.index import Mark

logger = logging.getLogger("palais.index")

BATCH = 500
POLL_INTERVAL_S = 0.5


class IndexFollower:
    """One index following one store; share it between the threads of a process."""

    def __init__(self, registry: Registry, index: SearchIndex) -> None:
        self.registry = registry
        self.index = index
        self._store_id = registry.store_id()
        self._lock = threading.Lock()
        # The mark as last read or written here: checking needs no read of the index.
        self._known: Mark | None = None
        self._stop = threading.Event()
        self._poller: threading.Thread | None = None

    def poll(self, interval: float = POLL_INTERVAL_S) -> None:
        """Catch up every ``interval`` seconds in a background thread until :meth:`stop`.

        A failed catch-up (the store unreachable for a moment) is logged and tried
        again at the next tick; nothing is lost, since the position is the index's.
        """
        if self._poller is not None:
            return
        self._stop.clear()
        self._poller = threading.Thread(
            target=self._poll_loop, args=(interval,), name="palais-index-follower", daemon=True
        )
        self._poller.start()

    def stop(self) -> None:
        """Stop the background thread (waiting for a catch-up in progress to finish)."""
        poller, self._poller = self._poller, None
        if poller is not None:
            self._stop.set()
            poller.join()

    def _poll_loop(self, interval: float) -> None:
        while not self._stop.wait(interval):
            try:
                self.catch_up()
            except Exception:  # the store may be restarting: try again at the next tick
                logger.warning("catching up with the store failed; trying again", exc_info=True)

    def catch_up(self) -> int:
        """Apply the changes the index has not seen; returns how many documents were
        (re)indexed or removed. One query (the store's latest change) when the index is
        current."""
        latest = self.registry.latest_change()
        if self._known == Mark(self._store_id, latest):
            return 0
        with self._lock:
            mark = self.index.mark()  # another process sharing the index may have moved it
            if mark is None or mark.store_id != self._store_id or mark.position > latest:
                done = self.rebuild()
            else:
                done = self._apply_after(mark.position)
            self._known = self.index.mark()
            return done

    def rebuild(self) -> int:
        """Index the whole archive again, streaming it from the store."""
        # The position first: every change up to it is committed, so the stream sees
        # it; a change after it is applied again by the next catch-up (harmless).
        latest = self.registry.latest_change()
        logger.info("rebuilding the search index from the store (change %d)", latest)
        return self.index.rebuild(expected_entries(self.registry), Mark(self._store_id, latest))

    def _apply_after(self, position: int) -> int:
        applied = 0
        while True:
            batch = self.registry.public_changes(position, BATCH)
            if batch.position == position:
                return applied
            puts = [e for e in map(_entry, batch.publications) if e is not None]
            removes = [p.symbol for p in batch.publications if p.document is None and p.symbol]
            self.index.follow(puts, removes, Mark(self._store_id, batch.position))
            applied += len(batch.publications)
            position = batch.position


def expected_entries(registry: Registry) -> Iterator[Entry]:
    """What an index level with the store holds: an entry per issued document, streamed."""
    for publication in registry.publications(BATCH):
        entry = _entry(publication)
        if entry is not None:
            yield entry


def _entry(publication: Publication) -> Entry | None:
    if publication.document is None:
        return None
    return entry_of(publication.document, publication.texts or None, publication.titles)
