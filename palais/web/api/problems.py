"""``/api/problems/<type>``: what each problem ``type`` of an error body means (RFC 9457 §3.1.1)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from palais.errors import NotFound
from palais.web.problems import problem_kinds

router = APIRouter(prefix="/problems", tags=["problems"])


@router.get("/{slug}", summary="Describe one kind of problem")
def describe_problem(slug: str) -> dict[str, Any]:
    kinds = problem_kinds()
    if slug not in kinds:
        raise NotFound("no problem type %(slug)r", slug=slug)
    return {"type": f"/api/problems/{slug}", **kinds[slug]}
