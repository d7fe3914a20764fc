"""A mission's pages: upload a note verbale, check and correct what was read, confirm.

The upload is read (:mod:`palais.intake`, OCR for a scan) and parsed
(:mod:`palais.parse`) and its fields shown, each with the warning that says
where it was read, in a form the mission may correct
(:mod:`palais.web.ui.mission_form`); nothing is stored until the mission
confirms, so a wrong file costs nothing. On confirmation the registry reads the
file again in ``submit_file``, the one path by which a file enters the store,
and the mission's corrections are then saved as its edit of the record (both
audited). The file travels back with the confirmation in a hidden field
(base64) rather than in a server-side draft: the server keeps no state between
the two steps.
"""

from __future__ import annotations

import base64
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais import intake
from palais.errors import InvalidInput
from palais.parse import parse_source
from palais.records import to_record
from palais.web.ui import mission_form
from palais.web.ui.access import MISSION, require
from palais.web.ui.rendering import render
from palais.web.uploads import read_limited, sniff_kind

router = APIRouter(prefix="/mission")

LIST_LENGTH = 200

Mission = Annotated[Any, Depends(require(MISSION))]


@router.get("")
def submissions(request: Request, actor: Mission) -> Response:
    """The mission's own submissions with their workflow states."""
    items, _total = request.app.state.registry.list(actor, state=None, offset=0, limit=LIST_LENGTH)
    return render(request, "mission/list.html", {"submissions": items})


@router.get("/submit")
def submit_form(request: Request, actor: Mission) -> Response:
    return render(request, "mission/submit.html")


@router.post("/submit")
def preview(request: Request, actor: Mission, file: Annotated[UploadFile, File()]) -> Response:
    """Parse the upload and show its fields, with the file kept for the confirmation."""
    data = read_limited(file, request.app.state.settings.max_upload_bytes)
    sniff_kind(data, file.content_type, file.filename)
    filename = file.filename or "upload"
    document = parse_source(intake.read_bytes(data, filename))
    record = to_record(document)
    return _preview(request, record, filename, base64.b64encode(data).decode("ascii"))


def _preview(
    request: Request,
    record: dict[str, Any],
    filename: str,
    payload: str,
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
         "filename": filename, "payload": payload},
        status=422 if errors else 200,
    )


Field = Annotated[str, Form()]


@router.post("/confirm")
def confirm(
    request: Request,
    actor: Mission,
    filename: Field,
    payload: Field,
    doc_type: Field = "",
    sender_state: Field = "",
    doc_date: Field = "",
    reference: Field = "",
    addressee: Field = "",
    session: Field = "",
    agenda_items: Field = "",
    language: Field = "",
) -> Response:
    """Store the file and the mission's corrections, or show the preview again with the
    fields that do not read marked."""
    try:
        data = base64.b64decode(payload, validate=True)
    except ValueError as exc:  # binascii.Error, or characters that are not ASCII at all
        raise InvalidInput("the confirmed file was damaged in transit; upload it again") from exc
    submitted = {"doc_type": doc_type, "sender_state": sender_state, "doc_date": doc_date,
                 "reference": reference, "addressee": addressee, "session": session,
                 "agenda_items": agenda_items, "language": language}
    registry = request.app.state.registry
    # The fields are checked before anything is stored: a wrong value comes back on the
    # preview, beside its field, with the file still held in the form.
    checked = mission_form.check(submitted)
    if checked:
        record = to_record(parse_source(intake.read_bytes(data, filename)))
        return _preview(request, record, filename, payload, submitted, checked)
    submission = registry.submit_file(actor, filename, data)
    record, errors = mission_form.apply(to_record(submission.document), submitted)
    if not errors and record != to_record(submission.document):
        registry.update_record(actor, submission.id, record)
    return RedirectResponse(f"/mission/submissions/{submission.id}", status_code=303)


@router.get("/submissions/{submission_id}")
def submission(request: Request, actor: Mission, submission_id: int) -> Response:
    item = request.app.state.registry.get(actor, submission_id)
    return render(
        request,
        "mission/submission.html",
        {"submission": item, "record": to_record(item.document)},
    )
