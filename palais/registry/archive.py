"""The public archive: issued documents, their files, the change records that say
what the public sees, and the back catalogue put into it.

Whole-archive reads (exports, feeds, the search index) go page by page with a
fixed number of queries per page (:mod:`palais.store.archive`), so reading an
archive of any size is linear in its size.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator, Sequence
from functools import partial
from typing import Any

from palais.errors import NotFound
from palais.languages import Language
from palais.model import Format
from palais.registry import rows
from palais.registry.base import StoreAccess
from palais.registry.values import (
    Actor,
    IssuedDocument,
    Publication,
    PublicChanges,
    State,
    StoredFile,
)
from palais.store import Connection, archive, changes
from palais.symbols import Symbol

PAGE = 500


def issued_values(connection: Connection, found: Sequence[Any]) -> list[IssuedDocument]:
    """The public values of a page of issued rows: three queries for the whole page."""
    ids = [row.id for row in found]
    files = archive.manifestations_of(connection, ids)
    versions = archive.versions_of(connection, ids)
    titles = archive.titles_of(connection, ids)
    originals = archive.symbols_of(
        connection, sorted({row.parent_id for row in found if row.parent_id is not None})
    )
    return [
        rows.issued_of(
            row, files[row.id], versions[row.id], originals.get(row.parent_id), titles[row.id]
        )
        for row in found
    ]


class ArchiveReads(StoreAccess):
    """What anyone may read, and the back catalogue's way in."""

    def document(self, symbol: Symbol | str, actor: Actor | None = None) -> IssuedDocument:
        """An issued document by symbol; anything not issued is NotFound, for everyone."""
        symbol = symbol if isinstance(symbol, Symbol) else Symbol.parse(symbol)

        def work(connection: Connection) -> IssuedDocument:
            row = archive.issued_by_symbol(connection, str(symbol))
            if row is None:
                raise NotFound("no issued document %(symbol)s", symbol=symbol)
            return issued_values(connection, [row])[0]

        return self._public_read(work, actor)

    def manifestation(
        self, symbol: Symbol | str, language: Language, fmt: Format, actor: Actor | None = None
    ) -> StoredFile:
        """The bytes of one issued language version in one format."""
        issued = self.document(symbol, actor)
        for ref in issued.manifestations:
            if ref.language is language and ref.format is fmt:
                data = self.blobs.get(ref.sha256)
                return StoredFile(ref.sha256, ref.size, fmt.media_type, data)
        raise NotFound(
            "%(symbol)s has no %(value)s version in %(value2)s",
            symbol=issued.symbol, value=language.value, value2=fmt.value,
        )

    def recently_issued(
        self, limit: int = 50, session: int | None = None, actor: Actor | None = None
    ) -> builtins.list[IssuedDocument]:
        """The ``limit`` most recently issued documents, newest first (for a signed-in
        ``actor`` from the primary: an officer's home page lists what they just issued)."""
        return self._public_read(
            lambda c: issued_values(c, archive.newest_issued(c, limit, session)), actor
        )

    def archive(
        self, session: int | None = None, page: int = PAGE
    ) -> Iterator[IssuedDocument]:
        """Every issued document (of ``session``), in the order they entered the store,
        read a page at a time."""
        for _position, issued in self.archive_after(0, session=session, page=page):
            yield issued

    def archive_after(
        self, after: int, *, session: int | None = None, page: int = PAGE
    ) -> Iterator[tuple[int, IssuedDocument]]:
        """The issued documents that entered the store after position ``after``, each with
        its own position: a reader that stops (a harvester between two pages) goes on
        from the last position it saw, without reading what came before it again."""
        def read(
            connection: Connection, last: int
        ) -> tuple[list[tuple[int, IssuedDocument]], int]:
            found = archive.issued_page(connection, last, page, session)
            values = issued_values(connection, found)
            return list(zip((row.id for row in found), values, strict=True)), (
                found[-1].id if found else last
            )

        yield from self._pages(read, self._public_read, after)

    def _pages(self, read: Any, transaction: Any = None, after: int = 0) -> Iterator[Any]:
        """The items of ``read(connection, after) -> (items, last id)``, a page per read
        transaction (``transaction``, the primary's by default), until a page is empty."""
        transaction = transaction or self._read
        while True:
            items, after = transaction(partial(_call_with, read, after))
            if not items:
                return
            yield from items

    # -- what the search index follows ------------------------------------------------

    def store_id(self) -> str:
        """The identity of this store (an index made from another is rebuilt)."""
        return self._read(changes.store_id)

    def latest_change(self) -> int:
        """The position of the newest change record (0: none yet)."""
        return self._read(changes.latest)

    def public_changes(self, position: int, limit: int = PAGE) -> PublicChanges:
        """What the public sees now of the documents changed after ``position``."""

        def work(connection: Connection) -> PublicChanges:
            found = changes.after(connection, position, limit)
            if not found:
                return PublicChanges(position, ())
            ids = sorted({sid for _, sid in found})
            return PublicChanges(found[-1][0], tuple(_publications(connection, ids)))

        return self._read(work)

    def publications(self, page: int = PAGE) -> Iterator[Publication]:
        """Every issued document with its printed texts, a page at a time."""
        def read(connection: Connection, after: int) -> tuple[list[Publication], int]:
            ids = [row.id for row in archive.issued_page(connection, after, page)]
            return list(_publications(connection, ids)), (ids[-1] if ids else after)

        yield from self._pages(read)


def _publications(connection: Connection, ids: Sequence[int]) -> Iterator[Publication]:
    found = archive.by_ids(connection, ids)
    texts, titles = archive.printed_of(connection, ids)
    for sid in ids:
        row = found[sid]
        issued = row.state == State.ISSUED.value and row.symbol is not None
        yield Publication(
            sid, row.symbol or "", rows.document_of(row) if issued else None,
            rows.texts_of(texts.get(sid, {})) if issued else {},
            rows.texts_of(titles.get(sid, {})) if issued else {},
        )


def _call_with(read: Any, after: int, connection: Connection) -> Any:
    return read(connection, after)


