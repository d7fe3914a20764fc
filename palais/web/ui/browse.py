"""Browsing the public archive by session, agenda item and State."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from palais.model import Party
from palais.web.ui.rendering import render

router = APIRouter()


@router.get("/browse")
def browse(request: Request) -> Response:
    """Issued documents by session, with the agenda items and States that occur."""
    registry = request.app.state.registry
    return render(request, "browse.html", {"facets": registry.public_facets()})


@router.get("/browse/sessions/{number}")
def by_session(request: Request, number: int) -> Response:
    return _listing(request, "session", number, {"session": number})


@router.get("/browse/agenda/{number}")
def by_agenda_item(request: Request, number: int) -> Response:
    return _listing(request, "agenda_item", number, {"agenda_item": number})


@router.get("/browse/states/{iso3}")
def by_state(request: Request, iso3: str) -> Response:
    party = Party(iso3.upper())
    return _listing(request, "state", party.iso3, {"sender": party.iso3})


def _listing(request: Request, kind: str, value: object, filters: dict[str, object]) -> Response:
    documents = request.app.state.registry.public_documents(**filters)
    return render(
        request, "listing.html", {"kind": kind, "value": value, "documents": documents}
    )
