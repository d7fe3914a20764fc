"""Browsing the public archive by session, agenda item and State.

Browsing is a search with no words: the search index already counts issued
documents per session, agenda item and State (its facets), so the pages ask it
rather than the registry, which holds submissions in every state.
"""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from palais.model import Party
from palais.web.ui.rendering import render
from palais.web.ui.search import search_index

router = APIRouter()

LISTING_LENGTH = 100


@router.get("/browse")
def browse(request: Request) -> Response:
    """Issued documents by session, agenda item and State, with their counts."""
    index = search_index(request)
    facets = index.search("", filters={}, page=1).facets if index is not None else {}
    return render(request, "browse.html", {"facets": facets})


@router.get("/browse/sessions/{number}")
def by_session(request: Request, number: int) -> Response:
    return _listing(request, "session", number)


@router.get("/browse/agenda/{number}")
def by_agenda_item(request: Request, number: int) -> Response:
    return _listing(request, "agenda_item", number)


@router.get("/browse/states/{iso3}")
def by_state(request: Request, iso3: str) -> Response:
    return _listing(request, "sender", Party(iso3.upper()).iso3)


def _listing(request: Request, facet: str, value: int | str) -> Response:
    index = search_index(request)
    hits = index.search("", filters={facet: str(value)}, page=1).hits if index is not None else []
    return render(request, "listing.html", {"kind": facet, "value": value, "documents": hits})
