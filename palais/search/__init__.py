"""Full-text search over issued documents in the six languages.

``open_index(settings)`` gives the engine that fits the store: the embedded
tantivy index (files under ``<data_dir>/search/``) for a SQLite store, and
PostgreSQL full-text search (tables in the same database) for a PostgreSQL
store. Both implement :class:`SearchIndex`: ``add``, ``remove``, ``search``,
``rebuild``, and ``fingerprint`` / ``drift`` so the application can compare the
index with the store at start-up and rebuild it when they differ.
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
