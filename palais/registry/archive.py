"""The public archive: issued documents, their files, the change records that say
what the public sees, and the back catalogue put into it.

Whole-archive reads (exports, feeds, the search index) go page by page with a
fixed number of queries per page (:mod:`palais.store.archive`), so reading an
archive of any size is linear in its size.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, time
from functools import partial
from typing import Any

from palais.errors import NotFound
from palais.languages import Language
from palais.model import Format
from palais.registry import numbering, rows, workflow
from palais.registry.base import StoreAccess
from palais.registry.values import (
    Actor,
    Imported,
    IssuedDocument,
    Legacy,
    Publication,
    PublicChanges,
    State,
    StoredFile,
)
from palais.store import Connection, archive, changes, submissions
from palais.symbols import Symbol

PAGE = 500


def issued_values(connection: Connection, found: Sequence[Any]) -> list[IssuedDocument]:
    """The public values of a page of issued rows: three queries for the whole page."""
    ids = [row.id for row in found]
    files = archive.manifestations_of(connection, ids)
    versions = archive.versions_of(connection, ids)
    originals = archive.symbols_of(
        connection, sorted({row.parent_id for row in found if row.parent_id is not None})
    )
    return [
        rows.issued_of(row, files[row.id], versions[row.id], originals.get(row.parent_id))
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
                raise NotFound(f"no issued document {symbol}")
            return issued_values(connection, [row])[0]

        return self._read(work)

    def manifestation(
        self, symbol: Symbol | str, language: Language, fmt: Format, actor: Actor | None = None
    ) -> StoredFile:
        """The bytes of one issued language version in one format."""
        issued = self.document(symbol, actor)
        for ref in issued.manifestations:
            if ref.language is language and ref.format is fmt:
                data = self.blobs.get(ref.sha256)
                return StoredFile(ref.sha256, ref.size, fmt.media_type, data)
        raise NotFound(f"{issued.symbol} has no {language.value} version in {fmt.value}")

    def recently_issued(
        self, limit: int = 50, session: int | None = None
    ) -> builtins.list[IssuedDocument]:
        """The ``limit`` most recently issued documents, newest first."""
        return self._read(
            lambda c: issued_values(c, archive.newest_issued(c, limit, session))
        )

    def archive(
        self, session: int | None = None, page: int = PAGE
    ) -> Iterator[IssuedDocument]:
        """Every issued document (of ``session``), in the order they entered the store,
        read a page at a time."""
        def read(connection: Connection, after: int) -> tuple[list[IssuedDocument], int]:
            found = archive.issued_page(connection, after, page, session)
            return issued_values(connection, found), (found[-1].id if found else after)

        yield from self._pages(read)

    def _pages(self, read: Any) -> Iterator[Any]:
        """The items of ``read(connection, after) -> (items, last id)``, a page per read
        transaction, until a page is empty."""
        after = 0
        while True:
            items, after = self._read(partial(_call_with, read, after))
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

    # -- the back catalogue -------------------------------------------------------------

    def import_documents(
        self, actor: Actor, documents: Sequence[Legacy]
    ) -> builtins.list[Imported]:
        """Put documents issued before palais held them into the archive, in one
        transaction: each under the symbol printed on it, issued on its date, with
        its file as received (not recomposed) and its text searchable.

        The same file imported again adds nothing (it answers ``already``); a
        document that cannot go in (no symbol printed, a symbol held by another
        document) is reported and the others go in.
        """
        workflow.check("import", actor)
        ready: list[tuple[Legacy, Symbol, str]] = []
        outcomes: dict[int, Imported] = {}
        for k, item in enumerate(documents):
            symbol = item.document.symbol
            if symbol is None:
                outcomes[k] = Imported(item.filename, None, error="no symbol could be read")
                continue
            if (item.document.language or item.document.original_language) is None:
                outcomes[k] = Imported(item.filename, None, error="no language could be read")
                continue
            ready.append((item, symbol, self.blobs.put(item.data)))

        def work(connection: Connection) -> builtins.list[Imported]:
            done = dict(outcomes)
            known = submissions.issued_with_source(connection, [sha for _, _, sha in ready])
            taken = submissions.holders(connection, "symbol", [str(s) for _, s, _ in ready])
            at = rows.now()
            added: list[int] = []
            positions = {id(item): k for k, item in enumerate(documents)}
            for item, symbol, sha in ready:
                k = positions[id(item)]
                if sha in known:
                    done[k] = Imported(item.filename, known[sha], already=True)
                    continue
                if str(symbol) in taken:
                    done[k] = Imported(
                        item.filename, None,
                        error=f"{symbol} is already in the archive from another file",
                    )
                    continue
                sid, warnings = _import_one(connection, actor, item, symbol, sha, at)
                taken[str(symbol)] = sid
                known[sha] = str(symbol)
                added.append(sid)
                done[k] = Imported(item.filename, str(symbol), warnings=warnings)
            changes.record(connection, added, "import", at)
            return [done[k] for k in range(len(documents))]

        return self._write(work)


def _import_one(
    connection: Connection, actor: Actor, item: Legacy, symbol: Symbol, sha256: str,
    at: datetime,
) -> tuple[int, tuple[str, ...]]:
    document = item.document
    # The file is one language version: the one its text is in (a Spanish version
    # says "Original: inglés", and is still the Spanish version).
    language = document.language or document.original_language
    assert language is not None, "checked before the transaction"
    issued_at = (
        datetime.combine(document.doc_date, time(), tzinfo=UTC) if document.doc_date else at
    )
    columns = rows.document_columns(document)
    job_number = columns.pop("job_number")
    sid = submissions.insert_submission(
        connection, state=State.ISSUED.value, mission=_sender(document),
        submitted_by=actor.username, received_at=at, updated_at=at, filename=item.filename,
        media_type=item.format.media_type, source_sha256=sha256, issued_at=issued_at,
        **columns,
    )
    warnings: tuple[str, ...] = ()
    numbering.reserve_printed_symbol(connection, symbol, sid, at)
    if symbol.modifiers:
        parent = submissions.holders(connection, "symbol", [str(symbol.base)])
        if parent:
            submissions.set_values(connection, sid, parent_id=parent[str(symbol.base)])
    if job_number and numbering.reserve_job_number(connection, job_number, sid, at):
        submissions.set_values(connection, sid, job_number=job_number)
    elif job_number:
        warnings = (f"job number {job_number} is already given; not kept",)
    archive.add_files(
        connection, sid, [(language.value, item.format.value, sha256, len(item.data))]
    )
    archive.add_texts(connection, sid, {language.value: item.text})
    submissions.log(
        connection, sid, actor.username, "import", None,
        {"state": State.ISSUED.value, "symbol": str(symbol), "file": item.filename,
         "sha256": sha256}, at,
    )
    return sid, warnings


def _publications(connection: Connection, ids: Sequence[int]) -> Iterator[Publication]:
    found = archive.by_ids(connection, ids)
    texts = archive.texts_of(connection, ids)
    for sid in ids:
        row = found[sid]
        issued = row.state == State.ISSUED.value and row.symbol is not None
        yield Publication(
            sid, row.symbol or "", rows.document_of(row) if issued else None,
            rows.texts_of(texts.get(sid, {})) if issued else {},
        )


def _call_with(read: Any, after: int, connection: Connection) -> Any:
    return read(connection, after)


def _sender(document: Any) -> str | None:
    return document.sender.iso3 if document.sender else None
