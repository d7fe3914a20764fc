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
    files, texts, entries, given, added = [], [], [], [], []
    for (k, item, symbol), sha in zip(accepted, stored, strict=True):
        if sha in known:
            done[k] = Imported(item.filename, known[sha], already=True)
            continue
        number = numbers[k]
        if str(symbol) in taken or (number is not None and number in held):
            done[k] = Imported(
                item.filename, None, error=f"{symbol} is already in the archive from another file"
            )
            continue
        job = jobs[k]
        keep_job = job is not None and job not in held
        base = str(symbol.base) if symbol.modifiers else None
        parent = (parents.get(base) or taken.get(base)) if base else None
        sid = _insert(connection, actor, item, sha, at, keep_job, parent)
        taken[str(symbol)] = sid  # a later file of the batch sees both
        known[sha] = str(symbol)
        for pair in (number, job if keep_job else None):
            if pair is not None:
                held.add(pair)
                given.append({"series": pair[0], "number": pair[1], "submission_id": sid,
                              "allocated_at": at})
        language = _language(item)
        files.append({"submission_id": sid, "language": language,
                      "format": item.format.value, "sha256": sha, "size": len(item.data)})
        texts.append({"submission_id": sid, "language": language, "text": item.text,
                      "title": item.document.title})
        entries.append((sid, {"state": State.ISSUED.value, "symbol": str(symbol),
                              "file": item.filename, "sha256": sha}))
        added.append(sid)
        warned = () if keep_job or job is None else (
            f"job number {item.document.job_number} is already given; not kept",
        )
        done[k] = Imported(item.filename, str(symbol), warnings=warned)
    allocations.take_many(connection, given)
    archive.add_rows(connection, files, texts)
    submissions.log_many(connection, actor.username, "import", entries, at)
    changes.record(connection, added, "import", at)
    return done


def _language(item: Legacy) -> str:
    """The file is one language version: the one its text is in (a Spanish version says
    "Original: inglés", and is still the Spanish version)."""
    language = item.document.language or item.document.original_language
    assert language is not None, "checked before the transaction"
    return language.value


def _insert(
    connection: Connection, actor: Actor, item: Legacy, sha256: str, at: datetime,
    keep_job: bool, parent: int | None,
) -> int:
    document = item.document
    issued_at = (
        datetime.combine(document.doc_date, time(), tzinfo=UTC) if document.doc_date else at
    )
    columns = rows.document_columns(document)
    if not keep_job:
        columns["job_number"] = None
    return submissions.insert_submission(
        connection, state=State.ISSUED.value,
        mission=document.sender.iso3 if document.sender else None,
        submitted_by=actor.username, received_at=at, updated_at=at, filename=item.filename,
        media_type=item.format.media_type, source_sha256=sha256, issued_at=issued_at,
        parent_id=parent, **columns,
    )
