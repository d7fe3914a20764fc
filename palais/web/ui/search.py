"""The search page: a query box, filters shown as removable chips, facets that add to
them, a sort order and a date range; and the help page of the query language."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from palais import conventions
from palais.errors import InvalidInput
from palais.web.search.labels import facet_names, value_label
from palais.web.search.params import SearchParams, read_search
from palais.web.search.results import run_search
from palais.web.ui.i18n import negotiate, translations
from palais.web.ui.rendering import render
from palais.web.ui.search_help import EXAMPLES

router = APIRouter()


@router.get("/search")
def search_page(request: Request) -> Response:
    lang = negotiate(request)
    gettext = translations(lang).gettext
    context: dict[str, Any] = {
        "available": True, "found": None, "error": None, "names": facet_names(gettext),
        "facet_label": lambda name, value: value_label(name, value, lang, gettext),
        "format_date": conventions.format_date,
    }
    try:
        params = read_search(request.query_params)
    except InvalidInput as exc:
        params = SearchParams(request.query_params.get("q", ""))
        return render(request, "search.html", {**context, "params": params,
                                               "error": exc.translated(gettext)},
                      status=exc.http_status)
    index = search_index(request)
    context["available"] = index is not None
    status = 200
    if index is not None and params.asked:
        try:
            context["found"] = run_search(index, params, lang, gettext)
        except InvalidInput as exc:
            context["error"], status = exc.translated(gettext), exc.http_status
    return render(request, "search.html", {**context, "params": params}, status=status)


@router.get("/search/help")
def search_help(request: Request) -> Response:
    """The query language, each example a link to its search."""
    return render(request, "search_help.html", {"examples": EXAMPLES})


def search_index(request: Request) -> Any | None:
    """The app's search index, level with the store (one query when it already is: the
    index follows the store's change records, whichever process made them); None on a
    server configured without one (pages say so)."""
    follower = getattr(request.app.state, "follower", None)
    if follower is None:
        return None
    follower.catch_up()
    return follower.index
