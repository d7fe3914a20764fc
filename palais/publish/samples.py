"""Putting the bundled sample documents into an archive, through the real workflow.

The samples go in the way any note verbale does (submitted, registered, issued
in six languages by :func:`palais.publish.issuing.issue_document`), so an archive made for a
demonstration holds nothing a real one could not. A sample issued before
under a known symbol keeps it, as any document of the back catalogue does;
one without gets the next number of its series. Running it again adds only
the samples the archive lacks: a sample is recognised by its sender, date and
title, the same fields the registry uses to flag a duplicate submission. A
sample the archive withdrew stays withdrawn: it is reported, not issued again
(its symbol is the withdrawn document's and is never given twice).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from palais import samples
from palais.model import Document
from palais.publish.following import IndexFollower
from palais.publish.issuing import issue_document
from palais.records import to_record
from palais.registry import Actor, IssuedDocument, Registry, State


@dataclass(frozen=True, slots=True)
class Placed:
    """One sample and what the archive holds for it; ``added`` is False when it was there.

    ``issued`` is None for a sample the archive withdrew; ``symbol`` is its symbol either way.
    """

    symbol: str
    issued: IssuedDocument | None
    added: bool


def _identity(doc: Document) -> tuple[object, ...]:
    return (doc.sender.iso3 if doc.sender else None, doc.doc_date, doc.title)


def issue_samples(
    registry: Registry, officer: Actor, *, follower: IndexFollower | None = None,
    today: date | None = None,
) -> Iterator[Placed]:
    """Each bundled sample as issued in the archive, issuing those not yet there."""
    present = {_identity(d.document): d for d in registry.archive()}
    withdrawn_items, _ = registry.list(officer, state=State.WITHDRAWN, limit=None)
    withdrawn = {_identity(s.document): s for s in withdrawn_items}
    for doc in samples.load():
        found = present.get(_identity(doc))
        if found is not None:
            yield Placed(str(found.symbol), found, added=False)
            continue
        gone = withdrawn.get(_identity(doc))
        if gone is not None:
            yield Placed(str(gone.document.symbol or doc.symbol), None, added=False)
            continue
        submission = registry.submit_record(officer, to_record(doc))
        registry.register(officer, submission.id, symbol=doc.symbol)
        issued = issue_document(registry, officer, submission.id, follower=follower, today=today)
        yield Placed(str(issued.symbol), issued, added=True)
