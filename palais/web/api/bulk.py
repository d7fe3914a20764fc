"""``/api/bulk``: a session's or a search's files as one ZIP, streamed as it is written."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import StreamingResponse

from palais.errors import InvalidInput, NotFound, UnknownSession
from palais.model import Format
from palais.publish.zips import zip_stream
from palais.search.index import MAX_PAGE
from palais.web.deps import MaybeActor, RegistryDep
from palais.web.search.params import read_search
from palais.web.ui.search import search_index

router = APIRouter(prefix="/bulk", tags=["publication"])
MAX_DOCUMENTS = 1000  # a search's ZIP holds at most this many documents
_FORMATS = Annotated[
    str, Query(description="comma-separated: pdf, html, akn, txt, docx (default: all)")
]


@router.get(
    "/sessions/{number}.zip",
    summary="Every file of every document issued for one session, as one ZIP",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/zip": {}}}},
)
def session_zip(
    number: Annotated[int, Path(ge=1, le=10_000)], registry: RegistryDep, actor: MaybeActor,
    formats: _FORMATS = "",
) -> StreamingResponse:
    try:
        registry.session(number)
    except UnknownSession:
        raise NotFound("the Council's calendar has no session %(number)s", number=number) from None
    return _zip(registry, actor, registry.archive(session=number), formats,
                f"hrc-session-{number}.zip")


@router.get(
    "/search.zip",
    summary="Every file of the documents a search finds (at most 1,000), as one ZIP",
    description="The parameters of `/api/search` (q, filters, sort); the ZIP holds every page.",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/zip": {}}}},
)
def search_zip(
    request: Request, registry: RegistryDep, actor: MaybeActor,
    q: Annotated[str, Query(max_length=500)] = "", formats: _FORMATS = "",
) -> StreamingResponse:
    params = read_search(request.query_params)
    index = search_index(request)
    if index is None:
        raise NotFound("search is not available on this server (it has no search index)")

    def found() -> Iterator[Any]:
        for page in range(1, MAX_PAGE + 1):
            results = index.search(params.q, filters=params.filters, page=page, sort=params.sort)
            for n, hit in enumerate(results.hits, start=(page - 1) * results.page_size):
                if n >= MAX_DOCUMENTS:
                    return
                yield registry.document(hit.symbol, actor=actor)
            if page >= results.pages:
                return

    return _zip(registry, actor, found(), formats, "hrc-search.zip")


def _zip(
    registry: Any, actor: Any, documents: Any, formats: str, name: str
) -> StreamingResponse:
    chosen = _formats(formats)

    def read(issued: Any, ref: Any) -> bytes:
        data: bytes = registry.manifestation(issued.symbol, ref.language, ref.format,
                                             actor=actor).data
        return data

    return StreamingResponse(
        zip_stream(documents, read, chosen), media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _formats(text: str) -> tuple[Format, ...]:
    if not text.strip():
        return tuple(Format)
    by_name = {f.value: f for f in Format} | {f.extension: f for f in Format}
    chosen = []
    for part in text.split(","):
        fmt = by_name.get(part.strip().lower())
        if fmt is None:
            raise InvalidInput(
                "formats: unknown format %(value)r, expected %(value2)s",
                value=part.strip(), value2=', '.join(f.value for f in Format),
            )
        chosen.append(fmt)
    return tuple(chosen)
