"""Browsing the public archive by session, agenda item and State.

Browsing is a search with no words: the search index already counts issued
documents per session, agenda item and State (its facets), so the pages ask it
rather than the registry, which holds submissions in every state. What the
counts are counted against comes from the conventions, in the reader's
language: every session of the calendar with its dates (a session with no
document yet is still one a researcher looks for), the standing agenda items
with their titles, and the States by name.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais import conventions
from palais.errors import NotFound, UnknownSession, UnknownState
from palais.languages import Language
from palais.model import Party
from palais.web.ui.i18n import negotiate
from palais.web.ui.rendering import render
from palais.web.ui.search import search_index

router = APIRouter()

LISTING_LENGTH = 100
AGENDA_ITEMS = range(1, 11)  # the Council's ten standing agenda items


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a browsing list: where it leads, what it says, how many documents."""

    href: str
    label: str
    detail: str
    count: int
    year: int | None = None  # a session's: the browse page groups sessions by year


@router.get("/browse")
def browse(request: Request) -> Response:
    """Issued documents by session, agenda item and State, with their counts."""
    index = search_index(request)
    facets = index.search("", filters={}, page=1).facets if index is not None else {}
    counts = {name: {str(v): c for v, c in values} for name, values in facets.items()}
    lang = negotiate(request)
    sessions = [
        Row(f"/browse/sessions/{s.number}", conventions.session_line(s.number, lang),
            conventions.date_range(s.opening, s.closing, lang),
            counts.get("session", {}).get(str(s.number), 0), s.opening.year)
        for s in sorted(request.app.state.registry.sessions(), key=lambda s: -s.number)
        if not s.special
    ]
    items = [
        Row(f"/browse/agenda/{n}", conventions.agenda_line([n], lang),
            conventions.agenda_title(n, lang), counts.get("agenda_item", {}).get(str(n), 0))
        for n in AGENDA_ITEMS
    ]
    states = [
        Row(f"/browse/states/{iso3}", _state_name(iso3, lang), "", count)
        for iso3, count in counts.get("sender", {}).items()
    ]
    states.sort(key=lambda row: row.label)
    return render(request, "browse.html", {"sessions": sessions, "items": items, "states": states})


def _state_name(iso3: str, lang: Language) -> str:
    try:
        return conventions.state_name(iso3, lang)
    except UnknownState:
        return iso3


@router.get("/browse/sessions/{number}")
def by_session(request: Request, number: int, page: int = 1) -> Response:
    try:
        request.app.state.registry.session(number)
    except UnknownSession:
        raise NotFound("the Council's calendar has no session %(number)s", number=number) from None
    return _listing(request, "session", number, page)


@router.get("/browse/agenda/{number}")
def by_agenda_item(request: Request, number: int, page: int = 1) -> Response:
    if number not in AGENDA_ITEMS:
        raise NotFound("the Council's agenda has no item %(number)s (items 1 to 10)", number=number)
    return _listing(request, "agenda_item", number, page)


@router.get("/browse/states/{iso3}")
def by_state(request: Request, iso3: str, page: int = 1) -> Response:
    try:
        conventions.state_name(iso3.upper(), Language.EN)
    except UnknownState:
        raise NotFound("no Member or observer State has the code %(iso3)r", iso3=iso3) from None
    if iso3 != iso3.upper():
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/browse/states/{iso3.upper()}{query}", status_code=308)
    return _listing(request, "sender", Party(iso3).iso3, page)


def _listing(request: Request, facet: str, value: int | str, page: int) -> Response:
    index = search_index(request)
    results = (
        index.search("", filters={facet: str(value)}, page=max(page, 1), reader=negotiate(request))
        if index is not None else None
    )
    context = {
        "kind": facet, "value": value, "documents": results.hits if results else [],
        "results": results, "base_query": "",
    }
    if facet == "sender":
        context["state_name"] = _state_name(str(value), negotiate(request))
    return render(request, "listing.html", context)
