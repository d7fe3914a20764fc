"""Choosing the engine from the database URL."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from palais.errors import InvalidInput
from palais.search.index import SearchIndex


class _Settings(Protocol):
    """What :class:`palais.settings.Settings` offers that the index needs."""

    @property
    def database_url(self) -> str: ...

    @property
    def data_dir(self) -> Path: ...


def open_index(settings: _Settings | str, data_dir: Path | None = None) -> SearchIndex:
    """The search index for a store.

    ``settings`` is a :class:`palais.settings.Settings` (its ``database_url`` and
    ``data_dir``) or a database URL with ``data_dir`` given. A ``sqlite`` URL
    opens the embedded index in ``<data_dir>/search``; a ``postgresql`` URL (any
    driver suffix, e.g. ``postgresql+psycopg://``) opens the PostgreSQL engine
    in that database, whose tables it creates when absent.
    """
    if isinstance(settings, str):
        url = settings
    else:
        url = settings.database_url
        data_dir = data_dir or Path(settings.data_dir)
    scheme = url.split(":", 1)[0].split("+", 1)[0].lower()
    if scheme == "sqlite":
        if data_dir is None:
            raise InvalidInput("the embedded search index needs a data directory")
        from palais.search.embedded import TantivyIndex

        return TantivyIndex(Path(data_dir) / "search")
    if scheme in ("postgresql", "postgres"):
        from palais.search.postgres import PostgresIndex

        return PostgresIndex(url)
    raise InvalidInput(f"no search engine for database URL scheme {scheme!r}")
