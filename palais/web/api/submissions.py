"""``/api/submissions``: a mission's submission through its workflow.

Each route is one use case of the registry (or of :mod:`palais.publish` for
issuing, which also composes and stores the six language versions); the
registry decides who may do what and answers 403/404/409 through the error
tree.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Query, Request, Response, UploadFile

from palais.languages import Language
from palais.model import Correction
from palais.publish.issuing import issue_document, reissue_document
from palais.registry import State
from palais.registry.corrections import VersionRequest
from palais.web.api.schemas import NewVersionBody, ReasonBody, RecordBody, TranslationBody
from palais.web.api.views import audit_json, document_json, submission_json
from palais.web.deps import CurrentActor, RegistryDep
from palais.web.pagination import PageParams, make_page, page_params
from palais.web.uploads import read_limited, sniff_kind

router = APIRouter(prefix="/submissions", tags=["submissions"])
Json = dict[str, Any]


@router.post("", status_code=201, summary="Submit a document record (JSON)")
def submit_record(body: RecordBody, actor: CurrentActor, registry: RegistryDep) -> Json:
    return submission_json(registry.submit_record(actor, body.record))


@router.post("/upload", status_code=201, summary="Submit a file: PDF, Word (.docx) or text")
def submit_file(
    request: Request,
    file: Annotated[UploadFile, File(description="The note verbale as PDF, .docx or .txt")],
    actor: CurrentActor,
    registry: RegistryDep,
) -> Json:
    limit = request.app.state.settings.max_upload_bytes
    data = read_limited(file, limit)
    sniff_kind(data, file.content_type, file.filename)
    return submission_json(registry.submit_file(actor, file.filename or "upload", data))


@router.get("", summary="Submissions the caller may see, newest first")
def list_submissions(
    request: Request,
    response: Response,
    actor: CurrentActor,
    registry: RegistryDep,
    paging: Annotated[PageParams, Depends(page_params)],
    state: Annotated[State | None, Query(description="Only submissions in this state")] = None,
) -> Json:
    items, total = registry.list(
        actor, state=state, offset=paging.offset, limit=paging.per_page
    )
    return make_page(request, response, paging, [submission_json(s) for s in items], total)


@router.get("/{submission_id}", summary="One submission with its record")
def get_submission(submission_id: int, actor: CurrentActor, registry: RegistryDep) -> Json:
    return submission_json(registry.get(actor, submission_id))


@router.put("/{submission_id}/record", summary="Replace the record of a submission")
def update_record(
    submission_id: int, body: RecordBody, actor: CurrentActor, registry: RegistryDep
) -> Json:
    return submission_json(registry.update_record(actor, submission_id, body.record))


@router.post("/{submission_id}/registration", summary="Register: allocate the next symbol")
def register(
    submission_id: int, actor: CurrentActor, registry: RegistryDep,
    confirm_duplicate: Annotated[bool, Query(
        description="Register although the submission repeats one of its mission's "
        "(else 409 unconfirmed-duplicate)"
    )] = False,
) -> Json:
    return submission_json(
        registry.register(actor, submission_id, confirm_duplicate=confirm_duplicate)
    )


@router.get("/{submission_id}/file", summary="The file the submission was made from")
def source_file(submission_id: int, actor: CurrentActor, registry: RegistryDep) -> Response:
    stored = registry.source_file(actor, submission_id)
    return Response(stored.data, media_type=stored.media_type or "application/octet-stream")


@router.put(
    "/{submission_id}/translations/{passage}/{language}",
    summary="Supply the translation of one passage into one language",
)
def set_translation(
    submission_id: int,
    passage: str,
    language: Language,
    body: TranslationBody,
    actor: CurrentActor,
    registry: RegistryDep,
) -> Json:
    return submission_json(
        registry.set_translation(actor, submission_id, passage, language, body.text)
    )


@router.post(
    "/{submission_id}/issue",
    summary="Issue: compose the six language versions in every format and publish them",
)
def issue(submission_id: int, request: Request, actor: CurrentActor, registry: RegistryDep) -> Json:
    issued = issue_document(registry, actor, submission_id, follower=request.app.state.follower)
    return document_json(issued)


@router.post(
    "/{submission_id}/reissue",
    summary="Reissue an issued document for technical reasons: its files composed again",
)
def reissue(
    submission_id: int, request: Request, actor: CurrentActor, registry: RegistryDep
) -> Json:
    reissued = reissue_document(
        registry, actor, submission_id, follower=request.app.state.follower
    )
    return submission_json(reissued)


@router.post("/{submission_id}/rejection", summary="Reject the submission, with a reason")
def reject(
    submission_id: int, body: ReasonBody, actor: CurrentActor, registry: RegistryDep
) -> Json:
    return submission_json(registry.reject(actor, submission_id, body.reason))


@router.post("/{submission_id}/withdrawal", summary="Withdraw the submission or document")
def withdraw(
    submission_id: int, body: ReasonBody, request: Request, actor: CurrentActor,
    registry: RegistryDep,
) -> Json:
    withdrawn = registry.withdraw(actor, submission_id, body.reason)
    request.app.state.follower.catch_up()  # an issued document leaves search at once
    return submission_json(withdrawn)


@router.post(
    "/{submission_id}/versions",
    status_code=201,
    summary="Start a corrigendum, revision or addendum of an issued document",
)
def new_version(
    submission_id: int, body: NewVersionBody, actor: CurrentActor, registry: RegistryDep
) -> Json:
    request = VersionRequest(
        body.kind,
        corrections=tuple(Correction(c.paragraph, c.new, c.old) for c in body.corrections),
        paragraphs=tuple(body.paragraphs),
        title=body.title,
    )
    return submission_json(registry.start_version(actor, submission_id, request))


@router.get("/{submission_id}/audit", summary="The audit trail of one submission")
def audit(submission_id: int, actor: CurrentActor, registry: RegistryDep) -> list[Json]:
    return [audit_json(e) for e in registry.audit(actor, submission_id)]
