"""``/api/documents/<symbol>``: an issued document's metadata and its files.

``/api/documents/A/HRC/41/G/7`` answers the Work's metadata with links to its
language versions; ``/api/documents/A/HRC/41/G/7/ru.pdf`` (or ``.../ru/pdf``)
answers one manifestation's bytes with its media type and a strong ETag (the
SHA-256 of the bytes, which never change once issued). The public sees issued
documents only; the registry answers 404 for anything else, so the existence
of an unissued symbol does not leak.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Header, Path, Response
from fastapi.responses import RedirectResponse

from palais.web.api.paths import parse_document_path
from palais.web.api.views import document_json
from palais.web.deps import MaybeActor, RegistryDep

router = APIRouter(prefix="/documents", tags=["documents"])

_PATH_DOC = (
    "A document symbol (A/HRC/41/G/7), optionally followed by a language and format: "
    "`ru.pdf`, `ru/pdf`, `en.html`, `fr.xml` (Akoma Ntoso), `es.txt`."
)


@router.get(
    "/{path:path}",
    summary="An issued document's metadata, or one language version in one format",
    responses={
        200: {
            "content": {
                "application/json": {},
                "application/pdf": {},
                "text/html": {},
                "application/akn+xml": {},
                "text/plain": {},
            }
        }
    },
)
def get_document(
    path: Annotated[str, Path(description=_PATH_DOC)],
    actor: MaybeActor,
    registry: RegistryDep,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Any:
    target = parse_document_path(path)
    if target.canonical() != path.strip("/"):
        return RedirectResponse(f"/api/documents/{quote(target.canonical())}", status_code=308)
    if target.language is None or target.format is None:
        return document_json(registry.document(target.symbol, actor=actor))
    file = registry.manifestation(target.symbol, target.language, target.format, actor=actor)
    etag = f'"{file.sha256}"'
    headers = {"ETag": etag, "Cache-Control": "public, max-age=3600"}
    if if_none_match == etag:
        return Response(status_code=304, headers=headers)
    name = f"{target.symbol.uri_slug()}-{target.language.value}.{target.format.extension}"
    headers["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(name)}"
    return Response(file.data, media_type=target.format.media_type, headers=headers)
