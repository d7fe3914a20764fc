"""A translator's page: passages awaiting their languages, beside the original."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais.languages import Language
from palais.web.ui.access import TRANSLATOR, require
from palais.web.ui.rendering import render

router = APIRouter(prefix="/translator")

Translator = Annotated[Any, Depends(require(TRANSLATOR))]


@router.get("")
def passages(request: Request, actor: Translator) -> Response:
    """Each awaited passage with the original text; only the translator's languages."""
    awaiting = request.app.state.registry.translation_queue(actor)
    return render(request, "translator/queue.html", {"awaiting": awaiting})


@router.post("/{submission_id}/{passage}/{language}")
def translate(
    request: Request,
    actor: Translator,
    submission_id: str,
    passage: str,
    language: str,
    text: Annotated[str, Form()],
) -> Response:
    request.app.state.registry.set_translation(
        actor, submission_id, passage, Language.parse(language), text
    )
    return RedirectResponse("/translator", status_code=303)
