"""Choosing the engine: from the settings' ``search`` (``embedded`` or ``postgres``), or
from the database URL.

Several nodes over one PostgreSQL store each keep their own embedded index
(``PALAIS_SEARCH=embedded``) and follow the store's change records; a single
node without local disk keeps the index in the store (``postgres``)."""

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
    in that database, whose tables it creates when absent. Settings whose
    ``search`` is ``embedded`` open the embedded index whatever the store.
    """
    if isinstance(settings, str):
        url = settings
        embedded = False
    else:
        url = settings.database_url
        data_dir = data_dir or Path(settings.data_dir)
        # Settings always have ``search``; a bare value with a URL and a folder may not.
        embedded = getattr(settings, "search", "") == "embedded"
    scheme = url.split(":", 1)[0].split("+", 1)[0].lower()
    if scheme == "sqlite" or embedded:
        if data_dir is None:
            raise InvalidInput("the embedded search index needs a data directory")
        from palais.search.embedded import TantivyIndex

        return TantivyIndex(Path(data_dir) / "search")
    if scheme in ("postgresql", "postgres"):
        from palais.search.postgres import PostgresIndex

        return PostgresIndex(url)
    raise InvalidInput("no search engine for database URL scheme %(scheme)r", scheme=scheme)
