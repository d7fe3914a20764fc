"""``/api/citations/<symbol>.bib|.ris|.json``: an issued document's reference to download."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Path, Request, Response

from palais.errors import InvalidInput
from palais.publish.citations import FORMATS
from palais.symbols import Symbol
from palais.web.deps import MaybeActor, RegistryDep

router = APIRouter(prefix="/citations", tags=["documents"])


@router.get(
    "/{path:path}",
    summary="A reference to an issued document: BibTeX (.bib), RIS (.ris) or CSL-JSON (.json)",
    response_class=Response,
    responses={200: {"content": {media: {} for _, media in FORMATS.values()}}},
)
def citation(
    path: Annotated[str, Path(description="A symbol and an extension: A/HRC/41/G/7.bib")],
    request: Request, actor: MaybeActor, registry: RegistryDep,
) -> Response:
    stem, _, extension = path.strip("/").rpartition(".")
    if extension not in FORMATS:
        raise InvalidInput("a citation is .bib, .ris or .json, got %(path)r", path=path)
    issued = registry.document(Symbol.parse_any_case(stem), actor=actor)
    write, media_type = FORMATS[extension]
    name = f"{issued.symbol.uri_slug()}.{extension}"
    return Response(
        write(issued, str(request.base_url)), media_type=media_type,
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"},
    )
