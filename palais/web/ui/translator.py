"""A translator's pages: the queue of their languages, and one submission in one language.

The queue lists each language of a submission in translation that the
translator holds (assigned by an officer, or claimed) or may claim, with the
symbol and the title in that language. The work page shows the whole note and
its annexes as sent, and each passage beside its original, with what the
translation memory and the conventions offer; a saved passage stays there,
revisable, until the document is issued. A translation refused (not in the
language, held by another) comes back in its field with the reason next to it,
in the page's language; "Preview" shows the composed version with what was
typed, without saving it.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from palais.compose.passages import passages
from palais.errors import Conflict, InvalidInput, PalaisError
from palais.languages import Language
from palais.registry.assignments import open_to
from palais.web.ui.access import TRANSLATOR, require
from palais.web.ui.i18n import negotiate, translations
from palais.web.ui.rendering import render
from palais.web.ui.translator_view import context_of, passage_views, shown_title

router = APIRouter(prefix="/translator")

Translator = Annotated[Any, Depends(require(TRANSLATOR))]
Text = Annotated[str, Form(max_length=100_000)]


@router.get("")
def queue(request: Request, actor: Translator) -> Response:
    items = request.app.state.registry.queue(actor)
    rows = [
        {"item": item, "title": shown_title(item.submission.document, item.language)}
        for item in items
    ]
    return render(request, "translator/queue.html", {"rows": rows})


@router.get("/{submission_id}/{language}")
def work(request: Request, actor: Translator, submission_id: int, language: str) -> Response:
    saved = request.query_params.get("saved")
    return _work(request, actor, submission_id, Language.parse(language), saved=saved)


@router.post("/{submission_id}/{language}/claim")
def claim(request: Request, actor: Translator, submission_id: int, language: str) -> Response:
    lang = Language.parse(language)
    try:
        request.app.state.registry.claim(actor, submission_id, lang)
    except Conflict as exc:
        return _work(request, actor, submission_id, lang, notice=_say(request, exc), status=409)
    return RedirectResponse(f"/translator/{submission_id}/{lang.value}", status_code=303)


@router.post("/{submission_id}/{language}/passages/{passage}")
def save(
    request: Request, actor: Translator, submission_id: int, language: str, passage: str,
    text: Text,
) -> Response:
    """Save (or revise) one passage; a refusal shows the page again with the text kept."""
    lang = Language.parse(language)
    try:
        request.app.state.registry.set_translation(actor, submission_id, passage, lang, text)
    except (InvalidInput, Conflict) as exc:
        return _work(
            request, actor, submission_id, lang, drafts={passage: text},
            errors={passage: _say(request, exc)}, status=exc.http_status,
        )
    where = f"/translator/{submission_id}/{lang.value}?{urlencode({'saved': passage})}"
    return RedirectResponse(f"{where}#p-{passage.replace('.', '-')}", status_code=303)


@router.post("/{submission_id}/{language}/passages/{passage}/use")
def use(
    request: Request, actor: Translator, submission_id: int, language: str, passage: str,
    text: Text,
) -> Response:
    """Put a suggestion in the passage's field, to be checked, edited and saved."""
    lang = Language.parse(language)
    return _work(request, actor, submission_id, lang, drafts={passage: text})


@router.post("/{submission_id}/{language}/passages/{passage}/preview")
def preview(
    request: Request, actor: Translator, submission_id: int, language: str, passage: str,
    text: Text,
) -> Response:
    """The composed version with ``text`` in its place, nothing saved."""
    lang = Language.parse(language)
    query = urlencode({"passage": passage, "text": text})
    return _work(
        request, actor, submission_id, lang, drafts={passage: text},
        preview=f"/api/submissions/{submission_id}/preview/{lang.value}.html?{query}",
    )


def _say(request: Request, exc: PalaisError) -> str:
    return exc.translated(translations(negotiate(request)).gettext)


def _work(
    request: Request,
    actor: Any,
    submission_id: int,
    lang: Language,
    *,
    drafts: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    saved: str | None = None,
    preview: str | None = None,
    notice: str | None = None,
    status: int = 200,
) -> Response:
    registry = request.app.state.registry
    submission = registry.get(actor, submission_id)
    doc = submission.document
    held = registry.assignments_of(actor, submission_id).get(lang)
    if not open_to(actor, lang, held) or lang is doc.language:
        raise Conflict(
            "this language of the submission is not open to you: it is assigned to another "
            "translator, or it is the language of the original"
        )
    gettext = translations(negotiate(request)).gettext
    memory = {
        key: registry.suggestions(actor, submission_id, key, lang)
        for key in (p.key for p in passages(doc))
    }
    if saved and preview is None:
        preview = f"/api/submissions/{submission_id}/preview/{lang.value}.html"
    return render(
        request,
        "translator/work.html",
        {
            "submission": submission,
            "language": lang,
            "title": shown_title(doc, lang),
            "held": held,
            "context": context_of(doc),
            "passages": passage_views(doc, lang, gettext, memory, drafts or {}, errors or {}),
            "saved": saved,
            "preview": preview,
            "notice": notice,
        },
        status=status,
    )
