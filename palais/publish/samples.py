"""Putting the bundled sample documents into an archive, through the real workflow.

The samples go in the way any note verbale does (submitted, registered, issued
in six languages by :func:`palais.publish.issuing.issue_document`), so an archive made for a
demonstration holds nothing a real one could not. A sample issued before
under a known symbol keeps it, as any document of the back catalogue does;
one without gets the next number of its series. Running it again adds only
the samples the archive lacks: a sample is recognised by its sender, date and
title, the same fields the registry uses to flag a duplicate submission.
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
from palais.registry import Actor, IssuedDocument, Registry


@dataclass(frozen=True, slots=True)
class Placed:
    """One sample and what the archive holds for it; ``added`` is False when it was there."""

    issued: IssuedDocument
    added: bool


def _identity(doc: Document) -> tuple[object, ...]:
    return (doc.sender.iso3 if doc.sender else None, doc.doc_date, doc.title)


def issue_samples(
    registry: Registry, officer: Actor, *, follower: IndexFollower | None = None,
    today: date | None = None,
) -> Iterator[Placed]:
    """Each bundled sample as issued in the archive, issuing those not yet there."""
    present = {_identity(d.document): d for d in registry.archive()}
    for doc in samples.load():
        found = present.get(_identity(doc))
        if found is not None:
            yield Placed(found, added=False)
            continue
        submission = registry.submit_record(officer, to_record(doc))
        registry.register(officer, submission.id, symbol=doc.symbol)
        yield Placed(issue_document(
            registry, officer, submission.id, follower=follower, today=today),
                     added=True)
