"""The page of an issued document and of each of its language versions.

``/documents/<symbol>`` shows the Work and its six language versions;
``/documents/<symbol>/<lang>`` one version, read in the page, with its
formats (PDF, HTML, Akoma Ntoso, text) to download from the API's
``/api/documents/<symbol>/<lang>.<ext>``.
"""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from palais.languages import Language
from palais.model import Format
from palais.symbols import Symbol
from palais.web.ui.access import current_actor
from palais.web.ui.rendering import render

router = APIRouter()

_LANGS = {lang.value: lang for lang in Language}


@router.get("/documents/{path:path}")
def document_page(request: Request, path: str) -> Response:
    rest, _, last = path.strip("/").rpartition("/")
    language = _LANGS.get(last) if rest else None
    symbol = Symbol.parse(rest if language else path.strip("/"))
    document = request.app.state.registry.document(symbol, actor=current_actor(request))
    return render(
        request,
        "document.html",
        {
            "symbol": symbol,
            "document": document,
            "version": language,
            "formats": tuple(Format),
        },
    )
