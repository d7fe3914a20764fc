"""The officer's "assign languages" page of a submission: one translator per language.

Reached from the submission's page in the secretariat's area. Each language
but the original's gets a choice among the translators into it (or nobody,
which leaves it open to be claimed); saving assigns every language that
changed, through the registry, which checks and audits each.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais.errors import PalaisError
from palais.languages import ALL
from palais.web.ui.access import SECRETARIAT, require
from palais.web.ui.i18n import negotiate, translations
from palais.web.ui.rendering import render

router = APIRouter(prefix="/secretariat")

Officer = Annotated[Any, Depends(require(SECRETARIAT))]


@router.get("/submissions/{submission_id}/assignments")
def assignments(request: Request, actor: Officer, submission_id: int) -> Response:
    return _page(request, actor, submission_id, saved=request.query_params.get("saved") == "1")


@router.post("/submissions/{submission_id}/assignments")
async def assign(request: Request, actor: Officer, submission_id: int) -> Response:
    """Assign each language whose choice changed; a refusal shows the page with its reason."""
    form = await request.form()
    registry = request.app.state.registry
    held = await run_in_threadpool(registry.assignments_of, actor, submission_id)
    try:
        for lang in ALL:
            chosen = str(form.get(lang.value, "") or "") or None
            before = held[lang].translator if lang in held else None
            if lang.value in form and chosen != before:
                await run_in_threadpool(registry.assign, actor, submission_id, lang, chosen)
    except PalaisError as exc:
        detail = exc.translated(translations(negotiate(request)).gettext)
        return await run_in_threadpool(
            _page, request, actor, submission_id, detail, exc.http_status
        )
    return RedirectResponse(
        f"/secretariat/submissions/{submission_id}/assignments?saved=1", status_code=303
    )


def _page(
    request: Request, actor: Any, submission_id: int, error: str | None = None,
    status: int = 200, saved: bool = False,
) -> Response:
    registry = request.app.state.registry
    submission = registry.get(actor, submission_id)
    original = submission.document.language
    return render(
        request,
        "secretariat/assignments.html",
        {
            "submission": submission,
            "languages": [lang for lang in ALL if lang is not original],
            "held": registry.assignments_of(actor, submission_id),
            "translators": registry.translators(),
            "error": error,
            "saved": saved,
        },
        status=status,
    )
