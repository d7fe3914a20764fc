"""The search page: a query box, results with their versions, and facets to narrow by."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from palais.web.ui.i18n import negotiate
from palais.web.ui.rendering import render

router = APIRouter()

FACETS = ("session", "agenda_item", "sender", "language", "doc_type", "year")


@router.get("/search")
def search_page(request: Request, q: str = "", page: int = 1) -> Response:
    params = request.query_params
    filters = {name: params[name] for name in FACETS if params.get(name)}
    index = search_index(request)
    results = None
    if index is not None and (q.strip() or filters):
        results = index.search(
            q, filters=filters, page=max(page, 1), reader=negotiate(request)
        )
    base_query = urlencode({"q": q, **filters})
    return render(
        request,
        "search.html",
        {"q": q, "filters": filters, "results": results, "available": index is not None,
         "base_query": base_query},
    )


def search_index(request: Request) -> Any | None:
    """The app's search index, level with the store (one query when it already is: the
    index follows the store's change records, whichever process made them); None on a
    server configured without one (pages say so)."""
    follower = getattr(request.app.state, "follower", None)
    if follower is None:
        return None
    follower.catch_up()
    return follower.index
