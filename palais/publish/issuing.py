"""Issuing a document: the moment a registered submission becomes public.

Issuing is all or nothing. Every language version is composed and rendered in
every format *before* the registry is touched, because composition is where
things fail (a missing translation, a template error); only then, inside one
transaction of the registry, is the submission marked issued and each
manifestation stored. A failure at any point therefore leaves the submission
registered and unchanged, never issued with some files missing. The search
index, a derived structure that can be rebuilt from the store, is updated
last, after the commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from palais.compose import compose, missing_translations, render
from palais.errors import Conflict, MissingTranslation
from palais.languages import ALL, Language
from palais.model import Document, Format
from palais.registry import Actor, Registry


class SearchIndex(Protocol):
    def add(self, doc: Any) -> None: ...


@dataclass(frozen=True, slots=True)
class Rendered:
    language: Language
    format: Format
    data: bytes


def render_all(doc: Document, issue_date: date) -> list[Rendered]:
    """The 6 languages x 4 formats of ``doc``; raises before anything is stored."""
    missing = missing_translations(doc)
    if any(missing.values()):
        raise MissingTranslation({lang.value: p for lang, p in missing.items() if p})
    if doc.symbol is None:
        raise Conflict("a document is registered (given a symbol) before it is issued")
    out: list[Rendered] = []
    for lang in ALL:
        version = compose(
            doc, lang, symbol=doc.symbol, job_number=doc.job_number, issue_date=issue_date
        )
        out.extend(Rendered(lang, fmt, render(version, fmt)) for fmt in Format)
    return out


def issue_document(
    registry: Registry,
    actor: Actor,
    submission_id: int,
    *,
    index: SearchIndex | None = None,
    today: date | None = None,
) -> Any:
    """Check readiness, compose everything, then issue and attach in one transaction."""
    submission = registry.get(actor, submission_id)
    registry.check_can_issue(actor, submission)
    rendered = render_all(submission.document, today or date.today())
    with registry.transaction():
        issued = registry.issue(actor, submission_id)
        for item in rendered:
            registry.attach_manifestation(
                actor, submission_id, item.language, item.format, item.data
            )
    if index is not None:
        index.add(issued.document)
    return issued
