"""The translation memory's rows: written when a document is issued, read while it stays so.

Every lookup joins the submission and keeps only those whose state is
``issued`` now, so a withdrawn document's passages stop being suggested in
the transaction that withdraws it, with nothing to delete or to rebuild: the
memory never disagrees with the archive. Exact matches are one lookup on
(language, digest); fuzzy candidates one lookup on the band keys, ranked by
how many keys they share (:mod:`palais.compose.memory`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Row, func, insert, select
from sqlalchemy.orm import aliased

from palais.store.tables import memory_keys, memory_segments, submissions

if TYPE_CHECKING:
    from palais.compose.memory import Segment

ISSUED = "issued"
CANDIDATES_PER_SUGGESTION = 4
"""Fuzzy candidates read per suggestion wanted: most are kept, some scored too low."""


def remember(connection: Connection, submission_id: int, found: Sequence[Segment]) -> None:
    """Keep the segments of one issued submission, with their band keys."""
    for segment in found:
        segment_id = connection.execute(
            insert(memory_segments).values(
                submission_id=submission_id, passage=segment.passage,
                language=segment.language.value, text=segment.text, digest=segment.digest,
            ).returning(memory_segments.c.id)
        ).scalar_one()
        if segment.keys:
            connection.execute(
                insert(memory_keys),
                [{"key": key, "segment_id": segment_id} for key in sorted(set(segment.keys))],
            )


def matches(
    connection: Connection, source: str, target: str, digest: str, keys: Sequence[int],
    limit: int,
) -> list[Row[Any]]:
    """Issued segments in ``source`` with the same digest or sharing band keys with the
    text looked up, each with the same passage's ``target`` text and the document's
    symbol: exact matches first, then by keys shared, newest first."""
    exact = select(memory_segments.c.id).where(
        (memory_segments.c.language == source) & (memory_segments.c.digest == digest)
    ).limit(limit)
    ranked = {row.id: len(keys) + 1 for row in connection.execute(exact)}
    if keys:
        shared = (
            select(memory_keys.c.segment_id, func.count().label("shared"))
            .where(memory_keys.c.key.in_(sorted(set(keys))))
            .group_by(memory_keys.c.segment_id)
            .order_by(func.count().desc())
            .limit(CANDIDATES_PER_SUGGESTION * limit)
        )
        for segment_id, count in connection.execute(shared):
            ranked.setdefault(segment_id, int(count))
    if not ranked:
        return []
    hit = aliased(memory_segments, name="hit")
    other = aliased(memory_segments, name="other")
    query = (
        select(
            hit.c.id, hit.c.digest, hit.c.text.label("source_text"),
            other.c.text.label("target_text"), submissions.c.symbol, submissions.c.issued_at,
        )
        .select_from(hit)
        .join(other, (other.c.submission_id == hit.c.submission_id)
              & (other.c.passage == hit.c.passage) & (other.c.language == target))
        .join(submissions, submissions.c.id == hit.c.submission_id)
        .where(hit.c.id.in_(sorted(ranked)) & (hit.c.language == source)
               & (submissions.c.state == ISSUED))
    )
    found: list[Row[Any]] = list(connection.execute(query))
    found.sort(key=lambda r: (-ranked[r.id], -(r.issued_at.timestamp() if r.issued_at else 0)))
    return found
