"""``/api/notifications``: what a mission has been told about its submissions."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from palais.web.api.views import plain
from palais.web.deps import CurrentActor, RegistryDep

router = APIRouter(prefix="/notifications", tags=["submissions"])


@router.get("", summary="The caller's mission's notifications, newest first")
def notifications(actor: CurrentActor, registry: RegistryDep) -> list[dict[str, Any]]:
    return [plain(n) for n in registry.notifications(actor)]
