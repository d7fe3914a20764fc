"""``/api/translator`` and a submission's assignments, suggestions and previews.

Each route is one use case of :mod:`palais.registry.translating`: an officer
assigns a language of a submission to a translator, a translator claims one,
reads their queue, asks the translation memory for what issued documents
printed for a passage, and previews the composed version in a language
(translations typed but not saved yet may be shown in it). Saving a translation
stays ``PUT /api/submissions/{id}/translations/{passage}/{language}``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from palais.compose import render
from palais.languages import Language
from palais.model import Format
from palais.web.api.schemas import AssignmentBody
from palais.web.api.views import plain, submission_json
from palais.web.deps import CurrentActor, RegistryDep

router = APIRouter(tags=["translation"])
Json = dict[str, Any]


@router.get("/translator/queue", summary="The languages of submissions the caller may translate")
def queue(actor: CurrentActor, registry: RegistryDep) -> list[Json]:
    return [
        {
            "submission": submission_json(item.submission),
            "language": item.language.value,
            "assignment": plain(item.assignment),
            "passages": list(item.passages),
            "missing": list(item.missing),
        }
        for item in registry.queue(actor)
    ]


@router.get("/submissions/{submission_id}/assignments", summary="Who translates which language")
def assignments(submission_id: int, actor: CurrentActor, registry: RegistryDep) -> Json:
    held = registry.assignments_of(actor, submission_id)
    return {lang.value: plain(a) for lang, a in held.items()}


@router.put(
    "/submissions/{submission_id}/assignments/{language}",
    summary="Assign one language of a submission to a translator (or to nobody)",
)
def assign(
    submission_id: int, language: Language, body: AssignmentBody, actor: CurrentActor,
    registry: RegistryDep,
) -> Json | None:
    result: Json | None = plain(registry.assign(actor, submission_id, language, body.translator))
    return result


@router.post(
    "/submissions/{submission_id}/assignments/{language}/claim",
    summary="Claim one language of a submission (a translator into it, while nobody holds it)",
)
def claim(
    submission_id: int, language: Language, actor: CurrentActor, registry: RegistryDep
) -> Json:
    result: Json = plain(registry.claim(actor, submission_id, language))
    return result


@router.get(
    "/submissions/{submission_id}/suggestions/{passage}/{language}",
    summary="What issued documents printed for the same or a nearly identical passage",
)
def suggestions(
    submission_id: int, passage: str, language: Language, actor: CurrentActor,
    registry: RegistryDep,
) -> list[Json]:
    return [
        {**plain(s), "exact": s.exact}
        for s in registry.suggestions(actor, submission_id, passage, language)
    ]


@router.get(
    "/submissions/{submission_id}/preview/{language}.html",
    summary="The language version as it would be composed now (HTML); nothing is saved",
    responses={200: {"content": {"text/html": {}}}},
)
def preview(
    submission_id: int,
    language: Language,
    actor: CurrentActor,
    registry: RegistryDep,
    passage: Annotated[str | None, Query(max_length=100)] = None,
    text: Annotated[str | None, Query(max_length=20_000)] = None,
) -> Response:
    drafts = {passage: text} if passage and text else {}
    version = registry.preview(actor, submission_id, language, drafts)
    return Response(render(version, Format.HTML), media_type="text/html; charset=utf-8")
