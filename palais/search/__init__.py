"""Full-text search over issued documents in the six languages.

``open_index(settings)`` gives the engine that fits the store: the embedded
tantivy index (files under ``<data_dir>/search/``) for a SQLite store, and
PostgreSQL full-text search (tables in the same database) for a PostgreSQL
store. Both implement :class:`SearchIndex`: ``search``, ``follow`` (apply a batch
of the store's changes and remember how far it got, its :class:`Mark`),
``rebuild``, and ``drift`` to compare the whole index with the store
(``palais search check``). :mod:`palais.publish.following` keeps an index level
with the store's change records.
"""

from __future__ import annotations

from palais.search.engines import open_index
from palais.search.index import (
    FACETS,
    PAGE_SIZE,
    Drift,
    Hit,
    Results,
    SearchIndex,
    expected_fingerprint,
)

__all__ = [
    "FACETS",
    "PAGE_SIZE",
    "Drift",
    "Hit",
    "Results",
    "SearchIndex",
    "expected_fingerprint",
    "open_index",
]
