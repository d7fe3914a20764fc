"""What harvesters and crawlers read: ``/oai`` (OAI-PMH 2.0, GET and POST) and
``/sitemap.xml`` (every public page: each document and each of its language versions)."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

from fastapi import APIRouter, Request, Response
from lxml import etree

from palais import conventions
from palais.errors import PalaisError
from palais.languages import Language
from palais.publish.oai import Archive, respond
from palais.symbols import Symbol

router = APIRouter()
PAGE_SIZE = 100  # records per response; ``app.state.oai_page_size`` overrides it
AGENDA_ITEMS = range(1, 11)


@router.api_route("/oai", methods=["GET", "POST"], include_in_schema=False)
async def oai(request: Request) -> Response:
    args = dict(request.query_params)
    if request.method == "POST":
        args = {k: str(v) for k, v in (await request.form()).items()}
    body = respond(_archive(request), args)
    return Response(body, media_type="text/xml; charset=utf-8")


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


@router.get("/sitemap.xml", include_in_schema=False)
def sitemap(request: Request) -> Response:
    """The pages to crawl; a document's page changes when a version of it is issued."""
    base = str(request.base_url).rstrip("/")
    root = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS})

    def add(path: str, modified: datetime | None = None) -> None:
        url = etree.SubElement(root, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = base + quote(path)
        if modified is not None:
            etree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = modified.date().isoformat()

    for path in ("/", "/browse", "/search", "/search/help"):
        add(path)
    for issued in request.app.state.registry.archive():
        add(f"/documents/{issued.symbol}", issued.issued_at)
        for lang in issued.languages:
            add(f"/documents/{issued.symbol}/{lang.value}", issued.issued_at)
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return Response(body, media_type="application/xml")


def _archive(request: Request) -> Archive:
    registry = request.app.state.registry

    def document(symbol: str) -> object | None:
        try:
            return registry.document(Symbol.parse_any_case(symbol))
        except PalaisError:
            return None

    def sets() -> list[tuple[str, str]]:
        sessions = [
            (f"session:{s.number}", f"Human Rights Council, {_session(s.number)}")
            for s in sorted(registry.sessions(), key=lambda s: s.number) if not s.special
        ]
        items = [
            (f"agenda:{n}", f"Agenda item {n}: {conventions.agenda_title(n, Language.EN)}")
            for n in AGENDA_ITEMS
        ]
        return sessions + items

    return Archive(
        documents=registry.archive_after, document=document, sets=sets,
        base_url=str(request.base_url),
        page_size=int(getattr(request.app.state, "oai_page_size", PAGE_SIZE)),
    )


def _session(number: int) -> str:
    try:
        return conventions.session_line(number, Language.EN).lower()
    except PalaisError:
        return f"session {number}"
