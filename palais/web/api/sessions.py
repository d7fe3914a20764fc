"""``/api/sessions`` and ``/api/agenda-items``: the Council's calendar and agenda."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from palais.errors import NotFound, UnknownSession
from palais.model import Session
from palais.web.api.schemas import SessionBody
from palais.web.api.views import agenda_item_json, session_json
from palais.web.deps import CurrentActor, RegistryDep

router = APIRouter(tags=["sessions"])


@router.get("/sessions", summary="Sessions of the Council, with their dates")
def list_sessions(registry: RegistryDep) -> list[dict[str, Any]]:
    return [session_json(s) for s in registry.sessions()]


@router.post(
    "/sessions", status_code=201,
    summary="Add a session to the calendar, or correct its dates (secretariat)",
)
def add_session(
    body: SessionBody, registry: RegistryDep, actor: CurrentActor
) -> dict[str, Any]:
    session = Session(body.number, body.opening, body.closing, special=body.special,
                      actual_closing=body.actual_closing)
    return session_json(registry.add_session(actor, session))


@router.get("/sessions/{number}", summary="One session")
def get_session(number: int, registry: RegistryDep) -> dict[str, Any]:
    try:
        return session_json(registry.session(number))
    except UnknownSession as exc:
        # As a path, an unknown session is a resource that is not there, not bad input.
        raise NotFound(exc.message, **exc.params) from exc


@router.get("/agenda-items", summary="Items of the Council's agenda")
def list_agenda_items(registry: RegistryDep) -> list[dict[str, Any]]:
    return [agenda_item_json(i) for i in registry.agenda_items()]
