"""Reading the archive in pages: a bounded number of queries per page, whatever its size.

The public archive (exports, feeds, the search index's rebuild) reads every
issued document. Reading each with queries of its own would cost a round trip
per document per relation; instead a page of documents is read in one query
and each relation of the whole page in one more (``IN`` over the page's ids,
on indexed columns), so the cost grows with the archive, linearly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, delete, insert, select

from palais.store.tables import manifestations, submissions, version_texts

ISSUED = "issued"


def issued_page(
    connection: Connection, after_id: int, limit: int, session: int | None = None
) -> Sequence[Row[Any]]:
    """Up to ``limit`` issued submissions with an id above ``after_id``, in id order."""
    condition = (submissions.c.state == ISSUED) & (submissions.c.id > after_id)
    if session is not None:
        condition = condition & (submissions.c.session == session)
    query = select(submissions).where(condition).order_by(submissions.c.id).limit(limit)
    return list(connection.execute(query))


def issued_by_symbol(connection: Connection, symbol: str) -> Row[Any] | None:
    query = select(submissions).where(
        (submissions.c.symbol == symbol) & (submissions.c.state == ISSUED)
    )
    return connection.execute(query).first()


def newest_issued(
    connection: Connection, limit: int, session: int | None = None
) -> Sequence[Row[Any]]:
    """The ``limit`` most recently issued submissions, newest first."""
    condition = submissions.c.state == ISSUED
    if session is not None:
        condition = condition & (submissions.c.session == session)
    query = (
        select(submissions).where(condition)
        .order_by(submissions.c.issued_at.desc(), submissions.c.id.desc()).limit(limit)
    )
    return list(connection.execute(query))


def by_ids(connection: Connection, ids: Sequence[int]) -> dict[int, Row[Any]]:
    """The submissions of ``ids`` (whatever their state), by id."""
    if not ids:
        return {}
    query = select(submissions).where(submissions.c.id.in_(ids))
    return {row.id: row for row in connection.execute(query)}


def manifestations_of(connection: Connection, ids: Sequence[int]) -> dict[int, list[Row[Any]]]:
    """The stored files of each submission of ``ids``."""
    found: dict[int, list[Row[Any]]] = defaultdict(list)
    if ids:
        query = select(manifestations).where(manifestations.c.submission_id.in_(ids))
        for row in connection.execute(query):
            found[row.submission_id].append(row)
    return found


def versions_of(connection: Connection, ids: Sequence[int]) -> dict[int, list[str]]:
    """The symbols of the issued corrigenda, revisions and addenda of each of ``ids``."""
    found: dict[int, list[str]] = defaultdict(list)
    if ids:
        query = (
            select(submissions.c.parent_id, submissions.c.symbol)
            .where(submissions.c.parent_id.in_(ids) & (submissions.c.state == ISSUED))
            .order_by(submissions.c.id)
        )
        for parent_id, symbol in connection.execute(query):
            found[parent_id].append(symbol)
    return found


def symbols_of(connection: Connection, ids: Sequence[int]) -> dict[int, str]:
    """The symbol of each submission of ``ids`` (the originals of versions)."""
    if not ids:
        return {}
    query = select(submissions.c.id, submissions.c.symbol).where(submissions.c.id.in_(ids))
    return {sid: symbol for sid, symbol in connection.execute(query)}


def printed_of(
    connection: Connection, ids: Sequence[int]
) -> tuple[dict[int, dict[str, str]], dict[int, dict[str, str]]]:
    """The printed text and the title of each language version of each of ``ids``."""
    texts: dict[int, dict[str, str]] = defaultdict(dict)
    titles: dict[int, dict[str, str]] = defaultdict(dict)
    if ids:
        query = select(version_texts).where(version_texts.c.submission_id.in_(ids))
        for row in connection.execute(query):
            texts[row.submission_id][row.language] = row.text
            if row.title:
                titles[row.submission_id][row.language] = row.title
    return texts, titles


def titles_of(connection: Connection, ids: Sequence[int]) -> dict[int, dict[str, str]]:
    """The title each language version of each of ``ids`` prints (the texts left unread)."""
    found: dict[int, dict[str, str]] = defaultdict(dict)
    if ids:
        columns = version_texts.c
        query = select(columns.submission_id, columns.language, columns.title).where(
            columns.submission_id.in_(ids) & columns.title.is_not(None)
        )
        for sid, language, title in connection.execute(query):
            found[sid][language] = title
    return found


def add_files(
    connection: Connection, submission_id: int, files: Sequence[tuple[str, str, str, int]]
) -> None:
    """Record the stored files (language, format, sha256, size) of one submission."""
    if files:
        connection.execute(
            insert(manifestations),
            [
                {"submission_id": submission_id, "language": lang, "format": fmt,
                 "sha256": sha, "size": size}
                for lang, fmt, sha, size in files
            ],
        )


def remove_files(connection: Connection, submission_id: int) -> None:
    """Forget the files and texts of one submission (a reissue records new ones)."""
    for table in (manifestations, version_texts):
        connection.execute(delete(table).where(table.c.submission_id == submission_id))


def add_texts(
    connection: Connection,
    submission_id: int,
    texts: dict[str, str],
    titles: dict[str, str] | None = None,
) -> None:
    """Record the printed text and title of each language version of one submission."""
    if texts:
        connection.execute(
            insert(version_texts),
            [
                {"submission_id": submission_id, "language": k, "text": v,
                 "title": (titles or {}).get(k)}
                for k, v in texts.items()
            ],
        )


def add_rows(
    connection: Connection, files: Sequence[dict[str, Any]], texts: Sequence[dict[str, Any]]
) -> None:
    """Record the files and texts of several submissions (rows of the two tables)."""
    if files:
        connection.execute(insert(manifestations).values(list(files)))
    if texts:
        connection.execute(insert(version_texts).values(list(texts)))
