"""``/health/live`` and ``/health/ready``: what a load balancer asks a node.

Live: the process answers (a load balancer or supervisor restarts a node that
does not). Ready: the node can serve readers now — its store answers and its
search index is at most :data:`READY_BEHIND` change records behind the store's
latest (a node that was down catches up before it says so). The answer also
shows the standby's lag when public reads may go to one; a lagging or absent
standby does not make a node unready, since its reads then go to the primary.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from palais.publish.following import IndexFollower
from palais.registry import Registry

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/health", tags=["health"])

READY_BEHIND = 100  # the follower applies that many in well under a second


@router.get("/live", summary="The process answers")
def live() -> dict[str, str]:
    return {"status": "live"}


@router.get("/ready", summary="The node can serve: store reachable, search index current")
def ready(request: Request) -> JSONResponse:
    registry: Registry = request.app.state.registry
    follower: IndexFollower | None = getattr(request.app.state, "follower", None)
    body: dict[str, Any] = {}
    try:
        latest = registry.latest_change()
    except Exception as exc:  # any failure to reach the store means: send readers elsewhere
        logger.warning("readiness: the store does not answer: %s", exc)
        body = {"status": "unready", "store": {"reachable": False, "error": str(exc)[:200]}}
        return JSONResponse(body, status_code=503)
    body["store"] = {"reachable": True, "latest_change": latest}
    position = None
    if follower is not None:
        mark = follower.index.mark()
        position = mark.position if mark is not None else None
        body["index"] = {
            "position": position,
            "behind": None if position is None else max(latest - position, 0),
        }
    standby = registry.reads.state()
    body["standby"] = (
        {
            "reachable": standby.reachable,
            "in_use": standby.in_use,
            "lag_bytes": standby.lag_bytes,
            "lag_seconds": None if standby.lag_seconds is None else round(standby.lag_seconds, 3),
        }
        if standby.configured else None
    )
    current = follower is None or (position is not None and latest - position <= READY_BEHIND)
    body["status"] = "ready" if current else "unready"
    return JSONResponse(body, status_code=200 if current else 503)
