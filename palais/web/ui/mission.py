"""A mission's pages: upload a note verbale, check what was read, confirm; follow its submissions.

The upload is read (:mod:`palais.intake`) and parsed (:mod:`palais.parse`) and
its fields shown; nothing is stored until the mission confirms, so a wrong
file costs nothing; on confirmation the registry reads it again in
``submit_file``, the one path by which a file enters the store. The file travels back with the
confirmation in a hidden field (base64) rather than in a server-side draft: the
server keeps no state between the two steps.
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
    return render(
        request,
        "mission/preview.html",
        {
            "record": to_record(document),
            "filename": filename,
            "payload": base64.b64encode(data).decode("ascii"),
        },
    )


@router.post("/confirm")
def confirm(
    request: Request,
    actor: Mission,
    filename: Annotated[str, Form()],
    payload: Annotated[str, Form()],
) -> Response:
    try:
        data = base64.b64decode(payload, validate=True)
    except ValueError as exc:  # binascii.Error, or characters that are not ASCII at all
        raise InvalidInput("the confirmed file was damaged in transit; upload it again") from exc
    submission = request.app.state.registry.submit_file(actor, filename, data)
    return RedirectResponse(f"/mission/submissions/{submission.id}", status_code=303)


@router.get("/submissions/{submission_id}")
def submission(request: Request, actor: Mission, submission_id: int) -> Response:
    item = request.app.state.registry.get(actor, submission_id)
    return render(
        request,
        "mission/submission.html",
        {"submission": item, "record": to_record(item.document)},
    )
