"""The secretariat's pages: the queue by state, the record editor, workflow buttons, audit."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais.errors import CompositionError, Conflict, InvalidRecord, PalaisError
from palais.publish.issuing import issue_document
from palais.records import to_record
from palais.registry import State
from palais.web.ui.access import SECRETARIAT, require
from palais.web.ui.record_form import FIELDS, field_of, form_values, read_form
from palais.web.ui.rendering import render

router = APIRouter(prefix="/secretariat")

Officer = Annotated[Any, Depends(require(SECRETARIAT))]

QUEUE_LENGTH = 200


@router.get("")
def queue(request: Request, actor: Officer, state: State | None = None) -> Response:
    items, total = request.app.state.registry.list(actor, state=state, offset=0, limit=QUEUE_LENGTH)
    return render(
        request,
        "secretariat/queue.html",
        {"submissions": items, "total": total, "state": state, "states": list(State)},
    )


@router.get("/submissions/{submission_id}")
def editor(request: Request, actor: Officer, submission_id: int) -> Response:
    item = request.app.state.registry.get(actor, submission_id)
    return _editor(request, actor, item, form_values(to_record(item.document)), {})


@router.post("/submissions/{submission_id}")
async def save(request: Request, actor: Officer, submission_id: int) -> Response:
    """Save the edited record, or show the form again with a message next to each bad field."""
    # The form's fields are read by name from FIELDS, hence an async handler; the
    # registry's blocking calls still run in the thread pool like every other page's.
    form = await request.form()
    submitted = {name: str(form.get(name, "")) for name, _ in FIELDS}
    registry = request.app.state.registry
    item = await run_in_threadpool(registry.get, actor, submission_id)
    edited = read_form(to_record(item.document), submitted)
    if not edited.valid:
        return await run_in_threadpool(
            _editor, request, actor, item, edited.values, edited.errors, 422
        )
    try:
        await run_in_threadpool(registry.update_record, actor, submission_id, edited.record)
    except InvalidRecord as exc:
        # The registry checks more than the form can (e.g. that the session exists).
        errors = {field_of(exc): exc.detail}
        return await run_in_threadpool(_editor, request, actor, item, edited.values, errors, 422)
    return RedirectResponse(f"/secretariat/submissions/{submission_id}?saved=1", status_code=303)


@router.post("/submissions/{submission_id}/register")
def register(
    request: Request, actor: Officer, submission_id: int,
    confirm_duplicate: Annotated[str, Form()] = "",
) -> Response:
    """Register: the registry allocates the next symbol of the session (a possible
    duplicate only when the officer ticked that it was checked)."""
    registry = request.app.state.registry
    try:
        registry.register(actor, submission_id, confirm_duplicate=bool(confirm_duplicate))
    except Conflict as exc:
        return _refused(request, actor, submission_id, exc)
    return _back(submission_id)


@router.post("/submissions/{submission_id}/issue")
def issue(request: Request, actor: Officer, submission_id: int) -> Response:
    """Issue: compose the six language versions, store them, index them for search."""
    try:
        issue_document(
            request.app.state.registry, actor, submission_id,
            follower=request.app.state.follower,
        )
    except (Conflict, CompositionError) as exc:
        return _refused(request, actor, submission_id, exc)
    return _back(submission_id)


@router.post("/submissions/{submission_id}/reject")
def reject(
    request: Request, actor: Officer, submission_id: int, reason: Annotated[str, Form()]
) -> Response:
    request.app.state.registry.reject(actor, submission_id, reason)
    return _back(submission_id)


def _refused(request: Request, actor: Any, submission_id: int, exc: PalaisError) -> Response:
    """The editor again, saying why the workflow refused (e.g. translations still missing)."""
    item = request.app.state.registry.get(actor, submission_id)
    values = form_values(to_record(item.document))
    return _editor(request, actor, item, values, {"record": exc.detail}, exc.http_status)


def _back(submission_id: int) -> Response:
    return RedirectResponse(f"/secretariat/submissions/{submission_id}", status_code=303)


def _editor(
    request: Request,
    actor: Any,
    item: Any,
    values: dict[str, str],
    errors: dict[str, str],
    status: int = 200,
) -> Response:
    return render(
        request,
        "secretariat/editor.html",
        {
            "submission": item,
            "fields": FIELDS,
            "values": values,
            "errors": errors,
            "audit": request.app.state.registry.audit(actor, item.id),
            "saved": request.query_params.get("saved") == "1",
        },
        status=status,
    )
