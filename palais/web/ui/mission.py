"""A mission's pages: upload a note verbale, check and correct what was read, confirm,
then follow it: a receipt, the list of its submissions, its own file, withdrawal,
and what it has been told.

The upload is read (:mod:`palais.intake`, OCR for a scan) and parsed once, by
the registry's ``hold_upload``, which keeps the file for the mission under a
token (:mod:`palais.registry.uploads`): the preview's form carries only that
token back, so every size up to the limit confirms as it previews. Nothing is
submitted until the mission confirms; a held file nobody confirms is removed
after a day. Every refusal (too large, empty, of a kind palais does not read,
another State's, no longer held) comes back on the upload form, in the page's
language, with the status that names it.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais.errors import InvalidInput, NotFound, PalaisError, PayloadTooLarge
from palais.records import to_record
from palais.registry.workflow import OPEN
from palais.web.ui import mission_form
from palais.web.ui.access import MISSION, require
from palais.web.ui.i18n import negotiate, translations
from palais.web.ui.rendering import render
from palais.web.ui.words import Words
from palais.web.uploads import read_limited, sniff_kind

router = APIRouter(prefix="/mission")

LIST_LENGTH = 200

Mission = Annotated[Any, Depends(require(MISSION))]
Field = Annotated[str, Form()]


@router.get("")
def submissions(request: Request, actor: Mission) -> Response:
    """The mission's own submissions with their states, and what it has been told."""
    registry = request.app.state.registry
    items, _total = registry.list(actor, state=None, offset=0, limit=LIST_LENGTH)
    return render(request, "mission/list.html", {
        "submissions": items, "notifications": registry.notifications(actor),
    })


@router.get("/submit")
def submit_form(request: Request, actor: Mission) -> Response:
    return upload_form(request)


def upload_form(request: Request, error: PalaisError | None = None) -> Response:
    """The upload form, stating the limit, with ``error`` said above the file field."""
    limit = request.app.state.settings.max_upload_bytes
    return render(
        request, "mission/submit.html",
        {"limit": limit, "error": refusal(request, error, limit) if error else None},
        status=error.http_status if error else 200,
    )


def refusal(request: Request, error: PalaisError, limit: int) -> str:
    """Why an upload was refused, in the page's language."""
    lang = negotiate(request)
    gettext = translations(lang).gettext
    if isinstance(error, PayloadTooLarge):
        size = Words(lang, gettext).size(limit)
        return gettext("The file is larger than the limit of %(limit)s.") % {"limit": size}
    return error.translated(gettext)


@router.post("/submit")
def preview(
    request: Request, actor: Mission, file: Annotated[UploadFile | None, File()] = None
) -> Response:
    """Read the upload, keep it for the confirmation, and show its fields to check."""
    if file is None or not file.filename:
        return upload_form(request, InvalidInput("choose the file of the note to upload"))
    try:
        data = read_limited(file, request.app.state.settings.max_upload_bytes)
        sniff_kind(data, file.content_type, file.filename)
        held = request.app.state.registry.hold_upload(actor, file.filename, data)
    except PalaisError as exc:
        return upload_form(request, exc)
    return _preview(request, held, to_record(held.document))


def _preview(
    request: Request,
    held: Any,
    record: dict[str, Any],
    submitted: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> Response:
    form = mission_form.shown(record, submitted)
    form.errors = errors or {}
    return render(
        request,
        "mission/preview.html",
        {"record": record, "form": form, "fields": mission_form.FIELDS,
         "kinds": mission_form.KINDS_OF_COMMUNICATION, "addressees": mission_form.ADDRESSEES,
         "filename": held.filename, "upload": held.token, "repeats": held.repeats},
        status=422 if errors else 200,
    )


@router.post("/confirm")
def confirm(
    request: Request,
    actor: Mission,
    upload: Field = "",
    doc_type: Field = "",
    sender_state: Field = "",
    doc_date: Field = "",
    reference: Field = "",
    addressee: Field = "",
    session: Field = "",
    agenda_items: Field = "",
    language: Field = "",
) -> Response:
    """Submit the held file with the mission's corrections, or show the preview again
    with the fields that do not read marked."""
    submitted = {"doc_type": doc_type, "sender_state": sender_state, "doc_date": doc_date,
                 "reference": reference, "addressee": addressee, "session": session,
                 "agenda_items": agenda_items, "language": language}
    registry = request.app.state.registry
    try:
        held = registry.held_upload(actor, upload)
    except NotFound as exc:
        return upload_form(request, exc)
    # The fields are checked before anything is submitted: a wrong value comes back on
    # the preview, beside its field, with the file still held.
    checked = mission_form.check(submitted, translations(negotiate(request)).gettext)
    if checked:
        return _preview(request, held, to_record(held.document), submitted, checked)
    submission = registry.submit_held(actor, upload)
    record, errors = mission_form.apply(to_record(submission.document), submitted)
    if not errors and record != to_record(submission.document):
        registry.update_record(actor, submission.id, record)
    return RedirectResponse(f"/mission/submissions/{submission.id}/receipt", status_code=303)


@router.get("/submissions/{submission_id}/receipt")
def receipt(request: Request, actor: Mission, submission_id: int) -> Response:
    """What the mission keeps of its submission: number, date received, what comes next."""
    item = request.app.state.registry.get(actor, submission_id)
    return render(request, "mission/receipt.html", {"submission": item})


@router.get("/submissions/{submission_id}")
def submission(request: Request, actor: Mission, submission_id: int) -> Response:
    return _submission(request, actor, submission_id)


def _submission(
    request: Request, actor: Any, submission_id: int, error: str | None = None,
    status: int = 200,
) -> Response:
    registry = request.app.state.registry
    item = registry.get(actor, submission_id)
    told = [n for n in registry.notifications(actor) if n.submission_id == item.id]
    return render(
        request,
        "mission/submission.html",
        {"submission": item, "record": to_record(item.document), "notifications": told,
         "may_withdraw": item.state in OPEN, "error": error},
        status=status,
    )


@router.get("/submissions/{submission_id}/file")
def source_file(request: Request, actor: Mission, submission_id: int) -> Response:
    """The file the mission uploaded, as received."""
    registry = request.app.state.registry
    item = registry.get(actor, submission_id)
    stored = registry.source_file(actor, submission_id)
    name = (item.filename or f"submission-{submission_id}").replace('"', "")
    return Response(
        stored.data, media_type=stored.media_type or "application/octet-stream",
        headers={"Content-Disposition": f"attachment; filename=\"{_ascii(name)}\"; "
                                        f"filename*=UTF-8''{quote(name)}"},
    )


@router.post("/submissions/{submission_id}/withdraw")
def withdraw(
    request: Request, actor: Mission, submission_id: int, reason: Field = ""
) -> Response:
    """Withdraw the submission before it is issued (the registry's rule), with a reason."""
    try:
        request.app.state.registry.withdraw(actor, submission_id, reason)
    except NotFound:
        raise
    except PalaisError as exc:  # no reason given, or no longer before issue
        gettext = translations(negotiate(request)).gettext
        return _submission(request, actor, submission_id, exc.translated(gettext),
                           exc.http_status)
    return RedirectResponse(f"/mission/submissions/{submission_id}", status_code=303)


def _ascii(name: str) -> str:
    return name.encode("ascii", "replace").decode("ascii").replace("?", "_")
