"""``/api/feeds`` and ``/api/exports``: Atom feeds of issued documents, bulk metadata."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from fastapi.responses import StreamingResponse

from palais.errors import NotFound
from palais.publish.exports import ExportFormat, export_lines
from palais.publish.feeds import ATOM_MEDIA_TYPE, atom_feed
from palais.web.api.views import feed_entry, metadata_row
from palais.web.deps import RegistryDep
from palais.web.ui.i18n import negotiate

router = APIRouter(tags=["publication"])
_DOCUMENTS = "/api/documents"
AGENDA_ITEMS = range(1, 11)  # the Council's ten standing agenda items


@router.get(
    "/feeds/documents.atom",
    summary="Atom feed of newly issued documents (the feed every page advertises)",
    response_class=Response,
    responses={200: {"content": {ATOM_MEDIA_TYPE: {}}}},
)
@router.get(
    "/feeds/issued.atom",
    summary="Atom feed of newly issued documents",
    response_class=Response,
    responses={200: {"content": {ATOM_MEDIA_TYPE: {}}}},
)
def issued_feed(request: Request, registry: RegistryDep) -> Response:
    reader = negotiate(request)
    entries = [feed_entry(d, reader) for d in registry.recently_issued(limit=50)]
    body = atom_feed(
        entries, title="Human Rights Council: newly issued documents",
        feed_path=request.url.path, base_url=str(request.base_url), documents_path=_DOCUMENTS,
    )
    return Response(body, media_type=ATOM_MEDIA_TYPE)


@router.get(
    "/feeds/sessions/{number}.atom",
    summary="Atom feed of documents issued for one session",
    response_class=Response,
    responses={200: {"content": {ATOM_MEDIA_TYPE: {}}}},
)
def session_feed(
    number: Annotated[int, Path(ge=1, le=10_000)], request: Request, registry: RegistryDep
) -> Response:
    registry.session(number)
    reader = negotiate(request)
    entries = [
        feed_entry(d, reader) for d in registry.recently_issued(limit=200, session=number)
    ]
    body = atom_feed(
        entries, title=f"Human Rights Council, session {number}: issued documents",
        feed_path=request.url.path, base_url=str(request.base_url), documents_path=_DOCUMENTS,
    )
    return Response(body, media_type=ATOM_MEDIA_TYPE)


@router.get(
    "/feeds/agenda/{number}.atom",
    summary="Atom feed of documents issued under one agenda item",
    response_class=Response,
    responses={200: {"content": {ATOM_MEDIA_TYPE: {}}}},
)
def agenda_feed(
    number: Annotated[int, Path(ge=1, le=10_000)], request: Request, registry: RegistryDep
) -> Response:
    if number not in AGENDA_ITEMS:
        raise NotFound("the Council's agenda has no item %(number)s (items 1 to 10)", number=number)
    reader = negotiate(request)
    found = [d for d in registry.archive() if number in d.document.agenda_items]
    found.sort(key=lambda d: d.issued_at, reverse=True)
    body = atom_feed(
        [feed_entry(d, reader) for d in found[:200]],
        title=f"Human Rights Council, agenda item {number}: issued documents",
        feed_path=request.url.path, base_url=str(request.base_url), documents_path=_DOCUMENTS,
    )
    return Response(body, media_type=ATOM_MEDIA_TYPE)


@router.get(
    "/exports/documents.{fmt}",
    summary="Metadata of every issued document, as CSV or JSON Lines",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}, "application/jsonl": {}}}},
)
def export_documents(fmt: ExportFormat, registry: RegistryDep) -> StreamingResponse:
    rows = (metadata_row(d) for d in registry.archive())
    return StreamingResponse(
        export_lines(rows, fmt), media_type=fmt.media_type,
        headers={"Content-Disposition": f'attachment; filename="documents.{fmt.value}"'},
    )
