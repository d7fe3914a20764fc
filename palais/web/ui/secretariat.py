"""The secretariat's pages: the queue, a submission's page with its editor, its workflow
buttons and its audit trail.

The buttons a submission's page shows are those :func:`palais.registry.workflow.
allowed_actions` gives for the officer and the submission's state, so a button is
never offered that the registry would refuse; issuing goes through a preview and a
confirmation (:mod:`palais.web.ui.secretariat_issue`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais.errors import Conflict, InvalidInput, PalaisError
from palais.records import to_record
from palais.registry import workflow
from palais.web.ui import queue_filters
from palais.web.ui.access import SECRETARIAT, require
from palais.web.ui.audit_trail import audit_rows
from palais.web.ui.i18n import negotiate, translations
from palais.web.ui.record_form import FIELDS, field_labels, field_of, form_values, read_form
from palais.web.ui.rendering import render

router = APIRouter(prefix="/secretariat")

Officer = Annotated[Any, Depends(require(SECRETARIAT))]

QUEUE_LENGTH = 200
# The actions a submission's page has a control for; which of them it shows is the
# workflow's to say (editing is the form itself; translating, the translators' pages).
CONTROLS = ("register", "assign", "issue", "reject", "withdraw")


@router.get("")
def queue(request: Request, actor: Officer) -> Response:
    """The submissions, filtered by state, session, State and date received (all in the
    URL, so a filtered queue can be bookmarked and the form keeps what was chosen)."""
    gettext = translations(negotiate(request)).gettext
    chosen = queue_filters.read(request.query_params, gettext)
    registry = request.app.state.registry
    items, total = registry.list(
        actor, state=chosen.state, offset=0, limit=QUEUE_LENGTH, session=chosen.session,
        sender=chosen.sender, received=(chosen.received_from, chosen.received_to),
    )
    return render(
        request,
        "secretariat/queue.html",
        {"submissions": items, "total": total, "filters": chosen,
         **queue_filters.choices(registry, negotiate(request))},
    )


@router.get("/submissions/{submission_id}")
def editor(request: Request, actor: Officer, submission_id: int) -> Response:
    item = request.app.state.registry.get(actor, submission_id)
    values = form_values(to_record(item.document), negotiate(request))
    return _page(request, actor, item, values, {})


@router.post("/submissions/{submission_id}")
async def save(request: Request, actor: Officer, submission_id: int) -> Response:
    """Save the edited record, or show the form again, as typed, with a message next to
    each bad field (the registry's own refusals included: a session the calendar does
    not hold, a document issued meanwhile)."""
    # The form's fields are read by name from FIELDS, hence an async handler; the
    # registry's blocking calls still run in the thread pool like every other page's.
    form = await request.form()
    submitted = {name: str(form.get(name, "")) for name, _ in FIELDS}
    gettext = translations(negotiate(request)).gettext
    registry = request.app.state.registry
    item = await run_in_threadpool(registry.get, actor, submission_id)
    edited = read_form(to_record(item.document), submitted, gettext)
    if not edited.valid:
        return await run_in_threadpool(
            _page, request, actor, item, edited.values, edited.errors, 422
        )
    try:
        await run_in_threadpool(registry.update_record, actor, submission_id, edited.record)
    except (InvalidInput, Conflict) as exc:
        errors = {field_of(exc): exc.translated(gettext)}
        item = await run_in_threadpool(registry.get, actor, submission_id)
        status = exc.http_status
        return await run_in_threadpool(
            _page, request, actor, item, edited.values, errors, status
        )
    return RedirectResponse(f"/secretariat/submissions/{submission_id}?saved=1", status_code=303)


@router.post("/submissions/{submission_id}/register")
def register(
    request: Request, actor: Officer, submission_id: int,
    confirm_duplicate: Annotated[str, Form()] = "",
) -> Response:
    """Register: the registry allocates the next symbol of the session (a possible
    duplicate only when the officer ticked that it was checked)."""
    return _act(
        request, actor, submission_id,
        lambda a, sid: request.app.state.registry.register(
            a, sid, confirm_duplicate=bool(confirm_duplicate)
        ),
    )


@router.post("/submissions/{submission_id}/reject")
def reject(
    request: Request, actor: Officer, submission_id: int, reason: Annotated[str, Form()] = ""
) -> Response:
    return _act(
        request, actor, submission_id,
        lambda a, sid: request.app.state.registry.reject(a, sid, reason),
    )


@router.post("/submissions/{submission_id}/withdraw")
def withdraw(
    request: Request, actor: Officer, submission_id: int, reason: Annotated[str, Form()] = ""
) -> Response:
    def take(a: Any, sid: int) -> Any:
        done = request.app.state.registry.withdraw(a, sid, reason)
        request.app.state.follower.catch_up()  # an issued document leaves search at once
        return done

    return _act(request, actor, submission_id, take)


def _act(request: Request, actor: Any, submission_id: int, take: Any) -> Response:
    try:
        take(actor, submission_id)
    except PalaisError as exc:
        return refused(request, actor, submission_id, exc)
    return RedirectResponse(f"/secretariat/submissions/{submission_id}", status_code=303)


def refused(request: Request, actor: Any, submission_id: int, exc: PalaisError) -> Response:
    """The submission's page again, saying in the reader's language why the workflow
    refused (e.g. the translations still missing, a state that changed meanwhile)."""
    item = request.app.state.registry.get(actor, submission_id)
    values = form_values(to_record(item.document), negotiate(request))
    gettext = translations(negotiate(request)).gettext
    return _page(request, actor, item, values, {"record": exc.translated(gettext)},
                 exc.http_status)


def _page(
    request: Request,
    actor: Any,
    item: Any,
    values: dict[str, str],
    errors: dict[str, str],
    status: int = 200,
) -> Response:
    allowed = workflow.allowed_actions(actor, item.state)
    lang = negotiate(request)
    registry = request.app.state.registry
    return render(
        request,
        "secretariat/editor.html",
        {
            "submission": item,
            "fields": FIELDS,
            "labels": field_labels(translations(lang).gettext),
            "values": values,
            "record": to_record(item.document),
            "errors": errors,
            "editable": "edit" in allowed,
            "actions": [a for a in CONTROLS if a in allowed],
            "audit": audit_rows(registry.audit(actor, item.id), lang),
            "saved": request.query_params.get("saved") == "1",
            **queue_filters.choices(registry, lang),
        },
        status=status,
    )
