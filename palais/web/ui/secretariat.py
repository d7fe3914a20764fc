"""The secretariat's pages: the queue by state, the record editor, workflow buttons, audit."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais.web.ui.access import SECRETARIAT, require
from palais.web.ui.record_form import FIELDS, form_values, read_form
from palais.web.ui.rendering import render

router = APIRouter(prefix="/secretariat")

Officer = Annotated[Any, Depends(require(SECRETARIAT))]


@router.get("")
def queue(request: Request, actor: Officer, state: str = "") -> Response:
    registry = request.app.state.registry
    items = registry.list(actor, state=state or None)
    return render(
        request,
        "secretariat/queue.html",
        {"submissions": items, "state": state, "states": registry.workflow_states()},
    )


@router.get("/submissions/{submission_id}")
def editor(request: Request, actor: Officer, submission_id: str) -> Response:
    registry = request.app.state.registry
    item = registry.get(actor, submission_id)
    return _editor(request, actor, item, form_values(item.record), {})


@router.post("/submissions/{submission_id}")
async def save(request: Request, actor: Officer, submission_id: str) -> Response:
    """Save the edited record, or show the form again with a message next to each bad field."""
    registry = request.app.state.registry
    item = registry.get(actor, submission_id)
    form = await request.form()
    edited = read_form(item.record, {name: str(form.get(name, "")) for name, _ in FIELDS})
    if not edited.valid:
        return _editor(request, actor, item, edited.values, edited.errors, status=422)
    registry.update_record(actor, submission_id, edited.record)
    return RedirectResponse(f"/secretariat/submissions/{submission_id}?saved=1", status_code=303)


@router.post("/submissions/{submission_id}/{action}")
def act(
    request: Request,
    actor: Officer,
    submission_id: str,
    action: str,
    reason: Annotated[str, Form()] = "",
) -> Response:
    """Register, issue or reject: one button, one registry use case."""
    registry = request.app.state.registry
    if action == "register":
        registry.register(actor, submission_id)
    elif action == "issue":
        registry.issue(actor, submission_id)
    elif action == "reject":
        registry.reject(actor, submission_id, reason)
    else:
        return render(request, "error.html", {"status": 404, "detail": None}, status=404)
    return RedirectResponse(f"/secretariat/submissions/{submission_id}", status_code=303)


def _editor(
    request: Request,
    actor: Any,
    item: Any,
    values: dict[str, str],
    errors: dict[str, str],
    status: int = 200,
) -> Response:
    registry = request.app.state.registry
    return render(
        request,
        "secretariat/editor.html",
        {
            "submission": item,
            "fields": FIELDS,
            "values": values,
            "errors": errors,
            "audit": registry.audit(actor, item.id),
            "saved": request.query_params.get("saved") == "1",
        },
        status=status,
    )
