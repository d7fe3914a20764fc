"""``/api/search``: the search page's search, as JSON (same query language, facets, pages)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from palais.errors import NotFound
from palais.languages import Language
from palais.web.search.params import read_search
from palais.web.search.results import found_json, run_search
from palais.web.ui.i18n import negotiate, translations
from palais.web.ui.search import search_index

router = APIRouter(tags=["search"])

_Text = Annotated[str | None, Query()]


@router.get(
    "/search",
    summary="Search the issued documents",
    description=(
        "The query language of the search page: words (`Kalbajar`), \"phrases\", "
        "prefixes (`Kalb*`), `OR` between two clauses, `-word` to exclude, and "
        "`symbol:`, `state:`, `session:`, `agenda:`, `year:` fields. Filters combine; "
        "`sort` is `relevance` (default), `date` or `symbol`; `from` and `until` are dates "
        "(YYYY-MM-DD). Titles and facet names are in `lang` (else Accept-Language). "
        "A malformed parameter is a 400 problem naming it; a page past the last a 404."
    ),
)
def search_api(
    request: Request,
    q: Annotated[str, Query(max_length=500, description="the query")] = "",
    page: Annotated[str, Query(description="1 to 1000")] = "1",
    sort: Annotated[str, Query(description="relevance, date or symbol")] = "relevance",
    session: _Text = None,
    agenda_item: _Text = None,
    sender: Annotated[str | None, Query(description="a State, ISO 3166 alpha-3")] = None,
    doc_type: _Text = None,
    language: _Text = None,
    year: _Text = None,
    symbol: Annotated[str | None, Query(description="a symbol, or its beginning and *")] = None,
    from_: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
    lang: Annotated[str | None, Query(description="the reader's language")] = None,
) -> dict[str, Any]:
    params = read_search(request.query_params)
    reader = Language.parse(lang) if lang else negotiate(request)
    index = search_index(request)
    if index is None:
        raise NotFound("search is not available on this server (it has no search index)")
    gettext = translations(reader).gettext
    found = run_search(index, params, reader, gettext)
    if found.past_the_end:
        raise NotFound(
            "page %(page)s is past the last page of this search (%(pages)s)",
            page=params.page, pages=found.results.pages,
        )
    return found_json(found, reader, gettext)
