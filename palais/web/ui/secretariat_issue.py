"""Issuing from the secretariat's pages: the six versions previewed, then a confirmation
that names what will be published, because issuing is final.

The preview shows each language version's HTML exactly as issuing now would compose
it (``/api/submissions/<id>/issue/<lang>.html``, framed in the page); issuing
composes again from the record as it is then, and the registry refuses if the
record changed in between.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais.compose import compose_file
from palais.errors import PalaisError
from palais.languages import ALL, Language
from palais.model import Format
from palais.publish.issuing import issue_document
from palais.registry import workflow
from palais.web.ui.access import SECRETARIAT, require
from palais.web.ui.i18n import negotiate, translations
from palais.web.ui.rendering import render
from palais.web.ui.secretariat import refused

router = APIRouter(prefix="/secretariat")

Officer = Annotated[Any, Depends(require(SECRETARIAT))]


@router.get("/submissions/{submission_id}/issue")
def preview(request: Request, actor: Officer, submission_id: int) -> Response:
    """The six versions as they would be published, and the confirmation to issue them."""
    registry = request.app.state.registry
    item = registry.get(actor, submission_id)
    try:
        workflow.check("issue", actor, item.state)
        # Composing one version first says at once what is still missing, if anything.
        compose_file(item.document, Language.EN, Format.HTML, date.today())
    except PalaisError as exc:
        return refused(request, actor, submission_id, exc)
    return _confirmation(request, item, None)


@router.post("/submissions/{submission_id}/issue")
def issue(
    request: Request, actor: Officer, submission_id: int,
    confirm: Annotated[str, Form()] = "",
) -> Response:
    """Issue once the officer has confirmed: compose the six versions, store them, index
    them for search."""
    registry = request.app.state.registry
    if confirm != "yes":
        item = registry.get(actor, submission_id)
        gettext = translations(negotiate(request)).gettext
        message = gettext("Confirm that you have read the six versions before issuing.")
        return _confirmation(request, item, message, 422)
    try:
        issue_document(registry, actor, submission_id, follower=request.app.state.follower)
    except PalaisError as exc:
        return refused(request, actor, submission_id, exc)
    return RedirectResponse(f"/secretariat/submissions/{submission_id}", status_code=303)


def _confirmation(request: Request, item: Any, error: str | None, status: int = 200) -> Response:
    symbol = str(item.document.symbol)
    files = [
        (lang, [f"{symbol.replace('/', '-')}-{lang.value}.{fmt.extension}"
                for fmt in Format.composed()])
        for lang in ALL
    ]
    return render(
        request,
        "secretariat/issue.html",
        {"submission": item, "symbol": symbol, "versions": ALL, "files": files,
         "error": error},
        status=status,
    )
