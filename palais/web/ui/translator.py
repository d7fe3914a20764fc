"""A translator's page: passages awaiting their languages, beside the original.

A passage is free text of a cover (what an annex is about, say) that a person
must translate; composition lists, per language, the passages still missing
(:func:`palais.compose.missing_translations`). The original shown beside the
field is the passage in the cover's language, as the mission wrote it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais.compose import missing_translations
from palais.compose import passages as free_text_passages
from palais.languages import ALL, Language
from palais.web.ui.access import TRANSLATOR, require
from palais.web.ui.rendering import render

router = APIRouter(prefix="/translator")

Translator = Annotated[Any, Depends(require(TRANSLATOR))]

QUEUE_LENGTH = 200


@dataclass(frozen=True, slots=True)
class Awaiting:
    """One passage of one submission awaiting one language."""

    submission_id: int
    symbol: str | None
    passage: str
    original: str
    source_language: Language | None
    language: Language


@router.get("")
def passages(request: Request, actor: Translator) -> Response:
    items, _total = request.app.state.registry.list(
        actor, state=None, offset=0, limit=QUEUE_LENGTH
    )
    languages = frozenset(getattr(actor, "languages", None) or ALL)
    awaiting = list(awaiting_passages(items, languages))
    return render(request, "translator/queue.html", {"awaiting": awaiting})


def awaiting_passages(
    submissions: Iterable[Any], languages: frozenset[Language]
) -> Iterator[Awaiting]:
    """The passages of ``submissions`` that lack a translation into one of ``languages``."""
    for item in submissions:
        doc = item.document
        originals = {p.key: p.original for p in free_text_passages(doc)}
        for language, names in missing_translations(doc).items():
            if language not in languages:
                continue
            for name in names:
                yield Awaiting(
                    item.id,
                    str(doc.symbol) if doc.symbol else None,
                    name,
                    originals[name],
                    doc.language,
                    language,
                )


@router.post("/{submission_id}/{passage}/{language}")
def translate(
    request: Request,
    actor: Translator,
    submission_id: int,
    passage: str,
    language: str,
    text: Annotated[str, Form()],
) -> Response:
    request.app.state.registry.set_translation(
        actor, submission_id, passage, Language.parse(language), text
    )
    return RedirectResponse("/translator", status_code=303)
