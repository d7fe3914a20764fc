"""``/api/sessions`` and ``/api/agenda-items``: the Council's calendar and agenda."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from palais.web.api.views import agenda_item_json, session_json
from palais.web.deps import RegistryDep

router = APIRouter(tags=["sessions"])


@router.get("/sessions", summary="Sessions of the Council, with their dates")
def list_sessions(registry: RegistryDep) -> list[dict[str, Any]]:
    return [session_json(s) for s in registry.sessions()]


@router.get("/sessions/{number}", summary="One session")
def get_session(number: int, registry: RegistryDep) -> dict[str, Any]:
    return session_json(registry.session(number))


@router.get("/agenda-items", summary="Items of the Council's agenda")
def list_agenda_items(registry: RegistryDep) -> list[dict[str, Any]]:
    return [agenda_item_json(i) for i in registry.agenda_items()]
