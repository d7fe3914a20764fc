"""The back catalogue: documents issued before palais held them, into the archive.

Each goes in as a document issued in the past: under the symbol printed on it,
on the date printed on it, with its file as received (not recomposed) and its
text searchable, and with a change record so the search index takes it in. An
archive of a hundred thousand such documents is imported in batches, so a
batch is written with a fixed number of statements plus one per document.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import UTC, datetime, time

from palais.registry import numbering, rows, workflow
from palais.registry.base import StoreAccess
from palais.registry.values import Actor, Imported, Legacy, State
from palais.store import Connection, allocations, archive, changes, submissions
from palais.symbols import Symbol


class BackCatalogue(StoreAccess):
    """Importing earlier documents (the secretariat only)."""

    def import_documents(
        self, actor: Actor, documents: Sequence[Legacy]
    ) -> builtins.list[Imported]:
        """Put documents issued before palais held them into the archive, in one
        transaction.

        The same file imported again adds nothing (it answers ``already``); a
        document that cannot go in (no symbol or language could be read, a symbol
        held by another document) is reported and the others go in. The files are
        stored before the transaction: content-addressed, a file kept by a batch that
        then failed is the one a retry of that batch uses.
        """
        workflow.check("import", actor)
        outcomes: dict[int, Imported] = {}
        accepted: list[tuple[int, Legacy, Symbol]] = []
        for k, item in enumerate(documents):
            symbol = item.document.symbol
            if symbol is None:
                outcomes[k] = Imported(item.filename, None, error="no symbol could be read")
            elif (item.document.language or item.document.original_language) is None:
                outcomes[k] = Imported(item.filename, None, error="no language could be read")
            else:
                accepted.append((k, item, symbol))
        stored = self.blobs.put_many([item.data for _, item, _ in accepted])

        def work(connection: Connection) -> builtins.list[Imported]:
            done = dict(outcomes)
            done.update(_import(connection, actor, accepted, stored, rows.now()))
            return [done[k] for k in range(len(documents))]

        return self._write(work)


def _import(
    connection: Connection,
    actor: Actor,
    accepted: Sequence[tuple[int, Legacy, Symbol]],
    stored: Sequence[str],
    at: datetime,
) -> dict[int, Imported]:
    done: dict[int, Imported] = {}
    known = submissions.issued_with_source(connection, list(stored))
    taken = submissions.holders(connection, "symbol", [str(s) for _, _, s in accepted])
    parents = submissions.holders(
        connection, "symbol", [str(s.base) for _, _, s in accepted if s.modifiers]
    )
    numbers = {k: numbering.printed_series(s) for k, _, s in accepted}
    jobs = {k: numbering.job_series(item.document.job_number) for k, item, _ in accepted}
    held = allocations.held(
        connection, [p for p in (*numbers.values(), *jobs.values()) if p is not None]
    )
    going: list[tuple[int, Legacy, Symbol, str, bool]] = []
    for (k, item, symbol), sha in zip(accepted, stored, strict=True):
        if sha in known:
            done[k] = Imported(item.filename, known[sha], already=True)
            continue
        number, job = numbers[k], jobs[k]
        if str(symbol) in taken or (number is not None and number in held):
            done[k] = Imported(
                item.filename, None, error=f"{symbol} is already in the archive from another file"
            )
            continue
        keep_job = job is not None and job not in held
        held.update(p for p in (number, job if keep_job else None) if p is not None)
        taken[str(symbol)] = 0  # a later file of the batch sees both
        known[sha] = str(symbol)
        going.append((k, item, symbol, sha, keep_job))
        warned = () if keep_job or job is None else (
            f"job number {item.document.job_number} is already given; not kept",
        )
        done[k] = Imported(item.filename, str(symbol), warnings=warned)
    ids = submissions.insert_many(
        connection, [_columns(actor, item, sha, at, keep) for _, item, _, sha, keep in going]
    )
    _link_versions(connection, going, ids, parents)
    given, files, texts, entries = [], [], [], []
    for (k, item, symbol, sha, keep_job), sid in zip(going, ids, strict=True):
        for pair in (numbers[k], jobs[k] if keep_job else None):
            if pair is not None:
                given.append({"series": pair[0], "number": pair[1], "submission_id": sid,
                              "allocated_at": at})
        language = _language(item)
        files.append({"submission_id": sid, "language": language,
                      "format": item.format.value, "sha256": sha, "size": len(item.data)})
        texts.append({"submission_id": sid, "language": language, "text": item.text,
                      "title": item.document.title})
        entries.append((sid, {"state": State.ISSUED.value, "symbol": str(symbol),
                              "file": item.filename, "sha256": sha}))
    allocations.take_many(connection, given)
    archive.add_rows(connection, files, texts)
    submissions.log_many(connection, actor.username, "import", entries, at)
    changes.record(connection, ids, "import", at)
    return done


def _link_versions(
    connection: Connection,
    going: Sequence[tuple[int, Legacy, Symbol, str, bool]],
    ids: Sequence[int],
    parents: dict[str, int],
) -> None:
    """A corrigendum, revision or addendum points to its original when the archive holds
    it (imported before, or in the same batch)."""
    batch = {str(symbol): sid for (_, _, symbol, _, _), sid in zip(going, ids, strict=True)}
    for (_, _, symbol, _, _), sid in zip(going, ids, strict=True):
        if symbol.modifiers:
            parent = parents.get(str(symbol.base)) or batch.get(str(symbol.base))
            if parent is not None:
                submissions.set_values(connection, sid, parent_id=parent)


def _language(item: Legacy) -> str:
    """The file is one language version: the one its text is in (a Spanish version says
    "Original: inglés", and is still the Spanish version)."""
    language = item.document.language or item.document.original_language
    assert language is not None, "checked before the transaction"
    return language.value


def _columns(
    actor: Actor, item: Legacy, sha256: str, at: datetime, keep_job: bool
) -> dict[str, object]:
    """The submission row of one document issued in the past."""
    document = item.document
    issued_at = (
        datetime.combine(document.doc_date, time(), tzinfo=UTC) if document.doc_date else at
    )
    columns = rows.document_columns(document)
    if not keep_job:
        columns["job_number"] = None
    return {
        **columns, "state": State.ISSUED.value,
        "mission": document.sender.iso3 if document.sender else None,
        "submitted_by": actor.username, "received_at": at, "updated_at": at,
        "filename": item.filename, "media_type": item.format.media_type,
        "source_sha256": sha256, "issued_at": issued_at, "duplicate_of": "[]",
    }
