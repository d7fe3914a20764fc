"""The page of an issued document and of each of its language versions.

``/documents/<symbol>`` shows the Work and its six language versions;
``/documents/<symbol>/<lang>`` one version, read in the page, with its
formats (PDF, HTML, Akoma Ntoso, text) to download from the API's
``/api/documents/<symbol>/<lang>.<ext>``.
"""

from __future__ import annotations

import contextlib
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais import conventions
from palais.errors import PalaisError
from palais.languages import Language
from palais.model import Document, Format
from palais.publish.citations import un_citation
from palais.web.api.paths import parse_page_path
from palais.web.ui.access import current_actor
from palais.web.ui.corrections import may_start
from palais.web.ui.i18n import negotiate
from palais.web.ui.rendering import render
from palais.web.ui.search import search_index

router = APIRouter()


@router.get("/documents/{path:path}")
def document_page(request: Request, path: str) -> Response:
    target = parse_page_path(path)
    if target.canonical() != path.strip("/"):
        # Any case of a symbol or language code leads, permanently, to the page's own URL.
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(
            f"/documents/{quote(target.canonical())}{query}", status_code=308
        )
    symbol, language = target.symbol, target.language
    actor = current_actor(request)
    document = request.app.state.registry.document(symbol, actor=actor)
    reader = negotiate(request)
    return render(
        request,
        "document.html",
        {
            "symbol": symbol,
            "document": document,
            "labels": labels(getattr(document, "document", document), reader),
            # A version's page shows the title that version prints; the Work's, the reader's.
            "title": document.title_for(language or reader),
            "related": related(document),
            "version": language,
            # Only someone the workflow lets start a corrigendum sees the button.
            "may_correct": may_start(actor, document),
            # The formats this version exists in (an imported document: its one file).
            "formats": tuple(
                f for f in Format
                if any(r.format is f and r.language is language
                       for r in getattr(document, "manifestations", ()))
            ) or tuple(Format.composed()),
            **details(request, document, reader),
        },
    )


def details(request: Request, issued: Any, reader: Language) -> dict[str, Any]:
    """What the UN Digital Library shows of a document, beyond its cover lines: the
    distribution date, original language, job number, agenda items with their titles,
    annexes, the files of every version, other documents of the State in the session,
    and how to cite it."""
    doc: Document = getattr(issued, "document", issued)
    items = []
    for number in doc.agenda_items:
        try:
            items.append((number, conventions.agenda_title(number, reader)))
        except PalaisError:
            items.append((number, ""))
    files: dict[Language, list[Any]] = {}
    for ref in getattr(issued, "manifestations", ()):
        files.setdefault(ref.language, []).append(ref)
    issued_at = getattr(issued, "issued_at", None)
    return {
        "distributed": conventions.format_date(issued_at.date(), reader) if issued_at else None,
        "original_language": doc.original_language or doc.language,
        "items": items,
        "annexes": [a for a in doc.annexes],
        "files": [(lang, files[lang]) for lang in Language if lang in files],
        "neighbours": _neighbours(request, doc, reader),
        "citation": un_citation(issued, reader) if hasattr(issued, "title_for") else None,
    }


def _neighbours(request: Request, doc: Document, reader: Language) -> list[Any]:
    """Other issued documents from the same State in the same session (from the index)."""
    index = search_index(request)
    if index is None or doc.session is None or doc.sender is None:
        return []
    found = index.search(
        "", filters={"session": str(doc.session), "sender": doc.sender.iso3}, reader=reader
    )
    return [hit for hit in found.hits if hit.symbol != str(doc.symbol)]


def labels(doc: Document, lang: Language) -> dict[str, str]:
    """The record's session, sender and date as the UN writes them in the reader's language."""
    out: dict[str, str] = {}
    if doc.session:
        with contextlib.suppress(PalaisError):
            out["session"] = conventions.session_line(doc.session, lang)
    if doc.sender:
        with contextlib.suppress(PalaisError):
            out["sender"] = conventions.state_name(doc.sender.iso3, lang)
    if doc.doc_date:
        out["date"] = conventions.format_date(doc.doc_date, lang)
    return out


def related(issued: object) -> list[str]:
    """The original of a corrigendum, revision or addendum, and those issued since."""
    original = getattr(issued, "original", None)
    versions = getattr(issued, "versions", ()) or ()
    return [str(s) for s in ((original,) if original else ()) + tuple(versions)]
